import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadRetentionSchedule, retainUntil, type JurisdictionSchedule } from '../../../src/retention/schedule.js'
import { ROOT } from '../../helpers/workspace.js'

const s: JurisdictionSchedule = {
  adultYears: 6,
  majorityAge: 18,
  minorYearsAfterMajority: 3,
  documentTypes: { immunization_record: 10, consent_form: 'permanent' },
}

describe('retention schedule', () => {
  it('adults: last encounter + adult years', () =>
    expect(retainUntil(s, { lastEncounter: '2016-05-10', birthDate: '1963-05-30', docType: 'lab_report' })).toBe('2022-05-10'))
  it('minors: until majority + N years when that is later', () =>
    expect(retainUntil(s, { lastEncounter: '2015-09-09', birthDate: '2012-03-08', docType: 'lab_report' })).toBe('2033-03-08'))
  it('longer periods per type, and permanent', () => {
    expect(retainUntil(s, { lastEncounter: '2016-05-10', birthDate: '1963-05-30', docType: 'immunization_record' })).toBe('2026-05-10')
    expect(retainUntil(s, { lastEncounter: '2016-05-10', birthDate: '1963-05-30', docType: 'consent_form' })).toBeNull()
  })
  it('the shipped rules/retention.json loads; a bad one is refused with the reason', () => {
    expect(loadRetentionSchedule(path.join(ROOT, 'rules')).schedule.adultYears).toBe(6)
    expect(loadRetentionSchedule(path.join(ROOT, 'rules'), 'MA').schedule.adultYears).toBe(7)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-ret-'))
    writeFileSync(path.join(dir, 'retention.json'), JSON.stringify({ jurisdiction: 'X', jurisdictions: { X: { adultYears: 'six' } } }))
    expect(() => loadRetentionSchedule(dir)).toThrow(
      expect.objectContaining({ action: expect.stringMatching(/adultYears must be a whole number/) }),
    )
  })
})
