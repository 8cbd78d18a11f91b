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
import path from 'node:path'
import { scoreStack, summarise, type IngestLine, type StackScore } from './split-unseen/score.js'
import type { StackPlan, StackTruth } from './split-unseen/stack.js'
import { MRN_PATTERN, patientsCsv } from './split-blind/patients.js'
import { planStack, type BlindPlan, type BlindTruth } from './split-blind/stack.js'
import { ingestWithIndex } from './runChartclerk.js'
import { reportSplitRun, writeStacks } from './split-unseen.js'

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

export function writeBlindStacks(dir: string, o: { seed: string; text: number; scan: number }): Promise<BlindStack[]> {
  return writeStacks('split-blind', dir, o, planStack, asUnseenPlan)
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
  const { linesByFile, seconds } = await ingestWithIndex<IngestLine>(
    'split-blind',
    stacks.map((s) => s.pdf),
    { patientsCsv: patientsCsv(), mrnPattern: MRN_PATTERN, workers: o.workers },
  )
  const perStack = stacks.map((s, i) => {
    const score = scoreStack(asUnseenTruth(s.truth), linesByFile[i]!)
    return {
      ...score,
      faxBanner: s.truth.faxBanner,
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
  return reportSplitRun({
    name: 'split-blind',
    seed,
    written:
      'blind: senders and house styles invented for this set without reading src/split, src/classify, src/extract-fields, bench/split or split-unseen documents',
    perStack,
    summary,
    line,
    writeSeconds,
    ingestSeconds: seconds,
  })
}
