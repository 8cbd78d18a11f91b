/**
 * Splitting stacks in house styles written blind for this set (`bench/split-blind/`, written
 * without reading the splitter, the classifier, the field readers, bench/split or
 * split-unseen's documents): text-layer and scanned stacks go through the real
 * `chartclerk --json ingest` in a fresh data folder holding the set's chart list, and are
 * scored with split-unseen's scorer: boundary precision and recall (also per kind of
 * boundary), exact parts, cuts inside documents, pages filed into a chart they do not belong
 * to (must be 0). Added here: cuts between a fax cover sheet and its document, cuts inside
 * the stack's long document.
 *
 * `npm run bench -- --only split-blind [--blind-text N] [--blind-scan N] [--blind-seed S]`
 * (default 8 text-layer and 6 scanned stacks, seed `split-blind-v1`). Stacks and truth stay in
 * .bench-cache/split-blind/<seed>/; the run is kept in bench/results/split-blind-latest.json.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { rand } from './split-unseen/rand.js'
import { assemble, openStackPrinter, scanStack } from './split-unseen/render.js'
import { scoreStack, summarise, type IngestLine, type StackScore } from './split-unseen/score.js'
import type { StackPlan, StackTruth } from './split-unseen/stack.js'
import { MRN_PATTERN, patientsCsv } from './split-blind/patients.js'
import { planStack, type BlindPlan, type BlindTruth, type Look } from './split-blind/stack.js'
import { runChartclerk } from './runChartclerk.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface BlindStack {
  pdf: string
  truth: BlindTruth
}

/**
 * split-unseen's printer, scanner and scorer read only the fields both truths share (pages,
 * roles, parts' ranges, types, patients and boundary labels, the scan look); this set's
 * boundary labels and fax styles are its own strings.
 */
const asUnseenPlan = (p: BlindPlan) => p as unknown as StackPlan
const asUnseenTruth = (t: BlindTruth) => t as unknown as StackTruth

export async function writeBlindStacks(dir: string, o: { seed: string; text: number; scan: number }): Promise<BlindStack[]> {
  await mkdir(dir, { recursive: true })
  const sepFile = path.join(dir, 'separator.pdf')
  const made = await runChartclerk(['separator', '--out', sepFile], dir, {})
  if (made.code !== 0) throw new Error(`split-blind: chartclerk separator failed: ${made.stderr}`)
  const separator = await readFile(sepFile)
  const printer = await openStackPrinter()
  const out: BlindStack[] = []
  try {
    const todo: [Look, number][] = [
      ...Array.from({ length: o.text }, (_, i) => ['text', i] as [Look, number]),
      ...Array.from({ length: o.scan }, (_, i) => ['scan', i] as [Look, number]),
    ]
    for (const [look, i] of todo) {
      const plan = planStack(o.seed, i, look)
      const printed = await printer.print(plan.html, plan.truth.pages - plan.separatorPages.length)
      let pdf = await assemble(printed, separator, asUnseenPlan(plan))
      if (look === 'scan') pdf = await scanStack(pdf, asUnseenPlan(plan), rand(`${o.seed}:scan-noise:${i}`))
      const file = path.join(dir, plan.truth.file)
      await writeFile(file, pdf)
      await writeFile(file.replace(/\.pdf$/, '.truth.json'), JSON.stringify(plan.truth, null, 2) + '\n')
      await writeFile(file.replace(/\.pdf$/, '.html'), plan.html)
      out.push({ pdf: file, truth: plan.truth })
    }
  } finally {
    await printer.close()
  }
  return out
}

/** Cuts the truth says are inside a document, by where: after a fax cover sheet, inside the long document. */
function cutsOfNote(truth: BlindTruth, found: number[]) {
  let afterCover = 0
  let insideLong = 0
  for (const p of truth.parts) {
    if (p.cover && found.includes(p.from + 1)) afterCover++
    if (p.long) insideLong += found.filter((k) => k > p.from && k <= p.to).length
  }
  return { afterCover, insideLong }
}

