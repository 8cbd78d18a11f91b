/**
 * Inactive charts end to end: a made-up record filed through the real pipeline, the chart made
 * inactive (objects moved to the archive location of the real filesystem object store, each
 * proved by its hash), read from there, and brought back when a new document is filed.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { getInactive, listInactive, scanInactive, restoreChart } from '../../../src/inactive/inactive.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { AppointmentsRepo } from '../../../src/prep/schedule.js'
import { placeHold } from '../../../src/retention/holds.js'
import { createArchiveStore } from '../../../src/storage/createStore.js'
import { verifyObject } from '../../../src/storage/hashObject.js'
import { originalKey, type ObjectStore } from '../../../src/storage/objectStore.js'
import { makeRecordSpec, PATIENTS, patientsCsv, renderRecordPdf, Rng, type MakeSpecOptions } from '../../../samples/lib/records.js'
import { makeWorkspace, type Workspace } from '../../helpers/workspace.js'

const MRN = 'CC-100777'
const OTHER = 'CC-102596'
const P = (mrn: string) => PATIENTS.find((p) => p.mrn === mrn)! as MakeSpecOptions['patient']
let ws: Workspace
let app: App
let archive: ObjectStore
let dir: string
let first: { id: number; sha: string; derived: string[] }

async function ingest(name: string, mrn: string): Promise<{ id: number; sha: string }> {
  const file = path.join(dir, `${name}.pdf`)
  await writeFile(file, await renderRecordPdf(makeRecordSpec(new Rng(name), { docType: 'lab_report', patient: P(mrn), withOurMrn: true })))
  const [r] = await app.runner.ingestFiles([file])
  expect(r!.status, r!.reviewReasons.join('; ')).toBe('filed')
  const doc = (await app.catalog.documents.get(r!.documentId!))!
  expect(doc.patientMrn).toBe(mrn)
  return { id: doc.id, sha: doc.sha256 }
}

async function keys(store: ObjectStore, prefix: string): Promise<string[]> {
  const out: string[] = []
  for await (const o of store.list(prefix)) out.push(o.key)
  return out.sort()
}

const kinds = () =>
  (
    app.catalog.db.prepare("SELECT kind, data FROM events WHERE kind LIKE 'chart.%' ORDER BY id").all() as { kind: string; data: string }[]
  ).map((e) => ({ kind: e.kind, ...JSON.parse(e.data) }))

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
  app = await openApp(ws.config(), { log: silentLogger() })
  archive = await createArchiveStore(app.config, app.store)
  await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: '^CC-\\d{6}$' }).patients)
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-inactive-'))
  const a = await ingest('inactive-first-lab', MRN)
  first = { ...a, derived: await keys(app.store, `derived/${a.id}/`) }
  await ingest('inactive-other-lab', OTHER)
}, 300_000)

afterAll(async () => {
  await archive?.close()
  await app?.close()
  await ws?.cleanup()
})

describe('inactive charts', () => {
  it('the default is two years, and a dry run changes nothing', async () => {
    expect(app.config.inactive.years).toBe(2)
    const today = new Date().toISOString().slice(0, 10)
    expect((await scanInactive(app, { asOf: today, dryRun: true })).candidates).toEqual([])
    const later = await scanInactive(app, { asOf: '2099-01-01', dryRun: true })
    expect(later.candidates.map((c) => c.mrn).sort()).toEqual([MRN, OTHER].sort())
    expect(later.inactivated).toEqual([])
    expect(await listInactive(app)).toEqual([])
    expect(await app.store.stat(originalKey(first.sha))).not.toBeNull()
  })

  it("moves the chart's original and derived objects to the archive, verified; a legal hold does not stop it", async () => {
    expect(first.derived.length).toBeGreaterThan(0)
    await placeHold(app, MRN, 'litigation (made up)', 'records.lead')
    // The other patient had a visit on the schedule recently: that keeps the chart active.
    await new AppointmentsRepo(app.sql).upsert([
      { externalId: null, date: '2098-06-01', time: '09:00', mrn: OTHER, provider: null, visitType: null, status: null, source: 'test' },
    ])
    const r = await scanInactive(app, { asOf: '2099-01-01', by: 'records.lead' })
    expect(r.inactivated.map((c) => [c.mrn, c.reason])).toEqual([[MRN, 'no_activity']])
    expect(r.inactivated[0]!.objects).toBe(1 + first.derived.length)
    expect(await getInactive(app, MRN)).toMatchObject({
      mrn: MRN,
      inactiveSince: '2099-01-01',
      reason: 'no_activity',
      objects: 1 + first.derived.length,
    })
    expect(await getInactive(app, OTHER)).toBeUndefined()

    // Gone from the main store, present in the archive with the right bytes.
    expect(await app.store.stat(originalKey(first.sha))).toBeNull()
    expect(await keys(app.store, `derived/${first.id}/`)).toEqual([])
    expect(await verifyObject(archive, originalKey(first.sha), first.sha)).toBe(true)
    expect(await keys(archive, `derived/${first.id}/`)).toEqual(first.derived)
    // On disk: the archive prefix inside the filesystem object store.
    const onDisk = path.join(app.config.storage.filesystem.dir, 'archive', 'originals')
    expect(existsSync(onDisk)).toBe(true)
    expect(await app.storeWithArchive.locate(originalKey(first.sha))).toBe('archive')

    // Still retrievable: the bytes are the original's.
    const bytes = await app.storeWithArchive.get(originalKey(first.sha))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.sha)
    expect((await app.catalog.events.forDocument(first.id)).map((e) => e.kind)).toContain('document.archived')
    expect(kinds()).toEqual([expect.objectContaining({ kind: 'chart.inactivated', mrn: MRN, reason: 'no_activity', by: 'records.lead' })])
    // A second scan has nothing more to do.
    expect((await scanInactive(app, { asOf: '2099-01-01' })).inactivated).toEqual([])
  })

  it('a new document filed for the patient brings the chart and its objects back', async () => {
    const second = await ingest('inactive-second-lab', MRN)
    expect(await getInactive(app, MRN)).toBeUndefined()
    expect(await verifyObject(app.store, originalKey(first.sha), first.sha)).toBe(true)
    expect(await verifyObject(app.store, originalKey(second.sha), second.sha)).toBe(true)
    expect(await keys(app.store, `derived/${first.id}/`)).toEqual(first.derived)
    expect(await archive.stat(originalKey(first.sha))).toBeNull()
    expect(await keys(archive, `derived/${first.id}/`)).toEqual([])
    expect(await app.storeWithArchive.locate(originalKey(first.sha))).toBe('main')
    expect(kinds().map((e) => e.kind)).toEqual(['chart.inactivated', 'chart.reactivated'])
    expect(kinds()[1]).toMatchObject({ mrn: MRN, why: `document ${second.id} filed` })
    expect((await app.catalog.events.forDocument(first.id)).map((e) => e.kind)).toContain('document.restored')
  }, 120_000)

  it("a deceased patient's chart goes inactive at once, and restore brings it back", async () => {
    const p = (await app.catalog.patients.get(OTHER))!
    await app.catalog.patients.upsert([{ ...p, deceased: true, deceasedDate: '2098-12-01' }])
    // As of today the other chart is active (its new document); the deceased patient's is not.
    const r = await scanInactive(app, { asOf: new Date().toISOString().slice(0, 10) })
    expect(r.inactivated.map((c) => [c.mrn, c.reason])).toEqual([[OTHER, 'deceased']])
    const doc = (await app.catalog.documents.forPatient(OTHER))[0]!
    expect(await app.store.stat(originalKey(doc.sha256))).toBeNull()
    expect(await verifyObject(archive, originalKey(doc.sha256), doc.sha256)).toBe(true)
    expect(await restoreChart(app, OTHER, { by: 'records.lead' })).toMatchObject({ mrn: OTHER })
    expect(await verifyObject(app.store, originalKey(doc.sha256), doc.sha256)).toBe(true)
    expect(await archive.stat(originalKey(doc.sha256))).toBeNull()
    expect(await listInactive(app)).toEqual([])
  })
})
