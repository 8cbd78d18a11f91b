/**
 * Page-level OCR accuracy: word accuracy (1 - word error rate, order-sensitive)
 * of chartclerk's reading (each engine) against bare tesseract.js and the native
 * tesseract CLI on the very same pages, per scan style, in one run.
 * `npm run bench -- --only accuracy [--per-style N] [--styles a,b]`
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import Tesseract from 'tesseract.js'
import { extractDocument } from '../src/extract/extractText.js'
import { createOcrEngine, type OcrEngineKind } from '../src/extract/ocr/engine.js'
import { defaultLangPath } from '../src/extract/ocr/pool.js'
import { accuracyPages, ACCURACY_STYLES, type AccuracyStyle, type TruthPage } from './accuracy-pages.js'
import { has } from './ocr.js'

const run = promisify(execFile)

/** Words as compared: whitespace-separated, edge punctuation and case kept apart from the letters. */
export function words(text: string): string[] {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
}

/** 1 - (word edit distance / words printed), floored at 0. */
export function wordAccuracy(truth: string, read: string): number {
  const a = words(truth)
  const b = words(read)
  if (a.length === 0) return b.length === 0 ? 1 : 0
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return Math.max(0, 1 - prev[b.length]! / a.length)
}

type Reader = (page: TruthPage) => Promise<string>

async function pooled<T>(items: T[], parallel: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < items.length) await fn(items[next++]!)
  }))
}

async function bareTesseractJs(workers: number): Promise<{ read: Reader; close: () => Promise<void> }> {
  const scheduler = Tesseract.createScheduler()
  for (let i = 0; i < workers; i++) {
    const w = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, { langPath: defaultLangPath(), gzip: true, cacheMethod: 'none', errorHandler: () => {} })
    scheduler.addWorker(w)
  }
  return { read: async (p) => (await scheduler.addJob('recognize', p.png)).data.text, close: () => scheduler.terminate() as Promise<void> }
}

const nativeCli: Reader = async (p) => (await run('tesseract', [p.png, 'stdout'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 24 })).stdout

async function chartclerk(kind: OcrEngineKind, workers: number, paths: Map<string, string>): Promise<{ read: Reader; close: () => Promise<void> }> {
  const engine = createOcrEngine({ engine: kind, workers, pageTimeoutMs: 300_000 })
  return {
    read: async (p) => {
      const doc = await extractDocument(p.png, 'png', engine, { deskew: true, renderDpi: 300, maxPixels: 80_000_000, minTextLayerChars: 40 }, async (page) => {
        paths.set(`${kind}:${p.png}`, page.text.ocrPath ?? '')
      })
      return doc.fullText
    },
    close: () => engine.close(),
  }
}

export interface AccuracyResult {
  pages: number
  perStyle: Record<string, Record<string, number>>
  overall: Record<string, number>
  /** Pages where chartclerk (tesseract.js) reads more than 0.05 worse than bare tesseract.js. */
  worseThanBare: { page: string; chartclerk: number; bare: number }[]
  /** Which path won on each page (chartclerk, tesseract.js). */
  paths: Record<string, string>
}

export async function runAccuracyBench(opts: { cacheDir: string; perStyle?: number; styles?: AccuracyStyle[]; workers?: number }): Promise<AccuracyResult> {
  const pages = await accuracyPages(path.join(opts.cacheDir, 'accuracy'), opts.perStyle ?? 2, opts.styles ?? ACCURACY_STYLES)
  const workers = opts.workers ?? 2
  const scores = new Map<string, Map<string, number>>()
  const ocrPaths = new Map<string, string>()
  const score = async (name: string, read: Reader, parallel: number) => {
    process.stderr.write(`bench: accuracy: ${name} ...\n`)
    const m = new Map<string, number>()
    await pooled(pages, parallel, async (p) => {
      // A page that fails (a timeout on a junk reading) scores 0 rather than ending the run.
      const text = await read(p).catch((e) => {
        process.stderr.write(`bench: accuracy: ${name}: ${path.basename(p.png)} failed: ${(e as Error).message}\n`)
        return ''
      })
      m.set(p.png, wordAccuracy(p.truth, text))
    })
    scores.set(name, m)
  }
  // BENCH_READERS=bare,native,chartclerk-js,chartclerk-native picks readers (e.g. to measure one change).
  const want = (r: string) => !process.env.BENCH_READERS || process.env.BENCH_READERS.split(',').includes(r)
  if (want('bare')) {
    const bare = await bareTesseractJs(workers)
    await score('bare tesseract.js', bare.read, workers).finally(() => bare.close())
  }
  if (has('tesseract') && want('native')) await score('native CLI', nativeCli, workers)
  for (const kind of ['tesseract.js', ...(has('tesseract') ? ['tesseract'] : [])] as OcrEngineKind[]) {
    if (!want(kind === 'tesseract' ? 'chartclerk-native' : 'chartclerk-js')) continue
    const cc = await chartclerk(kind, workers, ocrPaths)
    await score(`chartclerk (${kind})`, cc.read, workers).finally(() => cc.close())
  }

  const round = (x: number) => Math.round(x * 1000) / 1000
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0)
  const perStyle: AccuracyResult['perStyle'] = {}
  for (const style of new Set(pages.map((p) => p.style))) {
    perStyle[style] = {}
    for (const [name, m] of scores) perStyle[style]![name] = round(mean(pages.filter((p) => p.style === style).map((p) => m.get(p.png)!)))
  }
  const overall: Record<string, number> = {}
  for (const [name, m] of scores) overall[name] = round(mean([...m.values()]))
  const cc = scores.get('chartclerk (tesseract.js)')
  const b = scores.get('bare tesseract.js')
  const worseThanBare = !cc || !b ? [] : pages.filter((p) => cc.get(p.png)! < b.get(p.png)! - 0.05).map((p) => ({ page: path.basename(p.png), chartclerk: round(cc.get(p.png)!), bare: round(b.get(p.png)!) }))
  const paths: Record<string, string> = {}
  for (const [k, v] of ocrPaths) if (k.startsWith('tesseract.js:')) paths[path.basename(k.slice('tesseract.js:'.length))] = v
  printTable(perStyle, overall)
  return { pages: pages.length, perStyle, overall, worseThanBare, paths }
}

function printTable(perStyle: AccuracyResult['perStyle'], overall: Record<string, number>): void {
  const names = Object.keys(overall)
  const row = (label: string, vals: Record<string, number>) => process.stderr.write(`${label.padEnd(14)}${names.map((n) => String(vals[n]?.toFixed(3) ?? '-').padStart(n.length + 2)).join('')}\n`)
  process.stderr.write(`${'style'.padEnd(14)}${names.map((n) => n.padStart(n.length + 2)).join('')}\n`)
  for (const [style, vals] of Object.entries(perStyle)) row(style, vals)
  row('overall', overall)
}
