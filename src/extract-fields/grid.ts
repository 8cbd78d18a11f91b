/**
 * Header grids on scanned records: a row of small printed labels ("PATIENT   DOB   MRN",
 * "ACCESSION #   COLLECTED   RECEIVED   REPORTED") with the values in the row under them. OCR text
 * runs such a grid together ("ACCESSION # COLLECTED RECEIVED REPORTED" / "A37-342154 10/04/2025
 * 10:15 10/04/2025 ..."), so the columns are taken from the word boxes OCR reports, not the text.
 */
import type { WordBox } from '../model/types.js'
import { BOX_SLACK, boxCells, columnOf, visualLines } from '../text/grid.js'
import { labelPattern } from '../text/labels.js'
import type { Page } from '../text/lines.js'

export interface GridCell {
  /** The label key (lower-cased label from the inventory). */
  key: string
  /** The label as printed. */
  printed: string
  /** The value as read from the row under the label. */
  value: string
  page: number
  /** Offset of the value in the page text (-1 when it could not be placed). */
  offset: number
  /** 1-based line of the value in the page text. */
  line: number
}

/** Reads header grids on a page from its word boxes; `labels` is the label inventory. */
export function readGrid(page: Page, words: ReadonlyArray<WordBox> | undefined, labels: Iterable<string>): GridCell[] {
  if (!words || words.length === 0) return []
  const matchers = [...new Set([...labels].map((l) => l.trim()))]
    .sort((a, b) => b.length - a.length)
    // "CLINIC MRN", "HOSP MRN": one qualifying word before a known label still names the column.
    .map((l) => ({ key: l.toLowerCase(), re: new RegExp(`^\\W*(?:[A-Za-z]{2,12}\\s+)?(?:${labelPattern(l)})\\W*$`, 'i') }))
  const keyOf = (text: string): string | null => {
    if (/\d/.test(text.replace(/#/g, '')) || text.includes(':')) return null
    return matchers.find((m) => m.re.test(text))?.key ?? null
  }
  const vlines = visualLines(words)
  const out: GridCell[] = []
  let lineCursor = 0
  for (let i = 0; i + 1 < vlines.length; i++) {
    const header = vlines[i]!
    const cells = boxCells(header)
    if (cells.length < 2) continue
    const keys = cells.map((c) => keyOf(c.text))
    const named = keys.filter((k) => k !== null).length
    // A header row: mostly labels, at least two of them, no digits or colons.
    if (named < 2 || named * 2 < cells.length) continue
    if (cells.some((c) => c.text.includes(':'))) continue
    const row = vlines[i + 1]!
    if (row.y0 - header.y1 > header.height * 3.5) continue
    const rowCells = boxCells(row)
    if (rowCells.every((c) => keyOf(c.text) !== null)) continue
    // Place the value row in the page text.
    const first = row.words[0]!.text
    const last = row.words[row.words.length - 1]!.text
    let lineIdx = -1
    for (let j = lineCursor; j < page.lines.length; j++) {
      const t = page.lines[j]!.text
      if (t.includes(first) && t.includes(last)) {
        lineIdx = j
        break
      }
    }
    if (lineIdx >= 0) lineCursor = lineIdx + 1
    const textLine = lineIdx >= 0 ? page.lines[lineIdx]! : null
    let charCursor = 0
    const starts = cells.map((c) => c.start)
    cells.forEach((cell, c) => {
      const key = keys[c]
      const vw = row.words.filter((w) => columnOf(starts, w.bbox.x0, BOX_SLACK) === c)
      if (vw.length === 0) return
      const value = vw.map((w) => w.text).join(' ')
      let offset = -1
      if (textLine) {
        const at = textLine.text.indexOf(vw[0]!.text, charCursor)
        if (at >= 0) {
          offset = textLine.start + at
          charCursor = at + vw[0]!.text.length
        }
      }
      if (key) out.push({ key, printed: cell.text, value, page: page.page, offset, line: textLine?.n ?? 1 })
    })
  }
  return out
}
