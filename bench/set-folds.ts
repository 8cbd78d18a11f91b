/**
 * Leave-one-set-out folds over the seven hand-written sets that have been looked at
 * (eval/independent, -2 ... -7): does training on the other six sets carry to the seventh?
 *
 * For each set k:
 *   - before: the current recipe (the shipped model with its style biases taken off, i.e.
 *     training/train-default.ts' output), with style biases fitted as training/calibrate-styles.ts
 *     does but on every set except k (the other six, the corpus's held-back fifth and the unseen
 *     styles' calibration file). Also printed: the shipped model as it is (its biases were fitted
 *     on some of these sets, so in-sample for those).
 *   - after: the same recipe with the other six sets trained on (TrainOptions.trainSets, each row
 *     as it is plus --copies dressed copies; none of set k is read), measured on set k as trained
 *     and with style biases fitted on the corpus fifth and the unseen styles only (the six sets are
 *     training material now, so they cannot fit biases).
 * Per fold and pooled (every set's held-out predictions together): accuracy, log loss, calibration
 * error, share to review at the model's thresholds, wrong types filed, recall per type; the corpus
 * fifth (in-style) per fold model as a check that the corpus's own figures hold.
 *
 * The blind sets being written (eval/independent-8 and on) are never read: only the seven of
 * src/classify/lookedAtSets.ts are.
 *
 *   npx tsx bench/set-folds.ts [--name NAME] [--copies N] [--folds 1,2,..] [--models DIR] [--option=value ...]
 *
 * --models DIR keeps each fold's model (DIR/fold-K.json) and reuses it when there (same options).
 * Options are trainDoctypeModel's. Writes bench/results/set-folds/NAME.json. About 3 minutes of
 * CPU a fold.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { DoctypeClassifier, loadDefaultClassifier } from '../src/classify/classifier.js'
import { loadDocTypes } from '../src/classify/doctypes.js'
import { chooseThresholds, evaluatePredictions, type Prediction } from '../src/classify/evaluate.js'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { loadModel, saveModel, type DoctypeModel } from '../src/classify/model.js'
import { packageRoot } from '../src/classify/paths.js'
import { fitStyleBiases, scoreSets, withStyleBiases, type StyleSet } from '../src/classify/training/styleBiases.js'
import { LOOKED_AT_COPIES, LOOKED_AT_SETS, lookedAtFile } from '../src/classify/lookedAtSets.js'
import { heldOutCorpus, trainDoctypeModel, type TrainOptions } from '../src/classify/training/train.js'
import { sharedCorpusPath } from './sharedCorpus.js'

/** The style biases' L2 pull (training/calibrate-styles.ts chose 0.05 on these folds' predecessor). */
const STYLE_L2 = 0.05

const args = process.argv.slice(2)
let name = 'run'
let copies = LOOKED_AT_COPIES
let only: number[] | undefined
let modelsDir: string | undefined
const overrides: Record<string, number | boolean> = {}
for (let i = 0; i < args.length; i++) {
  const a = args[i]!
  if (a === '--name') name = args[++i]!
  else if (a === '--copies') copies = Number(args[++i]!)
  else if (a === '--folds') only = args[++i]!.split(',').map(Number)
  else if (a === '--models') modelsDir = args[++i]!
  else if (a.startsWith('--') && a.includes('=')) {
    const v = a.slice(a.indexOf('=') + 1)
    overrides[a.slice(2, a.indexOf('='))] = v === 'true' ? true : v === 'false' ? false : Number(v)
  } else throw new Error(`unknown argument ${a}`)
}
const root = packageRoot()
const corpus = sharedCorpusPath()
if (!corpus) throw new Error('the shared corpus (doctype-dev.jsonl) was not found beside the repository')
const docTypes = loadDocTypes()
const calibrationFiles = [path.join(root, 'training', 'unseen-styles', 'calibration.jsonl')]
type Rows = readonly { text: string; type: string }[]
const hand: StyleSet[] = LOOKED_AT_SETS.map((s) => ({ name: s, rows: readLabelledJsonl(lookedAtFile(s, root)).rows }))
const fifth: StyleSet = { name: 'corpus fifth', rows: heldOutCorpus([corpus]) }
const styles: StyleSet = { name: 'unseen styles calibration', rows: calibrationFiles.flatMap((f) => readLabelledJsonl(f).rows) }

