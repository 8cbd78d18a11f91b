import { describe, expect, it } from 'vitest'
import {
  chooseThreshold,
  chooseThresholds,
  chooseTypeThresholds,
  evaluatePredictions,
  expectedCalibrationError,
  regressions,
  type Prediction,
} from '../../../src/classify/evaluate.js'
import { Vectorizer } from '../../../src/classify/features.js'
import { loadDocTypes } from '../../../src/classify/doctypes.js'
import { analyzeText, pageStructure } from '../../../src/classify/signals.js'
import { encounterCues, letterPurpose, ocrEven } from '../../../src/classify/sections.js'

const p = (truth: string, predicted: string, confidence: number): Prediction => ({ truth, predicted, confidence })

describe('expected calibration error', () => {
  it('is 0 when confidence equals the share right in every bin, and grows with overconfidence', () => {
    expect(expectedCalibrationError([p('a', 'a', 1), p('b', 'b', 1)])).toBe(0)
    // Four at 0.75, three right: calibrated.
    expect(expectedCalibrationError([p('a', 'a', 0.75), p('a', 'a', 0.75), p('a', 'a', 0.75), p('a', 'b', 0.75)])).toBeCloseTo(0, 10)
    // Sure of everything, half wrong: 0.49 gap.
    expect(expectedCalibrationError([p('a', 'a', 0.99), p('a', 'b', 0.99)])).toBeCloseTo(0.49, 10)
  })

  it('is reported beside accuracy, with the share of all documents filed with a wrong type', () => {
    const r = evaluatePredictions([p('a', 'a', 0.99), p('a', 'b', 0.99), p('b', 'b', 0.5), p('b', 'a', 0.4)], 0.9)
    expect(r.accuracy).toBe(0.5)
    expect(r.autoErrors).toBe(1)
    expect(r.autoErrorShare).toBe(0.25)
    expect(r.ece).toBeGreaterThan(0.2)
  })
})

describe('per-type review thresholds', () => {
  const many = (n: number, truth: string, predicted: string, confidence: number): Prediction[] =>
    Array.from({ length: n }, () => p(truth, predicted, confidence))
  it('lowers a type only where the calibration documents under the global threshold were all right, on enough real ones', () => {
    const generated = [...many(50, 'lab', 'lab', 0.93), ...many(50, 'consult', 'consult', 0.93), p('hp', 'consult', 0.96)]
    const real = [...many(35, 'lab', 'lab', 0.91), ...many(35, 'consult', 'consult', 0.97), ...many(5, 'imm', 'imm', 0.9)]
    const t = chooseTypeThresholds(
      [
        { preds: generated, evidence: false },
        { preds: real, evidence: true },
      ],
      0.99,
    )
    // lab: right all the way down to the floor (0.9); consult: one wrong at 0.96 keeps it at 0.99; imm: too few real documents.
    expect(t).toEqual({ lab: 0.9 })
    // Lower floors when asked; a type wrong above the global threshold is never lowered: it is
    // raised past the surest mistake, when real or unseen-style documents show it.
    expect(chooseTypeThresholds([{ preds: real, evidence: true }], 0.99, { floor: 0.8 }).lab).toBe(0.8)
    expect(chooseTypeThresholds([{ preds: [...real, p('hp', 'lab', 0.995)], evidence: true }], 0.99).lab).toBe(0.999)
    expect(chooseTypeThresholds([{ preds: [...real, p('hp', 'lab', 0.991)], evidence: true }], 0.99).lab).toBe(0.995)
    expect(chooseTypeThresholds([{ preds: [p('hp', 'lab', 0.995)], evidence: false }], 0.99)).not.toHaveProperty('lab')
  })
  it('a mistake between two types raises those two, not every type, when the global threshold is chosen', () => {
    // Real documents: progress notes and consult notes taken for each other at 0.96-0.98; the rest right.
    const real = [
      ...many(60, 'lab', 'lab', 0.96),
      ...many(60, 'consult', 'consult', 0.99),
      ...many(40, 'progress', 'progress', 0.995),
      p('consult', 'progress', 0.98),
      p('progress', 'consult', 0.97),
    ]
    const generated = [...many(400, 'lab', 'lab', 0.96), ...many(400, 'hp', 'hp', 0.96), ...many(5, 'hp', 'lab', 0.92)]
    const errorGroups = [
      { preds: generated, maxErrorRate: 0.005 },
      { preds: real, maxErrorRate: 0.015 },
    ]
    const typeGroups = [
      { preds: generated, evidence: false },
      { preds: real, evidence: true },
    ]
    // Alone, the global threshold has to climb above both mistakes.
    expect(chooseThreshold(errorGroups)).toBe(0.99)
    // Together: 0.925 for everyone (five generated mistakes at 0.92 are too many at 0.9), consult notes above 0.97, progress notes above 0.98.
    expect(chooseThresholds(errorGroups, typeGroups, { globalFloor: 0.9 })).toEqual({
      threshold: 0.925,
      typeThresholds: { consult: 0.975, progress: 0.99 },
    })
    // Never under the floor, and a group over its limit whatever the types do climbs as before.
    const noisy = [...generated, ...many(10, 'hp', 'lab', 0.975)]
    const t = chooseThresholds([{ preds: noisy, maxErrorRate: 0.005 }], [{ preds: noisy, evidence: true }])
    expect(t.threshold).toBeGreaterThanOrEqual(0.95)
    expect(t.typeThresholds.lab).toBe(0.99)
  })
  it("the evaluation counts the classifier's own decision when it is given", () => {
    const r = evaluatePredictions(
      [
        { ...p('a', 'a', 0.95), needsReview: false },
        { ...p('b', 'b', 0.95), needsReview: true },
      ],
      0.99,
    )
    expect(r.reviewShare).toBe(0.5)
  })
})

