import { describe, expect, it } from 'vitest'
import { buildVocabulary, isHeadingLayout } from '../../../../src/classify/features.js'
import { restyle } from '../../../../src/classify/training/augment.js'
import { makeRng } from '../../../../src/classify/rng.js'
import { analyzeText } from '../../../../src/classify/signals.js'

const NOTE = [
  'HISTORY AND PHYSICAL',
  'CHIEF COMPLAINT: Chest pain for two days.',
  'HISTORY OF PRESENT ILLNESS:',
  'A 61-year-old man with pressure-like pain on exertion.',
  'REVIEW OF SYSTEMS: Negative except as above.',
  'PHYSICAL EXAMINATION:',
  'Lungs clear. Heart regular.',
  'ASSESSMENT AND PLAN: Admit to telemetry, serial troponins.',
].join('\n')

const words = (t: string): string[] =>
  (t.toLowerCase().match(/[a-z0-9-]+/g) ?? []).filter(
    (w) =>
      ![
        'history',
        'and',
        'physical',
        'chief',
        'complaint',
        'of',
        'present',
        'illness',
        'review',
        'systems',
        'examination',
        'assessment',
        'plan',
      ].includes(w),
  )

describe('restyle: the same note in another house style', () => {
  it('keeps every word of the sections and changes the layout on some seeds', () => {
    const seen = new Set<string>()
    for (let seed = 1; seed <= 40; seed++) {
      const out = restyle(NOTE, makeRng(seed))
      expect(words(out).sort()).toEqual(words(NOTE).sort())
      seen.add(out)
    }
    // Reordered, dropped, recased and run-together versions: many distinct layouts.
    expect(seen.size).toBeGreaterThan(20)
    expect([...seen].some((t) => !t.includes('CHIEF COMPLAINT'))).toBe(true)
    expect([...seen].some((t) => t.includes('Chief Complaint:') || t.includes('chief complaint:'))).toBe(true)
    expect([...seen].some((t) => t.split('\n').length < 4)).toBe(true)
    expect([...seen].some((t) => t.indexOf('Lungs clear') < t.indexOf('pressure-like'))).toBe(true)
  })

  it('leaves the title on top when it keeps it', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const out = restyle(NOTE, makeRng(seed)).toLowerCase()
      if (out.includes('history and physical')) expect(out.startsWith('history and physical')).toBe(true)
    }
  })
})

describe('isHeadingLayout: features of one template rather than of the type', () => {
  it('names exact headings, the first exact heading and exact heading order', () => {
    expect(isHeadingLayout('§history of present illness')).toBe(true)
    expect(isHeadingLayout('§§first chief complaint')).toBe(true)
    expect(isHeadingLayout('§§hpi > ros')).toBe(true)
  })
  it('keeps sections named by what they are, page structure and words', () => {
    for (const g of [
      '§§sec hpi',
      '§§sec first complaint',
      '§§sec cue ed + sec triage',
      '§§purpose first out',
      '§§table dense',
      '§§title emergency',
      'chest pain',
    ])
      expect(isHeadingLayout(g)).toBe(false)
  })
})

describe('buildVocabulary without the heading layout', () => {
  it('leaves out exact headings and their order, keeps sections and words', () => {
    const docs = [NOTE, NOTE, NOTE].map((t) => analyzeText(t))
    const all = buildVocabulary(docs, { minDf: 1, maxFeatures: 10_000 })
    const semantic = buildVocabulary(docs, { minDf: 1, maxFeatures: 10_000, headingLayout: false })
    expect(all.some(isHeadingLayout)).toBe(true)
    expect(semantic.some(isHeadingLayout)).toBe(false)
    expect(semantic).toContain('§§sec hpi')
    expect(semantic).toContain('chest')
    expect(semantic.length).toBe(all.filter((g) => !isHeadingLayout(g)).length)
  })
})
