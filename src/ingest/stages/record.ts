/** record: the document and this receipt enter the catalog, in one transaction. */
import { CONTINUE, type Stage } from './types.js'

export const record: Stage = {
  name: 'record',
  appliesTo: (job) => job.documentId === undefined,
  async run(job, ctx) {
    job.documentId = await ctx.catalog.tx(async (c) => {
      const id = await c.documents.create({
        sha256: job.sha256!,
        size: job.size!,
        contentType: job.contentType!,
        originalName: job.originalName,
        sourceFolder: job.sourceFolder,
        receivedAt: job.receivedAt,
      })
      await c.documents.addReceipt({
        documentId: id,
        claimId: job.id,
        receivedAt: job.receivedAt,
        originalName: job.originalName,
        sourceFolder: job.sourceFolder,
        isRepeat: false,
        site: job.site ?? null,
      })
      ctx.catalog.jobs.update(job.id, { documentId: id })
      return id
    }, `document ${job.sha256!}`)
    return CONTINUE
  },
}
