/**
 * The document-type model file (`models/doctype-model.json`): vocabulary, quantized
 * weights, calibration, review threshold and where it came from. Holds figures only,
 * never training texts.
 */
import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs'
import path from 'node:path'
import { ChartclerkError } from '../errors.js'
import type { LogRegWeights } from './logreg.js'

export const MODEL_FORMAT = 'chartclerk-doctype-model'
export const MODEL_VERSION = 1

export interface ModelSource {
  /** File name only (no folders), e.g. doctype-dev.jsonl. */
  file: string
  sha256: string
  /** Rows per type in the file. */
  counts: Record<string, number>
  trainedOn: number
  heldOut: number
}

export interface EvalFigures {
  n: number
  accuracy: number
  /** Share with confidence below the review threshold. */
  reviewShare: number
  /** Accuracy of the documents that would be filed without review. */
  autoAccuracy: number
  autoErrors: number
  /** Expected calibration error (10 equal-width confidence bins); absent in older models. */
  ece?: number
}

export interface ModelMetadata {
  trainedAt: string
  trainingSeconds: number
  sources: ModelSource[]
  synthetic: { seed: number; counts: Record<string, number> }
  extraExamples: { count: number; counts: Record<string, number> }
  trainingDocuments: number
  options: Record<string, unknown>
  eval: Record<string, EvalFigures>
  notes: string[]
  /**
   * One bias per type (logit units) added to the trained model by training/calibrate-styles.ts,
   * the sets it was fitted on and its L2 pull; absent when none was added.
   */
  styleBiases?: { l2: number; sets: string[]; biases: Record<string, number> }
}

/** The model as it sits in memory, weights dequantized. */
export interface DoctypeModel {
  classes: string[]
  vocabulary: string[]
  signalTypes: string[]
  weights: LogRegWeights
  /** Logits are divided by this before softmax (fitted on the calibration split). */
  temperature: number
  /** How much the type files' signal scores add to the logits at classification time. */
  signalBeta: number
  /** Confidence below which a document goes to review. */
  reviewThreshold: number
  /** Norm of the headings-and-structure block of a feature vector (absent or 0: one norm for all; see Vectorizer). */
  structureWeight?: number
  /**
   * Lower review thresholds for the types whose calibration documents showed no wrong answer
   * between them and `reviewThreshold` (see chooseTypeThresholds); other types use `reviewThreshold`.
   */
  typeThresholds?: Record<string, number>
  metadata: ModelMetadata
}

interface ModelFile {
  format: string
  version: number
  classes: string[]
  signalTypes: string[]
  temperature: number
  signalBeta: number
  reviewThreshold: number
  structureWeight?: number
  typeThresholds?: Record<string, number>
  metadata: ModelMetadata
  bias: number[]
  /** Feature-major int16 weights, base64, with one scale per class. */
  weights: { encoding: 'int16-base64'; dim: number; scales: number[]; data: string }
  vocabulary: string[]
}

export function serializeModel(m: DoctypeModel): string {
  const K = m.classes.length
  const D = m.weights.dim
  const scales = new Array<number>(K).fill(0)
  for (let f = 0; f < D; f++) {
    for (let k = 0; k < K; k++) scales[k] = Math.max(scales[k]!, Math.abs(m.weights.W[f * K + k]!))
  }
  for (let k = 0; k < K; k++) scales[k] = scales[k]! > 0 ? scales[k]! / 32767 : 1
  const q = Buffer.alloc(D * K * 2)
  for (let f = 0; f < D; f++) {
    for (let k = 0; k < K; k++) q.writeInt16LE(Math.round(m.weights.W[f * K + k]! / scales[k]!), (f * K + k) * 2)
  }
  const file: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    classes: m.classes,
    signalTypes: m.signalTypes,
    temperature: m.temperature,
    signalBeta: m.signalBeta,
    reviewThreshold: m.reviewThreshold,
    ...(m.structureWeight ? { structureWeight: m.structureWeight } : {}),
    ...(m.typeThresholds && Object.keys(m.typeThresholds).length ? { typeThresholds: m.typeThresholds } : {}),
    metadata: m.metadata,
    bias: Array.from(m.weights.b, (x) => Number(x.toFixed(6))),
    weights: { encoding: 'int16-base64', dim: D, scales, data: q.toString('base64') },
    vocabulary: m.vocabulary,
  }
  return `${JSON.stringify(file)}\n`
}

