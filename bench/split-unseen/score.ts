/**
 * Scoring `chartclerk ingest --json` lines against a stack's truth. Written apart from
 * bench/split/score.ts (whose truth format is bench/split's), with the same measures: a
 * boundary is a cut before page k (the first page of every part but the first); a line without
 * `split` stands for the whole file; lines for separator sheets are not parts. Added here:
 * recall per kind of boundary, and cuts made inside a document that must stay whole.
 */
import type { BoundaryKind, StackTruth } from './stack.js'

export interface IngestLine {
  status: string
  error?: { code: string } | null
  file?: string
  pages?: number | null
  split?: { from: number; to: number }
  documentType?: string | null
  patient?: { mrn: string } | null
  separator?: boolean
  splitProposed?: boolean
  typeConfidence?: number | null
  matchReason?: string | null
  reviewReasons?: unknown
}

export interface StackScore {
  batch: string
  look: string
  scanLook: string | null
  faxBanner: string
  pages: number
  truthBoundaries: number[]
  foundBoundaries: number[]
  tp: number
  fp: number
  fn: number
  /** Truth boundaries by kind: [found, all]. */
  byKind: Partial<Record<BoundaryKind, [number, number]>>
  /** Cuts inside a multi-page document. */
  cutsInsideMultiPage: number
  truthParts: number
  exactParts: number
  exactPartsRightType: number
  exactPartsFiledRightPatient: number
  partsFiled: number
  /** Filed parts whose pages hold more than one document (filed into the right chart or not). */
  partsFiledHoldingSeveralDocuments: number
  partsInReview: number
  wrongChartPages: { otherPatient: number; separator: number; blank: number }
  statuses: Record<string, number>
}

export function partsOf(lines: IngestLine[], pages: number) {
  return lines
    .filter((l) => !l.separator && l.status !== 'separator')
    .map((l) => ({ ...l, from: l.split?.from ?? 1, to: l.split?.to ?? pages }))
    .sort((a, b) => a.from - b.from || a.to - b.to)
}

/**
 * A boundary chartclerk drew counts at the first page of a part. When a separator sheet or a
 * blank back of a sheet lies between two documents, chartclerk may start the next part at the
 * document's first page, or leave the sheet out of every part; either is the truth's cut.
 */
export function scoreStack(truth: StackTruth, lines: IngestLine[]): StackScore {
  const parts = partsOf(lines, truth.pages)
  const truthBoundaries = truth.parts.slice(1).map((p) => p.from)
  // A cut placed on a separator or blank page just before a truth boundary is that boundary.
  const snap = (k: number) => {
    let n = k
    while (n <= truth.pages && truth.roles[n - 1]!.kind !== 'document') n++
    return n
  }
  const foundBoundaries = [...new Set(parts.slice(1).map((p) => snap(p.from)))].filter((k) => k > 1 && k <= truth.pages)
  const truthSet = new Set(truthBoundaries)
  const foundSet = new Set(foundBoundaries)
  const tp = foundBoundaries.filter((k) => truthSet.has(k)).length
  const byKind: StackScore['byKind'] = {}
  for (const p of truth.parts.slice(1)) {
    const k = p.boundary!
    const cur = byKind[k] ?? [0, 0]
    byKind[k] = [cur[0] + (foundSet.has(p.from) ? 1 : 0), cur[1] + 1]
  }
  let cutsInsideMultiPage = 0
  for (const t of truth.parts) if (t.to > t.from) cutsInsideMultiPage += foundBoundaries.filter((k) => k > t.from && k <= t.to).length
  const score: StackScore = {
    batch: truth.batch,
    look: truth.look,
    scanLook: truth.scanLook,
    faxBanner: truth.faxBanner,
    pages: truth.pages,
    truthBoundaries,
    foundBoundaries,
    tp,
    fp: foundBoundaries.length - tp,
    fn: truthBoundaries.length - tp,
    byKind,
    cutsInsideMultiPage,
    truthParts: truth.parts.length,
    exactParts: 0,
    exactPartsRightType: 0,
    exactPartsFiledRightPatient: 0,
    partsFiled: 0,
    partsFiledHoldingSeveralDocuments: 0,
    partsInReview: 0,
    wrongChartPages: { otherPatient: 0, separator: 0, blank: 0 },
    statuses: {},
  }
  for (const l of lines) {
    const k = l.status === 'failed' && l.error?.code ? `failed:${l.error.code}` : l.status
    score.statuses[k] = (score.statuses[k] ?? 0) + 1
  }
  // A part's separator or blank pages at its edges are not content: compare the document pages.
  const isDoc = (n: number) => truth.roles[n - 1]?.kind === 'document'
  const core = (p: { from: number; to: number }) => {
    let a = p.from
    let b = p.to
    while (a < b && !isDoc(a)) a++
    while (b > a && !isDoc(b)) b--
    return { a, b }
  }
  for (const t of truth.parts) {
    const same = parts.find((p) => {
      const c = core(p)
      return c.a === t.from && c.b === t.to
    })
    if (!same) continue
    score.exactParts++
    if (same.documentType === t.type) score.exactPartsRightType++
    if (same.status === 'filed' && same.patient?.mrn === t.patient.mrn) score.exactPartsFiledRightPatient++
  }
  for (const p of parts) {
    if (p.status === 'filed') score.partsFiled++
    if (p.status === 'needs_review') score.partsInReview++
    if (p.status !== 'filed' || !p.patient) continue
    const held = new Set<number>()
    for (let n = Math.max(1, p.from); n <= Math.min(truth.pages, p.to); n++) {
      const role = truth.roles[n - 1]!
      if (role.kind === 'document') held.add(role.part)
    }
    if (held.size > 1) score.partsFiledHoldingSeveralDocuments++
    for (let n = Math.max(1, p.from); n <= Math.min(truth.pages, p.to); n++) {
      const role = truth.roles[n - 1]!
      if (role.kind === 'document') {
        if (truth.parts[role.part]!.patient.mrn !== p.patient.mrn) score.wrongChartPages.otherPatient++
      } else score.wrongChartPages[role.kind]++
    }
  }
  return score
}

