/**
 * Whether a PDF page is nothing but one scanned image covering it (what a scanner or a fax
 * gateway writes), from pdf.js's operator list. Such a page can be read from its embedded
 * image as it is stored, without drawing the whole page on a canvas first. Anything else
 * (text or vector drawing beside the image, several images, masks, transparency, a rotated,
 * mirrored or partial placement, an annotation) is drawn as before. Pure; the reader feeds it.
 */
import { compose, unitSquareBox, type Matrix, type Rect } from './imageRegions.js'

/** pdf.js operator codes used here (pdfjs-dist OPS). */
export interface ScanOps {
  dependency: number
  save: number
  restore: number
  transform: number
  paintImageXObject: number
  beginMarkedContent: number
  beginMarkedContentProps: number
  endMarkedContent: number
}

/** How far (a fraction of the page's width or height) the image's edges may sit from the page's. */
const EDGE_TOLERANCE = 0.005

/**
 * The one image a page paints, when it paints exactly one, upright and covering the page
 * (`page` is the page's view box, in user space); null otherwise, with why in `why`.
 */
export function soleScanImage(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: ScanOps,
  page: Rect,
): { image: { objId: string; width: number; height: number } | null; why: string } {
  const harmless = new Set([ops.dependency, ops.beginMarkedContent, ops.beginMarkedContentProps, ops.endMarkedContent])
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  let found: { objId: string; width: number; height: number; m: Matrix } | null = null
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!
    const args = argsArray[i] as unknown[] | null
    if (harmless.has(fn)) continue
    if (fn === ops.save) stack.push(ctm)
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm
    else if (fn === ops.transform && args && args.length >= 6) ctm = compose(ctm, args.slice(0, 6) as Matrix)
    else if (fn === ops.paintImageXObject) {
      if (found) return { image: null, why: 'several images' }
      const [objId, width, height] = (args ?? []) as [unknown, unknown, unknown]
      if (typeof objId !== 'string' || typeof width !== 'number' || typeof height !== 'number') return { image: null, why: 'image unnamed' }
      found = { objId, width, height, m: ctm }
    } else return { image: null, why: `drawing other than one image (operator ${fn})` }
  }
  if (!found) return { image: null, why: 'no image' }
  const [a, b, c, d] = found.m
  const pw = page.x1 - page.x0
  const ph = page.y1 - page.y0
  // Upright: scaled only, not turned, slanted or mirrored (the image's first row at the top).
  if (a <= 0 || d <= 0 || Math.abs(b) > 1e-6 * a || Math.abs(c) > 1e-6 * d) return { image: null, why: 'image turned or mirrored' }
  const box = unitSquareBox(found.m)
  const off = Math.max(
    Math.abs(box.x0 - page.x0) / pw,
    Math.abs(box.x1 - page.x1) / pw,
    Math.abs(box.y0 - page.y0) / ph,
    Math.abs(box.y1 - page.y1) / ph,
  )
  if (!(off <= EDGE_TOLERANCE)) return { image: null, why: 'image does not cover the page' }
  return { image: { objId: found.objId, width: found.width, height: found.height }, why: 'one image covering the page' }
}

/** The stored form of an embedded image, as pdf-lib reads its dictionary. */
export interface EmbeddedImageDict {
  filter: string[]
  width: number | undefined
  height: number | undefined
  bitsPerComponent: number | undefined
  /** The colour space's name, or for ICCBased its component count as "ICC1" / "ICC3"; other arrays as "other". */
  colorSpace: string | undefined
  hasMask: boolean
  /** A Decode array or DecodeParms. */
  hasDecode: boolean
  imageMask: boolean
}

/**
 * Whether the stored image is a JPEG a decoder reads to the same picture pdf.js draws: DCT only
 * (no other filter before it), grey or RGB, 8 bits, no mask, no Decode array (which inverts or
 * remaps), the size pdf.js paints. CMYK JPEGs (inverted by some writers) are drawn.
 */
export function isPlainJpeg(d: EmbeddedImageDict, width: number, height: number): boolean {
  return (
    d.filter.length === 1 &&
    d.filter[0] === 'DCTDecode' &&
    d.width === width &&
    d.height === height &&
    (d.bitsPerComponent ?? 8) === 8 &&
    ['DeviceGray', 'DeviceRGB', 'ICC1', 'ICC3'].includes(d.colorSpace ?? '') &&
    !d.hasMask &&
    !d.hasDecode &&
    !d.imageMask
  )
}

/** The size in pixels the page would be drawn at for reading: what the embedded image is read at. */
export function drawnSize(pageWidthPt: number, pageHeightPt: number, dpi: number, maxPixels: number): { width: number; height: number } {
  let scale = dpi / 72
  if (pageWidthPt * scale * pageHeightPt * scale > maxPixels) scale = Math.sqrt(maxPixels / (pageWidthPt * pageHeightPt))
  // pdf.js sizes its canvas the same way (the viewport's size, rounded down to whole pixels).
  return { width: Math.floor(pageWidthPt * scale), height: Math.floor(pageHeightPt * scale) }
}
