/**
 * Chart prep end to end: made-up records through the real pipeline (two filed with known
 * deficiencies, one waiting in review naming a scheduled patient), a records request, a
 * day's schedule imported from CSV (and again, updating) and from a FHIR Bundle, and the
 * prep list per patient, as data and as printable HTML.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { buildPrepList, prepText, renderPrepHtml } from '../../../src/prep/prep.js'
import { AppointmentsRepo, importSchedule } from '../../../src/prep/schedule.js'
import { NoticesRepo } from '../../../src/reports/notices.js'
import { makeRecordSpec, PATIENTS, patientsCsv, renderRecordPdf, Rng, type MakeSpecOptions } from '../../../samples/lib/records.js'
import { makeWorkspace, type Workspace } from '../../helpers/workspace.js'

const UNSIGNED = 'CC-101388'
const NO_RANGES = 'CC-102596'
const DECEASED = 'CC-100931'
const P = (mrn: string) => PATIENTS.find((p) => p.mrn === mrn)! as MakeSpecOptions['patient']
const TODAY = new Date().toISOString().slice(0, 10)
let ws: Workspace
let app: App
const results = new Map<string, IngestResult>()

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  app = await openApp(ws.config(), { log: silentLogger() })
  await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' }).patients)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-prep-'))
  const record = async (name: string, o: MakeSpecOptions) => {
    const file = path.join(dir, `${name}.pdf`)
    await writeFile(file, await renderRecordPdf(makeRecordSpec(new Rng(name), o)))
    return file
  }
  const files = [
    await record('consult-unsigned', { docType: 'consult_note', patient: P(UNSIGNED), overrides: { signed: false } }),
    await record('lab-no-reference-ranges', {
      docType: 'lab_report',
      patient: P(NO_RANGES),
      withOurMrn: true,
      overrides: { omit: ['referenceRanges'] },
    }),
    // Dated after the patient's death: it waits in review with him as the candidate.
    await record('after-death', { docType: 'lab_report', patient: P(DECEASED), withOurMrn: true, date: '2025-06-02' }),
  ]
  for (const r of await app.runner.ingestFiles(files)) results.set(path.basename(r.file, '.pdf'), r)
}, 300_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
})

describe('chart prep', () => {
  it('the records are where the test needs them', async () => {
    expect(results.get('consult-unsigned')!.status).toBe('filed')
    expect(results.get('lab-no-reference-ranges')!.status).toBe('filed')
    const review = (await app.catalog.documents.get(results.get('after-death')!.documentId!))!
    expect(review.status).toBe('needs_review')
    expect((review.details.match as { candidates: { mrn: string }[] }).candidates.map((c) => c.mrn)).toContain(DECEASED)
  })

  it('imports a CSV schedule with common header names, and a re-import updates rather than duplicates', async () => {
    const csv = (provider: string) =>
      [
        'Appt Date,Appt Time,Patient MRN,Provider,Visit Type',
        `${TODAY},9:30 AM,${UNSIGNED},${provider},Follow-up`,
        `${TODAY},10:15,${NO_RANGES},Marcus Webb DO,New patient`,
        `${TODAY},13:00,${DECEASED},Priya Natarajan MD,Annual`,
      ].join('\n')
    expect(await importSchedule(app, csv('Elena Sokolova MD'))).toMatchObject({
      format: 'csv',
      added: 3,
      updated: 0,
      errors: [],
      unknownMrns: [],
    })
    expect(await importSchedule(app, csv('Grace Adeyemi FNP'))).toMatchObject({ added: 0, updated: 1, unchanged: 2 })
    const day = await new AppointmentsRepo(app.sql).forDate(TODAY)
    expect(day.map((a) => [a.time, a.mrn])).toEqual([
      ['09:30', UNSIGNED],
      ['10:15', NO_RANGES],
      ['13:00', DECEASED],
    ])
    expect(day[0]!.provider).toBe('Grace Adeyemi FNP')
  })

  it('imports a FHIR Bundle of Appointments (MRN identifier, or the patient resource in the bundle)', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id: 'p1', identifier: [{ system: 'urn:chartclerk:mrn', value: 'CC-100418' }] } },
        {
          resource: {
            resourceType: 'Appointment',
            id: 'a-1',
            status: 'booked',
            start: '2031-02-03T08:45:00-05:00',
            appointmentType: { text: 'Lab review' },
            participant: [
              { actor: { reference: 'Patient/p1', display: 'Michael Johnson' } },
              { actor: { reference: 'Practitioner/x', display: 'Priya Natarajan, MD' } },
            ],
          },
        },
        {
          resource: {
            resourceType: 'Appointment',
            id: 'a-2',
            status: 'booked',
            start: '2031-02-03T11:00:00Z',
            participant: [{ actor: { reference: 'Patient/zz', identifier: { system: 'urn:chartclerk:mrn', value: 'CC-101902' } } }],
          },
        },
      ],
    }
    expect(await importSchedule(app, JSON.stringify(bundle))).toMatchObject({ format: 'fhir', added: 2, errors: [] })
    bundle.entry[1]!.resource.start = '2031-02-03T09:00:00-05:00'
    expect(await importSchedule(app, JSON.stringify(bundle))).toMatchObject({ added: 0, updated: 1, unchanged: 1 })
    expect((await new AppointmentsRepo(app.sql).forDate('2031-02-03')).map((a) => [a.time, a.mrn, a.provider, a.visitType])).toEqual([
      ['09:00', 'CC-100418', 'Priya Natarajan, MD', 'Lab review'],
      ['11:00', 'CC-101902', null, null],
    ])
  })

  it('lists, per scheduled patient, open deficiencies, records requests, unacknowledged reports and review items', async () => {
    // A records request for the unsigned consult's chart (made up facility).
    const defs = new DeficienciesRepo(app.sql)
    const d02 = await defs.list({ chartMrn: UNSIGNED, status: 'open' })
    expect(d02.map((d) => d.ruleId)).toContain('D02')
    const rr = (await new NoticesRepo(app.sql).create({
      deficiencyId: d02[0]!.id,
      chartMrn: UNSIGNED,
      documentId: d02[0]!.documentId,
      facility: 'Mercy General (made up)',
      datesOfService: ['2025-04-20'],
      documentsNeeded: ['Signed consult note'],
    }))!
    const list = await buildPrepList(app.catalog, app.sql, TODAY, app.clock)
    expect(list.patients.map((p) => p.mrn)).toEqual([UNSIGNED, NO_RANGES, DECEASED])
    const [a, b, c] = list.patients as [any, any, any]
    expect(a.patient.name).toBe(`${P(UNSIGNED)!.familyName}, ${P(UNSIGNED)!.givenName}`)
    expect(a.deficiencies.map((d: any) => d.ruleId)).toContain('D02')
    expect(a.recordsRequests.map((n: any) => n.trackingNumber)).toEqual([rr.trackingNumber])
    expect(a.unacknowledged.map((d: any) => d.documentId)).toEqual([results.get('consult-unsigned')!.documentId])
    expect(a.inReview).toEqual([])
    expect(b.deficiencies.map((d: any) => d.ruleId)).toContain('D05')
    expect(b.recordsRequests).toEqual([])
    expect(b.unacknowledged.map((d: any) => d.documentId)).toEqual([results.get('lab-no-reference-ranges')!.documentId])
    expect(c.inReview.map((d: any) => d.documentId)).toEqual([results.get('after-death')!.documentId])
    expect(c.patient.deceased).toBe(true)

    // Acknowledged reports drop off.
    const consult = (await app.catalog.documents.get(results.get('consult-unsigned')!.documentId!))!
    await app.catalog.documents.update(consult.id, {
      details: { ...consult.details, acknowledged: { by: 'dr.made.up', at: new Date().toISOString() } },
    })
    expect((await buildPrepList(app.catalog, app.sql, TODAY, app.clock)).patients[0]!.unacknowledged).toEqual([])
    expect(prepText(list).join('\n')).toContain(rr.trackingNumber)
  })

  it('prints as self-contained HTML with a print stylesheet', async () => {
    const html = renderPrepHtml(await buildPrepList(app.catalog, app.sql, TODAY, app.clock), 'Riverside Community Health Center')
    expect(html).toContain('@media print')
    expect(html).not.toMatch(/<link|<script|src=|https?:\/\//)
    for (const mrn of [UNSIGNED, NO_RANGES, DECEASED]) expect(html).toContain(`data-mrn="${mrn}"`)
    expect(html).toContain('Waiting in review, may be this patient')
    expect(html).toContain('Outstanding records requests')
  })
})
