/**
 * Are pages missing from a scanned document? Reads page markers from OCR-noisy text:
 * document footers/headers ("Page 2 of 5", "Pg 2/5", "PAGE 2 OF 5", "2 of 5", "- 2 -") and fax
 * transmission headers ("P. 2/5", "P.002/005", "Page 002").
 *
 * A document whose footers say "Page 1 of 3" and "Page 3 of 3" but which has two pages is
 * missing page 2. Physical pages whose marker could not be read are assumed to be the pages
 * that fit the gap exactly (1/3, unreadable, 3/3 -> the middle one is page 2).
 */
import type { PageText } from '../model/types.js'
import { ocrDigits } from '../text/digits.js'
import { type Line, splitLines } from '../text/lines.js'

export type MarkerSource = 'document' | 'fax'

export interface PageMark {
  /** 1-based position of the page in the file as received. */
  physicalPage: number
  /** The page number the page says it is, or null when no marker was read. */
  declaredPage: number | null
  /** "of N", when the marker has it. */
  total: number | null
  /** True when declaredPage was not read but inferred from the neighbours. */
  inferred: boolean
  source: MarkerSource | null
  /** The marker as read, whitespace collapsed. */
  evidence: string | null
}

export interface PageSeries {
  source: MarkerSource
  pagesDeclared: number | null
  /** Physical pages this numbering covers (first..last with a marker). */
  physicalPages: number[]
  pagesFound: number[]
  missingPages: number[]
  duplicatePages: number[]
  outOfOrder: boolean
}

export interface MissingPagesResult {
  /** N from "of N"; with several numbered documents in one file, the sum of their N. Null when no marker has a total. */
  pagesDeclared: number | null
  /** Page numbers present (read or inferred), ascending, without repeats. */
  pagesFound: number[]
  missingPages: number[]
  /** Page numbers that appear on more than one physical page. */
  duplicatePages: number[]
  /** Pages are not in ascending order of their numbers. */
  outOfOrder: boolean
  /** Pages in the file. */
  physicalPages: number
  /** Which numbering the answer rests on; document footers win over fax headers. */
  source: MarkerSource | null
  /** One entry per numbering (a file can hold several documents, each "Page x of N"). */
  series: PageSeries[]
  /** What was read on each physical page, for the chosen source. */
  pageMap: PageMark[]
}

const N = '([0-9OoIl|SZB]{1,3})'
const OF = String.raw`(?:[o0]\s?[f£t]|[o0][rl]|\/|\\|:)`
const PAGE_WORD = String.raw`(?:p\s?[a@]\s?[gq9]\s?[e3c]s?|pg|pq)`

/** "Page 2 of 5", "Pg 2/5", "PAGE 02 OF 05", "Paqe 2 0f S", "page2of5". */
const PAGE_X_OF_N = new RegExp(String.raw`(?<![A-Za-z])${PAGE_WORD}\s*[.:#]?\s*(?:no\.?\s*)?${N}\s*${OF}\s*${N}(?![0-9])`, 'i')
/** Fax "P. 2/5", "P.002/005", "P 2/5". */
const P_X_OF_N = new RegExp(String.raw`(?<![A-Za-z])[pP]\s?[.:]?\s?${N}\s*(?:\/|\\|[o0]\s?f)\s*${N}(?![0-9])`)
/** "Page 002", "Page: 2", "PAGE 2" (no total). */
const PAGE_X = new RegExp(String.raw`(?<![A-Za-z])${PAGE_WORD}\s*[.:#]?\s*(?:no\.?\s*)?${N}(?![0-9A-Za-z/])`, 'i')
/** Fax "P.002". */
const P_X = /(?<![A-Za-z])[pP]\s?\.\s?([0-9OoIlSZB]{2,3})(?![0-9/])/
/** A short line that is only "2 of 5" or "2/5". */
const BARE_X_OF_N = new RegExp(String.raw`^\s*[-–—(\[]?\s*${N}\s*(?:[o0]\s?[ft]|\/)\s*${N}\s*[-–—)\]]?\s*$`, 'i')
/** A short line that is only "- 2 -". */
const DASHED_X = /^\s*[-–—]\s*([0-9OoIlSZB]{1,3})\s*[-–—]\s*$/

const FAXY = /\bfax\b|\bfrom\s*:|\bto\s*:|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\b\d{1,2}:\d{2}\b/i

interface Marker {
  physicalPage: number
  declaredPage: number
  total: number | null
  source: MarkerSource
  evidence: string
  /** Line position on the page: markers in header/footer zones are trusted more. */
  zone: boolean
}

function num(s: string | undefined): number | null {
  if (s === undefined) return null
  const d = ocrDigits(s)
  if (d === null || d.length === 0) return null
  const n = Number(d)
  return n >= 1 && n <= 999 ? n : null
}

