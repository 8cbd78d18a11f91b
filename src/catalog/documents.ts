/** Documents, their pages (with the full-text index) and receipts. */
import type { PageText } from '../model/types.js'
import type { Db } from './db.js'
import type { EventLog } from './events.js'

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

const COLS: Record<keyof DocumentPatch, string> = {
  status: 'status',
  pageCount: 'page_count',
  textSource: 'text_source',
  textLength: 'text_length',
  ocrConfidence: 'ocr_confidence',
  docType: 'doc_type',
  typeConfidence: 'type_confidence',
  patientMrn: 'patient_mrn',
  reviewReasons: 'review_reasons',
  details: 'details',
  errorCode: 'error_code',
  errorMessage: 'error_message',
  pagesKey: 'pages_key',
}

export class DocumentsRepo {
  constructor(
    private readonly db: Db,
    private readonly events: EventLog,
  ) {}

  bySha(sha256: string): DocumentRecord | undefined {
    const r = this.db.prepare('SELECT * FROM documents WHERE sha256 = ?').get(sha256)
    return r ? toDoc(r) : undefined
  }

  get(id: number): DocumentRecord | undefined {
    const r = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id)
    return r ? toDoc(r) : undefined
  }

  create(
    d: Pick<DocumentRecord, 'sha256' | 'size' | 'contentType' | 'originalName' | 'sourceFolder' | 'receivedAt'> &
      Partial<Pick<DocumentRecord, 'batchSha256' | 'pageFrom' | 'pageTo' | 'pagesKey'>>,
  ): number {
    const now = new Date().toISOString()
    const info = this.db
      .prepare(
        `INSERT INTO documents (sha256, size, content_type, original_name, source_folder, received_at, status, batch_sha256, page_from, page_to, pages_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.sha256,
        d.size,
        d.contentType,
        d.originalName,
        d.sourceFolder,
        d.receivedAt,
        d.batchSha256 ?? null,
        d.pageFrom ?? null,
        d.pageTo ?? null,
        d.pagesKey ?? null,
        now,
        now,
      )
    const id = Number(info.lastInsertRowid)
    this.events.append('document.stored', id, { sha256: d.sha256, size: d.size })
    return id
  }

  /** A document already on file with these pages (see pagesKey). */
  byPagesKey(key: string): DocumentRecord | undefined {
    const r = this.db.prepare("SELECT * FROM documents WHERE pages_key = ? AND status != 'failed' ORDER BY id LIMIT 1").get(key)
    return r ? toDoc(r) : undefined
  }

  /** The documents cut from one received file, in page order. */
  ofBatch(batchSha256: string): DocumentRecord[] {
    return (this.db.prepare('SELECT * FROM documents WHERE batch_sha256 = ? ORDER BY page_from').all(batchSha256) as any[]).map(toDoc)
  }

  update(id: number, patch: DocumentPatch): void {
    const sets: string[] = []
    const vals: unknown[] = []
    for (const [k, v] of Object.entries(patch) as [keyof DocumentPatch, unknown][]) {
      sets.push(`${COLS[k]} = ?`)
      vals.push(k === 'reviewReasons' || k === 'details' ? JSON.stringify(v ?? (k === 'details' ? {} : [])) : v)
    }
    if (!sets.length) return
    this.db.prepare(`UPDATE documents SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...vals, new Date().toISOString(), id)
  }

  /** Records a receipt; false when this claim was already recorded (a resumed job). */
  addReceipt(r: Omit<ReceiptRecord, 'id' | 'site'> & { site?: string | null }): boolean {
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO receipts (document_id, claim_id, received_at, original_name, source_folder, is_repeat, site) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.documentId, r.claimId, r.receivedAt, r.originalName, r.sourceFolder, r.isRepeat ? 1 : 0, r.site ?? null)
    if (info.changes > 0 && r.isRepeat) this.events.append('document.received_again', r.documentId, { claimId: r.claimId })
    return info.changes > 0
  }

  /** A claim given back to the inbox never counted as a receipt: the file will be received again. */
  withdrawReceipt(claimId: string): void {
    this.db.prepare('DELETE FROM receipts WHERE claim_id = ?').run(claimId)
  }

  receiptByClaim(claimId: string): ReceiptRecord | undefined {
    const r = this.db.prepare('SELECT * FROM receipts WHERE claim_id = ?').get(claimId)
    return r ? toReceipt(r) : undefined
  }

  receipts(documentId: number): ReceiptRecord[] {
    return (this.db.prepare('SELECT * FROM receipts WHERE document_id = ? ORDER BY id').all(documentId) as any[]).map(toReceipt)
  }

  /** Replaces the document's pages and their full-text entries in one go. */
  savePages(documentId: number, pages: PageText[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM pages WHERE document_id = ?').run(documentId)
      this.db.prepare('DELETE FROM pages_fts WHERE document_id = ?').run(documentId)
      const ins = this.db.prepare(
        'INSERT INTO pages (document_id, page_no, source, text, ocr_confidence, deskew_angle, width, height, word_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      const fts = this.db.prepare('INSERT INTO pages_fts (text, document_id, page_no) VALUES (?, ?, ?)')
      for (const p of pages) {
        ins.run(documentId, p.page, p.source, p.text, p.ocrConfidence, p.deskewAngle, p.width, p.height, p.words.length)
        fts.run(p.text, documentId, p.page)
      }
    })()
  }

  pages(documentId: number): PageRecord[] {
    return (this.db.prepare('SELECT * FROM pages WHERE document_id = ? ORDER BY page_no').all(documentId) as any[]).map((r) => ({
      page: r.page_no,
      source: r.source,
      text: r.text,
      ocrConfidence: r.ocr_confidence,
      deskewAngle: r.deskew_angle,
      width: r.width,
      height: r.height,
      wordCount: r.word_count,
    }))
  }

  list(opts: { status?: DocumentStatus; limit?: number; offset?: number } = {}): DocumentRecord[] {
    const where = opts.status ? 'WHERE status = ?' : ''
    const args: unknown[] = opts.status ? [opts.status] : []
    return (
      this.db
        .prepare(`SELECT * FROM documents ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
        .all(...args, opts.limit ?? 100, opts.offset ?? 0) as any[]
    ).map(toDoc)
  }

  forPatient(mrn: string): DocumentRecord[] {
    return (this.db.prepare('SELECT * FROM documents WHERE patient_mrn = ? ORDER BY id').all(mrn) as any[]).map(toDoc)
  }

  countByStatus(): Record<DocumentStatus, number> {
    const out: Record<DocumentStatus, number> = { received: 0, needs_review: 0, filed: 0, failed: 0 }
    for (const r of this.db.prepare('SELECT status, count(*) n FROM documents GROUP BY status').all() as {
      status: DocumentStatus
      n: number
    }[])
      out[r.status] = r.n
    return out
  }

  allShas(): Iterable<{ sha256: string }> {
    // Received stacks are originals too, kept under their own hash beside the documents cut from them.
    return this.db.prepare('SELECT sha256 FROM documents UNION SELECT sha256 FROM batches').iterate() as Iterable<{ sha256: string }>
  }

  /** Full-text search; the user's words are quoted so FTS syntax in them is harmless. */
  search(query: string, limit = 50): { documentId: number; page: number; snippet: string }[] {
    const terms = query
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => `"${t.replace(/"/g, '""')}"`)
    if (!terms.length) return []
    return (
      this.db
        .prepare(
          `SELECT document_id, page_no, snippet(pages_fts, 0, '[', ']', '…', 12) AS snip FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rank LIMIT ?`,
        )
        .all(terms.join(' '), limit) as any[]
    ).map((r) => ({ documentId: Number(r.document_id), page: Number(r.page_no), snippet: r.snip }))
  }
}

