/**
 * Contract of the routes repository (src/routing/repo.ts), the same on SQLite and on PostgreSQL:
 * who an outside report went to, who acknowledged it, and the queues read from them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock/clock.js'
import { RoutesRepo } from '../../../src/routing/repo.js'
import { addDocument } from './documentRows.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()
const clock = fixedClock('2026-11-12T15:00:00.000Z')
const daysAgo = (d: number) => new Date(Date.parse('2026-11-12T15:00:00.000Z') - d * 86_400_000).toISOString()

describe.each(engines)('routes on $name', (engine) => {
  let cat: OpenedCatalog
  let repo: RoutesRepo
  beforeAll(async () => {
    cat = await engine.open()
    repo = new RoutesRepo(cat.sql)
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('setting routes adds the new recipients, keeps those already routed however their name is written, and drops open ones no longer wanted', async () => {
    const doc = await addDocument(cat.sql)
    expect(
      await repo.setRoutes(
        doc,
        [
          { provider: 'Marcus Webb, DO', ruleId: 'RT01' },
          { provider: 'Nora Ellis, RN', ruleId: 'T-PRIMARY' },
        ],
        daysAgo(2),
      ),
    ).toEqual({ added: 2, removed: 0 })
    const first = await repo.forDocument(doc)
    expect(first.map((r) => [r.documentId, r.provider, r.ruleId, r.routedAt, r.acknowledgedAt, r.acknowledgedBy])).toEqual([
      [doc, 'Marcus Webb, DO', 'RT01', daysAgo(2), null, null],
      [doc, 'Nora Ellis, RN', 'T-PRIMARY', daysAgo(2), null, null],
    ])
    expect(first.every((r) => Number.isInteger(r.id))).toBe(true)

    // "Dr. Marcus Webb" is the same person: kept as routed, not routed twice; Nora Ellis is no longer wanted.
    expect(
      await repo.setRoutes(doc, [
        { provider: 'Dr. Marcus Webb', ruleId: 'RT09' },
        { provider: 'Priya Natarajan, MD', ruleId: 'RT02' },
      ]),
    ).toEqual({
      added: 1,
      removed: 1,
    })
    expect((await repo.forDocument(doc)).map((r) => [r.provider, r.ruleId, r.routedAt === daysAgo(2)])).toEqual([
      ['Marcus Webb, DO', 'RT01', true],
      ['Priya Natarajan, MD', 'RT02', false],
    ])
    expect(
      await repo.setRoutes(doc, [
        { provider: 'Marcus Webb, DO', ruleId: 'RT01' },
        { provider: 'Priya Natarajan, MD', ruleId: 'RT02' },
      ]),
    ).toEqual({
      added: 0,
      removed: 0,
    })
  })

  it("an acknowledged route stays when the rules no longer want it; acknowledging marks only that person's open routes, once", async () => {
    const doc = await addDocument(cat.sql)
    await repo.setRoutes(doc, [
      { provider: 'Marcus Webb, DO', ruleId: 'RT01' },
      { provider: 'Nora Ellis, RN', ruleId: 'RT01' },
    ])
    const marked = await repo.acknowledge(doc, 'Dr. Marcus Webb', 'webb', clock)
    expect(marked.map((r) => [r.provider, r.acknowledgedAt, r.acknowledgedBy])).toEqual([['Marcus Webb, DO', clock.nowIso(), 'webb']])
    expect(await repo.acknowledge(doc, 'Marcus Webb, DO', 'webb', clock)).toEqual([])
    expect(await repo.acknowledge(doc, 'Elena Sokolova, MD', 'sokolova', clock)).toEqual([])
    expect(await repo.forDocument(doc)).toEqual([marked[0], expect.objectContaining({ provider: 'Nora Ellis, RN', acknowledgedAt: null })])

    expect(await repo.setRoutes(doc, [])).toEqual({ added: 0, removed: 1 })
    expect(await repo.forDocument(doc)).toEqual(marked)
  })

  it('revoking removes every route of the document, acknowledged ones too, and returns them; other documents keep theirs', async () => {
    const doc = await addDocument(cat.sql)
    const other = await addDocument(cat.sql)
    await repo.setRoutes(doc, [
      { provider: 'Marcus Webb, DO', ruleId: 'RT01' },
      { provider: 'Nora Ellis, RN', ruleId: 'RT01' },
    ])
    await repo.setRoutes(other, [{ provider: 'Marcus Webb, DO', ruleId: 'RT01' }])
    await repo.acknowledge(doc, 'Nora Ellis, RN', 'ellis', clock)
    const before = await repo.forDocument(doc)
    expect(await repo.revokeAll(doc)).toEqual(before)
    expect(await repo.forDocument(doc)).toEqual([])
    expect(await repo.revokeAll(doc)).toEqual([])
    expect((await repo.forDocument(other)).map((r) => r.provider)).toEqual(['Marcus Webb, DO'])
  })

  it("a chart's routes come by document, only its own documents'", async () => {
    const a = await addDocument(cat.sql, { patient_mrn: 'CC-100418' })
    const b = await addDocument(cat.sql, { patient_mrn: 'CC-100418' })
    const elsewhere = await addDocument(cat.sql, { patient_mrn: 'CC-200001' })
    await repo.setRoutes(a, [{ provider: 'Marcus Webb, DO', ruleId: 'RT01' }])
    await repo.setRoutes(b, [
      { provider: 'Nora Ellis, RN', ruleId: 'RT02' },
      { provider: 'Priya Natarajan, MD', ruleId: 'RT02' },
    ])
    await repo.setRoutes(elsewhere, [{ provider: 'Marcus Webb, DO', ruleId: 'RT01' }])
    const byDoc = await repo.forPatient('CC-100418')
    expect([...byDoc.keys()].sort((x, y) => x - y)).toEqual([a, b])
    expect(byDoc.get(a)).toEqual(await repo.forDocument(a))
    expect(byDoc.get(b)!.map((r) => r.provider)).toEqual(['Nora Ellis, RN', 'Priya Natarajan, MD'])
    expect((await repo.forPatient('CC-999999')).size).toBe(0)
  })

  it('the queues: filed documents only, oldest first, open or overdue, for one person however written, with what a queue shows', async () => {
    const old = await addDocument(cat.sql, { patient_mrn: 'CC-100418', doc_type: 'lab_report' })
    const recent = await addDocument(cat.sql, { patient_mrn: 'CC-200001', doc_type: 'radiology_report' })
    const unfiled = await addDocument(cat.sql, { status: 'needs_review', patient_mrn: null })
    await repo.setRoutes(old, [{ provider: 'Marcus Webb, DO', ruleId: 'RT01' }], daysAgo(9))
    await repo.setRoutes(
      recent,
      [
        { provider: 'Marcus Webb, DO', ruleId: 'RT01' },
        { provider: 'Nora Ellis, RN', ruleId: 'RT02' },
      ],
      daysAgo(3),
    )
    await repo.setRoutes(unfiled, [{ provider: 'Marcus Webb, DO', ruleId: 'RT01' }], daysAgo(20))

    const all = await repo.list({}, clock)
    expect(all.map((r) => [r.documentId, r.provider, r.daysOpen, r.overdue])).toEqual([
      [old, 'Marcus Webb, DO', 9, true],
      [recent, 'Marcus Webb, DO', 3, false],
      [recent, 'Nora Ellis, RN', 3, false],
    ])
    expect(all[0]).toMatchObject({ patientMrn: 'CC-100418', docType: 'lab_report', receivedAt: '2026-11-02T14:00:00.000Z' })

    expect((await repo.list({ provider: 'Dr. Marcus Webb' }, clock)).map((r) => r.documentId)).toEqual([old, recent])
    expect((await repo.list({ provider: 'Nora Ellis, RN', open: true }, clock)).map((r) => r.documentId)).toEqual([recent])
    expect((await repo.list({ overdue: true, escalateAfterDays: 7 }, clock)).map((r) => r.documentId)).toEqual([old])
    expect(await repo.list({ overdue: true, escalateAfterDays: 10 }, clock)).toEqual([])
    expect((await repo.list({ overdue: true, escalateAfterDays: 2 }, clock)).map((r) => r.provider)).toEqual([
      'Marcus Webb, DO',
      'Marcus Webb, DO',
      'Nora Ellis, RN',
    ])
    expect(await repo.list({ limit: 2 }, clock)).toEqual(all.slice(0, 2))

    await repo.acknowledge(old, 'Marcus Webb, DO', 'webb', clock)
    expect((await repo.list({ open: true }, clock)).map((r) => r.documentId)).toEqual([recent, recent])
    expect(await repo.list({ overdue: true, escalateAfterDays: 7 }, clock)).toEqual([])
    const acked = (await repo.list({}, clock)).find((r) => r.documentId === old)!
    expect(acked).toMatchObject({ acknowledgedBy: 'webb', overdue: false })

    const route = (await repo.forDocument(recent))[0]!
    await repo.setRoutedAt(route.id, daysAgo(12))
    expect((await repo.list({ overdue: true, escalateAfterDays: 7 }, clock)).map((r) => [r.documentId, r.provider, r.daysOpen])).toEqual([
      [recent, 'Marcus Webb, DO', 12],
    ])
  })

  // On PostgreSQL the other desk has its own connection pool; on SQLite both share the one file.
  it('two desks routing the same document at once route each person once; two acknowledging the same route mark it once', async () => {
    const other = cat.another ? new RoutesRepo(await cat.another()) : repo
    const doc = await addDocument(cat.sql)
    const targets = [
      { provider: 'Marcus Webb, DO', ruleId: 'RT01' },
      { provider: 'Nora Ellis, RN', ruleId: 'RT01' },
    ]
    const set = await Promise.all([repo.setRoutes(doc, targets), other.setRoutes(doc, targets)])
    expect(set.map((s) => s.added).sort()).toEqual([0, 2])
    expect((await other.forDocument(doc)).map((r) => r.provider)).toEqual(['Marcus Webb, DO', 'Nora Ellis, RN'])

    const acks = await Promise.all([
      repo.acknowledge(doc, 'Marcus Webb, DO', 'desk one', clock),
      other.acknowledge(doc, 'Marcus Webb, DO', 'desk two', clock),
    ])
    expect(acks.map((a) => a.length).sort()).toEqual([0, 1])
    const by = acks.find((a) => a.length)![0]!.acknowledgedBy
    expect((await repo.forDocument(doc))[0]).toMatchObject({ acknowledgedBy: by })
  })
})
