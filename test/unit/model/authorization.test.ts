import { describe, expect, it } from 'vitest'
import {
  missingAuthorizationElements,
  representativeSigned,
  statesAuthority,
  type AuthorizationElements,
} from '../../../src/model/authorization.js'

const complete: AuthorizationElements = {
  informationDescription: 'All medical records',
  disclosingParty: 'Riverside CHC',
  recipient: 'Harlan & Pike LLP',
  purpose: 'Legal claim',
  expiration: { text: '12/31/2030', date: '2030-12-31' },
  signed: true,
  signatureDate: '2026-09-01',
  representativeAuthority: null,
  rightToRevokeStatement: true,
  conditioningStatement: true,
  redisclosureStatement: true,
}
const withRep = (text: string | null) => missingAuthorizationElements({ ...complete, representativeAuthority: text })

describe("a representative's authority to act (45 CFR 164.508(c)(1)(vi))", () => {
  it.each(['Daughter', 'Spouse', 'Son (signing for my father)', 'Friend and caregiver', 'Legal representative'])(
    'signed by "%s": a representative with no stated authority is reported',
    (text) => {
      expect(representativeSigned(text)).toBe(true)
      expect(statesAuthority(text)).toBe(false)
      expect(withRep(text)).toEqual(['representativeAuthority'])
    },
  )

  it.each([
    'Legal guardian',
    'Parent of minor',
    'Health care power of attorney',
    'Daughter, health care proxy',
    'Executor of the estate (letters testamentary)',
    'Son, court-appointed conservator',
  ])('signed by "%s": the authority is stated, nothing is missing', (text) => {
    expect(representativeSigned(text)).toBe(true)
    expect(withRep(text)).toEqual([])
  })

  it.each([null, '', '_______________', 'Self', 'Patient', 'self (patient)'])(
    'signed by the patient ("%s"): no authority is asked for',
    (text) => {
      expect(representativeSigned(text)).toBe(false)
      expect(withRep(text)).toEqual([])
    },
  )

  it('the element is named in form order among others that are missing', () => {
    expect(
      missingAuthorizationElements({ ...complete, representativeAuthority: 'Wife', purpose: null, redisclosureStatement: false }),
    ).toEqual(['purpose', 'representativeAuthority', 'redisclosureStatement'])
  })
})
