/**
 * Splitting stacks written blind: `bench/split-unseen/` makes text-layer and scanned stacks in
 * house styles of its own (written without reading the splitter, the classifier or
 * bench/split's templates), runs the real `chartclerk --json ingest` on them in a fresh data
 * folder with their patients imported, and scores boundary precision and recall (also per kind
 * of boundary), exact parts, cuts inside long documents, and pages filed into a chart they do
 * not belong to (must be 0).
 *
 * `npm run bench -- --only split-unseen [--unseen-text N] [--unseen-scan N] [--unseen-seed S]`
 * (default 8 text-layer and 8 scanned stacks, seed fixed). The stacks and their truth stay in
 * .bench-cache/split-unseen/<seed>/ to look at; the run is kept in
 * bench/results/split-unseen-latest.json.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { patientsCsv, MRN_PATTERN } from './split-unseen/patients.js'
import { rand } from './split-unseen/rand.js'
import { assemble, openStackPrinter, scanStack } from './split-unseen/render.js'
import { scoreStack, summarise, type IngestLine, type StackScore } from './split-unseen/score.js'
import { planStack, type Look, type StackTruth } from './split-unseen/stack.js'
import { runChartclerk } from './runChartclerk.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface UnseenStack {
  pdf: string
  truth: StackTruth
}

/** Writes the stacks (PDF and `<batch>.truth.json`) into `dir`; the separator sheet comes from `chartclerk separator` itself. */
export async function writeUnseenStacks(dir: string, o: { seed: string; text: number; scan: number }): Promise<UnseenStack[]> {
  await mkdir(dir, { recursive: true })
  const sepFile = path.join(dir, 'separator.pdf')
  const made = await runChartclerk(['separator', '--out', sepFile], dir, {})
  if (made.code !== 0) throw new Error(`split-unseen: chartclerk separator failed: ${made.stderr}`)
  const separator = await readFile(sepFile)
  const printer = await openStackPrinter()
  const out: UnseenStack[] = []
  try {
    const todo: [Look, number][] = [
      ...Array.from({ length: o.text }, (_, i) => ['text', i] as [Look, number]),
      ...Array.from({ length: o.scan }, (_, i) => ['scan', i] as [Look, number]),
    ]
    for (const [look, i] of todo) {
      const plan = planStack(o.seed, i, look)
      const htmlPages = plan.truth.pages - plan.separatorPages.length
      const printed = await printer.print(plan.html, htmlPages)
      let pdf = await assemble(printed, separator, plan)
      if (look === 'scan') pdf = await scanStack(pdf, plan, rand(`${o.seed}:scan-noise:${i}`))
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

export async function ingestAndScoreUnseen(stacks: UnseenStack[], o: { workers?: number } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-bench-split-unseen-'))
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
    if (imported.code !== 0)
      throw new Error(`split-unseen: patients import failed (${imported.code}): ${imported.stdout}${imported.stderr}`)
    const ingest = await runChartclerk(['--json', 'ingest', ...stacks.map((s) => s.pdf)], dir, env)
    const lines = ingest.stdout
      .split('\n')
      .filter((l) => l.trim().startsWith('{'))
      .map((l) => JSON.parse(l) as IngestLine)
    if (!lines.length) throw new Error(`split-unseen: ingest printed nothing (exit ${ingest.code}): ${ingest.stderr.slice(-2000)}`)
    const perStack = stacks.map((s) =>
      scoreStack(
        s.truth,
        lines.filter((l) => l.file && path.resolve(dir, l.file) === path.resolve(s.pdf)),
      ),
    )
    // What chartclerk said about each stack, kept beside its score to look into a miss (all patients are made up).
    const linesOf = (s: UnseenStack) =>
      lines
        .filter((l) => l.file && path.resolve(dir, l.file) === path.resolve(s.pdf))
        .map((l) => ({
          status: l.status,
          split: l.split,
          documentType: l.documentType,
          typeConfidence: l.typeConfidence,
          patient: l.patient?.mrn ?? null,
          matchReason: l.matchReason,
          splitProposed: l.splitProposed,
          reviewReasons: l.reviewReasons,
        }))
    return {
      perStack: perStack.map((p, i) => ({ ...p, lines: linesOf(stacks[i]!) })),
      lines,
      seconds: Math.round(ingest.seconds * 10) / 10,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const pct = (x: number | null) => (x == null ? 'n/a' : x.toFixed(3))

function line(name: string, s: ReturnType<typeof summarise>): string {
  return (
    `split-unseen ${name}: ${s.stacks} stacks, ${s.pages} pages, ${s.boundaries} boundaries: precision ${pct(s.boundaryPrecision)}, recall ${pct(s.boundaryRecall)}; ` +
    `exact parts ${pct(s.exactPartAccuracy)}; cuts inside long documents ${s.cutsInsideMultiPage}; ` +
    `filed parts holding several documents ${s.partsFiledHoldingSeveralDocuments} of ${s.partsFiled}; pages filed into a wrong chart ${s.pagesFiledIntoWrongChart} ${JSON.stringify(s.wrongChartBreakdown)}`
  )
}

export async function runSplitUnseenBench(opts: { cacheDir: string; text?: number; scan?: number; seed?: string }) {
  const seed = opts.seed ?? 'split-unseen-v1'
  const text = opts.text ?? 8
  const scan = opts.scan ?? 8
  const dir = path.join(opts.cacheDir, 'split-unseen', seed)
  process.stderr.write(`bench: split-unseen: writing ${text} text-layer and ${scan} scanned stacks in ${dir} ...\n`)
  const stacks = await writeUnseenStacks(dir, { seed, text, scan })
  process.stderr.write(`bench: split-unseen: ${stacks.reduce((a, s) => a + s.truth.pages, 0)} pages; ingesting ...\n`)
  const { perStack, seconds } = await ingestAndScoreUnseen(stacks)
  const by = (look: string) => summarise(perStack.filter((s: StackScore) => s.look === look))
  const all = summarise(perStack)
  const textS = by('text')
  const scanS = by('scan')
  for (const [n, s] of [
    ['text', textS],
    ['scan', scanS],
    ['all', all],
  ] as const)
    if (s.stacks) process.stderr.write(line(n, s) + '\n')
  const result = {
    seed,
    at: new Date().toISOString(),
    written: 'blind: styles invented for this bench without reading src/split, src/classify or bench/split templates',
    text: textS,
    scan: scanS,
    all,
    ingestSeconds: seconds,
    target: 'boundary precision and recall >= 0.95, 0 pages into a wrong chart',
    perStack,
  }
  await mkdir(path.join(ROOT, 'bench/results'), { recursive: true })
  await writeFile(path.join(ROOT, 'bench/results/split-unseen-latest.json'), JSON.stringify(result, null, 2) + '\n')
  return { seed, text: textS, scan: scanS, all, ingestSeconds: seconds }
}
