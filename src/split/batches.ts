/**
 * The received files that held several documents: their record, receipts and the cuts people
 * decided. On either catalog engine (src/catalog/sql/open.ts): a stack divided at one site is a
 * repeat when it arrives at another.
 *
 * @example
 *   const batches = new BatchesRepo(app.sql)
 *   const known = await batches.get(sha256) // the same stack again: a duplicate of each part
 */
import type { Selectable } from 'kysely'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { SplitDecisionsTable } from '../catalog/sql/tables.js'
import { activeTransaction, writeTransaction, type CatalogHandle } from '../catalog/sql/write.js'
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

export interface BatchReceipt {
  batchSha256: string
  claimId: string
  receivedAt: string
  originalName: string
  sourceFolder: string
  isRepeat: boolean
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

const toDecision = (r: Selectable<SplitDecisionsTable>): SplitDecision => ({
  id: Number(r.id),
  batchSha256: r.batch_sha256,
  proposed: JSON.parse(r.proposed) as number[],
  decided: JSON.parse(r.decided) as number[],
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
})

const receiptRow = (r: BatchReceipt) => ({
  batch_sha256: r.batchSha256,
  claim_id: r.claimId,
  received_at: r.receivedAt,
  original_name: r.originalName,
  source_folder: r.sourceFolder,
  is_repeat: r.isRepeat ? 1 : 0,
})

export class BatchesRepo {
  constructor(private readonly catalog: SqlCatalog) {}

  /** The write transaction the calling code is in on this catalog (Catalog.tx), else the catalog. */
  private get db(): CatalogHandle {
    return activeTransaction(this.catalog) ?? this.catalog.db
  }

  async get(sha256: string): Promise<BatchRecord | undefined> {
    const r = await this.db.selectFrom('batches').selectAll().where('sha256', '=', sha256).executeTakeFirst()
    return r
      ? {
          sha256: r.sha256,
          size: Number(r.size),
          contentType: r.content_type,
          originalName: r.original_name,
          receivedAt: r.received_at,
          pageCount: Number(r.page_count),
          plan: JSON.parse(r.plan) as BatchRecord['plan'],
          splitBy: r.split_by,
          createdAt: r.created_at,
        }
      : undefined
  }

  /**
   * Records the batch with its receipts, all or nothing. A batch already recorded keeps its
   * first record, and a claim already recorded its first receipt.
   */
  async add(b: Omit<BatchRecord, 'createdAt'>, receipts: readonly BatchReceipt[] = []): Promise<void> {
    await writeTransaction(this.catalog, `batch ${b.sha256}`, async (trx) => {
      await trx
        .insertInto('batches')
        .values({
          sha256: b.sha256,
          size: b.size,
          content_type: b.contentType,
          original_name: b.originalName,
          received_at: b.receivedAt,
          page_count: b.pageCount,
          plan: JSON.stringify(b.plan),
          split_by: b.splitBy,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute()
      if (receipts.length)
        await trx
          .insertInto('batch_receipts')
          .values(receipts.map(receiptRow))
          .onConflict((oc) => oc.column('claim_id').doNothing())
          .execute()
    })
  }

  /** False when this claim was already recorded. */
  async addReceipt(r: BatchReceipt): Promise<boolean> {
    const res = await this.db
      .insertInto('batch_receipts')
      .values(receiptRow(r))
      .onConflict((oc) => oc.column('claim_id').doNothing())
      .executeTakeFirst()
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
  }

  async receiptByClaim(claimId: string): Promise<{ batchSha256: string; isRepeat: boolean } | undefined> {
    const r = await this.db
      .selectFrom('batch_receipts')
      .select(['batch_sha256', 'is_repeat'])
      .where('claim_id', '=', claimId)
      .executeTakeFirst()
    return r ? { batchSha256: r.batch_sha256, isRepeat: !!Number(r.is_repeat) } : undefined
  }

  async receipts(sha256: string): Promise<{ claimId: string; receivedAt: string; isRepeat: boolean }[]> {
    const rows = await this.db.selectFrom('batch_receipts').selectAll().where('batch_sha256', '=', sha256).orderBy('id').execute()
    return rows.map((r) => ({ claimId: r.claim_id, receivedAt: r.received_at, isRepeat: !!Number(r.is_repeat) }))
  }

  async addDecision(d: Omit<SplitDecision, 'id' | 'decidedAt'>): Promise<number> {
    const { id } = await this.db
      .insertInto('split_decisions')
      .values({
        batch_sha256: d.batchSha256,
        proposed: JSON.stringify(d.proposed),
        decided: JSON.stringify(d.decided),
        decided_by: d.decidedBy,
        decided_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Number(id)
  }

  /** The decisions on one batch, or on every batch, oldest first. */
  async decisions(sha256?: string): Promise<SplitDecision[]> {
    let q = this.db.selectFrom('split_decisions').selectAll()
    if (sha256) q = q.where('batch_sha256', '=', sha256)
    return (await q.orderBy('id').execute()).map(toDecision)
  }
}
