/**
 * A PDF page's stored scan (a JPEG, see scanImage.ts) decoded in an OCR host as pdf.js decodes it
 * when it draws the page: with pdf.js's own JPEG decoder, so the page is read from the very pixels
 * a drawing would have shown (libjpeg rounds differently, and degraded words then read differently).
 * Scaled to the size the page would have been drawn at.
 */
import sharp from 'sharp'
import { ChartclerkError } from '../errors.js'
import { fitWithin, type GreyPage } from './images.js'

interface PdfjsJpeg {
  parse(data: Uint8Array): void
  width: number
  height: number
  numComponents: number
  getData(o: { width: number; height: number; forceRGB?: boolean; isSourcePDF: boolean }): Uint8Array | Uint8ClampedArray
}
type Decoders = { JpegImage: new () => PdfjsJpeg }

let decoders: Promise<Decoders> | null = null
const load = () => (decoders ??= import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' as string) as Promise<Decoders>)

export async function decodeStoredJpeg(
  jpeg: Buffer,
  size: { width: number; height: number },
  limits: { maxPixels: number; fitPixels?: number },
): Promise<GreyPage> {
  // The header first: a JPEG claiming more pixels than the budget is not decoded at all.
  const meta = await sharp(jpeg).metadata()
  const w = meta.width ?? 0
  const h = meta.height ?? 0
  if (!w || !h || w * h > limits.maxPixels)
    throw new ChartclerkError(
      'IMAGE_TOO_LARGE',
      'This scan is larger than chartclerk reads. Rescan it at 300 dpi and drop it in the inbox.',
      {
        detail: `stored JPEG ${w}x${h}`,
      },
    )
  const { JpegImage } = await load()
  const j = new JpegImage()
  try {
    j.parse(new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength))
  } catch (err) {
    throw new ChartclerkError('PDF_CORRUPT', "This PDF's scanned page is damaged. Ask the sender to send it again, or rescan the paper.", {
      cause: err,
      detail: `stored JPEG: ${String((err as Error)?.message ?? err).slice(0, 120)}`,
    })
  }
  const channels = j.numComponents === 1 ? 1 : 3
  const data = j.getData({ width: j.width, height: j.height, forceRGB: channels === 3, isSourcePDF: true })
  let img = sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    raw: { width: j.width, height: j.height, channels },
    limitInputPixels: false,
  }).greyscale()
  const box = (limits.fitPixels && fitWithin(size.width, size.height, limits.fitPixels)) || size
  if (box.width !== j.width || box.height !== j.height) img = img.resize({ ...box, fit: 'fill', kernel: 'lanczos3' })
  const out = await img.extractChannel(0).raw().toBuffer({ resolveWithObject: true })
  return { data: out.data, width: out.info.width, height: out.info.height }
}
