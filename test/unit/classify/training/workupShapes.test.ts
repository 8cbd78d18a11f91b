import { describe, expect, it } from 'vitest'
import { makeRng } from '../../../../src/classify/rng.js'
import { encounterCues } from '../../../../src/classify/sections.js'
import { edWorkupShape } from '../../../../src/classify/training/synthetic/workupShapes.js'

describe('emergency records that read like something else', () => {
  it('each carries the department’s own parts: arrival or triage, and a disposition', () => {
    const r = makeRng('workup')
    let withImaging = 0
    for (let i = 0; i < 200; i++) {
      const text = edWorkupShape(r)
      expect(text, text).toMatch(/\b(?:Arriv(?:al|ed)|Door|Date):? \S/)
      expect(text, text).toMatch(/^(?:Disposition|Dispo|Discharge|Reason for transfer|Transfer reason): \S/m)
      if (/\bCT(?:A)? (?:head|chest|cervical|perfusion|abdomen)/.test(text)) withImaging++
    }
    // The alerts and transfers carry imaging read in the department; the children's notes do not.
    expect(withImaging).toBeGreaterThan(60)
    expect(withImaging).toBeLessThan(180)
  })

  it('the encounter cues read most of them as an emergency visit', () => {
    const r = makeRng('workup-cues')
    const n = 100
    let ed = 0
    for (let i = 0; i < n; i++) if (encounterCues(edWorkupShape(r)).includes('cue ed')) ed++
    expect(ed).toBeGreaterThan(n / 2)
  })
})
