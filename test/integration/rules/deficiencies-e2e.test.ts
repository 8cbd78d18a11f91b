/**
 * Deficiencies end to end: made-up outside records through the real pipeline
 * (text-layer PDFs, so no OCR time), filed, checked against the starter rule
 * set. Each incomplete record raises its deficiency; complete ones raise none;
 * fixing the cause closes the deficiency by itself.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { DeficienciesRepo, type Deficiency } from '../../../src/deficiencies/repo.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { settleDocument } from '../../../src/review/settle.js'
import { makeRecordSpec, PATIENTS, patientsCsv, renderRecordPdf, Rng, type MakeSpecOptions } from '../../../samples/lib/records.js'
import { makeWorkspace, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let app: App
let dir: string
const results = new Map<string, IngestResult>()
const P = (mrn: string) => PATIENTS.find((p) => p.mrn === mrn)! as MakeSpecOptions['patient']

async function record(name: string, o: MakeSpecOptions, dropPage?: number): Promise<string> {
  let pdf = await renderRecordPdf(makeRecordSpec(new Rng(name), o))
  if (dropPage) {
    const doc = await PDFDocument.load(pdf)
    doc.removePage(dropPage - 1)
    pdf = Buffer.from(await doc.save())
  }
  const file = path.join(dir, `${name}.pdf`)
  await writeFile(file, pdf)
  return file
}

const open = (): Promise<Deficiency[]> => new DeficienciesRepo(app.sql).list({ status: 'open' })
const forDoc = async (name: string) => (await open()).filter((d) => d.documentId === String(results.get(name)!.documentId))

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  app = await openApp(ws.config(), { log: silentLogger() })
  await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' }).patients)
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-defs-'))
  const files = [
    await record('consult-unsigned', { docType: 'consult_note', patient: P('CC-101388'), overrides: { signed: false } }),
    await record('lab-no-reference-ranges', {
      docType: 'lab_report',
      patient: P('CC-102596'),
      withOurMrn: true,
      overrides: { omit: ['referenceRanges'] },
    }),
    await record('lab-complete', { docType: 'lab_report', patient: P('CC-100777'), withOurMrn: true }),
    await record('radiology-dated-in-the-future', { docType: 'radiology_report', patient: P('CC-103014'), date: '2027-02-01' }),
    await record('discharge-page-2-missing', { docType: 'discharge_summary', patient: P('CC-101127'), overrides: { pageCount: 3 } }, 2),
  ]
  for (const r of await app.runner.ingestFiles(files)) results.set(path.basename(r.file, '.pdf'), r)
}, 300_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('deficiencies from filed records', () => {
  it('every record is filed to its chart', () => {
    for (const [name, r] of results) expect(r.status, `${name}: ${r.reviewReasons.join('; ')}`).toBe('filed')
  })

  it('an unsigned consult: missing_signature', async () => {
    expect((await forDoc('consult-unsigned')).map((d) => [d.ruleId, d.kind])).toEqual([['D02', 'missing_signature']])
  })

  it('a lab report without reference ranges: missing_field naming it', async () => {
    const d = await forDoc('lab-no-reference-ranges')
    expect(d.map((x) => [x.ruleId, x.kind])).toEqual([['D05', 'missing_field']])
    expect(d[0]!.message).toMatch(/reference interval/)
  })

  it('a report dated in the future: invalid_date', async () => {
    expect((await forDoc('radiology-dated-in-the-future')).map((d) => [d.ruleId, d.kind])).toEqual([['D03', 'invalid_date']])
  })

  it('a discharge summary missing page 2 of 3: missing_pages', async () => {
    expect(results.get('discharge-page-2-missing')!.missingPages).toEqual([2])
    expect((await forDoc('discharge-page-2-missing')).map((d) => [d.ruleId, d.kind])).toContainEqual(['D15', 'missing_pages'])
  })

  it('a complete lab report raises nothing; every chart lacks a consent to treat (C01)', async () => {
    expect(await forDoc('lab-complete')).toEqual([])
    const c01 = (await open()).filter((d) => d.ruleId === 'C01')
    expect(c01.map((d) => d.chartMrn).sort()).toEqual(['CC-100777', 'CC-101127', 'CC-101388', 'CC-102596', 'CC-103014'])
    for (const d of await open()) expect(d.rulesetVersion).toBe(app.rules.current!.version)
  })

  it('GIVEN a signed consent to treat arrives for a chart THEN its C01 deficiency closes by itself, with the reason', async () => {
    const [r] = await app.runner.ingestFiles([
      await record('consent-signed', { docType: 'consent_form', patient: P('CC-100777'), date: '2026-06-01' }),
    ])
    if (r!.status === 'needs_review')
      await settleDocument(app, r!.documentId!, { mrn: 'CC-100777', docType: 'consent_form', by: 'clerk a' })
    expect((await open()).filter((d) => d.chartMrn === 'CC-100777')).toEqual([])
    const closed = await new DeficienciesRepo(app.sql).list({ chartMrn: 'CC-100777', ruleId: 'C01' })
    expect(closed).toHaveLength(1)
    expect(closed[0]!.status).toBe('completed')
  })
})
