/**
 * Deficiencies in the catalog, and their workflow (modelled on hospital HIM systems):
 *
 *   open ──> completed ──> verified
 *     │          └──> open (not actually fixed)
 *     ├──> waived ──> open
 *     └──> rejected ──> open
 *
 * A re-check of a chart is idempotent: it opens a deficiency for each new finding, reopens one
 * a person marked completed if the rule still finds it, leaves waived/rejected ones alone while
 * the rule keeps finding the same thing, and completes an open one automatically (with the
 * reason) when the rule no longer finds it. Every change is a history row: who, when, why, and
 * under which rule set.
 *
 * Runs on either catalog engine through the query builder (src/catalog/sql/open.ts): the embedded
 * SQLite file or the PostgreSQL catalog several desks and workers share. Writes to one chart take
 * turns (src/catalog/sql/write.ts), so two workers checking the same chart never open the same
 * deficiency twice.
 *
 * @example
 *   const repo = new DeficienciesRepo(app.sql)
 *   const plan = await repo.plan('MRN100231', evaluate(ruleset, chart), ruleset)  // what would change (check --diff)
 *   await repo.apply(plan)                                                         // make it so
 *   await repo.transition(17, 'waived', { by: 'records.lead', reason: 'Outside lab never reports a range for this test' })
 */
import type { Selectable } from 'kysely'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { DeficienciesTable } from '../catalog/sql/tables.js'
import { writeTransaction, type CatalogHandle } from '../catalog/sql/write.js'
import { ChartclerkError } from '../errors.js'
import type { DeficiencyKind, Finding, RuleSet, Severity } from '../rules/types.js'
import { recordRulesetVersion } from './rulesetVersions.js'

export const DEFICIENCY_STATUSES = ['open', 'completed', 'verified', 'waived', 'rejected'] as const
export type DeficiencyStatus = (typeof DEFICIENCY_STATUSES)[number]

/** Allowed status changes by a person. */
export const TRANSITIONS: Readonly<Record<DeficiencyStatus, readonly DeficiencyStatus[]>> = {
  open: ['completed', 'waived', 'rejected'],
  completed: ['verified', 'open'],
  waived: ['open'],
  rejected: ['open'],
  verified: [],
}

/** The name history rows carry for changes chartclerk makes itself. */
export const SYSTEM_ACTOR = 'chartclerk'

export interface Deficiency {
  id: number
  chartMrn: string
  ruleId: string
  /** Stable key of what it is about (document id, `encounter:<id>`, ...); null for the chart itself. */
  subject: string | null
  documentId: string | null
  kind: DeficiencyKind
  severity: Severity
  message: string
  page: number | null
  ruleVersion: number
  rulesetVersion: string
  status: DeficiencyStatus
  assignedTo: string | null
  createdAt: string
  updatedAt: string
  lastSeenAt: string | null
  lastSeenRuleset: string | null
  completedBy: string | null
  completedAt: string | null
  decidedBy: string | null
  decidedAt: string | null
  statusReason: string | null
}

export interface DeficiencyHistoryRow {
  id: number
  deficiencyId: number
  at: string
  by: string
  fromStatus: DeficiencyStatus | null
  toStatus: DeficiencyStatus
  reason: string | null
  rulesetVersion: string | null
}

export type ChangeKind = 'opened' | 'reopened' | 'updated' | 'auto_completed'

export interface PlannedChange {
  change: ChangeKind
  /** The existing deficiency, null for one to be opened. */
  deficiencyId: number | null
  ruleId: string
  subject: string | null
  documentId: string | null
  kind: DeficiencyKind
  severity: Severity
  message: string
  reason: string | null
  finding: Finding | null
}

/** What a check of one chart would change (`check --diff` prints it; apply() makes it so). */
export interface CheckPlan {
  chartMrn: string
  rulesetVersion: string
  changes: PlannedChange[]
  /** Findings matching a deficiency already open, unchanged. */
  unchanged: number
  /** Findings matching a waived or rejected deficiency: left alone. */
  suppressed: number
  /** Active deficiencies seen again (their last-seen stamp is refreshed on apply). */
  seenIds: number[]
}

export interface RuleCounts {
  byStatus: Record<string, number>
  lastSeenAt: string | null
  lastSeenRuleset: string | null
}

export interface DeficiencyFilter {
  chartMrn?: string
  status?: DeficiencyStatus | DeficiencyStatus[]
  ruleId?: string
  kind?: DeficiencyKind
  limit?: number
}

