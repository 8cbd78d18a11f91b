/**
 * Splitting stacks of the fifth blind set (`bench/split-blind-5/`, written without reading the
 * splitter, the classifier, the field readers, the patient matcher or any earlier set's
 * documents): a critical-access hospital faxing several patients' records in one transmission,
 * a copier pile of a day's mail, replies to records requests (one person's documents back to
 * back behind a release letter), and a partner hospital's record system printing a batch of
 * several patients' documents under one letterhead, in senders and house styles of their own.
 * Text-layer and scanned stacks go through the real `chartclerk --json ingest` in a fresh data
 * folder holding the set's chart list, and are scored with split-unseen's scorer: boundary
 * precision and recall (also per kind of boundary), exact parts, cuts inside documents, pages
 * filed into a chart of a person they do not belong to (must be 0; a page counts by the part the
 * key puts it in, whether or not it names anyone). Added here: cuts right after a fax cover
 * sheet, inside long documents, inside landscape tables, and before a page that names no patient
 * or names the patient by name alone.
 *
 * Nothing may be tuned on this set; only aggregate figures are reported (bench/split-blind-5/README.md).
 *
 * `npm run bench -- --only split-blind-5 [--blind5-text N] [--blind5-scan N] [--blind5-seed S]`
 * (default 8 text-layer and 6 scanned stacks, seed `split-blind-v5`). Stacks and keys stay in
 * .bench-cache/split-blind-5/<seed>/; the run is kept in bench/results/split-blind-5-latest.json.
 */
import type { StackPlan } from './split-unseen/stack.js'
import { checkPlan } from './split-blind-5/check.js'
import { MRN_PATTERN, patientsCsv } from './split-blind-5/people.js'
import { planStack, type Look, type Plan5, type Truth5 } from './split-blind-5/stack.js'
import { runSplitSet, writeStacks } from './split-unseen.js'

export const DEFAULT_SEED = 'split-blind-v5'

/** Plans a stack and refuses one whose key does not hold together. */
export function checkedPlan(seed: string, index: number, look: Look): Plan5 {
  const plan = planStack(seed, index, look)
  const bad = checkPlan(plan)
  if (bad.length) throw new Error(`split-blind-5: ${plan.truth.file} (seed ${seed}) is unsound: ${bad.join('; ')}`)
  return plan
}

export function writeBlind5Stacks(dir: string, o: { seed: string; text: number; scan: number }) {
  return writeStacks('split-blind-5', dir, o, checkedPlan, (p) => p as unknown as StackPlan)
}

/** Cuts the key says are inside a document, by what is on the page the cut falls before. */
export function cutsOfNote(truth: Truth5, found: number[]) {
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

export function runSplitBlind5Bench(opts: { cacheDir: string; text?: number; scan?: number; seed?: string }) {
  return runSplitSet({
    name: 'split-blind-5',
    seed: opts.seed ?? DEFAULT_SEED,
    text: opts.text ?? 8,
    scan: opts.scan ?? 6,
    cacheDir: opts.cacheDir,
    written:
      "blind: senders, house styles and stack scenarios invented for this set without reading src/split, src/classify, src/extract-fields, the patient matcher, bench/split or the earlier sets' documents",
    plan: checkedPlan,
    patientsCsv: patientsCsv(),
    mrnPattern: MRN_PATTERN,
    counters: cutsOfNote,
    totals: {
      cutsInsideLong: { of: 'insideLong', says: 'long' },
      cutsInsideLandscape: { of: 'insideLandscape', says: 'landscape' },
      cutsAfterFaxCover: { of: 'afterCover', says: 'after a fax cover' },
      cutsBeforePageNamingNobody: { of: 'beforePageNamingNobody', says: 'before a page naming nobody' },
      cutsBeforePageNamingByNameOnly: { of: 'beforePageNamingByNameOnly', says: 'before a page naming by name alone' },
    },
  })
}
