import { describe, expect, it } from 'vitest'
import { detectMissingPages } from '../../../src/extract-fields/pages.js'

const pages = (...texts: string[]) => texts.map((text, i) => ({ page: i + 1, text }))
const body = 'Patient: Jane Doe   DOB: 01/02/1960\nFindings: stable.\nPlan: follow up in 3 months.'

describe('detectMissingPages: pages missing', () => {
  it('GIVEN footers "Page 1 of 3" and "Page 3 of 3" on two pages THEN page 2 is missing', () => {
    const r = detectMissingPages(pages(`${body}\nPage 1 of 3`, `${body}\nPage 3 of 3`))
    expect(r).toMatchObject({
      pagesDeclared: 3,
      pagesFound: [1, 3],
      missingPages: [2],
      duplicatePages: [],
      outOfOrder: false,
      source: 'document',
    })
  })

  it('GIVEN "Pg 1/4", "Pg. 2/4", "pg 4/4" THEN page 3 is missing', () => {
    const r = detectMissingPages(pages(`${body}\nPg 1/4`, `${body}\nPg. 2/4`, `${body}\npg 4/4`))
    expect(r).toMatchObject({ pagesDeclared: 4, missingPages: [3] })
  })

  it('GIVEN the last page is gone ("Page 1 of 2" only) THEN page 2 is missing', () => {
    const r = detectMissingPages(pages(`${body}\nPage 1 of 2`))
    expect(r).toMatchObject({ pagesDeclared: 2, pagesFound: [1], missingPages: [2] })
  })

  it('GIVEN headers "PAGE 2 OF 3" at the top THEN page 1 is missing', () => {
    const r = detectMissingPages(pages(`MERCY HOSPITAL    PAGE 2 OF 3\n${body}`, `MERCY HOSPITAL    PAGE 3 OF 3\n${body}`))
    expect(r).toMatchObject({ pagesDeclared: 3, missingPages: [1] })
  })

  it('GIVEN OCR-damaged footers "Paqe l 0f 4", "Page Z of 4", "Paqe 4 ot 4" THEN page 3 is missing', () => {
    const r = detectMissingPages(pages(`${body}\nPaqe l 0f 4`, `${body}\nPage Z of 4`, `${body}\nPaqe 4 ot 4`))
    expect(r).toMatchObject({ pagesDeclared: 4, pagesFound: [1, 2, 4], missingPages: [3] })
  })

  it('GIVEN fax headers "P.002/005", "P.003/005", "P.005/005" THEN page 4 is missing (page 1 is the cover sheet)', () => {
    const hdr = (n: number) => `03/05/2024 14:22  FAX 555-123-4567  ST MARY LAB  P.00${n}/005`
    const r = detectMissingPages(pages(`${hdr(2)}\n${body}`, `${hdr(3)}\n${body}`, `${hdr(5)}\n${body}`))
    expect(r).toMatchObject({ source: 'fax', pagesDeclared: 5, missingPages: [4] })
  })

  it('GIVEN fax headers "Page 001", "Page 002", "Page 004" without a total THEN page 3 is missing', () => {
    const hdr = (n: number) => `FROM: Mercy Hospital HIM   FAX (360) 555-0100   Page 00${n}`
    const r = detectMissingPages(pages(`${hdr(1)}\n${body}`, `${hdr(2)}\n${body}`, `${hdr(4)}\n${body}`))
    expect(r).toMatchObject({ pagesDeclared: null, pagesFound: [1, 2, 4], missingPages: [3], source: 'fax' })
  })

  it('GIVEN fax header "P. 2/5" and document footers THEN the document footers decide', () => {
    const r = detectMissingPages(
      pages(
        `03/05/2024 14:22 FAX 555-123-4567 P. 2/5\n${body}\nPage 1 of 2`,
        `03/05/2024 14:22 FAX 555-123-4567 P. 3/5\n${body}\nPage 2 of 2`,
      ),
    )
    expect(r).toMatchObject({ source: 'document', pagesDeclared: 2, missingPages: [] })
  })

  it('GIVEN bare footers "1 of 3" and "3 of 3" THEN page 2 is missing', () => {
    const r = detectMissingPages(pages(`${body}\n\n1 of 3`, `${body}\n\n3 of 3`))
    expect(r).toMatchObject({ pagesDeclared: 3, missingPages: [2] })
  })

  it('GIVEN two stapled documents "1/2, 2/2" and "1/3, 3/3" THEN page 2 of the second is missing', () => {
    const r = detectMissingPages(pages(`${body}\nPage 1 of 2`, `${body}\nPage 2 of 2`, `${body}\nPage 1 of 3`, `${body}\nPage 3 of 3`))
    expect(r.series).toHaveLength(2)
    expect(r.series[1]).toMatchObject({ pagesDeclared: 3, missingPages: [2] })
    expect(r.missingPages).toEqual([2])
    expect(r.pagesDeclared).toBe(5)
  })
})

