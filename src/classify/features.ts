/**
 * Turns a text into a sparse feature vector: word unigrams and bigrams from a fixed
 * vocabulary (log term frequency, L2-normalized), plus three features per document type
 * from the type files' signals (title heading found, keyword score, pattern score).
 */
import type { DocTypeSet } from './doctypes.js'
import { ngrams, normalizeText, tokensOfNormalized } from './normalize.js'
import { analyzeText, scoreSignals, squash, type TextAnalysis, type TypeSignalScore } from './signals.js'

export interface SparseVector {
  idx: Int32Array
  val: Float32Array
}

/** Signal features per type, in this order. */
export const SIGNAL_FEATURES = ['title', 'keywords', 'patterns'] as const

export interface Featurized {
  vector: SparseVector
  signals: TypeSignalScore[]
  /** The n-gram feature strings present (for explanations). */
  grams: Map<number, string>
}

/** Counts n-grams of a text (no vocabulary), for building one. */
export function countGrams(text: string): Map<string, number> {
  const grams = ngrams(tokensOfNormalized(normalizeText(text)))
  const m = new Map<string, number>()
  for (const g of grams) m.set(g, (m.get(g) ?? 0) + 1)
  return m
}

/**
 * Chooses the vocabulary: n-grams found in at least `minDf` training texts, the most
 * widespread first, at most `maxFeatures`.
 */
export function buildVocabulary(
  texts: Iterable<string | TextAnalysis>,
  opts: { minDf: number; maxFeatures: number; structure?: boolean; headingLayout?: boolean },
): string[] {
  const df = new Map<string, number>()
  for (const t of texts) {
    const seen = new Set(
      typeof t === 'string'
        ? countGrams(t).keys()
        : [...ngrams(t.tokens), ...t.headings.map((h) => `§${h}`), ...t.structure.map((s) => `§§${s}`)],
    )
    for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1)
  }
  return [...df.entries()]
    .filter(
      ([g, n]) =>
        n >= opts.minDf && (opts.structure !== false || !g.startsWith('§§')) && (opts.headingLayout !== false || !isHeadingLayout(g)),
    )
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.maxFeatures)
    .map(([g]) => g)
}

/**
 * A feature of one template's layout rather than of what the document is: an exact heading
 * ("§history of present illness"), the first heading's exact words ("§§first hpi") or which exact
 * heading follows which ("§§hpi > ros"). The sections named by what they are ("§§sec hpi") are not.
 */
export function isHeadingLayout(g: string): boolean {
  if (!g.startsWith('§')) return false
  if (!g.startsWith('§§')) return true
  return g.startsWith('§§first ') || g.includes(' > ')
}

export class Vectorizer {
  readonly vocabulary: readonly string[]
  readonly signalTypes: readonly string[]
  readonly dim: number
  private readonly index: Map<string, number>

  /**
   * 0: words and structure share one L2 norm (models trained before structure had its own block).
   * Above 0: the words are scaled to norm 1 and the headings and page structure, apart, to this
   * norm, so a few section features are not drowned by hundreds of words.
   */
  readonly structureWeight: number

  constructor(vocabulary: readonly string[], signalTypes: readonly string[], structureWeight = 0) {
    this.vocabulary = vocabulary
    this.signalTypes = signalTypes
    this.structureWeight = structureWeight
    this.index = new Map(vocabulary.map((g, i) => [g, i]))
    this.dim = vocabulary.length + SIGNAL_FEATURES.length * signalTypes.length
  }

  /** Index of the first signal feature of a type, or -1. */
  signalOffset(type: string): number {
    const i = this.signalTypes.indexOf(type)
    return i < 0 ? -1 : this.vocabulary.length + SIGNAL_FEATURES.length * i
  }

  featurize(text: string | TextAnalysis, docTypes: DocTypeSet, signalScores?: TypeSignalScore[]): Featurized {
    const a = typeof text === 'string' ? analyzeText(text) : text
    const grams = ngrams(a.tokens, (w) => this.index.has(w))
    for (const h of a.headings) grams.push(`§${h}`)
    for (const s of a.structure) grams.push(`§§${s}`)
    const tf = new Map<number, number>()
    for (const g of grams) {
      const i = this.index.get(g)
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1)
    }
    const signals = signalScores ?? scoreSignals(docTypes, a)
    const entries: [number, number][] = []
    const blocked = this.structureWeight > 0
    // Block 0: words; block 1: headings and structure (only when they have a block of their own).
    const norm2 = [0, 0]
    const blockOf = (i: number): number => (blocked && this.vocabulary[i]!.startsWith('§') ? 1 : 0)
    for (const [i, c] of tf) {
      const v = 1 + Math.log(c)
      entries.push([i, v])
      const b = blockOf(i)
      norm2[b] = norm2[b]! + v * v
    }
    const scales = [norm2[0]! > 0 ? 1 / Math.sqrt(norm2[0]!) : 0, norm2[1]! > 0 ? this.structureWeight / Math.sqrt(norm2[1]!) : 0]
    for (const e of entries) e[1] *= scales[blockOf(e[0])]!
    for (const s of signals) {
      const off = this.signalOffset(s.type)
      if (off < 0) continue
      if (s.title) entries.push([off, 1])
      if (s.keywordScore !== 0) entries.push([off + 1, squash(s.keywordScore) / 2])
      if (s.patternScore !== 0) entries.push([off + 2, squash(s.patternScore) / 2])
    }
    entries.sort((a, b) => a[0] - b[0])
    const names = new Map<number, string>()
    for (const [i] of tf) names.set(i, this.vocabulary[i]!)
    return {
      vector: { idx: Int32Array.from(entries.map((e) => e[0])), val: Float32Array.from(entries.map((e) => e[1])) },
      signals,
      grams: names,
    }
  }
}
