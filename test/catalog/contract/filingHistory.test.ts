/**
 * Contract of the filing history (src/reports/filingHistory.ts), the same on SQLite and on
 * PostgreSQL: when documents were first filed, by chartclerk or after review, and when they
 * waited for review.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FilingHistory } from '../../../src/reports/filingHistory.js'
import { addDocument } from './documentRows.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

describe.each(engines)('filing history on $name', (engine) => {
  let cat: OpenedCatalog
  let history: FilingHistory
  // The event log is append-only: events stay for the whole file, so each test's documents have ids of their own.
  const log = (kind: string, document_id: number, at: string) => cat.sql.db.insertInto('events').values({ kind, document_id, at }).execute()
  beforeAll(async () => {
    cat = await engine.open()
    history = new FilingHistory(cat.sql)
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('each filed document once: first filed at its first filing event (else its last update), settled when a person decided it', async () => {
    const auto = await addDocument(cat.sql, { id: 101, page_count: 3 })
    const reviewed = await addDocument(cat.sql, { id: 102, page_count: null, updated_at: '2026-11-10T12:00:00.000Z' })
    const unlogged = await addDocument(cat.sql, { id: 103, page_count: 2, updated_at: '2026-11-11T08:00:00.000Z' })
    await addDocument(cat.sql, { id: 104, status: 'needs_review' })
    await log('document.received', auto, '2026-11-02T13:59:00.000Z')
    await log('document.filed', auto, '2026-11-02T14:01:00.000Z')
    await log('document.needs_review', reviewed, '2026-11-03T09:00:00.000Z')
    await log('document.refiled', reviewed, '2026-11-06T09:00:00.000Z')
    await log('document.settled', reviewed, '2026-11-04T09:00:00.000Z')
    await cat.sql.db
      .insertInto('settlements')
      .values({
        document_id: reviewed,
        doc_type: 'lab_report',
        patient_mrn: 'CC-100418',
        settled_by: 'clerk',
        settled_at: '2026-11-04T09:00:00.000Z',
      })
      .execute()
    expect(await history.firstFilings()).toEqual([
      { id: auto, pages: 3, filedAt: '2026-11-02T14:01:00.000Z', settled: false },
      { id: reviewed, pages: 0, filedAt: '2026-11-04T09:00:00.000Z', settled: true },
      { id: unlogged, pages: 2, filedAt: '2026-11-11T08:00:00.000Z', settled: false },
    ])
  })

  it('a wait in review runs from its needs_review event to the next filing, destruction or archiving; else to the last update, or still', async () => {
    const settled = await addDocument(cat.sql, { id: 201, status: 'filed' })
    const twice = await addDocument(cat.sql, { id: 202, status: 'filed' })
    const waiting = await addDocument(cat.sql, { id: 203, status: 'needs_review' })
    const left = await addDocument(cat.sql, { id: 204, status: 'failed', updated_at: '2026-11-09T10:00:00.000Z' })
    const byHand = await addDocument(cat.sql, { id: 205, status: 'needs_review', received_at: '2026-11-01T07:00:00.000Z' })
    await log('document.needs_review', settled, '2026-11-03T09:00:00.000Z')
    await log('document.note', settled, '2026-11-03T10:00:00.000Z')
    await log('document.settled', settled, '2026-11-05T09:00:00.000Z')
    await log('document.needs_review', twice, '2026-11-03T09:00:00.000Z')
    await log('document.filed', twice, '2026-11-04T09:00:00.000Z')
    await log('document.needs_review', twice, '2026-11-06T09:00:00.000Z')
    await log('document.archived', twice, '2026-11-08T09:00:00.000Z')
    await log('document.needs_review', waiting, '2026-11-07T09:00:00.000Z')
    await log('document.needs_review', left, '2026-11-07T09:00:00.000Z')
    const spans = await history.reviewSpans()
    expect(spans).toEqual([
      { id: settled, start: '2026-11-03T09:00:00.000Z', end: '2026-11-05T09:00:00.000Z' },
      { id: twice, start: '2026-11-03T09:00:00.000Z', end: '2026-11-04T09:00:00.000Z' },
      { id: twice, start: '2026-11-06T09:00:00.000Z', end: '2026-11-08T09:00:00.000Z' },
      { id: waiting, start: '2026-11-07T09:00:00.000Z', end: null },
      { id: left, start: '2026-11-07T09:00:00.000Z', end: '2026-11-09T10:00:00.000Z' },
      { id: byHand, start: '2026-11-01T07:00:00.000Z', end: null },
    ])
  })
})
