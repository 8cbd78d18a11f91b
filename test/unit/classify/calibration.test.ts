import { describe, expect, it } from 'vitest'
import { evaluatePredictions, expectedCalibrationError, regressions, type Prediction } from '../../../src/classify/evaluate.js'
import { analyzeText, pageStructure } from '../../../src/classify/signals.js'

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
})
