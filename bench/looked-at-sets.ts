/**
 * The document-type model on the sets that have been looked at (never a blind set):
 * eval/independent, -2, -3, -4, -5 (each measured several times, no longer blind), the corpus's held-back fifth (chartclerk's labels) and the generated
 * unseen-style set. Prints accuracy, calibration error, review share and wrong types filed per set.
 * The shipped model now trains on the hand-written sets (src/classify/lookedAtSets.ts), so on them
 * these figures are in-sample; bench/set-folds.ts gives the held-out ones.
 * The blind set eval/independent-8 is never listed here: it is measured only
 * when named, by `chartclerk model eval` and `bench/two-identifiers.ts --set`.
 *
 *   npx tsx bench/looked-at-sets.ts [--model FILE] [--misses]
 */
import path from 'node:path'
import { loadDefaultClassifier } from '../src/classify/classifier.js'
import { evaluatePredictions, type Prediction } from '../src/classify/evaluate.js'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { packageRoot } from '../src/classify/paths.js'
import { sharedCorpusPath } from './sharedCorpus.js'
import { heldOutCorpus } from '../src/classify/training/train.js'

const args = process.argv.slice(2)
const modelPath = args.includes('--model') ? args[args.indexOf('--model') + 1] : undefined
const misses = args.includes('--misses')
const corpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1]! : sharedCorpusPath()!
const root = packageRoot()
const clf = loadDefaultClassifier(modelPath ? { modelPath } : {})
const sets: [string, { text: string; type: string; id?: string }[]][] = [
  ['independent', readLabelledJsonl(path.join(root, 'eval/independent/independent-eval.jsonl')).rows],
  ['independent-2', readLabelledJsonl(path.join(root, 'eval/independent-2/independent-2-eval.jsonl')).rows],
  ['independent-3', readLabelledJsonl(path.join(root, 'eval/independent-3/independent-3-eval.jsonl')).rows],
  ['independent-4', readLabelledJsonl(path.join(root, 'eval/independent-4/independent-4-eval.jsonl')).rows],
  ['independent-5', readLabelledJsonl(path.join(root, 'eval/independent-5/independent-5-eval.jsonl')).rows],
  ['corpus fifth', heldOutCorpus([corpus])],
  ['unseen-styles', readLabelledJsonl(path.join(root, 'training/unseen-styles/eval.jsonl')).rows],
]
for (const [name, rows] of sets) {
  const preds: (Prediction & { id?: string })[] = rows.map((x) => {
    const c = clf.classify(x.text)
    return { truth: x.type, predicted: c.type, confidence: c.confidence, needsReview: c.needsReview, id: x.id }
  })
  const r = evaluatePredictions(preds, clf.reviewThreshold)
  const weak = Object.entries(r.perType)
    .filter(([, v]) => v.n > 0 && v.recall < 0.9)
    .map(([t, v]) => `${t} ${(v.recall * 100).toFixed(0)}%`)
  console.log(
    `${name.padEnd(14)} n=${String(rows.length).padStart(3)} acc ${(r.accuracy * 100).toFixed(1)}% ece ${r.ece.toFixed(3)} review ${(r.reviewShare * 100).toFixed(1)}% wrongFiled ${r.autoErrors}  weak: ${weak.join(', ')}`,
  )
  if (misses)
    for (const p of preds)
      if (p.truth !== p.predicted)
        console.log(`    ${p.id ?? ''} ${p.truth} -> ${p.predicted} ${p.confidence.toFixed(3)}${p.needsReview ? '' : ' FILED'}`)
}
