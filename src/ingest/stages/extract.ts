/**
 * extract: read every page (text layer or OCR) and keep what was read beside the original:
 * the text with word boxes, and for OCRed pages the page as it was read (for the viewer
 * and the searchable PDF, both made later: page images on first view, the searchable PDF
 * once the document is settled). Nothing is drawn for a text-layer page here. The
 * original is never altered.
 */
import { scanImageName } from '../../derived/searchablePdfs.js'
import { PendingSearchable } from '../../derived/pendingSearchable.js'
import { extractDocument } from '../../extract/extractText.js'
import { derivedKey } from '../../storage/objectStore.js'
import { CONTINUE, type Stage } from './types.js'

export const extract: Stage = {
  name: 'extract',
  async run(job, ctx) {
    const id = job.documentId!
    let scans = 0
    const o = ctx.config.ocr
    job.extracted = await extractDocument(
      job.workPath,
      job.kind!,
      ctx.ocr,
      {
        deskew: o.deskew,
        renderDpi: o.renderDpi,
        maxPixels: o.maxPixels,
        minTextLayerChars: o.minTextLayerChars,
        imagePages: job.kind !== 'pdf' ? job.pageCount : undefined,
      },
      async (page) => {
        if (!page.scan) return
        scans++
        await ctx.store.put(derivedKey(id, scanImageName(page.text.page)), { buffer: page.scan.jpeg }, { contentType: 'image/jpeg' })
      },
      job.pdfFacts,
    )
    const pages = job.extracted.pages
    await ctx.store.put(
      derivedKey(id, 'text.json'),
      { buffer: Buffer.from(JSON.stringify({ documentId: id, sha256: job.sha256, ...job.extracted, fullText: undefined })) },
      { contentType: 'application/json' },
    )
    // Owed from now on: built after settle, and after a restart if the process stops first.
    if (scans) await new PendingSearchable(ctx.sql).add(id)
    ctx.log.debug({ documentId: id, pages: pages.length, source: job.extracted.source }, 'extracted')
    return CONTINUE
  },
}
