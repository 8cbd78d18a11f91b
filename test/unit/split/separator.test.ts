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
    const long = `CHARTCLERK SEPARATOR SHEET ${'the patient was seen today and is doing well '.repeat(30)}`
    expect(isSeparatorPage(long)).toBe(false)
  })

  it('approximate matching counts edits', () => {
    expect(nearestDistance('ABC', 'XXABCXX')).toBe(0)
    expect(nearestDistance('ABCD', 'XXABXDXX')).toBe(1)
  })
})

describe('the printed separator sheet as a PDF reader gives it back', () => {
  it('is recognised with its phrase printed upside down (read a letter at a time)', () => {
    const spaced = (s: string) => s.split('').join('\t')
    const sheet = [
      'CHARTCLERK SEPARATOR SHEET',
      'Do not file - place between documents',
      'CCSEP',
      'Put this sheet between documents when you scan a stack as one file.',
      'chartclerk cuts the stack at this sheet and never files the sheet itself.',
      spaced('CHARTCLERK SEPARATOR SHEET'),
      spaced('Do not file - place between documents'),
    ].join('\n')
    expect(isSeparatorPage(sheet)).toBe(true)
  })
})
