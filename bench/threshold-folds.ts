/**
 * Would lower per-type review thresholds carry to writing in another style? Leave-one-set-out on
 * the shipped model: for each held-out set (eval/independent, -2 ... -5 and the corpus's held-back
 * fifth), every type's threshold is lowered, from the model's own down to a floor, to the lowest
 * grid value at which the other sets (and the generated unseen styles' calibration file) show no
 * document wrongly read as that type at or above it, on at least `minEvidence` documents; a type
 * they show wrong at or above its own threshold is raised past the surest such mistake. The
 * held-out set is then read with those thresholds: documents filed more, wrong types filed more.
 * Never reads a blind set.
 *
 *   npx tsx bench/threshold-folds.ts [--model FILE]
 */
import path from 'node:path'
import { loadDefaultClassifier } from '../src/classify/classifier.js'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { packageRoot } from '../src/classify/paths.js'
import { sharedCorpusPath } from './sharedCorpus.js'
import { scoreSets, type ScoredSet } from '../src/classify/training/styleBiases.js'
import { heldOutCorpus } from '../src/classify/training/train.js'

const args = process.argv.slice(2)
const modelPath = args.includes('--model') ? args[args.indexOf('--model') + 1] : undefined
const root = packageRoot()
const clf = loadDefaultClassifier(modelPath ? { modelPath } : {})
const m = clf.model
const corpus = sharedCorpusPath()!
const hand = ['independent', 'independent-2', 'independent-3', 'independent-4', 'independent-5'].map((s) => ({
  name: s,
  rows: readLabelledJsonl(path.join(root, `eval/${s}/${s}-eval.jsonl`)).rows,
}))
const folds = scoreSets(clf, [...hand, { name: 'corpus fifth', rows: heldOutCorpus([corpus]) }])
const [styles] = scoreSets(clf, [
  { name: 'unseen styles', rows: readLabelledJsonl(path.join(root, 'training/unseen-styles/calibration.jsonl')).rows },
])

interface Read {
  truth: string
  pred: string
  conf: number
}
const readSet = (s: ScoredSet): Read[] =>
  s.z.map((z, i) => {
    let best = 0
    for (let k = 1; k < z.length; k++) if (z[k]! > z[best]!) best = k
    let sum = 0
    for (const v of z) sum += Math.exp((v - z[best]!) / m.temperature)
    return { truth: m.classes[s.y[i]!] ?? '', pred: m.classes[best]!, conf: 1 / sum }
  })
const read = new Map(folds.map((s) => [s.name, readSet(s)]))
const stylesRead = readSet(styles!)

const GRID = [0.8, 0.825, 0.85, 0.875, 0.9, 0.925, 0.95, 0.975, 0.99, 0.995, 0.999]
function fitThresholds(docs: readonly Read[], floor: number, minEvidence: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const type of m.classes) {
    const own = clf.thresholdFor(type)
    const as = docs.filter((d) => d.pred === type)
    let t = own
    for (const g of GRID.filter((g) => g >= floor && g < own).sort((a, b) => b - a)) {
      const filed = as.filter((d) => d.conf >= g)
      if (filed.some((d) => d.truth !== type)) break
      if (filed.length >= minEvidence) t = g
    }
    const surest = Math.max(-1, ...as.filter((d) => d.truth !== type && d.conf >= own).map((d) => d.conf))
    if (surest >= 0) t = GRID.find((g) => g > surest) ?? 0.999
    out.set(type, t)
  }
  return out
}

const n = [...read.values()].reduce((a, r) => a + r.length, 0)
for (const floor of [0.8, 0.85, 0.9]) {
  for (const minEvidence of [20, 30]) {
    let moreFiled = 0
    let moreWrong = 0
    const perSet: string[] = []
    const perType = new Map<string, { filed: number; wrong: number }>()
    for (const [name, docs] of read) {
      const others = [...[...read].filter(([k]) => k !== name).flatMap(([, v]) => v), ...stylesRead]
      const th = fitThresholds(others, floor, minEvidence)
      let f = 0
      let w = 0
      for (const d of docs) {
        const before = d.conf >= clf.thresholdFor(d.pred)
        const after = d.conf >= th.get(d.pred)!
        const dw = (after && d.pred !== d.truth ? 1 : 0) - (before && d.pred !== d.truth ? 1 : 0)
        const df = (after ? 1 : 0) - (before ? 1 : 0)
        f += df
        w += dw
        const e = perType.get(d.pred) ?? { filed: 0, wrong: 0 }
        perType.set(d.pred, { filed: e.filed + df, wrong: e.wrong + dw })
      }
      moreFiled += f
      moreWrong += w
      perSet.push(`${name} ${f >= 0 ? '+' : ''}${f}/${w >= 0 ? '+' : ''}${w}`)
    }
    console.log(
      `floor ${floor} evidence ${minEvidence}: held-out documents filed ${moreFiled >= 0 ? '+' : ''}${moreFiled} of ${n}, wrong types filed ${moreWrong >= 0 ? '+' : ''}${moreWrong}  (${perSet.join(', ')})`,
    )
    console.log(
      `    by type: ${[...perType]
        .filter(([, v]) => v.filed || v.wrong)
        .map(([t, v]) => `${t} ${v.filed >= 0 ? '+' : ''}${v.filed}/${v.wrong >= 0 ? '+' : ''}${v.wrong}`)
        .join(', ')}`,
    )
  }
}
