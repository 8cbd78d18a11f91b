/**
 * Routes of filed outside reports to clinicians (migration 12), and the work queues read from
 * them. A route is open until its recipient acknowledges it; an open route older than
 * `routing.escalateAfterDays` is overdue and escalates to the records lead.
 *
 * On either catalog engine (src/catalog/sql/open.ts): routing and acknowledging one document
 * take turns across desks and workers (writeTransaction keyed by the document); called inside a
 * write transaction on the same catalog (Catalog.tx), it reads and writes with that transaction.
 *
 * @example
 *   const routes = new RoutesRepo(app.sql)
 *   await routes.setRoutes(42, [{ provider: 'Lena Ortiz, MD', ruleId: 'labs' }])
 *   const overdue = await routes.list({ overdue: true, escalateAfterDays: 7 }, app.clock)
 */
import type { Selectable } from 'kysely'
import { daysBetween } from '../clock/calendar.js'
import type { Clock } from '../clock/clock.js'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { RoutesTable } from '../catalog/sql/tables.js'
import { activeTransaction, writeTransaction, type CatalogHandle } from '../catalog/sql/write.js'
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

const toRoute = (r: Selectable<RoutesTable>): Route => ({
  id: Number(r.id),
  documentId: Number(r.document_id),
  provider: r.provider,
  ruleId: r.rule_id ?? null,
  routedAt: r.routed_at,
  acknowledgedAt: r.acknowledged_at ?? null,
  acknowledgedBy: r.acknowledged_by ?? null,
})

const isTo = (routeProvider: string, provider: string): boolean => sameProvider(routeProvider, provider) || routeProvider === provider

async function routesOf(db: CatalogHandle, documentId: number): Promise<Route[]> {
  return (await db.selectFrom('routes').selectAll().where('document_id', '=', documentId).orderBy('id').execute()).map(toRoute)
}

export class RoutesRepo {
  constructor(private readonly catalog: SqlCatalog) {}

  /** The write transaction the calling code is in on this catalog (Catalog.tx), else the catalog. */
  private get db(): CatalogHandle {
    return activeTransaction(this.catalog) ?? this.catalog.db
  }

  forDocument(documentId: number): Promise<Route[]> {
    return routesOf(this.db, documentId)
  }

  /** Routes of the documents filed in a chart, by document id. */
  async forPatient(mrn: string): Promise<Map<number, Route[]>> {
    const rows = await this.db
      .selectFrom('routes as r')
      .innerJoin('documents as d', 'd.id', 'r.document_id')
      .selectAll('r')
      .where('d.patient_mrn', '=', mrn)
      .orderBy('r.id')
      .execute()
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
  ): Promise<{ added: number; removed: number }> {
    return writeTransaction(this.catalog, `document ${documentId}`, async (trx) => {
      const existing = await routesOf(trx, documentId)
      const add = targets.filter(
        (t, i) => !existing.some((e) => isTo(e.provider, t.provider)) && targets.findIndex((u) => u.provider === t.provider) === i,
      )
      const drop = existing.filter((e) => !e.acknowledgedAt && !targets.some((t) => isTo(e.provider, t.provider)))
      if (add.length)
        await trx
          .insertInto('routes')
          .values(add.map((t) => ({ document_id: documentId, provider: t.provider, rule_id: t.ruleId, routed_at: at })))
          .execute()
      if (drop.length)
        await trx
          .deleteFrom('routes')
          .where(
            'id',
            'in',
            drop.map((e) => e.id),
          )
          .execute()
      return { added: add.length, removed: drop.length }
    })
  }

  /**
   * Removes every route of the document, acknowledged ones too (when it moves to another
   * patient's chart: what was routed, and reviewed, was about someone else). Returns them.
   */
  revokeAll(documentId: number): Promise<Route[]> {
    return writeTransaction(this.catalog, `document ${documentId}`, async (trx) => {
      const all = await routesOf(trx, documentId)
      if (all.length) await trx.deleteFrom('routes').where('document_id', '=', documentId).execute()
      return all
    })
  }

  /** Marks the document's open routes to this person acknowledged; returns those it marked. */
  acknowledge(documentId: number, provider: string, by: string, clock: Clock): Promise<Route[]> {
    return writeTransaction(this.catalog, `document ${documentId}`, async (trx) => {
      const mine = (await routesOf(trx, documentId)).filter((r) => !r.acknowledgedAt && isTo(r.provider, provider))
      if (!mine.length) return []
      const at = clock.nowIso()
      await trx
        .updateTable('routes')
        .set({ acknowledged_at: at, acknowledged_by: by })
        .where(
          'id',
          'in',
          mine.map((r) => r.id),
        )
        .where('acknowledged_at', 'is', null)
        .execute()
      return mine.map((r) => ({ ...r, acknowledgedAt: at, acknowledgedBy: by }))
    })
  }

  /** Sets when a route was made (tests, and imports of routes made elsewhere). */
  async setRoutedAt(routeId: number, iso: string): Promise<void> {
    await this.db.updateTable('routes').set({ routed_at: iso }).where('id', '=', routeId).execute()
  }

  /**
   * Routes with their documents, oldest first. `daysOpen` counts the clinic's calendar days since
   * the route was made (as the chart model's `routedDaysAgo` does); overdue is more than
   * `escalateAfterDays` of them without an acknowledgement.
   */
  async list(f: RouteFilter, clock: Clock): Promise<RouteListing[]> {
    const today = clock.today()
    const days = f.escalateAfterDays ?? 7
    let q = this.db
      .selectFrom('routes as r')
      .innerJoin('documents as d', 'd.id', 'r.document_id')
      .selectAll('r')
      .select(['d.patient_mrn', 'd.doc_type', 'd.received_at'])
      .where('d.status', '=', 'filed')
    if (f.open || f.overdue) q = q.where('r.acknowledged_at', 'is', null)
    const rows = await q.orderBy('r.routed_at').orderBy('r.id').execute()
    const out: RouteListing[] = []
    for (const row of rows) {
      const r = toRoute(row)
      if (f.provider && !isTo(r.provider, f.provider)) continue
      const daysOpen = Math.max(0, daysBetween(today, clock.localDate(r.routedAt)))
      const overdue = !r.acknowledgedAt && daysOpen > days
      if (f.overdue && !overdue) continue
      out.push({ ...r, patientMrn: row.patient_mrn ?? null, docType: row.doc_type ?? null, receivedAt: row.received_at, daysOpen, overdue })
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
 * Writes `details.routing` from the routes table (after routing or an acknowledgement). Inside a
 * write transaction (Catalog.tx), `catalog` is the transaction's repositories; the routes are read
 * with the same transaction (RoutesRepo joins the one its async context is in).
 */
export async function syncRoutingDetails(catalog: Pick<Catalog, 'documents'>, sql: SqlCatalog, documentId: number): Promise<void> {
  const routes = await new RoutesRepo(sql).forDocument(documentId)
  const doc = await catalog.documents.get(documentId)
  if (!doc) return
  const routing = routingDetails(routes)
  if (!routing && doc.details.routing === undefined) return
  const details = { ...doc.details }
  if (routing) details.routing = routing
  else delete details.routing
  await catalog.documents.update(documentId, { details })
}
