import { describe, expect, it } from 'vitest'
import { missingElements, recipientCovered, typeCovered, type FiledRoi } from '../../../src/release/check.js'
import { BUILTIN_CATEGORIES, categoriesOf, namedBy, type ProtectedCategory } from '../../../src/release/protected.js'
import { addDays, addYears } from '../../../src/clock/calendar.js'
import { parseReleaseRef, releaseNumber } from '../../../src/release/repo.js'

const complete: FiledRoi = {
  informationDescription: 'All medical records',
  disclosingParty: 'Riverside CHC',
  recipient: 'Harlan & Pike LLP',
  purpose: 'Legal claim',
  expiration: { text: '12/31/2030', date: '2030-12-31' },
  signed: true,
  signedBy: 'A. Patient',
  signatureDate: '2026-09-01',
  representativeAuthority: null,
  rightToRevokeStatement: true,
  conditioningStatement: true,
  redisclosureStatement: true,
}

describe('authorization elements (45 CFR 164.508(c))', () => {
  it('a complete authorization lacks nothing', () => expect(missingElements(complete)).toEqual([]))
  it.each([
    ['informationDescription', { informationDescription: null }],
    ['disclosingParty', { disclosingParty: null }],
    ['recipient', { recipient: null }],
    ['purpose', { purpose: null }],
    ['expiration', { expiration: null }],
    ['signature', { signed: false }],
    ['signatureDate', { signatureDate: null }],
    ['rightToRevokeStatement', { rightToRevokeStatement: false }],
    ['conditioningStatement', { conditioningStatement: false }],
    ['redisclosureStatement', { redisclosureStatement: false }],
  ] as [string, Partial<FiledRoi>][])('missing %s is named', (name, patch) =>
    expect(missingElements({ ...complete, ...patch })).toEqual([name]),
  )
  it("a relative's signature with no stated authority lacks the representative's authority", () =>
    expect(missingElements({ ...complete, representativeAuthority: 'Daughter' })).toEqual(['representativeAuthority']))
  it("a guardian's signature states its authority", () =>
    expect(missingElements({ ...complete, representativeAuthority: 'Legal guardian' })).toEqual([]))
})

describe('recipient and records covered', () => {
  it('every word of the recipient name must be in the authorization', () => {
    expect(recipientCovered('Harlan & Pike LLP, 200 Court Street, Millbrook', 'Harlan & Pike LLP')).toBe(true)
    expect(recipientCovered('Harlan & Pike LLP', 'harlan and pike')).toBe(true)
    expect(recipientCovered('Harlan & Pike LLP', 'Acme Claims Services')).toBe(false)
    expect(recipientCovered('Harlan & Pike LLP', 'Harlan Insurance')).toBe(false)
    expect(recipientCovered('Harlan & Pike LLP', '')).toBe(false)
  })
  it('the description of the information covers a type, or all records', () => {
    expect(typeCovered('All medical records', 'operative_report')).toBe(true)
    expect(typeCovered('Laboratory and imaging reports', 'lab_report')).toBe(true)
    expect(typeCovered('Laboratory and imaging reports', 'radiology_report')).toBe(true)
    expect(typeCovered('Laboratory and imaging reports', 'discharge_summary')).toBe(false)
  })
})

describe('specially protected categories', () => {
  const cats: ProtectedCategory[] = [...BUILTIN_CATEGORIES, { id: 'hiv', label: 'HIV test results', documentTypes: [], keywords: ['HIV'] }]
  it('by type or by whole words in the text', () => {
    expect(categoriesOf('lab_report', 'HIV-1/2 antibody nonreactive', cats).map((c) => c.id)).toEqual(['hiv'])
    expect(categoriesOf('lab_report', 'ARCHIVE copy', cats)).toEqual([])
    expect(categoriesOf('consult_note', 'Seen in our substance use disorder program', cats).map((c) => c.id)).toEqual(['part2'])
    expect(categoriesOf('psychotherapy_note', '', cats).map((c) => c.id)).toEqual(['psychotherapy_notes'])
  })
  it('named by the authorization only when it says so', () => {
    const hiv = cats.find((c) => c.id === 'hiv')!
    expect(namedBy('All records including HIV test results', hiv)).toBe(true)
    expect(namedBy('All medical records', hiv)).toBe(false)
  })
})

describe('dates and numbers', () => {
  it('addDays, addYears (29 February), release numbers', () => {
    expect(addDays('2026-11-28', 30)).toBe('2026-12-28')
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2026-11-28', -6)).toBe('2020-11-28')
    expect(releaseNumber(12)).toBe('ROI-000012')
    expect(parseReleaseRef('ROI-000012')).toBe(12)
    expect(parseReleaseRef('12')).toBe(12)
  })
})
