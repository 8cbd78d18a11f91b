import { describe, expect, it } from 'vitest'
import { loadDocTypes } from '../../../src/classify/doctypes.js'
import { extractFields } from '../../../src/extract-fields/index.js'
import { readGrid } from '../../../src/extract-fields/grid.js'
import { visualLines } from '../../../src/text/grid.js'
import { toPages } from '../../../src/text/lines.js'
import type { ExtractedText, WordBox } from '../../../src/model/types.js'

/** Word boxes for a line of "cells": each cell's words start at its x, 10 px per character. */
function row(y: number, cells: Array<[number, string]>, h = 13): WordBox[] {
  const out: WordBox[] = []
  for (const [x, text] of cells) {
    let cx = x
    for (const w of text.split(' ')) {
      out.push({ text: w, confidence: 90, bbox: { x0: cx, y0: y, x1: cx + w.length * 10, y1: y + h } })
      cx += w.length * 10 + 7
    }
  }
  return out
}

// What OCR makes of a lab header grid: labels run together on one text line, values on the next.
const text = [
  'TRI-COUNTY REFERENCE LABORATORY',
  '880 Commerce Drive, Suite 120, Millbrook, OH 43950',
  'PATIENT poB MRN',
  'SMITH, JOHN 09/14/1980 (45Y) 08678701',
  'ACCESSION # COLLECTED RECEIVED REPORTED',
  'A37-342154 10/04/2025 10:15 10/04/2025 13:30 10/05/2025 18:47',
  'Test Result Flag Units Reference Range',
  'TSH 2.86 uIU/mL 0.45 - 4.50',
].join('\n')
const words: WordBox[] = [
  ...row(120, [[175, 'TRI-COUNTY REFERENCE LABORATORY']], 30),
  ...row(228, [[175, '880 Commerce Drive, Suite 120, Millbrook, OH 43950']], 17),
  ...row(377, [
    [184, 'PATIENT'],
    [528, 'poB'],
    [1217, 'MRN'],
  ]),
  ...row(
    403,
    [
      [184, 'SMITH, JOHN'],
      [528, '09/14/1980 (45Y)'],
      [1217, '08678701'],
    ],
    20,
  ),
  ...row(446, [
    [183, 'ACCESSION #'],
    [528, 'COLLECTED'],
    [872, 'RECEIVED'],
    [1217, 'REPORTED'],
  ]),
  ...row(
    472,
    [
      [183, 'A37-342154'],
      [529, '10/04/2025 10:15'],
      [873, '10/04/2025 13:30'],
      [1218, '10/05/2025 18:47'],
    ],
    20,
  ),
  ...row(
    600,
    [
      [175, 'Test'],
      [500, 'Result'],
      [700, 'Flag'],
      [800, 'Units'],
      [1000, 'Reference Range'],
    ],
    18,
  ),
  ...row(
    630,
    [
      [175, 'TSH'],
      [500, '2.86'],
      [800, 'uIU/mL'],
      [1000, '0.45 - 4.50'],
    ],
    18,
  ),
]

describe('readGrid', () => {
  it('groups word boxes into visual lines', () => {
    expect(visualLines(words).map((l) => l.words.length)).toEqual([3, 8, 3, 5, 5, 7, 6, 5])
  })

  it('pairs each label of a header row with the words under it', () => {
    const page = toPages(text)[0]!
    const cells = readGrid(page, words, ['Patient', 'MRN', 'Accession #', 'Collected', 'Received', 'Reported', 'Result', 'Units'])
    expect(cells.map((c) => [c.key, c.value, c.line])).toEqual([
      ['patient', 'SMITH, JOHN', 4],
      ['mrn', '08678701', 4],
      ['accession #', 'A37-342154', 6],
      ['collected', '10/04/2025 10:15', 6],
      ['received', '10/04/2025 13:30', 6],
      ['reported', '10/05/2025 18:47', 6],
    ])
    expect(text.slice(cells[3]!.offset, cells[3]!.offset + 10)).toBe('10/04/2025')
  })

  it('reads nothing without word boxes', () => {
    expect(readGrid(toPages(text)[0]!, undefined, ['Collected'])).toEqual([])
  })
})

describe('extractFields with an OCR header grid', () => {
  it('GIVEN a scanned lab report with a header grid THEN patient, collection and report dates come from the grid', () => {
    const doc: ExtractedText = {
      pages: [{ page: 1, text, source: 'ocr', ocrConfidence: 92, deskewAngle: 0.6, width: 1700, height: 2200, words }],
      fullText: text,
      ocrConfidence: 92,
      source: 'ocr',
    }
    const r = extractFields('lab_report', doc, loadDocTypes().byType.get('lab_report')!, { refYear: 2025 })
    expect(r.fields.collectionDate).toMatchObject({ value: '2025-10-04', via: 'table', label: 'COLLECTED', line: 6 })
    expect(r.fields.reportDate?.value).toBe('2025-10-05')
    expect(r.fields.patientName?.value).toBe('SMITH, JOHN')
    expect(r.fields.patientIdentifier?.value).toBe('08678701')
    expect(r.dateOfService?.value).toBe('2025-10-04')
  })

  it('GIVEN the same text without word boxes THEN the grid dates are not guessed', () => {
    const r = extractFields('lab_report', text, loadDocTypes().byType.get('lab_report')!, { refYear: 2025 })
    expect(r.fields.collectionDate).toBeUndefined()
    expect(r.missing).toContain('collectionDate')
  })
})
