import { describe, expect, it } from 'vitest'
import { makeRng } from '../../../../src/classify/rng.js'
import { letterPurpose } from '../../../../src/classify/sections.js'
import { conventionalType } from '../../../../src/classify/training/labelConventions.js'
import { referralWithVisitNote, therapyEvaluation } from '../../../../src/classify/training/synthetic/purposeShapes.js'

const FORM_TITLES = /^(?:REFERRAL REQUEST|Outgoing Referral|Referral \/ Transfer of Care|SPECIALTY REFERRAL)\n/

describe('documents whose purpose tells the type', () => {
  it('a covering referral with the visit note behind it sends the patient on, by letter or by form', () => {
    const r = makeRng('purpose-out')
    let letters = 0
    for (let i = 0; i < 200; i++) {
      const text = referralWithVisitNote(r)
      const purpose = letterPurpose(text)
      expect(purpose, text).not.toContain('purpose first back')
      if (FORM_TITLES.test(text)) {
        expect(text, text).toMatch(/\n(?:Refer to|Specialty|Referred to): /)
      } else {
        letters++
        expect(purpose, text).toContain('purpose out')
      }
      // The enclosed visit note follows the covering part, with its own assessment.
      expect(text, text).toMatch(/\n(?:Diagnosis|Impression|Assessment|A): .+\n/)
      expect(conventionalType({ type: 'referral_letter', text }).type, text).toBe('referral_letter')
    }
    expect(letters).toBeGreaterThan(100)
    expect(letters).toBeLessThan(180)
  })

  it('a therapist’s evaluation answers the clinician who asked for it', () => {
    const r = makeRng('purpose-back')
    for (let i = 0; i < 200; i++) {
      const text = therapyEvaluation(r)
      const purpose = letterPurpose(text)
      expect(purpose, text).toContain('purpose back')
      expect(purpose, text).not.toContain('purpose out')
    }
  })

  it('the same seed writes the same documents', () => {
    expect(referralWithVisitNote(makeRng(7))).toBe(referralWithVisitNote(makeRng(7)))
    expect(therapyEvaluation(makeRng(7))).toBe(therapyEvaluation(makeRng(7)))
  })
})