function edgeLines(lines: Line[], k: number): Set<number> {
  const nonBlank = lines.filter((l) => l.text.trim() !== '')
  const out = new Set<number>()
  for (const l of nonBlank.slice(0, k)) out.add(l.n)
  for (const l of nonBlank.slice(-k)) out.add(l.n)
  return out
}

function markersOn(physicalPage: number, text: string): Marker[] {
  const lines = splitLines(text)
  const edges = edgeLines(lines, 3)
  const top = edgeLines(lines.slice(0, Math.max(1, lines.findIndex((l) => l.text.trim() !== '') + 2)), 2)
  const out: Marker[] = []
  for (const line of lines) {
    const t = line.text
    if (t.trim() === '') continue
    const zone = edges.has(line.n)
    const faxLine = top.has(line.n) && FAXY.test(t)
    const push = (x: number | null, total: number | null, source: MarkerSource): void => {
      if (x === null) return
      if (total !== null && (x > total || total > 500)) return
      out.push({ physicalPage, declaredPage: x, total, source, evidence: t.trim().replace(/\s+/g, ' ').slice(0, 160), zone })
    }
    let m = PAGE_X_OF_N.exec(t)
    if (m) {
      push(num(m[1]), num(m[2]), faxLine ? 'fax' : 'document')
      continue
    }
    m = P_X_OF_N.exec(t)
    if (m && (faxLine || zone)) {
      push(num(m[1]), num(m[2]), faxLine ? 'fax' : 'document')
      continue
    }
    m = PAGE_X.exec(t)
    if (m && (zone || faxLine)) {
      push(num(m[1]), null, faxLine ? 'fax' : 'document')
      continue
    }
    m = P_X.exec(t)
    if (m && faxLine) {
      push(num(m[1]), null, 'fax')
      continue
    }
    const short = t.trim()
    if (zone && short.length <= 24) {
      m = BARE_X_OF_N.exec(short)
      if (m) {
        push(num(m[1]), num(m[2]), 'document')
        continue
      }
      m = DASHED_X.exec(short)
      if (m) push(num(m[1]), null, 'document')
    }
  }
  return out
}

/** One marker per physical page for a source: prefer one with a total, in the header/footer zone. */
function pickPerPage(markers: Marker[], source: MarkerSource): Map<number, Marker> {
  const byPage = new Map<number, Marker>()
  for (const m of markers) {
    if (m.source !== source) continue
    const cur = byPage.get(m.physicalPage)
    const score = (x: Marker): number => (x.total !== null ? 2 : 0) + (x.zone ? 1 : 0)
    if (!cur || score(m) > score(cur)) byPage.set(m.physicalPage, m)
  }
  return byPage
}

function range(a: number, b: number): number[] {
  const out: number[] = []
  for (let i = a; i <= b; i++) out.push(i)
  return out
}

function uniqSorted(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b)
}

/** Splits a source's marks into numberings: a new one starts where the total changes. */
function splitSeries(marks: PageMark[]): PageMark[][] {
  const groups: PageMark[][] = []
  let cur: PageMark[] = []
  let total: number | null = null
  for (const m of marks) {
    if (m.declaredPage === null) {
      cur.push(m)
      continue
    }
    const lastRead = [...cur].reverse().find((c) => c.declaredPage !== null && !c.inferred)
    const restarts = lastRead !== undefined && m.declaredPage <= (lastRead.declaredPage ?? 0)
    if (m.total !== null && total !== null && m.total !== total && restarts) {
      // Unmarked pages just before the switch belong to whichever numbering they complete; leave them with the old one.
      groups.push(cur)
      cur = []
    }
    if (m.total !== null) total = m.total
    cur.push(m)
  }
  if (cur.length > 0) groups.push(cur)
  return groups
}

/** Fills unmarked pages that fit a gap exactly (between two read pages, or at either end of a known total). */
function inferGaps(series: PageMark[], total: number | null): void {
  const idx = series.map((m, i) => (m.declaredPage !== null && !m.inferred ? i : -1)).filter((i) => i >= 0)
  const fill = (from: number, to: number, firstNumber: number): void => {
    for (let i = from; i <= to; i++) {
      const m = series[i]
      if (m) {
        m.declaredPage = firstNumber + (i - from)
        m.total = total
        m.inferred = true
      }
    }
  }
  for (let k = 0; k + 1 < idx.length; k++) {
    const a = idx[k]!
    const b = idx[k + 1]!
    const pa = series[a]!.declaredPage!
    const pb = series[b]!.declaredPage!
    if (b - a > 1 && pb - pa === b - a) fill(a + 1, b - 1, pa + 1)
  }
  const first = idx[0]
  const last = idx[idx.length - 1]
  if (first !== undefined && first > 0) {
    const p = series[first]!.declaredPage!
    if (p - 1 === first) fill(0, first - 1, 1)
  }
  if (last !== undefined && total !== null && last < series.length - 1) {
    const p = series[last]!.declaredPage!
    if (p + (series.length - 1 - last) === total) fill(last + 1, series.length - 1, p + 1)
  }
}

