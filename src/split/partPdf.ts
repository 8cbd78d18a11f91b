/**
 * The PDF of one document cut from a stack, for viewing and release: its pages copied
 * from the received PDF as they are (pdf-lib), or, for a multi-page TIFF, its pages as they
 * were read. Made the same way every time, so the same pages give the same file and hash.
 * The received file itself is never touched.
 */
import type { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { VIEWER_DPI } from '../extract/extractText.js'
import { decodePage, viewerImage } from '../extract/images.js'
import { openPdf } from '../extract/pdf.js'
import { pagesOf, type PageRange } from './boundaries.js'
import { pdfLib } from '../pdfLib.js'

const LETTER = { width: 612, height: 792 }

/** Pages `range` of a received PDF (without the blank pages it leaves out) as a PDF of their own. */
export async function partOfPdf(original: Buffer, range: PageRange, limits: { maxPixels: number }): Promise<Buffer> {
  const { PDFDocument } = await pdfLib()
  const indices = pagesOf(range).map((n) => n - 1)
  let src: PDFDocument | null = null
  try {
    src = await PDFDocument.load(original, { updateMetadata: false })
  } catch {
    src = null // encrypted or damaged beyond what pdf-lib reads: drawn instead, below
  }
  const out = await PDFDocument.create({ updateMetadata: false })
  if (src) {
    for (const p of await out.copyPages(src, indices)) out.addPage(p)
  } else {
    // The reader that extraction used draws each page; the part holds those drawings.
    const pdf = await openPdf(original, { ...limits, readText: false })
    try {
      for (const i of indices)
        await addImagePage(out, await viewerImage(await decodePage(await pdf.renderPage(i + 1, VIEWER_DPI), 'render', 1, limits)))
    } finally {
      await pdf.close()
    }
  }
  return Buffer.from(await out.save({ useObjectStreams: false }))
}

/** A PDF of page images (the scans of a multi-page TIFF as they were read). */
export async function partOfImages(images: Buffer[]): Promise<Buffer> {
  const { PDFDocument } = await pdfLib()
  const out = await PDFDocument.create({ updateMetadata: false })
  for (const img of images) await addImagePage(out, img)
  return Buffer.from(await out.save({ useObjectStreams: false }))
}

async function addImagePage(doc: PDFDocument, img: Buffer): Promise<void> {
  const meta = await sharp(img).metadata()
  const embedded =
    meta.format === 'png' ? await doc.embedPng(img) : await doc.embedJpg(meta.format === 'jpeg' ? img : await sharp(img).jpeg().toBuffer())
  const scale = Math.min(LETTER.width / embedded.width, LETTER.height / embedded.height)
  const w = embedded.width * scale
  const h = embedded.height * scale
  const page = doc.addPage([LETTER.width, LETTER.height])
  page.drawImage(embedded, { x: (LETTER.width - w) / 2, y: (LETTER.height - h) / 2, width: w, height: h })
}
