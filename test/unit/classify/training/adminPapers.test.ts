import { describe, expect, it } from 'vitest'
import { makeRng } from '../../../../src/classify/rng.js'
import { adminPaper } from '../../../../src/classify/training/synthetic/adminPapers.js'
import { generateSynthetic } from '../../../../src/classify/training/synthetic/index.js'

describe('administrative papers that carry clinical words', () => {
  it('name a patient and report no findings, assessment or result', () => {
    const r = makeRng('admin')
    for (let i = 0; i < 300; i++) {
      const text = adminPaper(r)
      expect(text, text).toMatch(
        /\b(?:Patient|Member|Employee|Claimant|Applicant|Name|Student|Camper|Child|Client|Rider|Customer|Insured|From|Dear|Re)\b/,
      )
      expect(text, text).not.toMatch(
        /^(?:Assessment|Impression|Findings|Physical exam(?:ination)?|History of present illness|Hospital course|Results?)\s*:/im,
      )
    }
  })

  it('are many kinds, not one', () => {
    const r = makeRng('admin-kinds')
    const titles = new Set<string>()
    for (let i = 0; i < 200; i++)
      titles.add(
        adminPaper(r)
          .split('\n')[0]!
          .replace(/[\d#]+/g, ''),
      )
    expect(titles.size).toBeGreaterThan(40)
  })

  it('make up half the generated "other" papers, and the same seed gives the same ones', () => {
    const a = generateSynthetic({ seed: 5, counts: { other: 40 } })
    const b = generateSynthetic({ seed: 5, counts: { other: 40 } })
    expect(a).toEqual(b)
    expect(a.every((d) => d.type === 'other')).toBe(true)
    const admin = a.filter((d) =>
      /claim|certific|fmla|disabilit|delivery|travel|transport|portal|mychart|secure message|recall|formulary|school|camp|specimen|recollect|referral|appointment|denial|appeal|coverage|admission notif/i.test(
        d.text,
      ),
    )
    expect(admin.length).toBeGreaterThan(8)
  })
})
