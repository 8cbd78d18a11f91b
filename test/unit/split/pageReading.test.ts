import { describe, expect, it } from 'vitest'
import { readPages } from '../../../src/split/pageReading.js'

const read = (...texts: string[]) => readPages(texts, { identifiers: { mrnPattern: '^CC-\\d{6}$' } })

describe('what a page says about where documents start', () => {
  it("the heading's dates leave out birth dates and the fax banner; every date on the page is kept apart", () => {
    const [p] = read(
      [
        'FROM: (814) 555-0162   01/18/2025 15:31   P..3/11',
        'Greyfriars Bend Medical Center',
        'NAME LINDGREN, PAUL   DOB 12/19/1962   MRN CC-406114',
        'EXAM DATE: 02/28/2025',
        'ULTRASOUND THYROID',
        'Findings: a nodule in the right lower pole, unchanged since the study of 11/02/2024.',
      ].join('\n'),
    )
    expect(p!.headDates).toEqual(['2025-02-28', '2024-11-02'])
    expect(p!.dates).not.toContain('1962-12-19')
    expect(p!.dates).not.toContain('2025-01-18')
  })

  it("a signer's line or a dictation line at the end closes the page, when the scrawl above it reads as noise", () => {
    const body = 'Disposition: home with family.\nFollow-up with primary care in one week as arranged by the team.'
    const [signer, dictated, neither] = read(
      `${body}\nome SE ae, EEA\nCyrus Baptiste-Hale, MD, Attending Physician`,
      `${body}\ni, TIO LE, PE\nDictated 01/11/2025 Transcribed 01/12/2025`,
      `${body}\nPlease call the clinic with questions about these results.`,
    )
    expect(signer!.signedAtEnd).toBe(true)
    expect(dictated!.signedAtEnd).toBe(true)
    expect(neither!.signedAtEnd).toBe(false)
  })

  it('a faxed sheet with only its banner, read with specks, is blank', () => {
    const [p] = read('FROM: (814) 555-0162 01/18/2025 15:31 P..9/11 a .')
    expect(p!.blank).toBe(true)
  })
})

describe('a page that says it continues', () => {
  it('GIVEN "(cont.)", "continued" or "cont\'d" near the top WHEN read THEN the page continues; a page merely containing the letters does not', () => {
    const pages = read(
      'Delacroix, Marcus (cont.)\nPhysical examination: alert, oriented.',
      'PROGRESS NOTE - continued\nPlan: recheck in two weeks.',
      "History, cont'd\nNo prior surgery.",
      'Contact the clinic with questions.\nContinuity of care was arranged.',
    )
    expect(pages.map((p) => p.continued)).toEqual([true, true, true, false])
  })
})
