/** Checking one chart (after a filing or a settlement) against the rule set in force, recording deficiencies. */
import type { Catalog } from '../catalog/db.js'
import type { Clock } from '../clock/clock.js'
import { checkCharts, type CheckRun } from '../deficiencies/check.js'
import { DeficienciesRepo } from '../deficiencies/repo.js'
import { syncNotices } from '../reports/notices.js'
import type { RuleSet } from '../rules/types.js'
import { buildChart } from './buildChart.js'

export function checkChart(catalog: Catalog, ruleset: RuleSet, mrn: string, clock: Clock, by = 'chartclerk'): CheckRun | null {
  const chart = buildChart(catalog, mrn, clock)
  if (!chart) return null
  const run = checkCharts(ruleset, [chart], new DeficienciesRepo(catalog.db), { by, at: clock.nowIso() })
  // Records requests: open one for a newly missing record, close the one whose record just arrived.
  syncNotices(catalog, { mrn, clock })
  return run
}
