/**
 * A PDF page that is nothing but one scanned image is read from that image as stored (its JPEG),
 * not drawn on a canvas first; any other page is drawn. Real pdf.js in a real reader process,
 * real tesseract.js in a host process, for the reading; the page test is pure.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { scannedPdf } from '../../../samples/lib/scan.js'
import { extractDocument } from '../../../src/extract/extractText.js'
import { HostedOcr } from '../../../src/extract/ocr/hosted.js'
import { openPdf } from '../../../src/extract/pdf.js'
import { readPage } from '../../../src/extract/readPage.js'
import { drawnSize, isPlainJpeg, soleScanImage, type EmbeddedImageDict } from '../../../src/extract/scanImage.js'
import type { PageText } from '../../../src/model/types.js'
import { CONSULT_LINES, textPage } from '../../helpers/pages.js'

const OPS = {
  dependency: 1,
  save: 10,
  restore: 11,
  transform: 12,
  paintImageXObject: 85,
  beginMarkedContent: 69,
  beginMarkedContentProps: 70,
  endMarkedContent: 71,
}
const LETTER = { x0: 0, y0: 0, x1: 612, y1: 792 }
const IMG = ['img_p0_1', 2550, 3300]

describe('soleScanImage', () => {
  it('finds the one image a scanner page paints over the whole page', () => {
    const r = soleScanImage([1, 10, 12, 12, 85, 11], [null, null, [1, 0, 0, 1, 0, 0], [612, 0, 0, 792, 0, 0], IMG, null], OPS, LETTER)
    expect(r.image).toEqual({ objId: 'img_p0_1', width: 2550, height: 3300 })
  })

  it('leaves to drawing: a second image, text or vector drawing, a turned, mirrored or partial image', () => {
    const cover = [612, 0, 0, 792, 0, 0]
    expect(soleScanImage([10, 12, 85, 85, 11], [null, cover, IMG, IMG, null], OPS, LETTER).image).toBeNull()
    // 44 = a text operator, 91 = a path: anything but the image is drawn.
    expect(soleScanImage([10, 12, 85, 11, 44], [null, cover, IMG, null, ['x']], OPS, LETTER).image).toBeNull()
    expect(soleScanImage([91, 10, 12, 85, 11], [[], null, cover, IMG, null], OPS, LETTER).image).toBeNull()
    expect(soleScanImage([10, 12, 85, 11], [null, [0, 792, -612, 0, 612, 0], IMG, null], OPS, LETTER).image).toBeNull()
    expect(soleScanImage([10, 12, 85, 11], [null, [612, 0, 0, -792, 0, 792], IMG, null], OPS, LETTER).image).toBeNull()
    expect(soleScanImage([10, 12, 85, 11], [null, [500, 0, 0, 700, 50, 50], IMG, null], OPS, LETTER).image).toBeNull()
    expect(soleScanImage([10, 12, 11], [null, cover, null], OPS, LETTER).image).toBeNull()
  })

  it('takes only a JPEG the decoder reads to the picture pdf.js draws', () => {
    const plain: EmbeddedImageDict = {
      filter: ['DCTDecode'],
      width: 2550,
      height: 3300,
      bitsPerComponent: 8,
      colorSpace: 'DeviceGray',
      hasMask: false,
      hasDecode: false,
      imageMask: false,
    }
    expect(isPlainJpeg(plain, 2550, 3300)).toBe(true)
    expect(isPlainJpeg({ ...plain, colorSpace: 'ICC3' }, 2550, 3300)).toBe(true)
    expect(isPlainJpeg({ ...plain, filter: ['FlateDecode'] }, 2550, 3300)).toBe(false)
    expect(isPlainJpeg({ ...plain, filter: ['FlateDecode', 'DCTDecode'] }, 2550, 3300)).toBe(false)
    expect(isPlainJpeg({ ...plain, colorSpace: 'DeviceCMYK' }, 2550, 3300)).toBe(false)
    expect(isPlainJpeg({ ...plain, hasDecode: true }, 2550, 3300)).toBe(false)
    expect(isPlainJpeg({ ...plain, hasMask: true }, 2550, 3300)).toBe(false)
    expect(isPlainJpeg(plain, 1275, 1650)).toBe(false)
  })

  it('reads the image at the size the page is drawn at, within the pixel budget', () => {
    expect(drawnSize(612, 792, 300, 16_000_000)).toEqual({ width: 2550, height: 3300 })
    const poster = drawnSize(2448, 3168, 300, 16_000_000)
    expect(poster.width * poster.height).toBeLessThanOrEqual(16_000_000)
  })
})

const words = (t: string) =>
  t
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 1)

/** Words of `b` also in `a` (as a bag), as a share of `a`'s. */
function shared(a: string[], b: string[]): number {
  const bag = new Map<string, number>()
  for (const w of a) bag.set(w, (bag.get(w) ?? 0) + 1)
  let n = 0
  for (const w of b) {
    const k = bag.get(w) ?? 0
    if (k > 0) {
      n++
      bag.set(w, k - 1)
    }
  }
  return n / Math.max(1, a.length)
}

