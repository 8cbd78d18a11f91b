/**
 * Style calibration of the shipped document-type model: one bias per type fitted on writing in
 * styles the model never trained on, its L2 pull chosen by leave-one-set-out folds (see
 * src/classify/training/styleBiases.ts). Run after training/train-default.ts:
 *
 *   npx tsx training/calibrate-styles.ts [--model models/doctype-model.json] [--out FILE] [--dry-run]
 *
 * Fitted on: the hand-written sets already looked at (eval/independent, -2, -3, -4, -5) and the
 * corpus's held-back fifth (real transcriptions: the style the model trained on, so biases that
 * suit only new styles must not cost it), each its own fold, and the generated unseen styles'
 * calibration file in every fit. Never on a blind set (eval/independent-6, -7).
 * Running it again on its own output first takes its earlier biases off, so it gives the same model.
 */
import path from 'node:path'
import { DoctypeClassifier } from '../src/classify/classifier.js'
import { loadDocTypes } from '../src/classify/doctypes.js'
import { existsSync } from 'node:fs'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { loadModel, saveModel, type DoctypeModel } from '../src/classify/model.js'
import { defaultModelPath, packageRoot } from '../src/classify/paths.js'
import {
  chooseL2,
  fitStyleBiases,
  leaveOneSetOut,
  scoreSets,
  withStyleBiases,
  type SetDecisions,
  type StyleSet,
} from '../src/classify/training/styleBiases.js'
import { evaluatePredictions, figures } from '../src/classify/evaluate.js'
import type { LabelledText } from '../src/classify/training/synthetic/index.js'
import { heldOutCorpus, heldOutSynthetic, robustnessVariants } from '../src/classify/training/train.js'

export const L2_GRID = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2]
export const HAND_SETS = ['independent', 'independent-2', 'independent-3', 'independent-4', 'independent-5']
const BLIND = /independent-(6|7)\b/

const args = process.argv.slice(2)
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const modelFile = opt('--model') ?? defaultModelPath()
const out = opt('--out') ?? modelFile
const dryRun = args.includes('--dry-run')
const root = packageRoot()

const read = (name: string, file: string): StyleSet => {
  if (BLIND.test(file)) throw new Error(`${file} is a blind set: never calibrate on it`)
  return { name, rows: readLabelledJsonl(path.join(root, file)).rows }
}
const corpus = [
  path.resolve(root, '..', 'shared', 'corpus', 'doctype-dev.jsonl'),
  path.resolve(root, '..', '..', 'shared', 'corpus', 'doctype-dev.jsonl'),
].find((f) => existsSync(f))
if (!corpus) throw new Error('the shared corpus (doctype-dev.jsonl) was not found beside the repository')
const hand = [...HAND_SETS.map((s) => read(s, `eval/${s}/${s}-eval.jsonl`)), { name: 'corpus fifth', rows: heldOutCorpus([corpus]) }]
const styles = read('unseen-styles calibration', 'training/unseen-styles/calibration.jsonl')

type StyleBiasRecord = NonNullable<DoctypeModel['metadata']['styleBiases']>
const loaded = loadModel(modelFile)
const earlier = loaded.metadata.styleBiases
// Start from the model as trained: take earlier style biases off.
const base: DoctypeModel = earlier
  ? withStyleBiases(
      loaded,
      Float64Array.from(loaded.classes, (c) => -(earlier.biases[c] ?? 0)),
    )
  : loaded
const docTypes = loadDocTypes()
const clf = new DoctypeClassifier(base, docTypes)
const handScored = scoreSets(clf, hand)
const [stylesScored] = scoreSets(clf, [styles])
const thresholdFor = (t: string): number => clf.thresholdFor(t)

const fmt = (d: SetDecisions): string =>
  `right ${d.right}/${d.n}, review ${d.review} (${((100 * d.review) / d.n).toFixed(1)}%), wrong filed ${d.wrongFiled}`
