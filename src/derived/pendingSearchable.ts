/**
 * The searchable PDFs owed: one row per scanned document until its PDF is stored. On either
 * catalog engine (src/catalog/sql/open.ts), so any worker can build what another promised.
 *
 * @example
 *   const owed = new PendingSearchable(app.sql)
 *   for (const { documentId } of await owed.ready(10)) ...
 */
import { sql } from 'kysely'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { activeTransaction, type CatalogHandle } from '../catalog/sql/write.js'

/** Tries before a document's searchable PDF is left for `chartclerk` to report, not retried. */
export const MAX_ATTEMPTS = 5

export class PendingSearchable {
  constructor(private readonly catalog: SqlCatalog) {}

  /** The write transaction the calling code is in on this catalog (Catalog.tx), else the catalog. */
  private get db(): CatalogHandle {
    return activeTransaction(this.catalog) ?? this.catalog.db
  }

  /** Owed again (a re-read replaces an earlier promise). */
  async add(documentId: number): Promise<void> {
    const queuedAt = new Date().toISOString()
    await this.db
      .insertInto('searchable_pdf_pending')
      .values({ document_id: documentId, queued_at: queuedAt })
      .onConflict((oc) => oc.column('document_id').doUpdateSet({ queued_at: queuedAt, attempts: 0, last_error: null }))
      .execute()
  }

  /** Documents whose PDF can be built now: settled (filed or waiting for review), gone or purged ones to be dropped, in order. */
  async ready(limit: number): Promise<{ documentId: number; status: string | null }[]> {
    const rows = await this.db
      .selectFrom('searchable_pdf_pending as p')
      .leftJoin('documents as d', 'd.id', 'p.document_id')
      .select(['p.document_id', 'd.status'])
      .where('p.attempts', '<', MAX_ATTEMPTS)
      .where((eb) => eb.or([eb('d.id', 'is', null), eb('d.status', 'not in', ['received', 'failed'])]))
      .orderBy('p.queued_at')
      .limit(limit)
      .execute()
    return rows.map((r) => ({ documentId: Number(r.document_id), status: r.status ?? null }))
  }

  async done(documentId: number): Promise<void> {
    await this.db.deleteFrom('searchable_pdf_pending').where('document_id', '=', documentId).execute()
  }

  async failed(documentId: number, code: string): Promise<void> {
    await this.db
      .updateTable('searchable_pdf_pending')
      .set({ attempts: sql`attempts + 1`, last_error: code })
      .where('document_id', '=', documentId)
      .execute()
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('searchable_pdf_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  /** Owed and no longer tried (MAX_ATTEMPTS failures): someone has to look. */
  async givenUp(): Promise<number> {
    const r = await this.db
      .selectFrom('searchable_pdf_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('attempts', '>=', MAX_ATTEMPTS)
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }
}
