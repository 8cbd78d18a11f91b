import { describe, expect, it } from 'vitest'
import type { WordBox } from '../../../src/model/types.js'
import { BOX_SLACK, boxCells, columnOf, textCells, TEXT_SLACK, visualLines } from '../../../src/text/grid.js'

const box = (text: string, x0: number, y0: number, h = 12): WordBox => ({
  text,
  confidence: 90,
  bbox: { x0, y0, x1: x0 + text.length * 10, y1: y0 + h },
})

describe('textCells', () => {
  it('GIVEN a line that kept its spacing THEN two or more spaces part the cells, one space does not', () => {
    expect(textCells('DOE, JANE A     03/14/1962   1234567')).toEqual([
      { text: 'DOE, JANE A', start: 0, end: 11 },
      { text: '03/14/1962', start: 16, end: 26 },
      { text: '1234567', start: 29, end: 36 },
    ])
  })
})

describe('visualLines and boxCells', () => {
  it('GIVEN word boxes out of order and a little crooked THEN lines come top to bottom, words left to right, cells apart at wide gaps', () => {
    const words = [
      box('MRN', 600, 101),
      box('PATIENT', 100, 100),
      box('DOB', 400, 99),
      box('1234567', 600, 131),
      box('JANE', 160, 130),
      box('DOE,', 100, 130),
      box(':', 300, 100, 0),
    ]
    const lines = visualLines(words)
    expect(lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['PATIENT DOB MRN', 'DOE, JANE 1234567'])
    expect(boxCells(lines[1]!).map((c) => [c.text, c.start])).toEqual([
      ['DOE, JANE', 100],
      ['1234567', 600],
    ])
  })
})

describe('columnOf', () => {
  it('GIVEN label starts THEN a value belongs to the last label starting at or just before it', () => {
    const starts = [100, 400, 600]
    expect(columnOf(starts, 100, BOX_SLACK)).toBe(0)
    expect(columnOf(starts, 390, BOX_SLACK)).toBe(1)
    expect(columnOf(starts, 387, BOX_SLACK)).toBe(0)
    expect(columnOf(starts, 900, BOX_SLACK)).toBe(2)
    expect(columnOf(starts, 50, BOX_SLACK)).toBe(-1)
    expect(columnOf([0, 14, 27], 12, TEXT_SLACK)).toBe(1)
  })
})
