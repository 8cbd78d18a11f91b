/**
 * Reading the pages that went wrong on real outside records, with real OCR (tesseract.js,
 * offline model): generated pages with ground truth, from the benchmark's page maker.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { makePage } from '../../../bench/accuracy-pages.js'
import { wordAccuracy, words } from '../../../bench/accuracy.js'
import { readScannedPage } from '../../../src/extract/extractText.js'
import { decodePage } from '../../../src/extract/images.js'
import { createOcrEngine } from '../../../src/extract/ocr/engine.js'
import { detectSignature } from '../../../src/extract-fields/signature.js'

const engine = createOcrEngine({ engine: 'tesseract.js', workers: 1 })
afterAll(() => engine.close())

async function read(style: Parameters<typeof makePage>[0], seed: string) {
  const page = await makePage(style, seed)
  const grey = await decodePage(page.png, 'png', 1, { maxPixels: 1e8 })
  const r = await readScannedPage(grey, engine, { deskew: true })
  return { ...r, truth: page.truth, accuracy: wordAccuracy(page.truth, r.result.text) }
}

describe('reading scanned pages (real OCR)', () => {
  it('reads a sparse last page with a signature block, and finds the signature', async () => {
    const r = await read('sparse', 'test:sparse')
    expect(r.accuracy).toBeGreaterThanOrEqual(0.95)
    const sig = detectSignature(r.result.text)
    expect(sig.present).toBe(true)
    expect(sig.kind).toBe('electronic')
  })

  it('sets a page turned 90 degrees upright and reads it', async () => {
    const r = await read('turned-90', 'test:turned-90')
    expect([90, 270]).toContain(r.prepared.turned)
    expect(r.path).toMatch(/turned (90|270)/)
    expect(r.accuracy).toBeGreaterThan(0.7)
  })

  it('sets a page turned 180 degrees upright and reads it', async () => {
    const r = await read('turned-180', 'test:turned-180')
    expect(r.prepared.turned).toBe(180)
    expect(r.accuracy).toBeGreaterThan(0.7)
  })

  it('keeps the reading order of a two-column page', async () => {
    const r = await read('two-column', 'test:two-column')
    expect(r.prepared.layout).toBe('auto')
    expect(r.accuracy).toBeGreaterThan(0.9)
  })

  it('keeps the reading order of a two-column report under a full-width heading and above a footer', async () => {
    const r = await read('columns-report', 'test:columns-report')
    expect(r.prepared.layout).toBe('auto')
    expect(r.accuracy).toBeGreaterThan(0.85)
  })

  it('takes the specks off a speckled page and reads it', async () => {
    const r = await read('specks', 'test:specks')
    expect(r.path).toMatch(/specks removed/)
    expect(r.prepared.despeckled).toBeGreaterThan(1000)
    // Specks read as words show as many more words than are printed.
    expect(words(r.result.text).length).toBeLessThan(words(r.truth).length * 1.3)
    expect(r.accuracy).toBeGreaterThan(0.45)
  })

  it('does not read a photocopy lid shadow as junk', async () => {
    const r = await read('lid-shadow', 'test:lid-shadow')
    expect(r.path).toMatch(/edge shadow removed/)
    expect(words(r.result.text).length).toBeLessThan(words(r.truth).length * 1.25)
    expect(r.accuracy).toBeGreaterThan(0.75)
  })

  it('keeps the letters of a typewritten page (no stems taken for rules)', async () => {
    const r = await read('typewriter', 'test:typewriter')
    expect(r.accuracy).toBeGreaterThanOrEqual(0.95)
    expect(r.result.text).toContain('CONSULTATION REPORT')
  })

  it('does not read heavy background shading as junk', async () => {
    const r = await read('shaded', 'test:shaded')
    expect(r.path).toMatch(/flattened|plain grey/)
    // Junk from shading shows as many more words than are printed.
    expect(words(r.result.text).length).toBeLessThan(words(r.truth).length * 1.25)
    expect(r.accuracy).toBeGreaterThan(0.7)
  })
})
