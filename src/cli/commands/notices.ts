/** `chartclerk notices list | print ID | sent ID | received ID | history ID`: records requests to outside providers. */
import { clockFromConfig, noonOf, type Clock } from '../../clock/clock.js'
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { actingPerson, cliAudit } from './actor.js'
import { dateOption } from '../dates.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'
import { ChartclerkError } from '../../errors.js'

import { NOTICE_STATUSES, NoticesRepo, renderNoticeHtml, syncNotices, type NoticeStatus } from '../../reports/notices.js'
import { configFrom, globalOptions } from '../context.js'
import { listOption } from './report.js'

/** `--date D`: noon of that day in the clinic's zone, so the day stays D wherever it is read. */
function when(v: string | undefined, clock: Clock): string | undefined {
  if (v === undefined) return undefined
  dateOption(v, '--date')
  return noonOf(v, clock.timeZone)
}

export function registerNoticesCommands(program: Command): void {
  const notices = program
    .command('notices')
    .description('Records requests (notices of missing records) to outside providers, tracked to receipt')

  notices
    .command('list')
    .description('Records requests (default: not yet received); new ones are opened for open missing-document deficiencies first')
    .option('--status <list>', `comma-separated: ${NOTICE_STATUSES.join(', ')} (default: pending,sent)`)
    .option('--all', 'every status')
    .option('--mrn <mrn>', 'one chart')
    .option('--json', 'one JSON object per line')
    .action(async (o: { status?: string; all?: boolean; mrn?: string; json?: boolean }, cmd: Command) => {
      const status = o.all ? undefined : (listOption<NoticeStatus>('status', o.status, NOTICE_STATUSES) ?? ['pending', 'sent'])
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const clock = clockFromConfig(config)
        const list = await withSqlCatalog(config.catalog, catalog.db, async (sql) => {
          await syncNotices(catalog, sql, { clock })
          return new NoticesRepo(sql).list({ status, mrn: o.mrn })
        })
        await cliAudit(config, catalog.db, null, {
          action: 'report.view',
          targetKind: 'report',
          targetId: 'notices',
          detail: { shown: list.length, mrns: [...new Set(list.map((n) => n.chartMrn))].slice(0, 500) },
        })
        const json = !!(o.json || globalOptions(cmd).json)
        const asOf = clock.today()
        for (const n of list) {
          const overdue = (n.status === 'pending' || n.status === 'sent') && !!n.dueDate && n.dueDate < asOf
          if (json) process.stdout.write(JSON.stringify({ ...n, overdue }) + '\n')
          else
            process.stdout.write(
              `${n.trackingNumber} #${n.id} ${n.status.padEnd(9)} ${n.chartMrn} ${n.facility}; ${n.datesOfService.join(', ') || 'dates unknown'}` +
                `${n.sentAt ? `; sent ${clock.localDate(n.sentAt)}` : ''}${n.followUps ? ` (+${n.followUps} follow-up)` : ''}${n.dueDate ? `; due ${n.dueDate}` : ''}${overdue ? ' OVERDUE' : ''}` +
                `${n.receivedAt ? `; received ${clock.localDate(n.receivedAt)}` : ''} (deficiency #${n.deficiencyId})\n`,
            )
        }
        if (!json) process.stdout.write(`${list.length} records request(s)\n`)
      } finally {
        catalog.close()
      }
    })

  notices
    .command('print')
    .description('The letter to send (printable HTML); sets the due date if it has none')
    .argument('<id>', 'request number or tracking number (RR-000001)')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--by <name>', 'who prints it, for the history (default: you, the system user)')
    .action(async (ref: string, o: { out?: string; by?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const clock = clockFromConfig(config)
        const n = await withSqlCatalog(config.catalog, catalog.db, async (sql) => {
          const repo = new NoticesRepo(sql)
          return repo.markPrinted((await repo.require(ref)).id, {
            by: actingPerson(o.by),
            dueDays: config.deficiencies.recordsRequestDueDays,
            clock,
          })
        })
        const html = renderNoticeHtml({
          notice: n,
          patient: (await catalog.patients.get(n.chartMrn)) ?? null,
          clinic: config.clinic,
          date: clock.today(),
        })
        await cliAudit(config, catalog.db, o.by, {
          action: 'report.view',
          targetKind: 'report',
          targetId: n.trackingNumber,
          patientMrn: n.chartMrn,
          detail: { printed: true },
        })
        if (o.out) {
          writeFileSync(o.out, html, { mode: 0o600 })
          process.stderr.write(`${n.trackingNumber} written to ${o.out}\n`)
        } else process.stdout.write(html)
      } finally {
        catalog.close()
      }
    })

  notices
    .command('sent')
    .description('Record that the request was sent (again: a follow-up)')
    .argument('<id>', 'request number or tracking number')
    .option('--by <name>', 'who sent it (default: you, the system user)')
    .option('--date <date>', 'when, YYYY-MM-DD (default now)')
    .action(async (ref: string, o: { by?: string; date?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const clock = clockFromConfig(config)
        const n = await withSqlCatalog(config.catalog, catalog.db, async (sql) => {
          const repo = new NoticesRepo(sql)
          return repo.markSent((await repo.require(ref)).id, {
            by: actingPerson(o.by),
            at: when(o.date, clock),
            dueDays: config.deficiencies.recordsRequestDueDays,
            clock,
          })
        })
        if (globalOptions(cmd).json) process.stdout.write(JSON.stringify(n) + '\n')
        else
          process.stdout.write(
            `${n.trackingNumber} sent ${n.sentAt ? clock.localDate(n.sentAt) : ''}${n.followUps && n.lastFollowUpAt ? `, follow-up ${n.followUps} on ${clock.localDate(n.lastFollowUpAt)}` : ''}; due ${n.dueDate}\n`,
          )
      } finally {
        catalog.close()
      }
    })

  notices
    .command('received')
    .description('Record that the requested records arrived (filing them closes the deficiency)')
    .argument('<id>', 'request number or tracking number')
    .option('--by <name>', 'who received them (default: you, the system user)')
    .option('--date <date>', 'when, YYYY-MM-DD (default now)')
    .option('--note <text>', 'a note for the history')
    .action(async (ref: string, o: { by?: string; date?: string; note?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const clock = clockFromConfig(config)
        const n = await withSqlCatalog(config.catalog, catalog.db, async (sql) => {
          const repo = new NoticesRepo(sql)
          return repo.markReceived((await repo.require(ref)).id, { by: actingPerson(o.by), at: when(o.date, clock), note: o.note })
        })
        if (globalOptions(cmd).json) process.stdout.write(JSON.stringify(n) + '\n')
        else process.stdout.write(`${n.trackingNumber} received ${n.receivedAt ? clock.localDate(n.receivedAt) : ''}\n`)
      } finally {
        catalog.close()
      }
    })

  notices
    .command('history')
    .description('Every step of a request: created, printed, sent, follow-ups, received or cancelled')
    .argument('<id>', 'request number or tracking number')
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const history = await withSqlCatalog(config.catalog, catalog.db, async (sql) => {
          const repo = new NoticesRepo(sql)
          return repo.history((await repo.require(ref)).id)
        })
        for (const h of history) {
          if (globalOptions(cmd).json) process.stdout.write(JSON.stringify(h) + '\n')
          else process.stdout.write(`${h.at} ${h.by}: ${h.action}${h.note ? ` (${h.note})` : ''}\n`)
        }
      } finally {
        catalog.close()
      }
    })
}
