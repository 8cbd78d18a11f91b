/**
 * Routes of filed outside reports to clinicians (migration 12), and the work queues read from
 * them. A route is open until its recipient acknowledges it; an open route older than
 * `routing.escalateAfterDays` is overdue and escalates to the records lead.
 */
import { daysBetween } from '../clock/calendar.js'
import type { Clock } from '../clock/clock.js'
import type { Catalog, Db } from '../catalog/db.js'
import type { RouteTarget } from './rules.js'
import { sameProvider } from './names.js'

export interface Route {
  id: number
  documentId: number
  provider: string
  ruleId: string | null
  routedAt: string
  acknowledgedAt: string | null
  acknowledgedBy: string | null
}

/** A route with what a queue shows of its document. */
export interface RouteListing extends Route {
  patientMrn: string | null
  docType: string | null
  receivedAt: string
  /** Whole days since it was routed (as of the listing). */
  daysOpen: number
  overdue: boolean
}

export interface RouteFilter {
  /** Routes to this person (however the name is written). */
  provider?: string
  /** Only routes not yet acknowledged. */
  open?: boolean
  /** Only open routes older than `escalateAfterDays`. */
  overdue?: boolean
  escalateAfterDays?: number
  limit?: number
}

function toRoute(r: Record<string, unknown>): Route {
  return {
    id: r.id as number,
    documentId: r.document_id as number,
    provider: r.provider as string,
    ruleId: (r.rule_id as string | null) ?? null,
    routedAt: r.routed_at as string,
    acknowledgedAt: (r.acknowledged_at as string | null) ?? null,
    acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
  }
}

export class RoutesRepo {
  constructor(private readonly db: Db) {}

  forDocument(documentId: number): Route[] {
    return (this.db.prepare('SELECT * FROM routes WHERE document_id = ? ORDER BY id').all(documentId) as Record<string, unknown>[]).map(
      toRoute,
    )
  }

  /** Routes of the documents filed in a chart, by document id. */
  forPatient(mrn: string): Map<number, Route[]> {
    const rows = this.db
      .prepare('SELECT r.* FROM routes r JOIN documents d ON d.id = r.document_id WHERE d.patient_mrn = ? ORDER BY r.id')
      .all(mrn) as Record<string, unknown>[]
    const out = new Map<number, Route[]>()
    for (const r of rows.map(toRoute)) out.set(r.documentId, [...(out.get(r.documentId) ?? []), r])
    return out
  }

  /**
   * Makes the document's routes these targets: new ones are added (routed now), open ones no
   * longer wanted are removed; acknowledged ones are kept (the review happened).
   */
  setRoutes(
    documentId: number,
    targets: readonly RouteTarget[],
    at: string = new Date().toISOString(),
  ): { added: number; removed: number } {
    const existing = this.forDocument(documentId)
    let added = 0
    let removed = 0
    for (const t of targets) {
      if (existing.some((e) => sameProvider(e.provider, t.provider) || e.provider === t.provider)) continue
      this.db
        .prepare('INSERT INTO routes (document_id, provider, rule_id, routed_at) VALUES (?, ?, ?, ?)')
        .run(documentId, t.provider, t.ruleId, at)
      added++
    }
    for (const e of existing) {
      if (e.acknowledgedAt || targets.some((t) => sameProvider(e.provider, t.provider) || e.provider === t.provider)) continue
      this.db.prepare('DELETE FROM routes WHERE id = ?').run(e.id)
      removed++
    }
    return { added, removed }
  }

  /**
   * Removes every route of the document, acknowledged ones too (when it moves to another
   * patient's chart: what was routed, and reviewed, was about someone else). Returns them.
   */
  revokeAll(documentId: number): Route[] {
    const all = this.forDocument(documentId)
    this.db.prepare('DELETE FROM routes WHERE document_id = ?').run(documentId)
    return all
  }

  /** Marks the document's open routes to this person acknowledged; returns those it marked. */
  acknowledge(documentId: number, provider: string, by: string, clock: Clock): Route[] {
    const mine = this.forDocument(documentId).filter(
      (r) => !r.acknowledgedAt && (sameProvider(r.provider, provider) || r.provider === provider),
    )
    const at = clock.nowIso()
    for (const r of mine)
      this.db
        .prepare('UPDATE routes SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL')
        .run(at, by, r.id)
    return mine.map((r) => ({ ...r, acknowledgedAt: at, acknowledgedBy: by }))
  }

  /** Sets when a route was made (tests, and imports of routes made elsewhere). */
  setRoutedAt(routeId: number, iso: string): void {
    this.db.prepare('UPDATE routes SET routed_at = ? WHERE id = ?').run(iso, routeId)
  }

  /**
   * Routes with their documents, oldest first. `daysOpen` counts the clinic's calendar days since
   * the route was made (as the chart model's `routedDaysAgo` does); overdue is more than
   * `escalateAfterDays` of them without an acknowledgement.
   */
  list(f: RouteFilter, clock: Clock): RouteListing[] {
    const today = clock.today()
    const days = f.escalateAfterDays ?? 7
    const where: string[] = ["d.status = 'filed'"]
    const args: unknown[] = []
    if (f.open || f.overdue) where.push('r.acknowledged_at IS NULL')
    const rows = this.db
      .prepare(
        `SELECT r.*, d.patient_mrn, d.doc_type, d.received_at FROM routes r JOIN documents d ON d.id = r.document_id WHERE ${where.join(' AND ')} ORDER BY r.routed_at, r.id`,
      )
      .all(...args) as Record<string, unknown>[]
    const out: RouteListing[] = []
    for (const row of rows) {
      const r = toRoute(row)
      if (f.provider && !(sameProvider(r.provider, f.provider) || r.provider === f.provider)) continue
      const daysOpen = Math.max(0, daysBetween(today, clock.localDate(r.routedAt)))
      const overdue = !r.acknowledgedAt && daysOpen > days
      if (f.overdue && !overdue) continue
      out.push({
        ...r,
        patientMrn: (row.patient_mrn as string | null) ?? null,
        docType: (row.doc_type as string | null) ?? null,
        receivedAt: row.received_at as string,
        daysOpen,
        overdue,
      })
      if (f.limit && out.length >= f.limit) break
    }
    return out
  }
}

/** `details.routing` of a document from its routes: who it went to, and whether all of them acknowledged it. */
export function routingDetails(routes: readonly Route[]): { to: string[]; acknowledged: boolean } | undefined {
  if (!routes.length) return undefined
  return { to: routes.map((r) => r.provider), acknowledged: routes.every((r) => !!r.acknowledgedAt) }
}

/**
 * Writes `details.routing` from the routes table (after routing or an acknowledgement). In a
 * transaction, `catalog` is the catalog's connection with the transaction's repositories.
 */
export async function syncRoutingDetails(catalog: Pick<Catalog, 'db' | 'documents'>, documentId: number): Promise<void> {
  const doc = await catalog.documents.get(documentId)
  if (!doc) return
  const routing = routingDetails(new RoutesRepo(catalog.db).forDocument(documentId))
  if (!routing && doc.details.routing === undefined) return
  const details = { ...doc.details }
  if (routing) details.routing = routing
  else delete details.routing
  await catalog.documents.update(documentId, { details })
}
