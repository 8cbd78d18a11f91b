/**
 * `chartclerk schedule import FILE` (CSV or FHIR Bundle of Appointments) and
 * `chartclerk prep --date D [--json] [--format html --out FILE]`: chart prep for the day's visits.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { cliAudit } from './actor.js'
import { clockFromConfig } from '../../clock/clock.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'
import { ChartclerkError } from '../../errors.js'
import { buildPrepList, prepText, renderPrepHtml } from '../../prep/prep.js'
import { importSchedule } from '../../prep/schedule.js'
import { isoDate } from '../../release/service.js'
import { configFrom, globalOptions } from '../context.js'

const out = (s: string): void => void process.stdout.write(s + '\n')

export function registerPrepCommands(program: Command): void {
  const schedule = program.command('schedule').description('The appointment schedule, for chart prep')
  schedule
    .command('import')
    .description(
      "Import a day's appointments from CSV (date/time, MRN, provider, visit type) or a FHIR Bundle of Appointment resources; re-import updates",
    )
    .argument('<file>', 'the schedule file')
    .option('--format <format>', 'csv, fhir or auto (by content)', 'auto')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { format: string; json?: boolean }, cmd: Command) => {
      if (!['csv', 'fhir', 'auto'].includes(o.format)) throw new ChartclerkError('USAGE', '--format is csv, fhir or auto.')
      const config = configFrom(cmd)
      let input: Buffer
      try {
        input = readFileSync(file)
      } catch {
        throw new ChartclerkError('NOT_FOUND', `The schedule file ${file} cannot be read.`)
      }
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const r = await withSqlCatalog(config.catalog, catalog.db, (sql) =>
          importSchedule({ catalog, sql }, input, {
            format: o.format as 'csv' | 'fhir' | 'auto',
            dateOrder: config.patients.dateOrder,
            mrnPattern: config.patients.mrnPattern,
          }),
        )
        if (o.json || globalOptions(cmd).json) return out(JSON.stringify(r))
        out(`Schedule imported (${r.format}): ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged.`)
        for (const e of r.errors) out(`  row ${e.row} skipped: ${e.message}`)
        if (r.unknownMrns.length) out(`  ${r.unknownMrns.length} MRN(s) not in the patient index: ${r.unknownMrns.join(', ')}`)
        if (r.errors.length) process.exitCode = 1
      } finally {
        catalog.close()
      }
    })

  program
    .command('prep')
    .description(
      "Chart prep for a day's appointments: open deficiencies, records requests, unacknowledged reports, review items per patient",
    )
    .requiredOption('--date <date>', 'the day of the appointments (YYYY-MM-DD)')
    .option('--format <format>', 'text or html', 'text')
    .option('--out <file>', 'write the list to this file (with --format html)')
    .option('--json', 'print the list as JSON')
    .action(async (o: { date: string; format: string; out?: string; json?: boolean }, cmd: Command) => {
      const date = isoDate(o.date, '--date')!
      if (!['text', 'html'].includes(o.format)) throw new ChartclerkError('USAGE', '--format is text or html.')
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const list = await withSqlCatalog(config.catalog, catalog.db, (sql) => buildPrepList(catalog, sql, date, clockFromConfig(config)))
        await cliAudit(config, catalog.db, null, {
          action: 'report.view',
          targetKind: 'report',
          targetId: 'prep',
          detail: {
            date,
            patients: list.patients.length,
            mrns: list.patients.slice(0, 500).map((p) => p.mrn),
            out: o.out ? path.basename(o.out) : null,
          },
        })
        if (o.format === 'html') {
          const html = renderPrepHtml(list, config.clinic.name)
          if (o.out) {
            writeFileSync(o.out, html)
            out(`Chart prep for ${date} (${list.patients.length} patient(s)) written to ${o.out}.`)
          } else process.stdout.write(html)
          return
        }
        if (o.json || globalOptions(cmd).json) return out(JSON.stringify(list))
        for (const l of prepText(list)) out(l)
      } finally {
        catalog.close()
      }
    })
}
