import { describe, expect, it } from 'vitest'
import { countDigits, DIGITISH, lookalikeDigit, ocrDigits, repairDigits } from '../../../src/text/digits.js'
import { readMrn } from '../../../src/patients/mrn.js'
import { findDates } from '../../../src/patients/dates.js'
import { findDates as findFieldDates } from '../../../src/extract-fields/dates.js'

describe('one OCR digit look-alike table', () => {
  it('maps every look-alike the readers used to disagree on', () => {
    expect(ocrDigits('O3/l4/2O24'.replace(/\//g, ''))).toBe('03142024')
    expect([...'OoQD'].map(lookalikeDigit)).toEqual(['0', '0', '0', '0'])
    expect([...'IilL|!'].map(lookalikeDigit)).toEqual(['1', '1', '1', '1', '1', '1'])
    expect([...'ZzSsBbGgq'].map(lookalikeDigit)).toEqual(['2', '2', '5', '5', '8', '6', '6', '9', '9'])
    expect(lookalikeDigit('A')).toBeUndefined()
    expect(lookalikeDigit('7')).toBeUndefined()
  })

  it('says when it repaired, and refuses what is not digit-like', () => {
    expect(repairDigits('1962')).toEqual({ value: '1962', repaired: false })
    expect(repairDigits('l962')).toEqual({ value: '1962', repaired: true })
    expect(repairDigits('19x2')).toBeNull()
    expect(countDigits('a1b22')).toBe(3)
  })

  it('the class of characters that may stand in a run of digits is a subset of the table', () => {
    const chars = DIGITISH.replace('0-9', '')
    for (const ch of chars) expect(lookalikeDigit(ch), ch).toBeDefined()
  })

  it('field dates, birth dates and MRNs read the same repaired digits', () => {
    expect(findFieldDates('Collected: O3/l4/2O24', { refYear: 2025 })[0]?.iso).toBe('2024-03-14')
    expect(findDates('DOB: O3/l4/1962', { order: 'MDY', ocr: true })[0]).toMatchObject({ iso: '1962-03-14', repaired: true })
    // MRNs are read upper case: D, G and a lower-case l (read as L) stand for digits between digits.
    expect(readMrn('1OO4l8', /^\d{6}$/)).toEqual({ value: '100418', repaired: true })
    expect(readMrn('CC-1D04G8', /^CC-\d{6}$/)).toEqual({ value: 'CC-100468', repaired: true })
  })
})