interface Scored extends Prediction {
  /** -log p of the right type. */
  loss: number
  /** The probability of every type, and the right type's place among them (-1: a type the model lacks). */
  probs: number[]
  truthAt: number
}
const predict = (clf: DoctypeClassifier, rows: Rows): Scored[] =>
  rows.map((x) => {
    const s = clf.scores(x.text)
    const k = s.types.indexOf(x.type)
    const c = clf.classify(x.text)
    return {
      truth: x.type,
      predicted: c.type,
      confidence: c.confidence,
      needsReview: c.needsReview,
      loss: -Math.log(Math.max(k >= 0 ? s.probs[k]! : 0, 1e-6)),
      probs: [...s.probs],
      truthAt: k,
    }
  })

interface Figures {
  n: number
  accuracy: number
  logLoss: number
  ece: number
  reviewShare: number
  filed: number
  wrongFiled: number
  perType: Record<string, { n: number; recall: number }>
  wrongFiledAs: string[]
}
const summarize = (preds: readonly Scored[]): Figures => {
  const r = evaluatePredictions(preds, 0.5)
  return {
    n: preds.length,
    accuracy: r.accuracy,
    logLoss: preds.reduce((a, p) => a + p.loss, 0) / Math.max(preds.length, 1),
    ece: r.ece,
    reviewShare: preds.filter((p) => p.needsReview).length / Math.max(preds.length, 1),
    filed: preds.filter((p) => !p.needsReview).length,
    wrongFiled: preds.filter((p) => !p.needsReview && p.truth !== p.predicted).length,
    perType: Object.fromEntries(
      Object.entries(r.perType)
        .filter(([, v]) => v.n > 0)
        .map(([t, v]) => [t, { n: v.n, recall: Math.round(v.recall * 1000) / 1000 }]),
    ),
    wrongFiledAs: preds
      .filter((p) => !p.needsReview && p.truth !== p.predicted)
      .map((p) => `${p.truth}->${p.predicted} ${p.confidence.toFixed(3)}`),
  }
}

const biased = (model: DoctypeModel, fitOn: StyleSet[], clf: DoctypeClassifier): DoctypeClassifier =>
  new DoctypeClassifier(withStyleBiases(model, fitStyleBiases(scoreSets(clf, fitOn), model.temperature, STYLE_L2)), docTypes)

// ---- before: the current recipe
const shippedClf = loadDefaultClassifier()
const shipped = shippedClf.model
const earlier = shipped.metadata.styleBiases
const base: DoctypeModel = earlier
  ? withStyleBiases(
      shipped,
      Float64Array.from(shipped.classes, (c) => -(earlier.biases[c] ?? 0)),
    )
  : shipped
const baseClf = new DoctypeClassifier(base, docTypes)
const scoredAll = scoreSets(baseClf, [...hand, fifth, styles])

const folds = (only ?? LOOKED_AT_SETS.map((_, i) => i + 1)).map((k) => k - 1)
const pooled: Record<string, Scored[]> = { shipped: [], before: [], after: [], afterBiased: [] }
const perFold: Record<string, Record<string, Figures>> = {}
/** The fold of each pooled prediction. */
const foldOf: number[] = []
const fifthPerFold: Record<string, Record<string, Figures>> = {}
const t0 = Date.now()
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
const line = (label: string, f: Figures): string =>
  `  ${label.padEnd(12)} n=${String(f.n).padStart(3)} acc ${pct(f.accuracy).padStart(6)} logloss ${f.logLoss.toFixed(3)} ece ${f.ece.toFixed(3)} review ${pct(f.reviewShare).padStart(6)} filed ${f.filed} wrong ${f.wrongFiled}${f.wrongFiledAs.length ? ` (${f.wrongFiledAs.join(', ')})` : ''}`
const weak = (f: Figures): string =>
  Object.entries(f.perType)
    .filter(([, v]) => v.recall < 0.9)
    .map(([t, v]) => `${t} ${pct(v.recall)}`)
    .join(', ')

