/**
 * Contract of the documents repository (src/catalog/documents.ts): documents, receipts, pages and
 * full-text search, the same on SQLite and on PostgreSQL; a document with its pages and receipt is
 * recorded together or not at all.
 */
import { sql as raw } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PageText } from '../../../src/model/types.js'
import { DocumentsRepo, type NewDocument } from '../../../src/catalog/documents.js'
import { EventLog } from '../../../src/catalog/events.js'
import { CatalogScope } from '../../../src/catalog/scope.js'
import { writeTransaction } from '../../../src/catalog/sql/write.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

let n = 0
const doc = (over: Partial<NewDocument> = {}): NewDocument => ({
  sha256: `${(++n).toString(16).padStart(4, '0')}${'ab'.repeat(30)}`,
  size: 1200 + n,
  contentType: 'application/pdf',
  originalName: `scan-${n}.pdf`,
  sourceFolder: 'fax',
  receivedAt: '2026-12-07T09:00:00.000Z',
  ...over,
})

const page = (no: number, text: string, over: Partial<PageText> = {}): PageText => ({
  page: no,
  text,
  source: 'ocr',
  ocrConfidence: 91.5,
  deskewAngle: 0.4,
  width: 2550,
  height: 3300,
  words: text
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => ({ text: t })) as unknown as PageText['words'],
  ...over,
})

