/**
 * The review queue as it stands in the catalog: the documents waiting for a person, in queue
 * order (oldest received first), on either catalog engine (src/catalog/sql/open.ts).
 *
 * @example
 *   const waiting = await new ReviewQueue(app.sql).count()
 */
import type { SqlCatalog } from '../catalog/sql/open.js'

export class ReviewQueue {
  constructor(private readonly catalog: SqlCatalog) {}

  private waiting() {
    return this.catalog.db.selectFrom('documents').where('status', '=', 'needs_review')
  }

  /** The ids of the documents waiting for review, in queue order (oldest received first, then by id). */
  async ids(limit?: number): Promise<number[]> {
    let q = this.waiting().select('id').orderBy('received_at').orderBy('id')
    if (limit !== undefined) q = q.limit(limit)
    return (await q.execute()).map((r) => Number(r.id))
  }

  async count(): Promise<number> {
    const r = await this.waiting()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  /** When each waiting document was received, oldest first (for the backlog's ages). */
  async receivedAt(): Promise<string[]> {
    return (await this.waiting().select('received_at').orderBy('received_at').execute()).map((r) => r.received_at)
  }

  /** The oldest waiting document's receipt time, or null when nothing waits. */
  async oldest(): Promise<string | null> {
    const r = await this.waiting()
      .select((eb) => eb.fn.min('received_at').as('t'))
      .executeTakeFirst()
    return r?.t ?? null
  }
}