for (const k of folds) {
  const held = hand[k]!
  const others = hand.filter((_, j) => j !== k)
  // Before: style biases fitted on everything but set k.
  const beforeBias = fitStyleBiases(
    scoredAll.filter((_, j) => j !== k),
    base.temperature,
    STYLE_L2,
  )
  const beforeClf = new DoctypeClassifier(withStyleBiases(base, beforeBias), docTypes)
  // After: the six other sets trained on.
  const file = modelsDir ? path.join(modelsDir, `fold-${k + 1}.json`) : undefined
  let model: DoctypeModel
  if (file && existsSync(file)) model = loadModel(file)
  else {
    model = trainDoctypeModel({
      corpusFiles: [corpus],
      calibrationFiles,
      trainSets: others.map((s) => ({ file: lookedAtFile(s.name as (typeof LOOKED_AT_SETS)[number], root), copies })),
      docTypes,
      evaluate: false,
      ...(overrides as Partial<TrainOptions>),
    }).model
    if (file) {
      mkdirSync(path.dirname(file), { recursive: true })
      saveModel(model, file)
    }
  }
  const afterClf = new DoctypeClassifier(model, docTypes)
  const afterBiasedClf = biased(model, [fifth, styles], afterClf)
  const preds = {
    shipped: predict(shippedClf, held.rows),
    before: predict(beforeClf, held.rows),
    after: predict(afterClf, held.rows),
    afterBiased: predict(afterBiasedClf, held.rows),
  }
  perFold[held.name] = Object.fromEntries(Object.entries(preds).map(([v, p]) => [v, summarize(p)]))
  for (const [v, p] of Object.entries(preds)) pooled[v]!.push(...p)
  foldOf.push(...held.rows.map(() => k))
  fifthPerFold[held.name] = { after: summarize(predict(afterClf, fifth.rows)), afterBiased: summarize(predict(afterBiasedClf, fifth.rows)) }
  console.log(`fold ${held.name} (trained on ${others.map((s) => s.name).join(', ')}; ${Math.round((Date.now() - t0) / 1000)} s)`)
  for (const [v, f] of Object.entries(perFold[held.name]!)) console.log(`${line(v, f)}${weak(f) ? `  under 90%: ${weak(f)}` : ''}`)
  console.log(`${line('fifth after', fifthPerFold[held.name]!.after!)}`)
}
const pooledFigures = Object.fromEntries(Object.entries(pooled).map(([v, p]) => [v, summarize(p)]))
console.log(`pooled over ${folds.length} folds (copies ${copies}, ${JSON.stringify(overrides)}):`)
for (const [v, f] of Object.entries(pooledFigures)) {
  console.log(line(v, f))
  console.log(
    `      per type: ${Object.entries(f.perType)
      .map(([t, x]) => `${t} ${pct(x.recall)}`)
      .join(', ')}`,
  )
}
// Would the held-out folds calibrate better than training does? (1) The temperature: the scale of
// the model's that fits the pooled held-out predictions best (1: as trained; above 1: over-confident).
const scaledLoss = (preds: readonly Scored[], scale: number): number =>
  preds.reduce((a, p) => {
    const w = p.probs.map((q) => Math.pow(Math.max(q, 1e-12), 1 / scale))
    const sum = w.reduce((x, y) => x + y, 0)
    return a - Math.log(Math.max(p.truthAt >= 0 ? w[p.truthAt]! / sum : 0, 1e-6))
  }, 0) / Math.max(preds.length, 1)
const scales = Array.from({ length: 31 }, (_, i) => 0.5 + i * 0.05)
const temperature = Object.fromEntries(
  Object.entries(pooled).map(([v, p]) => {
    const best = scales.reduce((a, b) => (scaledLoss(p, b) < scaledLoss(p, a) ? b : a))
    return [v, { bestScale: best, logLoss: scaledLoss(p, 1), logLossAtBest: scaledLoss(p, best) }]
  }),
)
console.log(
  `temperature that fits the held-out folds best, as a multiple of the model's: ${Object.entries(temperature)
    .map(([v, t]) => `${v} ${t.bestScale.toFixed(2)} (log loss ${t.logLoss.toFixed(3)} -> ${t.logLossAtBest.toFixed(3)})`)
    .join(', ')}`,
)
// (2) The review thresholds: each fold's documents judged against thresholds chosen (chooseThresholds,
// as training does) on the other folds' held-out predictions, at a few error limits.
const byFold = folds.map((k) => pooled.after!.filter((_, i) => foldOf[i] === k))
const thresholdFolds = Object.fromEntries(
  [0.005, 0.01, 0.015].map((limit) => {
    const decided = folds.flatMap((k, j) => {
      const others = byFold.filter((_, o) => o !== j).flat()
      const { threshold, typeThresholds } = chooseThresholds([{ preds: others, maxErrorRate: limit }], [{ preds: others, evidence: true }])
      return byFold[j]!.map((p) => ({ ...p, needsReview: p.confidence < (typeThresholds[p.predicted] ?? threshold) }))
    })
    const f = summarize(decided)
    console.log(`${line(`thr ${limit}`, f)}   (after, thresholds fitted on the other folds' held-out predictions, error limit ${limit})`)
    return [String(limit), f]
  }),
)
const dir = path.join(root, 'bench', 'results', 'set-folds')
mkdirSync(dir, { recursive: true })
writeFileSync(
  path.join(dir, `${name}.json`),
  `${JSON.stringify({ name, copies, options: overrides, styleL2: STYLE_L2, sets: LOOKED_AT_SETS, pooled: pooledFigures, perFold, fifthPerFold, temperature, thresholdFolds }, null, 2)}\n`,
)
