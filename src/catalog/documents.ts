/**
 * Documents, their pages (with the full-text index) and receipts, on either catalog engine.
 * Full-text search: FTS5 (pages_fts) on SQLite; on PostgreSQL the pages' generated tsvector with
 * its GIN index, made to tokenize as FTS5 does (migration 20), so the desk's searches find the
 * same pages on both.
 */
import { sql, type Selectable, type Updateable } from 'kysely'
import type { PageText } from '../model/types.js'
import type { DocumentsTable, ReceiptsTable } from './sql/tables.js'
import { EventLog } from './events.js'
import type { CatalogScope } from './scope.js'

export type DocumentStatus = 'received' | 'needs_review' | 'filed' | 'failed'

export interface DocumentRecord {
  id: number
  sha256: string
  size: number
  contentType: string
  originalName: string
  sourceFolder: string
  receivedAt: string
  status: DocumentStatus
  pageCount: number | null
  textSource: string | null
  textLength: number | null
  ocrConfidence: number | null
  docType: string | null
  typeConfidence: number | null
  patientMrn: string | null
  reviewReasons: string[]
  /** Stage results that later work reads (classification, identifiers, fields). */
  details: Record<string, unknown>
  errorCode: string | null
  errorMessage: string | null
  /** A document cut from a stack: the received file's SHA-256 and its pages there (1-based). */
  batchSha256: string | null
  pageFrom: number | null
  pageTo: number | null
  /** Fingerprint of the page text: the same pages received again are a repeat receipt. */
  pagesKey: string | null
  createdAt: string
  updatedAt: string
}

export interface ReceiptRecord {
  id: number
  documentId: number
  claimId: string
  receivedAt: string
  originalName: string
  sourceFolder: string
  isRepeat: boolean
  /** The site whose watcher received the file (null: one inbox, or `ingest`). */
  site: string | null
}

export interface PageRecord {
  page: number
  source: string
  text: string
  ocrConfidence: number | null
  deskewAngle: number | null
  width: number | null
  height: number | null
  wordCount: number
}

export interface SearchHit {
  documentId: number
  page: number
  /** Words around the match, the matched words in [brackets]. */
  snippet: string
}

export type NewDocument = Pick<DocumentRecord, 'sha256' | 'size' | 'contentType' | 'originalName' | 'sourceFolder' | 'receivedAt'> &
  Partial<Pick<DocumentRecord, 'batchSha256' | 'pageFrom' | 'pageTo' | 'pagesKey'>>

export type DocumentPatch = Partial<
  Pick<
    DocumentRecord,
    | 'status'
    | 'pageCount'
    | 'textSource'
    | 'textLength'
    | 'ocrConfidence'
    | 'docType'
    | 'typeConfidence'
    | 'patientMrn'
    | 'reviewReasons'
    | 'details'
    | 'errorCode'
    | 'errorMessage'
    | 'pagesKey'
  >
>

type DocumentColumns = Updateable<DocumentsTable>

/** The columns a patch sets. */
function columnsOf(patch: DocumentPatch): DocumentColumns {
  const c: DocumentColumns = {}
  if ('status' in patch) c.status = patch.status
  if ('pageCount' in patch) c.page_count = patch.pageCount ?? null
  if ('textSource' in patch) c.text_source = patch.textSource ?? null
  if ('textLength' in patch) c.text_length = patch.textLength ?? null
  if ('ocrConfidence' in patch) c.ocr_confidence = patch.ocrConfidence ?? null
  if ('docType' in patch) c.doc_type = patch.docType ?? null
  if ('typeConfidence' in patch) c.type_confidence = patch.typeConfidence ?? null
  if ('patientMrn' in patch) c.patient_mrn = patch.patientMrn ?? null
  if ('reviewReasons' in patch) c.review_reasons = JSON.stringify(patch.reviewReasons ?? [])
  if ('details' in patch) c.details = JSON.stringify(patch.details ?? {})
  if ('errorCode' in patch) c.error_code = patch.errorCode ?? null
  if ('errorMessage' in patch) c.error_message = patch.errorMessage ?? null
  if ('pagesKey' in patch) c.pages_key = patch.pagesKey ?? null
  return c
}

/** Rows per INSERT: far below either engine's limit on bound values. */
const ROWS_PER_INSERT = 500

/** Original hashes per round trip when walking them all. */
const SHAS_PER_PAGE = 1000

export class DocumentsRepo {
  private readonly events: EventLog

  constructor(
    private readonly scope: CatalogScope,
    now?: () => Date,
  ) {
    this.events = new EventLog(scope, now)
  }

  private get db() {
    return this.scope.db
  }

