/**
 * The shipped model on the first two hand-written sets (eval/independent/, eval/independent-2/).
 * The shipped model now trains on them (src/classify/lookedAtSets.ts), so these are in-sample
 * floors kept from sliding back, not figures on unseen writing: those come from leaving each set
 * out in turn (bench/set-folds.ts, models/README.md).
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDefaultClassifier } from '../../../src/classify/classifier.js'
import { evaluatePredictions } from '../../../src/classify/evaluate.js'
import { readLabelledJsonl } from '../../../src/classify/jsonl.js'
import { packageRoot } from '../../../src/classify/paths.js'

const clf = loadDefaultClassifier()
function measure(file: string) {
  const rows = readLabelledJsonl(path.join(packageRoot(), file)).rows
  return evaluatePredictions(
    rows.map((x) => {
      const c = clf.classify(x.text)
      return { truth: x.type, predicted: c.type, confidence: c.confidence, needsReview: c.needsReview }
    }),
    clf.reviewThreshold,
  )
}

describe('hand-written outside records the shipped model trains on (in-sample floors)', () => {
  it('eval/independent: at least 97% right, no wrong type filed without review, calibration error under 0.05', () => {
    const r = measure('eval/independent/independent-eval.jsonl')
    expect(r.n).toBe(104)
    expect(r.accuracy).toBeGreaterThanOrEqual(0.97)
    expect(r.autoErrors).toBe(0)
    expect(r.ece).toBeLessThan(0.05)
  })
  it('eval/independent-2: at least 92% right, no wrong type filed without review', () => {
    const r = measure('eval/independent-2/independent-2-eval.jsonl')
    expect(r.n).toBe(67)
    expect(r.accuracy).toBeGreaterThanOrEqual(0.92)
    expect(r.autoErrors).toBe(0)
  })
})
