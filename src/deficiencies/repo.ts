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
 * @example
 *   const repo = new DeficienciesRepo(catalog.db)
 *   const plan = repo.plan('MRN100231', evaluate(ruleset, chart), ruleset)  // what would change (check --diff)
 *   repo.apply(plan)                                                         // make it so
 *   repo.transition(17, 'waived', { by: 'records.lead', reason: 'Outside lab never reports a range for this test' })
 */
import type Database from 'better-sqlite3'
import { ChartclerkError } from '../errors.js'
import type { DeficiencyKind, Finding, RuleSet, Severity } from '../rules/types.js'
import { RulesetVersions } from './rulesetVersions.js'

type Db = Database.Database

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

export interface DeficiencyFilter {
  chartMrn?: string
  status?: DeficiencyStatus | DeficiencyStatus[]
  ruleId?: string
  kind?: DeficiencyKind
  limit?: number
}

const keyOf = (ruleId: string, subject: string | null): string => `${ruleId}\u0000${subject ?? ''}`

function toDeficiency(r: Record<string, unknown>): Deficiency {
  return {
    id: r.id as number,
    chartMrn: r.chart_mrn as string,
    ruleId: r.rule_id as string,
    subject: (r.subject as string) === '' ? null : (r.subject as string),
    documentId: (r.document_id as string | null) ?? null,
    kind: r.kind as DeficiencyKind,
    severity: r.severity as Severity,
    message: r.message as string,
    page: (r.page as number | null) ?? null,
    ruleVersion: r.rule_version as number,
    rulesetVersion: r.ruleset_version as string,
    status: r.status as DeficiencyStatus,
    assignedTo: (r.assigned_to as string | null) ?? null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    lastSeenAt: (r.last_seen_at as string | null) ?? null,
    lastSeenRuleset: (r.last_seen_ruleset as string | null) ?? null,
    completedBy: (r.completed_by as string | null) ?? null,
    completedAt: (r.completed_at as string | null) ?? null,
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: (r.decided_at as string | null) ?? null,
    statusReason: (r.status_reason as string | null) ?? null,
  }
}

export class DeficienciesRepo {
  constructor(private readonly db: Db) {}

  get(id: number): Deficiency | null {
    const r = this.db.prepare('SELECT * FROM deficiencies WHERE id = ?').get(id) as Record<string, unknown> | undefined
    return r ? toDeficiency(r) : null
  }

  list(filter: DeficiencyFilter = {}): Deficiency[] {
    const where: string[] = []
    const args: unknown[] = []
    if (filter.chartMrn) {
      where.push('chart_mrn = ?')
      args.push(filter.chartMrn)
    }
    if (filter.status) {
      const list = Array.isArray(filter.status) ? filter.status : [filter.status]
      where.push(`status IN (${list.map(() => '?').join(',')})`)
      args.push(...list)
    }
    if (filter.ruleId) {
      where.push('rule_id = ?')
      args.push(filter.ruleId)
    }
    if (filter.kind) {
      where.push('kind = ?')
      args.push(filter.kind)
    }
    const sql = `SELECT * FROM deficiencies${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id${filter.limit ? ' LIMIT ?' : ''}`
    if (filter.limit) args.push(filter.limit)
    return (this.db.prepare(sql).all(...args) as Record<string, unknown>[]).map(toDeficiency)
  }

  history(id: number): DeficiencyHistoryRow[] {
    return (
      this.db.prepare('SELECT * FROM deficiency_history WHERE deficiency_id = ? ORDER BY id').all(id) as Record<string, unknown>[]
    ).map((r) => ({
      id: r.id as number,
      deficiencyId: r.deficiency_id as number,
      at: r.at as string,
      by: r.by as string,
      fromStatus: (r.from_status as DeficiencyStatus | null) ?? null,
      toStatus: r.to_status as DeficiencyStatus,
      reason: (r.reason as string | null) ?? null,
      rulesetVersion: (r.ruleset_version as string | null) ?? null,
    }))
  }

