/**
 * The one grid reader, for header grids on outside records: a row of printed labels
 * ("PATIENT   DOB   MRN") with the values in the row under them. A row is cut into cells at wide
 * gaps, from OCR word boxes (extract-fields/grid.ts) or from the spacing the text kept
 * (patients/identifiers/headerGrid.ts), and a value belongs to the column whose label starts at
 * or just before it. What the labels are, and what a value must look like, is the caller's.
 */
import type { WordBox } from '../model/types.js'

/** A cell of a row: its text and where it starts and ends (characters in a text line, pixels for word boxes). */
export interface Cell {
  text: string
  start: number
  end: number
}

/** A cell read from word boxes, with its words. */
export interface BoxCell extends Cell {
  words: WordBox[]
}

/** A line of word boxes as seen on the page, left to right. */
export interface VisualLine {
  words: WordBox[]
  y0: number
  y1: number
  height: number
}

/** How far left of its column's label a value may start and still be under it, in characters of a text line. */
export const TEXT_SLACK = 3
/** The same in pixels, for word boxes. */
export const BOX_SLACK = 12

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

/** Groups word boxes into visual lines, left to right. */
export function visualLines(words: ReadonlyArray<WordBox>): VisualLine[] {
  // Specks read as ":" or "." are not words.
  const ws = words.filter((w) => /[A-Za-z0-9#]/.test(w.text) && w.bbox.y1 > w.bbox.y0)
  const sorted = [...ws].sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2)
  const lines: VisualLine[] = []
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

/** Cells of a visual line: words apart by more than two line heights (at least 24 px) start a new cell. */
export function boxCells(line: VisualLine): BoxCell[] {
  const gap = Math.max(24, line.height * 2)
  const cells: BoxCell[] = []
  for (const w of line.words) {
    const cur = cells[cells.length - 1]
    if (cur && w.bbox.x0 - cur.end <= gap) {
      cur.words.push(w)
      cur.text += ` ${w.text}`
      cur.end = w.bbox.x1
    } else {
      cells.push({ words: [w], start: w.bbox.x0, end: w.bbox.x1, text: w.text })
    }
  }
  return cells
}

/** Cells of a text line: runs of words with single spaces; two or more spaces start a new cell. */
export function textCells(line: string): Cell[] {
  const out: Cell[] = []
  const re = /\S+(?:\s\S+)*/g
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

/**
 * The column a value starting at `at` stands in: the last label starting at or within `slack`
 * before it; -1 when it starts left of every label.
 */
export function columnOf(labelStarts: ReadonlyArray<number>, at: number, slack: number): number {
  let col = -1
  for (let i = 0; i < labelStarts.length; i++) if (labelStarts[i]! <= at + slack) col = i
  return col
}
