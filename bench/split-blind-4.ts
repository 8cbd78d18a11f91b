/**
 * Splitting stacks of the fourth blind set (`bench/split-blind-4/`, written without reading the
 * splitter, the classifier, the field readers, the patient matcher or any earlier set's
 * documents): a health center's mail pile, a hospital faxing several patients' records at once,
 * a fax server's inbox merged into one file, and replies to records requests, in senders and
 * house styles of their own. Text-layer and scanned stacks go through the real
 * `chartclerk --json ingest` in a fresh data folder holding the set's chart list, and are scored
 * with split-unseen's scorer: boundary precision and recall (also per kind of boundary), exact
 * parts, cuts inside documents, pages filed into a chart of a person they do not belong to
 * (must be 0; a page counts by the part the key puts it in, whether or not it names anyone).
 * Added here: cuts right after a fax cover sheet, inside long documents, inside landscape
 * tables, and before a page that names no patient or names the patient by name alone.
 *
 * Nothing may be tuned on this set; only aggregate figures are reported (bench/split-blind-4/README.md).
 *
 * `npm run bench -- --only split-blind-4 [--blind4-text N] [--blind4-scan N] [--blind4-seed S]`
 * (default 8 text-layer and 6 scanned stacks, seed `split-blind-v4`). Stacks and keys stay in
 * .bench-cache/split-blind-4/<seed>/; the run is kept in bench/results/split-blind-4-latest.json.
 */
import path from 'node:path'
import { scoreStack, summarise, type IngestLine, type StackScore } from './split-unseen/score.js'
import type { StackPlan, StackTruth } from './split-unseen/stack.js'
import { checkPlan } from './split-blind-4/check.js'
import { MRN_PATTERN, patientsCsv } from './split-blind-4/people.js'
import { planStack, type Look, type Plan4, type Truth4 } from './split-blind-4/stack.js'
import { ingestWithIndex } from './runChartclerk.js'
import { reportSplitRun, writeStacks } from './split-unseen.js'

export const DEFAULT_SEED = 'split-blind-v4'

export interface Blind4Stack {
  pdf: string
  truth: Truth4
}

/**
 * split-unseen's printer, scanner and scorer read only the fields every set's key shares (pages,
 * roles, parts' ranges, types, patients and boundary labels, the scan look); this set's boundary
 * labels, scan looks and banner names are its own strings.
 */
const asUnseenPlan = (p: Plan4) => p as unknown as StackPlan
const asUnseenTruth = (t: Truth4) => t as unknown as StackTruth

/** Plans a stack and refuses one whose key does not hold together. */
export function checkedPlan(seed: string, index: number, look: Look): Plan4 {
  const plan = planStack(seed, index, look)
  const bad = checkPlan(plan)
  if (bad.length) throw new Error(`split-blind-4: ${plan.truth.file} (seed ${seed}) is unsound: ${bad.join('; ')}`)
  return plan
}

export function writeBlind4Stacks(dir: string, o: { seed: string; text: number; scan: number }): Promise<Blind4Stack[]> {
  return writeStacks('split-blind-4', dir, o, checkedPlan, asUnseenPlan)
}

/** Cuts the key says are inside a document, by what is on the page the cut falls before. */
export function cutsOfNote(truth: Truth4, found: number[]) {
  const o = { afterCover: 0, insideLong: 0, insideLandscape: 0, beforePageNamingNobody: 0, beforePageNamingByNameOnly: 0 }
  for (const p of truth.parts)
    for (const k of found) {
      if (k <= p.from || k > p.to) continue
      if (p.cover && k === p.from + 1) o.afterCover++
      if (p.long) o.insideLong++
      if (p.landscape) o.insideLandscape++
      const naming = p.naming[k - p.from]
      if (naming === 'none') o.beforePageNamingNobody++
      if (naming === 'name') o.beforePageNamingByNameOnly++
    }
  return o
}

export async function ingestAndScoreBlind4(stacks: Blind4Stack[], o: { workers?: number } = {}) {
  const { linesByFile, seconds } = await ingestWithIndex<IngestLine>(
    'split-blind-4',
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
    cutsInsideLong: sum((s) => s.insideLong),
    cutsInsideLandscape: sum((s) => s.insideLandscape),
    cutsBeforePageNamingNobody: sum((s) => s.beforePageNamingNobody),
    cutsBeforePageNamingByNameOnly: sum((s) => s.beforePageNamingByNameOnly),
  }
}

const pct = (x: number | null) => (x == null ? 'n/a' : x.toFixed(3))

function line(name: string, s: ReturnType<typeof summary>): string {
  const kinds = Object.entries(s.recallByKind)
    .map(([k, v]) => `${k} ${v!.found}/${v!.of}`)
    .join(', ')
  return (
    `split-blind-4 ${name}: ${s.stacks} stacks, ${s.pages} pages, ${s.boundaries} boundaries: precision ${pct(s.boundaryPrecision)}, recall ${pct(s.boundaryRecall)}; ` +
    `exact parts ${pct(s.exactPartAccuracy)}; cuts inside documents ${s.cutsInsideMultiPage} (long ${s.cutsInsideLong}, landscape ${s.cutsInsideLandscape}, after a fax cover ${s.cutsAfterFaxCover}, ` +
    `before a page naming nobody ${s.cutsBeforePageNamingNobody}, before a page naming by name alone ${s.cutsBeforePageNamingByNameOnly}); ` +
    `filed parts holding several documents ${s.partsFiledHoldingSeveralDocuments} of ${s.partsFiled}; pages filed into a wrong chart ${s.pagesFiledIntoWrongChart} ${JSON.stringify(s.wrongChartBreakdown)}; by kind: ${kinds}`
  )
}

export async function runSplitBlind4Bench(opts: { cacheDir: string; text?: number; scan?: number; seed?: string }) {
  const seed = opts.seed ?? DEFAULT_SEED
  const text = opts.text ?? 8
  const scan = opts.scan ?? 6
  const dir = path.join(opts.cacheDir, 'split-blind-4', seed)
  const t0 = performance.now()
  process.stderr.write(`bench: split-blind-4: writing ${text} text-layer and ${scan} scanned stacks in ${dir} ...\n`)
  const stacks = await writeBlind4Stacks(dir, { seed, text, scan })
  const writeSeconds = Math.round((performance.now() - t0) / 100) / 10
  process.stderr.write(
    `bench: split-blind-4: ${stacks.reduce((a, s) => a + s.truth.pages, 0)} pages written in ${writeSeconds} s; ingesting ...\n`,
  )
  const { perStack, seconds } = await ingestAndScoreBlind4(stacks)
  return reportSplitRun({
    name: 'split-blind-4',
    seed,
    written:
      "blind: senders, house styles and stack scenarios invented for this set without reading src/split, src/classify, src/extract-fields, the patient matcher, bench/split or the earlier sets' documents",
    perStack,
    summary,
    line,
    writeSeconds,
    ingestSeconds: seconds,
  })
}
