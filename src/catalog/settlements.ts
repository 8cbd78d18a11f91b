/** What people decided in review: the document's type and patient. Kept as training data. */
import type { Db } from './db.js'

export interface Settlement {
  id: number
  documentId: number
  docType: string
  patientMrn: string
  proposedType: string | null
  proposedMrn: string | null
  settledBy: string
  settledAt: string
  note: string | null
}

export class SettlementsRepo {
  constructor(private readonly db: Db) {}

  add(s: Omit<Settlement, 'id' | 'settledAt'>): number {
    const info = this.db
      .prepare(
        'INSERT INTO settlements (document_id, doc_type, patient_mrn, proposed_type, proposed_mrn, settled_by, settled_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(s.documentId, s.docType, s.patientMrn, s.proposedType, s.proposedMrn, s.settledBy, new Date().toISOString(), s.note)
    return Number(info.lastInsertRowid)
  }

  forDocument(documentId: number): Settlement[] {
    return (this.db.prepare('SELECT * FROM settlements WHERE document_id = ? ORDER BY id').all(documentId) as any[]).map(toSettlement)
  }

  /** The latest settled type of every settled document with its text: retraining examples. */
  trainingExamples(): { text: string; type: string }[] {
    return (
      this.db
        .prepare(
          `SELECT s.doc_type AS type, (SELECT group_concat(text, char(12)) FROM (SELECT text FROM pages WHERE document_id = s.document_id ORDER BY page_no)) AS text
           FROM settlements s WHERE s.id = (SELECT max(id) FROM settlements WHERE document_id = s.document_id)`,
        )
        .all() as { type: string; text: string | null }[]
    )
      .filter((r) => r.text)
      .map((r) => ({ text: r.text!, type: r.type }))
  }
}

function toSettlement(r: any): Settlement {
  return {
    id: r.id,
    documentId: r.document_id,
    docType: r.doc_type,
    patientMrn: r.patient_mrn,
    proposedType: r.proposed_type,
    proposedMrn: r.proposed_mrn,
    settledBy: r.settled_by,
    settledAt: r.settled_at,
    note: r.note,
  }
}
