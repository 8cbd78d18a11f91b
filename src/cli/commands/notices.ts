/** `chartclerk notices list | print ID | sent ID | received ID | history ID`: records requests to outside providers. */
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { actingPerson, cliAudit } from './actor.js'
import { dateOption } from '../dates.js'
import { openCatalog } from '../../catalog/db.js'
import { ChartclerkError } from '../../errors.js'
import { today } from '../../reports/aging.js'
import { NOTICE_STATUSES, NoticesRepo, renderNoticeHtml, syncNotices, type NoticeStatus } from '../../reports/notices.js'
import { configFrom, globalOptions } from '../context.js'
import { listOption } from './report.js'

function when(v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  dateOption(v, '--date')
  return `${v}T12:00:00.000Z`
}

export function registerNoticesCommands(program: Command): void {
  const notices = program.command('notices').description('Records requests (notices of missing records) to outside providers, tracked to receipt')

  notices
    .command('list')
    .description('Records requests (default: not yet received); new ones are opened for open missing-document deficiencies first')
    .option('--status <list>', `comma-separated: ${NOTICE_STATUSES.join(', ')} (default: pending,sent)`)
    .option('--all', 'every status')
    .option('--mrn <mrn>', 'one chart')
    .option('--json', 'one JSON object per line')
    .action((o: { status?: string; all?: boolean; mrn?: string; json?: boolean }, cmd: Command) => {
      const status = o.all ? undefined : (listOption<NoticeStatus>('status', o.status, NOTICE_STATUSES) ?? ['pending', 'sent'])
      const config = configFrom(cmd)
      const catalog = openCatalog(config.catalog.path)
      try {
        syncNotices(catalog)
        const list = new NoticesRepo(catalog.db).list({ status, mrn: o.mrn })
        cliAudit(catalog.db, null, { action: 'report.view', targetKind: 'report', targetId: 'notices', detail: { shown: list.length, mrns: [...new Set(list.map((n) => n.chartMrn))].slice(0, 500) } })
        const json = !!(o.json || globalOptions(cmd).json)
        const asOf = today()
        for (const n of list) {
          const overdue = (n.status === 'pending' || n.status === 'sent') && !!n.dueDate && n.dueDate < asOf
          if (json) process.stdout.write(JSON.stringify({ ...n, overdue }) + '\n')
          else
            process.stdout.write(
              `${n.trackingNumber} #${n.id} ${n.status.padEnd(9)} ${n.chartMrn} ${n.facility}; ${n.datesOfService.join(', ') || 'dates unknown'}` +
                `${n.sentAt ? `; sent ${n.sentAt.slice(0, 10)}` : ''}${n.followUps ? ` (+${n.followUps} follow-up)` : ''}${n.dueDate ? `; due ${n.dueDate}` : ''}${overdue ? ' OVERDUE' : ''}` +
                `${n.receivedAt ? `; received ${n.receivedAt.slice(0, 10)}` : ''} (deficiency #${n.deficiencyId})\n`,
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
    .action((ref: string, o: { out?: string; by?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = openCatalog(config.catalog.path)
      try {
        const repo = new NoticesRepo(catalog.db)
        const n = repo.markPrinted(repo.require(ref).id, { by: actingPerson(o.by), dueDays: config.deficiencies.recordsRequestDueDays })
        const html = renderNoticeHtml({ notice: n, patient: catalog.patients.get(n.chartMrn) ?? null, clinic: config.clinic })
        cliAudit(catalog.db, o.by, { action: 'report.view', targetKind: 'report', targetId: n.trackingNumber, patientMrn: n.chartMrn, detail: { printed: true } })
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
    .action((ref: string, o: { by?: string; date?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = openCatalog(config.catalog.path)
      try {
        const repo = new NoticesRepo(catalog.db)
        const n = repo.markSent(repo.require(ref).id, { by: actingPerson(o.by), at: when(o.date), dueDays: config.deficiencies.recordsRequestDueDays })
        if (globalOptions(cmd).json) process.stdout.write(JSON.stringify(n) + '\n')
        else process.stdout.write(`${n.trackingNumber} sent ${n.sentAt?.slice(0, 10)}${n.followUps ? `, follow-up ${n.followUps} on ${n.lastFollowUpAt?.slice(0, 10)}` : ''}; due ${n.dueDate}\n`)
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
    .action((ref: string, o: { by?: string; date?: string; note?: string }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = openCatalog(config.catalog.path)
      try {
        const repo = new NoticesRepo(catalog.db)
        const n = repo.markReceived(repo.require(ref).id, { by: actingPerson(o.by), at: when(o.date), note: o.note })
        if (globalOptions(cmd).json) process.stdout.write(JSON.stringify(n) + '\n')
        else process.stdout.write(`${n.trackingNumber} received ${n.receivedAt?.slice(0, 10)}\n`)
      } finally {
        catalog.close()
      }
    })

  notices
    .command('history')
    .description('Every step of a request: created, printed, sent, follow-ups, received or cancelled')
    .argument('<id>', 'request number or tracking number')
    .action((ref: string, _o: unknown, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = openCatalog(config.catalog.path)
      try {
        const repo = new NoticesRepo(catalog.db)
        for (const h of repo.history(repo.require(ref).id)) {
          if (globalOptions(cmd).json) process.stdout.write(JSON.stringify(h) + '\n')
          else process.stdout.write(`${h.at} ${h.by}: ${h.action}${h.note ? ` (${h.note})` : ''}\n`)
        }
      } finally {
        catalog.close()
      }
    })
}
