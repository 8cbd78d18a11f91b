/** `chartclerk stats [--json | --format html --out FILE] [--from D --to D]`: departmental statistics, with charts in the printable report. */
import { writeFileSync } from 'node:fs'
import { clockFromConfig } from '../../clock/clock.js'
import type { Command } from 'commander'
import { dateOption } from '../dates.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'
import { ChartclerkError } from '../../errors.js'
import { computeStats, formatStats } from '../../reports/stats.js'
import { renderStatsHtml } from '../../reports/statsReport.js'
import { buildTimeline } from '../../reports/timeline.js'
import { timelineCharts } from '../../reports/timelineCharts.js'
import { configFrom, globalOptions } from '../context.js'

export function registerStatsCommands(program: Command): void {
  program
    .command('stats')
    .description(
      'Filing throughput, review backlog, auto-filed share, open deficiencies by kind and age, delinquency, records requests outstanding',
    )
    .option('--from <date>', 'first day, YYYY-MM-DD (default: 30 days up to --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default today)')
    .option('--json', 'one JSON object')
    .option('--format <format>', 'text | json | html (printable, with charts of each day)', 'text')
    .option('--out <file>', 'write to this file (default: standard output)')
    .action(async (o: { from?: string; to?: string; json?: boolean; format: string; out?: string }, cmd: Command) => {
      if (!['text', 'json', 'html'].includes(o.format))
        throw new ChartclerkError('USAGE', `--format must be text, json or html, not "${o.format}".`)
      dateOption(o.from, '--from')
      dateOption(o.to, '--to')
      if (o.from && o.to && o.from > o.to) throw new ChartclerkError('USAGE', '--from must not be after --to.')
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const clock = clockFromConfig(config)
        const format = o.json || globalOptions(cmd).json ? 'json' : o.format
        const { s, timeline } = await withSqlCatalog(config.catalog, catalog.db, async (sql) => {
          const s = await computeStats(catalog, sql, {
            from: o.from,
            to: o.to,
            delinquentAfterDays: config.deficiencies.delinquentAfterDays,
            clock,
          })
          return { s, timeline: format === 'html' ? await buildTimeline(catalog, sql, s.period, clock) : null }
        })
        const text =
          format === 'json'
            ? JSON.stringify(s) + '\n'
            : format === 'html'
              ? renderStatsHtml(s, timelineCharts(timeline!), { clinicName: config.clinic.name || undefined })
              : formatStats(s)
                  .map((l) => l + '\n')
                  .join('')
        if (o.out) {
          writeFileSync(o.out, text, { mode: 0o600 })
          process.stderr.write(`statistics for ${s.period.from} to ${s.period.to} written to ${o.out}\n`)
        } else process.stdout.write(text)
      } finally {
        catalog.close()
      }
    })
}
