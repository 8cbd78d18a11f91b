/**
 * What the event log says about filing, for the statistics and the day-by-day timeline: when
 * each filed document was first filed (and whether a person settled it), and when documents
 * waited for review. On either catalog engine (src/catalog/sql/open.ts).
 *
 * @example
 *   const filed = await new FilingHistory(app.sql).firstFilings()
 */
import type { SqlCatalog } from '../catalog/sql/open.js'

/** A stretch of time a document waited for review: from `start` (ISO) until `end` (ISO, exclusive), or still. */
export interface ReviewSpan {
  id: number
  start: string
  end: string | null
}

const FILING_EVENTS = ['document.filed', 'document.settled', 'document.refiled']
/** What ends a wait in review. */
const LEAVING_REVIEW = [...FILING_EVENTS, 'document.destroyed', 'document.archived']

export class FilingHistory {
  constructor(private readonly catalog: SqlCatalog) {}

  /** Each filed document once: when it was first filed (its last update when no event says), and whether a person settled it in review. */
  async firstFilings(): Promise<{ id: number; pages: number; filedAt: string; settled: boolean }[]> {
    const rows = await this.catalog.db
      .selectFrom('documents as d')
      .select((eb) => [
        'd.id',
        'd.page_count',
        'd.updated_at',
        eb
          .selectFrom('events as e')
          .select((e) => e.fn.min('e.at').as('at'))
          .whereRef('e.document_id', '=', 'd.id')
          .where('e.kind', 'in', FILING_EVENTS)
          .as('first_filed'),
        eb.exists(eb.selectFrom('settlements as s').select('s.id').whereRef('s.document_id', '=', 'd.id')).as('settled'),
      ])
      .where('d.status', '=', 'filed')
      .orderBy('d.id')
      .execute()
    return rows.map((r) => ({
      id: Number(r.id),
      pages: Number(r.page_count ?? 0),
      filedAt: r.first_filed ?? r.updated_at,
      // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
      settled: !!Number(r.settled),
    }))
  }

  /**
   * When each document waited for review: from each needs_review event to the first filing (or
   * destruction, or archiving) after it; a document that left review without one of those left
   * at its last update. A document waiting now without a needs_review event (put there by hand
   * or by an older version) has waited since it was received.
   */
  async reviewSpans(): Promise<ReviewSpan[]> {
    const rows = await this.catalog.db
      .selectFrom('events as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .select((eb) => [
        'e.document_id',
        'e.at',
        'd.status',
        'd.updated_at',
        eb
          .selectFrom('events as f')
          .select((f) => f.fn.min('f.at').as('at'))
          .whereRef('f.document_id', '=', 'e.document_id')
          .whereRef('f.at', '>=', 'e.at')
          .whereRef('f.id', '>', 'e.id')
          .where('f.kind', 'in', LEAVING_REVIEW)
          .as('end_at'),
      ])
      .where('e.kind', '=', 'document.needs_review')
      .orderBy('e.id')
      .execute()
    const spans: ReviewSpan[] = rows.map((r) => ({
      id: Number(r.document_id),
      start: r.at,
      end: r.end_at ?? (r.status === 'needs_review' ? null : r.updated_at),
    }))
    const unlogged = await this.catalog.db
      .selectFrom('documents as d')
      .select(['d.id', 'd.received_at'])
      .where('d.status', '=', 'needs_review')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('events as e')
              .select('e.id')
              .whereRef('e.document_id', '=', 'd.id')
              .where('e.kind', '=', 'document.needs_review'),
          ),
        ),
      )
      .orderBy('d.id')
      .execute()
    for (const u of unlogged) spans.push({ id: Number(u.id), start: u.received_at, end: null })
    return spans
  }
}
