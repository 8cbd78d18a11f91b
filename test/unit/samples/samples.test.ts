/**
 * The committed sample outside records have the properties samples/README.md and
 * samples/expected.json claim: text layer or not, page counts, pixel sizes, resolution,
 * one grey channel, file sizes, and an index that holds every sample's patient.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib'
import { PDFParse } from 'pdf-parse'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const SAMPLES = path.join(ROOT, 'samples')
const SAMPLE_SCANS = path.join(SAMPLES, 'inbox')

interface Expected {
  healthCenter: { name: string }
  lookAlikes: Array<{ kind: string; mrns: string[] }>
  samples: Record<
    string,
    {
      docType: string
      patientMrn: string
      patient: { familyName: string; givenName: string; birthDate: string }
      identifiersOnDocument: {
        printedName: string
        birthDate: string
        ourMrn: string | null
        senderMrn: string | null
        senderAccount: string | null
      }
      mustNotMatch: string[]
      dateOfService: string
      signed: { present: boolean; by?: string; date?: string }
      pages: number
      mediaType: string
      textLayer: boolean
      image: { width: number; height: number; dpi: number } | null
    }
  >
}

interface IndexRow {
  mrn: string
  family_name: string
  given_name: string
  birth_date: string
  sex: string
  primary_provider: string
  deceased_date: string
}

const expected = JSON.parse(await readFile(path.join(SAMPLES, 'expected.json'), 'utf8')) as Expected
const index = parse(await readFile(path.join(SAMPLES, 'patients.csv')), { columns: true, skip_empty_lines: true }) as IndexRow[]

/** pdf-parse marks page boundaries with "-- n of N --"; anything else is text-layer text. */
async function pdfText(buf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(buf), verbosity: 0 })
  try {
    const r = await parser.getText()
    return { text: r.text.replace(/-- \d+ of \d+ --/g, '').trim(), pages: r.total }
  } finally {
    await parser.destroy()
  }
}

