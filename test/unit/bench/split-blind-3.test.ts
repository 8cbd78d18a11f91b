import { describe, expect, it } from 'vitest'
import { checkPlan, printedPages } from '../../../bench/split-blind-3/check.js'
import { planStack, type Plan3 } from '../../../bench/split-blind-3/stack.js'

const SEED = 'unit-split-blind-3'
const copy = (p: Plan3): Plan3 => structuredClone(p)

/** The first stack among a few whose key has a part matching `ok`. */
function find(ok: (p: Plan3) => boolean): Plan3 {
  for (let i = 0; i < 40; i++)
    for (const look of ['text', 'scan'] as const) {
      const p = planStack(SEED, i, look)
      if (ok(p)) return p
    }
  throw new Error('no such stack among 80')
}

describe('split-blind-3 answer key', () => {
  it('is sound and the same for the same seed', () => {
    for (let i = 0; i < 6; i++) {
      const a = planStack(SEED, i, i % 2 ? 'scan' : 'text')
      expect(checkPlan(a)).toEqual([])
      expect(planStack(SEED, i, i % 2 ? 'scan' : 'text')).toEqual(a)
      expect(printedPages(a.html)).toHaveLength(a.truth.pages - a.separatorPages.length)
    }
  })

  it('names a cut moved by one page, a wrong MRN, a charted person keyed as having no chart', () => {
    const p = planStack(SEED, 0, 'text')
    const moved = copy(p)
    moved.truth.parts[1]!.from += 1
    expect(checkPlan(moved).join('\n')).toMatch(/not that part's page|between parts is a document page/)

    const other = copy(p)
    other.truth.parts[0]!.patient.mrn = other.truth.parts[0]!.patient.mrn === 'CC-640112' ? 'CC-641540' : 'CC-640112'
    expect(checkPlan(other).join('\n')).toMatch(/the key says|never name|no chart/)

    const charted = find((x) => x.truth.parts.some((q) => q.patient.mrn !== 'NO-CHART'))
    const none = copy(charted)
    none.truth.parts.find((q) => q.patient.mrn !== 'NO-CHART')!.patient.mrn = 'NO-CHART'
    expect(checkPlan(none).join('\n')).toMatch(/has a chart but the key says none/)
  })

  it('names a fax cover sheet keyed as a part of its own, and a page count that disagrees with the print', () => {
    const p = find((x) => x.truth.parts.some((q, i) => i > 0 && q.cover))
    const bad = copy(p)
    const i = bad.truth.parts.findIndex((q, k) => k > 0 && q.cover)
    const part = bad.truth.parts[i]!
    bad.truth.parts.splice(
      i,
      1,
      { ...part, to: part.from, cover: part.cover },
      { ...part, from: part.from + 1, cover: null, boundary: part.relation },
    )
    expect(checkPlan(bad).length).toBeGreaterThan(0)

    const short = copy(p)
    short.truth.pages -= 1
    expect(checkPlan(short).join('\n')).toMatch(/roles/)
  })

  it('names landscape pages the key does not mark', () => {
    const p = find((x) => x.truth.parts.some((q) => q.landscape))
    const bad = copy(p)
    bad.truth.parts.find((q) => q.landscape)!.landscape = false
    expect(checkPlan(bad).join('\n')).toMatch(/landscape false in the key/)
  })
})
