/**
 * Contract of the split batches repository (src/split/batches.ts), the same on SQLite and on
 * PostgreSQL: a stack divided into its documents, every receipt of it, and the cuts people decided.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BatchesRepo, type BatchReceipt, type BatchRecord } from '../../../src/split/batches.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()
const SHA = 'c0ffee'.padEnd(64, '7')

const batch = (o: Partial<BatchRecord> = {}): Omit<BatchRecord, 'createdAt'> => ({
  sha256: SHA,
  size: 734_112,
  contentType: 'application/pdf',
  originalName: 'fax-2026-11-30.pdf',
  receivedAt: '2026-11-30T08:15:00.000Z',
  pageCount: 8,
  plan: {
    parts: [
      { from: 1, to: 4 },
      { from: 6, to: 8 },
    ],
    cuts: [{ page: 6, confidence: 0.97, reasons: ['separator sheet on page 5'] }],
    separators: [5],
    documents: [
      { documentId: 41, from: 1, to: 4 },
      { documentId: 42, from: 6, to: 8 },
    ],
  },
  splitBy: 'chartclerk',
  ...o,
})
const receipt = (claimId: string, o: Partial<BatchReceipt> = {}): BatchReceipt => ({
  batchSha256: SHA,
  claimId,
  receivedAt: '2026-11-30T08:15:00.000Z',
  originalName: 'fax-2026-11-30.pdf',
  sourceFolder: 'fax',
  isRepeat: false,
  ...o,
})

describe.each(engines)('split batches on $name', (engine) => {
  let cat: OpenedCatalog
  let repo: BatchesRepo
  beforeAll(async () => {
    cat = await engine.open()
    repo = new BatchesRepo(cat.sql)
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('a batch is kept as recorded with its plan, and its receipts in order; the first record stands', async () => {
    const before = new Date().toISOString()
    await repo.add(batch(), [receipt('claim-a'), receipt('claim-b', { isRepeat: true, sourceFolder: '' })])
    const got = await repo.get(SHA)
    expect(got).toEqual({ ...batch(), createdAt: got!.createdAt })
    expect(got!.createdAt >= before).toBe(true)
    expect(await repo.get('f'.repeat(64))).toBeUndefined()
    expect(await repo.receipts(SHA)).toEqual([
      { claimId: 'claim-a', receivedAt: '2026-11-30T08:15:00.000Z', isRepeat: false },
      { claimId: 'claim-b', receivedAt: '2026-11-30T08:15:00.000Z', isRepeat: true },
    ])

    await repo.add(batch({ splitBy: 'someone else', pageCount: 9 }), [receipt('claim-a', { isRepeat: true }), receipt('claim-c')])
    expect((await repo.get(SHA))!.splitBy).toBe('chartclerk')
    expect((await repo.receipts(SHA)).map((r) => [r.claimId, r.isRepeat])).toEqual([
      ['claim-a', false],
      ['claim-b', true],
      ['claim-c', false],
    ])
  })

  it('a receipt is recorded once per claim, and found by its claim', async () => {
    await repo.add(batch())
    expect(await repo.addReceipt(receipt('claim-x', { isRepeat: true }))).toBe(true)
    expect(await repo.addReceipt(receipt('claim-x'))).toBe(false)
    expect(await repo.receiptByClaim('claim-x')).toEqual({ batchSha256: SHA, isRepeat: true })
    expect(await repo.receiptByClaim('claim-y')).toBeUndefined()
  })

  it('decisions are kept with what was proposed and decided, by batch or all, oldest first', async () => {
    const other = 'd'.repeat(64)
    const a = await repo.addDecision({ batchSha256: SHA, proposed: [1, 3, 5], decided: [1, 3, 6], decidedBy: 'clerk a' })
    const b = await repo.addDecision({ batchSha256: other, proposed: [1], decided: [1, 2], decidedBy: 'clerk b' })
    const c = await repo.addDecision({ batchSha256: SHA, proposed: [1, 3, 6], decided: [1, 3, 6], decidedBy: 'clerk b' })
    expect(b).toBeGreaterThan(a)
    const mine = await repo.decisions(SHA)
    expect(mine.map((d) => [d.id, d.proposed, d.decided, d.decidedBy])).toEqual([
      [a, [1, 3, 5], [1, 3, 6], 'clerk a'],
      [c, [1, 3, 6], [1, 3, 6], 'clerk b'],
    ])
    expect(mine.every((d) => d.batchSha256 === SHA && /^\d{4}-\d\d-\d\dT/.test(d.decidedAt))).toBe(true)
    expect((await repo.decisions()).map((d) => d.id)).toEqual([a, b, c])
  })

  // On PostgreSQL the other worker has its own connection pool; on SQLite both share the one file.
  it('two workers recording the same stack at once record it once, each receipt once', async () => {
    const other = cat.another ? new BatchesRepo(await cat.another()) : repo
    await Promise.all([
      repo.add(batch(), [receipt('claim-a')]),
      other.add(batch({ splitBy: 'clerk' }), [receipt('claim-a'), receipt('claim-b')]),
    ])
    expect((await other.receipts(SHA)).map((r) => r.claimId).sort()).toEqual(['claim-a', 'claim-b'])
    expect(['chartclerk', 'clerk']).toContain((await repo.get(SHA))!.splitBy)
  })
})
