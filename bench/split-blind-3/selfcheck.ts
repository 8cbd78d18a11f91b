/**
 * Checks the third blind set's planner and truth without running the splitter: every planned
 * stack's truth holds together (pages, roles, part ranges, boundary kinds agreeing with what
 * lies between parts), over the default seed and many others; prints what the default set holds
 * (stacks, pages, documents, writers used, boundaries by kind, the non-boundaries). With
 * `--write` (the dry run: `npm run build` first, for `chartclerk separator`), also prints and
 * scans the set's stacks as the bench does, without ingesting or scoring anything, and checks
 * each PDF against its key: page count, and on text-layer stacks every part's text naming its
 * person and blank pages without text. `--written` checks the files a run left in .bench-cache.
 *
 *   npx tsx bench/split-blind-3/selfcheck.ts [--write | --written] [--text N] [--scan N] [--seed S]
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { PDFParse } from 'pdf-parse'
import { checkPlan, personOf } from './check.js'
import { KINDS, planStack, WRITERS, type Plan3, type Truth3 } from './stack.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values } = parseArgs({
  options: {
    write: { type: 'boolean', default: false },
    written: { type: 'boolean', default: false },
    text: { type: 'string', default: '8' },
    scan: { type: 'string', default: '6' },
    seed: { type: 'string', default: 'split-blind-v3' },
  },
})
const text = Number(values.text)
const scan = Number(values.scan)

let failures = 0
// The planner over many seeds: every stack sound.
let planned = 0
for (const seed of [values.seed, 'smoke-test', ...Array.from({ length: 40 }, (_, i) => `check-${i}`)])
  for (const look of ['text', 'scan'] as const)
    for (let i = 0; i < 10; i++) {
      const plan = planStack(seed, i, look)
      planned++
      const bad = checkPlan(plan)
      if (bad.length) {
        failures++
        console.error(`UNSOUND ${seed} ${plan.truth.file}: ${bad.join('; ')}`)
      }
      const again = planStack(seed, i, look)
      if (again.html !== plan.html || JSON.stringify(again.truth) !== JSON.stringify(plan.truth)) {
        failures++
        console.error(`NOT DETERMINISTIC ${seed} ${plan.truth.file}`)
      }
    }
console.log(`${planned} stacks planned over 42 seeds; ${failures} unsound or not deterministic`)

// What the default set holds.
const plans: Plan3[] = [
  ...Array.from({ length: text }, (_, i) => planStack(values.seed, i, 'text')),
  ...Array.from({ length: scan }, (_, i) => planStack(values.seed, i, 'scan')),
]
const parts = plans.flatMap((p) => p.truth.parts)
const byKind = Object.fromEntries(KINDS.map((k) => [k, parts.filter((p) => p.boundary === k).length]))
const byRelation: Record<string, number> = {}
for (const p of parts) if (p.relation) byRelation[p.relation] = (byRelation[p.relation] ?? 0) + 1
const writers = new Set(parts.map((p) => p.writer))
const summary = {
  seed: values.seed,
  stacks: plans.length,
  pagesPerStack: plans.map((p) => p.truth.pages),
  pages: plans.reduce((n, p) => n + p.truth.pages, 0),
  documents: parts.length,
  boundaries: parts.filter((p) => p.boundary).length,
  boundariesByKind: byKind,
  relationsAcrossEveryBoundary: byRelation,
  writersUsed: `${writers.size} of ${Object.keys(WRITERS).length}`,
  writersNotUsed: Object.keys(WRITERS).filter((w) => !writers.has(w as never)),
  nonBoundaries: {
    longDocuments: parts.filter((p) => p.long).length,
    longNumbered: parts.filter((p) => p.long && p.numbered).length,
    longUnnumbered: parts.filter((p) => p.long && !p.numbered).length,
    runningTitleMultiPage: parts.filter((p) => p.runningTitle && p.to > p.from).length,
    midSentence: parts.filter((p) => p.midSentence).length,
    faxCoverFirstPages: parts.filter((p) => p.cover).length,
    multiPageDocuments: parts.filter((p) => p.to > p.from).length,
  },
  people: {
    notInIndexDocuments: parts.filter((p) => p.patient.mrn === 'NO-CHART').length,
  },
  separatorSheets: plans.reduce((n, p) => n + p.separatorPages.length, 0),
  blankPages: plans.reduce((n, p) => n + p.truth.roles.filter((x) => x.kind === 'blank').length, 0),
  faxBanners: plans.map((p) => p.truth.faxBanner),
  scanLooks: plans.map((p) => p.truth.scanLook),
}
console.log(JSON.stringify(summary, null, 2))
for (const p of plans) {
  const bad = checkPlan(p)
  if (p.truth.pages < 8 || p.truth.pages > 25 || bad.length) failures++
}

/** A written stack against its key: the PDF's page count, and on a text-layer stack every part's text naming its person. */
async function checkWritten(pdf: string, truth: Truth3): Promise<string[]> {
  const bad: string[] = []
  const data = await readFile(pdf)
  const n = (await PDFDocument.load(data)).getPageCount()
  if (n !== truth.pages) bad.push(`${n} pages, the key ${truth.pages}`)
  if (truth.look === 'text') {
    const parser = new PDFParse({ data: new Uint8Array(data), verbosity: 0 })
    try {
      const pages = (await parser.getText()).pages
      const text = (k: number) => (pages.find((x) => x.num === k)?.text ?? '').replace(/\s+/g, ' ').toLowerCase()
      truth.parts.forEach((p, i) => {
        const family = personOf(p.person)?.family
        if (!family) return void bad.push(`part ${i}: person "${p.person}" unreadable`)
        const said = Array.from({ length: p.to - p.from + 1 }, (_, k) => text(p.from + k)).join(' ')
        if (!said.includes(family.toLowerCase())) bad.push(`part ${i} (pages ${p.from}-${p.to}): its text never names ${family}`)
      })
      truth.roles.forEach((r, k) => {
        if (r.kind === 'blank' && text(k + 1).trim()) bad.push(`page ${k + 1} is blank in the key but has text`)
      })
    } finally {
      await parser.destroy()
    }
  }
  return bad
}

if (values.write || values.written) {
  const dir = path.join(ROOT, '.bench-cache', 'split-blind-3', values.seed)
  const stacks = values.write
    ? await (await import('../split-blind-3.js')).writeBlind3Stacks(dir, { seed: values.seed, text, scan })
    : await Promise.all(
        plans.map(async (p) => ({
          pdf: path.join(dir, p.truth.file),
          truth: JSON.parse(await readFile(path.join(dir, p.truth.file.replace(/\.pdf$/, '.truth.json')), 'utf8')) as Truth3,
        })),
      )
  for (const [k, s] of stacks.entries()) {
    const bad = await checkWritten(s.pdf, s.truth)
    if (JSON.stringify(s.truth) !== JSON.stringify(plans[k]!.truth)) bad.push('the key on disk is not the planned key')
    if (bad.length) failures++
    console.log(
      `${bad.length ? 'BAD ' : 'ok  '} ${path.relative(ROOT, s.pdf)}: ${s.truth.pages} pages, ${s.truth.parts.length} documents${bad.length ? ': ' + bad.join('; ') : ''}`,
    )
  }
}
if (failures) {
  console.error(`${failures} failures`)
  process.exit(1)
}
