/**
 * How well fax cover sheets are known, page by page, away from the planner: the cover sheets and
 * other papers of the classifier's synthetic generators (many senders' wordings), each also with
 * the sheet's large heading taken away (what a copier scan loses to OCR: bench/split's 22 and 30
 * point headings are lost on every scanned stack, its 18 point one kept), and without its count of
 * pages too, and the pages of
 * bench/split and split-unseen stacks already read (`<batch>.pages.json` beside each, written by
 * bench/split/replay.ts), against their truth.
 *
 *   npx tsx bench/split/coverProbe.ts [--src DIR] [DIR ...]
 *
 * `--src` reads the cover sheet reader of another checkout (to compare a build before a change).
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeRng } from '../../src/classify/rng.js'
import { SYNTHETIC_GENERATORS } from '../../src/classify/training/synthetic/index.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const srcAt = args.indexOf('--src')
const src = srcAt >= 0 ? path.resolve(args[srcAt + 1]!) : path.join(ROOT, 'src')
const dirs = args.filter((a, i) => !a.startsWith('--') && (srcAt < 0 || i !== srcAt + 1))
const { isCoverSheet } = (await import(path.join(src, 'split/coverSheet.ts'))) as { isCoverSheet: (t: string) => boolean }

const HEADINGS = /^(FAX COVER SHEET|FACSIMILE TRANSMITTAL|Fax|FAX TRANSMISSION|CONFIDENTIAL FAX)$/m
const COUNT_LINE = /^.*pages.*\d+.*$/im
const tally = (name: string, n: number, of: number) => console.log(`${name}: ${n} of ${of}`)

// The synthetic generators: covers known (also without their heading), other papers not taken for covers.
let covers = 0
let known = 0
let knownHeadless = 0
let knownBare = 0
const wrong = new Map<string, number>()
const seen = new Map<string, number>()
for (const [type, gen] of Object.entries(SYNTHETIC_GENERATORS)) {
  const r = makeRng(`cover-probe:${type}`)
  for (let i = 0; i < 300; i++) {
    const t = gen(r)
    if (type === 'other' && HEADINGS.test(t)) {
      covers++
      if (isCoverSheet(t)) known++
      if (isCoverSheet(t.replace(HEADINGS, ''))) knownHeadless++
      if (isCoverSheet(t.replace(HEADINGS, '').replace(COUNT_LINE, ''))) knownBare++
      continue
    }
    seen.set(type, (seen.get(type) ?? 0) + 1)
    if (isCoverSheet(t)) wrong.set(type, (wrong.get(type) ?? 0) + 1)
  }
}
tally('synthetic cover sheets known', known, covers)
tally('synthetic cover sheets known without their heading', knownHeadless, covers)
tally('synthetic cover sheets known without their heading and their count of pages', knownBare, covers)
for (const [type, n] of seen) tally(`synthetic ${type} taken for a cover sheet`, wrong.get(type) ?? 0, n)

// Stacks already read: covers per the truth (bench/split's `covers`; split-unseen has none).
for (const dir of dirs) {
  let tp = 0
  let fn = 0
  let fp = 0
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.truth.json')).sort()) {
    const pagesFile = path.join(dir, f.replace(/\.truth\.json$/, '.pages.json'))
    if (!existsSync(pagesFile)) continue
    const truth = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { covers?: number[] }
    const texts = JSON.parse(await readFile(pagesFile, 'utf8')) as string[]
    texts.forEach((t, i) => {
      const is = (truth.covers ?? []).includes(i + 1)
      const said = isCoverSheet(t)
      if (is && said) tp++
      else if (is) {
        fn++
        console.log(`   missed cover ${f} page ${i + 1}`)
      } else if (said) {
        fp++
        console.log(`   not a cover ${f} page ${i + 1}`)
      }
    })
  }
  console.log(`${path.basename(dir)}: covers known ${tp}, missed ${fn}, pages taken for covers wrongly ${fp}`)
}
