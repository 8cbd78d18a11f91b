/**
 * One scanned page from its image to its reading and its compact rendition: decoded (a
 * rendered PDF page arrives as PNG), read by `readScannedPage`, and turned into the JPEG the
 * searchable PDF and the viewer are made from. The same steps run in an OCR host process
 * (ocr/host.ts) or, for an engine without hosts, here.
 */
import { decodePage, fitToPixels, pdfPageImage, scaleWords, type GreyPage, type ImageKind } from './images.js'
import type { OcrEngine, OcrPageResult } from './ocr/types.js'
import { readScannedPage } from './readScannedPage.js'
import { decodeStoredJpeg } from './storedJpeg.js'
import type { SearchablePage } from './searchablePdf.js'

/**
 * A page to read: a rendered PDF page (PNG), an already decoded grey page, or a page of an
 * image file already proved to decode within the budget (decoded where it is read, so its
 * pixels never pass through the main process).
 */
export type PageInput =
  | { png: Buffer }
  | { grey: GreyPage }
  | { file: string; kind: ImageKind; page: number }
  /** A PDF page that is one scanned JPEG, as stored in the file, read at the size the page would be drawn at. */
  | { jpeg: Buffer; width: number; height: number }

export interface PageReadOptions {
  deskew: boolean
  maxPixels: number
  /**
   * The page pixel budget: a page with more pixels (a poster, a 600 dpi scan) is scaled down
   * to it as it is decoded, and small type is not scaled up past it. What an OCR host holds for
   * a page grows with the page's pixels. Absent: the page is read at the size it came.
   */
  pageMaxPixels?: number
}

export interface PageReading {
  result: OcrPageResult
  path: string
  deskewAngle: number
  turned: number
  width: number
  height: number
  scan: SearchablePage
}

export async function readPageImage(input: PageInput, ocr: OcrEngine, opts: PageReadOptions): Promise<PageReading> {
  const fit = opts.pageMaxPixels
  const limits = { maxPixels: opts.maxPixels, fitPixels: fit }
  const grey =
    'png' in input
      ? await decodePage(input.png, 'render', 1, limits)
      : 'file' in input
        ? await decodePage(input.file, input.kind, input.page, limits)
        : 'jpeg' in input
          ? await decodeStoredJpeg(input.jpeg, { width: input.width, height: input.height }, limits)
          : fit
            ? await fitToPixels(input.grey, fit)
            : input.grey
  const { prepared, result, path } = await readScannedPage(grey, ocr, { deskew: opts.deskew, maxPixels: fit })
  const forPdf = await pdfPageImage(prepared)
  return {
    result,
    path,
    deskewAngle: prepared.deskewAngle,
    turned: prepared.turned,
    width: prepared.width,
    height: prepared.height,
    scan: { jpeg: forPdf.jpeg, width: forPdf.width, height: forPdf.height, words: scaleWords(result.words, forPdf.width / prepared.width) },
  }
}

/** Through the engine's host processes when it has them (the page's image work then happens there too), else here. */
export function readPage(input: PageInput, ocr: OcrEngine, opts: PageReadOptions): Promise<PageReading> {
  return ocr.readPage ? ocr.readPage(input, opts) : readPageImage(input, ocr, opts)
}
