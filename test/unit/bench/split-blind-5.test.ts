import { describe, expect, it } from 'vitest'
import { cutsOfNote } from '../../../bench/split-blind-5.js'
import { checkPlan, printedSheets } from '../../../bench/split-blind-5/check.js'
import { keyName, PEOPLE } from '../../../bench/split-blind-5/people.js'
import { planStack, type Plan5 } from '../../../bench/split-blind-5/stack.js'

const SEED = 'unit-split-blind-5'
const copy = (p: Plan5): Plan5 => structuredClone(p)

/** The first stack among a few whose key matches `ok`. */
function find(ok: (p: Plan5) => boolean): Plan5 {
  for (let i = 0; i < 30; i++)
    for (const look of ['text', 'scan'] as const) {
      const p = planStack(SEED, i, look)
      if (ok(p)) return p
    }
  throw new Error('no such stack among 60')
}

describe('split-blind-5 answer key', () => {
  it('is sound and the same for the same seed', () => {
    for (let i = 0; i < 8; i++) {
      const look = i % 2 ? 'scan' : 'text'
      const a = planStack(SEED, i, look)
      expect(checkPlan(a)).toEqual([])
      expect(planStack(SEED, i, look)).toEqual(a)
      expect(printedSheets(a.html)).toHaveLength(a.truth.pages - a.separatorPages.length)
    }
  })

  it('refuses a boundary moved by a page', () => {
    const p = copy(find((x) => x.truth.parts.some((q, i) => i > 0 && q.to > q.from)))
    const i = p.truth.parts.findIndex((q, k) => k > 0 && q.to > q.from)
    p.truth.parts[i]!.from++
    expect(checkPlan(p).join('\n')).toMatch(/not that part's page|document page between parts/)
  })

  it('refuses two back-to-back documents of one person keyed as one', () => {
    const p = copy(find((x) => x.truth.parts.some((q) => q.boundary === 'same-person-same-type-same-day')))
    const i = p.truth.parts.findIndex((q) => q.boundary === 'same-person-same-type-same-day')
    const [a, b] = [p.truth.parts[i - 1]!, p.truth.parts[i]!]
    a.to = b.to
    a.naming = [...a.naming, ...b.naming]
    p.truth.parts.splice(i, 1)
    expect(checkPlan(p).join('\n')).toMatch(/not that part's page/)
  })

  it('refuses a part given to another person', () => {
    const p = copy(planStack(SEED, 0, 'text'))
    const part = p.truth.parts[1]!
    const other = PEOPLE.find((x) => keyName(x) !== part.person && x.mrn && x.family !== part.person.split(', born')[0]!.split(' ').pop())!
    part.person = keyName(other)
    part.patient.mrn = other.mrn!
    expect(checkPlan(p).join('\n')).toMatch(new RegExp(`names ${other.family}|relation`))
  })

  it('refuses a continuation page said to name its person when it names nobody', () => {
    const p = copy(find((x) => x.truth.parts.some((q) => q.naming.includes('none'))))
    const part = p.truth.parts.find((q) => q.naming.includes('none'))!
    part.naming[part.naming.indexOf('none')] = 'name'
    expect(checkPlan(p).join('\n')).toMatch(/by name alone; it does not/)
  })

  it('refuses a charted person keyed as having no chart, and a wrong MRN', () => {
    const p = copy(planStack(SEED, 1, 'scan'))
    const charted = p.truth.parts.find((q) => q.patient.mrn !== 'NO-CHART')!
    charted.patient.mrn = 'NO-CHART'
    expect(checkPlan(p).join('\n')).toMatch(/has a chart but the key says none/)
    const q = copy(planStack(SEED, 1, 'scan'))
    q.truth.parts.find((x) => x.patient.mrn !== 'NO-CHART')!.patient.mrn = 'HM9999999'
    expect(checkPlan(q).join('\n')).toMatch(/not in the chart list/)
  })

  it('refuses a blank page with content, a cover sheet the key forgets and a wrong boundary kind', () => {
    const b = copy(find((x) => x.truth.roles.some((r) => r.kind === 'blank')))
    b.html = b.html.replace('<section class="sheet"></section>', '<section class="sheet"><p>stray</p></section>')
    expect(checkPlan(b).join('\n')).toMatch(/blank in the key but has content/)
    const c = copy(find((x) => x.truth.parts.some((q) => q.cover)))
    c.truth.parts.find((q) => q.cover)!.cover = null
    expect(checkPlan(c).join('\n')).toMatch(/a cover sheet the key does not give/)
    const k = copy(find((x) => x.truth.parts.some((q) => q.boundary === 'separator')))
    k.truth.parts.find((q) => q.boundary === 'separator')!.boundary = 'other-person'
    expect(checkPlan(k).join('\n')).toMatch(/boundary other-person, the pages say separator/)
  })

  it('refuses a landscape table keyed as portrait, and a long document keyed as short', () => {
    const p = copy(find((x) => x.truth.parts.some((q) => q.landscape)))
    p.truth.parts.find((q) => q.landscape)!.landscape = false
    expect(checkPlan(p).join('\n')).toMatch(/landscape false in the key, not on the page/)
    const q = copy(planStack(SEED, 2, 'text'))
    q.truth.parts.find((x) => x.long)!.long = false
    expect(checkPlan(q).join('\n')).toMatch(/long false/)
  })

  it('refuses fax banners numbering pages the key does not', () => {
    const p = copy(find((x) => x.truth.faxBanner === 'transmission'))
    p.html = p.html.replace(/P\.001\//, 'P.002/')
    expect(checkPlan(p).join('\n')).toMatch(/banner 2\//)
    const q = copy(find((x) => x.truth.faxBanner === 'some-documents' && x.truth.parts.some((y) => y.faxed)))
    q.truth.parts.find((y) => y.faxed)!.faxed = false
    expect(checkPlan(q).join('\n')).toMatch(/a fax banner the key does not give/)
  })

  it('counts cuts inside documents by the page they fall before', () => {
    const p = find((x) => x.truth.parts.some((q) => q.cover))
    const part = p.truth.parts.find((q) => q.cover)!
    const o = cutsOfNote(p.truth, [part.from + 1])
    expect(o.afterCover).toBe(1)
    expect(o.beforePageNamingNobody + o.beforePageNamingByNameOnly).toBe(part.naming[1] === 'full' ? 0 : 1)
    expect(cutsOfNote(p.truth, [part.from])).toEqual({
      afterCover: 0,
      insideLong: 0,
      insideLandscape: 0,
      beforePageNamingNobody: 0,
      beforePageNamingByNameOnly: 0,
    })
  })
})
