/**
 * Where a PDF page paints images, from pdf.js's operator list: the unit square of each
 * image XObject carried through the transforms in force (cm, q/Q, form XObjects). Used on
 * text-layer pages to find pasted scans, stamps and signature images whose text the text
 * layer does not hold. Pure geometry; the reader process feeds it.
 */

/** A 2-D affine transform [a, b, c, d, e, f] as PDF and pdf.js write it. */
export type Matrix = [number, number, number, number, number, number]

/** A rectangle in PDF user space (points, y up) or page fractions (0-1, y down). */
export interface Rect {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** pdf.js operator codes used here (pdfjs-dist OPS; stable across versions). */
export interface ImageOps {
  save: number
  restore: number
  transform: number
  paintFormXObjectBegin: number
  paintFormXObjectEnd: number
  paintImageXObject: number
  paintInlineImageXObject: number
  paintImageMaskXObject: number
}

/** m1 then m2 as pdf.js composes them (the new CTM after `cm m2` under m1). */
export function compose(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ]
}

/** The box the unit square covers under `m` (an image is painted into the unit square). */
export function unitSquareBox(m: Matrix): Rect {
  const pts = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const)
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
}

/** Every image painted by the operator list, as boxes in user space. */
export function imageBoxes(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: ImageOps): Rect[] {
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  const out: Rect[] = []
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    const args = argsArray[i] as unknown[] | null
    if (fn === ops.save) stack.push(ctm)
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm
    else if (fn === ops.transform && args && args.length >= 6) ctm = compose(ctm, args.slice(0, 6) as Matrix)
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm)
      const m = args?.[0]
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = compose(ctm, Array.from(m as ArrayLike<number>).slice(0, 6) as Matrix)
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
    else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject)
      out.push(unitSquareBox(ctm))
  }
  return out
}

/** Smallest image read for text: about half an inch by a sixth (a short signature image), in points. */
const MIN_WIDTH_PT = 36
const MIN_HEIGHT_PT = 12
/** Text-layer characters inside an image beyond which its text is taken as already there (an OCR layer, text over a letterhead). */
const COVERED_CHARS = 15
/** At most this many images per page are read, the largest first. */
const MAX_REGIONS = 6

/**
 * The images of a page worth reading: big enough to carry a line of text, inside the page,
 * and not already covered by the text layer; overlapping ones joined. Returned in user
 * space, largest first.
 */
export function regionsToRead(boxes: Rect[], page: Rect, textPoints: { x: number; y: number; chars: number }[]): Rect[] {
  const clipped: Rect[] = []
  for (const b of boxes) {
    const r = { x0: Math.max(b.x0, page.x0), y0: Math.max(b.y0, page.y0), x1: Math.min(b.x1, page.x1), y1: Math.min(b.y1, page.y1) }
    const w = r.x1 - r.x0
    const h = r.y1 - r.y0
    if (w < MIN_WIDTH_PT || h < MIN_HEIGHT_PT) continue
    clipped.push(r)
  }
  // Images under the text layer go first (a letterhead background must not swallow a pasted scan when joined).
  const uncovered = clipped.filter(
    (r) => textPoints.reduce((n, t) => n + (t.x >= r.x0 && t.x <= r.x1 && t.y >= r.y0 && t.y <= r.y1 ? t.chars : 0), 0) < COVERED_CHARS,
  )
  return mergeOverlapping(uncovered)
    .sort((a, b) => area(b) - area(a))
    .slice(0, MAX_REGIONS)
}

const area = (r: Rect) => (r.x1 - r.x0) * (r.y1 - r.y0)

function mergeOverlapping(rs: Rect[]): Rect[] {
  const out = [...rs]
  for (let again = true; again;) {
    again = false
    for (let i = 0; i < out.length && !again; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!
        const b = out[j]!
        const ix = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
        const iy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
        if (ix > 0 && iy > 0 && ix * iy > 0.3 * Math.min(area(a), area(b))) {
          out[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }
          out.splice(j, 1)
          again = true
          break
        }
      }
    }
  }
  return out
}

/**
 * True when the file may hold image XObjects. An image XObject is a stream, and a stream's
 * dictionary is never inside a compressed object stream, so its /Subtype /Image is always
 * readable in the raw bytes: a file without one has no images to look for (inline images,
 * which are tiny by design, are not looked for).
 */
export function mayHoldImages(data: Uint8Array): boolean {
  return /\/Subtype\s*\/Image\b/.test(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'))
}