function summarise(series: PageMark[], source: MarkerSource): PageSeries {
  const totals = series.map((m) => m.total).filter((t): t is number => t !== null)
  // The most common total wins over an OCR slip on one page.
  const counts = new Map<number, number>()
  for (const t of totals) counts.set(t, (counts.get(t) ?? 0) + 1)
  const total = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null
  inferGaps(series, total)
  const numbered = series.filter((m) => m.declaredPage !== null)
  const seq = numbered.map((m) => m.declaredPage!)
  const seen = new Map<number, number>()
  for (const p of seq) seen.set(p, (seen.get(p) ?? 0) + 1)
  const found = uniqSorted(seq)
  const duplicates = uniqSorted([...seen.entries()].filter(([, c]) => c > 1).map(([p]) => p))
  const firstSeen = [...new Set(seq)]
  const outOfOrder = firstSeen.some((p, i) => i > 0 && p < firstSeen[i - 1]!)
  let expected: number[] = []
  if (total !== null) expected = range(1, total)
  else if (found.length > 0) expected = range(source === 'fax' ? found[0]! : 1, found[found.length - 1]!)
  // Fax numbering counts the cover sheet, which the desk usually separates: page 1 is not reported missing.
  if (source === 'fax' && found[0] === 2) expected = expected.filter((p) => p !== 1)
  const foundSet = new Set(found)
  const withMark = series.filter((m) => m.declaredPage !== null)
  return {
    source,
    pagesDeclared: total,
    physicalPages: withMark.length > 0 ? range(withMark[0]!.physicalPage, withMark[withMark.length - 1]!.physicalPage) : [],
    pagesFound: found,
    missingPages: expected.filter((p) => !foundSet.has(p)),
    duplicatePages: duplicates,
    outOfOrder,
  }
}

/**
 * Reads page markers and reports pages missing, repeated or out of order.
 *
 * @example
 *   detectMissingPages([{ page: 1, text: '... Page 1 of 3' }, { page: 2, text: '... Page 3 of 3' }] as PageText[])
 *   // { pagesDeclared: 3, pagesFound: [1, 3], missingPages: [2], duplicatePages: [], outOfOrder: false, ... }
 */
export function detectMissingPages(pages: ReadonlyArray<Pick<PageText, 'text'> & Partial<Pick<PageText, 'page'>>>): MissingPagesResult {
  const all: Marker[] = []
  pages.forEach((p, i) => all.push(...markersOn(i + 1, p.text)))
  const hasDoc = all.some((m) => m.source === 'document')
  const hasFax = all.some((m) => m.source === 'fax')
  const source: MarkerSource | null = hasDoc ? 'document' : hasFax ? 'fax' : null
  const empty: MissingPagesResult = {
    pagesDeclared: null,
    pagesFound: [],
    missingPages: [],
    duplicatePages: [],
    outOfOrder: false,
    physicalPages: pages.length,
    source: null,
    series: [],
    pageMap: pages.map((_p, i) => ({
      physicalPage: i + 1,
      declaredPage: null,
      total: null,
      inferred: false,
      source: null,
      evidence: null,
    })),
  }
  if (source === null) return empty
  const chosen = pickPerPage(all, source)
  const pageMap: PageMark[] = pages.map((_p, i) => {
    const m = chosen.get(i + 1)
    return m
      ? { physicalPage: i + 1, declaredPage: m.declaredPage, total: m.total, inferred: false, source, evidence: m.evidence }
      : { physicalPage: i + 1, declaredPage: null, total: null, inferred: false, source: null, evidence: null }
  })
  const series = splitSeries(pageMap).map((s) => summarise(s, source))
  const withTotals = series.filter((s) => s.pagesDeclared !== null)
  const one = series.length === 1 ? series[0] : undefined
  return {
    pagesDeclared: one
      ? one.pagesDeclared
      : withTotals.length === series.length
        ? withTotals.reduce((a, s) => a + (s.pagesDeclared ?? 0), 0)
        : null,
    pagesFound: uniqSorted(series.flatMap((s) => s.pagesFound)),
    missingPages: uniqSorted(series.flatMap((s) => s.missingPages)),
    duplicatePages: uniqSorted(series.flatMap((s) => s.duplicatePages)),
    outOfOrder: series.some((s) => s.outOfOrder),
    physicalPages: pages.length,
    source,
    series,
    pageMap,
  }
}
