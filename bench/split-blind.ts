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
import type { StackPlan } from './split-unseen/stack.js'
import { MRN_PATTERN, patientsCsv } from './split-blind/patients.js'
import { planStack, type BlindTruth } from './split-blind/stack.js'
import { runSplitSet, writeStacks } from './split-unseen.js'

export function writeBlindStacks(dir: string, o: { seed: string; text: number; scan: number }) {
  return writeStacks('split-blind', dir, o, planStack, (p) => p as unknown as StackPlan)
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

export function runSplitBlindBench(opts: { cacheDir: string; text?: number; scan?: number; seed?: string }) {
  return runSplitSet({
    name: 'split-blind',
    seed: opts.seed ?? 'split-blind-v1',
    text: opts.text ?? 8,
    scan: opts.scan ?? 6,
    cacheDir: opts.cacheDir,
    written:
      'blind: senders and house styles invented for this set without reading src/split, src/classify, src/extract-fields, bench/split or split-unseen documents',
    plan: planStack,
    patientsCsv: patientsCsv(),
    mrnPattern: MRN_PATTERN,
    counters: cutsOfNote,
    totals: {
      cutsInsideLongDocument: { of: 'insideLong', says: 'long document' },
      cutsAfterFaxCover: { of: 'afterCover', says: 'after a fax cover' },
    },
  })
}
