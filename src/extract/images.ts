/**
 * Image pages through sharp: decoding (with the pixel limit that stops
 * decompression bombs), multi-page TIFF, straightening, and the renditions
 * chartclerk keeps. Pages travel as raw 8-bit greyscale between steps: every
 * PNG encode/decode of a 300 dpi page costs more than a tenth of its OCR time.
 */
import sharp from 'sharp'
import { ChartclerkError } from '../errors.js'
import { skewEstimate } from './deskew.js'
import type { PageLayout } from './ocr/types.js'
import {
  columnsTurned,
  flattenBackground,
  isBilevel,
  measureInk,
  measureInkMarks,
  removeEdgeShadow,
  removeSpecks,
  type InkMeasures,
} from './pageAnalysis.js'
import { removeRules } from './rules.js'

export type ImageKind = 'png' | 'jpeg' | 'tiff'

export interface ImageLimits {
  maxPixels: number
}

/** Limits for a page about to be read: `fitPixels` is the page pixel budget a larger page is scaled down to as it is decoded. */
export interface DecodeLimits extends ImageLimits {
  fitPixels?: number
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

/**
 * Decode one page fully to greyscale (a corrupt page fails here, with a clear code). With
 * `fitPixels`, a page with more pixels (a poster, a 600 dpi scan) is scaled down to that many
 * in the same pass, so its full size is never held as a whole.
 */
export async function decodePage(
  input: Buffer | string,
  kind: ImageKind | 'render',
  page: number,
  limits: DecodeLimits,
): Promise<GreyPage> {
  const open = () =>
    sharp(input, {
      limitInputPixels: limits.maxPixels,
      failOn: failOnFor(kind),
      ...(kind === 'tiff' ? { page: page - 1 } : {}),
    })
  try {
    let img = open()
      .flatten({ background: '#ffffff' }) // transparent areas of a PNG are paper, not ink
      .greyscale()
    const fit = limits.fitPixels
    if (fit) {
      const { width = 0, height = 0 } = await open().metadata()
      const box = fitWithin(width, height, fit)
      if (box) img = img.resize({ ...box, fit: 'inside', withoutEnlargement: true, kernel: 'lanczos3' })
    }
    const { data, info } = await img.extractChannel(0).raw().toBuffer({ resolveWithObject: true })
    const page = { data, width: info.width, height: info.height }
    // The header's size was not this page's (a multi-page TIFF): scaled down once decoded.
    return fit ? await fitToPixels(page, fit) : page
  } catch (err) {
    throw imageError(err, kind === 'render' ? 'png' : kind)
  }
}

/** The size a width x height page is scaled down to so that it has at most `maxPixels` (null: it fits). */
export function fitWithin(width: number, height: number, maxPixels: number): { width: number; height: number } | null {
  if (width * height <= maxPixels || !width || !height) return null
  const s = Math.sqrt(maxPixels / (width * height))
  return { width: Math.max(1, Math.floor(width * s)), height: Math.max(1, Math.floor(height * s)) }
}

/** A grey page scaled down to at most `maxPixels` (the page itself when it fits). */
export async function fitToPixels(page: GreyPage, maxPixels: number): Promise<GreyPage> {
  const box = fitWithin(page.width, page.height, maxPixels)
  if (!box) return page
  return toGrey(raw(page).resize({ ...box, fit: 'inside', kernel: 'lanczos3' }))
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
  /** Quarter turn (0, 90, 180, 270 degrees clockwise) made to set the page upright. */
  turned: number
  /** The page as OCR reads it: background flattened, form rules removed (where measured to be rules). */
  forOcr: GreyPage
  /** What was measured on the page, and what was done about it. */
  measures: InkMeasures
  bilevel: boolean
  flattened: boolean
  /** A dithered 1-bit page blurred back to grey before reading. */
  descreened: boolean
  /** A two-level page (fax, thresholded scan) whose jagged letter edges were smoothed to grey. */
  smoothed: boolean
  /** Specks (isolated marks far smaller than a letter) taken away. */
  despeckled: number
  /** Edges of the page along which a lid shadow or dark border was whitened. */
  shadowEdges: number
  /** Pixels of form rules taken away; with nothing else done, the page OCR reads is the plain page. */
  rulesRemoved: number
  /** Scale applied so letters come out about the size tesseract reads best. */
  scale: number
  layout: PageLayout
}

/** Letters shorter than this (pixels) are scaled up: tesseract reads text 20-30 px high best. */
const MIN_TEXT_HEIGHT = 16
const TARGET_TEXT_HEIGHT = 24

/**
 * What OCR reads best, decided from measurements of this page: the paper background divided
 * out (not on 1-bit pages, which are left as they are), small type scaled up, the page
 * straightened only when the skew estimate is sure of itself, rules removed only where they
 * are long and thin against the page's own letters, and the page segmentation chosen by
 * whether the text runs in columns. The page people see is this page without the rule removal.
 */
export async function prepareForOcr(page: GreyPage, opts: { deskew: boolean; turn?: number; maxPixels?: number }): Promise<PreparedPage> {
  const turned = (((opts.turn ?? 0) % 360) + 360) % 360
  const upright = turned ? await rotateQuarter(page, turned) : page
  let bilevel = isBilevel(upright)
  let source = upright
  let inkOf1Bit = bilevel ? measureInk(upright) : null
  let despeckled = 0
  if (inkOf1Bit && manySpecks(inkOf1Bit)) {
    // Isolated specks first: what is left of a dithered page's shading after them is still dots.
    const r = removeSpecks(upright, speckSize(inkOf1Bit.textHeight))
    source = r.page
    despeckled = r.removed
    inkOf1Bit = measureInk(source)
  }
  if (inkOf1Bit && inkOf1Bit.specks > 10 * Math.max(1, inkOf1Bit.marks)) {
    // A dithered page: grey shading printed as dots. Blur the dots back into grey (descreen) and treat it as a grey page.
    source = await toGrey(raw(source).blur(Math.max(0.8, upright.width / 2550)))
    bilevel = false
  }
  const descreened = bilevel === false && inkOf1Bit !== null
  // Pure black-and-white pages (fax, a scanner's 1-bit mode) have stair-stepped letter edges;
  // tesseract's model was trained on smooth grey type. A blur of under a pixel smooths the steps
  // and keeps the letters apart (measured on 204x98 fax pages: 0.797 -> 0.832 word accuracy).
  const smoothed = bilevel && isTwoLevel(upright)
  if (smoothed) source = await toGrey(raw(source).blur(SMOOTH_SIGMA))
  const flat = bilevel ? { page: source, unevenness: 0 } : flattenBackground(source)
  const flattened = flat.page !== source
  let { measures: measured, marks } = measureInkMarks(flat.page)
  // A lid shadow or dark border along an edge, then specks: measured on the page, taken away only where found.
  const shadow = removeEdgeShadow(flat.page, measured.textHeight)
  let base = shadow.page
  if (!bilevel && manySpecks(measured)) {
    const r = removeSpecks(base, speckSize(measured.textHeight))
    base = r.page
    despeckled += r.removed
  }
  if (base !== flat.page) ({ measures: measured, marks } = measureInkMarks(base))
  // A 1-bit page is not scaled: interpolating its jagged edges adds no detail (measured: fax pages read worse scaled).
  // Small type is scaled up, but never past the page pixel budget (what a host holds for a page grows with its pixels).
  const scale = bilevel ? 1 : withinBudget(scaleFor(base.width, measured.textHeight), base, opts.maxPixels)
  let clean = base
  if (scale !== 1) {
    const { data, info } = await raw(clean)
      .resize({ width: Math.round(clean.width * scale), kernel: 'lanczos3' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true })
    clean = { data, width: info.width, height: info.height }
  }
  const measures = { ...measured, textHeight: measured.textHeight * scale }
  let deskewAngle = 0
  if (opts.deskew) {
    const est = await skewEstimate(clean)
    if (est.reliable && Math.abs(est.angle) >= 0.3) {
      deskewAngle = est.angle
      const t = await raw(clean)
        .rotate(-est.angle, { background: '#ffffff' })
        .toColourspace('b-w')
        .raw()
        .toBuffer({ resolveWithObject: true })
      clean = { data: t.data, width: t.info.width, height: t.info.height }
    }
  }
  // Columns are measured line by line: on the straightened page, where a line stays in its band
  // (the marks already measured, turned as the page was: the page is not labelled again).
  if (deskewAngle) measures.columns = columnsTurned(marks, -deskewAngle)
  const rules = removeRules(clean, { textHeight: measures.textHeight })
  return {
    ...clean,
    deskewAngle,
    turned,
    forOcr: rules.page,
    measures,
    bilevel,
    flattened,
    descreened,
    smoothed,
    rulesRemoved: rules.removed,
    despeckled,
    shadowEdges: shadow.edges,
    scale,
    layout: measures.columns ? 'auto' : 'block',
  }
}

/** Gaussian sigma (pixels) that smooths the stair steps of a 1-bit page. */
const SMOOTH_SIGMA = 0.7

/** Every pixel pure black or white (a clean grey render is nearly so, but its letter edges are grey). */
function isTwoLevel(page: GreyPage): boolean {
  const d = page.data
  const step = Math.max(1, Math.floor(d.length / 400_000))
  let grey = 0
  let n = 0
  for (let i = 0; i < d.length; i += step, n++) if (d[i]! > 8 && d[i]! < 247) grey++
  return grey / n < 0.002
}

/** True when the page OCR reads is the plain page (nothing flattened, smoothed or taken away): a second reading would be the same. */
export function sameAsPlain(p: PreparedPage): boolean {
  return !p.flattened && !p.descreened && !p.smoothed && p.rulesRemoved === 0 && p.despeckled === 0 && p.shadowEdges === 0
}

/** Far more specks than letters: salt-and-pepper noise, dust or line noise worth taking away. */
function manySpecks(m: InkMeasures): boolean {
  return m.specks > 2 * Math.max(50, m.marks)
}

/** The largest mark taken for a speck: well under a stop or an i's dot of the page's own type. */
function speckSize(textHeight: number): number {
  return Math.max(2, Math.floor((textHeight || 20) * 0.15))
}

/** The page only greyscaled, turned, scaled and straightened like `prepared`: the guard's second reading. */
export async function plainPage(page: GreyPage, prepared: PreparedPage): Promise<GreyPage> {
  let img = raw(prepared.turned ? await rotateQuarter(page, prepared.turned) : page)
  if (prepared.scale !== 1)
    img = raw(
      await toGrey(
        img.resize({ width: Math.round((prepared.turned % 180 ? page.height : page.width) * prepared.scale), kernel: 'lanczos3' }),
      ),
    )
  if (prepared.deskewAngle) img = img.rotate(-prepared.deskewAngle, { background: '#ffffff' })
  return toGrey(img)
}

function withinBudget(scale: number, page: GreyPage, maxPixels: number | undefined): number {
  if (scale <= 1 || !maxPixels) return scale
  return Math.max(1, Math.min(scale, Math.sqrt(maxPixels / (page.width * page.height))))
}

function scaleFor(width: number, textHeight: number): number {
  if (textHeight > 0) return textHeight < MIN_TEXT_HEIGHT ? Math.min(2, TARGET_TEXT_HEIGHT / textHeight) : 1
  // Nothing letter-like measured: fall back on the page width (fax and low-resolution scans).
  return width < 1600 ? Math.min(2, 2400 / width) : 1
}

async function rotateQuarter(page: GreyPage, degrees: number): Promise<GreyPage> {
  return toGrey(raw(page).rotate(degrees))
}

async function toGrey(img: sharp.Sharp): Promise<GreyPage> {
  // One band out: sharp takes raw one-channel input as sRGB, and converting to b-w at the end costs less than greyscale().
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
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
  for (let acc = 0; lo < 255 && (acc += hist[lo]!) < cut;) lo++
  let hi = 255
  for (let acc = 0; hi > 0 && (acc += hist[hi]!) < cut;) hi--
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
  return raw(page)
    .resize({ width: Math.min(1275, page.width) })
    .png({ compressionLevel: 4, adaptiveFiltering: false })
    .toBuffer()
}

/** A compact JPEG of the page for the searchable PDF (about 200 dpi: sharp when printed, small on disk). */
export async function pdfPageImage(page: GreyPage): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const width = Math.min(1700, page.width)
  // A greyscale JPEG (one component): the page is grey, and three equal colour channels cost time and bytes.
  const { data, info } = await raw(page).resize({ width }).toColourspace('b-w').jpeg({ quality: 55 }).toBuffer({ resolveWithObject: true })
  return { jpeg: data, width: info.width, height: info.height }
}

/** The pixel size the word boxes refer to, for scaling them onto a smaller rendition. */
export function scaleWords<T extends { bbox: { x0: number; y0: number; x1: number; y1: number } }>(words: T[], factor: number): T[] {
  if (factor === 1) return words
  return words.map((w) => ({
    ...w,
    bbox: { x0: w.bbox.x0 * factor, y0: w.bbox.y0 * factor, x1: w.bbox.x1 * factor, y1: w.bbox.y1 * factor },
  }))
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
    return new ChartclerkError(
      'IMAGE_TOO_LARGE',
      'This image has far more pixels than any scanned page (it may be a decompression bomb or damaged). Rescan the document at 200-300 dpi and drop it in the inbox again.',
      { cause: err, detail: 'pixel limit' },
    )
  }
  return new ChartclerkError(
    'IMAGE_CORRUPT',
    `This ${kind.toUpperCase()} image is damaged and cannot be read. Rescan the document, or ask the sender to send it again, and drop the new file in the inbox.`,
    {
      cause: err,
      detail: msg.slice(0, 200),
    },
  )
}