describe('retrain guard', () => {
  const current = evaluatePredictions([p('a', 'a', 1), p('a', 'a', 1), p('b', 'b', 1), p('b', 'a', 1)], 0.9)
  it('refuses a model that gets fewer documents of a known type right, even when the total is the same', () => {
    const candidate = evaluatePredictions([p('a', 'a', 1), p('a', 'b', 1), p('b', 'b', 1), p('b', 'b', 1)], 0.9)
    expect(regressions(current, candidate, ['a', 'b'])).toEqual(['a: 1 of 2 right, was 2'])
  })
  it('accepts a model no worse on any type', () => {
    const candidate = evaluatePredictions([p('a', 'a', 1), p('a', 'a', 1), p('b', 'b', 1), p('b', 'b', 1)], 0.9)
    expect(regressions(current, candidate, ['a', 'b'])).toEqual([])
  })
})

describe('page structure features', () => {
  it('sees a results table, the first heading, heading order and a letter form', () => {
    const lab = analyzeText(
      [
        'TEST        VALUE    UNITS    REF',
        'Sodium      141      mmol/L   135-145',
        'Potassium   4.1      mmol/L   3.5-5.1',
        'Glucose     131      mg/dL    70-99',
      ].join('\n'),
    )
    expect(lab.structure).toContain('table dense')
    const note = analyzeText('CHIEF COMPLAINT: cough.\nHISTORY OF PRESENT ILLNESS: three days.\nASSESSMENT: bronchitis.')
    expect(note.structure).toEqual(
      expect.arrayContaining([
        'table none',
        'first chief complaint',
        'chief complaint > history of present illness',
        'history of present illness > assessment',
      ]),
    )
    const letter = pageStructure('June 2, 2025\nDear Dr. Webb,\nI am writing to refer ...\nSincerely,\nHannah Liu, MD', [])
    expect(letter).toEqual(expect.arrayContaining(['letter salutation', 'letter closing', 'lines few']))
  })

  it('sees a form: boxes to tick, blanks to sign on, label-and-value lines, few headings', () => {
    const form = analyzeText(
      [
        'RECORDS RELEASE',
        'Patient: Ana Ruiz',
        'DOB: 01/02/1980',
        'Send to: Hill Clinic',
        'Records: [X] labs  [ ] notes',
        'Signature: ____________  Date: 03/04/2025',
      ].join('\n'),
    )
    expect(form.structure).toEqual(expect.arrayContaining(['form checkboxes', 'form blanks', 'fields dense']))
    const prose = analyzeText(
      'Mrs Ruiz came to clinic today. Her cough is better and she is sleeping well.\nWe will meet again in a month.',
    )
    expect(prose.structure).toEqual(expect.arrayContaining(['fields none', 'headings none']))
    expect(prose.structure).not.toContain('form checkboxes')
    expect(prose.structure).not.toContain('form blanks')
  })

  it('names sections by what they are, whatever the hospital calls them, and reads the title block apart', () => {
    const hp = analyzeText(
      [
        'Admission note',
        'Chief Complaint',
        'chest pain',
        'HPI: two days.',
        'Systems review: negative.',
        'PE: well.',
        'A/P: rule out MI.',
      ].join('\n'),
    )
    expect(hp.structure).toEqual(
      expect.arrayContaining([
        'sec complaint',
        'sec hpi',
        'sec ros',
        'sec exam',
        'sec first complaint',
        'sec exam + ros',
        'title admission',
      ]),
    )
    expect(hp.structure).not.toContain('sec triage')
    // The title block ends where the body's first section begins.
    expect(hp.structure).not.toContain('title chest')
    const ed = analyzeText(
      ['EMERGENCY DEPARTMENT RECORD', 'Triage: ESI 3', 'History of present illness: fall.', 'ED course: splinted.', 'Dispo: home'].join(
        '\n',
      ),
    )
    expect(ed.structure).toEqual(
      expect.arrayContaining([
        'sec triage',
        'sec edcourse',
        'sec disposition',
        'sec edcourse + triage',
        'title emergency',
        'title department',
      ]),
    )
  })
})

