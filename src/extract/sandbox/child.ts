/**
 * The reader process: opens one untrusted file at a time (PDF through pdfjs,
 * images through sharp) for the main process. It runs with its own heap limit
 * and is killed from outside when it uses too much memory or time, so a file
 * that makes pdfjs loop or inflate without end takes down only this process.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PDFParse as PDFParseClass } from 'pdf-parse'
import { ChartclerkError } from '../../errors.js'
import type { ImageKind } from '../images.js'
import { imageBoxes, mayHoldImages, regionsToRead, type Rect } from '../imageRegions.js'
import { drawnSize, isPlainJpeg, soleScanImage, type EmbeddedImageDict } from '../scanImage.js'
import { probePdfInflation } from './inflateProbe.js'
import type { Reply, Request } from './protocol.js'
import { pdfLib } from '../../pdfLib.js'

const require = createRequire(import.meta.url)

/**
 * Past this much above its loaded size when a file is closed, the reader collects its garbage at once
 * (the main process replaces a reader still 64 MB above it after a file, see pool.ts); below it, V8
 * collects when it would anyway.
 */
export const COLLECT_AFTER_MB = 24
/** Resident size once loaded (set when the reader says it is ready). */
let loadedRss = 0
const keptGarbageMb = (): number => (process.memoryUsage.rss() - loadedRss) / (1024 * 1024)

/** What this reader opens (its first argument): a PDF reader loads pdf.js and a canvas, an image reader only sharp. */
const KIND = process.argv[2] === 'image' ? 'image' : 'pdf'
const { PDFParse } = KIND === 'pdf' ? await import('pdf-parse') : ({} as { PDFParse: typeof PDFParseClass })
const images = KIND === 'image' ? await import('../images.js') : null
// No cache of decoded images between operations: each page is decoded once, and a kept one is only memory.
if (KIND === 'image') (await import('sharp')).default.cache(false)
// pdf.js's operator codes, to find where a page paints images (PDF readers only).
const pdfjs = KIND === 'pdf' ? await import('pdfjs-dist/legacy/build/pdf.mjs') : null

function pdfjsFolderUrl(sub: string): string | undefined {
  try {
    const dir = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), sub)
    return pathToFileURL(dir + path.sep).href
  } catch {
    return undefined
  }
}
const FONT_URL = pdfjsFolderUrl('standard_fonts')
// OpenJPEG (JPEG 2000 scans) and the colour-management module ship as wasm; without them such pages render white.
export const WASM_URL = pdfjsFolderUrl('wasm')

/** pdf-parse keeps its pdfjs document behind a private `load()`; the reader needs page sizes from it. */
type PdfPage = {
  view: number[]
  rotate: number
  getViewport(o: { scale: number }): { width: number; height: number; convertToViewportRectangle(r: number[]): number[] }
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>
  getTextContent(): Promise<{ items: { str?: string; transform?: number[] }[] }>
  render(o: { canvasContext: unknown; canvas: unknown; viewport: unknown }): { promise: Promise<void> }
  cleanup(): void
}
type Canvas = { canvas: { toBuffer(mime: 'image/png'): Buffer }; context: unknown }
type PdfDoc = {
  numPages: number
  getPage(n: number): Promise<PdfPage>
  canvasFactory: { create(width: number, height: number): Canvas; destroy(c: Canvas): void }
}
const loadDoc = (p: PDFParseClass): Promise<PdfDoc> => (p as unknown as { load(): Promise<PdfDoc> }).load()

interface PdfState {
  parser: PDFParseClass
  renderMaxPixels: number
  /** The bytes as opened, for pdf-lib to find a page's stored image in (loaded the first time one is looked for). */
  data: Uint8Array
  lib?: Promise<PDFLibDoc | null>
}

let pdf: PdfState | null = null
let image: { data: Buffer; kind: ImageKind; maxPixels: number; fitPixels: number } | null = null

/** Where the PDF really starts: scanners and mail gateways sometimes put a few bytes before %PDF. */
export function pdfStart(data: Uint8Array): number {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 1024)).toString('latin1')
  const i = head.indexOf('%PDF-')
  return i < 0 ? 0 : i
}

