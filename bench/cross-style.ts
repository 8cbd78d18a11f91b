/**
 * Cross-style validation of a training recipe: trains the document-type model with the given
 * options and measures it only on writing no training document shares a style with, so that a
 * recipe is chosen for carrying across styles, not for fitting the sets it is measured on.
 *
 *   - hand-written: eval/independent, -2, -3, -4, -5 (each and pooled; -4 and -5 were blind once and
 *     have since been measured several times). Never trained on.
 *   - corpus fifth: the corpus's held-back rows (the corpus's style is trained on: in-style figure).
 *   - with --loso, leave one source out: the same recipe trained without the corpus (the generator
 *     alone) and measured on every corpus row, a whole source of real writing it never saw; its
 *     balanced accuracy (each type weighing the same) and log loss are the transfer figures.
 *
 * The blind sets (eval/independent-6, -7) are never read here.
 *
 *   npx tsx bench/cross-style.ts --name NAME [--loso | --loso-only] [--out FILE] [--style-biases L2] [--option=value ...]
 *
 * --style-biases L2: the recipe followed by training/calibrate-styles.ts; each hand-written set and
 * the corpus fifth is read with style biases fitted on all the other sets (never on itself).
 *
 * Options are trainDoctypeModel's (l2=1e-4, minDf=5, headingLayout=0, restyle=0.5, ...).
 * Writes bench/results/cross-style/NAME.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { DoctypeClassifier } from '../src/classify/classifier.js'
import { loadDocTypes } from '../src/classify/doctypes.js'
import { evaluatePredictions, type Prediction } from '../src/classify/evaluate.js'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { saveModel } from '../src/classify/model.js'
import { packageRoot } from '../src/classify/paths.js'
import { sharedCorpusPath } from './sharedCorpus.js'
import { conventionalType } from '../src/classify/training/labelConventions.js'
import { fitStyleBiases, scoreSets, withStyleBiases, type StyleSet } from '../src/classify/training/styleBiases.js'
import { heldOutCorpus, trainDoctypeModel, type TrainOptions } from '../src/classify/training/train.js'

const args = process.argv.slice(2)
let name = 'run'
let loso = false
let losoOnly = false
let out: string | undefined
/** With --style-biases L2: each set measured with style biases fitted on the others (training/calibrate-styles.ts's folds). */
let styleBiasL2: number | undefined
const overrides: Record<string, number | boolean> = {}
for (let i = 0; i < args.length; i++) {
  const a = args[i]!
  if (a === '--name') name = args[++i]!
  else if (a === '--loso') loso = true
  else if (a === '--loso-only') loso = losoOnly = true
  else if (a === '--out') out = args[++i]!
  else if (a === '--style-biases') styleBiasL2 = Number(args[++i]!)
  else if (a.startsWith('--') && a.includes('=')) {
    const v = a.slice(a.indexOf('=') + 1)
    overrides[a.slice(2, a.indexOf('='))] = v === 'true' ? true : v === 'false' ? false : Number(v)
  } else throw new Error(`unknown argument ${a}`)
}
const root = packageRoot()
const corpus = sharedCorpusPath()!
const docTypes = loadDocTypes()
const calibrationFiles = [path.join(root, 'training', 'unseen-styles', 'calibration.jsonl')]
const handSets: Record<string, { text: string; type: string }[]> = {
  independent: readLabelledJsonl(path.join(root, 'eval/independent/independent-eval.jsonl')).rows,
  'independent-2': readLabelledJsonl(path.join(root, 'eval/independent-2/independent-2-eval.jsonl')).rows,
  'independent-3': readLabelledJsonl(path.join(root, 'eval/independent-3/independent-3-eval.jsonl')).rows,
  'independent-4': readLabelledJsonl(path.join(root, 'eval/independent-4/independent-4-eval.jsonl')).rows,
  'independent-5': readLabelledJsonl(path.join(root, 'eval/independent-5/independent-5-eval.jsonl')).rows,
}

interface SetFigures {
  n: number
  accuracy: number
  /** Mean recall over the types present: each type weighs the same. */
  balancedAccuracy: number
  minTypeRecall: number
  /** Mean negative log probability of the right type. */
  logLoss: number
  ece: number
  reviewShare: number
  wrongFiled: number
  filed: number
  surestMiss: number
  /** Recall of each type present. */
  perType: Record<string, number>
}

type Rows = readonly { text: string; type: string }[]

