/**
 * `chartclerk audit verify` (walk the hash chain; exit 1 and name the first broken row when an
 * entry was edited or deleted) and `chartclerk audit list` (search the log).
 */
import type { Command } from 'commander'
import { dateOption } from '../dates.js'
import { latestCheckpoint, writeCheckpoint } from '../../audit/checkpoint.js'
import { AuditLog } from '../../audit/log.js'
import { createObjectStore } from '../../storage/createStore.js'
import { cliAudit } from './actor.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { openSqlCatalog } from '../../catalog/sql/open.js'
import { ChartclerkError } from '../../errors.js'
import { configFrom, globalOptions } from '../context.js'

export interface AuditCommandDeps {
  out?: (line: string) => void
  setExitCode?: (code: number) => void
}

export function registerAuditCommands(program: Command, deps: AuditCommandDeps = {}): void {
  const out = deps.out ?? ((line: string) => void process.stdout.write(`${line}\n`))
  const setExit = deps.setExitCode ?? ((code: number) => void (process.exitCode = code))
  const audit = program.command('audit').description('The audit log of the web desk: verify its hash chain, list entries')

  audit
    .command('verify')
    .description('Check that no audit entry was changed or removed (exit 1 at the first broken entry)')
    .option('--json', 'print the result as JSON')
    .option('--no-checkpoint', 'do not compare with the latest checkpoint in the object store (when storage is down)')
    .action(async (o: { json?: boolean; checkpoint: boolean }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const store = o.checkpoint ? await createObjectStore(config) : null
      try {
        await store?.init()
        const cp = store ? await latestCheckpoint(store) : null
        const sql = await openSqlCatalog(config.catalog, catalog.db)
        let r
        try {
          r = await new AuditLog(sql).verify(cp)
        } finally {
          await sql.close()
        }
        await cliAudit(config, catalog.db, null, {
          action: 'audit.verify',
          detail: { ok: r.ok, rows: r.rows, firstBroken: r.firstBroken?.id ?? null, checkpoint: cp?.seq ?? null },
        })
        if (o.json || globalOptions(cmd).json) out(JSON.stringify(r))
        else if (r.ok)
          out(
            `audit log intact: ${r.rows} entr${r.rows === 1 ? 'y' : 'ies'}, each chained to the one before; head ${r.head}` +
              (cp
                ? `\nit holds the latest checkpoint (row ${cp.seq}, written ${cp.at})`
                : store
                  ? '\nno checkpoint in the object store yet ("chartclerk audit checkpoint" writes one)'
                  : ''),
          )
        else
          out(
            `audit log BROKEN at entry ${r.firstBroken!.id}: ${r.firstBroken!.problem}\n` +
              `${r.rows} entr${r.rows === 1 ? 'y' : 'ies'} before it are intact. Keep a copy of the catalog as it is now and tell the privacy officer.`,
          )
        setExit(r.ok ? 0 : 1)
      } finally {
        catalog.close()
        await store?.close()
      }
    })

  audit
    .command('checkpoint')
    .description("Write the audit log's head (row number and hash) to the object store now, so later truncation shows")
    .action(async (_o: unknown, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      const store = await createObjectStore(config)
      try {
        await store.init()
        const sql = await openSqlCatalog(config.catalog, catalog.db)
        let cp, head
        try {
          const log = new AuditLog(sql)
          cp = await writeCheckpoint(store, log)
          head = await log.head()
        } finally {
          await sql.close()
        }
        out(
          cp
            ? `checkpoint written: row ${cp.seq}, hash ${cp.hash}`
            : head
              ? `a checkpoint of row ${head.seq} is already kept`
              : 'the audit log is empty; nothing to keep',
        )
      } finally {
        catalog.close()
        await store.close()
      }
    })

  audit
    .command('list')
    .description('Audit entries, newest first')
    .option('--actor <user>', 'one person')
    .option('--action <action>', 'an action (document.view) or a group (document)')
    .option('--mrn <mrn>', 'one chart')
    .option('--document <id>', 'one document')
    .option('--since <date>', 'from this day (YYYY-MM-DD)')
    .option('--until <date>', 'up to and including this day (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'one JSON object per line')
    .action(
      async (
        o: {
          actor?: string
          action?: string
          mrn?: string
          document?: string
          since?: string
          until?: string
          limit: string
          json?: boolean
        },
        cmd: Command,
      ) => {
        dateOption(o.since, '--since')
        dateOption(o.until, '--until')
        const limit = Number(o.limit)
        if (!Number.isInteger(limit) || limit < 1) throw new ChartclerkError('USAGE', '--limit wants a whole number.')
        const config = configFrom(cmd)
        const catalog = await openDeskCatalog(config.catalog)
        try {
          const sql = await openSqlCatalog(config.catalog, catalog.db)
          const { rows } = await new AuditLog(sql)
            .search({
              actor: o.actor,
              action: o.action,
              patientMrn: o.mrn,
              targetKind: o.document ? 'document' : undefined,
              targetId: o.document,
              from: o.since,
              to: o.until,
              timeZone: config.clinic.timeZone,
              limit,
            })
            .finally(() => sql.close())
          const json = !!(o.json || globalOptions(cmd).json)
          for (const r of rows) {
            if (json) out(JSON.stringify(r))
            else
              out(
                `#${r.id} ${r.at} ${r.actor} ${r.action}${r.outcome !== 'ok' ? ` (${r.outcome})` : ''}${r.targetKind ? ` ${r.targetKind} ${r.targetId ?? ''}` : ''}${r.patientMrn ? ` chart ${r.patientMrn}` : ''}${r.source ? ` from ${r.source}` : ''}`,
              )
          }
          setExit(0)
        } finally {
          catalog.close()
        }
      },
    )
}
