/** Style biases: fitted on sets in styles the model never trained on, their pull chosen by leave-one-set-out folds. */
import { describe, expect, it } from 'vitest'
import { DoctypeClassifier } from '../../../../src/classify/classifier.js'
import { loadDocTypes } from '../../../../src/classify/doctypes.js'
import type { DoctypeModel } from '../../../../src/classify/model.js'
import {
  calibrateStyleBiases,
  chooseL2,
  decide,
  fitStyleBiases,
  leaveOneSetOut,
  scoreSets,
  withStyleBiases,
  withoutStyleBiases,
  type FoldResult,
  type ScoredSet,
} from '../../../../src/classify/training/styleBiases.js'

const classes = ['consult', 'progress', 'lab']
const tinyModel = (): DoctypeModel => ({
  classes,
  vocabulary: [],
  signalTypes: [],
  weights: { classes: 3, dim: 0, W: new Float32Array(0), b: Float32Array.from([0.5, 0, -0.5]) },
  temperature: 1,
  signalBeta: 0,
  reviewThreshold: 0.9,
  metadata: {
    trainedAt: '',
    trainingSeconds: 0,
    sources: [],
    synthetic: { seed: 0, counts: {} },
    extraExamples: { count: 0, counts: {} },
    trainingDocuments: 0,
    options: {},
    eval: {},
    notes: [],
  },
})

/** A set where progress notes of a new style score a little higher on consult. */
function styleSet(name: string, n: number): ScoredSet {
  const z: Float64Array[] = []
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    z.push(Float64Array.from([4, 0, 0]))
    y.push(0)
    z.push(Float64Array.from([3.5, 2, 0]))
    y.push(1)
    z.push(Float64Array.from([0, 0, 5]))
    y.push(2)
  }
  return { name, z, y }
}

describe('style biases', () => {
  it('GIVEN progress notes of a new style read as consults THEN the fitted biases read them right and file no wrong type', () => {
    const sets = [styleSet('a', 20), styleSet('b', 20)]
    const zero = new Float64Array(3)
    const at = (): number => 0.6
    const before = decide(sets[0]!, zero, 1, classes, at)
    expect(before.right).toBe(40)
    expect(before.wrongFiled).toBe(20)
    const bias = fitStyleBiases(sets, 1, 0.01)
    expect(bias[1]!).toBeGreaterThan(bias[0]!)
    const after = decide(sets[0]!, bias, 1, classes, at)
    expect(after.right).toBe(60)
    expect(after.wrongFiled).toBe(0)
  })

  it('GIVEN folds THEN each set is measured with biases fitted without it, and a pull that files more wrong types on any set is never chosen', () => {
    const m = tinyModel()
    // Set c disagrees: there the consult-like documents really are consults.
    const c: ScoredSet = { name: 'c', z: Array.from({ length: 30 }, () => Float64Array.from([2.5, 2, 0])), y: Array(30).fill(0) }
    const fold = leaveOneSetOut(m, () => 0.55, [styleSet('a', 10), styleSet('b', 10), c], [], 0.01)
    expect(fold.sets.map((s) => s.name)).toEqual(['a', 'b', 'c'])
    expect(fold.sets[2]!.after.wrongFiled).toBeGreaterThan(fold.sets[2]!.before.wrongFiled)
    expect(chooseL2([fold])).toBeNull()
    const ok: FoldResult = { ...fold, l2: 1, sets: fold.sets.slice(0, 2) }
    expect(chooseL2([fold, ok])?.l2).toBe(1)
  })

  it('GIVEN a real classifier THEN scores are T log p per model class, and the biases land in the model bias term', () => {
    const docTypes = loadDocTypes()
    const m: DoctypeModel = { ...tinyModel(), classes: ['consult_note', 'progress_note', 'lab_report'], temperature: 0.5 }
    const clf = new DoctypeClassifier(m, docTypes)
    const [s] = scoreSets(clf, [{ name: 'x', rows: [{ text: 'Follow-up visit. Doing well.', type: 'progress_note' }] }])
    expect(s!.y).toEqual([1])
    const p = s!.z[0]!.map((v) => Math.exp(v / 0.5))
    expect(p.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9)
    const moved = withStyleBiases(m, Float64Array.from([0.25, -0.25, 0]))
    expect(Array.from(moved.weights.b)).toEqual([0.75, -0.25, -0.5])
    expect(Array.from(m.weights.b)).toEqual([0.5, 0, -0.5])
  })

  it('GIVEN a model carrying style biases THEN they come off (bias term and record), and with no set to fit on none are put back', () => {
    const docTypes = loadDocTypes()
    const trained: DoctypeModel = { ...tinyModel(), classes: ['consult_note', 'progress_note', 'lab_report'] }
    const carried = withStyleBiases(trained, Float64Array.from([0.25, -0.25, 0]))
    carried.metadata = {
      ...trained.metadata,
      styleBiases: { l2: 0.05, sets: ['a'], biases: { consult_note: 0.25, progress_note: -0.25, lab_report: 0 } },
      notes: ['Style biases: fitted on a', 'kept'],
    }
    const off = withoutStyleBiases(carried)
    expect(Array.from(off.weights.b)).toEqual([0.5, 0, -0.5])
    expect(off.metadata.styleBiases).toBeUndefined()
    expect(off.metadata.notes).toEqual(['kept'])
    const none = calibrateStyleBiases(carried, (m) => new DoctypeClassifier(m, docTypes), [], [])
    expect(none.record).toBeNull()
    expect(Array.from(none.model.weights.b)).toEqual([0.5, 0, -0.5])
  })
})
