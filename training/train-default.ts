/**
 * Trains the shipped document-type model.
 *
 *   npx tsx training/train-default.ts [--corpus FILE ...] [--out models/doctype-model.json] [--no-looked-at-sets]
 *
 * The default corpus is ../shared/corpus/doctype-dev.jsonl (outside this repository: its
 * texts are never committed; only the trained weights are). The looked-at hand-written sets
 * (eval/independent, -2 ... -7; src/classify/lookedAtSets.ts) are trained on in full, each
 * document as it is plus LOOKED_AT_COPIES dressed copies; --no-looked-at-sets trains without them.
 */
import path from 'node:path'
import { DoctypeClassifier } from '../src/classify/classifier.js'
import { evaluatePredictions } from '../src/classify/evaluate.js'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { loadDocTypes } from '../src/classify/doctypes.js'
import { formatReport } from '../src/classify/evaluate.js'
import { saveModel } from '../src/classify/model.js'
import { defaultModelPath, packageRoot } from '../src/classify/paths.js'
import { trainDoctypeModel } from '../src/classify/training/train.js'
import { lookedAtTrainSets } from '../src/classify/lookedAtSets.js'

const args = process.argv.slice(2)
const corpus: string[] = []
let out = defaultModelPath()
let verbose = false
let styleCalibration = true
let lookedAt = true
const overrides: Record<string, number> = {}
for (let i = 0; i < args.length; i++) {
  const a = args[i]!
  if (a === '--corpus') corpus.push(args[++i]!)
  else if (a === '--out') out = args[++i]!
  else if (a === '--verbose') verbose = true
  else if (a === '--no-style-calibration') styleCalibration = false
  else if (a === '--no-looked-at-sets') lookedAt = false
  else if (a.startsWith('--') && a.includes('=')) overrides[a.slice(2, a.indexOf('='))] = Number(a.slice(a.indexOf('=') + 1))
  else throw new Error(`unknown argument ${a}`)
}
if (corpus.length === 0) corpus.push(path.resolve(packageRoot(), '..', 'shared', 'corpus', 'doctype-dev.jsonl'))

const unseen = path.join(packageRoot(), 'training', 'unseen-styles')
const { model, reports } = trainDoctypeModel({
  corpusFiles: corpus,
  calibrationFiles: styleCalibration ? [path.join(unseen, 'calibration.jsonl')] : [],
  trainSets: lookedAt ? lookedAtTrainSets() : [],
  docTypes: loadDocTypes(),
  log: (m) => {
    if (verbose || !m.includes('epoch')) console.error(m)
  },
  ...overrides,
})
// The style-disjoint set: house styles no training document uses (training/unseen-styles/).
const clf = new DoctypeClassifier(model, loadDocTypes())
const rows = readLabelledJsonl(path.join(unseen, 'eval.jsonl')).rows
reports.unseen_styles = evaluatePredictions(
  rows.map((x) => {
    const c = clf.classify(x.text)
    return { truth: x.type, predicted: c.type, confidence: c.confidence, needsReview: c.needsReview }
  }),
  model.reviewThreshold,
)
saveModel(model, out)
console.error(`wrote ${out}`)
for (const [name, r] of Object.entries(reports)) {
  if (name === 'corpus_heldout' || name === 'synthetic_heldout' || name === 'unseen_styles' || verbose)
    console.log(`\n${formatReport(r, name)}`)
}