const keyOf = (ruleId: string, subject: string | null): string => `${ruleId}\u0000${subject ?? ''}`

function toDeficiency(r: Selectable<DeficienciesTable>): Deficiency {
  return {
    id: Number(r.id),
    chartMrn: r.chart_mrn,
    ruleId: r.rule_id,
    subject: r.subject === '' ? null : r.subject,
    documentId: r.document_id ?? null,
    kind: r.kind as DeficiencyKind,
    severity: r.severity as Severity,
    message: r.message,
    page: r.page ?? null,
    ruleVersion: r.rule_version,
    rulesetVersion: r.ruleset_version,
    status: r.status as DeficiencyStatus,
    assignedTo: r.assigned_to ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastSeenAt: r.last_seen_at ?? null,
    lastSeenRuleset: r.last_seen_ruleset ?? null,
    completedBy: r.completed_by ?? null,
    completedAt: r.completed_at ?? null,
    decidedBy: r.decided_by ?? null,
    decidedAt: r.decided_at ?? null,
    statusReason: r.status_reason ?? null,
  }
}

async function getIn(db: CatalogHandle, id: number): Promise<Deficiency | null> {
  const r = await db.selectFrom('deficiencies').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? toDeficiency(r) : null
}

async function historyRow(
  db: CatalogHandle,
  row: {
    deficiency_id: number
    at: string
    by: string
    from_status: string | null
    to_status: string
    reason: string | null
    ruleset_version: string | null
  },
): Promise<void> {
  await db.insertInto('deficiency_history').values(row).execute()
}

/** What the findings would change for the chart, given its deficiencies now (oldest first). */
function planFrom(
  rows: readonly Deficiency[],
  chartMrn: string,
  findings: readonly Finding[],
  ruleset: Pick<RuleSet, 'version' | 'rules'>,
): CheckPlan {
  const active = new Map<string, Deficiency>()
  const latest = new Map<string, Deficiency>()
  for (const d of rows) {
    const k = keyOf(d.ruleId, d.subject)
    latest.set(k, d)
    if (d.status === 'open' || d.status === 'completed') active.set(k, d)
  }
  const plan: CheckPlan = { chartMrn, rulesetVersion: ruleset.version, changes: [], unchanged: 0, suppressed: 0, seenIds: [] }
  const seen = new Set<string>()
  for (const f of findings) {
    const k = keyOf(f.ruleId, f.subject)
    if (seen.has(k)) continue
    seen.add(k)
    const base = {
      ruleId: f.ruleId,
      subject: f.subject,
      documentId: f.documentId,
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      finding: f,
    }
    const a = active.get(k)
    if (a) {
      plan.seenIds.push(a.id)
      if (a.status === 'completed') {
        plan.changes.push({
          ...base,
          change: 'reopened',
          deficiencyId: a.id,
          reason: `still found by rule set ${ruleset.version} after it was marked completed`,
        })
      } else if (
        a.message !== f.message ||
        a.severity !== f.severity ||
        a.kind !== f.kind ||
        a.ruleVersion !== f.ruleVersion ||
        a.page !== (f.page ?? null)
      ) {
        plan.changes.push({
          ...base,
          change: 'updated',
          deficiencyId: a.id,
          reason: `rule ${f.ruleId} version ${f.ruleVersion} in rule set ${ruleset.version}`,
        })
      } else plan.unchanged++
      continue
    }
    const last = latest.get(k)
    if (last && (last.status === 'waived' || last.status === 'rejected')) {
      plan.suppressed++
      continue
    }
    plan.changes.push({ ...base, change: 'opened', deficiencyId: null, reason: null })
  }
  const rules = new Map(ruleset.rules.map((r) => [r.id, r]))
  for (const [k, a] of active) {
    if (seen.has(k) || a.status !== 'open') continue
    const rule = rules.get(a.ruleId)
    const reason = !rule
      ? `rule ${a.ruleId} is no longer in the rule set (${ruleset.version})`
      : !rule.enabled
        ? `rule ${a.ruleId} is disabled in rule set ${ruleset.version}`
        : `no longer found by rule set ${ruleset.version}`
    plan.changes.push({
      change: 'auto_completed',
      deficiencyId: a.id,
      ruleId: a.ruleId,
      subject: a.subject,
      documentId: a.documentId,
      kind: a.kind,
      severity: a.severity,
      message: a.message,
      reason,
      finding: null,
    })
  }
  return plan
}

