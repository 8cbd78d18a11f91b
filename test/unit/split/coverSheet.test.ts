import { describe, expect, it } from 'vitest'
import { coverSheetSigns, isCoverSheet, mendOcrWords, pagesAnnounced, readCoverSheet } from '../../../src/split/coverSheet.js'
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

  it('GIVEN a cover sheet as OCR reads a copier scan of it (glyph slips, wide gaps closed up, a colon read as a semicolon) WHEN read THEN it is still a cover sheet with its count', () => {
    const ocr = `Birchwood 0rthopaedic Associates
400 Alder Lane, Suite 2, Concord NH 03301
FACSlMILE TRANSMITTAL
Deliver to: Health lnformation Management Fax #; (603) 555-0190
Sent by: R. Thibodeau, records clerk Tel: (603) 555-0144
Date sent: 04/02/2025
No. of pagcs incl. this one: 4
Subject: requested records
The information in this transrnission is confldential and privileged. It is intended only for the
addressee named above. If you are not the intended recipienl, please notify the sender by
telephone and destroy every copy.`
    // Read word for word as OCR gave it, the page count and the notice are lost to the slips.
    expect(mendOcrWords('FACSlMILE confldential transrnission Tota1')).toBe('facsimile confidential transmission total')
    expect(isCoverSheet(ocr)).toBe(true)
    expect(coverSheetSigns(ocr)).toMatchObject({ faxHeading: true, confidentiality: true })
    expect(coverSheetSigns(ocr).routingFields).toBeGreaterThanOrEqual(4)
    expect(readCoverSheet(ocr)).toEqual({ count: 4, withCover: true })
  })

  it('GIVEN a copier scan whose large FAX heading OCR lost and whose sender line lost its colon WHEN read THEN the sheet is known by what it says of itself and its routing along the lines', () => {
    const ocr = `MILLBROOK VALLEY HOSPITAL
Health Information Management - Release of Information
To: Medical Records Department Fax: (814) 555-0139
Fr0m Release of Information Desk Phone (814) 555-0120
Date: 05/19/2025
Total pages (including cover): 2
CONFIDENTIALITY NOTICE: the documents with this fax cover sheet hold confidential health information.
If you have received them in error, please notify the sender and destroy the documents.`
    // Read line by line from their starts, only two routing labels, and no heading: no cover sheet.
    expect(isCoverSheet(ocr)).toBe(true)
    expect(coverSheetSigns(ocr)).toMatchObject({ faxHeading: true, pageCount: true, confidentiality: true })
    expect(coverSheetSigns(ocr).routingFields).toBeGreaterThanOrEqual(3)
    expect(readCoverSheet(ocr)).toEqual({ count: 2, withCover: true })
  })

  it('GIVEN a scanned cover sheet whose large heading OCR lost and that counts no pages WHEN read THEN its routing fields, the boxes ticked and a notice naming the fax still tell it', () => {
    // As OCR read a copier scan of bench/split's sheets: the 22 and 30 point headings are gone, stray marks end the lines.
    const ocr = `NORTHFIELD COMMUNITY HEALTH
To: Health Information Management Fax: (207) 555-0190 :
From: Referrals office Phone (207) 555-0144
Date: 06/03/2025 ;
Re: records you asked for
[X] Urgent [ ] For Review [ ] Please Comment [X] Please Reply
If you have received this fax in error, please notify the sender and destroy it. Its contents are confidential.`
    expect(coverSheetSigns(ocr)).toMatchObject({
      faxHeading: false,
      pageCount: false,
      confidentiality: true,
      noticeNamesFax: true,
      tickBoxes: true,
    })
    expect(coverSheetSigns(ocr).routingFields).toBeGreaterThanOrEqual(5)
    expect(isCoverSheet(ocr)).toBe(true)
    // Its heading in spaced letters is read as the word.
    expect(coverSheetSigns('F A X\nTo: Records\nFrom: Clinic\nPages: 2').faxHeading).toBe(true)
  })

  it('GIVEN a memo or letter with routing lines and a confidentiality footer that names no fax WHEN read THEN it is no cover sheet', () => {
    const memo = `MEMORANDUM
To: All clinic staff
From: Practice manager
Date: 06/03/2025
Re: holiday hours
Confidential: intended only for the staff of the practice. Do not forward.`
    expect(isCoverSheet(memo)).toBe(false)
    // One sign a fax would give is not enough: the sheet needs a score of four.
    expect(isCoverSheet('To: Records\nFrom: Clinic\nRe: your letter\nThank you for this fax of the records.')).toBe(false)
  })

  it('GIVEN an e-fax delivery page whose heading line OCR read with specks at its ends WHEN read THEN the specks are no words and the heading still tells it', () => {
    // As OCR read a fax scan of a fax service's delivery page: a quote mark and a rule read into the heading line, no labels with colons.
    const ocr = `CloudRelay Fax ' Inbound Fax Delivery |
Delivered to Harbor View Clinic (207) 555-0400
Caller ID 207-555-0655
Sender ID (CSID) PINE RIDGE HOSP
Received 10/29/2025 17:27
Pages 3 (this page included)
This page was generated by CloudRelay Fax. The pages that follow are the fax as received.`
    expect(coverSheetSigns(ocr)).toMatchObject({ faxHeading: true, pageCount: true, noticeNamesFax: true, routingFields: 0 })
    expect(isCoverSheet(ocr)).toBe(true)
    expect(readCoverSheet(ocr)).toEqual({ count: 3, withCover: true })
  })

  it('GIVEN a transmittal whose heading and ruled table of routing fields OCR lost WHEN read THEN the records it says it sends and its notice naming the transmission still tell it', () => {
    // The heading (FACSIMILE TRANSMITTAL) and the boxed To/From/Pages/Re table read as noise; what is left is the sentence under it and the notice.
    const ocr = `Pine Ridge Hospital - Health Information Management / Release of Information
Harbor View Clinic :
ROI Specialist, Pine Ridge Hospital
me quien monoro posi
Enclosed are copies of records released for continuity of care.
CONFIDENTIALITY NOTICE: The documents accompanying this transmission contain protected health information that is legally
privileged. If you received this in error, notify the sender immediately and destroy the documents.`
    expect(coverSheetSigns(ocr)).toMatchObject({
      faxHeading: false,
      pageCount: false,
      routingFields: 0,
      confidentiality: true,
      noticeNamesFax: true,
      enclosures: true,
    })
    expect(isCoverSheet(ocr)).toBe(true)
    // Records enclosed are no sign of a fax by themselves: a memo sending papers, its notice naming no fax, is no cover sheet.
    const memo = `MEMORANDUM
To: All clinic staff
From: Practice manager
Re: holiday hours
Enclosed are copies of the new rota.
Confidential: intended only for the staff of the practice. Do not forward.`
    expect(coverSheetSigns(memo).enclosures).toBe(true)
    expect(isCoverSheet(memo)).toBe(false)
    // A report that mentions results attached is still a report.
    const report = text(dischargeSummary(JOHNSON, 1).pages[0]!) + '\nResults attached for your review. This fax is confidential.'
    expect(isCoverSheet(report)).toBe(false)
  })

  it("GIVEN ordinary words a slip away from a cover sheet's words WHEN mended THEN they stay as they are", () => {
    expect(mendOcrWords('render fellow member place patient dates Paqes')).toBe('render fellow member place patient dates Paqes')
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
