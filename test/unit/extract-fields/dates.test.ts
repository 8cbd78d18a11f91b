import { describe, expect, it } from 'vitest'
import { findDates, parseDate } from '../../../src/extract-fields/dates.js'

const opts = { refYear: 2025 }

describe('parseDate', () => {
  const cases: Array<[string, string | null]> = [
    ['03/05/2024', '2024-03-05'],
    ['3/5/24', '2024-03-05'],
    ['03-05-2024', '2024-03-05'],
    ['03.05.2024', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024-03-05T08:15:00Z', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Mar. 5th 2024', '2024-03-05'],
    ['Tuesday, March 5, 2024', '2024-03-05'],
    ['Sept. 5, 2023', '2023-09-05'],
    ['5 March 2024', '2024-03-05'],
    ['05-Mar-2024', '2024-03-05'],
    ['05MAR2024', '2024-03-05'],
    ['5-MAR-24', '2024-03-05'],
    ['the 5th of March, 2024', '2024-03-05'],
    ['25/12/2023', '2023-12-25'],
    ['12/31/2024 23:59', '2024-12-31'],
    ['DOB: 01/02/65', '1965-01-02'],
    // OCR damage
    ['O3/O5/2O24', '2024-03-05'],
    ['l2/0l/2023', '2023-12-01'],
    ['03 /05/ 2024', '2024-03-05'],
    ['0ct 3, 2023', '2023-10-03'],
    ['Ju1y 4, 2023', '2023-07-04'],
    ['1O/3l/2O23', '2023-10-31'],
    // not dates
    ['31/02/2024', null],
    ['13/13/2024', null],
    ['March 2024', null],
    ['4.0-5.6', null],
    ['70 - 99', null],
    ['2.5-12.50', null],
    ['Page 2/5', null],
    ['SOIL/SAND', null],
    ['', null],
  ]
  for (const [input, iso] of cases) {
    it(`"${input}" -> ${iso}`, () => {
      expect(parseDate(input, opts)).toBe(iso)
    })
  }

  it('reads ambiguous dates day-first when asked', () => {
    expect(parseDate('05/03/2024', { ...opts, order: 'DMY' })).toBe('2024-03-05')
  })

  it('puts two-digit years more than a year ahead in the last century', () => {
    expect(parseDate('01/02/27', opts)).toBe('1927-01-02')
    expect(parseDate('01/02/26', opts)).toBe('2026-01-02')
  })
})

describe('findDates', () => {
  it('finds every date in a line with its position', () => {
    const text = 'Collected: 03/05/2024 08:15   Reported: Mar 6, 2024'
    const found = findDates(text, opts)
    expect(found.map((d) => d.iso)).toEqual(['2024-03-05', '2024-03-06'])
    expect(text.slice(found[0]!.index, found[0]!.end)).toBe('03/05/2024')
    expect(found[1]!.raw).toBe('Mar 6, 2024')
  })

  it('does not read lab ranges, versions or compact numbers as dates', () => {
    expect(findDates('Glucose 112 mg/dL 70-99  TSH 0.45-4.50  v1.2.15  Accession 20240305', opts)).toEqual([])
  })
})
