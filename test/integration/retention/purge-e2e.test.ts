/**
 * Retention and destruction end to end: made-up records through the real pipeline, real
 * SQLite and filesystem object store. A dry run lists what has passed retention; approval
 * destroys it (objects gone, text and fields erased, tombstone and events kept) and writes
 * the certificate; a held chart, a chart with a recent encounter and a minor's chart are
 * never touched.
 */
import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { liftHolds, placeHold } from '../../../src/retention/holds.js'
import { approvePurge, planPurge, type PurgeResult } from '../../../src/retention/purge.js'
import { settleDocument } from '../../../src/review/settle.js'
import { originalKey } from '../../../src/storage/objectStore.js'
import { makeRecordSpec, PATIENTS, patientsCsv, renderRecordPdf, Rng, type MakeSpecOptions } from '../../../samples/lib/records.js'
import { makeWorkspace, ROOT, type Workspace } from '../../helpers/workspace.js'
import { DestructionRepo } from '../../../src/retention/destroyed.js'

const EXPIRED = 'CC-101388' // adult, last seen 2016: past 6 years
const HELD = 'CC-102596' // adult, last seen 2015, under a legal hold
const RECENT = 'CC-100777' // seen in 2015 and again in 2024
const MINOR = 'CC-102210' // born 2012: kept to 18 + 3 years

let ws: Workspace
let app: App
let dir: string
const docs = new Map<string, number>()
let result: PurgeResult

async function ingest(name: string, mrn: string, o: MakeSpecOptions): Promise<void> {
  const patient = PATIENTS.find((p) => p.mrn === mrn)! as MakeSpecOptions['patient']
  const pdf = await renderRecordPdf(makeRecordSpec(new Rng(name), { patient, withOurMrn: true, ...o }))
  const file = path.join(dir, `${name}.pdf`)
  await writeFile(file, pdf)
  const [r] = await app.runner.ingestFiles([file])
  const d = (await app.catalog.documents.get(r!.documentId!))!
  if (d.status !== 'filed' || d.patientMrn !== mrn) await settleDocument(app, d.id, { mrn, docType: o.docType!, by: 'test clerk' })
  docs.set(name, d.id)
}

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  const rules = path.join(ws.dir, 'rules')
  await cp(path.join(ROOT, 'rules'), rules, { recursive: true })
  ws.env.CHARTCLERK_RULES = rules
  app = await openApp(ws.config({ clinic: { name: 'Riverside Community Health Center' } }), { log: silentLogger() })
  await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' }).patients)
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-purge-'))
  await ingest('old-lab', EXPIRED, { docType: 'lab_report', date: '2015-03-02' })
  await ingest('old-discharge', EXPIRED, { docType: 'discharge_summary', date: '2016-05-10' })
  await ingest('held-lab', HELD, { docType: 'lab_report', date: '2015-04-01' })
  await ingest('recent-old-lab', RECENT, { docType: 'lab_report', date: '2015-06-01' })
  await ingest('recent-consult', RECENT, { docType: 'consult_note', date: '2024-02-01' })
  await ingest('minor-lab', MINOR, { docType: 'lab_report', date: '2015-09-09' })
  await placeHold(app, HELD, 'Litigation hold, made-up case 26-CV-001', 'records lead')
}, 300_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
})

