import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import type { PageText } from '../../../src/model/types.js'

const page = (n: number, text: string): PageText => ({
  page: n,
  text,
  source: 'ocr',
  ocrConfidence: 90,
  deskewAngle: 0.5,
  width: 100,
  height: 100,
  words: [],
})

describe('catalog', () => {
  it('migrates once: reopening an existing catalog keeps its data', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cc-cat-')), 'c.sqlite')
    const a = openCatalog(file)
    const id = await a.documents.create({
      sha256: 'a'.repeat(64),
      size: 10,
      contentType: 'application/pdf',
      originalName: 'x.pdf',
      sourceFolder: '',
      receivedAt: '2026-01-01T00:00:00Z',
    })
    a.close()
    const b = openCatalog(file)
    expect((await b.documents.get(id))?.originalName).toBe('x.pdf')
    expect((b.db.prepare('SELECT count(*) n FROM schema_migrations').get() as { n: number }).n).toBeGreaterThan(0)
    b.close()
  })

  it('the event log is append-only', async () => {
    const c = openCatalog(':memory:')
    await c.events.append('test', null, { a: 1 })
    expect(() => c.db.prepare("UPDATE events SET kind = 'x'").run()).toThrow(/append-only/)
    expect(() => c.db.prepare('DELETE FROM events').run()).toThrow(/append-only/)
    expect(await c.events.recent()).toHaveLength(1)
  })

  it('a receipt is recorded once per claim; repeats are counted and logged', async () => {
    const c = openCatalog(':memory:')
    const id = await c.documents.create({
      sha256: 'b'.repeat(64),
      size: 1,
      contentType: 'image/png',
      originalName: 'a.png',
      sourceFolder: 'fax',
      receivedAt: 'now',
    })
    const r = { documentId: id, claimId: 'c1', receivedAt: 't', originalName: 'a.png', sourceFolder: 'fax', isRepeat: false }
    expect(await c.documents.addReceipt(r)).toBe(true)
    expect(await c.documents.addReceipt(r)).toBe(false)
    expect(await c.documents.addReceipt({ ...r, claimId: 'c2', isRepeat: true })).toBe(true)
    expect((await c.documents.receipts(id)).map((x) => x.isRepeat)).toEqual([false, true])
    expect((await c.events.forDocument(id)).map((e) => e.kind)).toEqual(['document.stored', 'document.received_again'])
  })

  it('full-text search finds page text; FTS syntax in the query is harmless', async () => {
    const c = openCatalog(':memory:')
    const id = await c.documents.create({
      sha256: 'c'.repeat(64),
      size: 1,
      contentType: 'application/pdf',
      originalName: 'a.pdf',
      sourceFolder: '',
      receivedAt: 'now',
    })
    await c.documents.savePages(id, [page(1, 'Hemoglobin A1c elevated'), page(2, 'Chest radiograph normal')])
    expect(await c.documents.search('radiograph')).toEqual([expect.objectContaining({ documentId: id, page: 2 })])
    expect((await c.documents.search('hemoglobin a1c'))[0]?.page).toBe(1)
    expect(await c.documents.search('"unbalanced OR NEAR(')).toEqual([])
    // saving again replaces, never duplicates
    await c.documents.savePages(id, [page(1, 'Hemoglobin A1c elevated')])
    expect(await c.documents.pages(id)).toHaveLength(1)
    expect(await c.documents.search('radiograph')).toEqual([])
  })
})
