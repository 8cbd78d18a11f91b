import { describe, expect, it } from 'vitest'
import { isSeparatorPage, nearestDistance } from '../../../src/split/separator.js'

describe('separator sheet', () => {
  it('is recognised as printed and with the slips OCR makes on large letters', () => {
    expect(isSeparatorPage('CHARTCLERK\nSEPARATOR SHEET\nDo not file - place between documents')).toBe(true)
    expect(isSeparatorPage('CHARTC1ERK SEPARAT0R\n5HEET')).toBe(true)
    expect(isSeparatorPage('CHART CLERK SEPERATOR SHEFT ~ °')).toBe(true)
    expect(isSeparatorPage('Do not fi1e - place betweeen documents')).toBe(true)
  })

  it('is not a page of a record, nor a record that mentions a separator', () => {
    expect(isSeparatorPage('DISCHARGE SUMMARY\nPatient Name: DOE, JANE  DOB 01/02/1970\nHospital course uneventful.')).toBe(false)
    expect(isSeparatorPage('')).toBe(false)
    const long = `CHARTCLERK SEPARATOR SHEET ${'the patient was seen today and is doing well '.repeat(12)}`
    expect(isSeparatorPage(long)).toBe(false)
  })

  it('approximate matching counts edits', () => {
    expect(nearestDistance('ABC', 'XXABCXX')).toBe(0)
    expect(nearestDistance('ABCD', 'XXABXDXX')).toBe(1)
  })
})
