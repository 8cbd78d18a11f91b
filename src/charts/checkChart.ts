/** Checking one chart (after a filing or a settlement) against the rule set in force, recording deficiencies. */
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { Clock } from '../clock/clock.js'
import { checkCharts, type CheckRun } from '../deficiencies/check.js'
import { DeficienciesRepo } from '../deficiencies/repo.js'
import { syncNotices } from '../reports/notices.js'
import type { RuleSet } from '../rules/types.js'
import { buildChart } from './buildChart.js'

/** `sql`: the catalog through the query builder, where deficiencies are (src/catalog/sql/open.ts). */
export async function checkChart(
  catalog: Catalog,
  sql: SqlCatalog,
  ruleset: RuleSet,
  mrn: string,
  clock: Clock,
  by = 'chartclerk',
): Promise<CheckRun | null> {
  const chart = await buildChart(catalog, sql, mrn, clock)
  if (!chart) return null
  const run = await checkCharts(ruleset, [chart], new DeficienciesRepo(sql), { by, at: clock.nowIso() })
  // Records requests: open one for a newly missing record, close the one whose record just arrived.
  await syncNotices(catalog, sql, { mrn, clock })
  return run
}
