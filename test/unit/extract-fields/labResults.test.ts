import { describe, expect, it } from 'vitest'
import { labResultsOf, withLabResults } from '../../../src/extract-fields/labResults.js'

const sodium = { test: 'Sodium', value: '139', units: 'mmol/L', referenceRange: '136 - 145', flag: null }
const glucose = { test: 'Glucose', value: '131', units: 'mg/dL', referenceRange: '70 - 99', flag: 'H' }

describe('lab results as rows', () => {
  it('the current shape is read as is', () => {
    expect(labResultsOf({ labResults: [sodium, glucose] })).toEqual([sodium, glucose])
  })

  it('a document stored with the older "tests" list reads as rows, and the list is replaced', () => {
    const stored = {
      labName: 'Tri-County',
      testName: 'Sodium; Glucose',
      result: '139; 131',
      units: 'mmol/L; mg/dL',
      referenceRange: '136 - 145; 70 - 99',
      tests: [
        { name: 'Sodium', result: '139', units: 'mmol/L', referenceRange: '136 - 145', flag: null },
        { name: 'Glucose', result: '131', units: 'mg/dL', referenceRange: '70 - 99', flag: 'H' },
      ],
    }
    const f = withLabResults(stored)
    expect(f.labResults).toEqual([sodium, glucose])
    expect(f.tests).toBeUndefined()
    // The type's elements stay: the checks name them.
    expect(f).toMatchObject({ labName: 'Tri-County', testName: 'Sodium; Glucose', referenceRange: '136 - 145; 70 - 99' })
  })

  it('only the parallel strings (one test read from labels) read as a row; ranges that do not line up are left out', () => {
    expect(labResultsOf({ testName: 'Urine culture', result: 'No growth at 48 hours', referenceRange: 'No growth' })).toEqual([
      { test: 'Urine culture', value: 'No growth at 48 hours', units: null, referenceRange: 'No growth', flag: null },
    ])
    expect(labResultsOf({ testName: 'A; B', result: '1; 2', referenceRange: '0 - 5' })).toEqual([
      { test: 'A', value: '1', units: null, referenceRange: null, flag: null },
      { test: 'B', value: '2', units: null, referenceRange: null, flag: null },
    ])
  })

  it('fields without lab results are returned unchanged; rows without a test or value are dropped', () => {
    const f = { impression: 'Normal.' }
    expect(withLabResults(f)).toBe(f)
    expect(labResultsOf({ labResults: [{ test: 'X' }, null, 'junk', sodium] })).toEqual([sodium])
    expect(labResultsOf({ testName: 'A; B', result: '1' })).toEqual([])
  })
})
