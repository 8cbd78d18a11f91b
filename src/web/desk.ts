/**
 * What the desk's pages read beyond single records (queue order, a chart's documents, counts),
 * through the catalog's repositories (the documents' and the event log's, on either engine).
 *
 * @example
 *   const desk = new DeskQueries(app.catalog)
 *   const waiting = await desk.reviewCount()
 */
import type { Catalog } from '../catalog/db.js'
import type { DocumentRecord } from '../catalog/documents.js'

export class DeskQueries {
  constructor(private readonly catalog: Pick<Catalog, 'documents' | 'events'>) {}

  /** Documents waiting for review, oldest first. */
  reviewQueue(limit = 500): Promise<DocumentRecord[]> {
    return this.catalog.documents.reviewQueue(limit)
  }

  async reviewCount(): Promise<number> {
    return (await this.catalog.documents.countByStatus()).needs_review
  }

  /** The review items before and after this one (queue order), and its place in the queue. */
  async reviewNeighbours(id: number): Promise<{ prev: number | null; next: number | null; position: number; total: number }> {
    const ids = await this.catalog.documents.reviewIds()
    const i = ids.indexOf(id)
    return {
      prev: i > 0 ? ids[i - 1]! : null,
      next: i >= 0 && i < ids.length - 1 ? ids[i + 1]! : i < 0 ? (ids[0] ?? null) : null,
      position: i + 1,
      total: ids.length,
    }
  }

  /** Documents filed in a chart, newest received first. */
  chartDocuments(mrn: string): Promise<DocumentRecord[]> {
    return this.catalog.documents.filedInChart(mrn)
  }

  /** Charts with the most recent filings: MRN, documents filed, latest receipt. */
  recentCharts(limit = 25): Promise<{ mrn: string; documents: number; latest: string }[]> {
    return this.catalog.documents.recentCharts(limit)
  }

  /** Documents filed (by the pipeline or a person) since a moment, counted once each. */
  filedSince(iso: string): Promise<number> {
    return this.catalog.events.documentsSince(['document.filed', 'document.settled'], iso)
  }

  /** Oldest review item's receipt time, for the backlog's age. */
  oldestReview(): Promise<string | null> {
    return this.catalog.documents.oldestReview()
  }

  async documents(ids: number[]): Promise<Map<number, DocumentRecord>> {
    return new Map((await this.catalog.documents.getMany([...new Set(ids)])).map((d) => [d.id, d]))
  }
}
