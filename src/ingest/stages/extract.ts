/**
 * extract: read every page (text layer or OCR) and keep the derived artefacts
 * beside the original: page images for the viewer, the text with word boxes,
 * and a searchable PDF when any page was OCRed. The original is never altered.
 */
import { extractDocument } from '../../extract/extractText.js'
import { buildSearchablePdf, type SearchablePage } from '../../extract/searchablePdf.js'
import { derivedKey } from '../../storage/objectStore.js'
import { CONTINUE, type Stage } from './types.js'

export const pageImageName = (page: number): string => `page-${String(page).padStart(4, '0')}.png`

export const extract: Stage = {
  name: 'extract',
  async run(job, ctx) {
    const id = job.documentId!
    const searchable: SearchablePage[] = []
    const o = ctx.config.ocr
    job.extracted = await extractDocument(
      job.workPath,
      job.kind!,
      ctx.ocr,
      { deskew: o.deskew, renderDpi: o.renderDpi, maxPixels: o.maxPixels, minTextLayerChars: o.minTextLayerChars },
      async (page) => {
        await ctx.store.put(derivedKey(id, pageImageName(page.text.page)), { buffer: page.viewerPng }, { contentType: 'image/png' })
        if (page.searchable) searchable[page.text.page - 1] = page.searchable
      },
    )
    const pages = job.extracted.pages
    await ctx.store.put(derivedKey(id, 'text.json'), { buffer: Buffer.from(JSON.stringify({ documentId: id, sha256: job.sha256, ...job.extracted, fullText: undefined })) }, { contentType: 'application/json' })
    if (searchable.some(Boolean)) {
      // Text-layer pages of a mixed PDF have no OCR image; the searchable copy holds the OCRed pages.
      const pdf = await buildSearchablePdf(searchable.filter(Boolean), `chartclerk document ${id}`)
      await ctx.store.put(derivedKey(id, 'searchable.pdf'), { buffer: pdf }, { contentType: 'application/pdf' })
    }
    ctx.log.debug({ documentId: id, pages: pages.length, source: job.extracted.source }, 'extracted')
    return CONTINUE
  },
}
