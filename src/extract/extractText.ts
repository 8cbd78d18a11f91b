/**
 * Reading a document: the PDF text layer where there is one (no OCR), otherwise
 * page images -> sharp (straighten, clean) -> the OCR pool. Pages are handed to
 * `onPage` as soon as they are read so their images can be stored and dropped,
 * keeping memory flat however long the document is.
 */
import { readFile } from 'node:fs/promises'
import { ChartclerkError } from '../errors.js'
import type { ExtractedText, PageText } from '../model/types.js'
import { decodePage, imagePageCount, pdfPageImage, prepareForOcr, scaleWords, toPgm, viewerImage, type ImageKind } from './images.js'
import type { OcrEngine } from './ocr/types.js'
import { removeRules } from './rules.js'
import { openPdf, type OpenedPdf } from './pdf.js'
import type { SearchablePage } from './searchablePdf.js'
import type { DocumentKind } from './sniff.js'

export interface ExtractOptions {
  deskew: boolean
  renderDpi: number
  maxPixels: number
  minTextLayerChars: number
}

export interface ReadPage {
  text: PageText
  /** ~150 dpi PNG for the viewer. */
  viewerPng: Buffer
  /** Present for OCRed pages: what goes into the searchable PDF. */
  searchable?: SearchablePage
}

/** Opens the file far enough to prove it can be read; returns its page count. */
export async function inspectDocument(file: string, kind: DocumentKind, opts: Pick<ExtractOptions, 'maxPixels'>): Promise<number> {
  const data = await readFile(file)
  if (kind === 'pdf') {
    const pdf = await openPdf(data, opts)
    const n = pdf.pageCount
    await pdf.close()
    return n
  }
  const pages = await imagePageCount(data, kind, opts)
  for (let p = 1; p <= pages; p++) await decodePage(data, kind, p, opts)
  return pages
}

export async function extractDocument(
  file: string,
  kind: DocumentKind,
  ocr: OcrEngine,
  opts: ExtractOptions,
  onPage: (page: ReadPage) => Promise<void>,
): Promise<ExtractedText> {
  const data = await readFile(file)
  let pdf: OpenedPdf | null = null
  let pageCount: number
  if (kind === 'pdf') {
    pdf = await openPdf(data, opts)
    pageCount = pdf.pageCount
  } else {
    pageCount = await imagePageCount(data, kind, opts)
  }
  try {
    const pages: PageText[] = new Array(pageCount)
    const readOne = async (n: number): Promise<void> => {
      const layer = pdf?.pageTexts[n - 1] ?? ''
      if (pdf && layer.replace(/\s+/g, '').length >= opts.minTextLayerChars) {
        const grey = await decodePage(await pdf.renderPage(n, 100), 'render', 1, opts)
        const text: PageText = { page: n, text: layer.trim(), source: 'text-layer', ocrConfidence: null, deskewAngle: null, width: grey.width, height: grey.height, words: [] }
        pages[n - 1] = text
        await onPage({ text, viewerPng: await viewerImage(grey) })
        return
      }
      const grey = pdf ? await decodePage(await pdf.renderPage(n, opts.renderDpi), 'render', 1, opts) : await decodePage(data, kind as ImageKind, n, opts)
      const prepared = await prepareForOcr(grey, { deskew: opts.deskew })
      // OCR reads the page without its form rules; people see it as it was scanned.
      const result = await ocr.recognize(toPgm(removeRules(prepared).page))
      const text: PageText = {
        page: n,
        text: result.text.trim(),
        source: 'ocr',
        ocrConfidence: result.confidence,
        deskewAngle: prepared.deskewAngle,
        width: prepared.width,
        height: prepared.height,
        words: result.words,
      }
      pages[n - 1] = text
      const [viewerPng, forPdf] = await Promise.all([viewerImage(prepared), pdfPageImage(prepared)])
      const words = scaleWords(result.words, forPdf.width / prepared.width)
      await onPage({ text, viewerPng, searchable: { jpeg: forPdf.jpeg, width: forPdf.width, height: forPdf.height, words } })
    }
    // Keep every OCR worker busy on long documents, but no more pages in memory than that.
    const parallel = Math.max(1, ocr.size)
    let next = 1
    const lanes = Array.from({ length: Math.min(parallel, pageCount) }, async () => {
      while (next <= pageCount) {
        const n = next++
        await readOne(n)
      }
    })
    await Promise.all(lanes)
    return summarise(pages)
  } finally {
    await pdf?.close()
  }
}

export function summarise(pages: PageText[]): ExtractedText {
  const ocrPages = pages.filter((p) => p.source === 'ocr')
  const ocrConfidence = ocrPages.length ? Math.round((ocrPages.reduce((s, p) => s + (p.ocrConfidence ?? 0), 0) / ocrPages.length) * 10) / 10 : null
  const source = ocrPages.length === 0 ? 'text-layer' : ocrPages.length === pages.length ? 'ocr' : 'mixed'
  if (pages.some((p) => !p)) throw new ChartclerkError('INTERNAL', 'A page of this document was not read. Drop it in the inbox again.', { detail: 'page missing after extraction' })
  return { pages, fullText: pages.map((p) => p.text).join('\n\f\n'), ocrConfidence, source }
}
