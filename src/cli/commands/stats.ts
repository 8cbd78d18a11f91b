/** `chartclerk stats [--json] [--from D --to D]`: departmental statistics. */
import type { Command } from 'commander'
import { openCatalog } from '../../catalog/db.js'
import { ChartclerkError } from '../../errors.js'
import { computeStats, formatStats } from '../../reports/stats.js'
import { configFrom, globalOptions } from '../context.js'

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function registerStatsCommands(program: Command): void {
  program
    .command('stats')
    .description('Filing throughput, review backlog, auto-filed share, open deficiencies by kind and age, delinquency, records requests outstanding')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: 30 days up to --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default today)')
    .option('--json', 'one JSON object')
    .action((o: { from?: string; to?: string; json?: boolean }, cmd: Command) => {
      for (const [k, v] of [['from', o.from], ['to', o.to]] as const)
        if (v !== undefined && !DATE.test(v)) throw new ChartclerkError('USAGE', `--${k} wants a date like 2025-06-30, not "${v}".`)
      if (o.from && o.to && o.from > o.to) throw new ChartclerkError('USAGE', '--from must not be after --to.')
      const config = configFrom(cmd)
      const catalog = openCatalog(config.catalog.path)
      try {
        const s = computeStats(catalog, { from: o.from, to: o.to, delinquentAfterDays: config.deficiencies.delinquentAfterDays })
        if (o.json || globalOptions(cmd).json) process.stdout.write(JSON.stringify(s) + '\n')
        else for (const l of formatStats(s)) process.stdout.write(l + '\n')
      } finally {
        catalog.close()
      }
    })
}
