/**
 * Printing and rasterizing with other tools than the samples generator (pdfkit + pdf.js):
 * Chromium prints the HTML to PDF (playwright-core driving Debian's chromium, as the browser
 * tests do), Ghostscript turns the PDF into page images, including its real fax devices.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { chromium, type Browser } from 'playwright-core'

const run = promisify(execFile)
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface Printer {
  /** One Letter page of PDF; fails if the HTML spills onto a second page. */
  print(html: string): Promise<Buffer>
  close(): Promise<void>
}

export async function openPrinter(): Promise<Printer> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  return {
    async print(html) {
      const page = await browser.newPage()
      try {
        await page.setContent(html, { waitUntil: 'load' })
        await page.evaluate('document.fonts.ready.then(() => undefined)')
        const pdf = Buffer.from(await page.pdf({ width: '8.5in', height: '11in', printBackground: true, preferCSSPageSize: true }))
        const pages = (await PDFDocument.load(pdf)).getPageCount()
        if (pages !== 1) throw new Error(`unseen page printed on ${pages} pages, not 1: shorten its content`)
        return pdf
      } finally {
        await page.close()
      }
    },
    close: () => browser.close(),
  }
}

/**
 * Ghostscript: `device` (pnggray, png16m, tiffg3, tiffg4, ...) at `res` ("300" or "204x98").
 * Anti-aliased like a scanner's optics for the PNG devices; the fax devices threshold as
 * a fax machine does.
 */
export async function ghostscript(pdf: Buffer, device: string, res: string): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unseen-gs-'))
  try {
    const src = path.join(dir, 'in.pdf')
    const out = path.join(dir, 'out')
    await fs.writeFile(src, pdf)
    const aa = device.startsWith('png') ? ['-dTextAlphaBits=4', '-dGraphicsAlphaBits=4'] : []
    await run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', `-sDEVICE=${device}`, `-r${res}`, ...aa, `-sOutputFile=${out}`, src], {
      maxBuffer: 1 << 24,
    })
    return await fs.readFile(out)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