describe('samples/patients.csv', () => {
  it('has the documented header and ~16 made-up patients with unique CC-nnnnnn MRNs', async () => {
    const first = (await readFile(path.join(SAMPLES, 'patients.csv'), 'utf8')).split('\n')[0]
    expect(first).toBe('mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date')
    expect(index.length).toBeGreaterThanOrEqual(14)
    expect(new Set(index.map((r) => r.mrn)).size).toBe(index.length)
    for (const r of index) {
      expect(r.mrn).toMatch(/^CC-\d{6}$/)
      expect(r.birth_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(r.deceased_date).toMatch(/^(\d{4}-\d{2}-\d{2})?$/)
    }
  })

  it('holds the look-alikes matching tests rely on', () => {
    const byMrn = new Map(index.map((r) => [r.mrn, r]))
    for (const group of expected.lookAlikes) for (const mrn of group.mrns) expect(byMrn.has(mrn), mrn).toBe(true)
    const kinds = expected.lookAlikes.map((g) => g.kind)
    expect(kinds).toEqual(expect.arrayContaining(['same-name-different-birth-date', 'twins', 'sound-alike', 'deceased']))
    const twins = expected.lookAlikes.find((g) => g.kind === 'twins')!.mrns.map((m) => byMrn.get(m)!)
    expect(twins[0]!.birth_date).toBe(twins[1]!.birth_date)
    expect(twins[0]!.family_name).toBe(twins[1]!.family_name)
    const sameName = expected.lookAlikes.find((g) => g.kind === 'same-name-different-birth-date')!.mrns.map((m) => byMrn.get(m)!)
    expect(`${sameName[0]!.family_name},${sameName[0]!.given_name}`).toBe(`${sameName[1]!.family_name},${sameName[1]!.given_name}`)
    expect(sameName[0]!.birth_date).not.toBe(sameName[1]!.birth_date)
    expect(index.filter((r) => r.deceased_date !== '').length).toBeGreaterThanOrEqual(1)
  })
})

describe('samples/expected.json', () => {
  it('lists the five samples, each for a patient of the index with the same name and birth date', async () => {
    expect(Object.keys(expected.samples).sort()).toEqual([
      'consult-note.png',
      'discharge-summary-skewed.tiff',
      'lab-report-text.pdf',
      'radiology-report-scan.pdf',
      'referral-fax.jpg',
    ])
    for (const [file, s] of Object.entries(expected.samples)) {
      const row = index.find((r) => r.mrn === s.patientMrn)
      expect(row, file).toBeDefined()
      expect(row!.family_name).toBe(s.patient.familyName)
      expect(row!.given_name).toBe(s.patient.givenName)
      expect(row!.birth_date).toBe(s.patient.birthDate)
      expect(s.identifiersOnDocument.birthDate).toBe(s.patient.birthDate)
      expect(s.identifiersOnDocument.printedName).toBe(`${s.patient.familyName.toUpperCase()}, ${s.patient.givenName.toUpperCase()}`)
      for (const other of s.mustNotMatch) expect(other).not.toBe(s.patientMrn)
      expect(s.dateOfService).toMatch(/^2025-\d{2}-\d{2}$/)
      const size = (await stat(path.join(SAMPLE_SCANS, file))).size
      expect(size, `${file} size`).toBeLessThan(800 * 1024)
    }
  })
})

describe('lab-report-text.pdf', () => {
  it('has a one-page text layer with the patient, our MRN, units, reference ranges and the signature', async () => {
    const { text, pages } = await pdfText(await readFile(path.join(SAMPLE_SCANS, 'lab-report-text.pdf')))
    expect(pages).toBe(1)
    for (const needle of [
      'JOHNSON, MICHAEL',
      '01/12/1975',
      'CC-100418',
      'A25-0310442',
      'Tri-County Reference Laboratory',
      'mg/dL',
      '70 - 99',
      '03/10/2025 08:42',
      'Electronically signed by',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(needle)
    }
  })
})

describe('radiology-report-scan.pdf', () => {
  it('is one letter-size page with one 2550x3300 greyscale image and no text layer', async () => {
    const buf = await readFile(path.join(SAMPLE_SCANS, 'radiology-report-scan.pdf'))
    const { text, pages } = await pdfText(buf)
    expect(pages).toBe(1)
    expect(text).toBe('')
    const pdf = await PDFDocument.load(buf)
    expect(pdf.getPageCount()).toBe(1)
    const { width, height } = pdf.getPage(0).getSize()
    expect(Math.round(width)).toBe(612)
    expect(Math.round(height)).toBe(792)
    const images = pdf.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter((obj): obj is PDFRawStream => obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    expect(images).toHaveLength(1)
    const dict = images[0]!.dict
    expect((dict.get(PDFName.of('Width')) as PDFNumber).asNumber()).toBe(2550)
    expect((dict.get(PDFName.of('Height')) as PDFNumber).asNumber()).toBe(3300)
    expect(dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceGray'))
  })
})

describe('discharge-summary-skewed.tiff', () => {
  it('is a 3-page 1700x2200 200 dpi one-channel TIFF whose pages all decode', async () => {
    const buf = await readFile(path.join(SAMPLE_SCANS, 'discharge-summary-skewed.tiff'))
    const meta = await sharp(buf).metadata()
    expect(meta.format).toBe('tiff')
    expect(meta.pages).toBe(3)
    expect(meta.pages).toBe(expected.samples['discharge-summary-skewed.tiff']!.pages)
    for (let page = 0; page < 3; page++) {
      const m = await sharp(buf, { page }).metadata()
      expect([m.width, m.height, m.channels, m.density]).toEqual([1700, 2200, 1, 200])
      const { info } = await sharp(buf, { page }).raw().toBuffer({ resolveWithObject: true })
      expect(info.width).toBe(1700)
    }
  })
})

describe('single-image samples', () => {
  it.each([
    ['consult-note.png', 'png'],
    ['referral-fax.jpg', 'jpeg'],
  ])('%s is a one-page %s, one grey channel, at the size and resolution expected.json gives', async (file, format) => {
    const buf = await readFile(path.join(SAMPLE_SCANS, file))
    const meta = await sharp(buf).metadata()
    const img = expected.samples[file]!.image!
    expect(meta.format).toBe(format)
    expect(meta.pages ?? 1).toBe(1)
    expect([meta.width, meta.height, meta.density, meta.channels]).toEqual([img.width, img.height, img.dpi, 1])
  })
})
