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
import type { StackPlan } from './split-unseen/stack.js'
import { MRN_PATTERN, patientsCsv } from './split-blind-3/patients.js'
import { checkPlan } from './split-blind-3/check.js'
import { planStack, type Plan3, type Truth3 } from './split-blind-3/stack.js'
import { runSplitSet, writeStacks } from './split-unseen.js'

export const DEFAULT_SEED = 'split-blind-v3'

/** Plans a stack and refuses one whose truth does not hold together. */
function checkedPlan(seed: string, index: number, look: 'text' | 'scan'): Plan3 {
  const plan = planStack(seed, index, look)
  const bad = checkPlan(plan)
  if (bad.length) throw new Error(`split-blind-3: ${plan.truth.file} (seed ${seed}) is unsound: ${bad.join('; ')}`)
  return plan
}

export function writeBlind3Stacks(dir: string, o: { seed: string; text: number; scan: number }) {
  return writeStacks('split-blind-3', dir, o, checkedPlan, (p) => p as unknown as StackPlan)
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

export function runSplitBlind3Bench(opts: { cacheDir: string; text?: number; scan?: number; seed?: string }) {
  return runSplitSet({
    name: 'split-blind-3',
    seed: opts.seed ?? DEFAULT_SEED,
    text: opts.text ?? 8,
    scan: opts.scan ?? 6,
    cacheDir: opts.cacheDir,
    written:
      "blind: senders and house styles invented for this set without reading src/split, src/classify, src/extract-fields, the patient matcher, bench/split or the earlier sets' documents",
    plan: checkedPlan,
    patientsCsv: patientsCsv(),
    mrnPattern: MRN_PATTERN,
    counters: cutsOfNote,
    totals: {
      cutsInsideLongNumbered: { of: 'insideLongNumbered', says: 'long numbered' },
      cutsInsideLongUnnumbered: { of: 'insideLongUnnumbered', says: 'long unnumbered' },
      cutsInsideRunningTitle: { of: 'insideRunningTitle', says: 'running title' },
      cutsInsideMidSentence: { of: 'insideMidSentence', says: 'mid-sentence' },
      cutsInsideLandscape: { of: 'insideLandscape', says: 'landscape' },
      cutsAfterFaxCover: { of: 'afterCover', says: 'after a fax cover' },
    },
  })
}