async function chartRows(db: CatalogHandle, chartMrn: string): Promise<Deficiency[]> {
  return (await db.selectFrom('deficiencies').selectAll().where('chart_mrn', '=', chartMrn).orderBy('id').execute()).map(toDeficiency)
}

/** Makes a plan so with `db` (inside the chart's write transaction). */
async function applyIn(db: CatalogHandle, plan: CheckPlan, at: string, by: string): Promise<number[]> {
  const ids: number[] = []
  const rs = plan.rulesetVersion
  await recordRulesetVersion(db, rs, at)
  // The chart's last check and the rule set that judged it, also when it found nothing.
  await db
    .insertInto('chart_checks')
    .values({ chart_mrn: plan.chartMrn, checked_at: at, checked_by: by, ruleset_version: rs })
    .onConflict((oc) =>
      oc.column('chart_mrn').doUpdateSet((eb) => ({
        checked_at: eb.ref('excluded.checked_at'),
        checked_by: eb.ref('excluded.checked_by'),
        ruleset_version: eb.ref('excluded.ruleset_version'),
      })),
    )
    .execute()
  for (const c of plan.changes) {
    const f = c.finding
    if (c.change === 'opened' && f) {
      const { id } = await db
        .insertInto('deficiencies')
        .values({
          chart_mrn: plan.chartMrn,
          rule_id: f.ruleId,
          subject: f.subject ?? '',
          document_id: f.documentId,
          kind: f.kind,
          severity: f.severity,
          message: f.message,
          page: f.page ?? null,
          rule_version: f.ruleVersion,
          ruleset_version: rs,
          status: 'open',
          created_at: at,
          updated_at: at,
          last_seen_at: at,
          last_seen_ruleset: rs,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const newId = Number(id)
      await historyRow(db, {
        deficiency_id: newId,
        at,
        by,
        from_status: null,
        to_status: 'open',
        reason: `found by rule ${f.ruleId} version ${f.ruleVersion}`,
        ruleset_version: rs,
      })
      ids.push(newId)
    } else if ((c.change === 'updated' || c.change === 'reopened') && f && c.deficiencyId !== null) {
      const before = await getIn(db, c.deficiencyId)
      await db
        .updateTable('deficiencies')
        .set({
          message: f.message,
          severity: f.severity,
          kind: f.kind,
          page: f.page ?? null,
          document_id: f.documentId,
          rule_version: f.ruleVersion,
          ruleset_version: rs,
          status: 'open',
          status_reason: c.change === 'reopened' ? c.reason : (before?.statusReason ?? null),
          updated_at: at,
          last_seen_at: at,
          last_seen_ruleset: rs,
          ...(c.change === 'reopened' ? { completed_by: null, completed_at: null } : {}),
        })
        .where('id', '=', c.deficiencyId)
        .execute()
      await historyRow(db, {
        deficiency_id: c.deficiencyId,
        at,
        by,
        from_status: before?.status ?? null,
        to_status: 'open',
        reason: c.change === 'reopened' ? c.reason : `updated: ${c.reason}`,
        ruleset_version: rs,
      })
      ids.push(c.deficiencyId)
    } else if (c.change === 'auto_completed' && c.deficiencyId !== null) {
      await db
        .updateTable('deficiencies')
        .set({ status: 'completed', completed_by: by, completed_at: at, status_reason: c.reason, updated_at: at })
        .where('id', '=', c.deficiencyId)
        .where('status', '=', 'open')
        .execute()
      await historyRow(db, {
        deficiency_id: c.deficiencyId,
        at,
        by,
        from_status: 'open',
        to_status: 'completed',
        reason: c.reason,
        ruleset_version: rs,
      })
      ids.push(c.deficiencyId)
    }
  }
  const touched = new Set(ids)
  const stamp = plan.seenIds.filter((id) => !touched.has(id))
  if (stamp.length) await db.updateTable('deficiencies').set({ last_seen_at: at, last_seen_ruleset: rs }).where('id', 'in', stamp).execute()
  return ids
}

export class DeficienciesRepo {
  private readonly db: CatalogHandle

  constructor(private readonly catalog: SqlCatalog) {
    this.db = catalog.db
  }

  /** A person's change takes its turn with checks of the same chart (a deficiency never changes chart). */
  private async lockKey(id: number): Promise<string> {
    const r = await this.db.selectFrom('deficiencies').select('chart_mrn').where('id', '=', id).executeTakeFirst()
    return `chart ${r?.chart_mrn ?? ''}`
  }

  get(id: number): Promise<Deficiency | null> {
    return getIn(this.db, id)
  }

  async list(filter: DeficiencyFilter = {}): Promise<Deficiency[]> {
    let q = this.db.selectFrom('deficiencies').selectAll()
    if (filter.chartMrn) q = q.where('chart_mrn', '=', filter.chartMrn)
    if (filter.status) {
      const list = Array.isArray(filter.status) ? filter.status : [filter.status]
      if (!list.length) return []
      q = q.where('status', 'in', list)
    }
    if (filter.ruleId) q = q.where('rule_id', '=', filter.ruleId)
    if (filter.kind) q = q.where('kind', '=', filter.kind)
    q = q.orderBy('created_at').orderBy('id')
    if (filter.limit) q = q.limit(filter.limit)
    return (await q.execute()).map(toDeficiency)
  }

  async history(id: number): Promise<DeficiencyHistoryRow[]> {
    const rows = await this.db.selectFrom('deficiency_history').selectAll().where('deficiency_id', '=', id).orderBy('id').execute()
    return rows.map((r) => ({
      id: Number(r.id),
      deficiencyId: Number(r.deficiency_id),
      at: r.at,
      by: r.by,
      fromStatus: (r.from_status as DeficiencyStatus | null) ?? null,
      toStatus: r.to_status as DeficiencyStatus,
      reason: r.reason ?? null,
      rulesetVersion: r.ruleset_version ?? null,
    }))
  }

  /** Per rule: deficiencies by status, and when the rule last found something (under which rule set). */
  async ruleCounts(): Promise<Map<string, RuleCounts>> {
    const out = new Map<string, RuleCounts>()
    const rows = await this.db
      .selectFrom('deficiencies')
      .select((eb) => ['rule_id', 'status', eb.fn.countAll<number>().as('n'), eb.fn.max('last_seen_at').as('seen')])
      .groupBy(['rule_id', 'status'])
      .execute()
    for (const r of rows) {
      const e = out.get(r.rule_id) ?? { byStatus: {}, lastSeenAt: null, lastSeenRuleset: null }
      e.byStatus[r.status] = Number(r.n)
      if (r.seen && (!e.lastSeenAt || r.seen > e.lastSeenAt)) e.lastSeenAt = r.seen
      out.set(r.rule_id, e)
    }
    for (const [ruleId, e] of out) {
      if (!e.lastSeenAt) continue
      const r = await this.db
        .selectFrom('deficiencies')
        .select('last_seen_ruleset')
        .where('rule_id', '=', ruleId)
        .where('last_seen_at', '=', e.lastSeenAt)
        .limit(1)
        .executeTakeFirst()
      e.lastSeenRuleset = r?.last_seen_ruleset ?? null
    }
    return out
  }

  /** When any chart was last checked (the latest history row a check wrote), and under which rule set. */
  async lastCheckOfAny(): Promise<{ at: string; rulesetVersion: string | null } | null> {
    const r = await this.db
      .selectFrom('deficiency_history')
      .select(['at', 'ruleset_version'])
      .where('ruleset_version', 'is not', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    return r ? { at: r.at, rulesetVersion: r.ruleset_version } : null
  }

  /** Every status change of every deficiency, in order per deficiency (for timelines). */
  async statusChanges(): Promise<{ deficiencyId: number; at: string; toStatus: DeficiencyStatus }[]> {
    const rows = await this.db
      .selectFrom('deficiency_history')
      .select(['deficiency_id', 'at', 'to_status'])
      .orderBy('deficiency_id')
      .orderBy('id')
      .execute()
    return rows.map((r) => ({ deficiencyId: Number(r.deficiency_id), at: r.at, toStatus: r.to_status as DeficiencyStatus }))
  }

  /** What recording these findings for this chart would change. Writes nothing. */
  async plan(chartMrn: string, findings: readonly Finding[], ruleset: Pick<RuleSet, 'version' | 'rules'>): Promise<CheckPlan> {
    return planFrom(await chartRows(this.db, chartMrn), chartMrn, findings, ruleset)
  }

  /** Makes a plan so, in one transaction. Returns the ids of the deficiencies changed, in plan order. */
  apply(plan: CheckPlan, opts: { at?: string; by?: string } = {}): Promise<number[]> {
    const at = opts.at ?? new Date().toISOString()
    return writeTransaction(this.catalog, `chart ${plan.chartMrn}`, (trx) => applyIn(trx, plan, at, opts.by ?? SYSTEM_ACTOR))
  }

  /** When the chart was last checked, by whom, and under which rule set; null if never. */
  async lastCheck(chartMrn: string): Promise<{ checkedAt: string; checkedBy: string; rulesetVersion: string } | null> {
    const r = await this.db
      .selectFrom('chart_checks')
      .select(['checked_at', 'checked_by', 'ruleset_version'])
      .where('chart_mrn', '=', chartMrn)
      .executeTakeFirst()
    return r ? { checkedAt: r.checked_at, checkedBy: r.checked_by, rulesetVersion: r.ruleset_version } : null
  }

  /**
   * plan() then apply(), in one transaction: the plan is made from the chart's deficiencies as
   * they are once it is this check's turn to write (another desk or worker may have just checked it).
   */
  recordCheck(
    chartMrn: string,
    findings: readonly Finding[],
    ruleset: Pick<RuleSet, 'version' | 'rules'>,
    opts: { at?: string; by?: string } = {},
  ): Promise<CheckPlan> {
    const at = opts.at ?? new Date().toISOString()
    return writeTransaction(this.catalog, `chart ${chartMrn}`, async (trx) => {
      const plan = planFrom(await chartRows(trx, chartMrn), chartMrn, findings, ruleset)
      await applyIn(trx, plan, at, opts.by ?? SYSTEM_ACTOR)
      return plan
    })
  }

  /** A person's status change, checked against {@link TRANSITIONS}; recorded in the history. */
  async transition(id: number, to: DeficiencyStatus, opts: { by: string; reason?: string; at?: string }): Promise<Deficiency> {
    const at = opts.at ?? new Date().toISOString()
    if (!opts.by || !opts.by.trim()) throw new ChartclerkError('USAGE', 'Say who is making the change.', { cliHint: 'Give --by NAME.' })
    return writeTransaction(this.catalog, await this.lockKey(id), async (trx) => {
      const d = await getIn(trx, id)
      if (!d)
        throw new ChartclerkError('NOT_FOUND', `There is no deficiency ${id}.`, { cliHint: '"chartclerk deficiency list" shows them.' })
      if (!TRANSITIONS[d.status].includes(to)) {
        const allowed = TRANSITIONS[d.status]
        throw new ChartclerkError(
          'CONFLICT',
          `Deficiency ${id} is ${d.status}; it can ${allowed.length ? `only become ${allowed.join(' or ')}` : 'no longer change'}, not ${to}.`,
        )
      }
      if ((to === 'waived' || to === 'rejected') && !opts.reason?.trim())
        throw new ChartclerkError('USAGE', `Say why the deficiency is ${to}; the reason is kept in its history.`, {
          cliHint: 'Give --reason "...".',
        })
      await trx
        .updateTable('deficiencies')
        .set({
          status: to,
          status_reason: opts.reason ?? null,
          updated_at: at,
          ...(to === 'completed' ? { completed_by: opts.by, completed_at: at } : {}),
          ...(to === 'verified' || to === 'waived' || to === 'rejected' ? { decided_by: opts.by, decided_at: at } : {}),
          ...(to === 'open' ? { completed_by: null, completed_at: null, decided_by: null, decided_at: null } : {}),
        })
        .where('id', '=', id)
        .execute()
      await historyRow(trx, {
        deficiency_id: id,
        at,
        by: opts.by,
        from_status: d.status,
        to_status: to,
        reason: opts.reason ?? null,
        ruleset_version: null,
      })
      return (await getIn(trx, id))!
    })
  }

  /** Assigns a deficiency to a person (for work queues); recorded in the history without a status change. */
  async assign(id: number, assignee: string | null, opts: { by: string; at?: string }): Promise<Deficiency> {
    const at = opts.at ?? new Date().toISOString()
    return writeTransaction(this.catalog, await this.lockKey(id), async (trx) => {
      const d = await getIn(trx, id)
      if (!d) throw new ChartclerkError('NOT_FOUND', `There is no deficiency ${id}.`)
      await trx.updateTable('deficiencies').set({ assigned_to: assignee, updated_at: at }).where('id', '=', id).execute()
      await historyRow(trx, {
        deficiency_id: id,
        at,
        by: opts.by,
        from_status: d.status,
        to_status: d.status,
        reason: assignee ? `assigned to ${assignee}` : 'unassigned',
        ruleset_version: null,
      })
      return (await getIn(trx, id))!
    })
  }
}
