/** Lines and pages of extracted text, offsets turned into page/line locations, and small string tidying shared by every reader of text. */
import type { ExtractedText, PageText, WordBox } from '../model/types.js'

export interface Line {
  /** 1-based line number within the page. */
  n: number
  text: string
  /** Offset of the line's first character in the page text. */
  start: number
}

export interface Page {
  /** 1-based page number. */
  page: number
  text: string
  lines: Line[]
  /** OCR word boxes, when the page was OCRed. */
  words?: WordBox[]
}

/** Where something was found: page (1-based), character offset in that page's text, line (1-based). */
export interface Location {
  page: number
  offset: number
  line: number
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  let n = 1
  for (const part of text.split('\n')) {
    lines.push({ n, text: part.replace(/\r$/, ''), start })
    start += part.length + 1
    n++
  }
  return lines
}

/**
 * The pages of a document. A plain string is split on form feeds (the way `ExtractedText.fullText`
 * joins pages), so page numbers agree with the extracted pages.
 */
export function toPages(input: ExtractedText | PageText[] | string): Page[] {
  if (typeof input === 'string') {
    return input.split('\f').map((text, i) => ({ page: i + 1, text, lines: splitLines(text) }))
  }
  const pages = Array.isArray(input) ? input : input.pages
  if (pages.length === 0 && !Array.isArray(input) && input.fullText) return toPages(input.fullText)
  return pages.map((p) => ({ page: p.page, text: p.text, lines: splitLines(p.text), ...(p.words?.length ? { words: p.words } : {}) }))
}

/** Index into `page.lines` of the line holding `offset`. */
export function lineIndexAt(page: Page, offset: number): number {
  let lo = 0
  let hi = page.lines.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((page.lines[mid]?.start ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** 1-based line number of `offset` in a page. */
export function lineOf(page: Page, offset: number): number {
  return page.lines[lineIndexAt(page, offset)]?.n ?? 1
}

export function locate(page: Page, offset: number): Location {
  return { page: page.page, offset, line: lineOf(page, offset) }
}

/**
 * Removes trailing characters of `chars` (whitespace too when `chars` includes a space) without a
 * regular expression: /[\s,;]+$/ is quadratic on long runs of spaces inside a value.
 */
export function trimEndOf(s: string, chars: string): string {
  const ws = chars.includes(' ')
  let end = s.length
  while (end > 0) {
    const ch = s[end - 1]!
    if (chars.includes(ch) || (ws && /\s/.test(ch))) end--
    else break
  }
  return s.slice(0, end)
}

/** Collapses runs of whitespace to single spaces and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
