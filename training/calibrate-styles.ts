/**
 * Style calibration of a trained document-type model: one bias per type fitted on writing in
 * styles the model never trained on, its L2 pull chosen by leave-one-set-out folds (see
 * src/classify/training/styleBiases.ts). Run after training/train-default.ts:
 *
 *   npx tsx training/calibrate-styles.ts [--model models/doctype-model.json] [--out FILE] [--dry-run]
 *
 * Fitted on: the looked-at hand-written sets (eval/independent, -2 ... -7) the model did NOT train
 * on, and the corpus's held-back fifth (real transcriptions: the style the model trained on, so
 * biases that suit only new styles must not cost it), each its own fold, with the generated unseen
 * styles' calibration file in every fit. The shipped model trains on all seven sets, so there is no
 * hand-written set left to fit on and the script leaves it without biases (a model trained with
 * --no-looked-at-sets gets them as before). Never on a set being written blind.
 * Running it again on its own output first takes its earlier biases off, so it gives the same model.
 */
import path from 'node:path'
import { DoctypeClassifier } from '../src/classify/classifier.js'
import { loadDocTypes } from '../src/classify/doctypes.js'
import { existsSync } from 'node:fs'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { loadModel, saveModel } from '../src/classify/model.js'
import { defaultModelPath, packageRoot } from '../src/classify/paths.js'
import { calibrateStyleBiases, type SetDecisions, type StyleSet } from '../src/classify/training/styleBiases.js'
import { evaluatePredictions, figures } from '../src/classify/evaluate.js'
import { LOOKED_AT_SETS, lookedAtFile } from '../src/classify/lookedAtSets.js'
import type { LabelledText } from '../src/classify/training/synthetic/index.js'
import { heldOutCorpus, heldOutSynthetic, robustnessVariants } from '../src/classify/training/train.js'

const args = process.argv.slice(2)
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const modelFile = opt('--model') ?? defaultModelPath()
const out = opt('--out') ?? modelFile
const dryRun = args.includes('--dry-run')
const root = packageRoot()

const corpus = [
  path.resolve(root, '..', 'shared', 'corpus', 'doctype-dev.jsonl'),
  path.resolve(root, '..', '..', 'shared', 'corpus', 'doctype-dev.jsonl'),
].find((f) => existsSync(f))
if (!corpus) throw new Error('the shared corpus (doctype-dev.jsonl) was not found beside the repository')
const loaded = loadModel(modelFile)
const trainedOn = new Set(loaded.metadata.sources.map((s) => s.file))
const untrained = LOOKED_AT_SETS.filter((s) => !trainedOn.has(path.basename(lookedAtFile(s, root))))
console.log(`looked-at sets the model did not train on: ${untrained.join(', ') || 'none'}`)
const hand: StyleSet[] = [
  ...untrained.map((s) => ({ name: s, rows: readLabelledJsonl(lookedAtFile(s, root)).rows })),
  { name: 'corpus fifth', rows: heldOutCorpus([corpus]) },
]
const styles: StyleSet = {
  name: 'unseen-styles calibration',
  rows: readLabelledJsonl(path.join(root, 'training/unseen-styles/calibration.jsonl')).rows,
}
const docTypes = loadDocTypes()
const fmt = (d: SetDecisions): string =>
  `right ${d.right}/${d.n}, review ${d.review} (${((100 * d.review) / d.n).toFixed(1)}%), wrong filed ${d.wrongFiled}`
// Biases need writing in styles the model never trained on beside the corpus's own.
const { model, record, folds } = calibrateStyleBiases(
  loaded,
  (m) => new DoctypeClassifier(m, docTypes),
  untrained.length ? hand : [],
  untrained.length ? [styles] : [],
)
for (const f of untrained.length ? folds : []) {
  console.log(`l2 ${f.l2}: held-out sets ${fmt(f.total.before)} -> ${fmt(f.total.after)}`)
  for (const s of f.sets) console.log(`    ${s.name.padEnd(14)} ${fmt(s.before)} -> ${fmt(s.after)}`)
}
if (!record) console.log('no style biases: the model is left as trained')
else console.log(`chosen l2 ${record.l2}; biases: ${JSON.stringify(record.biases)}`)
if (dryRun) process.exit(0)
// The held-out figures stored in the model (chartclerk model info) are the final model's.
const shipped = new DoctypeClassifier(model, docTypes)
const heldSynth = heldOutSynthetic()
const figureSets: Record<string, LabelledText[]> = { corpus_heldout: hand.at(-1)!.rows.slice(), synthetic_heldout: heldSynth }
const corpusVariants = robustnessVariants(figureSets.corpus_heldout!, docTypes)
const synthVariants = robustnessVariants(heldSynth, docTypes)
for (const k of ['noisy', 'untitled', 'short'] as const) {
  figureSets[`corpus_heldout_${k}`] = corpusVariants[k]
  figureSets[`synthetic_heldout_${k}`] = synthVariants[k]
}
model.metadata = {
  ...model.metadata,
  eval: Object.fromEntries(
    Object.entries(figureSets).map(([name, rows]) => {
      const preds = rows.map((x) => {
        const c = shipped.classify(x.text)
        return { truth: x.type, predicted: c.type, confidence: c.confidence, needsReview: c.needsReview }
      })
      return [name, figures(evaluatePredictions(preds, model.reviewThreshold))]
    }),
  ),
}
saveModel(model, out)
console.log(`wrote ${out}`)
