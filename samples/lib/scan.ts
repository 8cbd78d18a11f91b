/**
 * Turn rendered records into what a scanner, copier or fax machine would hand a clerk:
 * page images in five styles, skew, image-only PDFs, multi-page TIFFs, PNGs and JPEGs.
 * All noise comes from the seeded {@link Rng}, so output is reproducible.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { PDFParse } from 'pdf-parse'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { Rng } from './rng.js'

export type ScanStyle =
  /** A good flatbed scan: the render as it is (grey, straight unless skewed). */
  | 'clean'
  /** Office copier: light grey uneven background, soft toner, noise, specks, a shadow at one edge. */
  | 'copier'
  /** Faded print or a light copy: low contrast, blur, a lighter streak. */
  | 'faded'
  /** Fax: 200 x 100 dpi look, 1-bit, speckles, and the fax header line at the top. Always returned at 200 dpi. */
  | 'fax'
  /** Dark 1-bit scan: thick strokes, background dots. */
  | 'dark'

export const SCAN_STYLES: readonly ScanStyle[] = ['clean', 'copier', 'faded', 'fax', 'dark']

export interface ScanOptions {
  /** Resolution the input page was rendered at. */
  dpi: number
  /** Rotate the page content by this many degrees (positive = clockwise), keeping the page size. */
  skewDegrees?: number
  /** Seeds noise, specks and streaks. */
  seed?: number | string
  /** Fax style: the header line the sending machine prints ("FROM: <fax>  <date time>  P. x/N"). */
  fax?: { from: string; dateTime: string; page: number; pageCount: number; name?: string }
  /** zlib level of the returned PNG (default 3: noisy pages encode 2x faster than at 6 for 3% more bytes). */
  pngCompression?: number
}

const require = createRequire(import.meta.url)
/** pdf.js needs the standard font files to draw the base-14 fonts pdfkit uses without embedding. */
const STANDARD_FONT_DIR = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep

/**
 * Render every page of a PDF to a PNG at `dpi` (pdf-parse `getScreenshot`, pdf.js + @napi-rs/canvas).
 * About 0.5 s per letter page at 300 dpi, 0.2 s at 200 dpi on one core.
 */
export async function rasterizePdf(pdf: Buffer | Uint8Array, dpi: number): Promise<Buffer[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONT_DIR, verbosity: 0 })
  try {
    const shot = await parser.getScreenshot({ scale: dpi / 72, imageDataUrl: false, imageBuffer: true })
    return shot.pages.map((p) => Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength))
  } finally {
    await parser.destroy()
  }
}

interface Gray {
  data: Uint8Array
  width: number
  height: number
}

/**
 * Decode to one grey channel, optionally softened (scanner optics) and rotated on white
 * around the centre (a crooked sheet), keeping the original pixel size: one sharp pipeline.
 */
async function decodeGray(png: Buffer, blurSigma = 0, skewDegrees = 0): Promise<Gray> {
  let s = sharp(png).flatten({ background: '#ffffff' }).greyscale()
  if (blurSigma >= 0.3) s = s.blur(blurSigma)
  if (Math.abs(skewDegrees) >= 0.01) {
    const meta = await sharp(png).metadata()
    const w = meta.width ?? 0
    const h = meta.height ?? 0
    const rad = (Math.abs(skewDegrees) * Math.PI) / 180
    const rw = w * Math.cos(rad) + h * Math.sin(rad)
    const rh = w * Math.sin(rad) + h * Math.cos(rad)
    const left = Math.max(0, Math.floor((rw - w) / 2) - 1)
    const top = Math.max(0, Math.floor((rh - h) / 2) - 1)
    s = s.rotate(skewDegrees, { background: { r: 255, g: 255, b: 255 } }).extract({ left, top, width: w, height: h })
  }
  const { data, info } = await s.raw().toBuffer({ resolveWithObject: true })
  if (info.channels !== 1) throw new Error(`expected 1 grey channel, got ${info.channels}`)
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height }
}

