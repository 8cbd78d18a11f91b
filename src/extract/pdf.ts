/**
 * PDFs through pdf-parse (pdfjs-dist): the text layer page by page, and page
 * renders for pages that have no text layer (scans). Encrypted, damaged and
 * empty PDFs become clear errors here, before anything is stored.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { PDFParse } from 'pdf-parse'
import { ChartclerkError } from '../errors.js'

const require = createRequire(import.meta.url)

function standardFontDataUrl(): string | undefined {
  try {
    const dir = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')
    return pathToFileURL(dir + path.sep).href
  } catch {
    return undefined
  }
}
const FONT_URL = standardFontDataUrl()

export interface OpenedPdf {
  pageCount: number
  /** Text layer of each page (index 0 = page 1). */
  pageTexts: string[]
  /** Render one page (1-based) to PNG at the given dpi. */
  renderPage(page: number, dpi: number): Promise<Buffer>
  close(): Promise<void>
}

/** A PDF always ends with %%EOF (perhaps followed by a little whitespace or padding); one that does not was cut off. */
export function looksTruncated(data: Buffer): boolean {
  const tail = data.subarray(Math.max(0, data.length - 2048)).toString('latin1')
  return !tail.includes('%%EOF')
}

export async function openPdf(data: Buffer, opts: { maxPixels: number }): Promise<OpenedPdf> {
  if (looksTruncated(data)) {
    throw new ChartclerkError('PDF_CORRUPT', 'This PDF is incomplete: it was cut off while being scanned, sent or copied. Ask the sender to send it again, or rescan the paper, and drop the new file in the inbox.', { detail: 'no %%EOF at end' })
  }
  const parser = new PDFParse({
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    verbosity: 0,
    standardFontDataUrl: FONT_URL,
    stopAtErrors: false,
    // pdfjs refuses to allocate canvases beyond this: no render can exhaust memory.
    canvasMaxAreaInBytes: opts.maxPixels * 4,
    maxImageSize: opts.maxPixels,
  })
  let text
  try {
    text = await parser.getText({ pageJoiner: '', lineEnforce: true })
  } catch (err) {
    await parser.destroy().catch(() => {})
    throw pdfError(err)
  }
  if (!text.total || text.total < 1) {
    await parser.destroy().catch(() => {})
    throw new ChartclerkError('PDF_NO_PAGES', 'This PDF has no pages. Ask the sender to send the document again and drop the new file in the inbox.', { detail: '0 pages' })
  }
  const pageTexts: string[] = Array.from({ length: text.total }, (_, i) => text.pages.find((p) => p.num === i + 1)?.text ?? '')
  return {
    pageCount: text.total,
    pageTexts,
    async renderPage(page: number, dpi: number): Promise<Buffer> {
      try {
        const shot = await parser.getScreenshot({ partial: [page], scale: dpi / 72, imageDataUrl: false, imageBuffer: true })
        const first = shot.pages[0]
        if (!first?.data?.length) throw new Error('empty render')
        return Buffer.from(first.data)
      } catch (err) {
        throw pdfError(err)
      }
    },
    close: () => parser.destroy().catch(() => {}),
  }
}

function pdfError(err: unknown): ChartclerkError {
  const name = (err as Error)?.name ?? ''
  const msg = (err as Error)?.message ?? String(err)
  if (name === 'PasswordException' || /password/i.test(msg)) {
    return new ChartclerkError('PDF_ENCRYPTED', 'This PDF is password-protected. Ask the sender for an unlocked copy (or print it to a new PDF) and drop it in the inbox again.', { cause: err, detail: 'password' })
  }
  return new ChartclerkError('PDF_CORRUPT', 'This PDF is damaged or incomplete (perhaps cut off while copying). Ask the sender to send it again, or rescan the paper, and drop the new file in the inbox.', {
    cause: err,
    detail: `${name}: ${msg}`.slice(0, 200),
  })
}
