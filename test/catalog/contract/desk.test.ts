/**
 * Contract of the desk's read-only queries (src/web/desk.ts, over the documents repository and
 * the event log), the same on SQLite and on PostgreSQL: the review queue's order and counts, a
 * chart's documents, the recent charts, what was filed today, and a document by the start of its
 * SHA-256.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DocumentsRepo, type DocumentRecord } from '../../../src/catalog/documents.js'
import { EventLog } from '../../../src/catalog/events.js'
import { CatalogScope } from '../../../src/catalog/scope.js'
import { DeskQueries } from '../../../src/web/desk.js'
import { addDocument } from './documentRows.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const ids = (docs: DocumentRecord[]) => docs.map((d) => d.id)

describe.each(engines)('desk queries on $name', (engine) => {
  let cat: OpenedCatalog
  let desk: DeskQueries
  let documents: DocumentsRepo
  beforeAll(async () => {
    cat = await engine.open()
    const scope = new CatalogScope(cat.sql)
    documents = new DocumentsRepo(scope)
    desk = new DeskQueries({ documents, events: new EventLog(scope) })
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('the review queue is oldest received first (then by id), with its count, oldest receipt and neighbours', async () => {
    expect(await desk.reviewCount()).toBe(0)
    expect(await desk.oldestReview()).toBeNull()
    expect(await desk.reviewQueue()).toEqual([])
    const later = await addDocument(cat.sql, { status: 'needs_review', received_at: '2026-11-30T10:00:00.000Z' })
    const first = await addDocument(cat.sql, { status: 'needs_review', received_at: '2026-11-29T10:00:00.000Z' })
    const sameTime = await addDocument(cat.sql, { status: 'needs_review', received_at: '2026-11-30T10:00:00.000Z' })
    await addDocument(cat.sql, { status: 'filed', received_at: '2026-11-01T10:00:00.000Z' })
    expect(ids(await desk.reviewQueue())).toEqual([first, later, sameTime])
    expect(ids(await desk.reviewQueue(2))).toEqual([first, later])
    expect(await desk.reviewCount()).toBe(3)
    expect(await desk.oldestReview()).toBe('2026-11-29T10:00:00.000Z')
    expect(await desk.reviewNeighbours(later)).toEqual({ prev: first, next: sameTime, position: 2, total: 3 })
    expect(await desk.reviewNeighbours(first)).toEqual({ prev: null, next: later, position: 1, total: 3 })
    expect(await desk.reviewNeighbours(sameTime)).toEqual({ prev: later, next: null, position: 3, total: 3 })
    // An item no longer waiting: the next is the head of the queue.
    expect(await documents.reviewIds()).toEqual([first, later, sameTime])
    expect(await documents.reviewReceivedAt()).toEqual(['2026-11-29T10:00:00.000Z', '2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z'])
    expect(await desk.reviewNeighbours(999_999)).toEqual({ prev: null, next: first, position: 0, total: 3 })
  })

  it("a chart's documents are its filed ones, newest received first; recent charts are by their latest filing", async () => {
    const a1 = await addDocument(cat.sql, { patient_mrn: 'CC-100418', received_at: '2026-10-01T10:00:00.000Z' })
    const a2 = await addDocument(cat.sql, { patient_mrn: 'CC-100418', received_at: '2026-11-20T10:00:00.000Z' })
    await addDocument(cat.sql, { patient_mrn: 'CC-100418', status: 'needs_review', received_at: '2026-12-01T10:00:00.000Z' })
    await addDocument(cat.sql, { patient_mrn: 'CC-200001', received_at: '2026-11-25T10:00:00.000Z' })
    await addDocument(cat.sql, { patient_mrn: 'CC-300003', received_at: '2026-09-01T10:00:00.000Z' })
    await addDocument(cat.sql, { patient_mrn: null, status: 'needs_review', received_at: '2026-12-02T10:00:00.000Z' })
    expect(ids(await desk.chartDocuments('CC-100418'))).toEqual([a2, a1])
    expect(await desk.chartDocuments('CC-999999')).toEqual([])
    expect(await desk.recentCharts()).toEqual([
      { mrn: 'CC-200001', documents: 1, latest: '2026-11-25T10:00:00.000Z' },
      { mrn: 'CC-100418', documents: 2, latest: '2026-11-20T10:00:00.000Z' },
      { mrn: 'CC-300003', documents: 1, latest: '2026-09-01T10:00:00.000Z' },
    ])
    expect((await desk.recentCharts(1)).map((r) => r.mrn)).toEqual(['CC-200001'])
  })

  it('a document is found by the start of its SHA-256; a prefix that is not hexadecimal finds none', async () => {
    const a = await addDocument(cat.sql, { sha256: 'abc1'.padEnd(64, '0') })
    const b = await addDocument(cat.sql, { sha256: 'abc2'.padEnd(64, '0') })
    expect(await documents.idsBySha256Prefix('abc1')).toEqual([a])
    expect(await documents.idsBySha256Prefix('abc')).toEqual([a, b])
    expect(await documents.idsBySha256Prefix('abc', 1)).toEqual([a])
    expect(await documents.idsBySha256Prefix('abd')).toEqual([])
    expect(await documents.idsBySha256Prefix('%')).toEqual([])
  })

  it('filed since counts each document filed or settled once', async () => {
    // The event log is append-only: these events stay for the rest of the file, so their times are this test's own.
    const log = (kind: string, document_id: number | null, at: string) =>
      cat.sql.db.insertInto('events').values({ kind, document_id, at }).execute()
    await log('document.filed', 7001, '2031-05-01T08:00:00.000Z')
    await log('document.settled', 7001, '2031-05-01T09:00:00.000Z')
    await log('document.settled', 7002, '2031-05-01T10:00:00.000Z')
    await log('document.needs_review', 7003, '2031-05-01T10:00:00.000Z')
    await log('document.filed', 7004, '2031-04-30T23:59:59.000Z')
    expect(await desk.filedSince('2031-05-01T00:00:00.000Z')).toBe(2)
    expect(await desk.filedSince('2031-04-30T00:00:00.000Z')).toBe(3)
    expect(await desk.filedSince('2031-05-02T00:00:00.000Z')).toBe(0)
  })
})