function rawSharp(g: Gray): sharp.Sharp {
  return sharp(Buffer.from(g.data.buffer, g.data.byteOffset, g.data.byteLength), { raw: { width: g.width, height: g.height, channels: 1 } })
}

async function rawOut(s: sharp.Sharp): Promise<Gray> {
  const { data, info } = await s.extractChannel(0).raw().toBuffer({ resolveWithObject: true })
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height }
}

/** A table of normal deviates drawn from the seeded stream, indexed cheaply per pixel. */
function noiseTable(rng: Rng, n = 8192): Float32Array {
  const t = new Float32Array(n)
  for (let i = 0; i < n; i++) t[i] = rng.gaussian()
  return t
}

/** A smooth random curve of length n (sum of a few low-frequency sines), amplitude about +-1. */
function smoothCurve(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n)
  const waves = [0, 1, 2].map(() => ({ f: rng.float(0.3, 2.2), p: rng.float(0, Math.PI * 2), a: rng.float(0.2, 0.5) }))
  for (let i = 0; i < n; i++) {
    let v = 0
    for (const w of waves) v += w.a * Math.sin((i / n) * Math.PI * 2 * w.f + w.p)
    out[i] = v
  }
  return out
}

function clamp255(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v
}

/** Map ink/paper onto a new ink level and an uneven paper level, then add grain. */
function tone(g: Gray, rng: Rng, o: { ink: number; paper: number; unevenness: number; grain: number }): void {
  const { data, width, height } = g
  const rows = smoothCurve(rng.fork('rows'), height)
  const cols = smoothCurve(rng.fork('cols'), width)
  const table = noiseTable(rng.fork('grain'))
  const mask = table.length - 1
  let k = rng.uint32() & mask
  for (let y = 0; y < height; y++) {
    const rowBg = o.paper + o.unevenness * (rows[y] ?? 0)
    const base = y * width
    for (let x = 0; x < width; x++) {
      const i = base + x
      const paper = rowBg + o.unevenness * (cols[x] ?? 0)
      const inkShare = 1 - (data[i] ?? 255) / 255
      k = (k + 2654435761) & mask
      const v = paper - (paper - o.ink) * inkShare + o.grain * (table[k] ?? 0)
      data[i] = clamp255(v)
    }
  }
}

/** Dark dust specks: small irregular blobs. */
function specks(g: Gray, rng: Rng, count: number, maxRadius: number, level = 20): void {
  const { data, width, height } = g
  for (let n = 0; n < count; n++) {
    const cx = rng.int(0, width - 1)
    const cy = rng.int(0, height - 1)
    const r = rng.float(0.6, maxRadius)
    const r2 = r * r
    const ri = Math.ceil(r)
    for (let dy = -ri; dy <= ri; dy++) {
      for (let dx = -ri; dx <= ri; dx++) {
        if (dx * dx + dy * dy > r2 * rng.float(0.6, 1.2)) continue
        const x = cx + dx
        const y = cy + dy
        if (x < 0 || y < 0 || x >= width || y >= height) continue
        const i = y * width + x
        data[i] = Math.min(data[i] ?? 255, level)
      }
    }
  }
}

/** The grey shadow a copier lid leaves along one edge. */
function edgeShadow(g: Gray, rng: Rng, dpi: number): void {
  const { data, width, height } = g
  const band = Math.round(dpi * rng.float(0.04, 0.1))
  const side = rng.int(0, 3)
  const depth = rng.float(90, 160)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dist = side === 0 ? x : side === 1 ? width - 1 - x : side === 2 ? y : height - 1 - y
      if (dist >= band) continue
      const i = y * width + x
      const f = 1 - dist / band
      data[i] = clamp255((data[i] ?? 255) - depth * f * f)
    }
  }
}

