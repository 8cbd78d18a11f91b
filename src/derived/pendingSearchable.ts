/** The searchable PDFs owed: one row per scanned document until its PDF is stored. */
import type { Db } from '../catalog/db.js'

/** Tries before a document's searchable PDF is left for `chartclerk` to report, not retried. */
export const MAX_ATTEMPTS = 5

export class PendingSearchable {
  constructor(private readonly db: Db) {}

  /** Owed again (a re-read replaces an earlier promise). */
  add(documentId: number): void {
    this.db
      .prepare(
        'INSERT INTO searchable_pdf_pending (document_id, queued_at) VALUES (?, ?) ON CONFLICT(document_id) DO UPDATE SET queued_at = excluded.queued_at, attempts = 0, last_error = NULL',
      )
      .run(documentId, new Date().toISOString())
  }

  /** Documents whose PDF can be built now: settled (filed or waiting for review), gone or purged ones to be dropped, in order. */
  ready(limit: number): { documentId: number; status: string | null }[] {
    return this.db
      .prepare(
        `SELECT p.document_id AS documentId, d.status AS status FROM searchable_pdf_pending p LEFT JOIN documents d ON d.id = p.document_id
           WHERE p.attempts < ? AND (d.id IS NULL OR d.status NOT IN ('received', 'failed')) ORDER BY p.queued_at LIMIT ?`,
      )
      .all(MAX_ATTEMPTS, limit) as { documentId: number; status: string | null }[]
  }

  done(documentId: number): void {
    this.db.prepare('DELETE FROM searchable_pdf_pending WHERE document_id = ?').run(documentId)
  }

  failed(documentId: number, code: string): void {
    this.db.prepare('UPDATE searchable_pdf_pending SET attempts = attempts + 1, last_error = ? WHERE document_id = ?').run(code, documentId)
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM searchable_pdf_pending').get() as { n: number }).n
  }

  /** Owed and no longer tried (MAX_ATTEMPTS failures): someone has to look. */
  givenUp(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM searchable_pdf_pending WHERE attempts >= ?').get(MAX_ATTEMPTS) as { n: number }).n
  }
}
