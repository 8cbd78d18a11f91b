/**
 * Documents written straight into the documents table, for contract tests of repositories that
 * join it (routes, split batches, reports, the desk's queries) on both engines: rows with only what
 * a join reads, and times set as a test needs them (the documents' own repository,
 * src/catalog/documents.ts, stamps its own).
 */
import type { SqlCatalog } from '../../../src/catalog/sql/open.js'
import type { DocumentsTable } from '../../../src/catalog/sql/tables.js'
import type { Insertable } from 'kysely'

let n = 0

/** Inserts a made-up document (filed by default) and returns its id. */
export async function addDocument(sql: SqlCatalog, o: Partial<Insertable<DocumentsTable>> = {}): Promise<number> {
  n++
  const at = '2026-11-02T14:00:00.000Z'
  const { id } = await sql.db
    .insertInto('documents')
    .values({
      sha256: `${n.toString(16).padStart(8, '0')}${'ab'.repeat(28)}`,
      size: 1000 + n,
      content_type: 'application/pdf',
      original_name: `scan-${n}.pdf`,
      received_at: at,
      status: 'filed',
      patient_mrn: 'CC-100418',
      doc_type: 'lab_report',
      created_at: at,
      updated_at: at,
      ...o,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(id)
}
