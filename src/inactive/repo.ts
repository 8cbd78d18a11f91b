/**
 * Which charts are inactive (migration 8), on either catalog engine (src/catalog/sql/open.ts):
 * a chart made inactive at one desk reads from the archive at every desk.
 *
 * @example
 *   const charts = new InactiveChartsRepo(app.sql)
 *   if (await charts.get('CC-100418')) ... // its objects are in the archive
 */
import type { ExpressionBuilder, Selectable } from 'kysely'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { activeTransaction, type CatalogHandle } from '../catalog/sql/write.js'
import type { CatalogTables, InactiveChartsTable } from '../catalog/sql/tables.js'

export type InactiveReason = 'no_activity' | 'deceased'

export interface InactiveChart {
  mrn: string
  inactiveSince: string
  reason: InactiveReason
  lastActivity: string | null
  objects: number
  markedBy: string
  markedAt: string
}

const toChart = (r: Selectable<InactiveChartsTable>): InactiveChart => ({
  mrn: r.mrn,
  inactiveSince: r.inactive_since,
  reason: r.reason as InactiveReason,
  lastActivity: r.last_activity ?? null,
  objects: Number(r.objects),
  markedBy: r.marked_by,
  markedAt: r.marked_at,
})

export class InactiveChartsRepo {
  constructor(private readonly catalog: SqlCatalog) {}

  /** The write transaction the calling code is in on this catalog (Catalog.tx), else the catalog. */
  private get db(): CatalogHandle {
    return activeTransaction(this.catalog) ?? this.catalog.db
  }

  async get(mrn: string): Promise<InactiveChart | undefined> {
    const r = await this.db.selectFrom('inactive_charts').selectAll().where('mrn', '=', mrn).executeTakeFirst()
    return r ? toChart(r) : undefined
  }

  /** Every inactive chart, longest inactive first. */
  async list(): Promise<InactiveChart[]> {
    return (await this.db.selectFrom('inactive_charts').selectAll().orderBy('inactive_since').orderBy('mrn').execute()).map(toChart)
  }

  /** Records the chart inactive; false when it already was (the first marking stands). */
  async mark(c: InactiveChart): Promise<boolean> {
    const r = await this.db
      .insertInto('inactive_charts')
      .values({
        mrn: c.mrn,
        inactive_since: c.inactiveSince,
        reason: c.reason,
        last_activity: c.lastActivity,
        objects: c.objects,
        marked_by: c.markedBy,
        marked_at: c.markedAt,
      })
      .onConflict((oc) => oc.column('mrn').doNothing())
      .executeTakeFirst()
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
  }

  /**
   * The SHA-256 of every original expected in one location, sorted: the archive holds those of
   * inactive charts' documents; the main store every other document's (destroyed ones are gone)
   * and every received stack cut into documents.
   */
  async originalsIn(location: 'main' | 'archive'): Promise<string[]> {
    const inactive = (eb: ExpressionBuilder<CatalogTables, 'documents'>) =>
      eb.exists(eb.selectFrom('inactive_charts as i').select('i.mrn').whereRef('i.mrn', '=', 'documents.patient_mrn'))
    const docs = await this.db
      .selectFrom('documents')
      .select('sha256')
      .distinct()
      .where((eb) => eb.or([eb('error_code', 'is', null), eb('error_code', '<>', 'DESTROYED')]))
      .where((eb) => (location === 'archive' ? inactive(eb) : eb.not(inactive(eb))))
      .execute()
    const shas = new Set(docs.map((r) => r.sha256))
    if (location === 'main') for (const b of await this.db.selectFrom('batches').select('sha256').execute()) shas.add(b.sha256)
    return [...shas].sort()
  }

  /** The chart is active again; false when it was not inactive. */
  async remove(mrn: string): Promise<boolean> {
    const r = await this.db.deleteFrom('inactive_charts').where('mrn', '=', mrn).executeTakeFirst()
    return Number(r.numDeletedRows) > 0
  }
}
