/**
 * Image pages through sharp: decoding (with the pixel limit that stops
 * decompression bombs), multi-page TIFF, straightening, and the renditions
 * chartclerk keeps. Pages travel as raw 8-bit greyscale between steps: every
 * PNG encode/decode of a 300 dpi page costs more than a tenth of its OCR time.
 */
import sharp from 'sharp'
import { ChartclerkError } from '../errors.js'
import { skewOfRaw } from './deskew.js'

export type ImageKind = 'png' | 'jpeg' | 'tiff'

export interface ImageLimits {
  maxPixels: number
}

/** An 8-bit, one-channel page image. */
export interface GreyPage {
  data: Buffer
  width: number
  height: number
}

/** Number of pages in an image file; also proves it decodes within the pixel limit. */
export async function imagePageCount(input: Buffer | string, kind: ImageKind, limits: ImageLimits): Promise<number> {
  let meta: sharp.Metadata
  try {
    meta = await sharp(input, { limitInputPixels: limits.maxPixels, failOn: failOnFor(kind) }).metadata()
  } catch (err) {
    throw imageError(err, kind)
  }
  if (!meta.width || !meta.height) throw imageError(new Error('no dimensions'), kind)
  if (meta.width * meta.height > limits.maxPixels) throw tooLarge(meta.width, meta.height)
  return kind === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1
}

/** Decode one page fully to greyscale (a corrupt page fails here, with a clear code). */
export async function decodePage(input: Buffer | string, kind: ImageKind | 'render', page: number, limits: ImageLimits): Promise<GreyPage> {
  try {
    const { data, info } = await sharp(input, { limitInputPixels: limits.maxPixels, failOn: failOnFor(kind), ...(kind === 'tiff' ? { page: page - 1 } : {}) })
      .flatten({ background: '#ffffff' }) // transparent areas of a PNG are paper, not ink
      .greyscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true })
    return { data, width: info.width, height: info.height }
  } catch (err) {
    throw imageError(err, kind === 'render' ? 'png' : kind)
  }
}

/**
 * How strict decoding is. Scanner JPEGs often carry harmless warnings ("extraneous bytes"),
 * so only a cut-off JPEG fails; a TIFF or PNG whose compressed data is damaged fails.
 */
function failOnFor(kind: ImageKind | 'render'): 'warning' | 'truncated' {
  return kind === 'jpeg' ? 'truncated' : 'warning'
}

const raw = (p: GreyPage) => sharp(p.data, { raw: { width: p.width, height: p.height, channels: 1 }, limitInputPixels: false })

export interface PreparedPage extends GreyPage {
  /** Degrees the page was turned to straighten it. */
  deskewAngle: number
}

/** Contrast-stretched, upscaled when small, straightened: what OCR reads best. */
export async function prepareForOcr(page: GreyPage, opts: { deskew: boolean }): Promise<PreparedPage> {
  let img = raw(stretchContrast(page))
  let width = page.width
  // Fax and low-resolution scans: tesseract wants text ~20-30 px high (about 300 dpi for a letter page).
  if (width < 1600) {
    width = Math.round(width * Math.min(2, 2400 / width))
    img = img.resize({ width, kernel: 'lanczos3' })
  }
  const { data, info } = await img.greyscale().raw().toBuffer({ resolveWithObject: true })
  const clean: GreyPage = { data, width: info.width, height: info.height }
  const angle = opts.deskew ? await skewOfRaw(clean) : 0
  if (Math.abs(angle) < 0.3) return { ...clean, deskewAngle: angle }
  const turned = await raw(clean).rotate(-angle, { background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true })
  return { data: turned.data, width: turned.info.width, height: turned.info.height, deskewAngle: angle }
}

/**
 * Faded scans: stretch the 1st-99th percentile of grey levels to the full range.
 * (sharp's normalise does the same but costs half a second on a 300 dpi page.)
 */
export function stretchContrast(page: GreyPage): GreyPage {
  const hist = new Uint32Array(256)
  const d = page.data
  for (let i = 0; i < d.length; i++) hist[d[i]!]!++
  const cut = d.length * 0.01
  let lo = 0
  for (let acc = 0; lo < 255 && (acc += hist[lo]!) < cut; ) lo++
  let hi = 255
  for (let acc = 0; hi > 0 && (acc += hist[hi]!) < cut; ) hi--
  if (hi - lo >= 200 || hi <= lo) return page
  const lut = new Uint8Array(256)
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))))
  const out = Buffer.allocUnsafe(d.length)
  for (let i = 0; i < d.length; i++) out[i] = lut[d[i]!]!
  return { data: out, width: page.width, height: page.height }
}

/** Portable greymap: tesseract (leptonica) reads it with no decoding work at all. */
export function toPgm(page: GreyPage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${page.width} ${page.height}\n255\n`, 'latin1'), page.data])
}

/** The page image people look at in the viewer: about 150 dpi for a letter page. */
export async function viewerImage(page: GreyPage): Promise<Buffer> {
  return raw(page).resize({ width: Math.min(1275, page.width) }).png({ compressionLevel: 4, adaptiveFiltering: false }).toBuffer()
}

/** A compact JPEG of the page for the searchable PDF (about 200 dpi: sharp when printed, small on disk). */
export async function pdfPageImage(page: GreyPage): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const width = Math.min(1700, page.width)
  const { data, info } = await raw(page).resize({ width }).jpeg({ quality: 55 }).toBuffer({ resolveWithObject: true })
  return { jpeg: data, width: info.width, height: info.height }
}

/** The pixel size the word boxes refer to, for scaling them onto a smaller rendition. */
export function scaleWords<T extends { bbox: { x0: number; y0: number; x1: number; y1: number } }>(words: T[], factor: number): T[] {
  if (factor === 1) return words
  return words.map((w) => ({ ...w, bbox: { x0: w.bbox.x0 * factor, y0: w.bbox.y0 * factor, x1: w.bbox.x1 * factor, y1: w.bbox.y1 * factor } }))
}

function tooLarge(w: number, h: number): ChartclerkError {
  return new ChartclerkError(
    'IMAGE_TOO_LARGE',
    `This image claims ${w} x ${h} pixels, far more than any scanned page. It may be damaged or not a scan. Rescan the document at 200-300 dpi and drop it in the inbox again.`,
    { detail: `${w}x${h}` },
  )
}

function imageError(err: unknown, kind: ImageKind): ChartclerkError {
  const msg = (err as Error)?.message ?? String(err)
  if (/pixel limit/i.test(msg)) {
    return new ChartclerkError('IMAGE_TOO_LARGE', 'This image has far more pixels than any scanned page (it may be a decompression bomb or damaged). Rescan the document at 200-300 dpi and drop it in the inbox again.', { cause: err, detail: 'pixel limit' })
  }
  return new ChartclerkError('IMAGE_CORRUPT', `This ${kind.toUpperCase()} image is damaged and cannot be read. Rescan the document, or ask the sender to send it again, and drop the new file in the inbox.`, {
    cause: err,
    detail: msg.slice(0, 200),
  })
}
