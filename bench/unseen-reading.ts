/**
 * Reading accuracy on unseen pages: records written apart from the samples generator, printed
 * by Chromium, scanned by Ghostscript's fax devices and other degradations (bench/unseen-pages/),
 * read by chartclerk (each engine), bare tesseract.js and the native tesseract CLI in one run,
 * through the same readers as the accuracy benchmark. Never tune chartclerk on these pages:
 * they are only worth something while nothing has been fitted to them.
 * `npm run bench -- --only unseen-reading [--unseen-per-style N] [--dump]`
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { compareReaders, words, type AccuracyResult } from './accuracy.js'
import { unseenPages } from './unseen-pages/pages.js'
import type { ScanPath } from './unseen-pages/degrade.js'

/**
 * Order-insensitive word accuracy: 1 - max(words missed, words extra) / words printed, with
 * words matched as a multiset. A substitution counts once, as in the edit distance; columns or
 * table cells read in another order cost nothing.
 */
export function bagAccuracy(truth: string, read: string): number {
  const a = words(truth)
  if (a.length === 0) return words(read).length === 0 ? 1 : 0
  const left = new Map<string, number>()
  for (const w of a) left.set(w, (left.get(w) ?? 0) + 1)
  let extra = 0
  for (const w of words(read)) {
    const n = left.get(w) ?? 0
    if (n > 0) left.set(w, n - 1)
    else extra++
  }
  const missed = [...left.values()].reduce((s, n) => s + n, 0)
  return Math.max(0, 1 - Math.max(missed, extra) / a.length)
}

export interface UnseenReadingResult extends AccuracyResult {
  /** Order-sensitive word accuracy per house style (letter, lab, form, ...), across scan paths. */
  perHouse: Record<string, Record<string, number>>
  /** Order-insensitive (bag-of-words) accuracy, overall and per scan path. */
  bag: { overall: Record<string, number>; perStyle: Record<string, Record<string, number>> }
}

export async function runUnseenReadingBench(opts: {
  cacheDir: string
  perStyle?: number
  styles?: ScanPath[]
  workers?: number
  dump?: boolean
}): Promise<UnseenReadingResult> {
  const pages = await unseenPages(path.join(opts.cacheDir, 'unseen'), opts.perStyle ?? 5, opts.styles)
  const { texts, ...result } = await compareReaders(pages, { workers: opts.workers, dump: opts.dump, label: 'unseen-reading' })
  const round = (x: number) => Math.round(x * 1000) / 1000
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0)
  const readers = [...texts.keys()]

  const perHouse: UnseenReadingResult['perHouse'] = {}
  for (const house of new Set(pages.map((p) => p.house))) {
    const mine = pages.filter((p) => p.house === house).map((p) => result.perPage[path.basename(p.png)]!)
    perHouse[house] = Object.fromEntries(readers.map((n) => [n, round(mean(mine.map((row) => row[n] as number)))]))
  }
  const bagOf = (n: string, ps: typeof pages) => round(mean(ps.map((p) => bagAccuracy(p.truth, texts.get(n)!.get(p.png) ?? ''))))
  const bag: UnseenReadingResult['bag'] = { overall: Object.fromEntries(readers.map((n) => [n, bagOf(n, pages)])), perStyle: {} }
  for (const style of new Set(pages.map((p) => p.style))) {
    bag.perStyle[style] = Object.fromEntries(
      readers.map((n) => [
        n,
        bagOf(
          n,
          pages.filter((p) => p.style === style),
        ),
      ]),
    )
  }
  for (const p of pages) {
    const row = result.perPage[path.basename(p.png)]!
    row.house = p.house
    row.scan = p.detail
    for (const n of readers) row[`${n} (any order)`] = round(bagAccuracy(p.truth, texts.get(n)!.get(p.png) ?? ''))
  }

  const out = process.stderr
  const col = (n: string) => n.length + 2
  const line = (label: string, vals: Record<string, number>) =>
    out.write(`${label.padEnd(18)}${readers.map((n) => (vals[n]?.toFixed(3) ?? '-').padStart(col(n))).join('')}\n`)
  out.write(`\nunseen pages, per house style (order-sensitive):\n${'house'.padEnd(18)}${readers.map((n) => n.padStart(col(n))).join('')}\n`)
  for (const [h, vals] of Object.entries(perHouse)) line(h, vals)
  out.write(`\nunseen pages, any word order (bag of words):\n`)
  for (const [s, vals] of Object.entries(bag.perStyle)) line(s, vals)
  line('overall', bag.overall)
  const bare = 'bare tesseract.js'
  const worst = pages
    .map((p) => ({ p, row: result.perPage[path.basename(p.png)]! }))
    .filter(({ row }) => typeof row[bare] === 'number' && typeof row['chartclerk (tesseract.js)'] === 'number')
    .map(({ p, row }) => ({
      page: path.basename(p.png),
      d: (row['chartclerk (tesseract.js)'] as number) - (row[bare] as number),
      cc: row['chartclerk (tesseract.js)'],
      bare: row[bare],
    }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 10)
  out.write(`\nworst pages, chartclerk (tesseract.js) against bare tesseract.js:\n`)
  for (const w of worst) out.write(`  ${w.page.padEnd(44)} ${w.d >= 0 ? '+' : ''}${w.d.toFixed(3)}  (${w.cc} against ${w.bare})\n`)

  const full: UnseenReadingResult = { ...result, perHouse, bag }
  const file = path.resolve(opts.cacheDir, '../bench/results/unseen-reading-latest.json')
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, JSON.stringify({ at: new Date().toISOString(), ...full }, null, 2) + '\n')
  return full
}
