/**
 * Reading a scanned PDF page from its stored JPEG against drawing it: the bench's one-page
 * image-only PDFs (bench/pages.ts, five scan styles) read both ways by tesseract.js, each
 * reading's word recall against the record's own text. A page must not read worse from its JPEG.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFParse } from 'pdf-parse'
import { makeRecordSpec, renderRecordPdf, Rng } from '../samples/lib/records.js'
import { createOcrEngine } from '../src/extract/ocr/engine.js'
import { openPdf } from '../src/extract/pdf.js'
import { readPageImage } from '../src/extract/readPage.js'
import { closeSandbox } from '../src/extract/sandbox/pool.js'
import { benchPages } from './pages.js'

const words = (t: string) => t.toLowerCase().split(/\s+/).filter(Boolean)

/** Share of `truth`'s words (as a bag) found in `read`, in percent. */
export function wordRecall(truth: string[], read: string[]): number {
  const bag = new Map<string, number>()
  for (const w of read) bag.set(w, (bag.get(w) ?? 0) + 1)
  let found = 0
  for (const w of truth) {
    const k = bag.get(w) ?? 0
    if (k > 0) {
      found++
      bag.set(w, k - 1)
    }
  }
  return Math.round((1000 * found) / Math.max(1, truth.length)) / 10
}

/**
 * The text of the first `count` bench pages, made as benchPages makes them when none is cached
 * (the same records from the same seed, the random draws for each page's skew taken in turn).
 */
async function benchPageTexts(count: number, seed = 'bench-2026'): Promise<string[]> {
  const rng = new Rng(seed)
  const out: string[] = []
  while (out.length < count) {
    const parser = new PDFParse({ data: new Uint8Array(await renderRecordPdf(makeRecordSpec(rng))), verbosity: 0 })
    const t = await parser.getText()
    await parser.destroy()
    for (const p of t.pages) {
      if (out.length >= count) break
      out.push(p.text)
      rng.int(5, 20)
      rng.chance(0.5)
    }
  }
  return out
}

export async function runStoredScanBench(opts: { cacheDir: string; pages: number }) {
  const pages = await benchPages(path.join(opts.cacheDir, 'scans'), opts.pages)
  const truth = await benchPageTexts(opts.pages)
  const ocr = createOcrEngine({ workers: 1, inProcess: true })
  const read = { deskew: true, maxPixels: 150_000_000, pageMaxPixels: 16_000_000 }
  const rows = []
  try {
    for (const [i, page] of pages.entries()) {
      const pdf = await openPdf(await readFile(page.pdf), { maxPixels: read.maxPixels })
      try {
        const drawn = await readPageImage({ png: await pdf.renderPage(1, 300) }, ocr, read)
        const input = await pdf.pageForReading(1, 300)
        const stored = 'jpeg' in input ? await readPageImage(input, ocr, read) : null
        const t = words(truth[i]!)
        rows.push({
          page: path.basename(page.pdf),
          how: stored ? 'embedded' : 'drawn',
          recallDrawn: wordRecall(t, words(drawn.result.text)),
          recallStored: stored ? wordRecall(t, words(stored.result.text)) : null,
          confidence: [drawn.result.confidence, stored?.result.confidence ?? null],
        })
      } finally {
        await pdf.close()
      }
    }
  } finally {
    await ocr.close()
    await closeSandbox()
  }
  const both = rows.filter((r) => r.recallStored !== null)
  const mean = (k: 'recallDrawn' | 'recallStored') =>
    Math.round((10 * both.reduce((s, r) => s + (r[k] ?? 0), 0)) / Math.max(1, both.length)) / 10
  return {
    pages: rows.length,
    readFromJpeg: both.length,
    meanRecallDrawn: mean('recallDrawn'),
    meanRecallStored: mean('recallStored'),
    worsePages: both.filter((r) => r.recallStored! < r.recallDrawn).length,
    rows,
  }
}
