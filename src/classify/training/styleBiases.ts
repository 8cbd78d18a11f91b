/**
 * Style calibration of a trained model: one bias per type, fitted on labelled writing in house
 * styles the model never trained on (hand-written outside records, the generated unseen styles),
 * every set and every type within a set weighing the same (fitTypeBiases). The biases go into the
 * model's own bias term, so the classifier needs no change; the temperature and the per-type review
 * thresholds stay the model's.
 *
 * How much the biases may move (their L2 pull) is chosen by leave-one-set-out folds: for each set,
 * the biases are fitted on the others and the held-out set is measured (accuracy, documents to
 * review, wrong types filed), so the figure that picks it is always on a style the fit did not see.
 */
import type { DoctypeClassifier } from '../classifier.js'
import type { DoctypeModel } from '../model.js'
import { fitTypeBiases } from './train.js'

export interface StyleSet {
  name: string
  rows: readonly { text: string; type: string }[]
}

/** One set as the model sees it: T * log p per model class (logit units), the true class, and nothing else. */
export interface ScoredSet {
  name: string
  z: Float64Array[]
  y: number[]
}

/** The model's calibrated probabilities on each row, in logit units (T * log p) over `model.classes`. */
export function scoreSets(clf: DoctypeClassifier, sets: readonly StyleSet[]): ScoredSet[] {
  const { classes, temperature } = clf.model
  return sets.map((s) => ({
    name: s.name,
    y: s.rows.map((r) => classes.indexOf(r.type)),
    z: s.rows.map((r) => {
      const sc = clf.scores(r.text)
      const z = new Float64Array(classes.length).fill(-1e6)
      sc.types.forEach((t, i) => {
        const k = classes.indexOf(t)
        if (k >= 0) z[k] = temperature * Math.log(Math.max(sc.probs[i]!, 1e-12))
      })
      return z
    }),
  }))
}

/** Biases (logit units, mean 0) fitted on the given sets, each set and each type within it weighing the same. */
export function fitStyleBiases(sets: readonly ScoredSet[], temperature: number, l2: number): Float64Array {
  const z = sets.flatMap((s) => s.z)
  const y = sets.flatMap((s) => s.y)
  const group = sets.flatMap((s, g) => s.y.map(() => g))
  const zeros = z.map((v) => new Float64Array(v.length))
  return fitTypeBiases(z, zeros, y, group, temperature, 0, { l2 })
}

export interface SetDecisions {
  n: number
  right: number
  /** Sent to review: under its predicted type's threshold. */
  review: number
  /** Filed without review with a wrong type. */
  wrongFiled: number
}

/** What the model with `bias` added decides on a scored set, each document against its predicted type's threshold. */
export function decide(
  set: ScoredSet,
  bias: Float64Array,
  temperature: number,
  classes: readonly string[],
  thresholdFor: (type: string) => number,
): SetDecisions {
  const out: SetDecisions = { n: 0, right: 0, review: 0, wrongFiled: 0 }
  set.z.forEach((z, i) => {
    let best = 0
    let max = -Infinity
    for (let k = 0; k < z.length; k++) {
      const v = (z[k]! + bias[k]!) / temperature
      if (v > max) {
        max = v
        best = k
      }
    }
    let sum = 0
    for (let k = 0; k < z.length; k++) sum += Math.exp((z[k]! + bias[k]!) / temperature - max)
    const confidence = 1 / sum
    const right = best === set.y[i]
    const filed = confidence >= thresholdFor(classes[best]!)
    out.n++
    if (right) out.right++
    if (!filed) out.review++
    else if (!right) out.wrongFiled++
  })
  return out
}

export interface FoldResult {
  l2: number
  /** Per held-out set: without biases, and with biases fitted on the other sets. */
  sets: { name: string; before: SetDecisions; after: SetDecisions }[]
  total: { before: SetDecisions; after: SetDecisions }
}

const add = (a: SetDecisions, b: SetDecisions): SetDecisions => ({
  n: a.n + b.n,
  right: a.right + b.right,
  review: a.review + b.review,
  wrongFiled: a.wrongFiled + b.wrongFiled,
})
const none = (): SetDecisions => ({ n: 0, right: 0, review: 0, wrongFiled: 0 })

/**
 * Leave-one-set-out: each of `heldOut` is measured with biases fitted on every other set (the
 * rest of `heldOut` and all of `alwaysFit`).
 */
