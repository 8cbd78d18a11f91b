/**
 * Contract of the searchable PDFs owed (src/derived/pendingSearchable.ts), the same on SQLite and
 * on PostgreSQL: what is ready to build, tried again, or given up.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS, PendingSearchable } from '../../../src/derived/pendingSearchable.js'
import { addDocument } from './documentRows.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

describe.each(engines)('searchable PDFs owed on $name', (engine) => {
  let cat: OpenedCatalog
  let owed: PendingSearchable
  beforeAll(async () => {
    cat = await engine.open()
    owed = new PendingSearchable(cat.sql)
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('settled documents are ready in the order owed; those still being read or failed wait; a gone document is ready to be dropped', async () => {
    const filed = await addDocument(cat.sql, { status: 'filed' })
    const review = await addDocument(cat.sql, { status: 'needs_review' })
    const reading = await addDocument(cat.sql, { status: 'received' })
    const failed = await addDocument(cat.sql, { status: 'failed' })
    const gone = 987_654
    for (const id of [review, reading, filed, failed, gone]) {
      await owed.add(id)
      await new Promise((r) => setTimeout(r, 2))
    }
    expect(await owed.ready(10)).toEqual([
      { documentId: review, status: 'needs_review' },
      { documentId: filed, status: 'filed' },
      { documentId: gone, status: null },
    ])
    expect(await owed.ready(2)).toHaveLength(2)
    expect(await owed.count()).toBe(5)
    await owed.done(review)
    await owed.done(review)
    expect(await owed.count()).toBe(4)
    expect((await owed.ready(10)).map((r) => r.documentId)).toEqual([filed, gone])
  })

  it(`after ${MAX_ATTEMPTS} failures a document is no longer tried and is counted as given up; owing it again starts afresh`, async () => {
    const id = await addDocument(cat.sql)
    await owed.add(id)
    for (let i = 1; i < MAX_ATTEMPTS; i++) await owed.failed(id, 'STORAGE_FAILED')
    expect((await owed.ready(10)).map((r) => r.documentId)).toEqual([id])
    expect(await owed.givenUp()).toBe(0)
    await owed.failed(id, 'STORAGE_FAILED')
    expect(await owed.ready(10)).toEqual([])
    expect(await owed.givenUp()).toBe(1)
    expect(await owed.count()).toBe(1)
    await owed.add(id)
    expect(await owed.givenUp()).toBe(0)
    expect((await owed.ready(10)).map((r) => r.documentId)).toEqual([id])
    expect(await owed.count()).toBe(1)
  })
})
