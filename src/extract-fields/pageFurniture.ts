/**
 * Page furniture: the running headers and footers a sender prints on every page ("St. Brigid
 * Hospital  Page 1 of 3  CONFIDENTIAL") and the banner a fax machine prints across the top
 * ("12/03/2026 10:14 FROM: 555-0142 TO: ... P. 002/004"). They are part of the page and stay in
 * the stored text, but read as part of a field they end up inside its value (the last item of a
 * list, the tail of a section), so fields are read from pages with these lines blanked.
 *
 * Blanking keeps every offset and line number, so where a field was found still points at the
 * stored text.
 */
import type { Page } from '../text/lines.js'

/** How many non-blank lines at the top and at the bottom of a page can be furniture. */
const EDGE = 2
/** Two lines are the same running line when their character pairs agree this much (OCR slips differ). */
const SAME = 0.8
const MAX_LINE = 200

const PAGE_OF_N = /\b(?:p\s?[a@]\s?[gq9]\s?[e3c]|pg|p)\s*[.:#]?\s*[0-9OoIl|SZB]{1,3}\s*(?:[o0]\s?[f£t]|\/)\s*[0-9OoIl|SZB]{1,3}\b/gi
const FAX_PAGE = /\b(?:p\s?[a@]\s?[gq9]\s?[e3c]|pg|p)\s*[.:#]{0,3}\s*\d{1,3}(?:\s*(?:\/|of)\s*\d{1,3})?\b/i
const FAX_CUES: readonly RegExp[] = [
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i,
  /\b\d{1,2}:\d{2}\b/,
  /\b(?:from|to)\s*:/i,
  /\bfax\b/i,
  /(?:\(?\d{3}\)?[\s.-]?)?\d{3}[\s.-]\d{4}\b|\b\d{10}\b/,
]
/** A running line that names the patient is kept where it first appears, so it can still be read once. */
const IDENTIFIES = /\b(?:patient|pt\s?id|name|dob|d\.o\.b|date\s+of\s+birth|birth\s*date|mrn|mr\s?#|medical\s+record|acct|account)\b/i

/** Lower case, page numbers as '#', punctuation and spacing folded. */
export function normaliseRunning(line: string): string {
  return line
    .toLowerCase()
    .replace(PAGE_OF_N, ' page # of # ')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()
}

function pairs(s: string): Map<string, number> {
  const m = new Map<string, number>()
  const t = s.replace(/ /g, '')
  for (let i = 0; i + 1 < t.length; i++) {
    const p = t.slice(i, i + 2)
    m.set(p, (m.get(p) ?? 0) + 1)
  }
  return m
}

/** Dice coefficient over character pairs: 1 for the same text, near 1 for a slip or two. */
function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let na = 0
  let nb = 0
  let both = 0
  for (const v of a.values()) na += v
  for (const v of b.values()) nb += v
  for (const [k, v] of a) both += Math.min(v, b.get(k) ?? 0)
  return na + nb === 0 ? 0 : (2 * both) / (na + nb)
}

/** A fax machine's banner: a page number and at least two of date, time, FROM/TO, "fax", a phone number. */
export function isFaxBanner(line: string): boolean {
  if (!FAX_PAGE.test(line)) return false
  return FAX_CUES.filter((re) => re.test(line)).length >= 2
}

interface EdgeLine {
  page: number
  idx: number
  top: boolean
  text: string
  /** The numbers on the line: a running line repeats them exactly ("Glucose 131" and "Glucose 128" are results). */
  digits: string
  pairs: Map<string, number>
}

function same(a: EdgeLine, b: EdgeLine): boolean {
  return a.top === b.top && a.digits === b.digits && similarity(a.pairs, b.pairs) >= SAME
}

function edgeLines(page: Page): EdgeLine[] {
  // Furniture is a short line; a long one is text (and would make the comparisons below slow).
  const nonBlank = page.lines.map((l, idx) => ({ l, idx })).filter(({ l }) => l.text.trim() !== '' && l.text.length <= MAX_LINE)
  const top = nonBlank.slice(0, EDGE)
  const bottom = nonBlank.slice(Math.max(EDGE, nonBlank.length - EDGE))
  return [...top.map((x) => ({ ...x, top: true })), ...bottom.map((x) => ({ ...x, top: false }))].map(({ l, idx, top: t }) => {
    const text = normaliseRunning(l.text)
    return { page: page.page, idx, top: t, text, digits: text.replace(/[^0-9]+/g, ' ').trim(), pairs: pairs(text.replace(/[0-9]/g, '')) }
  })
}

/**
 * The furniture lines of each page, as indexes into `page.lines`, by page number: lines at the top
 * or bottom that repeat on most pages (page numbers aside), a "Page x of N" line at the top or
 * bottom, and fax banners at the top.
 */
export function findPageFurniture(pages: readonly Page[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>(pages.map((p) => [p.page, new Set<number>()]))
  const edges = pages.map(edgeLines)
  // "Most pages": more than half, and never a line seen once.
  const need = Math.max(2, Math.floor(pages.length / 2) + 1)
  const keptOnce = new Set<EdgeLine>()
  edges.forEach((lines, pi) => {
    for (const e of lines) {
      const raw = pages[pi]!.lines[e.idx]!.text
      let furniture = false
      if (e.top && e.idx <= firstLines(pages[pi]!, 2) && isFaxBanner(raw)) furniture = true
      // A heading ("FOLLOW-UP:") starts a section on each page it is on; it is not furniture.
      else if (e.text.length >= 4 && !/:\s*$/.test(raw) && (pages.length > 1 || /page # of #/.test(e.text))) {
        let seen = 1
        edges.forEach((other, qi) => {
          if (qi !== pi && other.some((o) => same(e, o))) seen++
        })
        furniture = seen >= need || (/page # of #/.test(e.text) && raw.trim().length <= 100)
      }
      if (!furniture) continue
      if (IDENTIFIES.test(raw)) {
        // The first page that carries a patient line keeps it: it may be where the patient is named.
        if (![...keptOnce].some((k) => same(k, e))) {
          keptOnce.add(e)
          continue
        }
      }
      out.get(e.page)!.add(e.idx)
    }
  })
  return out
}

/** Index of the n-th non-blank line of a page (the top zone a fax banner can be in). */
function firstLines(page: Page, n: number): number {
  let seen = 0
  for (let i = 0; i < page.lines.length; i++) {
    if (page.lines[i]!.text.trim() !== '' && ++seen === n) return i
  }
  return page.lines.length
}

/** The pages with their furniture lines blanked (spaces of the same length: offsets and line numbers hold). */
export function withoutPageFurniture(pages: readonly Page[]): Page[] {
  const furniture = findPageFurniture(pages)
  return pages.map((p) => {
    const drop = furniture.get(p.page)
    if (!drop || drop.size === 0) return p
    let text = p.text
    const lines = p.lines.map((l, idx) => {
      if (!drop.has(idx)) return l
      const blank = ' '.repeat(l.text.length)
      text = text.slice(0, l.start) + blank + text.slice(l.start + l.text.length)
      return { ...l, text: blank }
    })
    return { ...p, text, lines }
  })
}
