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
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { patientsCsv, MRN_PATTERN } from './split-unseen/patients.js'
import { rand } from './split-unseen/rand.js'
import { assemble, openStackPrinter, scanStack } from './split-unseen/render.js'
import { scoreStack, summarise, type IngestLine, type StackScore } from './split-unseen/score.js'
import { planStack, type Look, type StackPlan, type StackTruth } from './split-unseen/stack.js'
import { ingestWithIndex, runChartclerk } from './runChartclerk.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface UnseenStack {
  pdf: string
  truth: StackTruth
}

/** A planned stack: its page HTML, its truth and where its separator sheets go. */
interface PlannedStack {
  truth: { pages: number; file: string }
  html: string
  separatorPages: number[]
}

/**
 * Writes stacks (PDF, `<stack>.truth.json` and the HTML it was printed from) into `dir`: `plan`
 * says what each holds, printed by Chromium, the separator sheet from `chartclerk separator`
 * itself, scanned stacks put through the scanner's look. `forPrinter` gives the printer the
 * fields it reads (this bench's plans as they are; another set's plans share those fields).
 */
export async function writeStacks<P extends PlannedStack>(
  tag: string,
  dir: string,
  o: { seed: string; text: number; scan: number },
  plan: (seed: string, index: number, look: Look) => P,
  forPrinter: (p: P) => StackPlan,
): Promise<{ pdf: string; truth: P['truth'] }[]> {
  await mkdir(dir, { recursive: true })
  const sepFile = path.join(dir, 'separator.pdf')
  const made = await runChartclerk(['separator', '--out', sepFile], dir, {})
  if (made.code !== 0) throw new Error(`${tag}: chartclerk separator failed: ${made.stderr}`)
  const separator = await readFile(sepFile)
  const printer = await openStackPrinter()
  const out: { pdf: string; truth: P['truth'] }[] = []
  try {
    const todo: [Look, number][] = [
      ...Array.from({ length: o.text }, (_, i) => ['text', i] as [Look, number]),
      ...Array.from({ length: o.scan }, (_, i) => ['scan', i] as [Look, number]),
    ]
    for (const [look, i] of todo) {
      const planned = plan(o.seed, i, look)
      const printed = await printer.print(planned.html, planned.truth.pages - planned.separatorPages.length)
      let pdf = await assemble(printed, separator, forPrinter(planned))
      if (look === 'scan') pdf = await scanStack(pdf, forPrinter(planned), rand(`${o.seed}:scan-noise:${i}`))
      const file = path.join(dir, planned.truth.file)
      await writeFile(file, pdf)
      await writeFile(file.replace(/\.pdf$/, '.truth.json'), JSON.stringify(planned.truth, null, 2) + '\n')
      await writeFile(file.replace(/\.pdf$/, '.html'), planned.html)
      out.push({ pdf: file, truth: planned.truth })
    }
  } finally {
    await printer.close()
  }
  return out
}

export function writeUnseenStacks(dir: string, o: { seed: string; text: number; scan: number }): Promise<UnseenStack[]> {
  return writeStacks('split-unseen', dir, o, planStack, (p) => p)
}

export async function ingestAndScoreUnseen(stacks: UnseenStack[], o: { workers?: number } = {}) {
  const { linesByFile, lines, seconds } = await ingestWithIndex<IngestLine>(
    'split-unseen',
    stacks.map((s) => s.pdf),
    { patientsCsv: patientsCsv(), mrnPattern: MRN_PATTERN, workers: o.workers },
  )
  // What chartclerk said about each stack, kept beside its score to look into a miss (all patients are made up).
  const perStack = stacks.map((s, i) => ({
    ...scoreStack(s.truth, linesByFile[i]!),
    lines: linesByFile[i]!.map((l) => ({
      status: l.status,
      split: l.split,
      documentType: l.documentType,
      typeConfidence: l.typeConfidence,
      patient: l.patient?.mrn ?? null,
      matchReason: l.matchReason,
      splitProposed: l.splitProposed,
      reviewReasons: l.reviewReasons,
    })),
  }))
  return { perStack, lines, seconds }
}

const pct = (x: number | null) => (x == null ? 'n/a' : x.toFixed(3))

function line(name: string, s: ReturnType<typeof summarise>): string {
  return (
    `split-unseen ${name}: ${s.stacks} stacks, ${s.pages} pages, ${s.boundaries} boundaries: precision ${pct(s.boundaryPrecision)}, recall ${pct(s.boundaryRecall)}; ` +
    `exact parts ${pct(s.exactPartAccuracy)}; cuts inside long documents ${s.cutsInsideMultiPage}; ` +
    `filed parts holding several documents ${s.partsFiledHoldingSeveralDocuments} of ${s.partsFiled}; pages filed into a wrong chart ${s.pagesFiledIntoWrongChart} ${JSON.stringify(s.wrongChartBreakdown)}`
  )
}

/**
 * A split set's figures by look (text-layer, scanned, all), one line each on stderr, and the run
 * (figures and every stack's score) in bench/results/<name>-latest.json.
 */
export async function reportSplitRun<P extends { look: string }, S extends { stacks: number }>(o: {
  name: string
  seed: string
  written: string
  perStack: P[]
  summary: (scores: P[]) => S
  line: (look: string, s: S) => string
  writeSeconds?: number
  ingestSeconds: number
}) {
  const text = o.summary(o.perStack.filter((s) => s.look === 'text'))
  const scan = o.summary(o.perStack.filter((s) => s.look === 'scan'))
  const all = o.summary(o.perStack)
  for (const [n, s] of [
    ['text', text],
    ['scan', scan],
    ['all', all],
  ] as const)
    if (s.stacks) process.stderr.write(o.line(n, s) + '\n')
  const seconds = { ...(o.writeSeconds === undefined ? {} : { writeSeconds: o.writeSeconds }), ingestSeconds: o.ingestSeconds }
  const result = {
    seed: o.seed,
    at: new Date().toISOString(),
    written: o.written,
    text,
    scan,
    all,
    ...seconds,
    target: 'boundary precision and recall >= 0.95, 0 pages into a wrong chart',
    perStack: o.perStack,
  }
  await mkdir(path.join(ROOT, 'bench/results'), { recursive: true })
  await writeFile(path.join(ROOT, `bench/results/${o.name}-latest.json`), JSON.stringify(result, null, 2) + '\n')
  return { seed: o.seed, text, scan, all, ...seconds }
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
  return reportSplitRun({
    name: 'split-unseen',
    seed,
    written: 'blind: styles invented for this bench without reading src/split, src/classify or bench/split templates',
    perStack,
    summary: summarise,
    line,
    ingestSeconds: seconds,
  })
}
