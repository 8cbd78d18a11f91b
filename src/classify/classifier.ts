/**
 * Document-type classifier: the trained model's calibrated probabilities combined with
 * the type files' signals.
 *
 * @example
 *   const clf = loadDefaultClassifier()
 *   const r = clf.classify(extracted.fullText)
 *   if (r.confidence < clf.reviewThreshold) sendToReview(r)
 */
import type { ExtractedText } from '../model/types.js'
import { loadDocTypes, type DocTypeSet } from './doctypes.js'
import { Vectorizer } from './features.js'
import { logits } from './logreg.js'
import { loadModel, type DoctypeModel } from './model.js'
import { defaultDocTypesDir, defaultModelPath } from './paths.js'
import { squash, type TypeSignalScore } from './signals.js'
import { RecentResults } from '../recentResults.js'

export interface TypeConfidence {
  type: string
  confidence: number
}

export interface Classification {
  /** Usually one of DOCUMENT_TYPES; a records lead may add types in rules/doctypes/. */
  type: string
  /** Calibrated probability that `type` is right, 0..1. */
  confidence: number
  /** The next most likely types, best first. */
  alternatives: TypeConfidence[]
  /** Why, in words a records clerk can read. */
  reasons: string[]
  /** True when confidence is below the review threshold (rule D13). */
  needsReview: boolean
  /** The review threshold that applied: the model's for this type, or the configured one. */
  threshold: number
}

export interface ClassifierOptions {
  /** Override the model's review threshold. */
  reviewThreshold?: number
  /** How many alternatives to return (default 3). */
  alternatives?: number
}

/**
 * Least weight of the signals of a type the model was not trained on (added by a records lead).
 * Set by bench/new-type-weight.ts, leaving each trained type out in turn and reading it by its type
 * file's signals alone on writing the model did not train on: the largest weight at which such a
 * type costs the trained types nothing (none of their documents filed as it, none that files rightly
 * without it sent to review). At 2.25 a left-out type gets 77% of its own documents, at 1.25 50%.
 */
export const NEW_TYPE_SIGNAL_WEIGHT = 2.25
/**
 * A new type's signals stand in for the model's evidence as well as their own, so they weigh this
 * many times the trained types' signals (the model's fitted signal weight), and at least
 * NEW_TYPE_SIGNAL_WEIGHT.
 */
export const NEW_TYPE_SIGNAL_RATIO = 2.5

export class DoctypeClassifier {
  readonly model: DoctypeModel
  /** The document types in force (replaced when the records lead's edit loads cleanly). */
  docTypes: DocTypeSet
  readonly reviewThreshold: number
  /** A threshold set in the configuration applies to every type. */
  private readonly thresholdOverride: number | undefined
  private readonly vectorizer: Vectorizer
  private readonly nAlternatives: number

  constructor(model: DoctypeModel, docTypes: DocTypeSet, opts: ClassifierOptions = {}) {
    this.model = model
    this.docTypes = docTypes
    this.reviewThreshold = opts.reviewThreshold ?? model.reviewThreshold
    this.thresholdOverride = opts.reviewThreshold
    this.nAlternatives = opts.alternatives ?? 3
    this.vectorizer = new Vectorizer(model.vocabulary, model.signalTypes, model.structureWeight ?? 0)
  }

  /** The confidence a document of this type needs to be filed without review. */
  thresholdFor(type: string): number {
    return this.thresholdOverride ?? this.model.typeThresholds?.[type] ?? this.reviewThreshold
  }

  /** Puts a newly loaded set of document types in force (the model stays the same). */
  useDocTypes(set: DocTypeSet): void {
    this.recent.clear()
    this.docTypes = set
  }

