/**
 * Read-only queries the desk's pages need beyond the catalog repositories (queue order,
 * a chart's documents, counts), on either catalog engine (src/catalog/sql/open.ts). The
 * documents themselves come from the documents repository.
 *
 * @example
 *   const desk = new DeskQueries(app.catalog, app.sql)
 *   const waiting = await desk.reviewCount()
 */
import type { Catalog } from '../catalog/db.js'
import type { DocumentRecord } from '../catalog/documents.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { ReviewQueue } from '../review/queue.js'

export class DeskQueries {
  constructor(
    private readonly catalog: Catalog,
    private readonly sql: SqlCatalog,
  ) {}

  private docs(ids: number[]): DocumentRecord[] {
    return ids.map((id) => this.catalog.documents.get(id)).filter((d): d is DocumentRecord => !!d)
  }

  private get queue(): ReviewQueue {
    return new ReviewQueue(this.sql)
  }

  /** The ids of the documents waiting for review, in queue order (oldest received first). */
  waitingIds(limit?: number): Promise<number[]> {
    return this.queue.ids(limit)
  }

  /** Documents waiting for review, oldest first. */
  async reviewQueue(limit = 500): Promise<DocumentRecord[]> {
    return this.docs(await this.waitingIds(limit))
  }

  reviewCount(): Promise<number> {
    return this.queue.count()
  }

  /** The review items before and after this one (queue order), and its place in the queue. */
  async reviewNeighbours(id: number): Promise<{ prev: number | null; next: number | null; position: number; total: number }> {
    const ids = await this.waitingIds()
    const i = ids.indexOf(id)
    return {
      prev: i > 0 ? ids[i - 1]! : null,
      next: i >= 0 && i < ids.length - 1 ? ids[i + 1]! : i < 0 ? (ids[0] ?? null) : null,
      position: i + 1,
      total: ids.length,
    }
  }

  /** Documents filed in a chart, newest received first. */
  async chartDocuments(mrn: string): Promise<DocumentRecord[]> {
    const rows = await this.sql.db
      .selectFrom('documents')
      .select('id')
      .where('patient_mrn', '=', mrn)
      .where('status', '=', 'filed')
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
    return this.docs(rows.map((r) => Number(r.id)))
  }

  /** Charts with the most recent filings: MRN, documents filed, latest receipt. */
  async recentCharts(limit = 25): Promise<{ mrn: string; documents: number; latest: string }[]> {
    const rows = await this.sql.db
      .selectFrom('documents')
      .select((eb) => ['patient_mrn', eb.fn.countAll<number>().as('n'), eb.fn.max('received_at').as('latest')])
      .where('status', '=', 'filed')
      .where('patient_mrn', 'is not', null)
      .groupBy('patient_mrn')
      .orderBy('latest', 'desc')
      .orderBy('patient_mrn')
      .limit(limit)
      .execute()
    return rows.map((r) => ({ mrn: r.patient_mrn!, documents: Number(r.n), latest: r.latest }))
  }

  /** Documents filed (by the pipeline or a person) since `iso`. */
  async filedSince(iso: string): Promise<number> {
    const r = await this.sql.db
      .selectFrom('events')
      .select((eb) => eb.fn.count<number>('document_id').distinct().as('n'))
      .where('kind', 'in', ['document.filed', 'document.settled'])
      .where('at', '>=', iso)
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  /** When each review item was received, for the backlog's ages. */
  reviewReceivedAt(): Promise<string[]> {
    return this.queue.receivedAt()
  }

  /** The ids of the documents whose SHA-256 starts with `prefix` (at most `limit`). */
  async idsBySha256Prefix(prefix: string, limit = 2): Promise<number[]> {
    if (!/^[0-9a-f]*$/.test(prefix)) return []
    const rows = await this.sql.db
      .selectFrom('documents')
      .select('id')
      .where('sha256', 'like', `${prefix}%`)
      .orderBy('id')
      .limit(limit)
      .execute()
    return rows.map((r) => Number(r.id))
  }

  /** Oldest review item's receipt time, for the backlog's age. */
  oldestReview(): Promise<string | null> {
    return this.queue.oldest()
  }

  documents(ids: number[]): Map<number, DocumentRecord> {
    return new Map(this.docs([...new Set(ids)]).map((d) => [d.id, d]))
  }
}
