/**
 * Reading a document: the PDF text layer where there is one (no OCR), otherwise
 * page images -> sharp (straighten, clean) -> the OCR pool. Pages are handed to
 * `onPage` as soon as they are read so their images can be stored and dropped,
 * keeping memory flat however long the document is.
 */
import { readFile } from 'node:fs/promises'
import { ChartclerkError } from '../errors.js'
import type { ExtractedText, PageText } from '../model/types.js'
import type { Rect } from './imageRegions.js'
import type { ImageKind } from './images.js'
import { readImageRegions } from './imageText.js'
import type { OcrEngine } from './ocr/types.js'
import { readPage } from './readPage.js'
import { readScannedPage } from './readScannedPage.js'
import { openPdf, type OpenedPdf } from './pdf.js'
import { openImage, type OpenedImage } from './sandbox/image.js'
import { readBudget } from './sandbox/pool.js'
import type { SearchablePage } from './searchablePdf.js'
import type { DocumentKind } from './sniff.js'

export { readScannedPage }

export interface ExtractOptions {
  deskew: boolean
  renderDpi: number
  maxPixels: number
  minTextLayerChars: number
  /** The page pixel budget pages are read within (default: the reading budget's `renderMaxPixels`). */
  pageMaxPixels?: number
  /**
   * Pages of an image file that inspect already decoded in a reader (within the budget). With an
   * engine that reads pages in its own processes, those then decode the pages from the file
   * itself: no page's pixels pass through this process, and no reader is started again.
   */
  imagePages?: number
}

export interface ReadPage {
  text: PageText
  /**
   * Present for OCRed pages: the page as it was read (straightened, turned), as a compact
   * JPEG, with the words placed on it. The searchable PDF and the viewer image are made
   * from it later, off the filing path.
   */
  scan?: SearchablePage
}

/** What opening a PDF learnt: kept from inspect so extract does not read the file twice. */
export interface PdfFacts {
  pageTexts: string[]
  pageSizes: [number, number][]
  imageRegions: Rect[][]
  /** Damaged pages (1-based) with why in plain words; absent in facts kept by an older version. */
  badPages?: Record<number, string>
}

export interface Inspected {
  pageCount: number
  pdf?: PdfFacts
}

/** The dpi a text-layer page's size is given at (what the viewer draws it at). */
export const VIEWER_DPI = 100

/** Opens the file far enough to prove it can be read; a PDF's text layer and images are read once, here. */
export async function inspectDocument(
  file: string,
  kind: DocumentKind,
  opts: Pick<ExtractOptions, 'maxPixels' | 'minTextLayerChars'>,
): Promise<Inspected> {
  const data = await readFile(file)
  if (kind === 'pdf') {
    const pdf = await openPdf(data, { maxPixels: opts.maxPixels, findImages: true, minTextLayerChars: opts.minTextLayerChars })
    await pdf.close()
    return {
      pageCount: pdf.pageCount,
      pdf: {
        pageTexts: pdf.pageTexts,
        pageSizes: pdf.pageSizes,
        imageRegions: pdf.imageRegions,
        badPages: Object.fromEntries(pdf.badPages),
      },
    }
  }
  // Decoded in a reader process: an image bomb fails there, not here.
  const img = await openImage(data, kind, opts, { decodeAll: true })
  await img.close()
  return { pageCount: img.pageCount }
}

