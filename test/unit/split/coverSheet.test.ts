import { describe, expect, it } from 'vitest'
import { coverSheetSigns, isCoverSheet, pagesAnnounced, readCoverSheet } from '../../../src/split/coverSheet.js'
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

  describe('what a cover sheet counts', () => {
    it('GIVEN the two house styles WHEN read THEN the count and that it takes in the cover', () => {
      expect(readCoverSheet(text(faxCoverSheet('transmittal', 4).pages[0]!))).toEqual({ count: 4, withCover: true })
      expect(readCoverSheet(text(faxCoverSheet('telefax', 7).pages[0]!))).toEqual({ count: 7, withCover: true })
    })

    const cover = (countLine: string) => `FAX
To: Records desk
From: Hillcrest Imaging
Re: reports
${countLine}
This fax is confidential. If you are not the intended recipient, destroy it and notify the sender.`

    it.each([
      ['Pages to follow: 3', { count: 3, withCover: false }],
      ['3 pages plus cover', { count: 3, withCover: false }],
      ['Total pages (including cover): 5', { count: 5, withCover: true }],
      ['Number of pages: 6', { count: 6, withCover: null }],
      ['4 pages including this cover sheet', { count: 4, withCover: true }],
    ])('GIVEN "%s" WHEN read THEN %o', (line, want) => {
      expect(readCoverSheet(cover(line))).toEqual(want)
    })

    it('GIVEN no count, two counts that disagree, or a page that is no cover WHEN read THEN no count', () => {
      const noCount = `FACSIMILE
To: Records desk   From: Hillcrest Imaging   Fax: 555-0101
Re: reports   Date: 03/02/2025
Confidential: if you received this in error, notify the sender.`
      expect(isCoverSheet(noCount)).toBe(true)
      expect(readCoverSheet(noCount)).toBeNull()
      expect(readCoverSheet(cover('Pages: 3 (with cover)\nTotal pages: 5'))).toBeNull()
      expect(readCoverSheet(text(dischargeSummary(JOHNSON, 1, { marker: true }).pages[0]!))).toBeNull()
    })

    it('GIVEN a count WHEN the pages after the cover are asked THEN they are certain only when the sheet says whether it counted itself', () => {
      expect(pagesAnnounced({ count: 4, withCover: true })).toEqual({ fewest: 3, most: 3 })
      expect(pagesAnnounced({ count: 3, withCover: false })).toEqual({ fewest: 3, most: 3 })
      expect(pagesAnnounced({ count: 6, withCover: null })).toEqual({ fewest: 5, most: 6 })
    })
  })
})