function threshold(g: Gray, level: number, rng?: Rng, jitter = 0): void {
  const { data } = g
  if (!rng || jitter === 0) {
    for (let i = 0; i < data.length; i++) data[i] = (data[i] ?? 255) < level ? 0 : 255
    return
  }
  const table = noiseTable(rng)
  const mask = table.length - 1
  let k = rng.uint32() & mask
  for (let i = 0; i < data.length; i++) {
    k = (k + 2654435761) & mask
    data[i] = (data[i] ?? 255) + jitter * (table[k] ?? 0) < level ? 0 : 255
  }
}

/** Fax standard resolution: each pair of rows becomes one (averaged), printed twice. */
function halveVertical(g: Gray): void {
  const { data, width, height } = g
  for (let y = 0; y + 1 < height; y += 2) {
    const a = y * width
    const b = a + width
    for (let x = 0; x < width; x++) {
      const v = ((data[a + x] ?? 255) + (data[b + x] ?? 255)) >> 1
      data[a + x] = v
      data[b + x] = v
    }
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

async function faxHeader(g: Gray, dpi: number, fax: NonNullable<ScanOptions['fax']>): Promise<Gray> {
  const px = Math.round((8.5 / 72) * dpi)
  const y = Math.round(dpi * 0.14)
  const from = fax.name ? `FROM: ${fax.name.toUpperCase()}  ${fax.from}` : `FROM: ${fax.from}`
  const text = `${from}     ${fax.dateTime}     P. ${fax.page}/${fax.pageCount}`
  // Clear the strip first: the sending machine prints over the page's top margin.
  for (let i = 0; i < Math.round(dpi * 0.2) * g.width; i++) g.data[i] = 255
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xml:space="preserve" width="${g.width}" height="${y + px}"><text x="${Math.round(dpi * 0.25)}" y="${y}" font-family="DejaVu Sans Mono, monospace" font-size="${px}" fill="#000">${escapeXml(text)}</text></svg>`
  return rawOut(
    rawSharp(g)
      .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
      .greyscale(),
  )
}

async function encodePng(g: Gray, dpi: number, compressionLevel: number): Promise<Buffer> {
  return setPngDpi(await rawSharp(g).toColourspace('b-w').png({ compressionLevel }).toBuffer(), dpi)
}

// sharp's withMetadata({ density }) also converts to sRGB (3 channels + ICC profile), which
// no scanner does; so pages are written as 1-channel grey and the resolution is set here.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 (ISO-HDLC, as in PNG and ZIP). */
export function crc32(buf: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0
  for (let i = 0; i < buf.length; i++) c = (CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8)) >>> 0
  return ~c >>> 0
}

/** A PNG chunk: length, type, data, CRC over type + data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

/** Set (or replace) the PNG pHYs chunk so viewers and OCR see the scan resolution. */
export function setPngDpi(png: Buffer, dpi: number): Buffer {
  const ppm = Math.round(dpi / 0.0254)
  const data = Buffer.alloc(9)
  data.writeUInt32BE(ppm, 0)
  data.writeUInt32BE(ppm, 4)
  data[8] = 1
  const phys = pngChunk('pHYs', data)
  const parts: Buffer[] = [png.subarray(0, 8)]
  let off = 8
  while (off + 8 <= png.length) {
    const len = png.readUInt32BE(off)
    const type = png.toString('latin1', off + 4, off + 8)
    const end = off + 12 + len
    if (type !== 'pHYs') parts.push(png.subarray(off, end))
    if (type === 'IHDR') parts.push(phys)
    off = end
  }
  return Buffer.concat(parts)
}

/** Set the JFIF density of a JPEG (inserting a JFIF APP0 segment when there is none). */
export function setJpegDpi(jpeg: Buffer, dpi: number): Buffer {
  const out = Buffer.from(jpeg)
  if (out[2] === 0xff && out[3] === 0xe0 && out.toString('latin1', 6, 11) === 'JFIF\0') {
    out[13] = 1
    out.writeUInt16BE(dpi, 14)
    out.writeUInt16BE(dpi, 16)
    return out
  }
  const app0 = Buffer.from([
    0xff,
    0xe0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x01,
    0x01,
    dpi >> 8,
    dpi & 0xff,
    dpi >> 8,
    dpi & 0xff,
    0x00,
    0x00,
  ])
  return Buffer.concat([out.subarray(0, 2), app0, out.subarray(2)])
}

/**
 * Make a rendered page look scanned. Input: a PNG (any colour, alpha is flattened on white)
 * rendered at `opts.dpi`. Output: a greyscale PNG of the same size (fax: resampled to 200 dpi).
 */
export async function scanStyle(png: Buffer, style: ScanStyle, opts: ScanOptions): Promise<Buffer> {
  const rng = new Rng(`${opts.seed ?? 'scan'}:${style}`)
  const dpi = opts.dpi
  const scale = dpi / 300
  const level = opts.pngCompression ?? 3
  switch (style) {
    case 'clean': {
      const g = await decodeGray(png, 0, opts.skewDegrees ?? 0)
      return encodePng(g, dpi, level)
    }
    case 'copier': {
      const g = await decodeGray(png, 0.55 * scale, opts.skewDegrees ?? 0)
      tone(g, rng, { ink: 38, paper: 236, unevenness: 5, grain: 6 })
      edgeShadow(g, rng.fork('edge'), dpi)
      specks(g, rng.fork('specks'), Math.round((g.width * g.height) / 250_000), 2.2 * scale, 40)
      return encodePng(g, dpi, level)
    }
    case 'faded': {
      const g = await decodeGray(png, 0.75 * scale, opts.skewDegrees ?? 0)
      tone(g, rng, { ink: 128, paper: 231, unevenness: 3, grain: 2.5 })
      // A vertical band where the toner ran low.
      const x0 = rng.int(Math.round(g.width * 0.2), Math.round(g.width * 0.7))
      const bw = Math.round(g.width * rng.float(0.05, 0.12))
      for (let y = 0; y < g.height; y++) {
        for (let x = x0; x < Math.min(g.width, x0 + bw); x++) {
          const i = y * g.width + x
          const f = Math.sin(((x - x0) / bw) * Math.PI) * 0.45
          g.data[i] = clamp255((g.data[i] ?? 255) + (240 - (g.data[i] ?? 255)) * f)
        }
      }
      specks(g, rng.fork('specks'), Math.round((g.width * g.height) / 600_000), 1.6 * scale, 150)
      return encodePng(g, dpi, level)
    }
    case 'fax': {
      const FAX_DPI = 200
      let g = await decodeGray(png, 0, opts.skewDegrees ?? 0)
      if (dpi !== FAX_DPI) {
        g = await rawOut(
          rawSharp(g).resize({
            width: Math.round((g.width * FAX_DPI) / dpi),
            height: Math.round((g.height * FAX_DPI) / dpi),
            kernel: 'linear',
          }),
        )
      }
      if (opts.fax) g = await faxHeader(g, FAX_DPI, opts.fax)
      halveVertical(g)
      threshold(g, 160, rng.fork('edges'), 28)
      specks(g, rng.fork('specks'), Math.round((g.width * g.height) / 9_000), 1.4, 0)
      // A thin streak or two across the page from a dirty scan head.
      for (let s = rng.int(0, 2); s > 0; s--) {
        const y = rng.int(Math.round(g.height * 0.1), g.height - 4)
        for (let x = 0; x < g.width; x++) if (rng.chance(0.7)) g.data[y * g.width + x] = 0
      }
      return encodePng(g, FAX_DPI, level)
    }
    case 'dark': {
      const g = await decodeGray(png, 1.0 * scale, opts.skewDegrees ?? 0)
      tone(g, rng, { ink: 0, paper: 234, unevenness: 6, grain: 11 })
      threshold(g, 196, rng.fork('edges'), 6)
      specks(g, rng.fork('specks'), Math.round((g.width * g.height) / 60_000), 1.8 * scale, 0)
      return encodePng(g, dpi, level)
    }
  }
}

/** A page image as PNG with the given density (grey, as a scanner would save it). */
export async function toPng(png: Buffer, dpi: number): Promise<Buffer> {
  return setPngDpi(await sharp(png).flatten({ background: '#ffffff' }).toColourspace('b-w').png({ compressionLevel: 9 }).toBuffer(), dpi)
}

/** A page image as a greyscale JPEG with the given density. */
export async function toJpeg(png: Buffer, dpi: number, quality = 72): Promise<Buffer> {
  return setJpegDpi(await sharp(png).flatten({ background: '#ffffff' }).toColourspace('b-w').jpeg({ quality }).toBuffer(), dpi)
}

export interface ScannedPdfOptions {
  /** How page images are stored: 'jpeg' (DCT, like most office scanners) or 'png' (Flate, lossless). */
  imageFormat?: 'jpeg' | 'png'
  jpegQuality?: number
  /** Fixed creation date (keeps the bytes reproducible). */
  creationDate?: Date
  producer?: string
}

/** An image-only PDF (no text layer), one page image per page, page size from pixels and dpi. */
export async function scannedPdf(pngs: Buffer[], dpi: number, opts: ScannedPdfOptions = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false })
  const when = opts.creationDate ?? new Date(Date.UTC(2025, 0, 1))
  pdf.setCreationDate(when)
  pdf.setModificationDate(when)
  pdf.setProducer(opts.producer ?? 'Scan-to-PDF')
  pdf.setCreator(opts.producer ?? 'Scan-to-PDF')
  for (const png of pngs) {
    const meta = await sharp(png).metadata()
    const w = meta.width ?? 0
    const h = meta.height ?? 0
    const pageDpi = meta.density ?? dpi
    const image =
      (opts.imageFormat ?? 'jpeg') === 'jpeg'
        ? await pdf.embedJpg(await toJpeg(png, pageDpi, opts.jpegQuality ?? 70))
        : await pdf.embedPng(await toPng(png, pageDpi))
    const pw = (w / pageDpi) * 72
    const ph = (h / pageDpi) * 72
    const page = pdf.addPage([pw, ph])
    page.drawImage(image, { x: 0, y: 0, width: pw, height: ph })
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }))
}

export interface TiffOptions {
  /** 'lzw' (default), 'deflate', 'ccittfax4' (1-bit pages only), 'jpeg', 'packbits'. */
  compression?: 'lzw' | 'deflate' | 'ccittfax4' | 'jpeg' | 'packbits' | 'none'
  /** Grey levels: 8 (default), 4, 2 or 1 bit per pixel. */
  bitdepth?: 1 | 2 | 4 | 8
}

/**
 * A multi-page greyscale TIFF, one page per image (all the same size), as a document scanner
 * writes it. `sharp(tiff).metadata().pages` is the page count; read page n with `sharp(tiff, { page: n })`.
 */
export async function multiPageTiff(pngs: Buffer[], dpi: number, opts: TiffOptions = {}): Promise<Buffer> {
  if (pngs.length === 0) throw new Error('multiPageTiff: no pages')
  const pages = await Promise.all(
    pngs.map((p) => sharp(p).flatten({ background: '#ffffff' }).toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer()),
  )
  const bitdepth = opts.compression === 'ccittfax4' ? 1 : (opts.bitdepth ?? 8)
  // sharp 0.34's join needs two or more images and turns grey pages into sRGB + alpha;
  // channel 0 is the grey page again.
  return (pages.length === 1 ? sharp(pages[0]) : sharp(pages, { join: { animated: true } }))
    .extractChannel(0)
    .tiff({
      compression: opts.compression ?? 'lzw',
      predictor: bitdepth === 8 && opts.compression !== 'jpeg' ? 'horizontal' : 'none',
      ...(bitdepth !== 8 ? { bitdepth } : {}),
      ...(bitdepth === 1 ? { miniswhite: true } : {}),
      xres: dpi / 25.4,
      yres: dpi / 25.4,
      resolutionUnit: 'inch',
    })
    .toBuffer()
}
