/**
 * Header grids on scanned records: a row of small printed labels ("PATIENT   DOB   MRN",
 * "ACCESSION #   COLLECTED   RECEIVED   REPORTED") with the values in the row under them. OCR text
 * runs such a grid together ("ACCESSION # COLLECTED RECEIVED REPORTED" / "A37-342154 10/04/2025
 * 10:15 10/04/2025 ..."), so the columns are taken from the word boxes OCR reports, not the text.
 */
import type { WordBox } from '../model/types.js'
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

interface VLine {
  words: WordBox[]
  y0: number
  y1: number
  height: number
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

/** Groups word boxes into visual lines, left to right. */
export function visualLines(words: ReadonlyArray<WordBox>): VLine[] {
  // Specks read as ":" or "." are not words.
  const ws = words.filter((w) => /[A-Za-z0-9#]/.test(w.text) && w.bbox.y1 > w.bbox.y0)
  const sorted = [...ws].sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2)
  const lines: VLine[] = []
  for (const w of sorted) {
    const cy = (w.bbox.y0 + w.bbox.y1) / 2
    const h = w.bbox.y1 - w.bbox.y0
    const cur = lines[lines.length - 1]
    if (cur && Math.abs(cy - (cur.y0 + cur.y1) / 2) <= Math.max(cur.height, h) * 0.6) {
      cur.words.push(w)
      cur.y0 = Math.min(cur.y0, w.bbox.y0)
      cur.y1 = Math.max(cur.y1, w.bbox.y1)
      cur.height = median(cur.words.map((x) => x.bbox.y1 - x.bbox.y0))
    } else {
      lines.push({ words: [w], y0: w.bbox.y0, y1: w.bbox.y1, height: h })
    }
  }
  for (const l of lines) l.words.sort((a, b) => a.bbox.x0 - b.bbox.x0)
  return lines
}

interface Cell {
  words: WordBox[]
  x0: number
  text: string
}

/** Splits a visual line into cells at wide gaps. */
function cellsOf(line: VLine): Cell[] {
  const gap = Math.max(24, line.height * 2)
  const cells: Cell[] = []
  for (const w of line.words) {
    const cur = cells[cells.length - 1]
    const prev = cur?.words[cur.words.length - 1]
    if (cur && prev && w.bbox.x0 - prev.bbox.x1 <= gap) {
      cur.words.push(w)
      cur.text += ` ${w.text}`
    } else {
      cells.push({ words: [w], x0: w.bbox.x0, text: w.text })
    }
  }
  return cells
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
    const cells = cellsOf(header)
    if (cells.length < 2) continue
    const keys = cells.map((c) => keyOf(c.text))
    const named = keys.filter((k) => k !== null).length
    // A header row: mostly labels, at least two of them, no digits or colons.
    if (named < 2 || named * 2 < cells.length) continue
    if (cells.some((c) => c.text.includes(':'))) continue
    const row = vlines[i + 1]!
    if (row.y0 - header.y1 > header.height * 3.5) continue
    const rowCells = cellsOf(row)
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
    cells.forEach((cell, c) => {
      const key = keys[c]
      const from = cell.x0 - 12
      const to = (cells[c + 1]?.x0 ?? Number.POSITIVE_INFINITY) - 12
      const vw = row.words.filter((w) => w.bbox.x0 >= from && w.bbox.x0 < to)
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
