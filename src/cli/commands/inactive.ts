/**
 * `chartclerk inactive scan [--dry-run] [--as-of D]`, `inactive list`, `inactive restore MRN`:
 * charts with no new document or encounter for inactive.years years (or of deceased patients)
 * move to the archive location; a restore (or any new document filed) brings them back.
 */
import type { Command } from 'commander'
import { actingPerson } from './actor.js'
import { openApp } from '../../app.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'
import { ChartclerkError } from '../../errors.js'
import { listInactive, restoreChart, scanInactive } from '../../inactive/inactive.js'
import { silentLogger } from '../../log.js'
import { isoDate } from '../../release/service.js'
import { configFrom, globalOptions } from '../context.js'

const out = (s: string): void => void process.stdout.write(s + '\n')

export function registerInactiveCommands(program: Command): void {
  const inactive = program.command('inactive').description('Inactive charts: stored apart in the archive location, still retrievable')
  inactive
    .command('scan')
    .description(
      'Mark charts inactive (no new document or encounter for inactive.years years, or deceased) and move their objects to the archive',
    )
    .option('--dry-run', 'list the charts that qualify, change nothing')
    .option('--as-of <date>', 'judge inactivity as of this date (default today)')
    .option('--by <name>', 'who runs the scan (default: you, the system user)')
    .option('--json', 'print the result as JSON')
    .action(async (o: { dryRun?: boolean; asOf?: string; by?: string; json?: boolean }, cmd: Command) => {
      const json = !!(o.json || globalOptions(cmd).json)
      const asOf = isoDate(o.asOf, '--as-of')
      const app = await openApp(configFrom(cmd), { log: silentLogger() })
      try {
        const r = await scanInactive(app, { asOf, dryRun: o.dryRun, by: actingPerson(o.by) })
        if (json) return out(JSON.stringify(r))
        out(`Inactive as of ${r.asOf} (no activity since before ${r.cutoff}, ${r.years} year(s), or deceased):`)
        const moved = new Map(r.inactivated.map((c) => [c.mrn, c.objects]))
        for (const c of r.candidates) {
          out(
            `  ${c.mrn} ${c.reason === 'deceased' ? 'deceased' : 'no activity'}; last activity ${c.lastActivity ?? 'none'}; ${c.documents} document(s)${moved.has(c.mrn) ? `; ${moved.get(c.mrn)} object(s) moved to the archive` : ''}`,
          )
        }
        out(
          r.dryRun
            ? `${r.candidates.length} chart(s) would be made inactive. Nothing was changed.`
            : `${r.inactivated.length} chart(s) made inactive.`,
        )
      } finally {
        await app.close()
      }
    })
  inactive
    .command('list')
    .description('Charts that are inactive now')
    .option('--json', 'one JSON object per line')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const json = !!(o.json || globalOptions(cmd).json)
        const charts = await withSqlCatalog(config.catalog, catalog.db, (sql) => listInactive({ sql }))
        for (const c of charts)
          out(
            json
              ? JSON.stringify(c)
              : `${c.mrn} inactive since ${c.inactiveSince} (${c.reason === 'deceased' ? 'deceased' : 'no activity'}; last activity ${c.lastActivity ?? 'none'}; ${c.objects} object(s) archived)`,
          )
        if (!json) out(`${charts.length} inactive chart(s)`)
      } finally {
        catalog.close()
      }
    })
  inactive
    .command('restore')
    .description('Make an inactive chart active again: its objects come back from the archive')
    .argument('<mrn>', 'the chart')
    .option('--by <name>', 'who restores it (default: you, the system user)')
    .option('--json', 'print the result as JSON')
    .action(async (mrn: string, o: { by?: string; json?: boolean }, cmd: Command) => {
      const app = await openApp(configFrom(cmd), { log: silentLogger() })
      try {
        const r = await restoreChart(app, mrn, { by: actingPerson(o.by), why: 'restored by request' })
        if (!r)
          throw new ChartclerkError('NOT_FOUND', `Chart ${mrn} is not inactive. "chartclerk inactive list" shows the inactive charts.`)
        if (o.json || globalOptions(cmd).json) out(JSON.stringify(r))
        else out(`Chart ${mrn} is active again; ${r.objects} object(s) moved back from the archive.`)
      } finally {
        await app.close()
      }
    })
}