describe('encounter cues', () => {
  it('reads from the running text who asked for the note, a stay, a return visit, an ED and a first encounter', () => {
    expect(encounterCues('Thank you for asking me to see Mr. Cole regarding his anemia.')).toEqual(['cue asked'])
    expect(encounterCues('Admission date: 3/2/2025. Discharge date: 3/6/2025. Brief hospital course: ...')).toEqual(['cue stay'])
    expect(encounterCues('Discharge medications: lisinopril. She was discharged home with her daughter.')).toEqual(['cue leaving'])
    expect(encounterCues('She returns for follow-up of her diabetes. Since her last visit her sugars are better.')).toEqual(['cue return'])
    expect(encounterCues('Arrived by ambulance. Triage vitals stable.')).toEqual(['cue ed'])
    expect(encounterCues('Harbor Urgent Care - visit record. In 17:02  Out 18:20')).toEqual(['cue ed'])
    expect(encounterCues('New patient here to establish care.')).toEqual(['cue first'])
    expect(encounterCues('Cough for three days. Lungs clear. Bronchitis.')).toEqual([])
  })

  it('reads a scan with look-alike digits as it reads typing', () => {
    expect(ocrEven('Thank y0u f0r the referra1. In 17:02, q12h, 5 mg')).toBe('Thank you for the referral. In 17:02, q12h, 5 mg')
    expect(encounterCues('Thank y0u f0r the referra1.')).toEqual(['cue asked'])
  })

  it('joins the section pairs, and says when the text has none', () => {
    const visit = analyzeText('SUBJECTIVE: Returns for follow-up of gout.\nOBJECTIVE: afebrile.\nPLAN: continue.')
    expect(visit.structure).toEqual(expect.arrayContaining(['sec cue return', 'sec cue return + subjective']))
    const plain = analyzeText('CHIEF COMPLAINT: cough.\nASSESSMENT: bronchitis.')
    expect(plain.structure).toContain('sec cue none')
  })
})

describe('feature blocks', () => {
  it('gives the headings and structure their own norm beside the words when the model says so', () => {
    const text = 'CHIEF COMPLAINT: cough for three days with fever and chills and aches.\nASSESSMENT: bronchitis.'
    const a = analyzeText(text)
    const vocab = ['cough', 'fever', 'chills', 'aches', '§chief complaint', '§§table none', '§§sec complaint']
    const norms = (weight: number) => {
      const v = new Vectorizer(vocab, [], weight).featurize(a, loadDocTypes()).vector
      let words = 0
      let structure = 0
      v.idx.forEach((i, j) => {
        if (vocab[i]!.startsWith('§')) structure += v.val[j]! ** 2
        else words += v.val[j]! ** 2
      })
      return [Math.sqrt(words), Math.sqrt(structure)] as const
    }
    const [words0, struct0] = norms(0)
    expect(words0 ** 2 + struct0 ** 2).toBeCloseTo(1, 5)
    const [words, struct] = norms(0.6)
    expect(words).toBeCloseTo(1, 5)
    expect(struct).toBeCloseTo(0.6, 5)
  })
})

describe('letter purpose', () => {
  it('tells a letter that sends the patient on from one that answers, and where the first purpose sentence stands', () => {
    expect(letterPurpose('I am referring Mr. John Smith to you for follow-up of his blood pressure. Our visit note is enclosed.')).toEqual([
      'purpose out',
      'purpose out early',
      'purpose first out',
    ])
    expect(letterPurpose('Could you please see this 42-year-old woman under the two-week pathway?')).toContain('purpose out')
    expect(letterPurpose('Dear Dr. Hale,\nThank you for referring Mrs. Ode with a pearly lesion on her nose.')).toEqual([
      'purpose back',
      'purpose back early',
      'purpose first back',
    ])
    expect(letterPurpose('It was a pleasure meeting our mutual patient today. I appreciate you involving me.')).toContain('purpose back')
    expect(letterPurpose('Thank y0u f0r the referra1. P1ease sign and return.')).toContain('purpose back')
    // Admitting on a request is no answer to a referral; a plain note has no purpose sentence.
    expect(letterPurpose('Thank you for allowing the hospitalist service to admit this patient.')).toEqual(['purpose none'])
    expect(letterPurpose('Cough for three days. Lungs clear. Bronchitis.')).toEqual(['purpose none'])
  })

  it('says which purpose comes first, and that a late one is not early', () => {
    const body = 'Exam: lungs clear. '.repeat(200)
    const f = letterPurpose(`Thank you for referring Mr. Cole. ${body} Could you please see him again in a month?`)
    expect(f).toEqual(['purpose out', 'purpose back', 'purpose back early', 'purpose first back'])
  })
})
