/**
 * `chartclerk separator`: the sheet a clerk prints is a valid one-page Letter PDF, and the
 * phrase on it is read back by chartclerk's own page drawing and OCR, also after a
 * standard-resolution fax (1-bit, 204 x 98 dpi) and with the sheet fed upside down.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readScannedPage } from '../../../src/extract/extractText.js'
import { decodePage, type GreyPage } from '../../../src/extract/images.js'
import { createOcrEngine } from '../../../src/extract/ocr/engine.js'
import { openPdf } from '../../../src/extract/pdf.js'
import { closeSandbox } from '../../../src/extract/sandbox/pool.js'
import { SEPARATOR_CODE, SEPARATOR_PHRASE } from '../../../src/split/separatorSheet.js'
import { makeWorkspace, runCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
const engine = createOcrEngine({ engine: 'tesseract.js', workers: 1 })
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(async () => {
  await engine.close()
  await closeSandbox()
  await ws?.cleanup()
})

/** What OCR read, in capitals with runs of space made one, so the phrase is found across line breaks. */
const flat = (text: string) => text.toUpperCase().replace(/\s+/g, ' ')

async function ocr(grey: GreyPage): Promise<string> {
  return flat((await readScannedPage(grey, engine, { deskew: true })).result.text)
}

/** A standard-resolution fax: 204 x 98 dpi, 1 bit, rows doubled again as the receiving machine prints them. */
async function faxed(render204: Buffer): Promise<GreyPage> {
  const { width: w, height: h } = await sharp(render204).metadata()
  const hh = Math.round(h! * (98 / 204))
  const half = await sharp(render204)
    .greyscale()
    .resize({ width: w!, height: hh, fit: 'fill', kernel: 'linear' })
    .threshold(150)
    .extractChannel(0)
    .raw()
    .toBuffer()
  const out = Buffer.alloc(w! * hh * 2)
  for (let y = 0; y < hh; y++) {
    half.copy(out, 2 * y * w!, y * w!, (y + 1) * w!)
    half.copy(out, (2 * y + 1) * w!, y * w!, (y + 1) * w!)
  }
  return { data: out, width: w!, height: hh * 2 }
}

describe('chartclerk separator', () => {
  it('writes a one-page Letter PDF whose phrase and code OCR reads, clean, faxed, and fed upside down', async () => {
    const out = path.join(ws.dir, 'sheet.pdf')
    const r = await runCli(ws, ['separator', '--out', out])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Separator sheet written to .*sheet\.pdf \(1 page\)/)
    const bytes = await readFile(out)
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 })

    const pdf = await openPdf(bytes, { maxPixels: 1e8 })
    try {
      expect(pdf.pageCount).toBe(1)
      const clean = await ocr(await decodePage(await pdf.renderPage(1, 300), 'render', 1, { maxPixels: 1e8 }))
      expect(clean).toContain(SEPARATOR_PHRASE)
      expect(clean).toContain(SEPARATOR_CODE)
      expect(clean).toMatch(/DO NOT FILE/)

      const fax = await faxed(await pdf.renderPage(1, 204))
      expect(await ocr(fax)).toContain(SEPARATOR_PHRASE)

      // Fed the wrong way round: the copy is the sheet turned half a turn.
      const turned = await sharp(fax.data, { raw: { width: fax.width, height: fax.height, channels: 1 } })
        .rotate(180)
        .extractChannel(0)
        .raw()
        .toBuffer({ resolveWithObject: true })
      expect(await ocr({ data: turned.data, width: turned.info.width, height: turned.info.height })).toContain(SEPARATOR_PHRASE)
    } finally {
      await pdf.close()
    }
  }, 120_000)

  it('--count writes that many sheets; a bad count is a usage error that says what to give', async () => {
    const out = path.join(ws.dir, 'three.pdf')
    const r = await runCli(ws, ['--json', 'separator', '--out', out, '--count', '3'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, pages: 3, phrase: SEPARATOR_PHRASE })
    expect((await PDFDocument.load(await readFile(out))).getPageCount()).toBe(3)
    const bad = await runCli(ws, ['separator', '--out', out, '--count', '0'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--count is a whole number from 1 to 500/)
    const nowhere = await runCli(ws, ['separator', '--out', path.join(ws.dir, 'no-such-folder', 'x.pdf')])
    expect(nowhere.code).toBe(2)
    expect(nowhere.stderr).toMatch(/cannot be written to .*ENOENT.*--out/)
  })
})
