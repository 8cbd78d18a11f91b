/** The append-only event log (triggers refuse UPDATE and DELETE). */
import type { Db } from './db.js'

export interface EventRow {
  id: number
  at: string
  kind: string
  documentId: number | null
  data: Record<string, unknown>
}

export class EventLog {
  private readonly insert
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare('INSERT INTO events (at, kind, document_id, data) VALUES (?, ?, ?, ?)')
  }

  append(kind: string, documentId: number | null, data: Record<string, unknown> = {}): void {
    this.insert.run(this.now().toISOString(), kind, documentId, JSON.stringify(data))
  }

  forDocument(documentId: number): EventRow[] {
    return (this.db.prepare('SELECT * FROM events WHERE document_id = ? ORDER BY id').all(documentId) as any[]).map(toEvent)
  }

  recent(limit = 50): EventRow[] {
    return (this.db.prepare('SELECT * FROM events ORDER BY id DESC LIMIT ?').all(limit) as any[]).map(toEvent)
  }
}

function toEvent(r: any): EventRow {
  return { id: r.id, at: r.at, kind: r.kind, documentId: r.document_id, data: JSON.parse(r.data) }
}
