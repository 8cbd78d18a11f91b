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

  it("a fax banner at the foot (send time, FROM:/TO:, P.x/N) is the transmission's count, not the page's own number; a printed footer is the page's", () => {
    const body = 'Harbor Cardiology Associates\nCARDIOLOGY CONSULTATION\nReason for consultation: palpitations for three weeks.'
    const [faxed, printed] = read(
      `${body}\nNOV-23-2025 16:35 FROM: KESTREL VLY HIM\tTO: 5555550199\tP.3/12`,
      `${body}\nMercy General Hospital HIM   Printed 03/01/2025 10:14   Page 2 of 3`,
    )
    expect(faxed!.marker).toBeNull()
    expect(printed!.marker).toEqual({ page: 2, total: 3 })
  })

  it('"continued" is a line of its own, not a word of the text; one at the foot says the document goes on overleaf', () => {
    const [prose, heading, foot] = read(
      'LARCHMONT COMMUNITY HOSPITAL\nHospital Discharge Record\nEchocardiogram showed global hypokinesis; sacubitril started at low dose and tolerated; metoprolol succinate continued;\nspironolactone added.',
      'Delacroix, Marcus - discharge record, continued\nGoing home on.\nMetoprolol succinate 50 mg by mouth daily',
      'Hospital course: admitted with fever and treated with antibiotics.\nOxygen was weaned to room air by day three.\n(continued)',
    )
    expect([prose!.continued, heading!.continued, foot!.continued]).toEqual([false, true, false])
    expect(foot!.continuesAfter).toBe(true)
  })

  it("the heading's document numbers are read by kind, beside their label or on the line under it; the patient's record number is not one", () => {
    const [p] = read(
      [
        'BLUEWATER REFERENCE LABORATORY',
        'Patient',
        'FAIRWEATHER, JOSEPHINE A   MRN: CC-316439',
        'Accession',
        'BW-2504-71509',
        'Account LCH656064   Report #: R-22918   Collected 04/20/2025',
        'COMPLETE BLOOD COUNT',
      ].join('\n'),
    )
    expect(p!.docIds).toEqual({ accession: ['BW-2504-71509'], account: ['LCH656064'], report: ['R-22918'] })
  })

  it('a sender\'s "End of report" mark closes the page as a signature does', () => {
    const [p] = read(
      'White cell count 7.3\nPlatelets 384\nResults reviewed and released by the laboratory.\n*** End of report BW-2504-71509 ***',
    )
    expect(p!.signedAtEnd).toBe(true)
  })
})
