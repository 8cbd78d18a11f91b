import { describe, expect, it } from 'vitest'
import { findLabels, fuzzy, labelPattern, labelRegExp, readSeparator } from '../../../src/text/labels.js'

const spec = (label: string, end: 'letter' | 'word' | 'none' = 'word') => ({ label, re: labelRegExp(labelPattern(label), end) })
const found = (text: string, labels: string[]) =>
  findLabels(
    text,
    labels.map((l) => spec(l)),
    (m) => m,
  ).map((m) => [m.label, m.printed, m.sep, text.slice(m.valueStart)])

describe('readSeparator', () => {
  it('GIVEN each way a label is set off THEN names it and skips it', () => {
    expect(readSeparator(': 03/14/1962')).toEqual({ sep: 'colon', skip: 2 })
    expect(readSeparator(' #: 123')).toEqual({ sep: 'colon', skip: 4 })
    expect(readSeparator('=123')).toEqual({ sep: 'colon', skip: 1 })
    expect(readSeparator(' ........ Jane Doe')).toEqual({ sep: 'colon', skip: 10 })
    expect(readSeparator(' - Jane')).toEqual({ sep: 'dash', skip: 3 })
    expect(readSeparator('   ')).toEqual({ sep: 'eol', skip: 3 })
    expect(readSeparator('    1234567')).toEqual({ sep: 'grid', skip: 4 })
    expect(readSeparator(' Jane')).toEqual({ sep: 'space', skip: 1 })
    expect(readSeparator('-123')).toEqual({ sep: null, skip: 1 })
  })
})

describe('findLabels', () => {
  it('GIVEN OCR damage in a printed label THEN it is still found, with its value', () => {
    expect(found('Date 0f Serv1ce: 03/05/2024', ['Date of Service'])).toEqual([
      ['Date of Service', 'Date 0f Serv1ce', 'colon', '03/05/2024'],
    ])
  })

  it('GIVEN labels that overlap THEN the earlier and longer one is kept', () => {
    expect(found('Date of Service: 03/05/2024  Date: x', ['Date', 'Date of Service']).map((f) => f[0])).toEqual(['Date of Service', 'Date'])
  })

  it('GIVEN a label inside a longer word, or two words on two lines THEN it is not a label', () => {
    expect(found('Mandate: none', ['Date'])).toEqual([])
    expect(found('UPDATED: yes', ['Date'])).toEqual([])
    expect(found('REPORT\nDate of service: 03/05/2024', ['Report Date', 'Date of Service']).map((f) => f[1])).toEqual(['Date of service'])
  })

  it('GIVEN a reader that drops or extends hits THEN only what it returns is kept', () => {
    const hits = findLabels('MRN: 123  Acct: 456', [spec('MRN'), spec('Acct')], (m) => (m.label === 'Acct' ? null : { ...m, kind: 'ours' }))
    expect(hits.map((h) => [h.printed, h.kind])).toEqual([['MRN', 'ours']])
  })

  it('GIVEN a label ending in # THEN it may touch its value', () => {
    const hits = findLabels('MR#123456', [spec('MR#', 'none')], (m) => m)
    expect(hits.map((h) => [h.printed, h.sep, 'MR#123456'.slice(h.valueStart)])).toEqual([['MR#', null, '123456']])
    expect(findLabels('MRN123456', [spec('MRN', 'word')], (m) => m)).toEqual([])
  })
})

describe('fuzzy', () => {
  it('GIVEN a phrase OCR split and damaged THEN the pattern still matches it', () => {
    expect(new RegExp(fuzzy('electronically signed'), 'i').test('E1ectron ically  sig ned')).toBe(true)
    expect(new RegExp(fuzzy('electronically signed'), 'i').test('electrically signed')).toBe(false)
  })
})
