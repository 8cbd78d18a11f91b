/**
 * What follows a filing, in one place: the pipeline (after `settle` files a document), a
 * person settling or refiling a document in review, and the re-match after a patient import
 * all call `onFiled`. The document is already filed when it runs, and nothing here un-files
 * it: each follow-up step is tried on its own, and a step that fails is reported back with
 * what to do (and logged by code only), never thrown.
 *
 * Order: the chart comes back from the archive first (so its objects read from the main store),
 * then the report is routed to its clinicians, then the chart (and a chart the document left)
 * is checked against the rule set in force.
 */
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { Clock } from '../clock/clock.js'
import { checkChart } from '../charts/checkChart.js'
import type { Config } from '../config/config.js'
import { ChartclerkError } from '../errors.js'
import { reactivateIfInactive } from '../inactive/inactive.js'
import type { Logger } from '../log.js'
import { routeDocument } from '../routing/route.js'
import type { RulesInForce } from '../rules/inForce.js'
import type { RuleSet } from '../rules/types.js'
import type { ArchiveAwareStore } from '../storage/archiveAwareStore.js'

export interface OnFiledDeps {
  catalog: Catalog
  /** The catalog through the query builder: where deficiencies are (the same SQLite file, or PostgreSQL). */
  sql: SqlCatalog
  /** Bringing an inactive chart back moves its objects from the archive. */
  storeWithArchive: ArchiveAwareStore
  config: Readonly<Config>
  log: Logger
  /** The routing rules in force (last good kept). */
  ruleFiles: Pick<RulesInForce, 'routingRules'>
  /** The clinic's clock: route and check dates are the clinic's days. */
  clock: Clock
}

export interface Filing {
  documentId: number
  /** The chart it is filed in now. */
  mrn: string
  /** Who filed it (a person, or "chartclerk"). */
  by?: string
  /** The chart it was in before, when it was refiled from another chart. */
  previousMrn?: string | null
  /** The rule set in force; null when none could be loaded (the chart is then not checked). */
  ruleset: RuleSet | null
}

export type FollowUpStep = 'reactivate' | 'route' | 'check'

/** A follow-up step that failed; the document stays filed. `message` is for the desk and may name the chart. */
export interface FollowUpProblem {
  step: FollowUpStep
  code: string
  message: string
}

export interface FiledOutcome {
  documentId: number
  mrn: string
  reactivated: boolean
  /** How many clinicians the report is routed to (null when routing failed). */
  routedTo: number | null
  /** Charts checked against the rule set. */
  checked: string[]
  problems: FollowUpProblem[]
}

function codeOf(err: unknown): string {
  return err instanceof ChartclerkError ? err.code : ((err as { code?: string })?.code ?? 'INTERNAL')
}

/** What went wrong, in words a person can use: a ChartclerkError's action, else the error's own message (no patient data in either). */
function whyOf(err: unknown): string {
  if (err instanceof ChartclerkError) return err.action
  return String((err as Error)?.message ?? err).slice(0, 200)
}

export async function onFiled(deps: OnFiledDeps, f: Filing): Promise<FiledOutcome> {
  const out: FiledOutcome = { documentId: f.documentId, mrn: f.mrn, reactivated: false, routedTo: null, checked: [], problems: [] }
  const id = f.documentId
  const fail = (step: FollowUpStep, err: unknown, message: string) => {
    out.problems.push({ step, code: codeOf(err), message })
    // Document id, step and code only: the message may name the chart.
    deps.log.warn({ documentId: id, step, code: codeOf(err) }, `after filing, the ${step} step failed; the document stays filed`)
  }

  try {
    out.reactivated = await reactivateIfInactive(deps, f.mrn, { by: f.by, documentId: id })
  } catch (err) {
    fail(
      'reactivate',
      err,
      `Document ${id} is filed in chart ${f.mrn}, but the chart stays inactive: its archived objects could not be moved back (${whyOf(err)}). Run "chartclerk inactive restore ${f.mrn}" when storage answers.`,
    )
  }

  try {
    out.routedTo = (await routeDocument(deps.catalog, deps.sql, deps.ruleFiles.routingRules(), id, deps.log, deps.clock)).length
  } catch (err) {
    fail(
      'route',
      err,
      `Document ${id} is filed in chart ${f.mrn}, but it could not be routed to its clinicians (${whyOf(err)}). File the document again once that is fixed to route it.`,
    )
  }

  if (f.ruleset) {
    const charts = [f.mrn, ...(f.previousMrn && f.previousMrn !== f.mrn ? [f.previousMrn] : [])]
    for (const mrn of charts) {
      try {
        if (await checkChart(deps.catalog, deps.sql, f.ruleset, mrn, deps.clock, f.by)) out.checked.push(mrn)
      } catch (err) {
        fail(
          'check',
          err,
          `Document ${id} is filed in chart ${f.mrn}, but chart ${mrn} could not be checked against the rules (${whyOf(err)}). Run "chartclerk check --patient ${mrn}" later.`,
        )
      }
    }
  }
  return out
}
