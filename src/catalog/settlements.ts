/** What people decided in review: the document's type and patient. Kept as training data. On either catalog engine. */
import type { Selectable } from 'kysely'
import type { SettlementsTable } from './sql/tables.js'
import type { CatalogScope } from './scope.js'

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

/** Pages of a document's text are joined with a form feed, as the classifier was trained. */
const PAGE_BREAK = '\f'

export class SettlementsRepo {
  constructor(private readonly scope: CatalogScope) {}

  async add(s: Omit<Settlement, 'id' | 'settledAt'>): Promise<number> {
    const { id } = await this.scope.db
      .insertInto('settlements')
      .values({
        document_id: s.documentId,
        doc_type: s.docType,
        patient_mrn: s.patientMrn,
        proposed_type: s.proposedType,
        proposed_mrn: s.proposedMrn,
        settled_by: s.settledBy,
        settled_at: new Date().toISOString(),
        note: s.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Number(id)
  }

  async forDocument(documentId: number): Promise<Settlement[]> {
    const rows = await this.scope.db.selectFrom('settlements').selectAll().where('document_id', '=', documentId).orderBy('id').execute()
    return rows.map(toSettlement)
  }

  /** The latest settled type of every settled document with its text: retraining examples. */
  async trainingExamples(): Promise<{ text: string; type: string }[]> {
    const db = this.scope.db
    const latest = await db
      .selectFrom('settlements as s')
      .select(['s.document_id', 's.doc_type'])
      .where('s.id', '=', (eb) =>
        eb
          .selectFrom('settlements as t')
          .select((e) => e.fn.max('t.id').as('m'))
          .whereRef('t.document_id', '=', 's.document_id'),
      )
      .orderBy('s.id')
      .execute()
    if (!latest.length) return []
    const text = new Map<number, string[]>()
    const pages = await db
      .selectFrom('pages')
      .select(['document_id', 'text'])
      .where('document_id', 'in', db.selectFrom('settlements').select('document_id'))
      .orderBy('document_id')
      .orderBy('page_no')
      .execute()
    for (const p of pages) {
      const id = Number(p.document_id)
      text.set(id, [...(text.get(id) ?? []), p.text])
    }
    return latest.flatMap((r) => {
      const t = text.get(Number(r.document_id))?.join(PAGE_BREAK)
      return t ? [{ text: t, type: r.doc_type }] : []
    })
  }
}

function toSettlement(r: Selectable<SettlementsTable>): Settlement {
  return {
    id: Number(r.id),
    documentId: Number(r.document_id),
    docType: r.doc_type,
    patientMrn: r.patient_mrn,
    proposedType: r.proposed_type,
    proposedMrn: r.proposed_mrn,
    settledBy: r.settled_by,
    settledAt: r.settled_at,
    note: r.note,
  }
}
