import { describe, expect, it } from 'vitest'
import { findPageFurniture, isFaxBanner, normaliseRunning, withoutPageFurniture } from '../../../src/extract-fields/pageFurniture.js'
import { toPages } from '../../../src/text/lines.js'

const page = (n: number, body: string, opts: { footer?: boolean; banner?: boolean; header?: string } = {}): string =>
  [
    opts.banner ? `12/03/2026 10:14 FROM: 555-0142 TO: (740) 555-0141 P. 00${n}/003` : null,
    opts.header ?? null,
    body,
    opts.footer ? (n === 2 ? 'St. Brigid Hospita1 i Page 2 of 3 CONFlDENTIAL' : `St. Brigid Hospital Page ${n} of 3 CONFIDENTIAL`) : null,
  ]
    .filter((x) => x !== null)
    .join('\n')

const lines = (pages: ReturnType<typeof toPages>, found: Map<number, Set<number>>): string[][] =>
  pages.map((p) => [...(found.get(p.page) ?? [])].sort((a, b) => a - b).map((i) => p.lines[i]!.text))

describe('page furniture', () => {
  it('normalises page numbers and digits away', () => {
    expect(normaliseRunning('St. Brigid Hospital  Page 1 of 3  CONFIDENTIAL')).toBe(
      normaliseRunning('ST BRIGID HOSPITAL PAGE 2 OF 3 confidential'),
    )
    expect(normaliseRunning('Page l of 3')).toBe('page # of #')
    expect(normaliseRunning('Glucose 131 H mg/dL')).not.toBe(normaliseRunning('Glucose 128 H mg/dL'))
  })

  it('recognises fax banners and leaves letterheads and dated lines alone', () => {
    expect(isFaxBanner('12/03/2026 10:14 FROM: 555-0142 TO: ... P. 002/004')).toBe(true)
    expect(isFaxBanner('FROM: HARBOR URGENT CARE  (440) 555-0187     07/22/2025 16:41     P. 1/1')).toBe(true)
    expect(isFaxBanner('Jul 22 2025 4:41PM  HARBOR URGENT CARE  4405550187  page 1')).toBe(true)
    expect(isFaxBanner('880 Commerce Drive, Suite 120 | Tel (740) 555-0172 | Fax (740) 555-0173')).toBe(false)
    expect(isFaxBanner('Collected: 03/10/2025 08:42   Received: 03/10/2025 13:05')).toBe(false)
  })

  it('finds a footer repeated on every page despite OCR slips, and the fax banner on top', () => {
    const bodies = [
      'HOSPITAL COURSE:\nAdmitted with pneumonia.\nImproved on antibiotics.',
      'MEDICATIONS:\nMetformin 500 mg twice daily\nLisinopril 10 mg daily',
      'FOLLOW-UP:\nPrimary care within 7 days.\nRepeat chest radiograph.',
    ]
    const text = [1, 2, 3].map((n) => page(n, bodies[n - 1]!, { footer: true, banner: true })).join('\f')
    const pages = toPages(text)
    const found = lines(pages, findPageFurniture(pages))
    expect(found[0]).toEqual([
      '12/03/2026 10:14 FROM: 555-0142 TO: (740) 555-0141 P. 001/003',
      'St. Brigid Hospital Page 1 of 3 CONFIDENTIAL',
    ])
    expect(found[1]).toEqual([
      '12/03/2026 10:14 FROM: 555-0142 TO: (740) 555-0141 P. 002/003',
      'St. Brigid Hospita1 i Page 2 of 3 CONFlDENTIAL',
    ])
    expect(found[2]).toHaveLength(2)
  })

  it('a line on only one page of three, results that differ in their numbers, headings: not furniture', () => {
    const text = [
      'RESULTS:\nSodium 139 mmol/L 136 - 145\nGlucose 131 H mg/dL 70 - 99',
      'RESULTS:\nSodium 140 mmol/L 136 - 145\nGlucose 128 H mg/dL 70 - 99',
      'NOTES:\nnone\nand another thing',
    ].join('\f')
    const pages = toPages(text)
    expect(lines(pages, findPageFurniture(pages))).toEqual([[], [], []])
  })

  it('a one-page document: a "Page 1 of 1" footer is furniture, its other lines are not', () => {
    const pages = toPages('LAB\nGlucose 131 H mg/dL 70 - 99\nTri-County Reference Laboratory Page 1 of 1 CONFIDENTIAL')
    expect(lines(pages, findPageFurniture(pages))).toEqual([['Tri-County Reference Laboratory Page 1 of 1 CONFIDENTIAL']])
  })

  it('a running patient line is kept where it first appears and blanked after', () => {
    const header = 'LINDQVIST, MARGARET DOB: 02/09/1944 MRN: 00736145'
    const text = [1, 2, 3]
      .map((n) => page(n, `PART ${n}:\nthe ${['first', 'second', 'third'][n - 1]} part of the summary`, { header, footer: true }))
      .join('\f')
    const pages = toPages(text)
    const found = lines(pages, findPageFurniture(pages))
    expect(found[0]).toEqual(['St. Brigid Hospital Page 1 of 3 CONFIDENTIAL'])
    expect(found[1]).toContain(header)
    expect(found[2]).toContain(header)
  })

  it('blanking keeps offsets and line numbers', () => {
    const text = [1, 2].map((n) => page(n, `X:\n${n === 1 ? 'first value' : 'another one'}`, { footer: true })).join('\f')
    const before = toPages(text)
    const after = withoutPageFurniture(before)
    for (const [i, p] of after.entries()) {
      expect(p.text.length).toBe(before[i]!.text.length)
      expect(p.lines.map((l) => l.start)).toEqual(before[i]!.lines.map((l) => l.start))
      expect(p.text).not.toMatch(/CONFIDENTIAL/)
      expect(p.text).toMatch(/value|another/)
    }
    expect(before[0]!.text).toMatch(/CONFIDENTIAL/)
  })
})
