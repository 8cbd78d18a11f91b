import { describe, expect, it } from 'vitest'
import { scoreStack, summarise, type IngestLine } from '../../../bench/split-unseen/score.js'
import { planStack, type StackTruth } from '../../../bench/split-unseen/stack.js'

// Pages: 1-2 patient A (one document), 3 separator, 4 patient B, 5 blank, 6 patient B (same type as 4).
const truth: StackTruth = {
  batch: 't',
  file: 't.pdf',
  look: 'scan',
  scanLook: 'copier',
  faxBanner: 'none',
  pages: 6,
  parts: [
    { from: 1, to: 2, type: 'discharge_summary', sender: 'x', patient: { mrn: 'CC-000001' }, numbered: false },
    { from: 4, to: 4, type: 'lab_report', sender: 'y', patient: { mrn: 'CC-000002' }, numbered: false, boundary: 'separator' },
    { from: 6, to: 6, type: 'lab_report', sender: 'y', patient: { mrn: 'CC-000002' }, numbered: false, boundary: 'same-patient-same-type' },
  ],
  roles: [
    { kind: 'document', part: 0 },
    { kind: 'document', part: 0 },
    { kind: 'separator', upsideDown: false },
    { kind: 'document', part: 1 },
    { kind: 'blank' },
    { kind: 'document', part: 2 },
  ],
}

const line = (from: number, to: number, mrn: string | null, status = 'filed', documentType = 'lab_report'): IngestLine => ({
  status,
  split: { from, to },
  patient: mrn ? { mrn } : null,
  documentType,
})

describe('split-unseen scoring', () => {
  it('counts a cut on the separator sheet as the cut before the next document, and trims blank edges for exact parts', () => {
    const s = scoreStack(truth, [line(1, 2, 'CC-000001', 'filed', 'discharge_summary'), line(3, 5, 'CC-000002'), line(6, 6, 'CC-000002')])
    expect(s.foundBoundaries).toEqual([4, 6])
    expect([s.tp, s.fp, s.fn]).toEqual([2, 0, 0])
    expect(s.exactParts).toBe(3)
    expect(s.exactPartsFiledRightPatient).toBe(3)
    expect(s.partsFiledHoldingSeveralDocuments).toBe(0)
    // The separator and the blank page went into a filed part: both count against the chart.
    expect(s.wrongChartPages).toEqual({ otherPatient: 0, separator: 1, blank: 1 })
  })

  it('misses the same-patient same-type boundary when the two are kept together, and a whole file counts as one part', () => {
    const s = scoreStack(truth, [line(1, 2, 'CC-000001', 'filed', 'discharge_summary'), line(4, 6, null, 'needs_review')])
    expect(s.byKind).toEqual({ separator: [1, 1], 'same-patient-same-type': [0, 1] })
    expect(s.fn).toBe(1)
    const whole = scoreStack(truth, [{ status: 'needs_review' }])
    expect([whole.tp, whole.fp, whole.fn]).toEqual([0, 0, 2])
    expect(summarise([whole]).boundaryPrecision).toBeNull()
  })

  it('counts another patient’s pages filed into a chart and a cut inside a long document', () => {
    const s = scoreStack(truth, [line(1, 1, 'CC-000001'), line(2, 6, 'CC-000002')])
    expect(s.cutsInsideMultiPage).toBe(1)
    expect(s.partsFiledHoldingSeveralDocuments).toBe(1)
    expect(s.fp).toBe(1)
    expect(s.wrongChartPages.otherPatient).toBe(1)
    expect(summarise([s]).pagesFiledIntoWrongChart).toBe(3)
  })
})

describe('split-unseen stacks', () => {
  it('are the same for the same seed, and their truth covers every page once', () => {
    for (const look of ['text', 'scan'] as const)
      for (let i = 0; i < 6; i++) {
        const a = planStack('test-seed', i, look)
        expect(planStack('test-seed', i, look).truth).toEqual(a.truth)
        const t = a.truth
        expect(t.roles).toHaveLength(t.pages)
        expect(t.parts.some((p) => p.to > p.from)).toBe(true)
        for (const [k, p] of t.parts.entries()) {
          for (let n = p.from; n <= p.to; n++) expect(t.roles[n - 1]).toEqual({ kind: 'document', part: k })
          expect(k === 0 ? p.boundary : typeof p.boundary).toBe(k === 0 ? undefined : 'string')
        }
        const docPages = t.roles.filter((r) => r.kind === 'document').length
        expect(t.parts.reduce((s, p) => s + p.to - p.from + 1, 0)).toBe(docPages)
        expect(a.separatorPages).toEqual(t.roles.flatMap((r, n) => (r.kind === 'separator' ? [n + 1] : [])))
        // One page div per page that is not a separator sheet.
        expect(a.html.match(/<div class="page /g)).toHaveLength(t.pages - a.separatorPages.length)
        if (look === 'text') expect(t.roles.some((r) => r.kind === 'blank')).toBe(false)
      }
  })
})
