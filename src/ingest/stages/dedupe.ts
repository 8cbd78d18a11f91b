/**
 * dedupe: the same content received again is recorded as a repeat receipt on the
 * existing document and goes no further (never stored or filed twice). A job
 * that resumes its own earlier claim, or content whose earlier run never
 * finished or failed, carries on with the existing document instead.
 */
import { BatchesRepo } from '../../split/batches.js'
import { CONTINUE, type Stage } from './types.js'

export const dedupe: Stage = {
  name: 'dedupe',
  async run(job, ctx) {
    job.releaseContent = await ctx.contentLocks.acquire(job.sha256!)
    // A stack already divided into its documents: the same stack again is a duplicate of each.
    const batches = new BatchesRepo(ctx.sql)
    const batch = await batches.get(job.sha256!)
    if (batch) {
      const own = await batches.receiptByClaim(job.id)
      const statuses = new Map(
        (await ctx.catalog.documents.getMany(batch.plan.documents.map((d) => d.documentId))).map((d) => [d.id, d.status]),
      )
      job.parts = batch.plan.documents.map((d) => {
        const status = statuses.get(d.documentId)
        return {
          documentId: d.documentId,
          split: { from: d.from, to: d.to, ...(d.blank ? { blank: d.blank } : {}) },
          status: own && (status === 'filed' || status === 'needs_review') ? status : 'duplicate',
        }
      })
      if (own) {
        job.resumed = true
        job.status = job.parts.some((p) => p.status === 'needs_review') ? 'needs_review' : 'filed'
        return { kind: 'halt', reason: 'already-complete' }
      }
      await batches.addReceipt({
        batchSha256: job.sha256!,
        claimId: job.id,
        receivedAt: job.receivedAt,
        originalName: job.originalName,
        sourceFolder: job.sourceFolder,
        isRepeat: true,
      })
      await ctx.catalog.events.append('batch.received_again', null, { batchSha256: job.sha256!, claimId: job.id })
      job.status = 'duplicate'
      return { kind: 'halt', reason: 'duplicate' }
    }
    const existing = await ctx.catalog.documents.bySha(job.sha256!)
    if (!existing) return CONTINUE
    job.existing = existing
    job.documentId = existing.id
    const ownReceipt = await ctx.catalog.documents.receiptByClaim(job.id)
    if (ownReceipt) {
      job.resumed = true
      if (existing.status === 'needs_review' || existing.status === 'filed') {
        job.status = existing.status
        return { kind: 'halt', reason: 'already-complete' }
      }
      return CONTINUE
    }
    if (existing.status === 'received' || existing.status === 'failed') {
      // An earlier attempt stopped part-way or failed: this is that file back again, so finish it.
      await ctx.catalog.documents.addReceipt({
        documentId: existing.id,
        claimId: job.id,
        receivedAt: job.receivedAt,
        originalName: job.originalName,
        sourceFolder: job.sourceFolder,
        isRepeat: false,
        site: job.site ?? null,
      })
      await ctx.catalog.events.append('document.retry', existing.id, { claimId: job.id, previousStatus: existing.status })
      return CONTINUE
    }
    await ctx.catalog.documents.addReceipt({
      documentId: existing.id,
      claimId: job.id,
      receivedAt: job.receivedAt,
      originalName: job.originalName,
      sourceFolder: job.sourceFolder,
      isRepeat: true,
      site: job.site ?? null,
    })
    job.status = 'duplicate'
    return { kind: 'halt', reason: 'duplicate' }
  },
}
