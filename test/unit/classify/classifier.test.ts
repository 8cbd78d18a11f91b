import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DoctypeClassifier, loadDefaultClassifier } from '../../../src/classify/classifier.js'
import { loadDocTypes } from '../../../src/classify/doctypes.js'
import { defaultDocTypesDir } from '../../../src/classify/paths.js'

const clf = loadDefaultClassifier()
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})
function typesDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'doctypes-clf-'))
  dirs.push(d)
  cpSync(defaultDocTypesDir(), d, { recursive: true })
  return d
}

const LAB = `TRI-COUNTY REFERENCE LABORATORY
45 Commerce Way, Millbrook, OH 43950   CLIA 36D0987654
PATIENT: JOHNSON, MICHAEL   DOB: 01/12/1975
Collected: 03/10/2025 08:42   Reported: 03/11/2025 09:20
TEST              RESULT   FLAG  UNITS   REFERENCE RANGE
Glucose           131      H     mg/dL   70-99
BUN               22       H     mg/dL   7-20
Creatinine        1.02           mg/dL   0.60-1.30
Specimen: Serum`

describe('classify', () => {
  it('returns type, calibrated confidence, alternatives and reasons', () => {
    const r = clf.classify(LAB)
    expect(r.type).toBe('lab_report')
    expect(r.confidence).toBeGreaterThan(clf.reviewThreshold)
    expect(r.needsReview).toBe(false)
    expect(r.alternatives).toHaveLength(3)
    expect(r.alternatives[0]!.confidence).toBeLessThanOrEqual(r.confidence)
    const total = r.confidence + r.alternatives.reduce((a, b) => a + b.confidence, 0)
    expect(total).toBeLessThanOrEqual(1 + 1e-9)
    expect(r.reasons.join(' ')).toMatch(/lab_report words found: .*reference range/)
  })

  it('sends an empty or near-empty page to review', () => {
    for (const text of ['', '   \n ', 'Page 2 of 3']) {
      const r = clf.classify(text)
      expect(r.needsReview).toBe(true)
      expect(r.reasons.join(' ')).toMatch(/below the review threshold/)
    }
  })

  it('recognizes a fax cover sheet as other', () => {
    const r = clf.classify(
      'FAX COVER SHEET\nDate: 07/22/2025\nTo: Medical Records  Fax: (740) 555-0141\nFrom: Harbor Urgent Care\nPages (including cover): 4\nRe: requested records\nCONFIDENTIALITY NOTICE: this facsimile contains protected health information.',
    )
    expect(r.type).toBe('other')
  })

  it('reads the whole text of an extracted document', () => {
    const r = clf.classifyExtracted({ pages: [], fullText: LAB, ocrConfidence: null, source: 'text-layer' })
    expect(r.type).toBe('lab_report')
  })

  it('GIVEN a type a records lead added after training WHEN its signals are strong THEN it can win', () => {
    const d = typesDir()
    writeFileSync(
      path.join(d, 'advance_directive.json'),
      JSON.stringify({
        type: 'advance_directive',
        title: 'Advance directive',
        description: 'DNR orders, health-care proxies, living wills.',
        signals: {
          titles: ['advance directive', 'living will', 'do not resuscitate order'],
          keywords: [
            { term: 'health care proxy', weight: 4 },
            { term: 'life-sustaining treatment', weight: 4 },
            { term: 'agent', weight: 2 },
          ],
          patterns: [{ regex: '\\bdo\\s+not\\s+resuscitate\\b', weight: 4 }],
        },
        fields: [],
      }),
    )
    const c = new DoctypeClassifier(clf.model, loadDocTypes(d))
    const r = c.classify(
      'ADVANCE DIRECTIVE\nLIVING WILL\nI, Maria Lopez, direct that life-sustaining treatment be withheld. I appoint my daughter as my health care proxy and agent. Do not resuscitate.\nSignature ______ Date 01/02/2025 Witness ______',
    )
    expect(r.type).toBe('advance_directive')
    expect(r.reasons.join(' ')).toMatch(/added after the model was trained/)
    // and it does not disturb an ordinary lab report
    expect(c.classify(LAB).type).toBe('lab_report')
  })

  it('GIVEN a type file removed THEN that type is no longer a candidate', () => {
    const d = typesDir()
    unlinkSync(path.join(d, 'lab_report.json'))
    const r = new DoctypeClassifier(clf.model, loadDocTypes(d)).classify(LAB)
    expect(r.type).not.toBe('lab_report')
    expect(r.alternatives.map((a) => a.type)).not.toContain('lab_report')
  })

  it('GIVEN the same text twice (a one-page document, its page then itself) THEN the same reading, each caller its own copy; new types in force read it anew', () => {
    const c = new DoctypeClassifier(clf.model, loadDocTypes(defaultDocTypesDir()))
    const first = c.classify(LAB)
    first.reasons.push('a review reason added by the caller')
    const again = c.classify(LAB)
    expect(again).toEqual(new DoctypeClassifier(clf.model, loadDocTypes(defaultDocTypesDir())).classify(LAB))
    expect(again.reasons).not.toContain('a review reason added by the caller')
    expect(again.type).toBe('lab_report')
    const d = typesDir()
    unlinkSync(path.join(d, 'lab_report.json'))
    c.useDocTypes(loadDocTypes(d))
    expect(c.classify(LAB).type).not.toBe('lab_report')
  })
})
