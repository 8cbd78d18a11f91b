/**
 * How well `chartclerk ingest --json` cut a batch, against the batch's ground truth.
 *
 * A boundary is a cut before page k: the first page of every part but the first. A line
 * without `split` (chartclerk before it splits stacks, or a file that failed) stands for the
 * whole file. Lines for separator sheets, if chartclerk prints any, are not parts.
 */
import { pageRoles, type BatchTruth } from './batch.js'

export interface IngestLine {
  status: string
  error?: { code: string } | null
  file?: string
  pages?: number | null
  split?: { from: number; to: number }
  /** Blank pages inside `split` that the document left out (kept in the received file, not filed). */
  blankPages?: number[]
  documentType?: string | null
  patient?: { mrn: string } | null
  separator?: boolean
}

export interface BatchScore {
  batch: string
  pages: number
  truthBoundaries: number[]
  foundBoundaries: number[]
  /** Truth boundaries found, boundaries found that are not in the truth, truth boundaries missed. */
  tp: number
  fp: number
  fn: number
  truthParts: number
  /** Parts chartclerk produced with exactly a truth part's pages. */
  exactParts: number
  /** Of those, how many carry the truth's type, and (when filed) the truth's patient. */
  exactPartsRightType: number
  partsFiled: number
  partsInReview: number
  /** Pages filed into the chart of a patient the page does not belong to: another patient's pages, separator sheets, blank pages. */
  wrongChartPages: { otherPatient: number; separator: number; blank: number }
  lines: number
  /** Lines by status (a failed line as `failed:<code>`), to tell a batch in review from one that failed. */
  statuses: Record<string, number>
}

/** The parts chartclerk made of one file, sorted by first page. */
export function partsOf(lines: IngestLine[], truth: BatchTruth): (IngestLine & { from: number; to: number })[] {
  return lines
    .filter((l) => !l.separator && l.status !== 'separator')
    .map((l) => ({ ...l, from: l.split?.from ?? 1, to: l.split?.to ?? truth.pages }))
    .sort((a, b) => a.from - b.from || a.to - b.to)
}

export function scoreBatch(truth: BatchTruth, lines: IngestLine[]): BatchScore {
  const parts = partsOf(lines, truth)
  const truthBoundaries = truth.parts.slice(1).map((p) => p.from)
  const foundBoundaries = [...new Set(parts.slice(1).map((p) => p.from))].filter((k) => k > 1)
  const truthSet = new Set(truthBoundaries)
  const tp = foundBoundaries.filter((k) => truthSet.has(k)).length
  const roles = pageRoles(truth)
  const score: BatchScore = {
    batch: truth.batch,
    pages: truth.pages,
    truthBoundaries,
    foundBoundaries,
    tp,
    fp: foundBoundaries.length - tp,
    fn: truthBoundaries.length - tp,
    truthParts: truth.parts.length,
    exactParts: 0,
    exactPartsRightType: 0,
    partsFiled: 0,
    partsInReview: 0,
    wrongChartPages: { otherPatient: 0, separator: 0, blank: 0 },
    lines: lines.length,
    statuses: {},
  }
  for (const l of lines) {
    const k = l.status === 'failed' && l.error?.code ? `failed:${l.error.code}` : l.status
    score.statuses[k] = (score.statuses[k] ?? 0) + 1
  }
  for (const t of truth.parts) {
    const same = parts.find((p) => p.from === t.from && p.to === t.to)
    if (!same) continue
    score.exactParts++
    if (same.documentType === t.type) score.exactPartsRightType++
  }
  for (const p of parts) {
    if (p.status === 'filed') score.partsFiled++
    if (p.status === 'needs_review') score.partsInReview++
    if (p.status !== 'filed' || !p.patient) continue
    for (let n = Math.max(1, p.from); n <= Math.min(truth.pages, p.to); n++) {
      if (p.blankPages?.includes(n)) continue
      const role = roles[n - 1]!
      if (role.kind === 'document') {
        if (truth.parts[role.part]!.patient.mrn !== p.patient.mrn) score.wrongChartPages.otherPatient++
      } else score.wrongChartPages[role.kind]++
    }
  }
  return score
}

export interface SplitSummary {
  batches: number
  pages: number
  documents: number
  boundaries: number
  /** null when chartclerk proposed no boundary at all (precision of nothing). */
  boundaryPrecision: number | null
  boundaryRecall: number | null
  exactPartAccuracy: number
  exactPartsRightType: number
  partsFiled: number
  partsInReview: number
  /** Must be 0: pages filed into the chart of a patient they do not belong to (another patient's pages, separator sheets, blank pages). */
  pagesFiledIntoWrongChart: number
  wrongChartBreakdown: { otherPatient: number; separator: number; blank: number }
}

export function summarise(scores: BatchScore[]): SplitSummary {
  const sum = (f: (s: BatchScore) => number) => scores.reduce((a, s) => a + f(s), 0)
  const round = (x: number) => Math.round(x * 1000) / 1000
  const tp = sum((s) => s.tp)
  const fp = sum((s) => s.fp)
  const fn = sum((s) => s.fn)
  const wrong = {
    otherPatient: sum((s) => s.wrongChartPages.otherPatient),
    separator: sum((s) => s.wrongChartPages.separator),
    blank: sum((s) => s.wrongChartPages.blank),
  }
  const parts = sum((s) => s.truthParts)
  return {
    batches: scores.length,
    pages: sum((s) => s.pages),
    documents: parts,
    boundaries: tp + fn,
    boundaryPrecision: tp + fp ? round(tp / (tp + fp)) : null,
    boundaryRecall: tp + fn ? round(tp / (tp + fn)) : null,
    exactPartAccuracy: parts ? round(sum((s) => s.exactParts) / parts) : 0,
    exactPartsRightType: sum((s) => s.exactPartsRightType),
    partsFiled: sum((s) => s.partsFiled),
    partsInReview: sum((s) => s.partsInReview),
    pagesFiledIntoWrongChart: wrong.otherPatient + wrong.separator + wrong.blank,
    wrongChartBreakdown: wrong,
  }
}
