/**
 * Filing through the real pipeline: made-up outside records with known answers,
 * scanned in the styles records really arrive in (fax, faded, copier, dark,
 * skewed, with and without a title, multi-page with a page missing), read by
 * real OCR, classified, matched against the sample patient index and filed or
 * sent to review. The one figure that must be exact: nothing filed to the wrong chart.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import {
  makeRecordSpec,
  multiPageTiff,
  PATIENTS,
  patientsCsv,
  Rng,
  scannedPdf,
  scanRecord,
  toJpeg,
  toPng,
  type DocType,
  type Layout,
  type RecordSpec,
  type ScanStyle,
} from '../../../samples/lib/records.js'
import { makeWorkspace, type Workspace } from '../../helpers/workspace.js'

interface Case {
  name: string
  docType: DocType
  /** Index patient, or an outsider who is not in our index. */
  mrn: string | null
  patient?: RecordSpec['patient']
  layout: Layout
  style: ScanStyle
  skew: number | number[]
  format: 'png' | 'jpg' | 'pdf' | 'tiff'
  withOurMrn?: boolean
  overrides?: Partial<RecordSpec>
  /** Drop these pages (1-based) after scanning. */
  dropPages?: number[]
  /** Two good identifiers of a patient in the index who is alive: should file without review. */
  filable: boolean
}

const P = (mrn: string) => PATIENTS.find((p) => p.mrn === mrn)!

const CASES: Case[] = [
  {
    name: 'lab-grid-our-mrn',
    docType: 'lab_report',
    mrn: 'CC-101388',
    layout: 'grid',
    style: 'clean',
    skew: 0.8,
    format: 'pdf',
    withOurMrn: true,
    filable: true,
  },
  {
    name: 'radiology-copier-skewed',
    docType: 'radiology_report',
    mrn: 'CC-102596',
    layout: 'labelled',
    style: 'copier',
    skew: -1.5,
    format: 'pdf',
    filable: true,
  },
  {
    name: 'discharge-faded-3-pages',
    docType: 'discharge_summary',
    mrn: 'CC-100777',
    layout: 'addressograph',
    style: 'faded',
    skew: [1, -1, 1.5],
    format: 'tiff',
    overrides: { pageCount: 3 },
    filable: true,
  },
  {
    name: 'discharge-page-2-missing',
    docType: 'discharge_summary',
    mrn: 'CC-103014',
    layout: 'addressograph',
    style: 'copier',
    skew: [0.5, 0, -1],
    format: 'tiff',
    overrides: { pageCount: 3 },
    dropPages: [2],
    filable: true,
  },
  {
    name: 'consult-fax-untitled',
    docType: 'consult_note',
    mrn: 'CC-102388',
    layout: 'labelled',
    style: 'fax',
    skew: 0.6,
    format: 'jpg',
    overrides: { title: null },
    filable: true,
  },
  {
    name: 'progress-unsigned',
    docType: 'progress_note',
    mrn: 'CC-101127',
    layout: 'labelled',
    style: 'clean',
    skew: 0,
    format: 'png',
    overrides: { signed: false, signatureNote: 'Dictated but not read' },
    filable: true,
  },
  {
    name: 'twin-isabella',
    docType: 'consult_note',
    mrn: 'CC-102211',
    layout: 'labelled',
    style: 'clean',
    skew: -0.7,
    format: 'png',
    filable: true,
  },
  {
    name: 'immunization-dark-our-mrn',
    docType: 'immunization_record',
    mrn: 'CC-100562',
    layout: 'labelled',
    style: 'dark',
    skew: 1.2,
    format: 'pdf',
    withOurMrn: true,
    filable: true,
  },
  {
    name: 'deceased-patient',
    docType: 'radiology_report',
    mrn: 'CC-100931',
    layout: 'labelled',
    style: 'clean',
    skew: 0,
    format: 'png',
    overrides: { dates: { exam: '2024-11-02', report: '2024-11-02' } },
    filable: false,
  },
  {
    name: 'outsider-namesake',
    docType: 'lab_report',
    mrn: null,
    layout: 'grid',
    style: 'copier',
    skew: 0.5,
    format: 'pdf',
    filable: false,
    patient: { familyName: 'JOHNSON', givenName: 'MICHAEL', birthDate: '1988-03-03', facilityAccount: 'A25-7741023' },
  },
]

let ws: Workspace
let app: App
let scans = ''
const results = new Map<string, IngestResult>()

