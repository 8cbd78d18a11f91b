/** `chartclerk chart show MRN`: the chart as the rules see it. */
import { clockFromConfig } from '../../clock/clock.js'
import type { Command } from 'commander'
import { cliAudit } from './actor.js'
import { dateOption } from '../dates.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'
import { buildChart } from '../../charts/buildChart.js'
import { ChartclerkError } from '../../errors.js'
import { configFrom, globalOptions } from '../context.js'
import { printJson, printLine } from '../output.js'

export function registerChartCommands(program: Command): void {
  const chart = program.command('chart').description("Patients' charts")
  chart
    .command('show')
    .description('The chart model the rules check (plain JSON with --json)')
    .argument('<mrn>', "the patient's MRN")
    .option('--as-of <date>', 'the day to judge dates by, YYYY-MM-DD (default today)')
    .action(async (mrn: string, o: { asOf?: string }, cmd: Command) => {
      dateOption(o.asOf, '--as-of')
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const c = await withSqlCatalog(config.catalog, catalog.db, (sql) => buildChart(catalog, sql, mrn, clockFromConfig(config), o.asOf))
        if (!c) throw new ChartclerkError('NOT_FOUND', `There is no patient with MRN ${mrn} in the patient index.`)
        await cliAudit(config, catalog.db, null, {
          action: 'chart.view',
          targetKind: 'chart',
          targetId: mrn,
          patientMrn: mrn,
          detail: { from: 'cli', documents: c.documents.length },
        })
        if (globalOptions(cmd).json) {
          printJson(c)
          return
        }
        printLine(
          `${c.patient.name.family}, ${c.patient.name.given}  MRN ${c.patient.mrn}  born ${c.patient.birthDate}${c.patient.deceased ? '  (deceased)' : ''}`,
        )
        if (!c.documents.length) printLine('  no documents filed')
        for (const d of c.documents) {
          printLine(
            `  ${(d.dateOfService ?? '(no date)').padEnd(10)}  ${d.type.padEnd(20)}  document ${d.id}  ${d.pages} page(s)  ${d.signed.present ? `signed${d.signed.by ? ` by ${d.signed.by}` : ''}` : 'NOT SIGNED'}${d.missingPages.length ? `  missing page(s) ${d.missingPages.join(', ')}` : ''}${d.source ? `  from ${d.source}` : ''}`,
          )
        }
      } finally {
        catalog.close()
      }
    })
}
