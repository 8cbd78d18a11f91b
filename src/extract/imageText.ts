/**
 * Text inside the images of a text-layer page: a scanned page pasted into an electronic
 * letter, a stamp, a signature image. The text layer does not hold it, so the page is drawn
 * at OCR resolution, each image's region cut out and read like a scanned page, and what
 * reads as text (not a logo's or a photo's noise) is kept.
 */
import sharp from 'sharp'
import { decodePage, type GreyPage } from './images.js'
import type { Rect } from './imageRegions.js'
import type { OcrEngine } from './ocr/types.js'
import type { OpenedPdf } from './pdf.js'
import { readScannedPage } from './readScannedPage.js'

export interface ImageTextSummary {
  /** Images found on the page that could carry text. */
  regions: number
  /** Images whose reading was kept. */
  read: number
  words: number
  /** Mean word confidence of the kept readings. */
  confidence: number | null
}

/** A reading is kept when it has real words read with confidence, not scattered marks. */
const MIN_CONFIDENCE = 55
const MIN_GOOD_WORDS = 2

export async function readImageRegions(
  pdf: OpenedPdf,
  page: number,
  regions: Rect[],
  ocr: OcrEngine,
  opts: { renderDpi: number; maxPixels: number; deskew: boolean; pageMaxPixels?: number },
): Promise<{ text: string; summary: ImageTextSummary }> {
  const grey = await decodePage(await pdf.renderPage(page, opts.renderDpi), 'render', 1, opts)
  const texts: { top: number; text: string }[] = []
  let words = 0
  let confSum = 0
  for (const r of regions) {
    const crop = await cut(grey, r)
    if (!crop || !looksLikePaper(crop)) continue
    // Small type in an image is scaled up, but never past the page pixel budget.
    const { result } = await readScannedPage(crop, ocr, { deskew: opts.deskew, maxPixels: opts.pageMaxPixels })
    const good = result.words.filter((w) => w.confidence >= 70 && /[A-Za-z0-9]{3}/.test(w.text)).length
    if (result.confidence < MIN_CONFIDENCE || good < MIN_GOOD_WORDS || !result.text.trim()) continue
    texts.push({ top: r.y0, text: result.text.trim() })
    words += result.words.length
    confSum += result.confidence * result.words.length
  }
  // In the order the images sit down the page.
  texts.sort((a, b) => a.top - b.top)
  return {
    text: texts.map((t) => t.text).join('\n\n'),
    summary: { regions: regions.length, read: texts.length, words, confidence: words ? Math.round((confSum / words) * 10) / 10 : null },
  }
}

/** The region of the page with a small margin, or null when it is too small to hold a letter. */
async function cut(page: GreyPage, r: Rect): Promise<GreyPage | null> {
  const margin = 0.004
  const left = Math.max(0, Math.floor((r.x0 - margin) * page.width))
  const top = Math.max(0, Math.floor((r.y0 - margin) * page.height))
  const width = Math.min(page.width, Math.ceil((r.x1 + margin) * page.width)) - left
  const height = Math.min(page.height, Math.ceil((r.y1 + margin) * page.height)) - top
  if (width < 24 || height < 16) return null
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 }, limitInputPixels: false })
    .extract({ left, top, width, height })
    .extend({ top: 20, bottom: 20, left: 20, right: 20, background: '#ffffff' }) // tesseract wants a quiet border round the text
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/**
 * A page of text is mostly paper with some dark marks; a photo, a gradient or a noise image
 * is not. Checked before OCR so a logo photo or a picture costs no reading.
 */
export function looksLikePaper(page: GreyPage): boolean {
  const d = page.data
  const step = Math.max(1, Math.floor(d.length / 200_000))
  let light = 0
  let dark = 0
  let n = 0
  for (let i = 0; i < d.length; i += step) {
    const v = d[i]!
    if (v >= 180) light++
    else if (v < 110) dark++
    n++
  }
  return light / n >= 0.6 && dark / n >= 0.003 && dark / n <= 0.35
}