export function saveModel(m: DoctypeModel, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.tmp-${process.pid}`
  writeFileSync(tmp, serializeModel(m))
  renameSync(tmp, file)
}

function invalid(file: string, why: string): ChartclerkError {
  return new ChartclerkError(
    'MODEL_INVALID',
    `The document-type model ${file} cannot be used (${why}). Retrain it with "chartclerk model train" or restore the shipped models/doctype-model.json.`,
    { detail: `${path.basename(file)}: ${why}`, stage: 'classify' },
  )
}

const isStrArr = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string')
const isNumArr = (x: unknown): x is number[] => Array.isArray(x) && x.every((s) => typeof s === 'number' && Number.isFinite(s))

export function parseModel(text: string, file = 'model'): DoctypeModel {
  let raw: Partial<ModelFile>
  try {
    raw = JSON.parse(text) as Partial<ModelFile>
  } catch {
    throw invalid(file, 'not JSON')
  }
  if (raw.format !== MODEL_FORMAT) throw invalid(file, 'not a chartclerk document-type model')
  if (raw.version !== MODEL_VERSION)
    throw invalid(file, `model version ${String(raw.version)} is not supported (expected ${MODEL_VERSION})`)
  if (!isStrArr(raw.classes) || raw.classes.length < 2) throw invalid(file, 'classes missing')
  if (!isStrArr(raw.vocabulary) || !isStrArr(raw.signalTypes)) throw invalid(file, 'vocabulary missing')
  const K = raw.classes.length
  const w = raw.weights
  if (!w || w.encoding !== 'int16-base64' || typeof w.data !== 'string' || !isNumArr(w.scales) || w.scales.length !== K) {
    throw invalid(file, 'weights missing or in an unknown encoding')
  }
  const D = raw.vocabulary.length + 3 * raw.signalTypes.length
  if (w.dim !== D) throw invalid(file, `weight dimension ${String(w.dim)} does not match the vocabulary (${D})`)
  const buf = Buffer.from(w.data, 'base64')
  if (buf.byteLength !== D * K * 2) throw invalid(file, 'weights truncated')
  if (!isNumArr(raw.bias) || raw.bias.length !== K) throw invalid(file, 'bias missing')
  for (const key of ['temperature', 'signalBeta', 'reviewThreshold'] as const) {
    if (typeof raw[key] !== 'number' || !Number.isFinite(raw[key])) throw invalid(file, `${key} missing`)
  }
  if (raw.temperature! <= 0) throw invalid(file, 'temperature must be positive')
  if (raw.structureWeight !== undefined && !(typeof raw.structureWeight === 'number' && raw.structureWeight >= 0))
    throw invalid(file, 'structureWeight must be a number of at least 0')
  const tt = raw.typeThresholds
  if (
    tt !== undefined &&
    (typeof tt !== 'object' || tt === null || Object.values(tt).some((v) => typeof v !== 'number' || !(v >= 0 && v <= 1)))
  )
    throw invalid(file, 'typeThresholds must map types to numbers from 0 to 1')
  const W = new Float32Array(D * K)
  for (let f = 0; f < D; f++) for (let k = 0; k < K; k++) W[f * K + k] = buf.readInt16LE((f * K + k) * 2) * w.scales[k]!
  return {
    classes: raw.classes,
    vocabulary: raw.vocabulary,
    signalTypes: raw.signalTypes,
    weights: { classes: K, dim: D, W, b: Float32Array.from(raw.bias) },
    temperature: raw.temperature!,
    signalBeta: raw.signalBeta!,
    reviewThreshold: raw.reviewThreshold!,
    ...(raw.structureWeight ? { structureWeight: raw.structureWeight } : {}),
    ...(tt && Object.keys(tt).length ? { typeThresholds: { ...tt } } : {}),
    metadata: (raw.metadata ?? {}) as ModelMetadata,
  }
}

export function loadModel(file: string): DoctypeModel {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw invalid(file, `cannot read: ${(err as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  return parseModel(text, file)
}
