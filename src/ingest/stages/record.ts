/** record: the document and this receipt enter the catalog, in one transaction. */
import { CONTINUE, type Stage } from './types.js'

export const record: Stage = {
  name: 'record',
  appliesTo: (job) => job.documentId === undefined,
  async run(job, ctx) {
    job.documentId = ctx.catalog.tx(() => {
      const id = ctx.catalog.documents.create({
        sha256: job.sha256!,
        size: job.size!,
        contentType: job.contentType!,
        originalName: job.originalName,
        sourceFolder: job.sourceFolder,
        receivedAt: job.receivedAt,
      })
      ctx.catalog.documents.addReceipt({
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
    })
    return CONTINUE
  },
}
