/**
 * PDFs through pdf-parse (pdfjs-dist), in a reader process of their own
 * (src/extract/sandbox): the text layer page by page, and page renders for
 * pages that have no text layer (scans). Encrypted, damaged, empty, too
 * complex and bomb PDFs become clear errors here, before anything is stored.
 */
import sharp from 'sharp'
import { ChartclerkError } from '../errors.js'
import type { Rect } from './imageRegions.js'
import { leaseReader, readBudget, releaseReader, type Reader } from './sandbox/pool.js'

/**
 * One page drawn at a time, whatever the number of readers. Drawing a scanned letter page at
 * 300 dpi takes a reader from about 110 MB to 260-290 MB for a moment (the page's image decoded,
 * its canvas, the PNG); two readers drawing at once were half the highest memory of a mixed
 * batch. Drawing takes a fraction of a page's OCR, so one lane keeps every OCR host fed.
 */
let drawing = false
const drawWaiters: (() => void)[] = []
async function drawPermit(): Promise<() => void> {
  if (drawing) await new Promise<void>((r) => drawWaiters.push(r))
  drawing = true
  return () => {
    const next = drawWaiters.shift()
    if (next) next()
    else drawing = false
  }
}

/** The decompression-bomb check's own time allowance, at least (its work is bounded, its speed is the machine's). */
const MIN_CHECK_SECONDS = 60

export interface OpenedPdf {
  pageCount: number
  /** Text layer of each page (index 0 = page 1). */
  pageTexts: string[]
  /** Pages that could not be read (damaged in the file), with why in plain words; they come out blank. */
  badPages: Map<number, string>
  /** Each page's size in points, as drawn (its rotation applied). */
  pageSizes: [number, number][]
  /** Images on each page that may carry text the text layer lacks, as page fractions (y down). Empty unless asked for. */
  imageRegions: Rect[][]
  /** Render one page (1-based) to PNG at the given dpi (lower for pages too large for the pixel budget). */
  renderPage(page: number, dpi: number): Promise<Buffer>
  /**
   * The page's picture for OCR: a page that is nothing but one scanned JPEG comes as that JPEG
   * with the size the drawn page would have had (the reader draws nothing); any other page drawn.
   */
  pageForReading(page: number, dpi: number): Promise<{ png: Buffer } | { jpeg: Buffer; width: number; height: number }>
  close(): Promise<void>
}

/**
 * A PDF cut off while copying has no %%EOF at all. Junk after the last %%EOF (scanners pad files) is
 * harmless, so the whole file is searched, not its tail; anything else is judged by whether it parses.
 */
export function looksTruncated(data: Buffer): boolean {
  return data.lastIndexOf('%%EOF', undefined, 'latin1') < 0
}

/** True when %PDF- appears within the first KB (a few stray bytes before the header are tolerated). */
export function hasPdfHeader(data: Buffer): boolean {
  return data.subarray(0, 1024).includes('%PDF-', 0, 'latin1')
}

/**
 * Opens a PDF in a reader. `readText` (default true) reads every page's text layer;
 * `findImages` also looks for images on the pages (for reading pasted scans); a PDF
 * opened only to draw its pages for the viewer asks for neither.
 */
export async function openPdf(
  data: Buffer,
  opts: { maxPixels: number; readText?: boolean; findImages?: boolean; minTextLayerChars?: number },
): Promise<OpenedPdf> {
  if (looksTruncated(data)) {
    throw new ChartclerkError(
      'PDF_CORRUPT',
      'This PDF is incomplete: it was cut off while being scanned, sent or copied. Ask the sender to send it again, or rescan the paper, and drop the new file in the inbox.',
      { detail: 'no %%EOF in file' },
    )
  }
  const budget = readBudget()
  const reader = await leaseReader('pdf')
  let opened: {
    pageCount: number
    pageTexts: string[]
    badPages: { page: number; why: string }[]
    pageSizes: [number, number][]
    imageRegions: Rect[][]
  }
  try {
    opened = await reader.call(
      {
        op: 'pdf-open',
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        maxPixels: opts.maxPixels,
        renderMaxPixels: Math.min(opts.maxPixels, budget.renderMaxPixels),
        maxPages: budget.maxPages,
        inflateCapMb: budget.memoryMb,
        readText: opts.readText ?? true,
        findImages: !!opts.findImages,
        minTextLayerChars: opts.minTextLayerChars ?? 1,
      },
      budget.openSeconds * 1000,
      { checkMs: Math.max(budget.openSeconds, MIN_CHECK_SECONDS) * 1000 },
    )
  } catch (err) {
    await finish(reader)
    throw err
  }
  const badPages = new Map(opened.badPages.map((b) => [b.page, b.why]))
  return {
    pageCount: opened.pageCount,
    pageTexts: opened.pageTexts,
    badPages,
    pageSizes: opened.pageSizes,
    imageRegions: opened.imageRegions,
    async renderPage(page: number, dpi: number): Promise<Buffer> {
      return ((await draw(page, dpi, false)) as { png: Buffer }).png
    },
    pageForReading: (page: number, dpi: number) => draw(page, dpi, true),
    close: () => finish(reader),
  }

  async function draw(
    page: number,
    dpi: number,
    direct: boolean,
  ): Promise<{ png: Buffer } | { jpeg: Buffer; width: number; height: number }> {
    if (badPages.has(page)) return { png: await blankPage(dpi) }
    const done = await drawPermit()
    try {
      const r = await reader.call<{ png: Uint8Array } | { jpeg: Uint8Array; width: number; height: number }>(
        { op: 'pdf-render', page, dpi, direct },
        budget.pageSeconds * 1000,
      )
      const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)
      return 'jpeg' in r ? { jpeg: buf(r.jpeg), width: r.width, height: r.height } : { png: buf(r.png) }
    } catch (err) {
      // A reader killed for memory or time fails the file; a page pdfjs cannot draw is read as blank.
      if (!reader.alive || !(err instanceof ChartclerkError) || err.code !== 'PDF_CORRUPT') throw err
      badPages.set(page, `its picture could not be drawn from the file (${err.message.replace(/^([A-Za-z_]+: )+/, '').slice(0, 80)})`)
      return { png: await blankPage(dpi) }
    } finally {
      done()
    }
  }
}

async function finish(reader: Reader): Promise<void> {
  if (reader.alive) await reader.call({ op: 'close' }, 10_000).catch(() => {})
  releaseReader(reader)
}

/** A white letter page: what an unreadable page shows, so the others keep their place. */
function blankPage(dpi: number): Promise<Buffer> {
  const width = Math.round(8.5 * dpi)
  const height = Math.round(11 * dpi)
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer()
}