async function openPdf(req: Extract<Request, { op: 'pdf-open' }>): Promise<unknown> {
  await closeAll()
  const start = pdfStart(req.data)
  const data = start > 0 ? req.data.subarray(start) : req.data
  // A bomb is named as one before pdf.js starts to inflate it in memory.
  const probe = await probePdfInflation(Buffer.from(data.buffer, data.byteOffset, data.byteLength), req.inflateCapMb * 1024 * 1024)
  if (probe.overCap) throw bombError(req.inflateCapMb)
  process.send!({ id: req.id, progress: 'checked' } satisfies Reply)
  const parser = new PDFParse({
    data,
    verbosity: 0,
    standardFontDataUrl: FONT_URL,
    wasmUrl: WASM_URL,
    stopAtErrors: false,
    // pdfjs refuses to allocate canvases beyond this: no render can exhaust memory.
    canvasMaxAreaInBytes: req.maxPixels * 4,
    maxImageSize: req.maxPixels,
  } as ConstructorParameters<typeof PDFParseClass>[0])
  pdf = { parser, renderMaxPixels: req.renderMaxPixels, data }
  let doc
  try {
    doc = await loadDoc(parser)
  } catch (err) {
    throw pdfError(err)
  }
  const total = doc.numPages
  if (!total || total < 1)
    throw new ChartclerkError(
      'PDF_NO_PAGES',
      'This PDF has no pages. Ask the sender to send the document again and drop the new file in the inbox.',
      { detail: '0 pages' },
    )
  if (total > req.maxPages) {
    throw new ChartclerkError(
      'FILE_TOO_MANY_PAGES',
      `This PDF has ${total} pages, more than the ${req.maxPages} one document may have. Split it into smaller files, or ask the administrator to raise ingest.budget.maxPages.`,
      { detail: `${total} pages` },
    )
  }
  const pageTexts: string[] = []
  const badPages: { page: number; why: string }[] = []
  const pageSizes: [number, number][] = []
  const imageRegions: Rect[][] = []
  // Most text-layer PDFs hold no image at all: then no page's operator list is built.
  const lookForImages = req.findImages && req.readText && mayHoldImages(data)
  for (let n = 1; n <= total; n++) {
    try {
      const p = await doc.getPage(n)
      const vp = p.getViewport({ scale: 1 })
      pageSizes.push([vp.width, vp.height])
      let text = ''
      if (req.readText) {
        text = (await parser.getText({ partial: [n], pageJoiner: '', lineEnforce: true })).pages[0]?.text ?? ''
        pageTexts.push(text)
      }
      // Only text-layer pages: a scanned page is read whole by OCR anyway.
      imageRegions.push(lookForImages && text.replace(/\s+/g, '').length >= req.minTextLayerChars ? await pageImageRegions(p) : [])
    } catch (err) {
      if (isPassword(err)) throw pdfError(err)
      // One damaged page must not cost the others: it is read as blank and named for review.
      if (pageSizes.length < n) pageSizes.push([612, 792])
      if (req.readText && pageTexts.length < n) pageTexts.push('')
      if (imageRegions.length < n) imageRegions.push([])
      badPages.push({ page: n, why: whyUnreadable(err) })
    }
  }
  if (badPages.length === total) throw pdfError(new Error('no page could be read'))
  return { pageCount: total, pageTexts, badPages, pageSizes, imageRegions, junkBefore: start }
}

