import { describe, expect, it } from 'vitest'
import { coverSheetSigns, isCoverSheet } from '../../../src/split/coverSheet.js'
import { consultNote, dischargeSummary, faxCoverSheet, JOHNSON, labReport, LINDQVIST } from '../../helpers/stack.js'

const text = (lines: string[]) => lines.join('\n')

describe('a fax cover sheet known by its nature', () => {
  it('GIVEN cover sheets in two house styles WHEN read THEN each is a cover sheet, from several measured signs', () => {
    for (const style of ['transmittal', 'telefax'] as const) {
      const t = text(faxCoverSheet(style, 4).pages[0]!)
      expect(isCoverSheet(t), style).toBe(true)
      const s = coverSheetSigns(t)
      expect(s.pageCount, style).toBe(true)
      expect(s.clinicalSections).toBe(0)
    }
  })

  it('GIVEN clinical pages (a letterhead printing a fax number, a report, a continuation page) WHEN read THEN none is a cover sheet', () => {
    const pages = [...labReport(JOHNSON, 1).pages, ...dischargeSummary(LINDQVIST, 2).pages, ...consultNote(JOHNSON, 3).pages]
    for (const pg of pages) expect(isCoverSheet(text(pg)), pg[0]).toBe(false)
    // A referral letter has routing lines and a confidentiality line but is no fax and says a lot.
    const letter = `Eastgate Clinic   Fax: 555-0102
To: Dr. Amos Reed
From: Dr. Lena Ortiz
Re: referral
Date: 03/02/2025
Confidential: intended only for the addressee.
Assessment: persistent cough for six weeks, normal chest film.
Plan: please assess for asthma and advise on treatment.`
    expect(isCoverSheet(letter)).toBe(false)
  })

  it('GIVEN a cover sheet with its clinical report pasted under it WHEN read THEN it is no longer little enough to be a cover', () => {
    const t =
      text(faxCoverSheet('telefax', 3).pages[0]!) +
      '\n' +
      text(dischargeSummary(JOHNSON, 1).pages[0]!) +
      '\nAssessment: stable.\nPlan: home.'
    expect(isCoverSheet(t)).toBe(false)
  })
})
