/**
 * `chartclerk check` (check charts, record deficiencies; `--diff` only shows what would change)
 * and `chartclerk deficiency list | set | assign | history` (the deficiency workflow).
 */
import { daysBetween } from '../../clock/calendar.js'
import { clockFromConfig, type Clock } from '../../clock/clock.js'
import type { Command } from 'commander'
import { actingPerson, cliAudit } from './actor.js'
import { dateOption } from '../dates.js'
import { rulesDirOf } from '../../app.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { openSqlCatalog, withSqlCatalog } from '../../catalog/sql/open.js'
import { buildChart, chartMrns } from '../../charts/buildChart.js'
import type { Chart } from '../../model/chart.js'
import { checkCharts, readChartsFile } from '../../deficiencies/check.js'
import { DEFICIENCY_STATUSES, DeficienciesRepo, type Deficiency, type DeficiencyStatus } from '../../deficiencies/repo.js'
import { ChartclerkError } from '../../errors.js'
import { syncNotices } from '../../reports/notices.js'
import { loadRuleSet, resolveChecksDir } from '../../rules/ruleset.js'
import { DEFICIENCY_KINDS, type DeficiencyKind } from '../../rules/types.js'
import { configFrom, globalOptions } from '../context.js'

export interface CheckCommandDeps {
  out?: (line: string) => void
  setExitCode?: (code: number) => void
}

/** Calendar days since the deficiency was found, in the clinic's time zone. */
function ageDays(d: Deficiency, clock: Clock): number {
  return daysBetween(clock.today(), clock.localDate(d.createdAt))
}

