/**
 * Image pages through sharp: decoding (with the pixel limit that stops
 * decompression bombs), multi-page TIFF, straightening, and the two renditions
 * chartclerk keeps: a clean greyscale page for OCR and a smaller one for people.
 */
import sharp from 'sharp'
import { ChartclerkError } from '../errors.js'
import { estimateSkew } from './deskew.js'

export type ImageKind = 'png' | 'jpeg' | 'tiff'

export interface ImageLimits {
  maxPixels: number
}

/** Number of pages in an image file; also proves it decodes within the pixel limit. */
export async function imagePageCount(input: Buffer | string, kind: ImageKind, limits: ImageLimits): Promise<number> {
  let meta: sharp.Metadata
  try {
    meta = await sharp(input, { limitInputPixels: limits.maxPixels, failOn: 'truncated' }).metadata()
  } catch (err) {
    throw imageError(err, kind)
  }
  if (!meta.width || !meta.height) throw imageError(new Error('no dimensions'), kind)
  const pixels = meta.width * meta.height
  if (pixels > limits.maxPixels) throw tooLarge(meta.width, meta.height)
  return kind === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1
}

/** Decode one page fully (catches damage that the header check cannot see). */
export async function decodePage(input: Buffer | string, kind: ImageKind, page: number, limits: ImageLimits): Promise<sharp.Sharp> {
  const img = sharp(input, { limitInputPixels: limits.maxPixels, failOn: 'truncated', ...(kind === 'tiff' ? { page: page - 1 } : {}) })
  try {
    // Force a full decode now so a corrupt page fails here, with a clear code.
    const { data, info } = await img.clone().greyscale().raw().toBuffer({ resolveWithObject: true })
    return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels }, limitInputPixels: limits.maxPixels })
  } catch (err) {
    throw imageError(err, kind)
  }
}

export interface PreparedPage {
  /** Greyscale PNG, straightened, at OCR resolution. */
  ocrImage: Buffer
  width: number
  height: number
  deskewAngle: number
}

/** Greyscale, contrast-stretched, upscaled when small, straightened: what OCR reads best. */
export async function prepareForOcr(page: sharp.Sharp, opts: { deskew: boolean }): Promise<PreparedPage> {
  let img = page.clone().greyscale().normalise()
  const meta = await img.clone().png({ compressionLevel: 0 }).toBuffer({ resolveWithObject: true })
  let width = meta.info.width
  let height = meta.info.height
  // Fax and low-resolution scans: tesseract wants text ~20-30 px high (about 300 dpi for letter size).
  if (width < 1600) {
    const factor = Math.min(2, 2400 / width)
    img = sharp(meta.data).resize({ width: Math.round(width * factor), kernel: 'lanczos3' })
    width = Math.round(width * factor)
    height = Math.round(height * factor)
  } else {
    img = sharp(meta.data)
  }
  let angle = 0
  if (opts.deskew) {
    angle = await estimateSkew(img)
    if (Math.abs(angle) >= 0.15) {
      const rotated = await img.rotate(-angle, { background: { r: 255, g: 255, b: 255 } }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true })
      return { ocrImage: rotated.data, width: rotated.info.width, height: rotated.info.height, deskewAngle: angle }
    }
  }
  const out = await img.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true })
  return { ocrImage: out.data, width: out.info.width, height: out.info.height, deskewAngle: angle }
}

/** The page image people look at in the viewer: about 150 dpi for a letter page. */
export async function viewerImage(png: Buffer): Promise<Buffer> {
  return sharp(png).resize({ width: 1275, withoutEnlargement: true }).greyscale().png({ compressionLevel: 6, palette: false }).toBuffer()
}

/** A compact JPEG of the page for the searchable PDF. */
export async function pdfPageImage(png: Buffer): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).greyscale().jpeg({ quality: 60 }).toBuffer({ resolveWithObject: true })
  return { jpeg: data, width: info.width, height: info.height }
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
