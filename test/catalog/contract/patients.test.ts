/**
 * Contract of the patient index (src/catalog/patients.ts), the event log and review settlements,
 * the same on SQLite and on PostgreSQL.
 */
import { sql as raw } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Patient } from '../../../src/model/types.js'
import { DocumentsRepo } from '../../../src/catalog/documents.js'
import { EventLog } from '../../../src/catalog/events.js'
import { PatientsRepo } from '../../../src/catalog/patients.js'
import { CatalogScope } from '../../../src/catalog/scope.js'
import { SettlementsRepo } from '../../../src/catalog/settlements.js'
import { patientNameKeys } from '../../../src/patients/names.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

// Made-up patients.
const maria: Patient = {
  mrn: 'CC-100418',
  familyName: 'Garcia-Lopez',
  givenName: 'Maria',
  middleName: 'Elena',
  birthDate: '1961-07-02',
  sex: 'F',
  deceased: false,
  deceasedDate: null,
  primaryProvider: 'Dr. Webb',
}
const tom: Patient = { mrn: 'CC-100500', familyName: 'Baker', givenName: 'Thomas', birthDate: '1961-07-02' }
const ana: Patient = { mrn: 'CC-200007', familyName: 'Garcia', givenName: 'Ana', birthDate: '1990-01-15', deceasedDate: '2026-02-01' }

