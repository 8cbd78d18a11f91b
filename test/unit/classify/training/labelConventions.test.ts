import { describe, expect, it } from 'vitest'
import { conventionalType } from '../../../../src/classify/training/labelConventions.js'
import { SYNTHETIC_GENERATORS } from '../../../../src/classify/training/synthetic/index.js'
import { makeRng } from '../../../../src/classify/rng.js'

describe('which way a letter goes', () => {
  it('GIVEN a corpus "referral letter" that reports a visit to the referrer THEN it is a consult note', () => {
    const back = {
      type: 'referral_letter',
      text: 'Dear Dr. Lowe,\nI had the pleasure of seeing your patient today in clinic. My impression is ...',
    }
    expect(conventionalType(back).type).toBe('consult_note')
  })
  it('GIVEN a letter asking for a visit THEN it stays a referral letter, even when it thanks', () => {
    const ask = {
      type: 'referral_letter',
      text: 'Dear Dr. Lowe,\nThank you for seeing Mr. Ames, who was seen in my office today. I am referring him for ...',
    }
    expect(conventionalType(ask).type).toBe('referral_letter')
  })
  it('GIVEN a corpus "consult" that is a SOAP return visit answering no request THEN it is a progress note', () => {
    const soap = {
      type: 'consult_note',
      text: 'SUBJECTIVE:,  She is keeping a food journal and has lost weight.,OBJECTIVE:,  Weight 209 pounds.,ASSESSMENT:,  Doing well.,PLAN:,  Continue.',
    }
    expect(conventionalType(soap).type).toBe('progress_note')
  })
  it('GIVEN a SOAP consult that names the request or the referrer THEN it stays a consult note', () => {
    const asked = {
      type: 'consult_note',
      text: 'SUBJECTIVE:,  Referred by Dr. Ames for weight loss counselling.,OBJECTIVE:,  Weight 209 pounds.,PLAN:,  Diet.',
    }
    expect(conventionalType(asked).type).toBe('consult_note')
    const noSoap = { type: 'consult_note', text: 'CHIEF COMPLAINT:,  Knee pain.,PHYSICAL EXAMINATION:,  Effusion.' }
    expect(conventionalType(noSoap)).toBe(noSoap)
  })
  it('leaves other types alone', () => {
    const x = { type: 'progress_note', text: 'I had the pleasure of seeing her again today.' }
    expect(conventionalType(x)).toBe(x)
  })
  it('the generator writes referral letters that ask and consult letters that answer', () => {
    const r = makeRng(99)
    for (let i = 0; i < 150; i++) {
      const text = SYNTHETIC_GENERATORS.referral_letter!(r)
      expect(conventionalType({ type: 'referral_letter', text }).type, text).toBe('referral_letter')
    }
  })
})