export async function extractDocument(
  file: string,
  kind: DocumentKind,
  ocr: OcrEngine,
  opts: ExtractOptions,
  onPage: (page: ReadPage) => Promise<void>,
  known?: PdfFacts,
): Promise<ExtractedText> {
  const pageMaxPixels = opts.pageMaxPixels ?? readBudget().renderMaxPixels
  // An image file already proved readable goes to the OCR hosts by its path.
  const byPath = kind !== 'pdf' && !!opts.imagePages && !!ocr.readPage
  const data = byPath ? Buffer.alloc(0) : await readFile(file)
  let facts = known
  let pdf: OpenedPdf | null = null
  let img: OpenedImage | null = null
  let pageCount: number
  const hasLayer = (n: number) => (facts?.pageTexts[n - 1] ?? '').replace(/\s+/g, '').length >= opts.minTextLayerChars
  if (kind === 'pdf') {
    if (!facts) {
      pdf = await openPdf(data, { maxPixels: opts.maxPixels, findImages: true, minTextLayerChars: opts.minTextLayerChars })
      facts = {
        pageTexts: pdf.pageTexts,
        pageSizes: pdf.pageSizes,
        imageRegions: pdf.imageRegions,
        badPages: Object.fromEntries(pdf.badPages),
      }
    }
    pageCount = facts.pageTexts.length
  } else if (byPath) {
    pageCount = opts.imagePages!
  } else {
    img = await openImage(data, kind, opts)
    pageCount = img.pageCount
  }
  // Pages to OCR: the OCR hosts start now, while the first page is decoded or drawn, not after.
  if (kind !== 'pdf' || Array.from({ length: pageCount }, (_, i) => !hasLayer(i + 1)).some(Boolean)) void ocr.warm().catch(() => {})
  // An image file's reader goes back as soon as its last page is decoded, not after that page's OCR.
  let decoded = 0
  const decodeImagePage = async (n: number) => {
    const grey = await img!.decodePage(n)
    if (++decoded === pageCount) await img!.close()
    return grey
  }
  // A text-layer page is never drawn on the way in, unless it carries images to read.
  let opening = null as Promise<OpenedPdf> | null
  const rendered = (): Promise<OpenedPdf> =>
    pdf ? Promise.resolve(pdf) : (opening ??= openPdf(data, { maxPixels: opts.maxPixels, readText: false }).then((p) => (pdf = p)))
  try {
    const pages: PageText[] = new Array(pageCount)
    const readOne = async (n: number): Promise<void> => {
      if (facts && hasLayer(n)) {
        const [wPt, hPt] = facts.pageSizes[n - 1] ?? [612, 792]
        const width = Math.round((wPt * VIEWER_DPI) / 72)
        const height = Math.round((hPt * VIEWER_DPI) / 72)
        const layer = facts.pageTexts[n - 1]!.trim()
        const regions = facts.imageRegions[n - 1] ?? []
        const inImages = regions.length ? await readImageRegions(await rendered(), n, regions, ocr, { ...opts, pageMaxPixels }) : null
        const text: PageText = {
          page: n,
          text: inImages?.text ? `${layer}\n\n${inImages.text}` : layer,
          source: 'text-layer',
          ocrConfidence: null,
          deskewAngle: null,
          width,
          height,
          words: [],
          ...(inImages
            ? {
                imageText: inImages.summary,
                ocrPath: `text layer; ${inImages.summary.read} of ${inImages.summary.regions} image${inImages.summary.regions === 1 ? '' : 's'} read by OCR`,
              }
            : {}),
        }
        pages[n - 1] = text
        await onPage({ text })
        return
      }
      // The file's reader first, then a permit: a lane never holds a permit while it waits for a reader.
      const source = kind === 'pdf' ? await rendered() : null
      // At most about one page image per OCR worker is fetched and held at once.
      const done = (await ocr.pagePermit?.()) ?? (() => {})
      let reading
      let pageImage: PageText['pageImage']
      try {
        // A PDF page goes to OCR as it came (drawn as PNG, or its one scanned JPEG): decoding it is the OCR host's work, not this process's.
        const input = source
          ? await source.pageForReading(n, opts.renderDpi)
          : byPath
            ? { file, kind: kind as ImageKind, page: n }
            : { grey: await decodeImagePage(n) }
        if (source) pageImage = 'jpeg' in input ? 'embedded' : 'drawn'
        reading = await readPage(input, ocr, { deskew: opts.deskew, maxPixels: opts.maxPixels, pageMaxPixels })
      } finally {
        done()
      }
      const { result } = reading
      const text: PageText = {
        page: n,
        text: result.text.trim(),
        source: 'ocr',
        ocrConfidence: result.confidence,
        deskewAngle: reading.deskewAngle,
        width: reading.width,
        height: reading.height,
        words: result.words,
        ocrPath: reading.path,
        ...(reading.turned ? { turned: reading.turned } : {}),
        ...(pageImage ? { pageImage } : {}),
      }
      // Damage is found when the text is read (at inspect); a later open that only draws may not see it.
      const why = facts?.badPages?.[n] ?? pdf?.badPages.get(n)
      if (why) text.unreadable = why
      pages[n - 1] = text
      await onPage({ text, scan: reading.scan })
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
    if (opening) await opening.catch(() => {})
    await pdf?.close()
    await img?.close()
  }
}

export function summarise(pages: PageText[]): ExtractedText {
  const ocrPages = pages.filter((p) => p.source === 'ocr')
  const ocrConfidence = ocrPages.length
    ? Math.round((ocrPages.reduce((s, p) => s + (p.ocrConfidence ?? 0), 0) / ocrPages.length) * 10) / 10
    : null
  const source = ocrPages.length === 0 ? 'text-layer' : ocrPages.length === pages.length ? 'ocr' : 'mixed'
  if (pages.some((p) => !p))
    throw new ChartclerkError('INTERNAL', 'A page of this document was not read. Drop it in the inbox again.', {
      detail: 'page missing after extraction',
    })
  return { pages, fullText: pages.map((p) => p.text).join('\n\f\n'), ocrConfidence, source }
}