function toDoc(r: any): DocumentRecord {
  return {
    id: r.id,
    sha256: r.sha256,
    size: r.size,
    contentType: r.content_type,
    originalName: r.original_name,
    sourceFolder: r.source_folder,
    receivedAt: r.received_at,
    status: r.status,
    pageCount: r.page_count,
    textSource: r.text_source,
    textLength: r.text_length,
    ocrConfidence: r.ocr_confidence,
    docType: r.doc_type,
    typeConfidence: r.type_confidence,
    patientMrn: r.patient_mrn,
    reviewReasons: r.review_reasons ? JSON.parse(r.review_reasons) : [],
    details: r.details ? JSON.parse(r.details) : {},
    errorCode: r.error_code,
    errorMessage: r.error_message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    batchSha256: r.batch_sha256 ?? null,
    pageFrom: r.page_from ?? null,
    pageTo: r.page_to ?? null,
    pagesKey: r.pages_key ?? null,
  }
}

function toReceipt(r: any): ReceiptRecord {
  return {
    id: r.id,
    documentId: r.document_id,
    claimId: r.claim_id,
    receivedAt: r.received_at,
    originalName: r.original_name,
    sourceFolder: r.source_folder,
    isRepeat: !!r.is_repeat,
    site: r.site ?? null,
  }
}