describe.each(engines)('patients, events and settlements on $name', (engine) => {
  let cat: OpenedCatalog
  let scope: CatalogScope
  let patients: PatientsRepo
  let events: EventLog
  beforeEach(async () => {
    cat = await engine.open()
    scope = new CatalogScope(cat.sql)
    patients = new PatientsRepo(scope)
    events = new EventLog(scope)
  })
  afterEach(async () => cat?.close())

  it('an import adds, updates or leaves each patient by MRN, never duplicates, and says so in the log', async () => {
    expect(await patients.upsert([maria, tom])).toEqual({ added: 2, updated: 0, unchanged: 0 })
    expect(await patients.upsert([maria, { ...tom, givenName: 'Tom' }, ana])).toEqual({ added: 1, updated: 1, unchanged: 1 })
    expect(await patients.count()).toBe(3)
    expect(await patients.get('CC-100418')).toEqual(maria)
    expect(await patients.get('CC-100500')).toMatchObject({ givenName: 'Tom', middleName: null, sex: null, deceased: false })
    expect(await patients.get('CC-200007')).toMatchObject({ deceased: true, deceasedDate: '2026-02-01' })
    expect(await patients.get('CC-999999')).toBeUndefined()
    expect((await patients.list()).map((p) => p.mrn)).toEqual(['CC-100500', 'CC-200007', 'CC-100418'])
    expect((await patients.list(1, 1)).map((p) => p.mrn)).toEqual(['CC-200007'])
    expect((await events.recent()).map((e) => [e.kind, e.documentId, e.data])).toEqual([
      ['patients.imported', null, { added: 1, updated: 1, unchanged: 1 }],
      ['patients.imported', null, { added: 2, updated: 0, unchanged: 0 }],
    ])
  })

  it('an import that fails part way records none of it', async () => {
    await patients.upsert([tom])
    const broken = { ...ana, familyName: null } as unknown as Patient
    await expect(patients.upsert([maria, { ...tom, givenName: 'Tom' }, broken])).rejects.toThrow()
    expect(await patients.count()).toBe(1)
    expect((await patients.get('CC-100500'))!.givenName).toBe('Thomas')
    expect(await events.recent()).toHaveLength(1)
  })

  it('the matcher finds patients by MRN as printed, by birth date and by a family-name key', async () => {
    await patients.upsert([maria, tom, ana])
    expect((await patients.findByMrn('cc 100418')).map((p) => p.mrn)).toEqual(['CC-100418'])
    expect((await patients.findByMrn('CC100418')).map((p) => p.mrn)).toEqual(['CC-100418'])
    expect(await patients.findByMrn('CC-1004')).toEqual([])
    expect((await patients.findByBirthDate('1961-07-02')).map((p) => p.mrn)).toEqual(['CC-100418', 'CC-100500'])
    const garcia = patientNameKeys({ familyName: 'Garcia' })[0]!
    expect((await patients.findByNameKey(garcia)).map((p) => p.mrn)).toEqual(['CC-100418', 'CC-200007'])
    // A name changed on re-import is found under its new keys only.
    await patients.upsert([{ ...ana, familyName: 'Baker' }])
    expect((await patients.findByNameKey(garcia)).map((p) => p.mrn)).toEqual(['CC-100418'])
  })

  it("the desk's chart finder: by MRN with or without dashes, by family and given name, any case", async () => {
    await patients.upsert([maria, tom, ana, { mrn: 'CC-300%01', familyName: 'Percent', givenName: 'Pat', birthDate: '1970-01-01' }])
    const mrns = async (q: string) => (await patients.search(q, 10)).map((p) => p.mrn)
    expect(await mrns('CC-1004')).toEqual(['CC-100418'])
    expect(await mrns('cc1005')).toEqual(['CC-100500'])
    expect(await mrns('garcia')).toEqual(['CC-200007', 'CC-100418'])
    expect(await mrns('Garcia, Ma')).toEqual(['CC-100418'])
    expect(await mrns('thomas bak')).toEqual(['CC-100500'])
    expect(await mrns('CC-300%')).toEqual(['CC-300%01'])
    expect(await mrns('CC-3%')).toEqual([]) // % is a character, not a wildcard
    expect(await mrns('  ')).toEqual([])
    expect(await patients.search('garcia', 1)).toHaveLength(1)
  })

  it('the event log is kept in order per document and refuses changes', async () => {
    await events.append('schedule.imported', null, { rows: 3 })
    await events.append('document.routed', 7, { to: 'Dr. Webb' })
    await events.append('document.filed', 7)
    expect((await events.forDocument(7)).map((e) => [e.kind, e.data])).toEqual([
      ['document.routed', { to: 'Dr. Webb' }],
      ['document.filed', {}],
    ])
    expect((await events.recent(2)).map((e) => e.kind)).toEqual(['document.filed', 'document.routed'])
    await expect(raw`UPDATE events SET kind = 'x'`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
    await expect(raw`DELETE FROM events`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
  })

  it("settlements are kept per document; retraining takes each document's latest type with its pages' text", async () => {
    const docs = new DocumentsRepo(scope)
    const settlements = new SettlementsRepo(scope)
    const mk = async (sha: string) =>
      docs.create({
        sha256: sha,
        size: 1,
        contentType: 'application/pdf',
        originalName: 'x.pdf',
        sourceFolder: '',
        receivedAt: '2026-12-07',
      })
    const a = await mk('a1')
    const b = await mk('b2')
    const c = await mk('c3')
    const words = (t: string) => t.split(' ').map((w) => ({ text: w })) as never
    const pg = (page: number, text: string) => ({
      page,
      text,
      source: 'ocr' as const,
      ocrConfidence: 90,
      deskewAngle: 0,
      width: 1,
      height: 1,
      words: words(text),
    })
    await docs.savePages(a, [pg(2, 'second page'), pg(1, 'first page')])
    await docs.savePages(b, [pg(1, 'referral letter')])
    const s = { patientMrn: 'CC-100418', proposedType: 'lab_report', proposedMrn: null, settledBy: 'clerk a', note: null }
    const first = await settlements.add({ ...s, documentId: a, docType: 'lab_report' })
    await settlements.add({ ...s, documentId: a, docType: 'imaging_report', note: 'second look' })
    await settlements.add({ ...s, documentId: b, docType: 'referral' })
    await settlements.add({ ...s, documentId: c, docType: 'referral' }) // no text: not an example
    expect((await settlements.forDocument(a)).map((x) => [x.id, x.docType, x.note, x.settledBy])).toEqual([
      [first, 'lab_report', null, 'clerk a'],
      [first + 1, 'imaging_report', 'second look', 'clerk a'],
    ])
    expect(await settlements.trainingExamples()).toEqual([
      { text: 'first page\fsecond page', type: 'imaging_report' },
      { text: 'referral letter', type: 'referral' },
    ])
  })
})
