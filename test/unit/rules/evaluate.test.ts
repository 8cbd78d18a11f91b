import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../src/rules/evaluate.js'
import { loadRuleSet } from '../../../src/rules/ruleset.js'
import type { CompiledRule, RuleSet } from '../../../src/rules/types.js'
import { chart, doc, edit, scratchRules, STARTER_DIR, completeLab } from './helpers.js'

const rs = loadRuleSet(STARTER_DIR)

describe('evaluate with the starter rules', () => {
  it('a complete chart has no findings', () => {
    const c = chart({ documents: [doc({ id: 'lab-1', type: 'lab_report', fields: completeLab, ocrConfidence: 88 })] })
    expect(evaluate(rs, c)).toEqual([])
  })

  it('finds each deficiency once, with kind, document, page, message and the rule set version', () => {
    const c = chart({
      asOf: '2025-06-30',
      consents: [],
      encounters: [
        { id: 'enc-9', kind: 'inpatient', date: '2025-04-28', dischargeDate: '2025-05-02', facility: 'Mercy General', documentId: null },
      ],
      documents: [
        doc({
          id: 'lab-1',
          type: 'lab_report',
          fields: { ...completeLab, referenceRange: ' ', collectionDate: null },
          ocrConfidence: 41.2,
        }),
        doc({
          id: 'rad-1',
          type: 'radiology_report',
          signed: { present: true, by: 'Dr. Rosa Imaging', date: '2025-06-02', kind: 'stamped' },
          fields: {
            facility: 'Lakeside Imaging',
            referringProvider: 'Dr. Omar Field',
            examName: 'CXR',
            examDate: '2025-06-02',
            clinicalIndication: 'Cough',
            findings: 'Clear',
            impression: 'Normal',
            radiologist: 'Dr. Rosa Imaging',
          },
        }),
        doc({
          id: 'note-1',
          type: 'progress_note',
          dateOfService: '2025-08-01',
          filed: false,
          patientMatch: 'partial',
          pages: 2,
          pagesDeclared: 4,
          missingPages: [3, 4],
        }),
      ],
    })
    const found = evaluate(rs, c).map((f) => [f.ruleId, f.documentId, f.kind, f.severity, f.page ?? null, f.message])
    expect(found).toEqual([
      [
        'D04',
        'lab-1',
        'illegible',
        'warning',
        null,
        'Possibly illegible: OCR confidence 41.2 is below 60. Look at the scan; if it cannot be read, ask the sender for a clearer copy.',
      ],
      [
        'D05',
        'lab-1',
        'missing_field',
        'error',
        null,
        'Lab report is missing: collection date, reference interval. Ask the laboratory for a complete report.',
      ],
      [
        'D02',
        'rad-1',
        'missing_signature',
        'error',
        null,
        "Not authenticated: the signature is not handwritten or electronic (a stamped signature is not enough). Ask the author's office for a signed and dated copy.",
      ],
      [
        'D01',
        'note-1',
        'misfiled',
        'error',
        null,
        'Unfiled or unmatched document (patient match: partial): it is not filed yet (still in the unfiled queue); its patient identifiers do not agree with the chart. Confirm the patient with two identifiers, then file it in the right chart.',
      ],
      [
        'D03',
        'note-1',
        'invalid_date',
        'error',
        null,
        'Date of service in the future: find the date of service on the document and record it correctly.',
      ],
      [
        'D15',
        'note-1',
        'missing_pages',
        'error',
        3,
        'Page(s) 3, 4 missing from the document as received (2 received). Ask the sender to send the complete document again.',
      ],
      [
        'C01',
        null,
        'missing_document',
        'error',
        null,
        'No current consent to treat on file (a signed consent to treatment from the last 1 year is needed as of 2025-06-30). Have the patient sign one at the next visit.',
      ],
      [
        'C03',
        null,
        'missing_document',
        'error',
        null,
        'No discharge or visit summary on file for the inpatient encounter discharged 2025-05-02 (due by 2025-06-01). Send a records request to the hospital.',
      ],
    ])
    const all = evaluate(rs, c)
    expect(new Set(all.map((f) => f.rulesetVersion))).toEqual(new Set([rs.version]))
    expect(all.find((f) => f.ruleId === 'D05')?.missing).toEqual(['collection date', 'reference interval'])
    expect(all.find((f) => f.ruleId === 'C03')?.subject).toBe('encounter:enc-9')
  })

  it('C03: one finding per stay that is overdue, about the notice document; a summary that arrives late closes it', () => {
    const notice = doc({
      id: 'ed-1',
      type: 'emergency_report',
      dateOfService: '2025-04-10',
      fields: { visitDate: '2025-04-10', reasonForVisit: 'Fall', disposition: 'Home' },
    })
    const recent = doc({
      id: 'ed-2',
      type: 'emergency_report',
      dateOfService: '2025-06-20',
      fields: { visitDate: '2025-06-20', reasonForVisit: 'Asthma', disposition: 'Home' },
    })
    const c3 = (docs: ReturnType<typeof doc>[]) => evaluate(rs, chart({ documents: docs })).filter((f) => f.ruleId === 'C03')
    expect(c3([notice, recent]).map((f) => [f.documentId, f.subject])).toEqual([['ed-1', 'ed-1']])
    const lateSummary = doc({
      id: 'ed-1-sum',
      type: 'emergency_report',
      dateOfService: '2025-04-10',
      receivedAt: '2025-06-25T09:00:00Z',
      fields: { visitDate: '2025-04-10', visitSummary: true },
    })
    expect(c3([notice, recent, lateSummary])).toEqual([])
  })

  it('C01: a signed consent form document counts; a stamped one does not', () => {
    const form = (kind: 'handwritten' | 'stamped') =>
      doc({
        id: 'cf-1',
        type: 'consent_form',
        dateOfService: '2025-02-01',
        signed: { present: true, by: 'Alex Testperson', date: '2025-02-01', kind },
        fields: {
          consentKind: 'treatment',
          patientName: 'Alex Testperson',
          consentSubject: 'General treatment',
          signature: 'Alex Testperson',
          signatureDate: '2025-02-01',
        },
      })
    const c01 = (k: 'handwritten' | 'stamped') =>
      evaluate(rs, chart({ consents: [], documents: [form(k)] })).filter((f) => f.ruleId === 'C01')
    expect(c01('handwritten')).toEqual([])
    expect(c01('stamped')).toHaveLength(1)
  })

  it('D02 applies only to the listed types: an unsigned lab report is not a signature deficiency', () => {
    const c = chart({
      documents: [
        doc({ id: 'lab-2', type: 'lab_report', fields: completeLab, signed: { present: false, by: null, date: null, kind: null } }),
      ],
    })
    expect(evaluate(rs, c)).toEqual([])
  })

  it('a rule with "enabled": false stays in the folder but is not run', () => {
    const dir = scratchRules()
    try {
      edit(dir, 'D04-legible.yaml', (t) => t.replace('severity: warning', 'enabled: false\nseverity: warning'))
      const off = loadRuleSet(dir)
      const c = chart({ documents: [doc({ id: 'lab-3', type: 'lab_report', fields: completeLab, ocrConfidence: 10 })] })
      expect(evaluate(rs, c).map((f) => f.ruleId)).toEqual(['D04'])
      expect(evaluate(off, c)).toEqual([])
      expect(off.manifest.find((m) => m.id === 'D04')).toMatchObject({ enabled: false })
      expect(off.version).not.toBe(rs.version)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a rule that throws while checking becomes a finding naming the rule, and the other rules still run', () => {
    const thrower = Object.assign(
      () => {
        throw new Error('boom')
      },
      { errors: null },
    ) as unknown as CompiledRule['validate']
    const d05 = rs.rules.find((r) => r.id === 'D05')!
    const broken: CompiledRule = { ...d05, validate: thrower }
    const set: RuleSet = {
      ...rs,
      byType: new Map([['lab_report', [broken, ...rs.byType.get('lab_report')!.filter((r) => r.id !== 'D05')]]]),
    }
    const c = chart({ documents: [doc({ id: 'lab-4', type: 'lab_report', fields: completeLab, ocrConfidence: 10 })] })
    const f = evaluate(set, c)
    expect(f.map((x) => [x.ruleId, x.kind])).toEqual([
      ['D05', 'other'],
      ['D04', 'illegible'],
    ])
    expect(f[0]!.message).toMatch(/Rule D05 \(.*D05-lab-report\.json\) could not check this document: boom/)
  })
})
