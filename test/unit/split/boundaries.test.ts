import { describe, expect, it } from 'vitest'
import { loadDefaultClassifier } from '../../../src/classify/classifier.js'
import { planSplit, partsFromStarts } from '../../../src/split/boundaries.js'
import { readPages } from '../../../src/split/pageReading.js'
import { consultNote, dischargeSummary, JOHNSON, labReport, LINDQVIST, OKAFOR, stackPages, type StackItem } from '../../helpers/stack.js'

const classifier = loadDefaultClassifier()
const plan = (items: StackItem[]) =>
  planSplit(readPages(stackPages(items), { classify: (t) => classifier.classify(t), identifiers: { mrnPattern: '^CC-\\d{6}$' } }))

describe('boundaries read from the pages', () => {
  it('a single three-page document is one part, with or without page numbers', () => {
    for (const marker of [true, false]) {
      const p = plan([dischargeSummary(JOHNSON, 1, { marker })])
      expect(p.parts, `marker ${marker}`).toEqual([{ from: 1, to: 3 }])
      expect(p.cuts).toEqual([])
      expect(p.certain).toBe(true)
    }
  })

  it('documents for different patients are cut surely, without page numbers', () => {
    const p = plan([labReport(JOHNSON, 1), dischargeSummary(LINDQVIST, 2), consultNote(OKAFOR, 3)])
    expect(p.parts).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 4 },
      { from: 5, to: 6 },
    ])
    expect(p.certain).toBe(true)
    expect(p.cuts.map((c) => c.reasons.join('; ')).join(' | ')).toMatch(/different patient/)
  })

  it('two documents of one type for one patient back to back: sure with "Page 1 of N", proposed without', () => {
    const numbered = plan([consultNote(JOHNSON, 1, { marker: true }), consultNote(JOHNSON, 2, { marker: true })])
    expect(numbered.parts).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
    ])
    expect(numbered.certain).toBe(true)
    const bare = plan([consultNote(JOHNSON, 1), consultNote(JOHNSON, 2)])
    expect(bare.parts).toEqual([
      { from: 1, to: 2 },
      { from: 3, to: 4 },
    ])
    expect(bare.certain).toBe(false)
    expect(bare.cuts[0]!.confidence).toBeGreaterThanOrEqual(0.5)
    expect(bare.cuts[0]!.confidence).toBeLessThan(0.9)
    expect(bare.cuts[0]!.reasons).toContain('a signature closes the page before')
  })

  it('a separator sheet cuts surely and belongs to no part; its blank back page neither', () => {
    const p = plan([consultNote(JOHNSON, 1), 'separator', 'blank', consultNote(JOHNSON, 2)])
    expect(p.separators).toEqual([3])
    expect(p.parts).toEqual([
      { from: 1, to: 2 },
      { from: 5, to: 6 },
    ])
    expect(p.certain).toBe(true)
  })

  it('a blank back page belongs to no document, and does not cut one alone', () => {
    const p = plan([labReport(JOHNSON, 1), 'blank', labReport(LINDQVIST, 2)])
    expect(p.parts).toEqual([
      { from: 1, to: 1 },
      { from: 3, to: 3 },
    ])
    const one = plan([
      { pages: dischargeSummary(JOHNSON, 1).pages.slice(0, 2) },
      'blank',
      { pages: dischargeSummary(JOHNSON, 1).pages.slice(2) },
    ])
    expect(one.parts).toEqual([{ from: 1, to: 4 }])
  })

  it('a page naming another patient is cut off even inside numbered pages', () => {
    const a = dischargeSummary(JOHNSON, 1, { marker: true })
    const b = dischargeSummary(LINDQVIST, 1, { marker: true })
    const mixed = { pages: [a.pages[0]!, b.pages[1]!.concat([LINDQVIST]), a.pages[2]!] }
    const p = plan([mixed])
    expect(p.cuts.map((c) => c.page)).toContain(2)
  })

  it("a person's cuts make the parts; separators stay out", () => {
    const pages = [1, 2, 3, 4, 5].map((page) => ({ page, blank: false, separator: page === 3 }))
    expect(partsFromStarts(pages, [2])).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 4, to: 5 },
    ])
    expect(partsFromStarts(pages, [])).toEqual([
      { from: 1, to: 2 },
      { from: 4, to: 5 },
    ])
  })
})
