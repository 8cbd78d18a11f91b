import { describe, expect, it } from 'vitest'
import { loadDefaultClassifier } from '../../../src/classify/classifier.js'
import { coverSpans, partsByCertainty, planSplit, partsFromStarts, similar, type FaxCoverPolicy } from '../../../src/split/boundaries.js'
import { readPages } from '../../../src/split/pageReading.js'
import {
  consultNote,
  dischargeSummary,
  faxCoverSheet,
  JOHNSON,
  labReport,
  LINDQVIST,
  OKAFOR,
  stackPages,
  type StackItem,
} from '../../helpers/stack.js'

const classifier = loadDefaultClassifier()
const plan = (items: StackItem[], faxCover?: FaxCoverPolicy) =>
  planSplit(readPages(stackPages(items), { classify: (t) => classifier.classify(t), identifiers: { mrnPattern: '^CC-\\d{6}$' } }), {
    faxCover,
  })

describe('boundaries read from the pages', () => {
  it('a single three-page document is one part, with or without page numbers', () => {
    for (const marker of [true, false]) {
      const p = plan([dischargeSummary(JOHNSON, 1, { marker })])
      expect(p.parts, `marker ${marker}`).toEqual([{ from: 1, to: 3 }])
      expect(p.cuts).toEqual([])
      expect(p.certain).toBe(true)
    }
  })

  it('documents for different patients are cut surely, without page numbers', () => {
    const p = plan([labReport(JOHNSON, 1), dischargeSummary(LINDQVIST, 2), consultNote(OKAFOR, 3)])
    expect(p.parts).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 4 },
      { from: 5, to: 6 },
    ])
    expect(p.certain).toBe(true)
    expect(p.cuts.map((c) => c.reasons.join('; ')).join(' | ')).toMatch(/different patient/)
  })

  it('two documents of one type for one patient back to back: sure with "Page 1 of N", proposed without', () => {
    const numbered = plan([consultNote(JOHNSON, 1, { marker: true }), consultNote(JOHNSON, 2, { marker: true })])
    expect(numbered.parts).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
    ])
    expect(numbered.certain).toBe(true)
    // Without page numbers, on the same day, no letterhead again: signed off, then a title block - likely, not sure.
    const second = consultNote(JOHNSON, 1)
    const bare = plan([consultNote(JOHNSON, 1), { pages: [second.pages[0]!.slice(1), second.pages[1]!] }])
    expect(bare.parts).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
    ])
    expect(bare.certain).toBe(false)
    expect(bare.cuts[0]!.confidence).toBeGreaterThanOrEqual(0.5)
    expect(bare.cuts[0]!.confidence).toBeLessThan(0.9)
    expect(bare.cuts[0]!.reasons).toContain('a signature closes the page before and a title block or letterhead opens this one')
    // The same with the sender's letterhead opening the second again: sure.
    expect(plan([consultNote(JOHNSON, 1), consultNote(JOHNSON, 1)]).certain).toBe(true)
  })

  it('GIVEN two bare documents of one type for one patient on different days WHEN the second opens with a new date of service THEN the cut is sure', () => {
    const p = plan([consultNote(JOHNSON, 1), consultNote(JOHNSON, 2)])
    expect(p.parts).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
    ])
    expect(p.certain).toBe(true)
    expect(p.cuts[0]!.reasons.join('; ')).toMatch(/date in the page's heading/)
  })

  it('a new date on a page that says it continues, or only in the body of a later page, does not cut a document', () => {
    const d = dischargeSummary(JOHNSON, 1)
    const later = {
      pages: [d.pages[0]!, ['Discharge Summary (continued)', 'Seen again on 06/30/2025 in clinic.', ...d.pages[1]!], d.pages[2]!],
    }
    const p = plan([later])
    expect(p.parts).toEqual([{ from: 1, to: 3 }])
    expect(p.cuts).toEqual([])
  })

  it('GIVEN a page whose number was not read WHEN the page after it is numbered 2 again THEN the numbering restarts on it', () => {
    const a = consultNote(JOHNSON, 1, { marker: true })
    const b = consultNote(JOHNSON, 1, { marker: true })
    // The first page of the second note lost its "Page 1 of 2" and its title in the scan.
    const lost = b.pages[0]!.filter((l) => !/^Page \d/.test(l) && !/CONSULTATION/.test(l))
    const p = plan([a, { pages: [lost, b.pages[1]!] }])
    expect(p.parts).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
    ])
    expect(p.cuts[0]!.reasons.join('; ')).toMatch(/numbered 2/)
  })

  it('letterheads are the same through OCR slips and specks, and not for another sender', () => {
    expect(similar('MOUNTCALDERUNIVERSITYHOSPITALAOBSERVATORYROAD', 'OOOMOUNTCALDERUNIVERSITYHOSPITALOBSERVATORYROAD')).toBe(true)
    expect(similar('MOUNTCALDERUNIVERSITYHOSPITAL', 'PELLHAMRIDGECLINICALLABORATORY')).toBe(false)
  })

  it('a separator sheet cuts surely and belongs to no part; its blank back page neither', () => {
    const p = plan([consultNote(JOHNSON, 1), 'separator', 'blank', consultNote(JOHNSON, 2)])
    expect(p.separators).toEqual([3])
    expect(p.parts).toEqual([
      { from: 1, to: 2 },
      { from: 5, to: 6 },
    ])
    expect(p.certain).toBe(true)
  })

  it('a blank back page belongs to no document, and does not cut one alone', () => {
    const p = plan([labReport(JOHNSON, 1), 'blank', labReport(LINDQVIST, 2)])
    expect(p.parts).toEqual([
      { from: 1, to: 1 },
      { from: 3, to: 3 },
    ])
    const one = plan([
      { pages: dischargeSummary(JOHNSON, 1).pages.slice(0, 2) },
      'blank',
      { pages: dischargeSummary(JOHNSON, 1).pages.slice(2) },
    ])
    // The blank page inside stays in the file but is not one of the document's pages.
    expect(one.parts).toEqual([{ from: 1, to: 4, blank: [3] }])
  })

  it('a page naming another patient is cut off even inside numbered pages', () => {
    const a = dischargeSummary(JOHNSON, 1, { marker: true })
    const b = dischargeSummary(LINDQVIST, 1, { marker: true })
    const mixed = { pages: [a.pages[0]!, b.pages[1]!.concat([LINDQVIST]), a.pages[2]!] }
    const p = plan([mixed])
    expect(p.cuts.map((c) => c.page)).toContain(2)
  })

  it('GIVEN a fax count at the foot of every page WHEN it runs on across a change of patient THEN it holds no cut down', () => {
    const docs = [labReport(JOHNSON, 1), labReport(LINDQVIST, 1), labReport(LINDQVIST, 2)]
    const faxed = docs.map((d, i) => ({
      pages: [d.pages[0]!.concat([`NOV-23-2025 16:35 FROM: KESTREL VLY HIM\tTO: 5555550199\tP.${i + 1}/3`])],
    }))
    const read = readPages(stackPages(faxed), { classify: (t) => classifier.classify(t), identifiers: { mrnPattern: '^CC-\\d{6}$' } })
    // Read as the document's own numbering, it would say pages 2 and 3 are one document.
    expect(read.map((r) => r.marker?.page)).toEqual([1, 2, 3])
    const p = planSplit(read)
    expect(p.cuts.map((c) => c.page)).toEqual([2, 3])
    expect(p.cuts[1]!.reasons.join('; ')).not.toMatch(/page numbers run on/)
    // A document's own numbering that never crosses a patient still holds its pages together.
    const own = plan([dischargeSummary(JOHNSON, 1, { marker: true })])
    expect(own.parts).toEqual([{ from: 1, to: 3 }])
  })

  it("a person's cuts make the parts; separators stay out", () => {
    const pages = [1, 2, 3, 4, 5].map((page) => ({ page, blank: false, separator: page === 3 }))
    expect(partsFromStarts(pages, [2])).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 4, to: 5 },
    ])
    expect(partsFromStarts(pages, [])).toEqual([
      { from: 1, to: 2 },
      { from: 4, to: 5 },
    ])
  })

  it('GIVEN one doubtful cut among sure ones WHEN deciding what to file THEN only the parts touching the doubtful cut wait', () => {
    const cuts = [
      { page: 3, confidence: 0.97, reasons: [] },
      { page: 5, confidence: 0.7, reasons: [] },
      { page: 8, confidence: 0.99, reasons: [] },
    ]
    const parts = [
      { from: 1, to: 2 },
      { from: 3, to: 4 },
      { from: 5, to: 7 },
      { from: 8, to: 9 },
    ]
    expect(partsByCertainty({ parts, cuts })).toEqual({
      file: [
        { from: 1, to: 2 },
        { from: 8, to: 9 },
      ],
      wait: [
        { from: 3, to: 4 },
        { from: 5, to: 7 },
      ],
    })
  })

  describe('a page naming no patient', () => {
    // A page of instructions with a heading and no patient on it, and a sender's note: neither names anyone.
    const instructions: StackItem = {
      pages: [
        [
          'PATIENT INSTRUCTIONS AFTER YOUR VISIT',
          'Keep the wound dry for two days and change the dressing daily.',
          'Call the clinic if redness spreads, fever over 101 F, or drainage increases.',
          'Take acetaminophen as needed for pain, no more than 3 grams a day.',
        ],
      ],
    }
    const note: StackItem = {
      pages: [
        [
          'Enclosed are the records you asked for on the release form we received.',
          'Originals follow by mail only if requested. Questions go to the release desk,',
          'weekdays from eight to four. Thank you for your patience with this request.',
        ],
      ],
    }

    it("GIVEN a page naming nobody held to a patient's pages only by a doubtful link WHEN deciding what to file THEN its part waits", () => {
      const p = plan([labReport(OKAFOR, 1), consultNote(JOHNSON, 1), instructions, labReport(LINDQVIST, 2)])
      // The instructions either open the third part, which the lab report after them would carry into its
      // patient's chart (so they are adrift), or stand alone between cuts in doubt (the classifier decides
      // which); either way they go to nobody's chart without a person.
      const holding = p.parts.find((x) => x.from <= 4 && x.to >= 4)!
      expect(holding.from).toBe(4)
      expect(p.adrift ?? []).toEqual(holding.to > 4 ? [4] : [])
      expect(p.certain).toBe(false)
      const { file, wait } = partsByCertainty(p)
      expect(file).toContainEqual({ from: 1, to: 1 })
      expect(file.filter((x) => x.from <= 4 && x.to >= 4)).toEqual([])
      expect(wait).toContainEqual(holding)
    })

    it('GIVEN pages naming nobody that surely continue a document (numbered, or plainly its next page) WHEN split THEN none is adrift', () => {
      const p = plan([labReport(OKAFOR, 1), dischargeSummary(JOHNSON, 1, { marker: true }), consultNote(LINDQVIST, 2)])
      expect(p.parts).toEqual([
        { from: 1, to: 1 },
        { from: 2, to: 4 },
        { from: 5, to: 6 },
      ])
      expect(p.adrift).toBeUndefined()
      expect(p.certain).toBe(true)
      // A file holding one document is not a stack: its pages go on together as before.
      expect(plan([consultNote(JOHNSON, 1), instructions]).adrift).toBeUndefined()
    })

    it("GIVEN the last of a document's numbered pages WHEN an unnumbered page naming nobody follows THEN it is cut off, and is filed with no one on a guess", () => {
      const p = plan([dischargeSummary(LINDQVIST, 2, { marker: true }), note, labReport(JOHNSON, 1)])
      expect(p.parts).toEqual([
        { from: 1, to: 3 },
        { from: 4, to: 5 },
      ])
      expect(p.cuts[0]!.reasons).toContain('the page before was the last of its numbered pages')
      // Signed off and its numbered pages through: the discharge summary is surely whole and is filed.
      expect(p.cuts[0]!.confidence).toBeGreaterThanOrEqual(0.9)
      // The note is in no part filed at once: it names no one, and the lab report's patient is not its.
      expect(p.adrift).toEqual([4])
      expect(partsByCertainty(p).file).toEqual([{ from: 1, to: 3 }])
    })

    describe("a birth date a scan's slip away from the document's", () => {
      // The discharge summary naming the patient on every page, page 2's birth date as given.
      const withDob = (dob2: string, marker: boolean, who2 = JOHNSON) => {
        const d = dischargeSummary(JOHNSON, 1, { marker })
        return { pages: [d.pages[0]!, [who2.replace('01/12/1975', dob2), ...d.pages[1]!], [JOHNSON, ...d.pages[2]!]] }
      }

      it('GIVEN numbered pages of one document, one birth date misread by a digit or two digits swapped WHEN split THEN it is not cut', () => {
        for (const dob of ['01/12/1976', '01/12/1957', '01/21/1975']) {
          const p = plan([labReport(OKAFOR, 1), withDob(dob, true), labReport(LINDQVIST, 2)])
          expect(p.parts, dob).toEqual([
            { from: 1, to: 1 },
            { from: 2, to: 4 },
            { from: 5, to: 5 },
          ])
        }
      })

      it('GIVEN the same pages without page numbers, with another record number, or a birth date more than a slip away WHEN split THEN the cut is made surely, as for another patient', () => {
        const far = plan([withDob('01/12/1984', true)])
        expect(far.parts.map((r) => r.from)).toEqual([1, 2, 3])
        expect(far.cuts.every((c) => c.confidence >= 0.9)).toBe(true)
        const bare = plan([withDob('01/12/1976', false)])
        expect(bare.parts.map((r) => r.from)).toEqual([1, 2, 3])
        expect(bare.cuts[0]!.confidence).toBeGreaterThanOrEqual(0.9)
        const otherMrn = plan([withDob('01/12/1976', true, JOHNSON.replace('CC-100418', 'CC-100419'))])
        expect(otherMrn.parts.map((r) => r.from)).toContain(2)
        expect(otherMrn.cuts.find((c) => c.page === 2)!.confidence).toBeGreaterThanOrEqual(0.9)
      })
    })

    it('GIVEN a numbered page whose own number was lost WHEN the pages on either side number it THEN it holds to its document', () => {
      const d = dischargeSummary(JOHNSON, 1, { marker: true })
      // Page 2 lost its "Page 2 of 3" and reads as the start of something else (a title, another date).
      const lost = ['LABORATORY RESULTS DURING ADMISSION', 'Collected 02/03/2025', ...d.pages[1]!.filter((l) => !/^Page \d/.test(l))]
      const p = plan([labReport(OKAFOR, 1), { pages: [d.pages[0]!, lost, d.pages[2]!] }, labReport(LINDQVIST, 2)])
      expect(p.parts).toEqual([
        { from: 1, to: 1 },
        { from: 2, to: 4 },
        { from: 5, to: 5 },
      ])
      expect(p.certain).toBe(true)
    })
  })

  describe('a fax cover sheet', () => {
    const stack: StackItem[] = [
      labReport(OKAFOR, 1),
      faxCoverSheet('transmittal', 4, 'discharge summary as requested'),
      dischargeSummary(LINDQVIST, 2, { marker: true }),
      faxCoverSheet('telefax', 2),
      labReport(JOHNSON, 3, { marker: true }),
    ]

    it('GIVEN cover sheets before the documents they announce WHEN split THEN each cover is the first page of its document, never cut off from it', () => {
      const p = plan(stack)
      expect(p.parts).toEqual([
        { from: 1, to: 1 },
        { from: 2, to: 5 },
        { from: 6, to: 7 },
      ])
      expect(p.cuts.map((c) => c.page)).toEqual([2, 6])
      expect(p.certain).toBe(true)
    })

    it('GIVEN the records lead wants covers apart WHEN split with own-part THEN each cover is a part of its own', () => {
      expect(plan(stack, 'own-part').parts).toEqual([
        { from: 1, to: 1 },
        { from: 2, to: 2 },
        { from: 3, to: 5 },
        { from: 6, to: 6 },
        { from: 7, to: 7 },
      ])
    })

    it('GIVEN a cover sheet naming one patient WHEN the page after it names another THEN the cut is made all the same', () => {
      const cover = faxCoverSheet('telefax', 2, `records for ${JOHNSON}`)
      const p = plan([cover, labReport(LINDQVIST, 1)])
      expect(p.parts).toEqual([
        { from: 1, to: 1 },
        { from: 2, to: 2 },
      ])
      expect(p.cuts[0]!.confidence).toBeGreaterThanOrEqual(0.9)
    })

    it('GIVEN a cover sheet naming several patients WHEN the pages after it are split THEN the cover does not hold the next cut down', () => {
      const read = (about: string) =>
        planSplit(
          readPages(stackPages([faxCoverSheet('telefax', 4, about), labReport(JOHNSON, 1), labReport(JOHNSON, 2)]), {
            classify: (t) => classifier.classify(t),
            identifiers: { mrnPattern: '^CC-\\d{6}$' },
          }),
          { propose: 0 },
        ).cuts.find((c) => c.page === 2)!
      const several = read(`records for ${JOHNSON} and ${OKAFOR}`)
      expect(several.reasons).toContain('the fax cover sheet before names several patients: it may announce more than one document')
      expect(several.confidence).toBeGreaterThan(0)
      const one = read(`records for ${JOHNSON}`)
      expect(one.reasons).toContain('against: the page before is a fax cover sheet, the first page of the document it announces')
      expect(one.confidence).toBe(0)
    })

    describe('the count it gives', () => {
      const consult = consultNote(JOHNSON, 1)
      // The second consultation for the same patient on the same day, without its letterhead.
      const again: StackItem = { pages: [consult.pages[0]!.slice(1), consult.pages[1]!] }
      const ds = dischargeSummary(LINDQVIST, 1)
      // A discharge summary carrying its admission's laboratory results on a page of its own (a title, another date, another type).
      const withLabs: StackItem = {
        pages: [
          ds.pages[0]!,
          ['LABORATORY RESULTS DURING ADMISSION', 'Collected 02/03/2025', ...labReport(LINDQVIST, 1).pages[0]!.slice(5, 11)],
          ds.pages[1]!,
          ds.pages[2]!,
        ],
      }

      it('GIVEN the same patient and type back to back WHEN the cover counted the first document THEN the cut in doubt is made sure', () => {
        const without = plan([consult, again])
        expect(without.cuts.map((c) => c.page)).toEqual([3])
        expect(without.certain).toBe(false)
        const counted = plan([faxCoverSheet('transmittal', 3), consult, again])
        expect(counted.parts).toEqual([
          { from: 1, to: 3 },
          { from: 4, to: 5 },
        ])
        expect(counted.certain).toBe(true)
        expect(counted.cuts[0]!.reasons).toContain('the pages the fax cover sheet announced have all come before this one')
      })

      it('GIVEN a long document with a page that looks like a new one WHEN the cover counted all its pages THEN it is not cut', () => {
        expect(plan([withLabs]).parts.length).toBeGreaterThan(1)
        expect(plan([faxCoverSheet('transmittal', 5), withLabs])).toMatchObject({ parts: [{ from: 1, to: 5 }], cuts: [], certain: true })
      })

      it('GIVEN a count that cannot be right (another cover comes first) WHEN split THEN the count is no evidence', () => {
        const r = readPages(stackPages([faxCoverSheet('transmittal', 9), withLabs, faxCoverSheet('telefax', 2), labReport(JOHNSON, 2)]), {
          classify: (t) => classifier.classify(t),
          identifiers: { mrnPattern: '^CC-\\d{6}$' },
        })
        // Only the second cover's count stands: page 7 is the one page it announced after itself.
        expect([...coverSpans(r)]).toEqual([[7, 'within']])
      })

      it('GIVEN a cover counting two documents of one patient, each numbered WHEN split THEN the second is still proposed, for a person to look at', () => {
        const p = plan([
          faxCoverSheet('transmittal', 5),
          consultNote(JOHNSON, 1, { marker: true }),
          consultNote(JOHNSON, 2, { marker: true }),
        ])
        expect(p.cuts.map((c) => c.page)).toEqual([4])
        expect(p.certain).toBe(false)
      })

      it('GIVEN a document that said its last page was its last WHEN a cover sheet after it reads a stray page number THEN the number does not run on and the cover opens its own document', () => {
        const cover = faxCoverSheet('transmittal', 2)
        // A scan's stray "4" under the cover reads as the page after "Page 3 of 3".
        const stray = { pages: [[...cover.pages[0]!, 'Page 4']] }
        const p = plan([dischargeSummary(LINDQVIST, 1, { marker: true }), stray, labReport(JOHNSON, 1)])
        expect(p.parts).toEqual([
          { from: 1, to: 3 },
          { from: 4, to: 5 },
        ])
        expect(p.certain).toBe(true)
      })

      it('GIVEN a cover counting pages WHEN the page after it names another patient THEN the cut is sure all the same', () => {
        const p = plan([faxCoverSheet('transmittal', 4), labReport(JOHNSON, 1), labReport(LINDQVIST, 2), labReport(OKAFOR, 3)])
        expect(p.parts).toEqual([
          { from: 1, to: 2 },
          { from: 3, to: 3 },
          { from: 4, to: 4 },
        ])
        expect(p.certain).toBe(true)
      })
    })
  })
})
