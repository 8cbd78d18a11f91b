/**
 * Splitting stacks of the third blind set (`bench/split-blind-3/`, written without reading the
 * splitter, the classifier, the field readers, the patient matcher, bench/split or the earlier
 * sets' documents): senders and house styles neither earlier set uses. Text-layer and scanned
 * stacks go through the real `chartclerk --json ingest` in a fresh data folder holding the set's
 * chart list, and are scored with split-unseen's scorer: boundary precision and recall (also per
 * kind of boundary), exact parts, cuts inside documents, pages filed into a chart they do not
 * belong to (must be 0). Added here: cuts right after a fax cover sheet (the cover is the first
 * page of its document), cuts inside long documents with and without "Page x of N", inside
 * documents whose running header repeats the title, inside documents with a page starting
 * mid-sentence, inside landscape flowsheets whose second page has no header.
 *
 * Nothing may be tuned on this set; only aggregate figures are reported (bench/split-blind-3/README.md).
 *
 * `npm run bench -- --only split-blind-3 [--blind3-text N] [--blind3-scan N] [--blind3-seed S]`
 * (default 8 text-layer and 6 scanned stacks, seed `split-blind-v3`). Stacks and truth stay in
 * .bench-cache/split-blind-3/<seed>/; the run is kept in bench/results/split-blind-3-latest.json.
 */
import path from 'node:path'
import { scoreStack, summarise, type IngestLine, type StackScore } from './split-unseen/score.js'
import type { StackPlan, StackTruth } from './split-unseen/stack.js'
import { MRN_PATTERN, patientsCsv } from './split-blind-3/patients.js'
import { checkPlan } from './split-blind-3/check.js'
import { planStack, type Plan3, type Truth3 } from './split-blind-3/stack.js'
import { ingestWithIndex } from './runChartclerk.js'
import { reportSplitRun, writeStacks } from './split-unseen.js'

export const DEFAULT_SEED = 'split-blind-v3'

export interface Blind3Stack {
  pdf: string
  truth: Truth3
}

/**
 * split-unseen's printer, scanner and scorer read only the fields every set's truth shares
 * (pages, roles, parts' ranges, types, patients and boundary labels, the scan look); this set's
 * boundary labels and fax banner names are its own strings.
 */
const asUnseenPlan = (p: Plan3) => p as unknown as StackPlan
const asUnseenTruth = (t: Truth3) => t as unknown as StackTruth

/** Plans a stack and refuses one whose truth does not hold together. */
function checkedPlan(seed: string, index: number, look: 'text' | 'scan'): Plan3 {
  const plan = planStack(seed, index, look)
  const bad = checkPlan(plan)
  if (bad.length) throw new Error(`split-blind-3: ${plan.truth.file} (seed ${seed}) is unsound: ${bad.join('; ')}`)
  return plan
}

export function writeBlind3Stacks(dir: string, o: { seed: string; text: number; scan: number }): Promise<Blind3Stack[]> {
  return writeStacks('split-blind-3', dir, o, checkedPlan, asUnseenPlan)
}

/** Cuts the truth says are inside a document, by what kind of document holds them. */
function cutsOfNote(truth: Truth3, found: number[]) {
  const inside = (p: Truth3['parts'][number]) => found.filter((k) => k > p.from && k <= p.to).length
  const o = {
    afterCover: 0,
    insideLongNumbered: 0,
    insideLongUnnumbered: 0,
    insideRunningTitle: 0,
    insideMidSentence: 0,
    insideLandscape: 0,
  }
  for (const p of truth.parts) {
    if (p.cover && found.includes(p.from + 1)) o.afterCover++
    if (p.long && p.numbered) o.insideLongNumbered += inside(p)
    if (p.long && !p.numbered) o.insideLongUnnumbered += inside(p)
    if (p.runningTitle) o.insideRunningTitle += inside(p)
    if (p.midSentence) o.insideMidSentence += inside(p)
    if (p.landscape) o.insideLandscape += inside(p)
  }
  return o
}

