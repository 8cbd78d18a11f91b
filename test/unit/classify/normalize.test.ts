import { describe, expect, it } from 'vitest'
import { loadDocTypes } from '../../../src/classify/doctypes.js'
import { ngrams, normalizePhrase, normalizeText, tokenize } from '../../../src/classify/normalize.js'
import { analyzeText, scoreSignals } from '../../../src/classify/signals.js'

describe('normalizeText', () => {
  it('lower-cases, collapses digits and drops punctuation and specks', () => {
    expect(normalizeText('Collected: 03/10/2025 08:42 ° ~ WBC 11.2 K/uL')).toBe('collected 0 0 0 0 0 wbc 0 0 k ul')
  })

  it('repairs OCR look-alikes inside words (0->o, 1->l, 5->s, |->l)', () => {
    expect(tokenize('C0NSULTATI0N Ana1ysis |aboratory 5pecimen')).toEqual(['consultation', 'analysis', 'laboratory', 'specimen'])
  })

  it('maps "rn" and "m" to one spelling, so OCR m/rn slips meet the same word', () => {
    expect(normalizeText('immunization')).toBe(normalizeText('imrnunization'))
    expect(normalizeText('Vaccine adrninistered')).toBe(normalizeText('Vaccine administered'))
  })

  it('joins a word hyphenated across a line break', () => {
    expect(tokenize('history of present ill-\nness')).toEqual(['history', 'of', 'present', 'illness'])
  })

  it('keeps lines, so headings can be found', () => {
    expect(normalizeText('DISCHARGE SUMMARY\nPatient: Doe')).toBe('discharge summary\npatient doe')
  })

  it('turns "&" into "and" so H&P and history & physical meet their phrases', () => {
    expect(normalizePhrase('History & Physical')).toBe('history and physical')
  })
})

describe('ngrams', () => {
  it('makes unigrams and bigrams, without function words on their own', () => {
    expect(ngrams(['the', 'reference', 'range'])).toEqual(['the reference', 'reference', 'reference range', 'range'])
  })

  it('repairs a word OCR broke in two when the joined word is known', () => {
    const known = new Set(['laboratory'])
    expect(ngrams(['labora', 'tory', 'report'], (w) => known.has(w))).toContain('laboratory')
  })
})

describe('signals from the type files', () => {
  const set = loadDocTypes()
  const score = (text: string, type: string) => scoreSignals(set, text).find((s) => s.type === type)!

  it('finds a title printed as a heading, in OCR-damaged form too', () => {
    expect(score('Tri-County Lab\n123 Main St\nLAB0RATORY REP0RT\nPatient: X', 'lab_report').title).toBe('laboratory report')
  })

  it('does not take a title phrase inside a long sentence for a heading', () => {
    expect(
      score('The patient brought a copy of her laboratory report from another clinic to the visit today for review', 'lab_report').title,
    ).toBeNull()
  })

  it('adds keyword and pattern weights', () => {
    const s = score('Vaccine: Tdap\nManufacturer: GSK\nLot #: AB123\nVIS edition date: 08/06/2021', 'immunization_record')
    expect(s.keywords).toEqual(expect.arrayContaining(['vaccine', 'manufacturer', 'lot #']))
    expect(s.patternScore).toBeGreaterThan(0)
    expect(s.total).toBeGreaterThan(8)
  })

  it('finds section headings in the flattened and the line layouts', () => {
    expect(analyzeText('CHIEF COMPLAINT:, Pain.,HOSPITAL COURSE:, Improved.\nDischarge medications: none').headings).toEqual([
      'chief complaint',
      'hospital course',
      'discharge medications',
    ])
  })
})
