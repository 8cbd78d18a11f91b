/**
 * Learning from the desk: does settling documents in review and retraining help on documents
 * in the same unseen house styles?
 *
 *   npm run build && npx tsx bench/desk-loop.ts [--corpus ../shared/corpus/doctype-dev.jsonl]
 *
 * Takes the blind style-disjoint set (training/unseen-styles/eval.jsonl), settles the first half
 * of each type (they become labelled examples, the way `chartclerk model train` takes the
 * documents people settled; here passed with --extra, the same code path), retrains with
 * `chartclerk model train`, and measures the second half with `chartclerk model eval` before and
 * after. The retrain's guard is the development set (training/unseen-styles/dev.jsonl), so a
 * retrain that makes a known type worse there is refused. Writes bench/results/desk-loop.json.
 * About 2 minutes of CPU.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: { corpus: { type: 'string', default: path.resolve(ROOT, '..', '..', 'shared', 'corpus', 'doctype-dev.jsonl') } },
})
const cli = (args: string[]): string =>
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'chartclerk.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  })

const rows = readFileSync(path.join(ROOT, 'training', 'unseen-styles', 'eval.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; type: string; text: string })
const byType = new Map<string, typeof rows>()
for (const r of rows) byType.set(r.type, [...(byType.get(r.type) ?? []), r])
const settled: typeof rows = []
const later: typeof rows = []
for (const list of byType.values()) list.forEach((r, i) => (i < list.length / 2 ? settled : later).push(r))

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-loop-'))
const jsonl = (name: string, xs: typeof rows): string => {
  const f = path.join(dir, name)
  writeFileSync(f, xs.map((x) => JSON.stringify({ id: x.id, type: x.type, text: x.text })).join('\n') + '\n')
  return f
}
const settledFile = jsonl('settled.jsonl', settled)
const laterFile = jsonl('later.jsonl', later)
const shipped = path.join(ROOT, 'models', 'doctype-model.json')
const retrained = path.join(dir, 'retrained.json')

type Report = {
  n: number
  accuracy: number
  reviewShare: number
  autoErrors: number
  ece: number
  perType: Record<string, { n: number; recall: number }>
}
const evalOn = (model: string): Report => JSON.parse(cli(['--json', 'model', 'eval', laterFile, '--model', model])) as Report

const before = evalOn(shipped)
const t0 = Date.now()
const trainArgs = [
  'model',
  'train',
  '--extra',
  settledFile,
  '--out',
  retrained,
  '--guard',
  path.join(ROOT, 'training', 'unseen-styles', 'dev.jsonl'),
  '--quiet',
]
if (values.corpus && existsSync(values.corpus)) trainArgs.push('--corpus', values.corpus)
let refused: string | null = null
try {
  cli(trainArgs)
} catch (err) {
  refused = String((err as { stderr?: string }).stderr ?? err)
}
const seconds = Math.round((Date.now() - t0) / 100) / 10
const after = refused ? null : evalOn(retrained)

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
const line = (name: string, r: Report): string =>
  `${name.padEnd(8)} accuracy ${pct(r.accuracy)}  to review ${pct(r.reviewShare)}  wrong types filed ${r.autoErrors}  ECE ${r.ece.toFixed(3)}  | ${Object.entries(
    r.perType,
  )
    .map(([t, x]) => `${t} ${pct(x.recall)}`)
    .join(', ')}`
console.log(
  `settled ${settled.length} documents of the blind unseen-style set, measured on the other ${later.length}; retrain ${seconds} s`,
)
console.log(line('before', before))
console.log(after ? line('after', after) : `after    refused: ${refused}`)
mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true })
const pick = (r: Report | null) =>
  r && {
    n: r.n,
    accuracy: r.accuracy,
    reviewShare: r.reviewShare,
    autoErrors: r.autoErrors,
    ece: r.ece,
    recall: Object.fromEntries(Object.entries(r.perType).map(([t, x]) => [t, x.recall])),
  }
writeFileSync(
  path.join(ROOT, 'bench', 'results', 'desk-loop.json'),
  `${JSON.stringify({ at: new Date().toISOString(), settled: settled.length, measured: later.length, retrainSeconds: seconds, before: pick(before), after: pick(after), refused }, null, 2)}\n`,
)
rmSync(dir, { recursive: true, force: true })