export async function ingestAndScoreBlind(stacks: BlindStack[], o: { workers?: number } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-bench-split-blind-'))
  try {
    const env = {
      CHARTCLERK_DATA: path.join(dir, 'data'),
      CHARTCLERK_INBOX: path.join(dir, 'inbox'),
      CHARTCLERK_QUARANTINE: path.join(dir, 'quarantine'),
      CHARTCLERK_MRN_PATTERN: MRN_PATTERN,
      CHARTCLERK_OCR_WORKERS: String(o.workers ?? 2),
      CHARTCLERK_LOG_LEVEL: 'warn',
      CHARTCLERK_OCR_PAGE_TIMEOUT_MS: '900000',
    }
    const csv = path.join(dir, 'patients.csv')
    await writeFile(csv, patientsCsv())
    const imported = await runChartclerk(['patients', 'import', csv], dir, env)
    if (imported.code !== 0) throw new Error(`split-blind: patients import failed (${imported.code}): ${imported.stdout}${imported.stderr}`)
    const ingest = await runChartclerk(['--json', 'ingest', ...stacks.map((s) => s.pdf)], dir, env)
    const lines = ingest.stdout
      .split('\n')
      .filter((l) => l.trim().startsWith('{'))
      .map((l) => JSON.parse(l) as IngestLine)
    if (!lines.length) throw new Error(`split-blind: ingest printed nothing (exit ${ingest.code}): ${ingest.stderr.slice(-2000)}`)
    const linesOf = (s: BlindStack) => lines.filter((l) => l.file && path.resolve(dir, l.file) === path.resolve(s.pdf))
    const perStack = stacks.map((s) => {
      const score = scoreStack(asUnseenTruth(s.truth), linesOf(s))
      return {
        ...score,
        faxBanner: s.truth.faxBanner,
        ...cutsOfNote(s.truth, score.foundBoundaries),
        lines: linesOf(s).map((l) => ({
          status: l.status,
          split: l.split,
          documentType: l.documentType,
          typeConfidence: l.typeConfidence,
          patient: l.patient?.mrn ?? null,
          splitProposed: l.splitProposed,
        })),
      }
    })
    return { perStack, seconds: Math.round(ingest.seconds * 10) / 10 }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

type Scored = StackScore & { afterCover: number; insideLong: number }

function summary(scores: Scored[]) {
  return {
    ...summarise(scores),
    cutsAfterFaxCover: scores.reduce((a, s) => a + s.afterCover, 0),
    cutsInsideLongDocument: scores.reduce((a, s) => a + s.insideLong, 0),
  }
}

const pct = (x: number | null) => (x == null ? 'n/a' : x.toFixed(3))

function line(name: string, s: ReturnType<typeof summary>): string {
  const kinds = Object.entries(s.recallByKind)
    .map(([k, v]) => `${k} ${v!.found}/${v!.of}`)
    .join(', ')
  return (
    `split-blind ${name}: ${s.stacks} stacks, ${s.pages} pages, ${s.boundaries} boundaries: precision ${pct(s.boundaryPrecision)}, recall ${pct(s.boundaryRecall)}; ` +
    `exact parts ${pct(s.exactPartAccuracy)}; cuts inside documents ${s.cutsInsideMultiPage} (long document ${s.cutsInsideLongDocument}, after a fax cover ${s.cutsAfterFaxCover}); ` +
    `filed parts holding several documents ${s.partsFiledHoldingSeveralDocuments} of ${s.partsFiled}; pages filed into a wrong chart ${s.pagesFiledIntoWrongChart} ${JSON.stringify(s.wrongChartBreakdown)}; by kind: ${kinds}`
  )
}

export async function runSplitBlindBench(opts: { cacheDir: string; text?: number; scan?: number; seed?: string }) {
  const seed = opts.seed ?? 'split-blind-v1'
  const text = opts.text ?? 8
  const scan = opts.scan ?? 6
  const dir = path.join(opts.cacheDir, 'split-blind', seed)
  const t0 = performance.now()
  process.stderr.write(`bench: split-blind: writing ${text} text-layer and ${scan} scanned stacks in ${dir} ...\n`)
  const stacks = await writeBlindStacks(dir, { seed, text, scan })
  const writeSeconds = Math.round((performance.now() - t0) / 100) / 10
  process.stderr.write(
    `bench: split-blind: ${stacks.reduce((a, s) => a + s.truth.pages, 0)} pages written in ${writeSeconds} s; ingesting ...\n`,
  )
  const { perStack, seconds } = await ingestAndScoreBlind(stacks)
  const by = (look: string) => summary(perStack.filter((s) => s.look === look))
  const textS = by('text')
  const scanS = by('scan')
  const all = summary(perStack)
  for (const [n, s] of [
    ['text', textS],
    ['scan', scanS],
    ['all', all],
  ] as const)
    if (s.stacks) process.stderr.write(line(n, s) + '\n')
  const result = {
    seed,
    at: new Date().toISOString(),
    written:
      'blind: senders and house styles invented for this set without reading src/split, src/classify, src/extract-fields, bench/split or split-unseen documents',
    text: textS,
    scan: scanS,
    all,
    writeSeconds,
    ingestSeconds: seconds,
    target: 'boundary precision and recall >= 0.95, 0 pages into a wrong chart',
    perStack,
  }
  await mkdir(path.join(ROOT, 'bench/results'), { recursive: true })
  await writeFile(path.join(ROOT, 'bench/results/split-blind-latest.json'), JSON.stringify(result, null, 2) + '\n')
  return { seed, text: textS, scan: scanS, all, writeSeconds, ingestSeconds: seconds }
}