describe.each(engines)('documents on $name', (engine) => {
  // The event log refuses DELETE, so each test has its own catalog.
  let cat: OpenedCatalog
  let scope: CatalogScope
  let docs: DocumentsRepo
  let events: EventLog
  beforeEach(async () => {
    cat = await engine.open()
    scope = new CatalogScope(cat.sql)
    docs = new DocumentsRepo(scope, () => new Date('2026-12-07T10:00:00.000Z'))
    events = new EventLog(scope)
  })
  afterEach(async () => cat?.close())

  it('a recorded document reads back with every field; a patch sets only what it names', async () => {
    const d = doc({ batchSha256: 'cafe', pageFrom: 3, pageTo: 4, pagesKey: 'k1' })
    const id = await docs.create(d)
    const got = await docs.get(id)
    expect(got).toMatchObject({
      id,
      sha256: d.sha256,
      size: d.size,
      contentType: 'application/pdf',
      originalName: d.originalName,
      sourceFolder: 'fax',
      receivedAt: d.receivedAt,
      status: 'received',
      pageCount: null,
      textSource: null,
      ocrConfidence: null,
      patientMrn: null,
      reviewReasons: [],
      details: {},
      errorCode: null,
      batchSha256: 'cafe',
      pageFrom: 3,
      pageTo: 4,
      pagesKey: 'k1',
    })
    expect(await docs.bySha(d.sha256)).toEqual(got)
    expect(await docs.get(id + 100)).toBeUndefined()
    expect(await docs.bySha('nope')).toBeUndefined()
    await docs.update(id, {
      status: 'needs_review',
      pageCount: 2,
      textSource: 'ocr',
      textLength: 1834,
      ocrConfidence: 88.25,
      docType: 'lab_report',
      typeConfidence: 0.91,
      patientMrn: 'CC-100418',
      reviewReasons: ['low_type_confidence'],
      details: { fields: { collected: '2026-11-30' } },
    })
    await docs.update(id, { errorCode: null, docType: 'lab_report' })
    await docs.update(id, {})
    expect(await docs.get(id)).toMatchObject({
      status: 'needs_review',
      pageCount: 2,
      textSource: 'ocr',
      textLength: 1834,
      ocrConfidence: 88.25,
      docType: 'lab_report',
      typeConfidence: 0.91,
      patientMrn: 'CC-100418',
      reviewReasons: ['low_type_confidence'],
      details: { fields: { collected: '2026-11-30' } },
      sha256: d.sha256,
    })
    expect((await events.forDocument(id)).map((e) => [e.kind, e.at, e.data])).toEqual([
      ['document.stored', '2026-12-07T10:00:00.000Z', { sha256: d.sha256, size: d.size }],
    ])
    // The same original twice is refused by the catalog (one document per SHA-256).
    await expect(docs.create({ ...d })).rejects.toThrow()
  })

  it('lists, a chart, counts by status, a repeat by its pages, the parts of a stack', async () => {
    const a = await docs.create(doc())
    const b = await docs.create(doc({ batchSha256: 'stack', pageFrom: 5, pageTo: 6, pagesKey: 'same' }))
    const c = await docs.create(doc({ batchSha256: 'stack', pageFrom: 1, pageTo: 4, pagesKey: 'same' }))
    await docs.update(a, { status: 'filed', patientMrn: 'CC-100418' })
    await docs.update(b, { status: 'failed', patientMrn: 'CC-100418' })
    await docs.update(c, { status: 'filed' })
    expect((await docs.list()).map((d) => d.id)).toEqual([c, b, a])
    expect((await docs.list({ status: 'filed' })).map((d) => d.id)).toEqual([c, a])
    expect((await docs.list({ limit: 1, offset: 1 })).map((d) => d.id)).toEqual([b])
    expect((await docs.forPatient('CC-100418')).map((d) => d.id)).toEqual([a, b])
    expect(await docs.forPatient('CC-999999')).toEqual([])
    expect(await docs.countByStatus()).toEqual({ received: 0, needs_review: 0, filed: 2, failed: 1 })
    // A failed document is not the one already on file.
    expect((await docs.byPagesKey('same'))!.id).toBe(c)
    expect(await docs.byPagesKey('other')).toBeUndefined()
    expect((await docs.ofBatch('stack')).map((d) => d.id)).toEqual([c, b])
    expect((await docs.getMany([c, 999, a])).map((d) => d.id)).toEqual([c, a])
  })

  it("the desk's queue and chart lists: review order, a chart's filed documents, recent charts, filings since", async () => {
    const mk = async (receivedAt: string, status: 'needs_review' | 'filed' | 'failed', mrn: string | null) => {
      const id = await docs.create(doc({ receivedAt }))
      await docs.update(id, { status, patientMrn: mrn })
      return id
    }
    const late = await mk('2026-12-03T10:00:00.000Z', 'needs_review', null)
    const early = await mk('2026-12-01T10:00:00.000Z', 'needs_review', null)
    const a1 = await mk('2026-11-20T10:00:00.000Z', 'filed', 'CC-100418')
    const a2 = await mk('2026-12-02T10:00:00.000Z', 'filed', 'CC-100418')
    const b1 = await mk('2026-11-25T10:00:00.000Z', 'filed', 'CC-100500')
    await mk('2026-12-04T10:00:00.000Z', 'failed', 'CC-100600')
    expect((await docs.reviewQueue()).map((d) => d.id)).toEqual([early, late])
    expect((await docs.reviewQueue(1)).map((d) => d.id)).toEqual([early])
    expect(await docs.reviewIds()).toEqual([early, late])
    expect(await docs.idsWithStatus('needs_review')).toEqual([late, early])
    expect(await docs.oldestReview()).toBe('2026-12-01T10:00:00.000Z')
    expect((await docs.filedInChart('CC-100418')).map((d) => d.id)).toEqual([a2, a1])
    expect(await docs.recentCharts()).toEqual([
      { mrn: 'CC-100418', documents: 2, latest: '2026-12-02T10:00:00.000Z' },
      { mrn: 'CC-100500', documents: 1, latest: '2026-11-25T10:00:00.000Z' },
    ])
    expect(await docs.recentCharts(1)).toHaveLength(1)
    expect(await docs.chartMrns()).toEqual(['CC-100418', 'CC-100500'])
    expect(await docs.chartMrns({ filedOnly: false })).toEqual(['CC-100418', 'CC-100500', 'CC-100600'])
    await events.append('document.filed', a1)
    await events.append('document.settled', a1)
    await events.append('document.settled', b1)
    await events.append('document.routed', a2)
    expect(await events.documentsSince(['document.filed', 'document.settled'], '2026-01-01T00:00:00.000Z')).toBe(2)
    expect(await events.documentsSince(['document.filed'], '2999-01-01T00:00:00.000Z')).toBe(0)
  })

  it('a receipt is recorded once per claim; a repeat is an event; a withdrawn claim is gone', async () => {
    const id = await docs.create(doc())
    const r = { documentId: id, claimId: 'claim-1', receivedAt: '2026-12-07T09:00:00.000Z', originalName: 'a.pdf', sourceFolder: 'fax' }
    expect(await docs.addReceipt({ ...r, isRepeat: false, site: 'north' })).toBe(true)
    expect(await docs.addReceipt({ ...r, isRepeat: false })).toBe(false)
    expect(await docs.addReceipt({ ...r, claimId: 'claim-2', isRepeat: true })).toBe(true)
    expect(await docs.addReceipt({ ...r, claimId: 'claim-2', isRepeat: true })).toBe(false)
    expect(await docs.receiptByClaim('claim-1')).toMatchObject({ documentId: id, isRepeat: false, site: 'north', originalName: 'a.pdf' })
    expect((await docs.receipts(id)).map((x) => [x.claimId, x.isRepeat, x.site])).toEqual([
      ['claim-1', false, 'north'],
      ['claim-2', true, null],
    ])
    expect((await events.forDocument(id)).map((e) => e.kind)).toEqual(['document.stored', 'document.received_again'])
    await docs.withdrawReceipt('claim-2')
    expect(await docs.receiptByClaim('claim-2')).toBeUndefined()
    expect(await docs.receipts(id)).toHaveLength(1)
  })

  it("saving pages replaces the document's pages and what search finds", async () => {
    const id = await docs.create(doc())
    await docs.savePages(id, [page(1, 'Hemoglobin A1c 6.1 percent'), page(2, 'Lipid panel', { source: 'text-layer', ocrConfidence: null })])
    await docs.savePages(id, [page(1, 'Discharge summary for the patient', { deskewAngle: null, width: null, height: null })])
    expect(await docs.pages(id)).toEqual([
      {
        page: 1,
        source: 'ocr',
        text: 'Discharge summary for the patient',
        ocrConfidence: 91.5,
        deskewAngle: null,
        width: null,
        height: null,
        wordCount: 5,
      },
    ])
    expect(await docs.search('hemoglobin')).toEqual([])
    expect((await docs.search('discharge')).map((h) => [h.documentId, h.page])).toEqual([[id, 1]])
  })

  it('a document, its pages and its receipt are recorded together or not at all', async () => {
    const d = doc()
    await expect(
      scope.atomically(`document ${d.sha256}`, async (trx) => {
        const inTrx = new DocumentsRepo(trx)
        const id = await inTrx.create(d)
        await inTrx.savePages(id, [page(1, 'Radiology report chest')])
        await inTrx.addReceipt({
          documentId: id,
          claimId: 'c1',
          receivedAt: d.receivedAt,
          originalName: 'x',
          sourceFolder: '',
          isRepeat: false,
        })
        throw new Error('the store did not answer')
      }),
    ).rejects.toThrow(/did not answer/)
    expect(await docs.bySha(d.sha256)).toBeUndefined()
    expect(await docs.receiptByClaim('c1')).toBeUndefined()
    expect(await docs.search('radiology')).toEqual([])
    expect(await events.recent()).toEqual([])
    // And committed when nothing fails.
    const id = await scope.atomically('document', async (trx) => {
      const inTrx = new DocumentsRepo(trx)
      const id = await inTrx.create(d)
      await inTrx.savePages(id, [page(1, 'Radiology report chest')])
      await inTrx.addReceipt({
        documentId: id,
        claimId: 'c1',
        receivedAt: d.receivedAt,
        originalName: 'x',
        sourceFolder: '',
        isRepeat: false,
      })
      return id
    })
    expect((await docs.receiptByClaim('c1'))!.documentId).toBe(id)
    expect(await docs.search('radiology')).toHaveLength(1)
  })

  it('a repository on the catalog called inside a write transaction writes with it; transactions started together take turns', async () => {
    const d = doc()
    await expect(
      writeTransaction(cat.sql, 'test', async () => {
        // `docs` is on the catalog's own scope, not the transaction's: it joins the transaction all the same.
        const id = await docs.create(d)
        await docs.savePages(id, [page(1, 'Audiology report')])
        throw new Error('rolled back')
      }),
    ).rejects.toThrow(/rolled back/)
    expect(await docs.bySha(d.sha256)).toBeUndefined()
    expect(await docs.search('audiology')).toEqual([])
    // Ten documents recorded at once, each with its pages and receipt in its own transaction.
    const many = Array.from({ length: 10 }, () => doc())
    const ids = await Promise.all(
      many.map((x, i) =>
        scope.atomically(`document ${x.sha256}`, async (trx) => {
          const inTrx = new DocumentsRepo(trx)
          const id = await inTrx.create(x)
          await inTrx.savePages(id, [page(1, `Consult note number${i}`)])
          await inTrx.addReceipt({
            documentId: id,
            claimId: `k${i}`,
            receivedAt: x.receivedAt,
            originalName: 'x',
            sourceFolder: '',
            isRepeat: false,
          })
          return id
        }),
      ),
    )
    expect(new Set(ids).size).toBe(10)
    for (const [i, id] of ids.entries()) {
      expect((await docs.receiptByClaim(`k${i}`))!.documentId).toBe(id)
      expect((await docs.search(`number${i}`)).map((h) => h.documentId)).toEqual([id])
    }
  })

  it('every original hash, documents and received stacks, in order and once, across pages of results', async () => {
    const shas: string[] = []
    for (let i = 0; i < 1203; i++) shas.push(`${i.toString(16).padStart(6, '0')}${'0'.repeat(58)}`)
    for (let i = 0; i < shas.length; i += 400)
      await cat.sql.db
        .insertInto('documents')
        .values(
          shas.slice(i, i + 400).map((sha256) => ({
            sha256,
            size: 1,
            content_type: 'application/pdf',
            original_name: 'x.pdf',
            received_at: '2026-12-07',
            status: 'filed',
            created_at: '2026-12-07',
            updated_at: '2026-12-07',
          })),
        )
        .execute()
    const stack = 'f'.repeat(64)
    await raw`INSERT INTO batches (sha256, size, content_type, original_name, received_at, page_count, plan, split_by, created_at)
              VALUES (${stack}, 9, 'application/pdf', 'stack.pdf', '2026-12-07', 8, '{}', 'auto', '2026-12-07')`.execute(cat.sql.db)
    // The stack's first part is a document under the stack's own hash too: listed once.
    await raw`INSERT INTO documents (sha256, size, content_type, original_name, received_at, status, created_at, updated_at)
              VALUES (${stack}, 9, 'application/pdf', 'stack.pdf', '2026-12-07', 'filed', '2026-12-07', '2026-12-07')`.execute(cat.sql.db)
    const seen: string[] = []
    for await (const r of docs.allShas()) seen.push(r.sha256)
    expect(seen).toEqual([...shas, stack])
  })
})

