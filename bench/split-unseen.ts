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
import { scoreStack, summarise, type IngestLine, type StackScore, type Summary } from './split-unseen/score.js'
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

/** What a run keeps of each line chartclerk printed about a stack (all patients are made up). */
function keptLine(l: IngestLine) {
  return {
    status: l.status,
    split: l.split,
    documentType: l.documentType,
    typeConfidence: l.typeConfidence,
    patient: l.patient?.mrn ?? null,
    matchReason: l.matchReason,
    splitProposed: l.splitProposed,
    reviewReasons: l.reviewReasons,
  }
}

/**
 * Runs the real `chartclerk --json ingest` on a set's stacks in a fresh data folder holding the
 * set's chart list, and scores each stack with split-unseen's scorer. `counters` adds a set's own
 * counts to each stack's score (cuts of note by what its key says of the pages they fall before),
 * from the stack's truth and the boundaries found; `asTruth` gives the scorer the fields every
 * set's truth shares.
 */
export async function ingestAndScoreStacks<T, C extends Record<string, number> = Record<never, number>>(
  tag: string,
  stacks: { pdf: string; truth: T }[],
  o: {
    patientsCsv: string
    mrnPattern: string
    asTruth: (t: T) => StackTruth
    counters?: (truth: T, found: number[]) => C
    workers?: number
  },
) {
  const { linesByFile, lines, seconds } = await ingestWithIndex<IngestLine>(
    tag,
    stacks.map((s) => s.pdf),
    { patientsCsv: o.patientsCsv, mrnPattern: o.mrnPattern, workers: o.workers },
  )
  const perStack = stacks.map((s, i) => {
    const score = scoreStack(o.asTruth(s.truth), linesByFile[i]!)
    return {
      ...score,
      ...(o.counters?.(s.truth, score.foundBoundaries) ?? ({} as C)),
      lines: linesByFile[i]!.map(keptLine),
    }
  })
  return { perStack, lines, seconds }
}

export function ingestAndScoreUnseen(stacks: UnseenStack[], o: { workers?: number } = {}) {
  return ingestAndScoreStacks('split-unseen', stacks, {
    patientsCsv: patientsCsv(),
    mrnPattern: MRN_PATTERN,
    asTruth: (t) => t,
    workers: o.workers,
  })
}

const pct = (x: number | null) => (x == null ? 'n/a' : x.toFixed(3))

/** A set's summary: split-unseen's, and each of the set's own totals (a counter summed over its stacks). */
type SetSummary = Summary & Record<string, unknown>

/** The counts a set keeps beside the shared ones: each total's name, the stack counter it sums and the words its line says. */
export type SetTotals<C> = Record<string, { of: keyof C & string; says: string }>

function summariseSet<C>(totals: SetTotals<C>) {
  return (scores: (StackScore & Record<string, unknown>)[]): SetSummary => {
    const out: SetSummary = { ...summarise(scores) }
    for (const [name, t] of Object.entries(totals)) out[name] = scores.reduce((a, s) => a + ((s[t.of] as number | undefined) ?? 0), 0)
    return out
  }
}

function setLine<C>(name: string, totals: SetTotals<C>) {
  return (look: string, s: SetSummary): string => {
    const kinds = Object.entries(s.recallByKind)
      .map(([k, v]) => `${k} ${v!.found}/${v!.of}`)
      .join(', ')
    const own = Object.entries(totals)
      .map(([n, t]) => `${t.says} ${String(s[n])}`)
      .join(', ')
    return (
      `${name} ${look}: ${s.stacks} stacks, ${s.pages} pages, ${s.boundaries} boundaries: precision ${pct(s.boundaryPrecision)}, recall ${pct(s.boundaryRecall)}; ` +
      `exact parts ${pct(s.exactPartAccuracy)}; cuts inside documents ${s.cutsInsideMultiPage}${own ? ` (${own})` : ''}; ` +
      `filed parts holding several documents ${s.partsFiledHoldingSeveralDocuments} of ${s.partsFiled}; pages filed into a wrong chart ${s.pagesFiledIntoWrongChart} ${JSON.stringify(s.wrongChartBreakdown)}; by kind: ${kinds}`
    )
  }
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

/** One split set: how its stacks are planned, whose charts they hold, and what it counts of its own. */
export interface SplitSet<P extends PlannedStack, C extends Record<string, number>> {
  /** Names the run (`bench/results/<name>-latest.json`, the lines, the cache folder). */
  name: string
  seed: string
  text: number
  scan: number
  cacheDir: string
  /** How the set was written (kept with the run). */
  written: string
  plan: (seed: string, index: number, look: Look) => P
  patientsCsv: string
  mrnPattern: string
  /** A stack's own counts, from its truth and the boundaries found (cuts of note). */
  counters?: (truth: P['truth'], found: number[]) => C
  totals?: SetTotals<C>
}

/**
 * A split set from end to end: writes its stacks into `<cacheDir>/<name>/<seed>/` (printed,
 * scanned where asked), ingests them with the real command, scores each stack (and the set's own
 * counters), and reports the figures by look. Every split bench is this with its own planner,
 * charts and counters. Other sets' truths share the fields split-unseen's printer, scanner and
 * scorer read (pages, roles, parts' ranges, types, patients, boundary labels, scan look); their
 * own labels and banner names are their own strings.
 */
export async function runSplitSet<P extends PlannedStack, C extends Record<string, number> = Record<never, number>>(set: SplitSet<P, C>) {
  const dir = path.join(set.cacheDir, set.name, set.seed)
  const t0 = performance.now()
  process.stderr.write(`bench: ${set.name}: writing ${set.text} text-layer and ${set.scan} scanned stacks in ${dir} ...\n`)
  const stacks = await writeStacks(
    set.name,
    dir,
    { seed: set.seed, text: set.text, scan: set.scan },
    set.plan,
    (p) => p as unknown as StackPlan,
  )
  const writeSeconds = Math.round((performance.now() - t0) / 100) / 10
  process.stderr.write(
    `bench: ${set.name}: ${stacks.reduce((a, s) => a + s.truth.pages, 0)} pages written in ${writeSeconds} s; ingesting ...\n`,
  )
  const { perStack, seconds } = await ingestAndScoreStacks(set.name, stacks, {
    patientsCsv: set.patientsCsv,
    mrnPattern: set.mrnPattern,
    asTruth: (t) => t as unknown as StackTruth,
    counters: set.counters,
  })
  const totals = set.totals ?? {}
  return reportSplitRun({
    name: set.name,
    seed: set.seed,
    written: set.written,
    perStack,
    summary: summariseSet(totals),
    line: setLine(set.name, totals),
    writeSeconds,
    ingestSeconds: seconds,
  })
}

export function runSplitUnseenBench(opts: { cacheDir: string; text?: number; scan?: number; seed?: string }) {
  return runSplitSet({
    name: 'split-unseen',
    seed: opts.seed ?? 'split-unseen-v1',
    text: opts.text ?? 8,
    scan: opts.scan ?? 8,
    cacheDir: opts.cacheDir,
    written: 'blind: styles invented for this bench without reading src/split, src/classify or bench/split templates',
    plan: planStack,
    patientsCsv: patientsCsv(),
    mrnPattern: MRN_PATTERN,
  })
}
