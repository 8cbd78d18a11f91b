/**
 * Read-only queries the desk's pages need beyond the catalog repositories (queue order,
 * a chart's documents, counts). Kept in one place so a PostgreSQL catalog has one file to
 * mirror.
 */
import type { Catalog } from '../catalog/db.js'
import type { DocumentRecord } from '../catalog/documents.js'

export class DeskQueries {
  constructor(private readonly catalog: Catalog) {}

  private docs(ids: number[]): DocumentRecord[] {
    return ids.map((id) => this.catalog.documents.get(id)).filter((d): d is DocumentRecord => !!d)
  }

  /** Documents waiting for review, oldest first. */
  reviewQueue(limit = 500): DocumentRecord[] {
    const ids = this.catalog.db
      .prepare("SELECT id FROM documents WHERE status = 'needs_review' ORDER BY received_at, id LIMIT ?")
      .all(limit) as { id: number }[]
    return this.docs(ids.map((r) => r.id))
  }

  reviewCount(): number {
    return (this.catalog.db.prepare("SELECT count(*) n FROM documents WHERE status = 'needs_review'").get() as { n: number }).n
  }

  /** The review items before and after this one (queue order), and its place in the queue. */
  reviewNeighbours(id: number): { prev: number | null; next: number | null; position: number; total: number } {
    const ids = (
      this.catalog.db.prepare("SELECT id FROM documents WHERE status = 'needs_review' ORDER BY received_at, id").all() as { id: number }[]
    ).map((r) => r.id)
    const i = ids.indexOf(id)
    return {
      prev: i > 0 ? ids[i - 1]! : null,
      next: i >= 0 && i < ids.length - 1 ? ids[i + 1]! : i < 0 ? (ids[0] ?? null) : null,
      position: i + 1,
      total: ids.length,
    }
  }

  /** Documents filed in a chart, newest received first. */
  chartDocuments(mrn: string): DocumentRecord[] {
    const ids = this.catalog.db
      .prepare("SELECT id FROM documents WHERE patient_mrn = ? AND status = 'filed' ORDER BY received_at DESC, id DESC")
      .all(mrn) as { id: number }[]
    return this.docs(ids.map((r) => r.id))
  }

  /** Charts with the most recent filings: MRN, documents filed, latest receipt. */
  recentCharts(limit = 25): { mrn: string; documents: number; latest: string }[] {
    return (
      this.catalog.db
        .prepare(
          "SELECT patient_mrn mrn, count(*) n, max(received_at) latest FROM documents WHERE status = 'filed' AND patient_mrn IS NOT NULL GROUP BY patient_mrn ORDER BY latest DESC LIMIT ?",
        )
        .all(limit) as { mrn: string; n: number; latest: string }[]
    ).map((r) => ({ mrn: r.mrn, documents: r.n, latest: r.latest }))
  }

  /** Documents filed since a moment (events `document.filed`), counted once each. */
  filedSince(iso: string): number {
    return (
      this.catalog.db
        .prepare("SELECT count(DISTINCT document_id) n FROM events WHERE kind IN ('document.filed', 'document.settled') AND at >= ?")
        .get(iso) as { n: number }
    ).n
  }

  /** Oldest review item's receipt time, for the backlog's age. */
  oldestReview(): string | null {
    return (this.catalog.db.prepare("SELECT min(received_at) t FROM documents WHERE status = 'needs_review'").get() as { t: string | null })
      .t
  }

  documents(ids: number[]): Map<number, DocumentRecord> {
    return new Map(this.docs([...new Set(ids)]).map((d) => [d.id, d]))
  }
}