/**
 * The desk's searches: each query with the pages it must find, on both engines. The pages hold
 * what FTS5 and PostgreSQL's parser split differently (dates, MRNs with dashes, accents, stop words).
 */
const CORPUS = [
  'Hemoglobin A1c results were reviewed by the cardiologist on 03/14/2026',
  'Patient: José Álvarez   MRN CC-100418   DOB 1961-07-02',
  'Discharge summary. Diagnosis: congestive heart failure. Follow up in two weeks.',
  'Lipid panel: LDL 131 mg/dL, HDL 48 mg/dL. Results of the panel discussed with patient.',
  'Referral to physical therapy for lumbar strain; e-mail front.desk@clinic.example for scheduling',
  'Radiology: chest x-ray, no acute findings. Reviewed 2026-03-14.',
]

const SEARCHES: [query: string, pages: number[]][] = [
  ['hemoglobin', [1]],
  ['HEMOGLOBIN a1c', [1]],
  ['result', [1, 4]], // stemmed: "results"
  ['reviewing', [1, 6]], // stemmed: "reviewed"
  ['2026', [1, 6]], // a part of 03/14/2026 and of 2026-03-14, not DOB 1961
  ['03/14/2026', [1]],
  ['03-14', [1, 6]], // "03 14" in a row: in 2026-03-14, and in 03/14/2026 too
  ['CC-100418', [2]],
  ['100418', [2]],
  ['cc100418', []],
  ['jose alvarez', [2]], // accents do not count
  ['álvarez', [2]],
  ['results of the panel', [4]], // stop words count as words
  ['of the', [4]],
  ['heart failure', [3]],
  ['failure heart', [3]], // each word, in any order
  ['"heart', [3]], // a stray quote is not search syntax
  ['chest OR x', []], // nor is OR: three words, and "or" is on no page
  ['chest NO x', [6]],
  ['clinic', [5]],
  ['front.desk', [5]],
  ['discharge cardiologist', []],
  ['- / ""', []],
  ['', []],
]