/** The images on a page that may carry text the text layer lacks (see imageRegions.ts). */
async function pageImageRegions(p: PdfPage): Promise<Rect[]> {
  const ol = await p.getOperatorList()
  const boxes = imageBoxes(ol.fnArray, ol.argsArray, pdfjs!.OPS)
  if (!boxes.length) return []
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = p.view
  // Where the text layer's characters sit, to leave alone images whose text is already there.
  const text = await p.getTextContent()
  const points = text.items
    .filter((i) => i.str && i.transform)
    .map((i) => ({ x: i.transform![4]!, y: i.transform![5]!, chars: i.str!.replace(/\s+/g, '').length }))
  const vp = p.getViewport({ scale: 1 })
  // As fractions of the page as drawn (y down, the page's /Rotate applied).
  return regionsToRead(boxes, { x0, y0, x1, y1 }, points).map((r) => {
    const [a = 0, b = 0, c = 0, d = 0] = vp.convertToViewportRectangle([r.x0, r.y0, r.x1, r.y1])
    return { x0: Math.min(a, c) / vp.width, x1: Math.max(a, c) / vp.width, y0: Math.min(b, d) / vp.height, y1: Math.max(b, d) / vp.height }
  })
}

async function renderPdfPage(page: number, dpi: number, direct: boolean): Promise<unknown> {
  if (!pdf)
    throw new ChartclerkError('INTERNAL', 'The reader lost the document. Drop it in the inbox again.', { detail: 'render without open' })
  const { parser, renderMaxPixels } = pdf
  const doc = await loadDoc(parser)
  const p = await doc.getPage(page)
  const vp = p.getViewport({ scale: 1 })
  if (direct) {
    // A page that is one scanned image goes as its stored JPEG: no canvas, no PNG, a few hundred KB instead of 250 MB.
    const jpeg = await storedScan(pdf, p, page).catch(() => null)
    if (jpeg) {
      p.cleanup()
      return { jpeg, ...drawnSize(vp.width, vp.height, dpi, renderMaxPixels) }
    }
  }
  let scale = dpi / 72
  // A poster or a 117-inch strip is read at the resolution that fits the budget, not refused.
  const pixels = vp.width * scale * vp.height * scale
  if (pixels > renderMaxPixels) scale = Math.sqrt(renderMaxPixels / (vp.width * vp.height))
  // Drawn here rather than by pdf-parse's screenshot, which leaves each page's canvas (4 bytes a pixel, 34 MB for a
  // letter page at 300 dpi) to the garbage collector: a long scanned PDF piled them up in the reader between collections.
  const viewport = p.getViewport({ scale })
  const drawn = doc.canvasFactory.create(viewport.width, viewport.height)
  try {
    await p.render({ canvasContext: drawn.context, canvas: drawn.canvas, viewport }).promise
    const png = drawn.canvas.toBuffer('image/png')
    if (!png.length) throw new Error('empty render')
    return { png, dpi: Math.round(scale * 72) }
  } finally {
    // Its pixels go now, and the page's decoded images with them.
    doc.canvasFactory.destroy(drawn)
    p.cleanup()
  }
}

type PDFLibDoc = import('pdf-lib').PDFDocument

/**
 * The stored JPEG of a page that paints one upright image over the whole page and nothing else
 * (no text, no drawing, no annotation, no mask); null for any other page, which is drawn.
 */