describe('purge under the retention schedule', () => {
  it('the dry run lists only what has passed retention, never a held chart', async () => {
    const plan = await planPurge(app, { asOf: '2026-11-28' })
    expect(plan.jurisdiction).toBe('FQHC')
    expect(plan.candidates.map((c) => c.documentId).sort()).toEqual([docs.get('old-lab'), docs.get('old-discharge')].sort())
    for (const c of plan.candidates) {
      expect(c.lastEncounter).toBe('2016-05-10')
      expect(c.retainUntil).toBe('2022-05-10')
    }
    expect(plan.held).toEqual([{ patientMrn: HELD, documents: 1 }])
    // Nothing changed.
    expect((await app.catalog.documents.get(docs.get('old-lab')!))!.status).toBe('filed')
  })

  it('approval destroys the objects and catalog content, keeps tombstones and events, and writes the certificate', async () => {
    const oldLab = (await app.catalog.documents.get(docs.get('old-lab')!))!
    expect(await app.store.stat(originalKey(oldLab.sha256))).not.toBeNull()
    result = await approvePurge(app, { by: 'Jordan Reyes', approver: 'Pat Lin, RHIA', asOf: '2026-11-28' })
    expect(result.locked).toEqual([])
    expect(result.destroyed.map((c) => c.documentId).sort()).toEqual([docs.get('old-lab'), docs.get('old-discharge')].sort())
    for (const id of [docs.get('old-lab')!, docs.get('old-discharge')!]) {
      const d = (await app.catalog.documents.get(id))!
      expect(await app.store.stat(originalKey(d.sha256))).toBeNull()
      const derived: string[] = []
      for await (const o of app.store.list(`derived/${id}/`)) derived.push(o.key)
      expect(derived).toEqual([])
      expect(await app.catalog.documents.pages(id)).toEqual([])
      expect(d.details).toEqual({ destroyed: { certificate: result.certificate!.number, on: '2026-11-28', retainUntil: '2022-05-10' } })
      expect(d.errorCode).toBe('DESTROYED')
      const tomb = (await new DestructionRepo(app.sql).tombstones(EXPIRED)).find((t) => t.documentId === id)
      expect(tomb).toMatchObject({ patientMrn: EXPIRED, sha256: d.sha256, certificateId: result.certificate!.id })
      const kinds = (await app.catalog.events.forDocument(id)).map((e) => e.kind)
      expect(kinds).toContain('document.stored')
      expect(kinds.at(-1)).toBe('document.destroyed')
    }
    expect(
      (await app.catalog.documents.search('PETROSYAN')).filter((h) => result.destroyed.some((c) => c.documentId === h.documentId)),
    ).toEqual([])
  })

  it('the held chart, the recently seen chart and the minor are untouched', async () => {
    for (const name of ['held-lab', 'recent-old-lab', 'recent-consult', 'minor-lab']) {
      const d = (await app.catalog.documents.get(docs.get(name)!))!
      expect(d.status, name).toBe('filed')
      expect(await app.store.stat(originalKey(d.sha256)), name).not.toBeNull()
      expect((await app.catalog.documents.pages(d.id)).length, name).toBeGreaterThan(0)
    }
  })

  it('the certificate holds every required part, printable and stored', async () => {
    const c = result.certificate!
    expect(c).toMatchObject({
      facility: 'Riverside Community Health Center',
      destroyedOn: '2026-11-28',
      destroyedBy: 'Jordan Reyes',
      approvedBy: 'Pat Lin, RHIA',
      inclusiveDates: { from: '2015-03-02', to: '2016-05-10' },
    })
    expect(c.statement).toMatch(/normal course of business under .* retention schedule/)
    expect(c.method).toMatch(/deletion/)
    expect(c.patients).toEqual([
      { mrn: EXPIRED, name: 'Petrosyan, Armen', documents: expect.arrayContaining([expect.objectContaining({ id: docs.get('old-lab') })]) },
    ])
    const html = (await app.store.get(c.htmlKey)).toString()
    expect(html).toBe(result.html)
    for (const s of [
      'Certificate of destruction',
      c.number,
      'Riverside Community Health Center',
      '2015-03-02 to 2016-05-10',
      'Jordan Reyes',
      'Pat Lin, RHIA',
      EXPIRED,
      'Lab report',
      'Discharge summary',
    ])
      expect(html).toContain(s)
    expect(html.match(/<tr>/g)).toHaveLength(3)
  })

  it('a second run finds nothing more; lifting the hold lets the held chart go', async () => {
    expect((await planPurge(app, { asOf: '2026-11-28' })).candidates).toEqual([])
    await liftHolds(app, HELD, 'Case closed', 'records lead')
    expect((await planPurge(app, { asOf: '2026-11-28' })).candidates.map((c) => c.documentId)).toEqual([docs.get('held-lab')])
  })
})