describe.each(engines)("the desk's searches on $name", (engine) => {
  let cat: OpenedCatalog
  let docs: DocumentsRepo
  const ids: number[] = []
  beforeEach(async () => {
    cat = await engine.open()
    docs = new DocumentsRepo(new CatalogScope(cat.sql))
    ids.length = 0
    for (const [i, text] of CORPUS.entries()) {
      const id = await docs.create(doc())
      ids.push(id)
      await docs.savePages(id, [page(1, `Page one of document ${i + 1}`), page(2, text)])
    }
  })
  afterEach(async () => cat?.close())

  it('finds the same pages for each query', async () => {
    const found: Record<string, number[]> = {}
    for (const [q] of SEARCHES)
      found[q] = (await docs.search(q))
        .filter((h) => h.page === 2)
        .map((h) => ids.indexOf(h.documentId) + 1)
        .sort((a, b) => a - b)
    expect(found).toEqual(Object.fromEntries(SEARCHES.map(([q, pages]) => [q, [...new Set(pages)].sort((a, b) => a - b)])))
    // "document" is on every first page: found there, not on the second pages.
    expect((await docs.search('document')).map((h) => h.page)).toEqual(CORPUS.map(() => 1))
  })

  it('brackets the matched words in the snippet and keeps to the limit', async () => {
    const [hit] = await docs.search('cardiologist')
    expect(hit!.snippet).toContain('[cardiologist]')
    expect(hit!.snippet.split(/\s+/).length).toBeLessThanOrEqual(14)
    expect(await docs.search('document', 2)).toHaveLength(2)
    // The best match first: the page with both words before a page with one.
    const ranked = await docs.search('panel')
    expect(ranked.map((h) => ids.indexOf(h.documentId) + 1)).toEqual([4])
  })
})
