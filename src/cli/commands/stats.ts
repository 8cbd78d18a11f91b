/** `chartclerk stats [--json] [--from D --to D]`: departmental statistics. */
import { clockFromConfig } from '../../clock/clock.js'
import type { Command } from 'commander'
import { dateOption } from '../dates.js'
import { openCatalog } from '../../catalog/db.js'
import { ChartclerkError } from '../../errors.js'
import { computeStats, formatStats } from '../../reports/stats.js'
import { configFrom, globalOptions } from '../context.js'

export function registerStatsCommands(program: Command): void {
  program
    .command('stats')
    .description('Filing throughput, review backlog, auto-filed share, open deficiencies by kind and age, delinquency, records requests outstanding')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: 30 days up to --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default today)')
    .option('--json', 'one JSON object')
    .action((o: { from?: string; to?: string; json?: boolean }, cmd: Command) => {
      dateOption(o.from, '--from')
      dateOption(o.to, '--to')
      if (o.from && o.to && o.from > o.to) throw new ChartclerkError('USAGE', '--from must not be after --to.')
      const config = configFrom(cmd)
      const catalog = openCatalog(config.catalog.path)
      try {
        const s = computeStats(catalog, { from: o.from, to: o.to, delinquentAfterDays: config.deficiencies.delinquentAfterDays, clock: clockFromConfig(config) })
        if (o.json || globalOptions(cmd).json) process.stdout.write(JSON.stringify(s) + '\n')
        else for (const l of formatStats(s)) process.stdout.write(l + '\n')
      } finally {
        catalog.close()
      }
    })
}
