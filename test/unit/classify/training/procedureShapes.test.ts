import { describe, expect, it } from 'vitest'
import { makeRng } from '../../../../src/classify/rng.js'
import { SYNTHETIC_GENERATORS } from '../../../../src/classify/training/synthetic/index.js'
import { procedureSuiteReport } from '../../../../src/classify/training/synthetic/procedureShapes.js'

describe('procedure reports from a laboratory or a unit', () => {
  it('each names the procedure, why, what was found and the complications, whatever the layout', () => {
    const r = makeRng('procedures')
    const titles = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const text = procedureSuiteReport(r)
      expect(text, text).toMatch(/^(?:Procedures?|Procedure\(s\) performed|Procedures performed):/m)
      expect(text, text).toMatch(/^(?:Indications?|Reason for procedure|Clinical history): \S/m)
      expect(text, text).toMatch(/^(?:Findings|Results|Anatomy|Description):\n\s*\S/m)
      expect(text, text).toMatch(/^(?:Complications|Adverse events|Complications\/EBL): \S/m)
      titles.add(text.split('\n').find((l) => /report|note|lab|unit|suite|room/i.test(l) && !l.includes(':')) ?? '')
    }
    // Titles that name a laboratory are among them, and so are reports with no title at all.
    expect([...titles].some((t) => /laborator|\blab\b/i.test(t))).toBe(true)
    expect(titles.has('')).toBe(true)
  })

  it('the generator writes them as operative reports', () => {
    expect(SYNTHETIC_GENERATORS.operative_report).toBe(procedureSuiteReport)
  })
})
