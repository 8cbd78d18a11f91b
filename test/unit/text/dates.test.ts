import { describe, expect, it } from 'vitest'
import { type DateScanOptions, findDates } from '../../../src/text/dates.js'
import { findDates as fieldDates, parseDate } from '../../../src/extract-fields/dates.js'
import { findDates as birthDates } from '../../../src/patients/dates.js'

const iso = (text: string, opts: DateScanOptions = {}): string[] => findDates(text, { latest: '2026-06-01', ...opts }).map((d) => d.iso)

describe('findDates (the one date reader)', () => {
  it('GIVEN each written form THEN reads the same calendar date', () => {
    for (const t of [
      '03/05/2024',
      '3/5/24',
      '03-05-2024',
      '03.05.2024',
      '2024-03-05',
      '2024/03/05',
      'March 5, 2024',
      'Mar. 5th 2024',
      'Tuesday, March 5, 2024',
      '5 March 2024',
      '5th of March, 2024',
      '05-Mar-2024',
      '05MAR2024',
      '5-MAR-24',
      "Mar 5, '24",
      '03 /05/ 2024',
      '2024-Mar-05',
      '2024 March 5th',
      '2024MAR05',
    ]) {
      expect(iso(t), t).toEqual(['2024-03-05'])
    }
  })

  it('GIVEN the configured order THEN numeric dates follow it, and the other order only when it is impossible', () => {
    expect(iso('05/03/2024', { order: 'DMY' })).toEqual(['2024-03-05'])
    expect(iso('05/03/2024', { order: 'MDY' })).toEqual(['2024-05-03'])
    const swapped = findDates('14/03/1962', { order: 'MDY' })[0]!
    expect(swapped.iso).toBe('1962-03-14')
    expect(swapped.orderSwapped).toBe(true)
    expect(findDates('03/14/1962', { order: 'DMY' })[0]!.orderSwapped).toBe(true)
  })

  it('GIVEN OCR look-alikes THEN they are repaired only when asked, and marked', () => {
    expect(iso('O3/O5/2O24')).toEqual([])
    const d = findDates('O3/O5/2O24', { ocr: true })[0]!
    expect(d.iso).toBe('2024-03-05')
    expect(d.repaired).toBe(true)
    expect(iso('0ct 3, 2023', { ocr: true })).toEqual(['2023-10-03'])
    expect(iso('Ju1y 4, 2024', { ocr: true })).toEqual(['2024-07-04'])
    expect(iso('Avg 3, 2024', { ocr: true })).toEqual(['2024-08-03'])
    expect(iso('Dcc 3, 2024', { ocr: true })).toEqual(['2024-12-03'])
    // Three real digits are enough for a short date; a run mostly of letters is not a date.
    expect(iso('1/5/O4', { ocr: true })).toEqual(['2004-01-05'])
    expect(iso('Il/lO/SO', { ocr: true })).toEqual([])
  })

  it('GIVEN a two-digit year THEN the latest century not after `latest` is taken and the other kept as an alternative', () => {
    const recent = findDates('3/14/20', { latest: '2026-06-01' })[0]!
    expect(recent.iso).toBe('2020-03-14')
    expect(recent.twoDigitYear).toBe(true)
    expect(recent.alternatives).toEqual(['1920-03-14'])
    const older = findDates('3/14/62', { latest: '2026-06-01' })[0]!
    expect(older.iso).toBe('1962-03-14')
    expect(older.alternatives).toEqual([])
  })

  it('GIVEN letters touching a date (a lost column gap) THEN the date is still read', () => {
    expect(iso('MOORE, THOMAS11/11/1966 1000030')).toEqual(['1966-11-11'])
    expect(iso('03/05/2024abc')).toEqual(['2024-03-05'])
  })

  it('GIVEN runs that only look like dates THEN none is read', () => {
    expect(iso('seen 03/14-1962')).toEqual([])
    expect(iso('12/03/2024/5')).toEqual([])
    expect(iso('version 1.2.15')).toEqual([])
    expect(iso('Mayo 12, 2024')).toEqual([])
    expect(iso('20240305')).toEqual([])
    expect(iso('lot 12024-Mar-05')).toEqual([])
    expect(iso('2024 Mar 2025')).toEqual([])
  })

  it('GIVEN a labelled value THEN compact forms, slashes read as ones and dotted two-digit years are read', () => {
    expect(iso('20240305', { labelled: true })).toEqual(['2024-03-05'])
    expect(iso('03052024', { labelled: true })).toEqual(['2024-03-05'])
    expect(iso('0712212025', { labelled: true })).toEqual(['2025-07-22'])
    expect(iso('1.2.15', { labelled: true })).toEqual(['2015-01-02'])
  })

  it('GIVEN a date that cannot exist THEN it is returned, marked not real', () => {
    const d = findDates('02/30/1962')[0]!
    expect(d.iso).toBe('1962-02-30')
    expect(d.real).toBe(false)
  })

  it('GIVEN `accept` THEN a rejected reading gives way to a date starting inside it', () => {
    expect(iso('S5 March 2024', { ocr: true })).toEqual(['2024-03-55'])
    expect(iso('S5 March 2024', { ocr: true, accept: (d) => d.real })).toEqual(['2024-03-05'])
  })
})

describe('field dates and birth dates read alike', () => {
  it('GIVEN the same text THEN both views find the same dates; only what they keep differs', () => {
    const text = 'DOB: 03/14/1962  DOS: Mar 5, 2024  Collected 2024-03-05T10:15  Bad: 02/30/1962'
    const fields = fieldDates(text, { refYear: 2026 }).map((d) => d.iso)
    const births = birthDates(text, { ocr: true, today: new Date('2026-06-01T12:00:00') }).map(
      (d) => `${d.iso}${d.valid ? '' : `!${d.problem}`}`,
    )
    expect(fields).toEqual(['1962-03-14', '2024-03-05', '2024-03-05'])
    expect(births).toEqual(['1962-03-14', '2024-03-05', '2024-03-05', '1962-02-30!impossible'])
    expect(parseDate('O3/O5/2O24 14:32')).toBe('2024-03-05')
  })
})
