/**
 * Stacks where what tells the documents apart is not a "Page 1 of N": two of one type for one
 * patient whose headings carry different accession numbers or dates of service, and a fax
 * banner at the foot of every page counting the whole transmission. Text-layer PDFs through the
 * real pipeline; a single long document with a footer on every page stays whole.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { writeFiles } from '../../helpers/documents.js'
import { consultNote, dischargeSummary, JOHNSON, OKAFOR, stackPdf, type StackDoc } from '../../helpers/stack.js'
import { makeWorkspace, SAMPLES, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let app: App
beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  app = await openApp(ws.config(), { log: silentLogger() })
  app.catalog.patients.upsert(importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: '^CC-\\d{6}$' }).patients)
})
afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
})

const ingest = async (name: string, buf: Buffer) => {
  await writeFiles(ws.dir, { [name]: buf })
  return app.runner.ingestFiles([path.join(ws.dir, name)])
}

/** A one-page lab report laid out as a form: each label on a line, its value on the next. */
function labForm(o: { accession?: string; collected: string; glucose: number; signed?: boolean }): StackDoc {
  return {
    pages: [
      [
        'Northgate Reference Laboratory',
        '400 Quarry Lane, Bangor ME',
        'Patient',
        'JOHNSON, MICHAEL',
        'DOB: 01/12/1975   MRN: CC-100418',
        ...(o.accession ? ['Accession no.', o.accession] : []),
        'Collected',
        o.collected,
        'CHEMISTRY PANEL',
        'Test                 Result     Units     Reference Range',
        `Glucose, fasting     ${o.glucose}        mg/dL     70 - 99`,
        'Creatinine           0.9        mg/dL     0.6 - 1.3',
        'Sodium               139        mmol/L    135 - 145',
        'Potassium            4.1        mmol/L    3.5 - 5.1',
        'Specimen: serum. Method: enzymatic. Fasting specimen as requested by the ordering clinician.',
        ...(o.signed ? ['Electronically signed by Dr. Lena Ortiz, MD on ' + o.collected] : ['Results released by the laboratory.']),
      ],
    ],
  }
}

/** Each page's foot gets the fax server's banner, counting the pages of the whole transmission. */
function faxed(docs: StackDoc[]): StackDoc[] {
  const total = docs.reduce((n, d) => n + d.pages.length, 0)
  let k = 0
  return docs.map((d) => ({
    pages: d.pages.map((p) => [...p, `NOV-23-2025 16:35 FROM: KESTREL VLY HIM\tTO: 5555550199\tP.${++k}/${total}`]),
  }))
}

describe('two documents of one type for one patient, no page numbers', () => {
  it('GIVEN two signed lab reports of one day WHEN only their accession numbers differ THEN they are cut and filed as two', async () => {
    const rs = await ingest(
      'two-labs-accession.pdf',
      await stackPdf([
        labForm({ accession: 'NG-2504-71509', collected: '03/14/2025', glucose: 91, signed: true }),
        labForm({ accession: 'NG-2504-41689', collected: '03/14/2025', glucose: 104, signed: true }),
      ]),
    )
    expect(rs.map((r) => [r.status, r.split, r.patient?.mrn])).toEqual([
      ['filed', { from: 1, to: 1 }, 'CC-100418'],
      ['filed', { from: 2, to: 2 }, 'CC-100418'],
    ])
  })

  it('GIVEN the same two reports unsigned WHEN only the accession number differs THEN the cut is proposed and both wait for a person', async () => {
    const rs = await ingest(
      'two-labs-unsigned.pdf',
      await stackPdf([
        labForm({ accession: 'NG-2504-71509', collected: '03/14/2025', glucose: 91 }),
        labForm({ accession: 'NG-2504-41689', collected: '03/14/2025', glucose: 104 }),
      ]),
    )
    expect(rs.map((r) => [r.status, r.split, r.splitProposed, r.patient])).toEqual([
      ['needs_review', { from: 1, to: 1 }, true, null],
      ['needs_review', { from: 2, to: 2 }, true, null],
    ])
  })

  it('GIVEN two unsigned reports without accession numbers WHEN only the collection date differs THEN the cut is proposed, not made', async () => {
    const rs = await ingest(
      'two-labs-dated.pdf',
      await stackPdf([labForm({ collected: '03/14/2025', glucose: 91 }), labForm({ collected: '04/02/2025', glucose: 104 })]),
    )
    expect(rs.map((r) => [r.status, r.split, r.splitProposed])).toEqual([
      ['needs_review', { from: 1, to: 1 }, true],
      ['needs_review', { from: 2, to: 2 }, true],
    ])
  })

  it('GIVEN a page that repeats the accession number of the page before THEN it is the same report, not cut', async () => {
    const first = labForm({ accession: 'NG-2504-71509', collected: '03/14/2025', glucose: 91 })
    const again = labForm({ accession: 'NG-2504-71509', collected: '03/14/2025', glucose: 91, signed: true })
    const rs = await ingest('one-lab-two-pages.pdf', await stackPdf([{ pages: [first.pages[0]!, again.pages[0]!.slice(2)] }]))
    expect(rs.map((r) => [r.status, r.split])).toEqual([['filed', { from: 1, to: 2 }]])
  })
})

describe('a fax banner at the foot of every page', () => {
  it('GIVEN two consultations for one patient faxed with a transmission count at the foot THEN the count holds no cut down', async () => {
    const rs = await ingest('faxed-consults.pdf', await stackPdf(faxed([consultNote(JOHNSON, 1), consultNote(JOHNSON, 5)])))
    expect(rs.map((r) => [r.status, r.split, r.patient?.mrn])).toEqual([
      ['filed', { from: 1, to: 2 }, 'CC-100418'],
      ['filed', { from: 3, to: 4 }, 'CC-100418'],
    ])
  })
})

describe('a single long document', () => {
  it('GIVEN a discharge summary with a printed footer on every page (print time, page number) THEN it is not split', async () => {
    const d = dischargeSummary(OKAFOR, 7)
    const footed = { pages: d.pages.map((p, i) => [...p, `Mercy General Hospital HIM   Printed 03/01/2025 10:14   Page ${i + 1} of 3`]) }
    const rs = await ingest('summary-footer.pdf', await stackPdf([footed]))
    expect(rs.map((r) => [r.status, r.split, r.patient?.mrn])).toEqual([['filed', { from: 1, to: 3 }, 'CC-100562']])
  })

  it('GIVEN a discharge summary faxed with a banner at each foot and a "(continued)" at the foot of its first pages THEN it is not split', async () => {
    const d = dischargeSummary(OKAFOR, 8)
    const cont = { pages: d.pages.map((p, i) => (i < 2 ? [...p, '(continued)'] : p)) }
    const rs = await ingest('summary-faxed.pdf', await stackPdf(faxed([cont])))
    expect(rs.map((r) => [r.status, r.split])).toEqual([['filed', { from: 1, to: 3 }]])
  })
})
