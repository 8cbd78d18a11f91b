/**
 * The sample generator (samples/lib/records.ts): every type renders in every layout, the
 * same seed gives the same bytes, omissions really leave the element out, and the scan
 * helpers keep the page size and write what they claim.
 */
import { PDFParse } from 'pdf-parse'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  DOC_TYPES,
  Rng,
  makeRecordSpec,
  multiPageTiff,
  renderRecordPdf,
  scanStyle,
  scannedPdf,
  toJpeg,
  type Layout,
  type RecordSpec,
} from '../../../samples/lib/records.js'

async function text(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf), verbosity: 0 })
  try {
    const r = await parser.getText()
    return { text: r.text, pages: r.total }
  } finally {
    await parser.destroy()
  }
}

/** A small white page with one black bar, standing in for a rendered record at 100 dpi. */
async function page(width = 850, height = 1100): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><rect x="100" y="200" width="600" height="40" fill="#000"/></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

describe('renderRecordPdf', () => {
  it('renders all 12 document types, each layout four times, with the patient on the page', async () => {
    expect(DOC_TYPES).toHaveLength(12)
    const layouts: Layout[] = ['labelled', 'grid', 'addressograph']
    for (const [i, docType] of DOC_TYPES.entries()) {
      const layout = layouts[i % 3]!
      const spec = makeRecordSpec(new Rng(`${docType}-${layout}`), { docType, layout })
      const { text: t, pages } = await text(await renderRecordPdf(spec))
      expect(pages, `${docType}/${layout}`).toBeGreaterThanOrEqual(1)
      expect(t, `${docType}/${layout}`).toContain(spec.patient.familyName.toUpperCase())
      expect(t).toContain(`Page 1 of ${pages}`)
    }
  })

  it('GIVEN the same seed THEN the same bytes', async () => {
    const a = await renderRecordPdf(makeRecordSpec(new Rng('same'), { docType: 'discharge_summary' }))
    const b = await renderRecordPdf(makeRecordSpec(new Rng('same'), { docType: 'discharge_summary' }))
    expect(a.equals(b)).toBe(true)
  })

  it('omits reference ranges, the signature and the title when asked', async () => {
    const base = makeRecordSpec(new Rng('omit'), { docType: 'lab_report' })
    const full = (await text(await renderRecordPdf(base))).text
    expect(full).toContain('Reference Range')
    expect(full).toContain('Electronically signed by')
    const incomplete: RecordSpec = { ...base, title: null, signed: false, omit: ['referenceRanges'] }
    const t = (await text(await renderRecordPdf(incomplete))).text
    expect(t).not.toContain('Reference Range')
    expect(t).not.toMatch(/\d+(\.\d+)? - \d+/)
    expect(t).not.toContain('signed')
    expect(t).not.toContain(String(base.title).toUpperCase())
  })

  it('spreads content over pageCount pages, and refuses a pageCount the content cannot meet', async () => {
    const spec = makeRecordSpec(new Rng('pages'), { docType: 'consult_note' })
    const { text: t, pages } = await text(await renderRecordPdf({ ...spec, pageCount: 3 }))
    expect(pages).toBe(3)
    expect(t).toContain('Page 3 of 3')
    await expect(renderRecordPdf({ ...spec, pageCount: 30 })).rejects.toThrow(/pageCount/)
  })

  it('encrypts with a user password', async () => {
    const pdf = await renderRecordPdf(makeRecordSpec(new Rng('enc')), { userPassword: 'test' })
    await expect(text(pdf)).rejects.toMatchObject({ name: 'PasswordException' })
  })
})

describe('scan helpers', () => {
  it('keep the page size in every style but fax, which comes back at 200 dpi, one grey channel', async () => {
    const png = await page()
    for (const style of ['clean', 'copier', 'faded', 'dark'] as const) {
      const m = await sharp(await scanStyle(png, style, { dpi: 100, skewDegrees: 1.5, seed: 1 })).metadata()
      expect([style, m.width, m.height, m.channels, m.density]).toEqual([style, 850, 1100, 1, 100])
    }
    const fax = await scanStyle(png, 'fax', {
      dpi: 100,
      skewDegrees: -1,
      seed: 1,
      fax: { from: '(740) 555-0100', dateTime: '01/02/2025 10:00', page: 1, pageCount: 1 },
    })
    const m = await sharp(fax).metadata()
    expect([m.width, m.height, m.channels, m.density]).toEqual([1700, 2200, 1, 200])
    const { data } = await sharp(fax).raw().toBuffer({ resolveWithObject: true })
    expect(new Set(data).size).toBe(2) // 1-bit: black and white only
  })

  it('GIVEN the same seed THEN the same scan', async () => {
    const png = await page()
    const a = await scanStyle(png, 'copier', { dpi: 100, skewDegrees: 0.8, seed: 'x' })
    const b = await scanStyle(png, 'copier', { dpi: 100, skewDegrees: 0.8, seed: 'x' })
    expect(a.equals(b)).toBe(true)
  })

  it('write multi-page TIFFs, image-only PDFs and JPEGs', async () => {
    const pages = [await page(), await page(), await page()]
    const tiff = await multiPageTiff(pages, 100)
    const m = await sharp(tiff).metadata()
    expect([m.format, m.pages, m.channels, m.density]).toEqual(['tiff', 3, 1, 100])
    const pdf = await scannedPdf(pages.slice(0, 2), 100)
    const t = await text(pdf)
    expect(t.pages).toBe(2)
    expect(t.text.replace(/-- \d+ of \d+ --/g, '').trim()).toBe('')
    const jm = await sharp(await toJpeg(pages[0]!, 100)).metadata()
    expect([jm.format, jm.channels, jm.density]).toEqual(['jpeg', 1, 100])
  })
})