describe('reading a scanned PDF page from its stored image', { timeout: 300_000 }, () => {
  let dir = ''
  const engine = new HostedOcr({ engine: 'tesseract.js', workers: 1 })
  afterAll(async () => {
    await engine.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })
  const opts = { deskew: true, renderDpi: 300, maxPixels: 1e8, minTextLayerChars: 20 }
  const extract = async (file: string): Promise<PageText[]> => {
    const pages: PageText[] = []
    await extractDocument(file, 'pdf', engine, opts, async (p) => void pages.push(p.text))
    return pages
  }

  it('a one-image scanned page goes to OCR as its JPEG, says so, and reads the words the drawn page reads', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cc-stored-scan-'))
    const png = await textPage(CONSULT_LINES, { skew: 1 })
    const data = await scannedPdf([png], 300, { imageFormat: 'jpeg' })
    const file = path.join(dir, 'scan.pdf')
    await writeFile(file, data)

    const [page] = await extract(file)
    expect(page!.pageImage).toBe('embedded')
    expect(page!.text).toContain('CONSULTATION NOTE')

    // The same page drawn, as before: the same words.
    const pdf = await openPdf(data, { maxPixels: 1e8 })
    const drawn = await readPage({ png: await pdf.renderPage(1, 300) }, engine, { deskew: true, maxPixels: 1e8, pageMaxPixels: 16_000_000 })
    await pdf.close()
    expect([page!.width, page!.height]).toEqual([drawn.width, drawn.height])
    // Decoded by pdf.js's own JPEG decoder at the size drawn: the very pixels, so the very words.
    expect(page!.text).toBe(drawn.result.text.trim())
    expect(page!.ocrConfidence).toBe(drawn.result.confidence)
    const before = words(drawn.result.text)
    expect(before.length).toBeGreaterThan(20)
    expect(shared(before, words(page!.text))).toBe(1)
  })

  it('a page with text beside its image, or its image stored losslessly, is drawn', async () => {
    const png = await textPage(CONSULT_LINES, { skew: 1 })
    // The scan with a short line of real text over it (a fax header the gateway typed), too short for a text layer.
    const doc = await PDFDocument.load(await scannedPdf([png], 300, { imageFormat: 'jpeg' }))
    doc.getPage(0).drawText('Fax p1', { x: 20, y: 770, size: 9, font: await doc.embedFont(StandardFonts.Helvetica) })
    const withText = path.join(dir, 'scan-and-text.pdf')
    await writeFile(withText, await doc.save())
    const flate = path.join(dir, 'scan-flate.pdf')
    await writeFile(flate, await scannedPdf([png], 300, { imageFormat: 'png' }))

    for (const file of [withText, flate]) {
      const [page] = await extract(file)
      expect(page!.source).toBe('ocr')
      expect(page!.pageImage).toBe('drawn')
      expect(page!.text).toContain('CONSULTATION NOTE')
    }
  })
})