  /** What recording these findings for this chart would change. Writes nothing. */
  plan(chartMrn: string, findings: readonly Finding[], ruleset: Pick<RuleSet, 'version' | 'rules'>): CheckPlan {
    const rows = (
      this.db.prepare('SELECT * FROM deficiencies WHERE chart_mrn = ? ORDER BY id').all(chartMrn) as Record<string, unknown>[]
    ).map(toDeficiency)
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

  /** Makes a plan so, in one transaction. Returns the ids of the deficiencies changed, in plan order. */
  apply(plan: CheckPlan, opts: { at?: string; by?: string } = {}): number[] {
    const at = opts.at ?? new Date().toISOString()
    const by = opts.by ?? SYSTEM_ACTOR
    const ids: number[] = []
    const hist = this.db.prepare(
      'INSERT INTO deficiency_history (deficiency_id, at, by, from_status, to_status, reason, ruleset_version) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    this.db.transaction(() => {
      new RulesetVersions(this.db).record(plan.rulesetVersion, at)
      // The chart's last check and the rule set that judged it, also when it found nothing.
      this.db
        .prepare(
          `INSERT INTO chart_checks (chart_mrn, checked_at, checked_by, ruleset_version) VALUES (?, ?, ?, ?)
           ON CONFLICT(chart_mrn) DO UPDATE SET checked_at = excluded.checked_at, checked_by = excluded.checked_by,
             ruleset_version = excluded.ruleset_version`,
        )
        .run(plan.chartMrn, at, by, plan.rulesetVersion)
      for (const c of plan.changes) {
        const f = c.finding
        if (c.change === 'opened' && f) {
          const r = this.db
            .prepare(
              `INSERT INTO deficiencies (chart_mrn, rule_id, subject, document_id, kind, severity, message, page, rule_version, ruleset_version,
                 status, created_at, updated_at, last_seen_at, last_seen_ruleset)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
            )
            .run(
              plan.chartMrn,
              f.ruleId,
              f.subject ?? '',
              f.documentId,
              f.kind,
              f.severity,
              f.message,
              f.page ?? null,
              f.ruleVersion,
              plan.rulesetVersion,
              at,
              at,
              at,
              plan.rulesetVersion,
            )
          const id = Number(r.lastInsertRowid)
          hist.run(id, at, by, null, 'open', `found by rule ${f.ruleId} version ${f.ruleVersion}`, plan.rulesetVersion)
          ids.push(id)
        } else if ((c.change === 'updated' || c.change === 'reopened') && f && c.deficiencyId !== null) {
          const before = this.get(c.deficiencyId)
          this.db
            .prepare(
              `UPDATE deficiencies SET message = ?, severity = ?, kind = ?, page = ?, document_id = ?, rule_version = ?, ruleset_version = ?,
                 status = 'open', status_reason = ?, updated_at = ?, last_seen_at = ?, last_seen_ruleset = ? WHERE id = ?`,
            )
            .run(
              f.message,
              f.severity,
              f.kind,
              f.page ?? null,
              f.documentId,
              f.ruleVersion,
              plan.rulesetVersion,
              c.change === 'reopened' ? c.reason : (before?.statusReason ?? null),
              at,
              at,
              plan.rulesetVersion,
              c.deficiencyId,
            )
          if (c.change === 'reopened')
            this.db.prepare('UPDATE deficiencies SET completed_by = NULL, completed_at = NULL WHERE id = ?').run(c.deficiencyId)
          hist.run(
            c.deficiencyId,
            at,
            by,
            before?.status ?? null,
            'open',
            c.change === 'reopened' ? c.reason : `updated: ${c.reason}`,
            plan.rulesetVersion,
          )
          ids.push(c.deficiencyId)
        } else if (c.change === 'auto_completed' && c.deficiencyId !== null) {
          this.db
            .prepare(
              `UPDATE deficiencies SET status = 'completed', completed_by = ?, completed_at = ?, status_reason = ?, updated_at = ? WHERE id = ? AND status = 'open'`,
            )
            .run(by, at, c.reason, at, c.deficiencyId)
          hist.run(c.deficiencyId, at, by, 'open', 'completed', c.reason, plan.rulesetVersion)
          ids.push(c.deficiencyId)
        }
      }
      const touched = new Set(ids)
      const stamp = this.db.prepare('UPDATE deficiencies SET last_seen_at = ?, last_seen_ruleset = ? WHERE id = ?')
      for (const id of plan.seenIds) if (!touched.has(id)) stamp.run(at, plan.rulesetVersion, id)
    })()
    return ids
  }

  /** plan() then apply(). */
  /** When the chart was last checked, by whom, and under which rule set; null if never. */
  lastCheck(chartMrn: string): { checkedAt: string; checkedBy: string; rulesetVersion: string } | null {
    const r = this.db.prepare('SELECT checked_at, checked_by, ruleset_version FROM chart_checks WHERE chart_mrn = ?').get(chartMrn) as
      { checked_at: string; checked_by: string; ruleset_version: string } | undefined
    return r ? { checkedAt: r.checked_at, checkedBy: r.checked_by, rulesetVersion: r.ruleset_version } : null
  }

  recordCheck(
    chartMrn: string,
    findings: readonly Finding[],
    ruleset: Pick<RuleSet, 'version' | 'rules'>,
    opts: { at?: string; by?: string } = {},
  ): CheckPlan {
    const plan = this.plan(chartMrn, findings, ruleset)
    this.apply(plan, opts)
    return plan
  }

  /** A person's status change, checked against {@link TRANSITIONS}; recorded in the history. */
  transition(id: number, to: DeficiencyStatus, opts: { by: string; reason?: string; at?: string }): Deficiency {
    const at = opts.at ?? new Date().toISOString()
    if (!opts.by || !opts.by.trim()) throw new ChartclerkError('USAGE', 'Say who is making the change.', { cliHint: 'Give --by NAME.' })
    return this.db.transaction(() => {
      const d = this.get(id)
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
      const sets: string[] = ['status = ?', 'status_reason = ?', 'updated_at = ?']
      const args: unknown[] = [to, opts.reason ?? null, at]
      if (to === 'completed') (sets.push('completed_by = ?', 'completed_at = ?'), args.push(opts.by, at))
      if (to === 'verified' || to === 'waived' || to === 'rejected') (sets.push('decided_by = ?', 'decided_at = ?'), args.push(opts.by, at))
      if (to === 'open') sets.push('completed_by = NULL', 'completed_at = NULL', 'decided_by = NULL', 'decided_at = NULL')
      this.db.prepare(`UPDATE deficiencies SET ${sets.join(', ')} WHERE id = ?`).run(...args, id)
      this.db
        .prepare(
          'INSERT INTO deficiency_history (deficiency_id, at, by, from_status, to_status, reason, ruleset_version) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, at, opts.by, d.status, to, opts.reason ?? null, null)
      return this.get(id)!
    })()
  }

  /** Assigns a deficiency to a person (for work queues); recorded in the history without a status change. */
  assign(id: number, assignee: string | null, opts: { by: string; at?: string }): Deficiency {
    const at = opts.at ?? new Date().toISOString()
    return this.db.transaction(() => {
      const d = this.get(id)
      if (!d) throw new ChartclerkError('NOT_FOUND', `There is no deficiency ${id}.`)
      this.db.prepare('UPDATE deficiencies SET assigned_to = ?, updated_at = ? WHERE id = ?').run(assignee, at, id)
      this.db
        .prepare(
          'INSERT INTO deficiency_history (deficiency_id, at, by, from_status, to_status, reason, ruleset_version) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, at, opts.by, d.status, d.status, assignee ? `assigned to ${assignee}` : 'unassigned', null)
      return this.get(id)!
    })()
  }
}