async function storedScan(state: PdfState, p: PdfPage, n: number): Promise<Buffer | null> {
  if (p.rotate % 360 !== 0) return null
  const ol = await p.getOperatorList()
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = p.view
  const { image } = soleScanImage(ol.fnArray, ol.argsArray, pdfjs!.OPS, { x0, y0, x1, y1 })
  if (!image) return null
  const text = await p.getTextContent()
  if (text.items.some((i) => i.str && /\S/.test(i.str))) return null
  const lib = await (state.lib ??= pdfLib()
    .then((m) => m.PDFDocument.load(state.data, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }))
    .catch(() => null))
  if (!lib) return null
  const m = await pdfLib()
  const leaf = lib.getPage(n - 1).node
  const xobjects = leaf.Resources()?.lookup(m.PDFName.of('XObject'))
  if (!(xobjects instanceof m.PDFDict)) return null
  // The page paints one image: with one XObject in its resources, that is the one.
  const keys = xobjects.keys()
  if (keys.length !== 1) return null
  const stream = xobjects.lookup(keys[0]!)
  if (!(stream instanceof m.PDFRawStream)) return null
  const d = stream.dict
  const name = (v: unknown) => (v instanceof m.PDFName ? v.decodeText() : undefined)
  const num = (v: unknown) => (v instanceof m.PDFNumber ? v.asNumber() : undefined)
  const filter = d.lookup(m.PDFName.of('Filter'))
  const cs = d.lookup(m.PDFName.of('ColorSpace'))
  let colorSpace = name(cs)
  if (cs instanceof m.PDFArray) {
    const icc = cs.size() === 2 && name(cs.lookup(0)) === 'ICCBased' ? cs.lookup(1) : undefined
    const components = icc instanceof m.PDFRawStream ? num(icc.dict.lookup(m.PDFName.of('N'))) : undefined
    colorSpace = components ? `ICC${components}` : 'other'
  }
  const dict: EmbeddedImageDict = {
    filter: filter instanceof m.PDFArray ? filter.asArray().map((f) => name(f) ?? '?') : filter ? [name(filter) ?? '?'] : [],
    width: num(d.lookup(m.PDFName.of('Width'))),
    height: num(d.lookup(m.PDFName.of('Height'))),
    bitsPerComponent: num(d.lookup(m.PDFName.of('BitsPerComponent'))),
    colorSpace,
    hasMask: d.has(m.PDFName.of('SMask')) || d.has(m.PDFName.of('Mask')),
    // A Decode array remaps the samples, DecodeParms' ColorTransform the colours: either is drawn.
    hasDecode: d.has(m.PDFName.of('Decode')) || d.has(m.PDFName.of('DecodeParms')),
    imageMask: d.lookup(m.PDFName.of('ImageMask')) === m.PDFBool.True,
  }
  if (name(d.lookup(m.PDFName.of('Subtype'))) !== 'Image' || !isPlainJpeg(dict, image.width, image.height)) return null
  const bytes = stream.getContents()
  // A JPEG starts with its SOI marker; anything else is not what the dictionary says.
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

async function closeAll(): Promise<void> {
  const p = pdf
  pdf = null
  image = null
  await p?.parser.destroy().catch(() => {})
}

/** What the clerk is told about a page pdf.js could not read (its message names no patient data). */
export function whyUnreadable(err: unknown): string {
  const msg = String((err as Error)?.message ?? err)
  if (/flate|deflate|lzw|decode|stream|compress|jpeg|jbig|ccitt/i.test(msg)) return `its data in the file is damaged (${msg.slice(0, 80)})`
  return `the file's description of it is damaged (${msg.slice(0, 80)})`
}

function bombError(capMb: number): ChartclerkError {
  return new ChartclerkError(
    'PDF_BOMB',
    `This PDF is a "decompression bomb": a compressed part of it unpacks to more than ${capMb} MB, far more than any real document needs (it was built to exhaust memory, or is badly damaged). It was not opened. Ask the sender to print the document to a new PDF or rescan it, and drop that in the inbox.`,
    { detail: `a stream inflates past ${capMb} MB` },
  )
}

function isPassword(err: unknown): boolean {
  const name = (err as Error)?.name ?? ''
  return name === 'PasswordException' || /password/i.test((err as Error)?.message ?? '')
}

function pdfError(err: unknown): ChartclerkError {
  if (err instanceof ChartclerkError) return err
  const name = (err as Error)?.name ?? ''
  const msg = (err as Error)?.message ?? String(err)
  if (isPassword(err)) {
    return new ChartclerkError(
      'PDF_ENCRYPTED',
      'This PDF is password-protected. Ask the sender for an unlocked copy (or print it to a new PDF) and drop it in the inbox again.',
      { cause: err, detail: 'password' },
    )
  }
  return new ChartclerkError(
    'PDF_CORRUPT',
    'This PDF is damaged or incomplete (perhaps cut off while copying). Ask the sender to send it again, or rescan the paper, and drop the new file in the inbox.',
    {
      cause: err,
      detail: `${name}: ${msg}`.slice(0, 200),
    },
  )
}