  /** Calibrated probabilities for every candidate type, plus the details behind them. */
  scores(text: string): {
    types: string[]
    probs: Float64Array
    signals: TypeSignalScore[]
    contributions: (k: number) => [string, number][]
  } {
    const { vector, signals, grams } = this.vectorizer.featurize(text, this.docTypes)
    const m = this.model
    const z = logits(m.weights, vector)
    const sig = new Map(signals.map((s) => [s.type, s]))
    const types: string[] = []
    const zs: number[] = []
    // Model classes whose type file still exists.
    m.classes.forEach((c, k) => {
      if (!this.docTypes.byType.has(c)) return
      types.push(c)
      zs.push(z[k]! + m.signalBeta * squash(sig.get(c)?.total ?? 0))
    })
    // Types a records lead added after training: signals only, from the mean logit.
    const base = zs.length ? zs.reduce((a, b) => a + b, 0) / zs.length : 0
    for (const t of this.docTypes.types) {
      if (m.classes.includes(t.type)) continue
      types.push(t.type)
      zs.push(base + Math.max(NEW_TYPE_SIGNAL_WEIGHT, NEW_TYPE_SIGNAL_RATIO * m.signalBeta) * squash(sig.get(t.type)?.total ?? 0))
    }
    const probs = new Float64Array(zs.length)
    let max = -Infinity
    for (const v of zs) max = Math.max(max, v / m.temperature)
    let sum = 0
    zs.forEach((v, i) => {
      probs[i] = Math.exp(v / m.temperature - max)
      sum += probs[i]!
    })
    for (let i = 0; i < probs.length; i++) probs[i] = probs[i]! / sum
    const K = m.classes.length
    const contributions = (k: number): [string, number][] => {
      const out: [string, number][] = []
      for (let j = 0; j < vector.idx.length; j++) {
        const f = vector.idx[j]!
        const g = grams.get(f)
        if (g !== undefined) out.push([g, m.weights.W[f * K + k]! * vector.val[j]!])
      }
      return out.sort((a, b) => b[1] - a[1])
    }
    return { types, probs, signals, contributions }
  }

  /** A file's pages are classified while it is split, then the whole document: the same text twice for one page. */
  private readonly recent = new RecentResults<Classification>(8)

  classify(text: string): Classification {
    return this.recent.get(text, () => this.classifyAnew(text))
  }

  private classifyAnew(text: string): Classification {
    const { types, probs, signals, contributions } = this.scores(text)
    const order = types.map((_, i) => i).sort((a, b) => probs[b]! - probs[a]!)
    if (order.length === 0) {
      return {
        type: 'other',
        confidence: 0,
        alternatives: [],
        reasons: ['no document types are defined'],
        needsReview: true,
        threshold: this.reviewThreshold,
      }
    }
    const best = order[0]!
    const type = types[best]!
    const confidence = probs[best]!
    const reasons: string[] = []
    const s = signals.find((x) => x.type === type)
    if (s?.title) reasons.push(`heading "${s.title}" names a ${type}`)
    if (s && s.keywords.length) reasons.push(`${type} words found: ${s.keywords.slice(0, 6).join(', ')}`)
    if (s && s.patterns.length) reasons.push(`${s.patterns.length} ${type} pattern(s) matched`)
    const k = this.model.classes.indexOf(type)
    if (k >= 0) {
      const top = contributions(k)
        .filter(([, v]) => v > 0)
        .slice(0, 6)
        .map(([g]) => `"${g}"`)
      if (top.length) reasons.push(`model: strongest words ${top.join(', ')}`)
    } else {
      reasons.push(`${type} was added after the model was trained; chosen on its type file's signals only`)
    }
    if (text.trim().length < 200) reasons.push('very little text to go on')
    const threshold = this.thresholdFor(type)
    const needsReview = confidence < threshold
    if (needsReview) reasons.push(`confidence ${confidence.toFixed(2)} is below the review threshold ${threshold.toFixed(2)}`)
    const alternatives = order.slice(1, 1 + this.nAlternatives).map((i) => ({ type: types[i]!, confidence: probs[i]! }))
    return { type, confidence, alternatives, reasons, needsReview, threshold }
  }

  /** Classifies the text of an extracted document (all pages). */
  classifyExtracted(doc: ExtractedText): Classification {
    return this.classify(doc.fullText)
  }
}

/**
 * The shipped model (`models/doctype-model.json`) with the shipped type files
 * (`rules/doctypes/`), or the ones given. Throws MODEL_INVALID or RULE_FILE_INVALID.
 */
export function loadDefaultClassifier(opts: ClassifierOptions & { modelPath?: string; docTypesDir?: string } = {}): DoctypeClassifier {
  const model = loadModel(opts.modelPath ?? defaultModelPath())
  const docTypes = loadDocTypes(opts.docTypesDir ?? defaultDocTypesDir())
  return new DoctypeClassifier(model, docTypes, opts)
}
