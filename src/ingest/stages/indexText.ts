/** The index stage: per-page text, confidence and the full-text index into the catalog. */
import { CONTINUE, type Stage } from './types.js'

export const indexText: Stage = {
  name: 'index',
  async run(job, ctx) {
    const x = job.extracted!
    await ctx.catalog.tx(async (c) => {
      await c.documents.savePages(job.documentId!, x.pages)
      await c.documents.update(job.documentId!, {
        pageCount: x.pages.length,
        textSource: x.source,
        textLength: x.fullText.length,
        ocrConfidence: x.ocrConfidence,
      })
    }, `document ${job.documentId!}`)
    return CONTINUE
  },
}