  async bySha(sha256: string): Promise<DocumentRecord | undefined> {
    const r = await this.db.selectFrom('documents').selectAll().where('sha256', '=', sha256).executeTakeFirst()
    return r ? toDoc(r) : undefined
  }

  async get(id: number): Promise<DocumentRecord | undefined> {
    const r = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
    return r ? toDoc(r) : undefined
  }

  /** Several documents by id, in the order asked (ids not on file left out). */
  async getMany(ids: readonly number[]): Promise<DocumentRecord[]> {
    if (!ids.length) return []
    const byId = new Map<number, DocumentRecord>()
    for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
      const rows = await this.db
        .selectFrom('documents')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + ROWS_PER_INSERT))
        .execute()
      for (const r of rows) byId.set(Number(r.id), toDoc(r))
    }
    return ids.flatMap((id) => byId.get(id) ?? [])
  }

  /** Records a received document ('received') and its `document.stored` event; its id. */
  async create(d: NewDocument): Promise<number> {
    const now = new Date().toISOString()
    const { id } = await this.db
      .insertInto('documents')
      .values({
        sha256: d.sha256,
        size: d.size,
        content_type: d.contentType,
        original_name: d.originalName,
        source_folder: d.sourceFolder,
        received_at: d.receivedAt,
        status: 'received',
        batch_sha256: d.batchSha256 ?? null,
        page_from: d.pageFrom ?? null,
        page_to: d.pageTo ?? null,
        pages_key: d.pagesKey ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await this.events.append('document.stored', Number(id), { sha256: d.sha256, size: d.size })
    return Number(id)
  }

  /** A document already on file with these pages (see pagesKey). */
  async byPagesKey(key: string): Promise<DocumentRecord | undefined> {
    const r = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('pages_key', '=', key)
      .where('status', '!=', 'failed')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
    return r ? toDoc(r) : undefined
  }

  /** The documents cut from one received file, in page order. */
  async ofBatch(batchSha256: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('batch_sha256', '=', batchSha256)
      .orderBy('page_from')
      .orderBy('id')
      .execute()
    return rows.map(toDoc)
  }

  async update(id: number, patch: DocumentPatch): Promise<void> {
    const set = columnsOf(patch)
    if (!Object.keys(set).length) return
    await this.db
      .updateTable('documents')
      .set({ ...set, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute()
  }

  /** Records a receipt; false when this claim was already recorded (a resumed job). */
  async addReceipt(r: Omit<ReceiptRecord, 'id' | 'site'> & { site?: string | null }): Promise<boolean> {
    const added = await this.db
      .insertInto('receipts')
      .values({
        document_id: r.documentId,
        claim_id: r.claimId,
        received_at: r.receivedAt,
        original_name: r.originalName,
        source_folder: r.sourceFolder,
        is_repeat: r.isRepeat ? 1 : 0,
        site: r.site ?? null,
      })
      .onConflict((oc) => oc.column('claim_id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (added && r.isRepeat) await this.events.append('document.received_again', r.documentId, { claimId: r.claimId })
    return !!added
  }

  /** A claim given back to the inbox never counted as a receipt: the file will be received again. */
  async withdrawReceipt(claimId: string): Promise<void> {
    await this.db.deleteFrom('receipts').where('claim_id', '=', claimId).execute()
  }

  async receiptByClaim(claimId: string): Promise<ReceiptRecord | undefined> {
    const r = await this.db.selectFrom('receipts').selectAll().where('claim_id', '=', claimId).executeTakeFirst()
    return r ? toReceipt(r) : undefined
  }

  async receipts(documentId: number): Promise<ReceiptRecord[]> {
    const rows = await this.db.selectFrom('receipts').selectAll().where('document_id', '=', documentId).orderBy('id').execute()
    return rows.map(toReceipt)
  }

  /** Replaces the document's pages and their full-text entries in one go. */
  savePages(documentId: number, pages: PageText[]): Promise<void> {
    return this.scope.atomically(`document ${documentId}`, async (trx) => {
      const db = trx.db
      await db.deleteFrom('pages').where('document_id', '=', documentId).execute()
      if (trx.engine === 'sqlite') await db.deleteFrom('pages_fts').where('document_id', '=', documentId).execute()
      for (let i = 0; i < pages.length; i += ROWS_PER_INSERT) {
        const chunk = pages.slice(i, i + ROWS_PER_INSERT)
        await db
          .insertInto('pages')
          .values(
            chunk.map((p) => ({
              document_id: documentId,
              page_no: p.page,
              source: p.source,
              text: p.text,
              ocr_confidence: p.ocrConfidence,
              deskew_angle: p.deskewAngle,
              width: p.width,
              height: p.height,
              word_count: p.words.length,
            })),
          )
          .execute()
        // PostgreSQL computes pages.text_search itself; SQLite's FTS5 table is written beside.
        if (trx.engine === 'sqlite')
          await db
            .insertInto('pages_fts')
            .values(chunk.map((p) => ({ text: p.text, document_id: documentId, page_no: p.page })))
            .execute()
      }
    })
  }

  /**
   * Removes a document's row with its pages, their full-text entries and its receipts (a received
   * stack once split: its parts and the batch record stand for it).
   */
  remove(documentId: number): Promise<void> {
    return this.scope.atomically(`document ${documentId}`, async (trx) => {
      if (trx.engine === 'sqlite') await trx.db.deleteFrom('pages_fts').where('document_id', '=', documentId).execute()
      await trx.db.deleteFrom('documents').where('id', '=', documentId).execute()
    })
  }

  async pages(documentId: number): Promise<PageRecord[]> {
    const rows = await this.db.selectFrom('pages').selectAll().where('document_id', '=', documentId).orderBy('page_no').execute()
    return rows.map((r) => ({
      page: Number(r.page_no),
      source: r.source,
      text: r.text,
      ocrConfidence: r.ocr_confidence,
      deskewAngle: r.deskew_angle,
      width: r.width === null ? null : Number(r.width),
      height: r.height === null ? null : Number(r.height),
      wordCount: Number(r.word_count),
    }))
  }

  async list(opts: { status?: DocumentStatus; limit?: number; offset?: number } = {}): Promise<DocumentRecord[]> {
    let q = this.db.selectFrom('documents').selectAll()
    if (opts.status) q = q.where('status', '=', opts.status)
    const rows = await q
      .orderBy('id', 'desc')
      .limit(opts.limit ?? 100)
      .offset(opts.offset ?? 0)
      .execute()
    return rows.map(toDoc)
  }

  async forPatient(mrn: string): Promise<DocumentRecord[]> {
    const rows = await this.db.selectFrom('documents').selectAll().where('patient_mrn', '=', mrn).orderBy('id').execute()
    return rows.map(toDoc)
  }

  /** Documents waiting for review in queue order (oldest receipt first); `limit` of them. */
  async reviewQueue(limit = 500): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('status', '=', 'needs_review')
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit)
      .execute()
    return rows.map(toDoc)
  }

  /** The ids of the review queue, in its order. */
  async reviewIds(): Promise<number[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('status', '=', 'needs_review')
      .orderBy('received_at')
      .orderBy('id')
      .execute()
    return rows.map((r) => Number(r.id))
  }

  /** When each review item was received, oldest first (for the backlog's ages). */
  async reviewReceivedAt(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('received_at')
      .where('status', '=', 'needs_review')
      .orderBy('received_at')
      .execute()
    return rows.map((r) => r.received_at)
  }

  /** The ids of the documents whose SHA-256 starts with `prefix` (at most `limit`); none for a prefix that is not hexadecimal. */
  async idsBySha256Prefix(prefix: string, limit = 2): Promise<number[]> {
    if (!/^[0-9a-f]*$/.test(prefix)) return []
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('sha256', 'like', `${prefix}%`)
      .orderBy('id')
      .limit(limit)
      .execute()
    return rows.map((r) => Number(r.id))
  }

  /** The ids of the documents with this status, in the order they were received into the catalog. */
  async idsWithStatus(status: DocumentStatus): Promise<number[]> {
    const rows = await this.db.selectFrom('documents').select('id').where('status', '=', status).orderBy('id').execute()
    return rows.map((r) => Number(r.id))
  }

  /** Every chart with at least one filed document (`filedOnly: false`: with a document of any status), by MRN. */
  async chartMrns(o: { filedOnly?: boolean } = {}): Promise<string[]> {
    let q = this.db
      .selectFrom('documents')
      .select((eb) => eb.ref('patient_mrn').$notNull().as('mrn'))
      .distinct()
      .where('patient_mrn', 'is not', null)
    if (o.filedOnly !== false) q = q.where('status', '=', 'filed')
    const rows = await q.orderBy('mrn').execute()
    return rows.map((r) => r.mrn)
  }

  /** The oldest review item's receipt time, for the backlog's age. */
  async oldestReview(): Promise<string | null> {
    const r = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.min('received_at').as('t'))
      .where('status', '=', 'needs_review')
      .executeTakeFirst()
    return r?.t ?? null
  }

  /** Documents filed in a chart, newest received first. */
  async filedInChart(mrn: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('patient_mrn', '=', mrn)
      .where('status', '=', 'filed')
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
    return rows.map(toDoc)
  }

  /** Charts with the most recent filings: MRN, documents filed, latest receipt. */
  async recentCharts(limit = 25): Promise<{ mrn: string; documents: number; latest: string }[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select((eb) => [eb.ref('patient_mrn').$notNull().as('mrn'), eb.fn.countAll<number>().as('n'), eb.fn.max('received_at').as('latest')])
      .where('status', '=', 'filed')
      .where('patient_mrn', 'is not', null)
      .groupBy('patient_mrn')
      .orderBy('latest', 'desc')
      .orderBy('patient_mrn')
      .limit(limit)
      .execute()
    return rows.map((r) => ({ mrn: r.mrn, documents: Number(r.n), latest: r.latest }))
  }

  async countByStatus(): Promise<Record<DocumentStatus, number>> {
    const out: Record<DocumentStatus, number> = { received: 0, needs_review: 0, filed: 0, failed: 0 }
    const rows = await this.db
      .selectFrom('documents')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute()
    for (const r of rows) out[r.status as DocumentStatus] = Number(r.n)
    return out
  }

  /** Every original's SHA-256 in order: the documents' and the received stacks' (kept under their own hash). */
  async *allShas(): AsyncGenerator<{ sha256: string }> {
    let after = ''
    for (;;) {
      const { rows } = await sql<{ sha256: string }>`
        SELECT sha256 FROM (SELECT sha256 FROM documents UNION SELECT sha256 FROM batches) AS originals
        WHERE sha256 > ${after} ORDER BY sha256 LIMIT ${SHAS_PER_PAGE}`.execute(this.db)
      yield* rows
      if (rows.length < SHAS_PER_PAGE) return
      after = rows[rows.length - 1]!.sha256
    }
  }

  /**
   * Full-text search over page text. Each of the user's words must appear (a word with
   * punctuation inside, like CC-100418 or 03/14/2026, as those tokens in a row); words are
   * stemmed (results finds result), case and accents do not count. The user's text is always
   * bound as a value, so search syntax in it is harmless. Best matches first.
   */
  async search(query: string, limit = 50): Promise<SearchHit[]> {
    // A "word" of punctuation alone holds no token: it asks for nothing.
    const terms = query.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t))
    if (!terms.length) return []
    if (this.scope.engine === 'sqlite') {
      const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ')
      const { rows } = await sql<{ document_id: number; page_no: number; snip: string }>`
        SELECT document_id, page_no, snippet(pages_fts, 0, '[', ']', '…', 12) AS snip
        FROM pages_fts WHERE pages_fts MATCH ${match} ORDER BY rank, document_id, page_no LIMIT ${limit}`.execute(this.db)
      return rows.map((r) => ({ documentId: Number(r.document_id), page: Number(r.page_no), snippet: r.snip }))
    }
    const query_ = sql.join(
      terms.map((t) => sql`phraseto_tsquery('chartclerk', regexp_replace(${t}, '[^[:alnum:]]+', ' ', 'g'))`),
      sql` && `,
    )
    const { rows } = await sql<{ document_id: number; page_no: number; snip: string }>`
      SELECT document_id, page_no,
        ts_headline('chartclerk', text, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snip
      FROM pages, (SELECT ${query_} AS q) AS search
      WHERE text_search @@ q
      ORDER BY ts_rank(text_search, q) DESC, document_id, page_no LIMIT ${limit}`.execute(this.db)
    return rows.map((r) => ({ documentId: Number(r.document_id), page: Number(r.page_no), snippet: r.snip }))
  }
}

