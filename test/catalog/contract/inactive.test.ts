/**
 * Contract of the inactive charts repository (src/inactive/repo.ts), the same on SQLite and on
 * PostgreSQL: which charts' objects are in the archive.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { InactiveChartsRepo, type InactiveChart } from '../../../src/inactive/repo.js'
import { addDocument } from './documentRows.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const chart = (mrn: string, o: Partial<InactiveChart> = {}): InactiveChart => ({
  mrn,
  inactiveSince: '2026-11-30',
  reason: 'no_activity',
  lastActivity: '2016-03-02',
  objects: 7,
  markedBy: 'records lead',
  markedAt: '2026-11-30T10:00:00.000Z',
  ...o,
})

describe.each(engines)('inactive charts on $name', (engine) => {
  let cat: OpenedCatalog
  let repo: InactiveChartsRepo
  beforeAll(async () => {
    cat = await engine.open()
    repo = new InactiveChartsRepo(cat.sql)
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('a chart marked inactive is kept as marked; an active chart has no row', async () => {
    const c = chart('CC-100418', { reason: 'deceased', lastActivity: null, objects: 0 })
    expect(await repo.mark(c)).toBe(true)
    expect(await repo.get('CC-100418')).toEqual(c)
    expect(await repo.get('CC-200001')).toBeUndefined()
  })

  it('the first marking stands: marking again changes nothing and says so', async () => {
    await repo.mark(chart('CC-100418'))
    expect(await repo.mark(chart('CC-100418', { objects: 99, markedBy: 'someone else' }))).toBe(false)
    expect(await repo.get('CC-100418')).toEqual(chart('CC-100418'))
  })

  it('the list is longest inactive first, then by MRN', async () => {
    await repo.mark(chart('CC-300003', { inactiveSince: '2026-12-01' }))
    await repo.mark(chart('CC-200002', { inactiveSince: '2026-10-01' }))
    await repo.mark(chart('CC-100001', { inactiveSince: '2026-12-01' }))
    expect((await repo.list()).map((c) => c.mrn)).toEqual(['CC-200002', 'CC-100001', 'CC-300003'])
  })

  it('removing makes the chart active again, once; other charts stay inactive', async () => {
    await repo.mark(chart('CC-100418'))
    await repo.mark(chart('CC-200001'))
    expect(await repo.remove('CC-100418')).toBe(true)
    expect(await repo.remove('CC-100418')).toBe(false)
    expect(await repo.get('CC-100418')).toBeUndefined()
    expect((await repo.list()).map((c) => c.mrn)).toEqual(['CC-200001'])
  })

  it('the originals expected in the archive are those of inactive charts; the main store holds the rest and the stacks, never destroyed ones', async () => {
    const sha = (c: string) => c.repeat(64)
    await addDocument(cat.sql, { sha256: sha('1'), patient_mrn: 'CC-100418' })
    await addDocument(cat.sql, { sha256: sha('2'), patient_mrn: 'CC-200001' })
    await addDocument(cat.sql, { sha256: sha('3'), patient_mrn: 'CC-200001', status: 'failed', error_code: 'DESTROYED' })
    await addDocument(cat.sql, { sha256: sha('4'), patient_mrn: null, status: 'needs_review' })
    await addDocument(cat.sql, { sha256: sha('5'), patient_mrn: 'CC-100418', status: 'failed', error_code: 'OCR_FAILED' })
    await cat.sql.db
      .insertInto('batches')
      .values({
        sha256: sha('9'),
        size: 1,
        content_type: 'application/pdf',
        original_name: 'stack.pdf',
        received_at: '2026-11-30T08:00:00.000Z',
        page_count: 4,
        plan: '{}',
        split_by: 'chartclerk',
        created_at: '2026-11-30T08:00:00.000Z',
      })
      .execute()
    expect(await repo.originalsIn('archive')).toEqual([])
    expect(await repo.originalsIn('main')).toEqual([sha('1'), sha('2'), sha('4'), sha('5'), sha('9')])
    await repo.mark(chart('CC-200001'))
    await repo.mark(chart('CC-100418'))
    expect(await repo.originalsIn('archive')).toEqual([sha('1'), sha('2'), sha('5')])
    expect(await repo.originalsIn('main')).toEqual([sha('4'), sha('9')])
  })

  // On PostgreSQL the other desk has its own connection pool; on SQLite both share the one file.
  it('a chart made inactive at one desk is inactive at another; two desks marking it at once mark it once', async () => {
    const other = cat.another ? new InactiveChartsRepo(await cat.another()) : repo
    const both = await Promise.all([
      repo.mark(chart('CC-100418', { markedBy: 'desk one' })),
      other.mark(chart('CC-100418', { markedBy: 'desk two' })),
    ])
    expect(both.filter(Boolean)).toHaveLength(1)
    expect((await other.get('CC-100418'))!.markedBy).toBe(both[0] ? 'desk one' : 'desk two')
    expect(await Promise.all([repo.remove('CC-100418'), other.remove('CC-100418')]).then((r) => r.filter(Boolean).length)).toBe(1)
  })
})
