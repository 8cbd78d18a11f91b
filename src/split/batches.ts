/** The received files that held several documents: their record, receipts and the cuts people decided. */
import type { Db } from '../catalog/db.js'
import type { PageRange } from './boundaries.js'

export interface BatchRecord {
  sha256: string
  size: number
  contentType: string
  originalName: string
  receivedAt: string
  pageCount: number
  /** The cuts as made (with their confidences and reasons) and the parts. */
  plan: {
    parts: PageRange[]
    cuts: { page: number; confidence: number; reasons: string[] }[]
    separators: number[]
    documents: ({ documentId: number } & PageRange)[]
  }
  /** 'chartclerk' when the cuts were sure, else the person who decided them. */
  splitBy: string
  createdAt: string
}

export interface SplitDecision {
  id: number
  batchSha256: string
  /** The first pages of the documents as proposed, and as decided. */
  proposed: number[]
  decided: number[]
  decidedBy: string
  decidedAt: string
}

export class BatchesRepo {
  constructor(private readonly db: Db) {}

  get(sha256: string): BatchRecord | undefined {
    const r = this.db.prepare('SELECT * FROM batches WHERE sha256 = ?').get(sha256) as any
    return r
      ? {
          sha256: r.sha256,
          size: r.size,
          contentType: r.content_type,
          originalName: r.original_name,
          receivedAt: r.received_at,
          pageCount: r.page_count,
          plan: JSON.parse(r.plan),
          splitBy: r.split_by,
          createdAt: r.created_at,
        }
      : undefined
  }

  add(b: Omit<BatchRecord, 'createdAt'>): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO batches (sha256, size, content_type, original_name, received_at, page_count, plan, split_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        b.sha256,
        b.size,
        b.contentType,
        b.originalName,
        b.receivedAt,
        b.pageCount,
        JSON.stringify(b.plan),
        b.splitBy,
        new Date().toISOString(),
      )
  }

  /** False when this claim was already recorded. */
  addReceipt(r: {
    batchSha256: string
    claimId: string
    receivedAt: string
    originalName: string
    sourceFolder: string
    isRepeat: boolean
  }): boolean {
    const info = this.db
      .prepare(
        'INSERT OR IGNORE INTO batch_receipts (batch_sha256, claim_id, received_at, original_name, source_folder, is_repeat) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(r.batchSha256, r.claimId, r.receivedAt, r.originalName, r.sourceFolder, r.isRepeat ? 1 : 0)
    return info.changes > 0
  }

  receiptByClaim(claimId: string): { batchSha256: string; isRepeat: boolean } | undefined {
    const r = this.db.prepare('SELECT batch_sha256, is_repeat FROM batch_receipts WHERE claim_id = ?').get(claimId) as any
    return r ? { batchSha256: r.batch_sha256, isRepeat: !!r.is_repeat } : undefined
  }

  receipts(sha256: string): { claimId: string; receivedAt: string; isRepeat: boolean }[] {
    return (this.db.prepare('SELECT * FROM batch_receipts WHERE batch_sha256 = ? ORDER BY id').all(sha256) as any[]).map((r) => ({
      claimId: r.claim_id,
      receivedAt: r.received_at,
      isRepeat: !!r.is_repeat,
    }))
  }

  addDecision(d: Omit<SplitDecision, 'id' | 'decidedAt'>): number {
    const info = this.db
      .prepare('INSERT INTO split_decisions (batch_sha256, proposed, decided, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)')
      .run(d.batchSha256, JSON.stringify(d.proposed), JSON.stringify(d.decided), d.decidedBy, new Date().toISOString())
    return Number(info.lastInsertRowid)
  }

  decisions(sha256?: string): SplitDecision[] {
    const rows = (
      sha256
        ? this.db.prepare('SELECT * FROM split_decisions WHERE batch_sha256 = ? ORDER BY id').all(sha256)
        : this.db.prepare('SELECT * FROM split_decisions ORDER BY id').all()
    ) as any[]
    return rows.map((r) => ({
      id: r.id,
      batchSha256: r.batch_sha256,
      proposed: JSON.parse(r.proposed),
      decided: JSON.parse(r.decided),
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
    }))
  }
}