async function handle(req: Request): Promise<unknown> {
  switch (req.op) {
    case 'pdf-open':
      return openPdf(req)
    case 'pdf-render':
      return renderPdfPage(req.page, req.dpi, !!req.direct)
    case 'image-open': {
      await closeAll()
      const data = Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength)
      image = { data, kind: req.kind, maxPixels: req.maxPixels, fitPixels: req.fitPixels }
      const pageCount = await images!.imagePageCount(data, req.kind, { maxPixels: req.maxPixels })
      if (pageCount > req.maxPages) {
        throw new ChartclerkError(
          'FILE_TOO_MANY_PAGES',
          `This image file has ${pageCount} pages, more than the ${req.maxPages} one document may have. Split it into smaller files.`,
          { detail: `${pageCount} pages` },
        )
      }
      // Every page decoded once to prove it reads, each within the page pixel budget (a poster is not held whole).
      if (req.decodeAll) for (let p = 1; p <= pageCount; p++) await images!.decodePage(data, req.kind, p, image)
      return { pageCount }
    }
    case 'image-decode': {
      if (!image)
        throw new ChartclerkError('INTERNAL', 'The reader lost the image. Drop it in the inbox again.', { detail: 'decode without open' })
      const g = await images!.decodePage(image.data, image.kind, req.page, image)
      return { data: g.data, width: g.width, height: g.height }
    }
    case 'close':
      await closeAll()
      // What the file left (page renders, decoded images) goes now when it is much, so the reader waits small for the
      // next one. A full collection after every file would cost more than reading a short text-layer PDF does.
      if (keptGarbageMb() > COLLECT_AFTER_MB) global.gc?.()
      return null
    case 'test-crash':
      // Tests only: prove the main process survives a reader that dies.
      process.abort()
    case 'test-spin': {
      // Tests only: a file that keeps the reader busy for `ms` of its own CPU time.
      const until = process.cpuUsage()
      const spent = () => {
        const u = process.cpuUsage(until)
        return (u.user + u.system) / 1000
      }
      while (spent() < req.ms) Math.sqrt(Math.random())
      return null
    }
  }
}

function send(reply: Reply): void {
  process.send!(reply)
}

process.on('message', (req: Request) => {
  handle(req).then(
    (result) => {
      send({ id: req.id, ok: true, result })
      // What a drawn or decoded page left (its pixels in several copies, tens of MB outside the heap) goes now,
      // not when V8 gets round to it: the reader waits small while the page is read by OCR.
      if (req.op === 'pdf-render' || req.op === 'image-decode') setImmediate(() => global.gc?.())
    },
    (err) => {
      const e =
        err instanceof ChartclerkError
          ? err
          : pdf
            ? pdfError(err)
            : new ChartclerkError('INTERNAL', 'This file could not be read. Drop it in the inbox again; if it fails again, rescan it.', {
                detail: String((err as Error)?.message ?? err).slice(0, 200),
              })
      send({ id: req.id, ok: false, error: { code: e.code, action: e.action, detail: e.message.slice(0, 300) } })
    },
  )
})
process.on('disconnect', () => process.exit(0))
/** One tiny page opened and drawn, so pdfjs, its worker code and the canvas are loaded before the first real file. */
async function warmUp(): Promise<void> {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
  ]
  let body = '%PDF-1.4\n'
  const offs: number[] = []
  objs.forEach((o, i) => {
    offs.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const x = body.length
  body += `xref\n0 4\n0000000000 65535 f\r\n${offs.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${x}\n%%EOF\n`
  const parser = new PDFParse({
    data: new Uint8Array(Buffer.from(body, 'latin1')),
    verbosity: 0,
    standardFontDataUrl: FONT_URL,
    wasmUrl: WASM_URL,
  } as ConstructorParameters<typeof PDFParseClass>[0])
  try {
    await parser.getText()
    await parser.getScreenshot({ scale: 1, imageDataUrl: false, imageBuffer: true })
  } finally {
    await parser.destroy().catch(() => {})
  }
}

// The main process measures this reader's loaded size now: the budget is what a file adds to it.
;(KIND === 'pdf' ? warmUp() : Promise.resolve())
  .catch(() => {})
  .finally(() => {
    loadedRss = process.memoryUsage.rss()
    process.send!({ ready: true })
  })