export interface Summary {
  stacks: number
  pages: number
  documents: number
  boundaries: number
  boundaryPrecision: number | null
  boundaryRecall: number | null
  recallByKind: Partial<Record<BoundaryKind, { found: number; of: number }>>
  cutsInsideMultiPage: number
  exactPartAccuracy: number
  exactPartsRightType: number
  exactPartsFiledRightPatient: number
  partsFiled: number
  partsFiledHoldingSeveralDocuments: number
  partsInReview: number
  /** Must be 0. */
  pagesFiledIntoWrongChart: number
  wrongChartBreakdown: { otherPatient: number; separator: number; blank: number }
}

export function summarise(scores: StackScore[]): Summary {
  const sum = (f: (s: StackScore) => number) => scores.reduce((a, s) => a + f(s), 0)
  const round = (x: number) => Math.round(x * 1000) / 1000
  const tp = sum((s) => s.tp)
  const fp = sum((s) => s.fp)
  const fn = sum((s) => s.fn)
  const wrong = {
    otherPatient: sum((s) => s.wrongChartPages.otherPatient),
    separator: sum((s) => s.wrongChartPages.separator),
    blank: sum((s) => s.wrongChartPages.blank),
  }
  const recallByKind: Summary['recallByKind'] = {}
  for (const s of scores)
    for (const [k, [f, a]] of Object.entries(s.byKind) as [BoundaryKind, [number, number]][]) {
      const cur = recallByKind[k] ?? { found: 0, of: 0 }
      recallByKind[k] = { found: cur.found + f, of: cur.of + a }
    }
  const parts = sum((s) => s.truthParts)
  return {
    stacks: scores.length,
    pages: sum((s) => s.pages),
    documents: parts,
    boundaries: tp + fn,
    boundaryPrecision: tp + fp ? round(tp / (tp + fp)) : null,
    boundaryRecall: tp + fn ? round(tp / (tp + fn)) : null,
    recallByKind,
    cutsInsideMultiPage: sum((s) => s.cutsInsideMultiPage),
    exactPartAccuracy: parts ? round(sum((s) => s.exactParts) / parts) : 0,
    exactPartsRightType: sum((s) => s.exactPartsRightType),
    exactPartsFiledRightPatient: sum((s) => s.exactPartsFiledRightPatient),
    partsFiled: sum((s) => s.partsFiled),
    partsFiledHoldingSeveralDocuments: sum((s) => s.partsFiledHoldingSeveralDocuments),
    partsInReview: sum((s) => s.partsInReview),
    pagesFiledIntoWrongChart: wrong.otherPatient + wrong.separator + wrong.blank,
    wrongChartBreakdown: wrong,
  }
}
