/**
 * How much the signals of a type added after training should weigh (NEW_TYPE_SIGNAL_WEIGHT), by
 * leaving one type out: each trained type in turn is read as if a records lead had just added it
 * (the model's logit for it taken away, its type file's signals alone from the mean logit, as the
 * classifier does for a new type), on writing the model did not train on. Dropping one class of a
 * linear model leaves the other classes' logits as they are, so one reading per document serves
 * every left-out type and weight.
 *
 * For each weight: of the left-out type's own documents, how many it gets (and files at the global
 * threshold), how many documents of other types it takes, and the wrong types filed overall.
 * NEW_TYPE_SIGNAL_WEIGHT is the largest weight at which a new type costs the trained types nothing:
 * no document of theirs filed as the new type, none that files rightly without it sent to review.
 * A proxy: the model read here trained with the left-out type, so its other classes are less sure
 * of that type's documents than a model that never saw it would be.
 * Sets: eval/independent, -2, -3, -4, -5 (looked at), the corpus's held-back fifth and the
 * generated unseen styles' calibration file. Never a blind set.
 *
 *   npx tsx bench/new-type-weight.ts [--model FILE]
 */
import path from 'node:path'
import { loadDefaultClassifier, NEW_TYPE_SIGNAL_RATIO, NEW_TYPE_SIGNAL_WEIGHT } from '../src/classify/classifier.js'
import { readLabelledJsonl } from '../src/classify/jsonl.js'
import { packageRoot } from '../src/classify/paths.js'
import { sharedCorpusPath } from './sharedCorpus.js'
import { squash } from '../src/classify/signals.js'
import { heldOutCorpus } from '../src/classify/training/train.js'

const args = process.argv.slice(2)
const modelPath = args.includes('--model') ? args[args.indexOf('--model') + 1] : undefined
const root = packageRoot()
const clf = loadDefaultClassifier(modelPath ? { modelPath } : {})
const m = clf.model
const corpus = sharedCorpusPath()!
const rows = [
  ...['independent', 'independent-2', 'independent-3', 'independent-4', 'independent-5'].flatMap(
    (s) => readLabelledJsonl(path.join(root, `eval/${s}/${s}-eval.jsonl`)).rows,
  ),
  ...heldOutCorpus([corpus]),
  ...readLabelledJsonl(path.join(root, 'training/unseen-styles/calibration.jsonl')).rows,
]

// One reading per document: the pre-softmax values of the model's classes (T log p, up to a
// constant) and the squashed signal score of every type.
const read = rows.map((x) => {
  const s = clf.scores(x.text)
  const z = m.classes.map((c) => m.temperature * Math.log(Math.max(s.probs[s.types.indexOf(c)]!, 1e-300)))
  const sig = new Map(s.signals.map((g) => [g.type, squash(g.total)]))
  return { truth: x.type, z, sig }
})

const WEIGHTS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3]
const global = m.reviewThreshold
console.log(
  `${rows.length} documents; shipped weight max(${NEW_TYPE_SIGNAL_WEIGHT}, ${NEW_TYPE_SIGNAL_RATIO} x ${m.signalBeta}) = ${Math.max(NEW_TYPE_SIGNAL_WEIGHT, NEW_TYPE_SIGNAL_RATIO * m.signalBeta)}`,
)
const left = m.classes.filter((c) => c !== 'other')
/** The rule that sets NEW_TYPE_SIGNAL_WEIGHT: the largest weight at which a new type costs the trained ones nothing (no document filed right without it goes elsewhere, none is filed as it). */
let chosen = WEIGHTS[0]!
for (const w of WEIGHTS) {
  let own = 0
  let ownRight = 0
  let ownFiled = 0
  let taken = 0
  let takenFiled = 0
  let wrongFiled = 0
  let takenFromFiled = 0
  const perType: string[] = []
  for (const t of left) {
    const kt = m.classes.indexOf(t)
    let n = 0
    let got = 0
    for (const d of read) {
      const zs = d.z.filter((_, k) => k !== kt)
      const base = zs.reduce((a, b) => a + b, 0) / zs.length
      const types = m.classes.filter((_, k) => k !== kt)
      zs.push(base + w * (d.sig.get(t) ?? 0))
      types.push(t)
      let best = 0
      for (let k = 1; k < zs.length; k++) if (zs[k]! > zs[best]!) best = k
      let sum = 0
      for (const v of zs) sum += Math.exp((v - zs[best]!) / m.temperature)
      const conf = 1 / sum
      const pred = types[best]!
      const threshold = pred === t ? global : (m.typeThresholds?.[pred] ?? global)
      const filed = conf >= threshold
      if (filed && pred !== d.truth) wrongFiled++
      if (d.truth === t) {
        n++
        if (pred === t) {
          got++
          if (filed) ownFiled++
        }
      } else if (pred === t) {
        taken++
        if (filed) takenFiled++
        // Filed with its right type when no new type is there to take it: now waits in review.
        const before = zs.slice(0, -1)
        const b = before.indexOf(Math.max(...before))
        let s2 = 0
        for (const v of before) s2 += Math.exp((v - before[b]!) / m.temperature)
        if (types[b] === d.truth && 1 / s2 >= (m.typeThresholds?.[types[b]!] ?? global)) takenFromFiled++
      }
    }
    own += n
    ownRight += got
    perType.push(`${t} ${got}/${n}`)
  }
  console.log(
    `weight ${String(w).padEnd(4)} left-out types' own documents ${ownRight}/${own} (${((100 * ownRight) / own).toFixed(1)}%), filed ${ownFiled}; others taken for them ${taken} (filed ${takenFiled}; ${takenFromFiled} of them filed right without the new type); wrong types filed overall ${wrongFiled}`,
  )
  console.log(`    ${perType.join(', ')}`)
  if (takenFiled === 0 && takenFromFiled === 0) chosen = w
}
console.log(`largest weight costing the trained types nothing: ${chosen}`)
