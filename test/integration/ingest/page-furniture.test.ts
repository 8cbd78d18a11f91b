/**
 * Running footers and fax banners never end up in a field, read through the real pipeline:
 * the committed samples (a three-page OCRed discharge summary with "St. Brigid Hospital Page x of
 * 3 CONFIDENTIAL" footers, a faxed referral with a banner, a lab report with a "Page 1 of 1"
 * footer) and a generated three-page PDF with a footer and a fax banner on every page. The lines
 * stay in the stored page text, and the page count they declare is still read.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { silentLogger } from '../../../src/log.js'
import { makeWorkspace, SAMPLE_SCANS, type Workspace } from '../../helpers/workspace.js'

const SAMPLE_FILES = ['discharge-summary-skewed.tiff', 'referral-fax.jpg', 'lab-report-text.pdf']
const GENERATED = 'faxed-discharge-summary.pdf'
const FURNITURE = /page\s*\d+\s*of\s*\d+|confidential|FROM:|P\.\s*0*\d\/0*\d/i

const PAGES = [
  [
    'ST. BRIGID HOSPITAL',
    'DISCHARGE SUMMARY',
    'Patient: LINDQVIST, MARGARET   DOB: 02/09/1944',
    'Admission Date: 04/02/2025',
    'Discharge Date: 04/07/2025',
    'REASON FOR HOSPITALIZATION:',
    'Community-acquired pneumonia of the right lower lobe.',
    'PROCEDURES:',
    'Chest radiographs on 04/02/2025 and 04/05/2025.',
    'Blood cultures.',
  ],
  [
    'LINDQVIST, MARGARET  DOB: 02/09/1944',
    'CONDITION AT DISCHARGE:',
    'Improved and stable, ambulating with a walker.',
    'DISCHARGE MEDICATIONS:',
    'Amoxicillin-clavulanate 875-125 mg twice daily for 3 days',
    'Metformin 500 mg twice daily with meals',
  ],
  [
    'LINDQVIST, MARGARET  DOB: 02/09/1944',
    'DISPOSITION:',
    'Home with home health services.',
    'FOLLOW-UP:',
    'Primary care within 7 days; repeat chest radiograph in 6 to 8 weeks.',
  ],
]

/** A text-layer PDF: fax banner on top, the page's lines, the hospital's footer at the bottom. */
function generatedPdf(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', autoFirstPage: false })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('error', reject)
    doc.on('end', () => void writeFile(file, Buffer.concat(chunks)).then(() => resolve(), reject))
    PAGES.forEach((lines, i) => {
      // A small margin: the footer at y=730 stays on its page (pdfkit starts a new page past the bottom margin).
      doc.addPage({ margin: 20 })
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(`12/03/2026 10:14 FROM: 555-0142 TO: (740) 555-0141 P. 00${i + 1}/003`, 40, 20)
      doc.fontSize(11)
      lines.forEach((l, j) => doc.text(l, 72, 70 + j * 22))
      doc.fontSize(9).text(`St. Brigid Hospital   Page ${i + 1} of 3   CONFIDENTIAL`, 72, 730)
    })
    doc.end()
  })
}

let ws: Workspace
let app: App
const results = new Map<string, IngestResult>()

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_OCR_WORKERS: '2' })
  const generated = path.join(ws.dir, GENERATED)
  await generatedPdf(generated)
  app = await openApp(ws.config(), { log: silentLogger() })
  for (const r of await app.runner.ingestFiles([...SAMPLE_FILES.map((f) => path.join(SAMPLE_SCANS, f)), generated]))
    results.set(path.basename(r.file), r)
}, 300_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
})

const docOf = async (name: string) => (await app.catalog.documents.get(results.get(name)!.documentId!))!
const fieldsOf = async (name: string) => ((await docOf(name)).details.fields ?? {}) as Record<string, unknown>
const pageText = async (name: string) => (await app.catalog.documents.pages(results.get(name)!.documentId!)).map((p) => p.text).join('\n')

/** Every string in a fields object, with the field it sits in. */
function strings(v: unknown, at = ''): [string, string][] {
  if (typeof v === 'string') return [[at, v]]
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${at}[${i}]`))
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, at ? `${at}.${k}` : k))
  return []
}

describe('page furniture through the pipeline', () => {
  for (const name of [...SAMPLE_FILES, GENERATED]) {
    it(`${name}: no footer or fax banner in any field, and the lines are still in the stored text`, async () => {
      const fields = await fieldsOf(name)
      expect(Object.keys(fields).length, name).toBeGreaterThan(2)
      const leaks = strings(fields).filter(([, s]) => FURNITURE.test(s))
      expect(leaks, name).toEqual([])
      expect(await pageText(name)).toMatch(FURNITURE)
    })
  }

  it('the discharge summary: the procedures list ends with its last procedure; its page count is still read', async () => {
    const f = await fieldsOf('discharge-summary-skewed.tiff')
    expect(f.proceduresAndTreatment).toEqual(['Chest radiographs on 04/02/2025 and 04/05/2025. Blood cultures. No invasive procedures.'])
    expect((await docOf('discharge-summary-skewed.tiff')).details.extraction).toMatchObject({ pagesDeclared: 3, missingPages: [] })
  })

  it('the generated faxed summary: fields read up to the footer, pages declared by the footer', async () => {
    const f = await fieldsOf(GENERATED)
    expect(f.proceduresAndTreatment).toEqual(['Chest radiographs on 04/02/2025 and 04/05/2025.', 'Blood cultures.'])
    expect(f.dischargeMedications).toEqual([
      'Amoxicillin-clavulanate 875-125 mg twice daily for 3 days',
      'Metformin 500 mg twice daily with meals',
    ])
    expect(f.followUpPlan).toBe('Primary care within 7 days; repeat chest radiograph in 6 to 8 weeks.')
    expect((await docOf(GENERATED)).details.extraction).toMatchObject({ pagesDeclared: 3, missingPages: [] })
    expect(await pageText(GENERATED)).toMatch(/FROM: 555-0142/)
  })

  it('the lab report: results as rows, and the record number as the second identifier', async () => {
    const f = await fieldsOf('lab-report-text.pdf')
    expect(f.patientIdentifier).toBe('CC-100418')
    const rows = f.labResults as Array<Record<string, unknown>>
    expect(rows).toHaveLength(18)
    expect(rows.find((r) => r.test === 'Glucose')).toEqual({
      test: 'Glucose',
      value: '131',
      units: 'mg/dL',
      referenceRange: '70 - 99',
      flag: 'H',
    })
    expect(f.tests).toBeUndefined()
  })
})