// Is the confidence under- or over-confident on these styles as a whole? The temperature that
// would fit them best, as a multiple of the model's (1: as calibrated; above 1: over-confident).
const meanLoss = (scale: number): number => {
  let loss = 0
  let n = 0
  for (const s of handScored.slice(0, HAND_SETS.length))
    s.z.forEach((z, i) => {
      const y = s.y[i]!
      if (y < 0) return
      let sum = 0
      for (const v of z) sum += Math.exp(v / base.temperature / scale)
      loss -= z[y]! / base.temperature / scale - Math.log(sum)
      n++
    })
  return loss / n
}
const scales = Array.from({ length: 31 }, (_, i) => 0.5 + i * 0.05)
const bestScale = scales.reduce((a, b) => (meanLoss(b) < meanLoss(a) ? b : a))
console.log(
  `hand-written sets: best temperature ${bestScale.toFixed(2)} x the model's (log loss ${meanLoss(1).toFixed(3)} -> ${meanLoss(bestScale).toFixed(3)})`,
)
const folds = L2_GRID.map((l2) => leaveOneSetOut(base, thresholdFor, handScored, [stylesScored!], l2))
for (const f of folds) {
  console.log(`l2 ${f.l2}: held-out sets ${fmt(f.total.before)} -> ${fmt(f.total.after)}`)
  for (const s of f.sets) console.log(`    ${s.name.padEnd(14)} ${fmt(s.before)} -> ${fmt(s.after)}`)
}
const chosen = chooseL2(folds)
if (!chosen) {
  console.log('every L2 pull files more wrong types on held-out sets than no biases: the model is left as it is')
  process.exit(0)
}
const bias = fitStyleBiases([...handScored, stylesScored!], base.temperature, chosen.l2)
const record: StyleBiasRecord = {
  l2: chosen.l2,
  sets: [...hand.map((s) => s.name), styles.name],
  biases: Object.fromEntries(base.classes.map((c, k) => [c, Math.round(bias[k]! * 1e4) / 1e4])),
}
console.log(`chosen l2 ${chosen.l2}; biases: ${JSON.stringify(record.biases)}`)
if (dryRun) process.exit(0)
const rounded = Float64Array.from(base.classes, (c) => record.biases[c]!)
const model = withStyleBiases(base, rounded)
// The held-out figures stored in the model (chartclerk model info) are the biased model's.
const shipped = new DoctypeClassifier(model, docTypes)
const heldSynth = heldOutSynthetic()
const figureSets: Record<string, LabelledText[]> = { corpus_heldout: hand.at(-1)!.rows.slice(), synthetic_heldout: heldSynth }
const corpusVariants = robustnessVariants(figureSets.corpus_heldout!, docTypes)
const synthVariants = robustnessVariants(heldSynth, docTypes)
for (const k of ['noisy', 'untitled', 'short'] as const) {
  figureSets[`corpus_heldout_${k}`] = corpusVariants[k]
  figureSets[`synthetic_heldout_${k}`] = synthVariants[k]
}
const evalFigures = Object.fromEntries(
  Object.entries(figureSets).map(([name, rows]) => {
    const preds = rows.map((x) => {
      const c = shipped.classify(x.text)
      return { truth: x.type, predicted: c.type, confidence: c.confidence, needsReview: c.needsReview }
    })
    return [name, figures(evaluatePredictions(preds, model.reviewThreshold))]
  }),
)
model.metadata = {
  ...base.metadata,
  eval: evalFigures,
  styleBiases: record,
  notes: [
    ...base.metadata.notes.filter((n) => !n.startsWith('Style biases:')),
    `Style biases: one bias per type fitted by training/calibrate-styles.ts on ${record.sets.join(', ')} (L2 ${chosen.l2}, chosen by leave-one-set-out folds); the blind sets were not used.`,
  ],
}
saveModel(model, out)
console.log(`wrote ${out}`)
