/** `chartclerk report deficiencies --format html|csv|json [--out FILE]` with filters. */
import { clockFromConfig } from '../../clock/clock.js'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { cliAudit } from './actor.js'
import { dateOption } from '../dates.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'
import { DEFICIENCY_STATUSES, type DeficiencyStatus } from '../../deficiencies/repo.js'
import { ChartclerkError } from '../../errors.js'
import {
  buildDeficiencyReport,
  renderReportCsv,
  renderReportHtml,
  renderReportJsonLines,
  type ReportFilter,
} from '../../reports/deficiencyReport.js'
import { DEFICIENCY_KINDS, SEVERITIES, type DeficiencyKind, type Severity } from '../../rules/types.js'
import { configFrom } from '../context.js'

export function listOption<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (!value) return undefined
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const bad = list.filter((v) => !(allowed as readonly string[]).includes(v))
  if (bad.length)
    throw new ChartclerkError('USAGE', `--${name} must be one or more (comma-separated) of ${allowed.join(', ')}; not ${bad.join(', ')}.`)
  return list as T[]
}

function days(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v)) throw new ChartclerkError('USAGE', `--${name} wants a whole number of days, not "${v}".`)
  return Number(v)
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('Reports for the records desk (printable HTML, CSV for spreadsheets, JSON Lines)')
  report
    .command('deficiencies')
    .description('Deficiencies grouped by chart, with aging buckets (0-7, 8-14, 15-30, 31-60, >60 days), totals and the delinquent flag')
    .option('--format <format>', 'html | csv | json', 'html')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--status <list>', `comma-separated: ${DEFICIENCY_STATUSES.join(', ')} (default: open)`)
    .option('--kind <list>', `comma-separated: ${DEFICIENCY_KINDS.join(', ')}`)
    .option('--severity <list>', `comma-separated: ${SEVERITIES.join(', ')}`)
    .option('--rule <id>', 'one rule')
    .option('--mrn <mrn>', 'one chart')
    .option('--min-age-days <n>', 'only deficiencies at least this many days old')
    .option('--max-age-days <n>', 'only deficiencies at most this many days old')
    .option('--doc-type <list>', 'comma-separated document types (of the document the deficiency is about)')
    .option('--facility <text>', 'sending facility (part of its name, any case)')
    .option('--delinquent', 'only delinquent deficiencies')
    .option('--as-of <date>', 'age as of this day, YYYY-MM-DD (default today)')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const format = String(o.format)
      if (!['html', 'csv', 'json'].includes(format))
        throw new ChartclerkError('USAGE', `--format must be html, csv or json, not "${format}".`)
      const asOf = o.asOf as string | undefined
      dateOption(asOf, '--as-of')
      const filter: ReportFilter = {
        status: listOption<DeficiencyStatus>('status', o.status as string | undefined, DEFICIENCY_STATUSES),
        kind: listOption<DeficiencyKind>('kind', o.kind as string | undefined, DEFICIENCY_KINDS),
        severity: listOption<Severity>('severity', o.severity as string | undefined, SEVERITIES),
        ruleId: o.rule as string | undefined,
        mrn: o.mrn as string | undefined,
        minAgeDays: days('min-age-days', o.minAgeDays as string | undefined),
        maxAgeDays: days('max-age-days', o.maxAgeDays as string | undefined),
        documentType: (o.docType as string | undefined)
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        facility: o.facility as string | undefined,
        delinquentOnly: !!o.delinquent,
      }
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const r = await withSqlCatalog(config.catalog, catalog.db, (sql) =>
          buildDeficiencyReport(catalog, sql, filter, {
            asOf,
            delinquentAfterDays: config.deficiencies.delinquentAfterDays,
            clock: clockFromConfig(config),
          }),
        )
        await cliAudit(config, catalog.db, null, {
          action: 'deficiency.report',
          targetKind: 'report',
          targetId: 'deficiencies',
          detail: {
            format,
            rows: r.totals.deficiencies,
            charts: r.totals.charts,
            mrns: r.charts.slice(0, 500).map((g) => g.mrn),
            out: o.out ? path.basename(String(o.out)) : null,
          },
        })
        const text =
          format === 'html'
            ? renderReportHtml(r, { clinicName: config.clinic.name || undefined })
            : format === 'csv'
              ? renderReportCsv(r)
              : renderReportJsonLines(r)
        if (o.out) {
          writeFileSync(String(o.out), text, { mode: 0o600 })
          process.stderr.write(
            `${r.totals.deficiencies} deficiencies in ${r.totals.charts} chart(s) (${r.totals.delinquent} delinquent) written to ${o.out}\n`,
          )
        } else process.stdout.write(text)
      } finally {
        catalog.close()
      }
    })
}
