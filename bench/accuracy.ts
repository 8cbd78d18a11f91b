/**
 * Page-level OCR accuracy: word accuracy (1 - word error rate, order-sensitive)
 * of chartclerk's reading (each engine) against bare tesseract.js and the native
 * tesseract CLI on the very same pages, per scan style, in one run.
 * `npm run bench -- --only accuracy [--per-style N] [--styles a,b]`
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import Tesseract from 'tesseract.js'
import { extractDocument } from '../src/extract/extractText.js'
import { decodePage, prepareForOcr } from '../src/extract/images.js'
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

/** A page file with the words printed on it, in reading order; `style` groups pages in the tables. */
export interface ScoredPage {
  style: string
  png: string
  truth: string
}

type Reader = (page: ScoredPage) => Promise<string>

async function pooled<T>(items: T[], parallel: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) await fn(items[next++]!)
    }),
  )
}

async function bareTesseractJs(workers: number): Promise<{ read: Reader; close: () => Promise<void> }> {
  const scheduler = Tesseract.createScheduler()
  for (let i = 0; i < workers; i++) {
    const w = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
      langPath: defaultLangPath(),
      gzip: true,
      cacheMethod: 'none',
      errorHandler: () => {},
    })
    scheduler.addWorker(w)
  }
  return { read: async (p) => (await scheduler.addJob('recognize', p.png)).data.text, close: () => scheduler.terminate() as Promise<void> }
}

const nativeCli: Reader = async (p) =>
  (await run('tesseract', [p.png, 'stdout'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 24 })).stdout

async function chartclerk(
  kind: OcrEngineKind,
  workers: number,
  paths: Map<string, string>,
): Promise<{ read: Reader; close: () => Promise<void> }> {
  const engine = createOcrEngine({ engine: kind, workers, pageTimeoutMs: 300_000 })
  return {
    read: async (p) => {
      const doc = await extractDocument(
        p.png,
        'png',
        engine,
        { deskew: true, renderDpi: 300, maxPixels: 80_000_000, minTextLayerChars: 40 },
        async (page) => {
          paths.set(`${kind}:${p.png}`, page.text.ocrPath ?? '')
        },
      )
      return doc.fullText
    },
    close: () => engine.close(),
  }
}

/** How one chartclerk engine fares against bare tesseract.js page by page. */
export interface PageDeltas {
  /** The largest drop below bare tesseract.js on any one page (negative: below bare), and that page. */
  worstDelta: number
  worstPage: string
  /** Pages read more than 0.05 worse than bare tesseract.js read them. */
  pagesBelowBare: number
}

export interface AccuracyResult {
  pages: number
  perStyle: Record<string, Record<string, number>>
  overall: Record<string, number>
  /** Per chartclerk engine, page by page against bare tesseract.js. */
  vsBare: Record<string, PageDeltas>
  /** Pages where chartclerk (either engine) reads more than 0.05 worse than bare tesseract.js. */
  worseThanBare: { page: string; reader: string; chartclerk: number; bare: number }[]
  /** Every page's score per reader, and which path chartclerk (tesseract.js) took. */
  perPage: Record<string, Record<string, number | string>>
}

/**
 * `dump`: write each reader's text and chartclerk's prepared page (`<page>.prepared.png`) beside
 * the page in the cache, to look at why a page reads worse.
 */
export async function runAccuracyBench(opts: {
  cacheDir: string
  perStyle?: number
  styles?: AccuracyStyle[]
  workers?: number
  dump?: boolean
}): Promise<AccuracyResult> {
  const pages: TruthPage[] = await accuracyPages(path.join(opts.cacheDir, 'accuracy'), opts.perStyle ?? 2, opts.styles ?? ACCURACY_STYLES)
  const { texts: _texts, ...result } = await compareReaders(pages, opts)
  return result
}

/**
 * Every reader (bare tesseract.js, the native CLI, chartclerk with each engine) on the same page
 * files, scored against each page's truth; `texts` holds each reader's reading per page file.
 */
