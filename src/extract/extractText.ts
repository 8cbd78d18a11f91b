/**
 * Reading a document: the PDF text layer where there is one (no OCR), otherwise
 * page images -> sharp (straighten, clean) -> the OCR pool. Pages are handed to
 * `onPage` as soon as they are read so their images can be stored and dropped,
 * keeping memory flat however long the document is.
 */
import { readFile } from 'node:fs/promises'
import { ChartclerkError } from '../errors.js'
import type { ExtractedText, PageText } from '../model/types.js'
import { decodePage, pdfPageImage, plainPage, prepareForOcr, sameAsPlain, scaleWords, toPgm, viewerImage, type GreyPage, type ImageKind, type PreparedPage } from './images.js'
import type { OcrEngine, OcrPageResult } from './ocr/types.js'
import { openPdf, type OpenedPdf } from './pdf.js'
import { openImage, type OpenedImage } from './sandbox/image.js'
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
  // Decoded in a reader process: an image bomb fails there, not here.
  const img = await openImage(data, kind, opts, { decodeAll: true })
  await img.close()
  return img.pageCount
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
  let img: OpenedImage | null = null
  let pageCount: number
  if (kind === 'pdf') {
    pdf = await openPdf(data, opts)
    pageCount = pdf.pageCount
  } else {
    img = await openImage(data, kind, opts)
    pageCount = img.pageCount
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
      const grey = pdf ? await decodePage(await pdf.renderPage(n, opts.renderDpi), 'render', 1, opts) : await img!.decodePage(n)
      const { prepared, result, path } = await readScannedPage(grey, ocr, { deskew: opts.deskew })
      const text: PageText = {
        page: n,
        text: result.text.trim(),
        source: 'ocr',
        ocrConfidence: result.confidence,
        deskewAngle: prepared.deskewAngle,
        width: prepared.width,
        height: prepared.height,
        words: result.words,
        ocrPath: path,
        ...(prepared.turned ? { turned: prepared.turned } : {}),
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
    await img?.close()
  }
}

/** Below this mean word confidence a reading is checked against other readings of the page. */
const DOUBTFUL_CONFIDENCE = 80
/** Below this, an upright reading is compared with the page turned over. */
const UPSIDE_DOWN_CONFIDENCE = 70

/**
 * One scanned page: prepared from its own measurements, turned upright (text lines running
 * down the page are tried at 90 and 270 degrees; a weak reading is tried upside down), read,
 * and, when the reading is doubtful (low confidence, or far more or fewer letters than marks
 * of ink on the page), read again as the plain greyscale page; the better reading is kept
 * and the path that produced it recorded.
 */
export async function readScannedPage(grey: GreyPage, ocr: OcrEngine, opts: { deskew: boolean }): Promise<{ prepared: PreparedPage; result: OcrPageResult; path: string }> {
  const read = async (p: PreparedPage) => ({ prepared: p, result: await ocr.recognize(toPgm(p.forOcr), { layout: p.layout }), plain: false })
  let best = await read(await prepareForOcr(grey, { deskew: opts.deskew }))
  const m = best.prepared.measures
  if (m.marks >= 30 && m.rowAlignment < 1) {
    // Text lines run down the page: a page turned a quarter; read both ways and keep the better.
    for (const turn of [90, 270]) {
      const r = await read(await prepareForOcr(grey, { deskew: opts.deskew, turn }))
      if (r.result.confidence > best.result.confidence + 5) best = r
    }
  }
  if (m.marks >= 30 && best.result.confidence < UPSIDE_DOWN_CONFIDENCE) {
    const r = await read(await prepareForOcr(grey, { deskew: opts.deskew, turn: (best.prepared.turned + 180) % 360 }))
    if (r.result.confidence > best.result.confidence + 5) best = r
  }
  if (!sameAsPlain(best.prepared) && (best.result.confidence < DOUBTFUL_CONFIDENCE || outOfProportion(best.result, best.prepared.measures.marks))) {
    const plain = await plainPage(grey, best.prepared)
    const result = await ocr.recognize(toPgm(plain), { layout: best.prepared.layout })
    if (quality(result) > quality(best.result)) best = { prepared: { ...best.prepared, ...plain }, result, plain: true }
  }
  const p = best.prepared
  const path = [best.plain ? 'plain grey' : p.smoothed ? '1-bit smoothed' : p.bilevel ? '1-bit as scanned' : p.descreened ? 'dithering smoothed' : p.flattened ? 'background flattened' : 'grey', p.layout === 'auto' ? 'columns' : 'single block', ...(p.turned ? [`turned ${p.turned}`] : [])].join(', ')
  return { prepared: p, result: best.result, path }
}

/** Letters read against letter-sized marks of ink: junk read from shading, or text missed. */
function outOfProportion(r: OcrPageResult, marks: number): boolean {
  const letters = r.words.reduce((s, w) => s + w.text.length, 0)
  return letters > marks * 2.5 + 40 || letters < marks * 0.3
}

/** Confidently read letters, less the junk: what decides between two readings of a page. */
function quality(r: OcrPageResult): number {
  let q = 0
  for (const w of r.words) {
    if (w.confidence >= 60) q += w.text.length
    else if (w.confidence < 40) q -= 0.5 * w.text.length
  }
  return q
}

export function summarise(pages: PageText[]): ExtractedText {
  const ocrPages = pages.filter((p) => p.source === 'ocr')
  const ocrConfidence = ocrPages.length ? Math.round((ocrPages.reduce((s, p) => s + (p.ocrConfidence ?? 0), 0) / ocrPages.length) * 10) / 10 : null
  const source = ocrPages.length === 0 ? 'text-layer' : ocrPages.length === pages.length ? 'ocr' : 'mixed'
  if (pages.some((p) => !p)) throw new ChartclerkError('INTERNAL', 'A page of this document was not read. Drop it in the inbox again.', { detail: 'page missing after extraction' })
  return { pages, fullText: pages.map((p) => p.text).join('\n\f\n'), ocrConfidence, source }
}