export function registerCheckCommands(program: Command, deps: CheckCommandDeps = {}): void {
  const out = deps.out ?? ((line: string) => void process.stdout.write(`${line}\n`))
  const setExit = deps.setExitCode ?? ((code: number) => void (process.exitCode = code))

  program
    .command('check')
    .description('Check charts against the rule set and record deficiencies (open, reopen, auto-complete)')
    .option('--patient <mrn>', 'check only this chart')
    .option(
      '--charts <file>',
      'check charts from a file instead of the catalog: JSON array, one chart, or JSON Lines, in the chart model shape',
    )
    .option('--rules <dir>', 'rules folder (default: the configured rulesDir)')
    .option('--as-of <date>', "the day of the check, YYYY-MM-DD (default: each chart's asOf, else today)")
    .option('--diff', 'only show what would change; record nothing')
    .option('--by <name>', 'who runs the check, for the history (default chartclerk: what a check finds, the rules found)', 'chartclerk')
    .option('--json', 'one JSON object per line')
    .action(
      async (
        o: { charts?: string; patient?: string; rules?: string; asOf?: string; diff?: boolean; by: string; json?: boolean },
        cmd: Command,
      ) => {
        dateOption(o.asOf, '--as-of')
        const config = configFrom(cmd)
        const json = !!(o.json || globalOptions(cmd).json)
        const ruleset = loadRuleSet(resolveChecksDir(o.rules ?? rulesDirOf(config)))
        const catalog = await openDeskCatalog(config.catalog)
        const sql = await openSqlCatalog(config.catalog, catalog.db).catch((err: unknown) => {
          catalog.close()
          throw err
        })
        try {
          let charts: Chart[]
          const clock = clockFromConfig(config)
          if (o.charts) charts = readChartsFile(o.charts, { asOf: o.asOf, clock })
          else {
            const mrns = o.patient ? [o.patient] : await chartMrns(catalog)
            charts = []
            for (const mrn of mrns) {
              const c = await buildChart(catalog, sql, mrn, clock, o.asOf)
              if (!c) throw new ChartclerkError('NOT_FOUND', `There is no patient with MRN ${mrn} in the patient index.`)
              charts.push(c)
            }
          }
          if (o.charts && o.patient) charts = charts.filter((c) => c.patient.mrn === o.patient)
          const repo = new DeficienciesRepo(sql)
          const run = await checkCharts(ruleset, charts, repo, { dryRun: o.diff, by: o.by })
          if (!run.dryRun) await syncNotices(catalog, sql, { clock }) // records requests: opened for new missing records, closed when the record arrived
          for (const plan of run.plans) {
            for (const c of plan.changes) {
              if (json)
                out(
                  JSON.stringify({ type: 'change', chart: plan.chartMrn, ...c, finding: undefined, wouldChange: run.dryRun || undefined }),
                )
              else {
                const sign = c.change === 'opened' ? '+' : c.change === 'auto_completed' ? '-' : '~'
                out(
                  `${sign} ${c.change.padEnd(14)} ${plan.chartMrn} ${c.ruleId}${c.documentId ? ` ${c.documentId}` : ''}${c.deficiencyId ? ` #${c.deficiencyId}` : ''}: ${c.message}${c.reason && c.change !== 'updated' ? ` (${c.reason})` : ''}`,
                )
              }
            }
          }
          if (!run.dryRun) {
            // What the check found, chart by chart: every deficiency open now (new or not), so a
            // second run says what is still wrong rather than only "unchanged".
            for (const plan of run.plans) {
              const open = await repo.list({ chartMrn: plan.chartMrn, status: 'open' })
              if (!open.length) continue
              if (!json) out(`${plan.chartMrn}: ${open.length} open deficienc${open.length === 1 ? 'y' : 'ies'}`)
              for (const d of open) {
                if (json)
                  out(
                    JSON.stringify({
                      type: 'deficiency',
                      chart: d.chartMrn,
                      id: d.id,
                      ruleId: d.ruleId,
                      documentId: d.documentId,
                      kind: d.kind,
                      severity: d.severity,
                      message: d.message,
                      status: d.status,
                    }),
                  )
                else out(`  #${d.id} ${d.ruleId} ${d.documentId ? `document ${d.documentId}` : 'chart'} (${d.severity}): ${d.message}`)
              }
            }
          }
          const stillOpen = (await repo.list({ status: 'open' })).length
          const t = run.totals
          if (json) out(JSON.stringify({ type: 'summary', rulesetVersion: run.rulesetVersion, dryRun: run.dryRun, ...t, open: stillOpen }))
          else
            out(
              `${run.dryRun ? 'would change (nothing recorded)' : 'checked'}: ${t.charts} chart(s) with rule set ${run.rulesetVersion}; ${t.findings} finding(s); ` +
                `${t.opened} opened, ${t.reopened} reopened, ${t.updated} updated, ${t.autoCompleted} completed automatically, ${t.unchanged} unchanged, ${t.suppressed} waived/rejected left alone; ${stillOpen} open in all`,
            )
          setExit(run.dryRun ? (run.plans.some((p) => p.changes.length) ? 1 : 0) : stillOpen > 0 ? 1 : 0)
        } finally {
          await sql.close()
          catalog.close()
        }
      },
    )

  const def = program
    .command('deficiency')
    .description('Deficiencies and their workflow: open -> completed -> verified, or waived / rejected')

  def
    .command('list')
    .description('Deficiencies, oldest first')
    .option('--status <status>', `one of ${DEFICIENCY_STATUSES.join(', ')} (default: open and completed)`)
    .option('--mrn <mrn>', 'one chart')
    .option('--rule <id>', 'one rule')
    .option('--kind <kind>', `one of ${DEFICIENCY_KINDS.join(', ')}`)
    .option('--json', 'one JSON object per line')
    .action(async (o: { status?: string; mrn?: string; rule?: string; kind?: string; json?: boolean }, cmd: Command) => {
      if (o.status && !(DEFICIENCY_STATUSES as readonly string[]).includes(o.status))
        throw new ChartclerkError('USAGE', `--status must be one of ${DEFICIENCY_STATUSES.join(', ')}.`)
      if (o.kind && !(DEFICIENCY_KINDS as readonly string[]).includes(o.kind))
        throw new ChartclerkError('USAGE', `--kind must be one of ${DEFICIENCY_KINDS.join(', ')}.`)
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const list = await withSqlCatalog(config.catalog, catalog.db, (sql) =>
          new DeficienciesRepo(sql).list({
            status: (o.status as DeficiencyStatus | undefined) ?? ['open', 'completed'],
            chartMrn: o.mrn,
            ruleId: o.rule,
            kind: o.kind as DeficiencyKind | undefined,
          }),
        )
        await cliAudit(config, catalog.db, null, {
          action: 'deficiency.list',
          detail: {
            filters: { status: o.status ?? null, mrn: o.mrn ?? null, rule: o.rule ?? null, kind: o.kind ?? null },
            rows: list.length,
            mrns: [...new Set(list.map((d) => d.chartMrn))].slice(0, 500),
          },
        })
        const json = !!(o.json || globalOptions(cmd).json)
        const clock = clockFromConfig(config)
        for (const d of list) {
          if (json) out(JSON.stringify({ mrn: d.chartMrn, ...d, ageDays: ageDays(d, clock) }))
          else
            out(
              `#${d.id} ${d.status.padEnd(9)} ${String(ageDays(d, clock)).padStart(4)}d ${d.chartMrn} ${d.ruleId}${d.documentId ? ` ${d.documentId}` : ''} ${d.severity}: ${d.message}`,
            )
        }
        if (!json) out(`${list.length} deficienc${list.length === 1 ? 'y' : 'ies'}`)
        setExit(0)
      } finally {
        catalog.close()
      }
    })

  def
    .command('set')
    .description("Change a deficiency's status (completed, verified, waived, rejected, open), with who and why")
    .argument('<id>', 'deficiency number')
    .argument('<status>', DEFICIENCY_STATUSES.join(' | '))
    .option('--by <name>', 'who makes the change (default: you, the system user)')
    .option('--reason <text>', 'why (required to waive or reject)')
    .option('--json', 'print the deficiency as JSON')
    .action(async (idArg: string, status: string, o: { by?: string; reason?: string; json?: boolean }, cmd: Command) => {
      const id = Number(idArg)
      if (!Number.isInteger(id) || id < 1) throw new ChartclerkError('USAGE', `"${idArg}" is not a deficiency number.`)
      if (!(DEFICIENCY_STATUSES as readonly string[]).includes(status))
        throw new ChartclerkError('USAGE', `The status must be one of ${DEFICIENCY_STATUSES.join(', ')}.`)
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const { from, d } = await withSqlCatalog(config.catalog, catalog.db, async (sql) => {
          const repo = new DeficienciesRepo(sql)
          const from = (await repo.get(id))?.status ?? null
          return { from, d: await repo.transition(id, status as DeficiencyStatus, { by: actingPerson(o.by), reason: o.reason }) }
        })
        await cliAudit(config, catalog.db, o.by, {
          action: 'deficiency.status',
          targetKind: 'deficiency',
          targetId: String(d.id),
          patientMrn: d.chartMrn,
          detail: { from, to: d.status, reason: o.reason ?? null, documentId: d.documentId },
        })
        out(o.json || globalOptions(cmd).json ? JSON.stringify(d) : `#${d.id} is now ${d.status}`)
        setExit(0)
      } finally {
        catalog.close()
      }
    })

  def
    .command('assign')
    .description('Assign a deficiency to a person (or --none to unassign)')
    .argument('<id>', 'deficiency number')
    .argument('[assignee]', 'who should complete it')
    .option('--by <name>', 'who makes the change (default: you, the system user)')
    .option('--none', 'unassign')
    .action(async (idArg: string, assignee: string | undefined, o: { by?: string; none?: boolean }, cmd: Command) => {
      const id = Number(idArg)
      if (!Number.isInteger(id) || id < 1) throw new ChartclerkError('USAGE', `"${idArg}" is not a deficiency number.`)
      if (!assignee && !o.none) throw new ChartclerkError('USAGE', 'Name the assignee, or use --none to unassign.')
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const d = await withSqlCatalog(config.catalog, catalog.db, (sql) =>
          new DeficienciesRepo(sql).assign(id, o.none ? null : assignee!, { by: actingPerson(o.by) }),
        )
        await cliAudit(config, catalog.db, o.by, {
          action: 'deficiency.assign',
          targetKind: 'deficiency',
          targetId: String(d.id),
          patientMrn: d.chartMrn,
          detail: { to: d.assignedTo },
        })
        out(`#${d.id} ${d.assignedTo ? `assigned to ${d.assignedTo}` : 'unassigned'}`)
        setExit(0)
      } finally {
        catalog.close()
      }
    })

  def
    .command('history')
    .description('Every change of a deficiency: when, who, from, to, why, rule set')
    .argument('<id>', 'deficiency number')
    .option('--json', 'one JSON object per line')
    .action(async (idArg: string, o: { json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const id = Number(idArg)
        const history = await withSqlCatalog(config.catalog, catalog.db, async (sql) => {
          const repo = new DeficienciesRepo(sql)
          return (await repo.get(id)) ? repo.history(id) : null
        })
        if (!history) throw new ChartclerkError('NOT_FOUND', `There is no deficiency ${idArg}.`)
        for (const h of history) {
          if (o.json || globalOptions(cmd).json) out(JSON.stringify(h))
          else
            out(
              `${h.at} ${h.by}: ${h.fromStatus ?? '-'} -> ${h.toStatus}${h.reason ? ` (${h.reason})` : ''}${h.rulesetVersion ? ` [${h.rulesetVersion}]` : ''}`,
            )
        }
        setExit(0)
      } finally {
        catalog.close()
      }
    })
}