describe('detectMissingPages: complete, repeated or shuffled', () => {
  it('GIVEN all three pages THEN nothing is missing', () => {
    const r = detectMissingPages(pages(`${body}\nPage 1 of 3`, `${body}\nPage 2 of 3`, `${body}\nPage 3 of 3`))
    expect(r).toMatchObject({ pagesDeclared: 3, pagesFound: [1, 2, 3], missingPages: [], duplicatePages: [], outOfOrder: false })
  })

  it('GIVEN a middle page whose footer OCR could not read THEN it is taken to be page 2, not missing', () => {
    const r = detectMissingPages(pages(`${body}\nPage 1 of 3`, `${body}\nP@ge ~ 0f`, `${body}\nPage 3 of 3`))
    expect(r.missingPages).toEqual([])
    expect(r.pageMap[1]).toMatchObject({ declaredPage: 2, inferred: true })
  })

  it('GIVEN a last page whose footer is unreadable THEN it completes the count', () => {
    const r = detectMissingPages(pages(`${body}\nPage 1 of 2`, `${body}\n~~~ smudge`))
    expect(r.missingPages).toEqual([])
  })

  it('GIVEN page 1 scanned twice THEN page 1 is a duplicate', () => {
    const r = detectMissingPages(pages(`${body}\nPage 1 of 2`, `${body}\nPage 1 of 2`, `${body}\nPage 2 of 2`))
    expect(r).toMatchObject({ duplicatePages: [1], missingPages: [], outOfOrder: false })
  })

  it('GIVEN pages fed in reverse THEN out of order, nothing missing', () => {
    const r = detectMissingPages(pages(`${body}\nPage 2 of 2`, `${body}\nPage 1 of 2`))
    expect(r).toMatchObject({ outOfOrder: true, missingPages: [] })
  })

  it('GIVEN one OCR slip in a total ("Page 2 of 8" among "of 3") THEN the common total wins', () => {
    const r = detectMissingPages(pages(`${body}\nPage 1 of 3`, `${body}\nPage 2 of 8`, `${body}\nPage 3 of 3`))
    expect(r).toMatchObject({ pagesDeclared: 3, missingPages: [] })
  })

  it('GIVEN "Page 2 of 5" glued together ("Page2of5") THEN it is read', () => {
    const r = detectMissingPages(pages(`${body}\nPage1of2`, `${body}\nPage2of2`))
    expect(r).toMatchObject({ pagesDeclared: 2, missingPages: [] })
  })
})

describe('detectMissingPages: nothing to read', () => {
  it('GIVEN no page markers THEN nothing is declared or missing', () => {
    const r = detectMissingPages(pages(body, body))
    expect(r).toMatchObject({
      pagesDeclared: null,
      pagesFound: [],
      missingPages: [],
      duplicatePages: [],
      outOfOrder: false,
      source: null,
      physicalPages: 2,
    })
  })

  it('GIVEN "2 of 5 lymph nodes" in the body THEN it is not a page marker', () => {
    const r = detectMissingPages(pages(`FINAL DIAGNOSIS\nMetastatic carcinoma in 2 of 5 lymph nodes.\n${body}\nMore text follows here.`))
    expect(r.pagesDeclared).toBeNull()
    expect(r.missingPages).toEqual([])
  })

  it('GIVEN "see page 2 of the attached report" in the body THEN it is not a page marker', () => {
    const r = detectMissingPages(pages(`Intro\nAs described on page 2 of the attached report, the lesion is stable.\n${body}`))
    expect(r.pagesDeclared).toBeNull()
  })

  it('GIVEN an impossible marker "Page 7 of 3" THEN it is ignored', () => {
    const r = detectMissingPages(pages(`${body}\nPage 7 of 3`))
    expect(r.pagesDeclared).toBeNull()
    expect(r.missingPages).toEqual([])
  })

  it('GIVEN an empty document THEN nothing is declared', () => {
    const r = detectMissingPages([])
    expect(r).toMatchObject({ pagesDeclared: null, physicalPages: 0, missingPages: [] })
  })
})
