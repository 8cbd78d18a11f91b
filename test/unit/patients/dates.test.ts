import { describe, expect, it } from 'vitest'
import { compareBirthDates, findDates, readDateValue } from '../../../src/patients/dates.js'

const today = new Date('2025-06-01T12:00:00Z')

describe('readDateValue (import cells)', () => {
  it.each([
    ['1962-03-14', '1962-03-14'],
    ['1962/03/14', '1962-03-14'],
    ['03/14/1962', '1962-03-14'],
    ['3/4/1962', '1962-03-04'],
    ['03-14-1962', '1962-03-14'],
    ['03.14.1962', '1962-03-14'],
    ['14-Mar-1962', '1962-03-14'],
    ['14 March 1962', '1962-03-14'],
    ['March 14, 1962', '1962-03-14'],
    ['Mar 14 1962', '1962-03-14'],
    ['19620314', '1962-03-14'],
    ['1962-03-14T00:00:00Z', '1962-03-14'],
    ['2000-02-29', '2000-02-29'],
  ])('%s -> %s', (v, iso) => {
    expect(readDateValue(v, { today })).toEqual({ ok: true, iso })
  })

  it.each([
    ['1962-03-41', /does not exist/],
    ['02/29/1961', /does not exist/],
    ['3/14/62', /two-digit year/],
    ['14/03/1962', /MM\/DD\/YYYY order/],
    ['2030-01-01', /in the future/],
    ['1850-01-01', /before 1870/],
    ['22719', /spreadsheet serial/],
    ['O3/14/1962', /not a date/],
    ['unknown', /not a date/],
  ])('refuses %s', (v, why) => {
    const r = readDateValue(v, { today })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(why)
  })

  it('reads day-first when told to', () => {
    expect(readDateValue('14/03/1962', { today, order: 'DMY' })).toEqual({ ok: true, iso: '1962-03-14' })
    expect(readDateValue('03/14/1962', { today, order: 'DMY' }).ok).toBe(false)
  })
})

describe('findDates (OCR text)', () => {
  it('repairs digit look-alikes only when asked, and says so', () => {
    expect(findDates('DOB O3/l4/1962', { today })).toEqual([])
    const [d] = findDates('DOB O3/l4/1962', { today, ocr: true })
    expect(d).toMatchObject({ iso: '1962-03-14', repaired: true, valid: true, raw: 'O3/l4/1962', start: 4 })
  })

  it('keeps impossible dates with their problem', () => {
    expect(findDates('03/41/1962', { today })[0]).toMatchObject({ valid: false, problem: 'impossible', month: 3, day: 41 })
  })
})

describe('compareBirthDates', () => {
  const d = (iso: string) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
    return { year, month, day }
  }
  it.each([
    ['1962-03-14', '1962-03-14', 'agree', 'same'],
    ['1962-03-41', '1962-03-14', 'near', 'digits-transposed'],
    ['1962-12-03', '1962-03-12', 'near', 'day-month-swapped'],
    ['1926-06-21', '1962-06-21', 'near', 'digits-transposed'],
    ['1962-03-15', '1962-03-14', 'near', 'one-digit'],
    ['2062-03-14', '1962-03-14', 'near', 'century'],
    ['1975-06-02', '1962-03-14', 'disagree', 'different'],
  ])('%s vs %s: %s (%s)', (a, b, status, kind) => {
    expect(compareBirthDates(d(a), b)).toEqual({ status, kind })
  })

  it('accepts the other century of a two-digit year', () => {
    expect(compareBirthDates({ ...d('2020-03-14'), alternatives: ['1920-03-14'] }, '1920-03-14')).toEqual({
      status: 'agree',
      kind: 'other-century-reading',
    })
  })
})
