/**
 * The five committed sample outside records through the real pipeline: text
 * layer or real OCR, deskew, derived artefacts, the original kept untouched
 * with its metadata, the catalog and its full-text index, repeat receipts.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFParse } from 'pdf-parse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { silentLogger } from '../../../src/log.js'
import { derivedKey, originalKey } from '../../../src/storage/objectStore.js'
import { pageImage } from '../../../src/derived/pageImages.js'
import { makeWorkspace, SAMPLE_SCANS, type Workspace } from '../../helpers/workspace.js'

const FILES = ['lab-report-text.pdf', 'radiology-report-scan.pdf', 'discharge-summary-skewed.tiff', 'consult-note.png', 'referral-fax.jpg']
let ws: Workspace
let app: App
const results = new Map<string, IngestResult>()

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_OCR_WORKERS: '2' })
  app = await openApp(ws.config(), { log: silentLogger() })
  for (const r of await app.runner.ingestFiles(FILES.map((f) => path.join(SAMPLE_SCANS, f)))) results.set(path.basename(r.file), r)
}, 300_000)

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
})

const textOf = async (name: string) => (await app.catalog.documents.pages(results.get(name)!.documentId!)).map((p) => p.text).join('\n')

describe('samples through the pipeline', () => {
  it('every sample is stored, read and waiting for review (no classifier decides for it yet)', async () => {
    for (const f of FILES) {
      const r = results.get(f)!
      expect(r.status, f).toBe('needs_review')
      expect(r.documentId, f).toBeGreaterThan(0)
      expect(r.textLength, f).toBeGreaterThan(300)
    }
  })

  it('a PDF with a text layer is read without OCR', async () => {
    const r = results.get('lab-report-text.pdf')!
    expect(r.textSource).toBe('text-layer')
    expect(r.ocrConfidence).toBeNull()
    expect(await textOf('lab-report-text.pdf')).toMatch(/JOHNSON, MICHAEL/)
  })

  it('an image-only PDF is OCRed', async () => {
    const r = results.get('radiology-report-scan.pdf')!
    expect(r.textSource).toBe('ocr')
    expect(r.ocrConfidence).toBeGreaterThan(70)
    expect(await textOf('radiology-report-scan.pdf')).toMatch(/OKAFOR/i)
    expect(await textOf('radiology-report-scan.pdf')).toMatch(/IMPRESSION/i)
  })

  it('a skewed multi-page TIFF: three pages, each straightened by the angle it was skewed', async () => {
    const r = results.get('discharge-summary-skewed.tiff')!
    expect(r.pages).toBe(3)
    const pages = await app.catalog.documents.pages(r.documentId!)
    const angles = pages.map((p) => p.deskewAngle!)
    ;[1.5, -1, 1.5].forEach((want, i) => expect(Math.abs(angles[i]! - want), `page ${i + 1}: ${angles[i]}`).toBeLessThan(0.35))
    expect(pages.every((p) => p.source === 'ocr' && (p.ocrConfidence ?? 0) > 60)).toBe(true)
    expect(await textOf('discharge-summary-skewed.tiff')).toMatch(/LINDQVIST/i)
    expect(await textOf('discharge-summary-skewed.tiff')).toMatch(/Page 3 of 3/i)
  })

  it('a PNG consult and a fax JPEG are OCRed', async () => {
    expect(await textOf('consult-note.png')).toMatch(/GARCIA/i)
    expect(await textOf('referral-fax.jpg')).toMatch(/SMITH/i)
    expect(results.get('referral-fax.jpg')!.ocrConfidence).toBeGreaterThan(50)
  })

  it('the untouched original is in the store under its SHA-256, with its metadata', async () => {
    for (const f of FILES) {
      const bytes = await readFile(path.join(SAMPLE_SCANS, f))
      const sha = createHash('sha256').update(bytes).digest('hex')
      expect(results.get(f)!.sha256).toBe(sha)
      const info = await app.store.stat(originalKey(sha))
      expect(info?.size, f).toBe(bytes.length)
      expect(info?.metadata['original-name']).toBe(f)
      expect(Date.parse(info!.metadata['received-at']!)).not.toBeNaN()
      expect(Buffer.compare(await app.store.get(originalKey(sha)), bytes), `${f} byte for byte`).toBe(0)
    }
  })

  it('derived artefacts: text with word boxes and the scans as read at ingest; the searchable PDF after settling; page images on first view', async () => {
    const tiff = results.get('discharge-summary-skewed.tiff')!
    const textPdf = results.get('lab-report-text.pdf')!
    // Nothing is drawn for the viewer on the way in.
    for (const r of [tiff, textPdf]) expect(await app.store.stat(derivedKey(r.documentId!, 'page-0001.png'))).toBeNull()
    for (const p of [1, 2, 3])
      expect((await app.store.get(derivedKey(tiff.documentId!, `scan-000${p}.jpg`))).subarray(0, 2).toString('hex')).toBe('ffd8')
    const text = JSON.parse((await app.store.get(derivedKey(tiff.documentId!, 'text.json'))).toString())
    expect(text.pages).toHaveLength(3)
    expect(text.pages[0].words.length).toBeGreaterThan(50)
    expect(text.pages[0].words[0]).toMatchObject({
      text: expect.any(String),
      confidence: expect.any(Number),
      bbox: { x0: expect.any(Number) },
    })
    expect(await app.store.stat(derivedKey(tiff.documentId!, 'searchable.pdf'))).toBeNull()
    expect(await app.searchablePdfs.drain()).toBeGreaterThanOrEqual(2) // the TIFF and the image-only PDF
    const pdf = await app.store.get(derivedKey(tiff.documentId!, 'searchable.pdf'))
    const parser = new PDFParse({ data: new Uint8Array(pdf) })
    const parsed = await parser.getText()
    await parser.destroy()
    expect(parsed.total).toBe(3)
    expect(parsed.text).toMatch(/LINDQVIST/i)
    // A text-layer PDF is its own searchable copy.
    expect(await app.store.stat(derivedKey(textPdf.documentId!, 'searchable.pdf'))).toBeNull()
    for (const r of [tiff, textPdf]) {
      const png = await pageImage(app, (await app.catalog.documents.get(r.documentId!))!, 1)
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect(await app.store.stat(derivedKey(r.documentId!, 'page-0001.png'))).not.toBeNull()
    }
  })

  it('full-text search over the extracted text', async () => {
    const hits = await app.catalog.documents.search('Lindqvist')
    expect(hits.map((h) => h.documentId)).toContain(results.get('discharge-summary-skewed.tiff')!.documentId)
  })

  it('GIVEN a file received again WHEN ingested THEN it is a repeat receipt on the same document, not stored or filed twice', async () => {
    const [again] = await app.runner.ingestFiles([path.join(SAMPLE_SCANS, 'consult-note.png')])
    expect(again!.status).toBe('duplicate')
    const first = results.get('consult-note.png')!
    expect(again!.documentId).toBe(first.documentId)
    const receipts = await app.catalog.documents.receipts(first.documentId!)
    expect(receipts.map((r) => r.isRepeat)).toEqual([false, true])
    expect((await app.catalog.documents.countByStatus()).needs_review).toBe(FILES.length)
  })
})
