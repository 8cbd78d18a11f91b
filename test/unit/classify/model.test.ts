import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DoctypeClassifier, loadDefaultClassifier } from '../../../src/classify/classifier.js'
import { loadDocTypes } from '../../../src/classify/doctypes.js'
import { LOOKED_AT_SETS } from '../../../src/classify/lookedAtSets.js'
import { loadModel, parseModel, saveModel, serializeModel, type DoctypeModel } from '../../../src/classify/model.js'
import { defaultModelPath } from '../../../src/classify/paths.js'
import { trainDoctypeModel } from '../../../src/classify/training/train.js'
import { generateSynthetic } from '../../../src/classify/training/synthetic/index.js'
import { isChartclerkError } from '../../../src/errors.js'

const docTypes = loadDocTypes()
let dir: string
let tiny: DoctypeModel

const SMALL = {
  lab_report: 12,
  immunization_record: 12,
  consent_form: 12,
  roi_authorization: 12,
  other: 12,
  referral_letter: 12,
  emergency_report: 12,
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'doctype-model-'))
  tiny = trainDoctypeModel({
    corpusFiles: [],
    docTypes,
    syntheticCounts: SMALL,
    epochs: 3,
    maxFeatures: 3000,
    targetPerType: 20,
    evaluate: false,
    refit: false,
    seed: 7,
  }).model
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('model file', () => {
  it('GIVEN a trained model WHEN saved and loaded THEN it classifies the same', () => {
    const file = path.join(dir, 'm.json')
    saveModel(tiny, file)
    const loaded = loadModel(file)
    expect(loaded.classes).toEqual(tiny.classes)
    expect(loaded.vocabulary).toEqual(tiny.vocabulary)
    expect(loaded.temperature).toBe(tiny.temperature)
    const a = new DoctypeClassifier(tiny, docTypes)
    const b = new DoctypeClassifier(loaded, docTypes)
    for (const doc of generateSynthetic({ seed: 99, counts: { lab_report: 3, roi_authorization: 3, other: 3 } })) {
      const x = a.classify(doc.text)
      const y = b.classify(doc.text)
      expect(y.type).toBe(x.type)
      expect(Math.abs(y.confidence - x.confidence)).toBeLessThan(1e-6)
    }
  })

  it('keeps the structure block weight and the per-type thresholds; a type threshold decides review, a configured one overrides it', () => {
    const m: DoctypeModel = { ...tiny, structureWeight: 0.6, reviewThreshold: 0.99, typeThresholds: { lab_report: 0.5 } }
    const file = path.join(dir, 't.json')
    saveModel(m, file)
    const loaded = loadModel(file)
    expect(loaded.structureWeight).toBe(0.6)
    expect(loaded.typeThresholds).toEqual({ lab_report: 0.5 })
    const clf = new DoctypeClassifier(loaded, docTypes)
    expect(clf.thresholdFor('lab_report')).toBe(0.5)
    expect(clf.thresholdFor('consent_form')).toBe(0.99)
    expect(new DoctypeClassifier(loaded, docTypes, { reviewThreshold: 0.7 }).thresholdFor('lab_report')).toBe(0.7)
    const lab = generateSynthetic({ seed: 5, counts: { lab_report: 1 } })[0]!.text
    const c = clf.classify(lab)
    expect(c.needsReview).toBe(c.confidence < c.threshold)
    expect(() => parseModel(serializeModel(m).replace('"lab_report":0.5', '"lab_report":2'))).toThrow(/typeThresholds/)
  })

  it('serializing the shipped model again gives the same weights (quantization is stable)', () => {
    const m = loadModel(defaultModelPath())
    const again = parseModel(serializeModel(m))
    expect(again.weights.W).toEqual(m.weights.W)
    expect(again.weights.b).toEqual(m.weights.b)
  })

  it('records where it came from and carries no training text', () => {
    const m = loadModel(defaultModelPath())
    expect(m.metadata.trainedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(m.metadata.sources.map((s) => s.file)).toContain('doctype-dev.jsonl')
    expect(m.metadata.eval.corpus_heldout!.n).toBeGreaterThan(200)
    expect(Object.values(m.metadata.synthetic.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(1000)
  })

  it('trains on the looked-at hand-written sets in full (none held out) and carries no style bias fitted on them', () => {
    const m = loadModel(defaultModelPath())
    for (const set of LOOKED_AT_SETS)
      expect(m.metadata.sources).toContainEqual(expect.objectContaining({ file: `${set}-eval.jsonl`, heldOut: 0 }))
    expect(m.metadata.styleBiases).toBeUndefined()
  })

  it.each([
    ['not JSON', '{'],
    ['another format', JSON.stringify({ format: 'something-else' })],
    ['a newer version', JSON.stringify({ format: 'chartclerk-doctype-model', version: 99 })],
  ])('refuses %s with MODEL_INVALID', (_what, text) => {
    const file = path.join(dir, 'bad.json')
    writeFileSync(file, text)
    let err: unknown
    try {
      loadModel(file)
    } catch (e) {
      err = e
    }
    expect(isChartclerkError(err) && err.code).toBe('MODEL_INVALID')
  })

  it('refuses truncated weights with MODEL_INVALID', () => {
    const raw = JSON.parse(serializeModel(tiny)) as { weights: { data: string } }
    raw.weights.data = raw.weights.data.slice(0, 100)
    expect(() => parseModel(JSON.stringify(raw))).toThrow(/MODEL_INVALID/)
  })

  it('a missing model file is MODEL_INVALID with an action for the desk', () => {
    try {
      loadDefaultClassifier({ modelPath: path.join(dir, 'nope.json') })
      expect.unreachable()
    } catch (e) {
      expect(isChartclerkError(e) && e.code).toBe('MODEL_INVALID')
      expect((e as Error & { action: string }).action).toMatch(/chartclerk model train/)
    }
  })
})
