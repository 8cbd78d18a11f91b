/**
 * `chartclerk patients import FILE`: the patient index from CSV or a FHIR Bundle of Patient
 * resources; then the documents waiting in review are matched again (`--no-rematch` to skip).
 */
import path from 'node:path'
import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { cliAudit } from './actor.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { ChartclerkError } from '../../errors.js'
import { importPatients } from '../../patients/importPatients.js'
import { configFrom, globalOptions } from '../context.js'
import { printJson, printLine } from '../output.js'
import { rematchFromCli, rematchJson } from './review.js'
import { describeRematch } from '../../review/rematch.js'

export function registerPatientsCommands(program: Command): void {
  const patients = program.command('patients').description('The patient index chartclerk files against')
  patients
    .command('import')
    .description(
      'Import or update patients from CSV (header row) or a FHIR Bundle of Patient resources; re-import updates, never duplicates',
    )
    .argument('<file>', 'CSV or FHIR JSON file')
    .option('--map <columns>', 'extra column names, e.g. "Chart No=mrn,Pt Last=family_name"')
    .option('--format <format>', 'csv, fhir or auto', 'auto')
    .option('--mrn-system <uri>', 'FHIR identifier system of our MRNs')
    .option('--no-rematch', 'do not match the documents waiting in review again after the import')
    .action(
      async (file: string, o: { map?: string; format: 'csv' | 'fhir' | 'auto'; mrnSystem?: string; rematch: boolean }, cmd: Command) => {
        const config = configFrom(cmd)
        let input: Buffer
        try {
          input = await readFile(file)
        } catch {
          throw new ChartclerkError('USAGE', `The file ${file} cannot be read. Check the path.`)
        }
        const result = importPatients(input, {
          format: o.format,
          map: o.map,
          mrnSystem: o.mrnSystem,
          mrnPattern: config.patients.mrnPattern,
          dateOrder: config.patients.dateOrder,
        })
        const json = !!globalOptions(cmd).json
        const catalog = await openDeskCatalog(config.catalog)
        let counts
        try {
          counts = await catalog.patients.upsert(result.patients)
          await cliAudit(config, catalog.db, null, {
            action: 'patients.import',
            outcome: result.errors.length ? 'failed' : 'ok',
            detail: {
              format: result.format,
              file: path.basename(file),
              ...counts,
              rejected: result.errors.length,
              mrns: result.patients.slice(0, 500).map((p) => p.mrn),
            },
          })
          if (json) for (const e of result.errors) printJson({ type: 'error', ...e })
          else {
            for (const e of result.errors) printLine(`${file}:${e.line ?? `entry ${e.entry}`}: ${e.message}`)
            printLine(
              `${result.format.toUpperCase()}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${result.errors.length} rejected`,
            )
          }
        } finally {
          catalog.close()
        }
        // New or corrected patients: what waits in review may qualify now. Said only when something waited.
        const r =
          o.rematch && result.patients.length ? await rematchFromCli(config, { json, trigger: 'patients.import', quiet: true }) : null
        if (json)
          printJson({
            type: 'summary',
            format: result.format,
            ...counts,
            rejected: result.errors.length,
            ...(r ? { rematch: { ...rematchJson(r), type: undefined } } : {}),
          })
        else if (r?.examined) printLine(describeRematch(r))
        process.exitCode = result.errors.length || r?.failed.length ? 1 : 0
      },
    )
}
