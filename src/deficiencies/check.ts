/**
 * Checking charts and recording what was found: evaluate every chart against the rule set,
 * then open / reopen / update / auto-complete deficiencies (or, with dryRun, only say what
 * would change: `chartclerk check --diff`).
 *
 * Charts come from a {@link ChartSource}. Until the catalog builds charts itself (it has no
 * patients, encounters or consents yet), `readChartsFile` reads them from a JSON file in the
 * chart model's shape (src/model/chart.ts).
 */
import type { Clock } from '../clock/clock.js'
import { readFileSync } from 'node:fs'
import { ChartclerkError } from '../errors.js'
import type { Chart } from '../model/chart.js'
import { evaluate } from '../rules/evaluate.js'
import type { RuleSet } from '../rules/types.js'
import type { CheckPlan, DeficienciesRepo } from './repo.js'

export interface CheckTotals {
  charts: number
  findings: number
  opened: number
  reopened: number
  updated: number
  autoCompleted: number
  unchanged: number
  suppressed: number
}

export interface CheckRun {
  rulesetVersion: string
  dryRun: boolean
  plans: CheckPlan[]
  totals: CheckTotals
}

/** Checks each chart and records (or, with dryRun, only plans) the deficiency changes. */
export async function checkCharts(
  ruleset: RuleSet,
  charts: Iterable<Chart>,
  repo: DeficienciesRepo,
  opts: { dryRun?: boolean; by?: string; at?: string } = {},
): Promise<CheckRun> {
  const totals: CheckTotals = { charts: 0, findings: 0, opened: 0, reopened: 0, updated: 0, autoCompleted: 0, unchanged: 0, suppressed: 0 }
  const plans: CheckPlan[] = []
  for (const chart of charts) {
    const findings = evaluate(ruleset, chart)
    const plan = opts.dryRun
      ? await repo.plan(chart.patient.mrn, findings, ruleset)
      : await repo.recordCheck(chart.patient.mrn, findings, ruleset, { by: opts.by, at: opts.at })
    totals.charts++
    totals.findings += findings.length
    totals.unchanged += plan.unchanged
    totals.suppressed += plan.suppressed
    for (const c of plan.changes) {
      if (c.change === 'opened') totals.opened++
      else if (c.change === 'reopened') totals.reopened++
      else if (c.change === 'updated') totals.updated++
      else totals.autoCompleted++
    }
    plans.push(plan)
  }
  return { rulesetVersion: ruleset.version, dryRun: !!opts.dryRun, plans, totals }
}

/**
 * Reads charts from a file: a JSON array of charts, one chart object, or JSON Lines (one chart a
 * line). `asOf` (the day of the check) is taken from `opts.asOf` when given, else from each chart,
 * else the clinic's today.
 */
export function readChartsFile(file: string, opts: { asOf?: string; clock: Clock }): Chart[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new ChartclerkError('USAGE', `Cannot read the charts file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  const bad = (where: string, why: string): ChartclerkError =>
    new ChartclerkError(
      'IMPORT_INVALID',
      `${file}${where}: ${why}. A charts file holds charts as "chartclerk chart show --json" prints them (see rules/README.md).`,
    )
  let values: unknown[]
  const trimmed = text.trim()
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !trimmed.includes('\n{'))) {
    try {
      const v = JSON.parse(trimmed) as unknown
      values = Array.isArray(v) ? v : [v]
    } catch (err) {
      throw bad('', `not valid JSON (${(err as Error).message})`)
    }
  } else {
    values = []
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return
      try {
        values.push(JSON.parse(line))
      } catch (err) {
        throw bad(`:${i + 1}`, `not valid JSON (${(err as Error).message})`)
      }
    })
  }
  values.forEach((v, i) => {
    const c = v as Partial<Chart> | null
    if (!c || typeof c !== 'object' || !c.patient || typeof c.patient.mrn !== 'string' || !Array.isArray(c.documents))
      throw bad(` chart ${i + 1}`, 'needs patient.mrn and documents')
    c.asOf = opts.asOf ?? c.asOf ?? opts.clock.today()
    // A chart without a zone of its own counts its timestamps in the clinic's.
    c.timeZone ??= opts.clock.timeZone
    c.encounters ??= []
    c.consents ??= []
  })
  return values as Chart[]
}
