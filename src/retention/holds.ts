/**
 * Legal holds: while a chart has one, nothing of it is destroyed.
 *
 * `HoldsRepo` keeps the holds on either catalog engine (src/catalog/sql/open.ts): the embedded
 * SQLite file or the PostgreSQL catalog several desks share, so a hold placed at one desk stops a
 * purge started at another. `placeHold` and `liftHolds` are what the commands do: they also check
 * the patient index and record the event (both still in the SQLite catalog).
 *
 * @example
 *   await placeHold(app, 'CC-100418', 'Litigation hold, case 26-CV-001', 'records lead')
 *   const held = await new HoldsRepo(app.sql).heldCharts()
 */
import type { Selectable } from 'kysely'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { LegalHoldsTable } from '../catalog/sql/tables.js'
import { writeTransaction, type CatalogHandle } from '../catalog/sql/write.js'
import { ChartclerkError } from '../errors.js'

export interface LegalHold {
  id: number
  patientMrn: string
  reason: string
  placedBy: string
  placedAt: string
  removedAt: string | null
  removedBy: string | null
  removalReason: string | null
}

const toHold = (r: Selectable<LegalHoldsTable>): LegalHold => ({
  id: Number(r.id),
  patientMrn: r.patient_mrn,
  reason: r.reason,
  placedBy: r.placed_by,
  placedAt: r.placed_at,
  removedAt: r.removed_at ?? null,
  removedBy: r.removed_by ?? null,
  removalReason: r.removal_reason ?? null,
})

async function activeIn(db: CatalogHandle, mrn?: string): Promise<LegalHold[]> {
  let q = db.selectFrom('legal_holds').selectAll().where('removed_at', 'is', null)
  if (mrn !== undefined) q = q.where('patient_mrn', '=', mrn)
  return (await q.orderBy('id').execute()).map(toHold)
}

export class HoldsRepo {
  constructor(private readonly catalog: SqlCatalog) {}

  async add(mrn: string, reason: string, by: string): Promise<LegalHold> {
    if (!reason.trim()) throw new ChartclerkError('USAGE', 'A legal hold needs a reason.', { cliHint: 'Give --reason "...".' })
    if (!by.trim()) throw new ChartclerkError('USAGE', 'Say who places the hold.', { cliHint: 'Give --by NAME.' })
    const { id } = await this.catalog.db
      .insertInto('legal_holds')
      .values({ patient_mrn: mrn, reason, placed_by: by, placed_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    return (await this.get(Number(id)))!
  }

  /**
   * Lifts every active hold on the chart and returns them. Two desks lifting the same chart take
   * turns: the second finds none and gets NOT_FOUND.
   */
  async remove(mrn: string, reason: string, by: string): Promise<LegalHold[]> {
    if (!reason.trim()) throw new ChartclerkError('USAGE', 'Say why the hold is lifted.', { cliHint: 'Give --reason "...".' })
    if (!by.trim()) throw new ChartclerkError('USAGE', 'Say who lifts the hold.', { cliHint: 'Give --by NAME.' })
    return writeTransaction(this.catalog, `chart ${mrn}`, async (trx) => {
      const active = await activeIn(trx, mrn)
      if (!active.length) throw new ChartclerkError('NOT_FOUND', `Chart ${mrn} has no legal hold.`)
      const now = new Date().toISOString()
      await trx
        .updateTable('legal_holds')
        .set({ removed_at: now, removed_by: by, removal_reason: reason })
        .where(
          'id',
          'in',
          active.map((h) => h.id),
        )
        .execute()
      return active.map((h) => ({ ...h, removedAt: now, removedBy: by, removalReason: reason }))
    })
  }

  async get(id: number): Promise<LegalHold | undefined> {
    const r = await this.catalog.db.selectFrom('legal_holds').selectAll().where('id', '=', id).executeTakeFirst()
    return r ? toHold(r) : undefined
  }

  /** Holds in force, oldest first: on one chart, or on every chart. */
  active(mrn?: string): Promise<LegalHold[]> {
    return activeIn(this.catalog.db, mrn)
  }

  async heldCharts(): Promise<Set<string>> {
    return new Set((await this.active()).map((h) => h.patientMrn))
  }
}

export interface HoldDeps {
  catalog: Catalog
  sql: SqlCatalog
}

/** Places a hold on a chart of the patient index, and records the event. */
export async function placeHold(deps: HoldDeps, mrn: string, reason: string, by: string): Promise<LegalHold> {
  if (!(await deps.catalog.patients.get(mrn))) throw new ChartclerkError('NOT_FOUND', `There is no patient ${mrn} in the patient index.`)
  const h = await new HoldsRepo(deps.sql).add(mrn, reason, by)
  await deps.catalog.events.append('hold.added', null, { holdId: h.id, by })
  return h
}

/** Lifts every hold on the chart, records an event for each, and returns how many. */
export async function liftHolds(deps: HoldDeps, mrn: string, reason: string, by: string): Promise<number> {
  const lifted = await new HoldsRepo(deps.sql).remove(mrn, reason, by)
  await deps.catalog.tx(async (c) => {
    for (const h of lifted) await c.events.append('hold.removed', null, { holdId: h.id, by })
  }, `chart ${mrn} holds`)
  return lifted.length
}