async function writeScan(dir: string, c: Case): Promise<string> {
  const rng = new Rng(`filing-${c.name}`)
  const patient = c.mrn ? P(c.mrn) : undefined
  let spec = makeRecordSpec(rng, {
    docType: c.docType,
    patient: patient as any,
    layout: c.layout,
    withOurMrn: c.withOurMrn ?? false,
    overrides: c.overrides,
  })
  if (c.patient) spec = { ...spec, patient: c.patient }
  let pages = await scanRecord(spec, { style: c.style, dpi: c.style === 'fax' ? 200 : 300, skewDegrees: c.skew, seed: c.name })
  if (c.dropPages) pages = pages.filter((_, i) => !c.dropPages!.includes(i + 1))
  const file = path.join(dir, `${c.name}.${c.format}`)
  const dpi = c.style === 'fax' ? 200 : 300
  if (c.format === 'png') await writeFile(file, await toPng(pages[0]!, dpi))
  else if (c.format === 'jpg') await writeFile(file, await toJpeg(pages[0]!, dpi))
  else if (c.format === 'tiff') await writeFile(file, await multiPageTiff(pages, dpi))
  else await writeFile(file, await scannedPdf(pages, dpi))
  return file
}

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_OCR_WORKERS: '2', CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  app = await openApp(ws.config(), { log: silentLogger() })
  const index = importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' })
  expect(index.errors).toEqual([])
  await app.catalog.patients.upsert(index.patients)
  const dir = (scans = await mkdtemp(path.join(os.tmpdir(), 'cc-filing-')))
  const files: string[] = []
  for (const c of CASES) files.push(await writeScan(dir, c))
  for (const r of await app.runner.ingestFiles(files)) results.set(path.basename(r.file).replace(/\.\w+$/, ''), r)
}, 600_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
  if (scans) await rm(scans, { recursive: true, force: true })
})

describe('filing scanned outside records', () => {
  it('never files a document into the wrong chart', () => {
    const wrong = CASES.filter((c) => {
      const r = results.get(c.name)!
      return r.status === 'filed' && r.patient?.mrn !== c.mrn
    })
    expect(wrong.map((c) => c.name)).toEqual([])
  })

  it('files most documents that carry two good identifiers, and none of the look-alikes', () => {
    const filable = CASES.filter((c) => c.filable)
    const filed = filable.filter((c) => results.get(c.name)!.status === 'filed')
    const notFilable = CASES.filter((c) => !c.filable)
    console.log(
      `filing: ${filed.length}/${filable.length} two-identifier scans filed without review; review share ${Math.round(((CASES.length - filed.length) / CASES.length) * 100)}%; ` +
        `types right ${CASES.filter((c) => results.get(c.name)!.documentType === c.docType).length}/${CASES.length}`,
    )
    for (const c of filable.filter((x) => !filed.includes(x)))
      console.log(
        `review: ${c.name}: ${results.get(c.name)!.documentType} ${results.get(c.name)!.typeConfidence} ${results.get(c.name)!.reviewReasons.join(' | ')}`,
      )
    expect(filed.length / filable.length).toBeGreaterThanOrEqual(0.75)
    for (const c of notFilable) expect(results.get(c.name)!.status, c.name).toBe('needs_review')
  })

  it('the deceased patient and the outsider wait in review with their reasons', () => {
    expect(results.get('deceased-patient')!.reviewReasons.join(' ')).toMatch(/deceased|Patient not certain/i)
    expect(results.get('outsider-namesake')!.reviewReasons.join(' ')).toMatch(/Patient not certain/)
  })

  it('recognises the document type of the scans', () => {
    const right = CASES.filter((c) => results.get(c.name)!.documentType === c.docType)
    expect(right.length / CASES.length).toBeGreaterThanOrEqual(0.8)
    for (const c of CASES) {
      const r = results.get(c.name)!
      if (r.status === 'filed') expect(r.documentType, c.name).toBe(c.docType)
    }
  })

  it('reads signatures and page markers: an unsigned note, a three-page summary missing page 2', () => {
    expect(results.get('progress-unsigned')!.signed).toBe(false)
    expect(results.get('discharge-faded-3-pages')!.signed).toBe(true)
    expect(results.get('discharge-faded-3-pages')!.missingPages).toEqual([])
    const missing = results.get('discharge-page-2-missing')!
    expect(missing.pages).toBe(2)
    expect(missing.pagesDeclared).toBe(3)
    expect(missing.missingPages).toEqual([2])
  })

  it('a filed document has its date of service and fields', () => {
    const lab = results.get('lab-grid-our-mrn')!
    expect(lab.dateOfService).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(lab.fields).toBeTruthy()
  })

  it('GIVEN a document in review WHEN a clerk settles it THEN it is filed, kept as training data, and the chart is checked', async () => {
    const { settleDocument } = await import('../../../src/review/settle.js')
    const r = results.get('outsider-namesake')!
    await expect(settleDocument(app, r.documentId!, { mrn: 'CC-999999', docType: 'lab_report', by: 'clerk a' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(settleDocument(app, r.documentId!, { mrn: 'CC-100418', docType: 'no_such_type', by: 'clerk a' })).rejects.toMatchObject({
      code: 'USAGE',
    })
    await settleDocument(app, r.documentId!, { mrn: 'CC-100418', docType: 'lab_report', by: 'clerk a', note: 'called the lab: DOB typo' })
    const doc = (await app.catalog.documents.get(r.documentId!))!
    expect(doc).toMatchObject({ status: 'filed', patientMrn: 'CC-100418', docType: 'lab_report' })
    expect(await app.catalog.settlements.forDocument(r.documentId!)).toEqual([
      expect.objectContaining({ settledBy: 'clerk a', docType: 'lab_report', patientMrn: 'CC-100418' }),
    ])
    expect((await app.catalog.events.forDocument(r.documentId!)).map((e) => e.kind)).toContain('document.settled')
    expect((await app.catalog.settlements.trainingExamples()).map((e) => e.type)).toContain('lab_report')
    const { DeficienciesRepo } = await import('../../../src/deficiencies/repo.js')
    expect((await new DeficienciesRepo(app.sql).list({ chartMrn: 'CC-100418' })).length).toBeGreaterThan(0)
  })
})