function toDoc(r: Selectable<DocumentsTable>): DocumentRecord {
  return {
    id: Number(r.id),
    sha256: r.sha256,
    size: Number(r.size),
    contentType: r.content_type,
    originalName: r.original_name,
    sourceFolder: r.source_folder,
    receivedAt: r.received_at,
    status: r.status as DocumentStatus,
    pageCount: r.page_count === null ? null : Number(r.page_count),
    textSource: r.text_source,
    textLength: r.text_length === null ? null : Number(r.text_length),
    ocrConfidence: r.ocr_confidence,
    docType: r.doc_type,
    typeConfidence: r.type_confidence,
    patientMrn: r.patient_mrn,
    reviewReasons: r.review_reasons ? (JSON.parse(r.review_reasons) as string[]) : [],
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : {},
    errorCode: r.error_code,
    errorMessage: r.error_message,
    batchSha256: r.batch_sha256 ?? null,
    pageFrom: r.page_from === null ? null : Number(r.page_from),
    pageTo: r.page_to === null ? null : Number(r.page_to),
    pagesKey: r.pages_key ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function toReceipt(r: Selectable<ReceiptsTable>): ReceiptRecord {
  return {
    id: Number(r.id),
    documentId: Number(r.document_id),
    claimId: r.claim_id,
    receivedAt: r.received_at,
    originalName: r.original_name,
    sourceFolder: r.source_folder,
    isRepeat: !!Number(r.is_repeat),
    site: r.site ?? null,
  }
}