export function leaveOneSetOut(
  model: DoctypeModel,
  thresholdFor: (type: string) => number,
  heldOut: readonly ScoredSet[],
  alwaysFit: readonly ScoredSet[],
  l2: number,
): FoldResult {
  const zero = new Float64Array(model.classes.length)
  const sets = heldOut.map((s) => {
    const bias = fitStyleBiases([...heldOut.filter((o) => o !== s), ...alwaysFit], model.temperature, l2)
    return {
      name: s.name,
      before: decide(s, zero, model.temperature, model.classes, thresholdFor),
      after: decide(s, bias, model.temperature, model.classes, thresholdFor),
    }
  })
  return {
    l2,
    sets,
    total: { before: sets.map((s) => s.before).reduce(add, none()), after: sets.map((s) => s.after).reduce(add, none()) },
  }
}

/**
 * The L2 pull to ship: of the candidates under which no held-out set files more wrong types than
 * the model without biases, the one that files the most documents with the right type (ties: more
 * right answers, then the stronger pull). Null when every candidate files more wrong types somewhere.
 */
export function chooseL2(folds: readonly FoldResult[]): FoldResult | null {
  const ok = folds.filter((f) => f.sets.every((s) => s.after.wrongFiled <= s.before.wrongFiled))
  const filedRight = (d: SetDecisions): number => d.n - d.review - d.wrongFiled
  ok.sort((a, b) => filedRight(b.total.after) - filedRight(a.total.after) || b.total.after.right - a.total.after.right || b.l2 - a.l2)
  return ok[0] ?? null
}

/** The model with `bias` (logit units, one per class) added to its bias term. */
export function withStyleBiases(model: DoctypeModel, bias: Float64Array): DoctypeModel {
  return {
    ...model,
    weights: { ...model.weights, b: Float32Array.from(model.weights.b, (x, k) => x + bias[k]!) },
  }
}

/** The L2 pulls the folds choose from. */
export const STYLE_L2_GRID = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2]

export type StyleBiasRecord = NonNullable<DoctypeModel['metadata']['styleBiases']>

/** The model with the style biases it carries taken off: the model as trained. */
export function withoutStyleBiases(model: DoctypeModel): DoctypeModel {
  const earlier = model.metadata.styleBiases
  if (!earlier) return model
  const base = withStyleBiases(
    model,
    Float64Array.from(model.classes, (c) => -(earlier.biases[c] ?? 0)),
  )
  const { styleBiases: _dropped, ...metadata } = model.metadata
  return { ...base, metadata: { ...metadata, notes: metadata.notes.filter((n) => !n.startsWith('Style biases:')) } }
}

export interface StyleCalibration {
  /** The model with the chosen biases (or the model as trained when none qualify). */
  model: DoctypeModel
  record: StyleBiasRecord | null
  folds: FoldResult[]
}

/**
 * Style biases for a trained model: its earlier ones taken off, the L2 pull chosen by
 * leave-one-set-out folds over `heldOut` (with `alwaysFit` in every fit; chooseL2), then the biases
 * fitted on all the sets and recorded in the model's metadata. `heldOut` and `alwaysFit` must be
 * writing the model never trained on. When no pull qualifies, the model is returned without biases.
 */
export function calibrateStyleBiases(
  trained: DoctypeModel,
  classifierOf: (m: DoctypeModel) => DoctypeClassifier,
  heldOut: readonly StyleSet[],
  alwaysFit: readonly StyleSet[],
  grid: readonly number[] = STYLE_L2_GRID,
): StyleCalibration {
  const base = withoutStyleBiases(trained)
  const clf = classifierOf(base)
  const held = scoreSets(clf, heldOut)
  const always = scoreSets(clf, alwaysFit)
  const folds = grid.map((l2) => leaveOneSetOut(base, (t) => clf.thresholdFor(t), held, always, l2))
  const chosen = heldOut.length ? chooseL2(folds) : null
  if (!chosen) return { model: base, record: null, folds }
  const bias = fitStyleBiases([...held, ...always], base.temperature, chosen.l2)
  const record: StyleBiasRecord = {
    l2: chosen.l2,
    sets: [...heldOut, ...alwaysFit].map((s) => s.name),
    biases: Object.fromEntries(base.classes.map((c, k) => [c, Math.round(bias[k]! * 1e4) / 1e4])),
  }
  const model = withStyleBiases(
    base,
    Float64Array.from(base.classes, (c) => record.biases[c]!),
  )
  model.metadata = {
    ...base.metadata,
    styleBiases: record,
    notes: [
      ...base.metadata.notes,
      `Style biases: one bias per type fitted on ${record.sets.join(', ')} (L2 ${chosen.l2}, chosen by leave-one-set-out folds); no training document is from these sets.`,
    ],
  }
  return { model, record, folds }
}