export async function ingestAndScoreBlind3(stacks: Blind3Stack[], o: { workers?: number } = {}) {
  const { linesByFile, seconds } = await ingestWithIndex<IngestLine>(
    'split-blind-3',
    stacks.map((s) => s.pdf),
    { patientsCsv: patientsCsv(), mrnPattern: MRN_PATTERN, workers: o.workers },
  )
  const perStack = stacks.map((s, i) => {
    const score = scoreStack(asUnseenTruth(s.truth), linesByFile[i]!)
    return {
      ...score,
      ...cutsOfNote(s.truth, score.foundBoundaries),
      lines: linesByFile[i]!.map((l) => ({
        status: l.status,
        split: l.split,
        documentType: l.documentType,
        typeConfidence: l.typeConfidence,
        patient: l.patient?.mrn ?? null,
        splitProposed: l.splitProposed,
      })),
    }
  })
  return { perStack, seconds }
}

type Scored = StackScore & ReturnType<typeof cutsOfNote>

function summary(scores: Scored[]) {
  const sum = (f: (s: Scored) => number) => scores.reduce((a, s) => a + f(s), 0)
  return {
    ...summarise(scores),
    cutsAfterFaxCover: sum((s) => s.afterCover),
    cutsInsideLongNumbered: sum((s) => s.insideLongNumbered),
    cutsInsideLongUnnumbered: sum((s) => s.insideLongUnnumbered),
    cutsInsideRunningTitle: sum((s) => s.insideRunningTitle),
    cutsInsideMidSentence: sum((s) => s.insideMidSentence),
    cutsInsideLandscape: sum((s) => s.insideLandscape),
  }
}

const pct = (x: number | null) => (x == null ? 'n/a' : x.toFixed(3))

function line(name: string, s: ReturnType<typeof summary>): string {
  const kinds = Object.entries(s.recallByKind)
    .map(([k, v]) => `${k} ${v!.found}/${v!.of}`)
    .join(', ')
  return (
    `split-blind-3 ${name}: ${s.stacks} stacks, ${s.pages} pages, ${s.boundaries} boundaries: precision ${pct(s.boundaryPrecision)}, recall ${pct(s.boundaryRecall)}; ` +
    `exact parts ${pct(s.exactPartAccuracy)}; cuts inside documents ${s.cutsInsideMultiPage} (long numbered ${s.cutsInsideLongNumbered}, long unnumbered ${s.cutsInsideLongUnnumbered}, ` +
    `running title ${s.cutsInsideRunningTitle}, mid-sentence ${s.cutsInsideMidSentence}, landscape ${s.cutsInsideLandscape}, after a fax cover ${s.cutsAfterFaxCover}); ` +
    `filed parts holding several documents ${s.partsFiledHoldingSeveralDocuments} of ${s.partsFiled}; pages filed into a wrong chart ${s.pagesFiledIntoWrongChart} ${JSON.stringify(s.wrongChartBreakdown)}; by kind: ${kinds}`
  )
}

export async function runSplitBlind3Bench(opts: { cacheDir: string; text?: number; scan?: number; seed?: string }) {
  const seed = opts.seed ?? DEFAULT_SEED
  const text = opts.text ?? 8
  const scan = opts.scan ?? 6
  const dir = path.join(opts.cacheDir, 'split-blind-3', seed)
  const t0 = performance.now()
  process.stderr.write(`bench: split-blind-3: writing ${text} text-layer and ${scan} scanned stacks in ${dir} ...\n`)
  const stacks = await writeBlind3Stacks(dir, { seed, text, scan })
  const writeSeconds = Math.round((performance.now() - t0) / 100) / 10
  process.stderr.write(
    `bench: split-blind-3: ${stacks.reduce((a, s) => a + s.truth.pages, 0)} pages written in ${writeSeconds} s; ingesting ...\n`,
  )
  const { perStack, seconds } = await ingestAndScoreBlind3(stacks)
  return reportSplitRun({
    name: 'split-blind-3',
    seed,
    written:
      "blind: senders and house styles invented for this set without reading src/split, src/classify, src/extract-fields, the patient matcher, bench/split or the earlier sets' documents",
    perStack,
    summary,
    line,
    writeSeconds,
    ingestSeconds: seconds,
  })
}