/** One set, or several each read by its own classifier (the style-bias folds), measured as one. */
function measure(clf: DoctypeClassifier | [DoctypeClassifier, Rows][], rows: Rows = []): SetFigures {
  const parts: [DoctypeClassifier, Rows][] = Array.isArray(clf) ? clf : [[clf, rows]]
  rows = parts.flatMap(([, r]) => r)
  const reviewThreshold = parts[0]![0].reviewThreshold
  let ll = 0
  const preds: Prediction[] = parts.flatMap(([clf, rows]) =>
    rows.map((x) => {
      const s = clf.scores(x.text)
      const k = s.types.indexOf(x.type)
      ll -= Math.log(Math.max(k >= 0 ? s.probs[k]! : 0, 1e-6))
      const c = clf.classify(x.text)
      return { truth: x.type, predicted: c.type, confidence: c.confidence, needsReview: c.needsReview }
    }),
  )
  const r = evaluatePredictions(preds, reviewThreshold)
  const recalls = Object.values(r.perType)
    .filter((v) => v.n > 0)
    .map((v) => v.recall)
  const misses = preds.filter((p) => p.truth !== p.predicted).map((p) => p.confidence)
  return {
    n: rows.length,
    accuracy: r.accuracy,
    balancedAccuracy: recalls.reduce((a, b) => a + b, 0) / Math.max(recalls.length, 1),
    minTypeRecall: Math.min(...recalls),
    logLoss: ll / Math.max(rows.length, 1),
    ece: r.ece,
    reviewShare: r.reviewShare,
    wrongFiled: r.autoErrors,
    filed: preds.filter((p) => !p.needsReview).length,
    surestMiss: misses.length ? Math.max(...misses) : 0,
    perType: Object.fromEntries(
      Object.entries(r.perType)
        .filter(([, v]) => v.n > 0)
        .map(([t, v]) => [t, Math.round(v.recall * 1000) / 1000]),
    ),
  }
}

const train = (corpusFiles: string[]): DoctypeClassifier => {
  const { model } = trainDoctypeModel({
    corpusFiles,
    calibrationFiles,
    docTypes,
    evaluate: false,
    ...(overrides as Partial<TrainOptions>),
  })
  if (out && corpusFiles.length) saveModel(model, out)
  return new DoctypeClassifier(model, docTypes)
}

const t0 = Date.now()
const results: Record<string, SetFigures> = {}
if (!losoOnly) {
  const clf = train([corpus])
  const fifth = heldOutCorpus([corpus])
  if (styleBiasL2 === undefined) {
    for (const [k, rows] of Object.entries(handSets)) results[k] = measure(clf, rows)
    results['hand-written (pooled)'] = measure(clf, Object.values(handSets).flat())
    results['corpus fifth'] = measure(clf, fifth)
  } else {
    // Each set read by the model with style biases fitted on every other set and the unseen styles' calibration file.
    const named: StyleSet[] = [...Object.entries(handSets).map(([name, rows]) => ({ name, rows })), { name: 'corpus fifth', rows: fifth }]
    const scored = scoreSets(clf, named)
    const [styles] = scoreSets(clf, [{ name: 'unseen styles', rows: calibrationFiles.flatMap((f) => readLabelledJsonl(f).rows) }])
    const folds = named.map((s, i): [DoctypeClassifier, Rows] => {
      const bias = fitStyleBiases([...scored.filter((_, j) => j !== i), styles!], clf.model.temperature, styleBiasL2)
      return [new DoctypeClassifier(withStyleBiases(clf.model, bias), docTypes), s.rows]
    })
    named.forEach((s, i) => (results[s.name] = measure([folds[i]!])))
    results['hand-written (pooled)'] = measure(folds.slice(0, -1))
  }
}
if (loso) {
  const generatorOnly = train([])
  results['generator only -> whole corpus'] = measure(generatorOnly, readLabelledJsonl(corpus).rows.map(conventionalType))
  results['generator only -> hand-written'] = measure(generatorOnly, Object.values(handSets).flat())
}
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
console.log(`== ${name} ${JSON.stringify(overrides)} (${Math.round((Date.now() - t0) / 1000)} s)`)
for (const [k, f] of Object.entries(results)) {
  console.log(
    `${k.padEnd(32)} n=${String(f.n).padStart(4)} acc ${pct(f.accuracy)} bal ${pct(f.balancedAccuracy)} min ${pct(f.minTypeRecall)} logloss ${f.logLoss.toFixed(3)} ece ${f.ece.toFixed(3)} review ${pct(f.reviewShare)} wrongFiled ${f.wrongFiled}/${f.filed} surestMiss ${f.surestMiss.toFixed(3)}`,
  )
  const weak = Object.entries(f.perType).filter(([, v]) => v < 0.9)
  if (weak.length) console.log(`${''.padEnd(34)}under 90%: ${weak.map(([t, v]) => `${t} ${pct(v)}`).join(', ')}`)
}
const dir = path.join(root, 'bench', 'results', 'cross-style')
mkdirSync(dir, { recursive: true })
writeFileSync(
  path.join(dir, `${name}.json`),
  `${JSON.stringify({ name, options: overrides, loso, ...(styleBiasL2 === undefined ? {} : { styleBiasL2 }), results }, null, 2)}\n`,
)
