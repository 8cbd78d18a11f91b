/**
 * Certificates of destruction and the tombstones of destroyed documents (migration 7), on either
 * catalog engine (src/catalog/sql/open.ts). A certificate is numbered from its row
 * (`COD-000001`) and written with its tombstones in one transaction.
 *
 * @example
 *   const destroyed = new DestructionRepo(app.sql)
 *   const last = await destroyed.lastDate('CC-100418') // keeps counting as an encounter date
 */
import type { Selectable } from 'kysely'
import { sql } from 'kysely'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { DestroyedDocumentsTable } from '../catalog/sql/tables.js'
import { activeTransaction, writeTransaction, type CatalogHandle } from '../catalog/sql/write.js'

export interface Tombstone {
  documentId: number
  patientMrn: string
  docType: string | null
  sha256: string
  originalName: string
  dateOfService: string | null
  receivedAt: string
  retainUntil: string
  certificateId: number
  destroyedAt: string
}

export interface CertificateRow {
  id: number
  number: string
  destroyedOn: string
  destroyedBy: string
  approvedBy: string
  method: string
  /** The retention schedule's jurisdiction. */
  schedule: string
  htmlKey: string | null
  /** The certificate as it was issued (JSON). */
  data: unknown
  createdAt: string
}

const toTombstone = (r: Selectable<DestroyedDocumentsTable>): Tombstone => ({
  documentId: Number(r.document_id),
  patientMrn: r.patient_mrn,
  docType: r.doc_type ?? null,
  sha256: r.sha256,
  originalName: r.original_name,
  dateOfService: r.date_of_service ?? null,
  receivedAt: r.received_at,
  retainUntil: r.retain_until,
  certificateId: Number(r.certificate_id),
  destroyedAt: r.destroyed_at,
})

export class DestructionRepo {
  constructor(private readonly catalog: SqlCatalog) {}

  /** The write transaction the calling code is in on this catalog (Catalog.tx), else the catalog. */
  private get db(): CatalogHandle {
    return activeTransaction(this.catalog) ?? this.catalog.db
  }

  /** The latest date a destroyed document of the chart was about (its date of service, else the day it came in). */
  async lastDate(mrn: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('destroyed_documents')
      .select(sql<string | null>`max(coalesce(date_of_service, substr(received_at, 1, 10)))`.as('d'))
      .where('patient_mrn', '=', mrn)
      .executeTakeFirst()
    return r?.d ?? null
  }

  /**
   * Issues a certificate: `issue(id, number)` makes it from its number, and the certificate is
   * kept with one tombstone per destroyed document, all or nothing. A document already
   * tombstoned keeps its first tombstone.
   */
  async record<C extends { htmlKey: string }>(
    c: { destroyedOn: string; destroyedBy: string; approvedBy: string; method: string; schedule: string; at: string },
    tombstones: readonly Omit<Tombstone, 'certificateId' | 'destroyedAt'>[],
    issue: (id: number, number: string) => C,
  ): Promise<C> {
    return writeTransaction(this.catalog, 'destruction', async (trx) => {
      const { id } = await trx
        .insertInto('destruction_certificates')
        .values({
          certificate_number: `pending-${c.at}-${Math.random()}`,
          destroyed_on: c.destroyedOn,
          destroyed_by: c.destroyedBy,
          approved_by: c.approvedBy,
          method: c.method,
          schedule: c.schedule,
          data: '{}',
          created_at: c.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const certificateId = Number(id)
      const cert = issue(certificateId, certificateNumber(certificateId))
      await trx
        .updateTable('destruction_certificates')
        .set({ certificate_number: certificateNumber(certificateId), html_key: cert.htmlKey, data: JSON.stringify(cert) })
        .where('id', '=', certificateId)
        .execute()
      if (tombstones.length)
        await trx
          .insertInto('destroyed_documents')
          .values(
            tombstones.map((t) => ({
              document_id: t.documentId,
              patient_mrn: t.patientMrn,
              doc_type: t.docType,
              sha256: t.sha256,
              original_name: t.originalName,
              date_of_service: t.dateOfService,
              received_at: t.receivedAt,
              retain_until: t.retainUntil,
              certificate_id: certificateId,
              destroyed_at: c.at,
            })),
          )
          .onConflict((oc) => oc.column('document_id').doNothing())
          .execute()
      return cert
    })
  }

  async certificate(number: string): Promise<CertificateRow | undefined> {
    const r = await this.db.selectFrom('destruction_certificates').selectAll().where('certificate_number', '=', number).executeTakeFirst()
    return r
      ? {
          id: Number(r.id),
          number: r.certificate_number,
          destroyedOn: r.destroyed_on,
          destroyedBy: r.destroyed_by,
          approvedBy: r.approved_by,
          method: r.method,
          schedule: r.schedule,
          htmlKey: r.html_key ?? null,
          data: JSON.parse(r.data) as unknown,
          createdAt: r.created_at,
        }
      : undefined
  }

  /** The chart's destroyed documents, by document id. */
  async tombstones(mrn: string): Promise<Tombstone[]> {
    return (
      await this.db.selectFrom('destroyed_documents').selectAll().where('patient_mrn', '=', mrn).orderBy('document_id').execute()
    ).map(toTombstone)
  }
}

export const certificateNumber = (id: number): string => `COD-${String(id).padStart(6, '0')}`