export async function compareReaders(
  pages: ScoredPage[],
  opts: { workers?: number; dump?: boolean; label?: string },
): Promise<AccuracyResult & { texts: Map<string, Map<string, string>> }> {
  const label = opts.label ?? 'accuracy'
  const workers = opts.workers ?? 2
  const scores = new Map<string, Map<string, number>>()
  const texts = new Map<string, Map<string, string>>()
  const ocrPaths = new Map<string, string>()
  const slug = (name: string) => name.replace(/[^a-z0-9.]+/gi, '-').replace(/-+$/, '')
  const score = async (name: string, read: Reader, parallel: number) => {
    process.stderr.write(`bench: ${label}: ${name} ...\n`)
    const m = new Map<string, number>()
    const t = new Map<string, string>()
    await pooled(pages, parallel, async (p) => {
      // A page that fails (a timeout on a junk reading) scores 0 rather than ending the run.
      const text = await read(p).catch((e) => {
        process.stderr.write(`bench: ${label}: ${name}: ${path.basename(p.png)} failed: ${(e as Error).message}\n`)
        return ''
      })
      m.set(p.png, wordAccuracy(p.truth, text))
      t.set(p.png, text)
      if (opts.dump) await fs.writeFile(p.png.replace(/\.png$/, `.${slug(name)}.txt`), text)
    })
    scores.set(name, m)
    texts.set(name, t)
  }
  if (opts.dump) {
    for (const p of pages) {
      const prepared = await prepareForOcr(await decodePage(p.png, 'png', 1, { maxPixels: 80_000_000 }), { deskew: true })
      const f = prepared.forOcr
      await sharp(f.data, { raw: { width: f.width, height: f.height, channels: 1 } })
        .png()
        .toFile(p.png.replace(/\.png$/, '.prepared.png'))
    }
  }
  // BENCH_READERS=bare,native,chartclerk-js,chartclerk-native picks readers (e.g. to measure one change).
  const want = (r: string) => !process.env.BENCH_READERS || process.env.BENCH_READERS.split(',').includes(r)
  // The baselines never change between runs on the same page files: their readings are kept
  // beside the pages (`<page>.bare-tesseract.js.read`), so measuring a chartclerk change reruns chartclerk only.
  const cached =
    (name: string, read: Reader): Reader =>
    async (p) => {
      const file = p.png.replace(/\.png$/, `.${slug(name)}.read`)
      const hit = await fs.readFile(file, 'utf8').catch(() => null)
      if (hit !== null && !process.env.BENCH_FRESH) return hit
      const text = await read(p)
      await fs.writeFile(file, text)
      return text
    }
  if (want('bare')) {
    // Workers are started only when a page is not in the cache.
    let bare: ReturnType<typeof bareTesseractJs> | null = null
    const read: Reader = async (p) => (await (bare ??= bareTesseractJs(workers))).read(p)
    await score('bare tesseract.js', cached('bare tesseract.js', read), workers).finally(async () => bare && (await bare).close())
  }
  if (has('tesseract') && want('native')) await score('native CLI', cached('native CLI', nativeCli), workers)
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
  const b = scores.get('bare tesseract.js')
  const vsBare: AccuracyResult['vsBare'] = {}
  const worseThanBare: AccuracyResult['worseThanBare'] = []
  for (const [name, m] of scores) {
    if (!b || !name.startsWith('chartclerk')) continue
    let worst = { delta: Infinity, page: '' }
    let below = 0
    for (const p of pages) {
      const d = m.get(p.png)! - b.get(p.png)!
      if (d < worst.delta) worst = { delta: d, page: path.basename(p.png) }
      if (d < -0.05) {
        below++
        worseThanBare.push({ page: path.basename(p.png), reader: name, chartclerk: round(m.get(p.png)!), bare: round(b.get(p.png)!) })
      }
    }
    vsBare[name] = { worstDelta: round(worst.delta), worstPage: worst.page, pagesBelowBare: below }
  }
  const perPage: AccuracyResult['perPage'] = {}
  for (const p of pages) {
    const row: Record<string, number | string> = {}
    for (const [name, m] of scores) row[name] = round(m.get(p.png)!)
    const via = ocrPaths.get(`tesseract.js:${p.png}`)
    if (via) row.path = via
    perPage[path.basename(p.png)] = row
  }
  printTable(perStyle, overall, vsBare)
  return { pages: pages.length, perStyle, overall, vsBare, worseThanBare, perPage, texts }
}

function printTable(perStyle: AccuracyResult['perStyle'], overall: Record<string, number>, vsBare: AccuracyResult['vsBare']): void {
  const names = Object.keys(overall)
  const row = (label: string, vals: Record<string, number>) =>
    process.stderr.write(`${label.padEnd(14)}${names.map((n) => String(vals[n]?.toFixed(3) ?? '-').padStart(n.length + 2)).join('')}\n`)
  process.stderr.write(`${'style'.padEnd(14)}${names.map((n) => n.padStart(n.length + 2)).join('')}\n`)
  for (const [style, vals] of Object.entries(perStyle)) row(style, vals)
  row('overall', overall)
  for (const [name, d] of Object.entries(vsBare))
    process.stderr.write(
      `${name}: worst page ${d.worstDelta >= 0 ? '+' : ''}${d.worstDelta.toFixed(3)} against bare (${d.worstPage}); ${d.pagesBelowBare} page(s) more than 0.05 below bare\n`,
    )
}
