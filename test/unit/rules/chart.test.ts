import { describe, expect, it } from 'vitest'
import { dayNumber, deriveChartFacts } from '../../../src/model/chart.js'
import { chart, doc } from './helpers.js'

describe('deriveChartFacts', () => {
  it('adds day counts per document and drops blank fields, without changing the chart', () => {
    const c = chart({
      asOf: '2025-06-30',
      encounters: [
        { id: 'e1', kind: 'inpatient', date: '2025-06-01', dischargeDate: '2025-06-05', facility: 'Mercy General', documentId: null },
      ],
      documents: [
        doc({
          id: 'hp',
          type: 'history_and_physical',
          dateOfService: '2025-05-30',
          receivedAt: '2025-06-10T08:00:00Z',
          encounterId: 'e1',
          signed: { present: true, by: 'Dr. X', date: '2025-06-02', kind: 'electronic' },
          fields: { chiefComplaint: 'Cough', pastHistory: '  ', reviewOfSystems: [], physicalExam: null },
        }),
        doc({ id: 'ds', type: 'discharge_summary', dateOfService: null, fields: { admissionDate: '2025-06-01' } }),
      ],
    })
    const before = JSON.stringify(c)
    const f = deriveChartFacts(c)
    expect(JSON.stringify(c)).toBe(before)
    const hp = f.documents[0]!
    expect(hp).toMatchObject({ daysSinceService: 31, daysSinceReceived: 20, daysAfterAdmission: -2, signedDaysAfterService: 3 })
    expect(hp.fields).toEqual({ chiefComplaint: 'Cough' })
    expect(f.documents[1]).toMatchObject({ daysSinceService: null, daysAfterAdmission: null })
    expect(f.patient.ageYears).toBe(63)
  })

  it('keeps properties it does not know about', () => {
    const d = { ...doc({ id: 'x', type: 'other' }), scannedBy: 'front desk' }
    expect((deriveChartFacts(chart({ documents: [d] })).documents[0] as unknown as { scannedBy: string }).scannedBy).toBe('front desk')
  })

  it('hospital stays: from encounters and from ED/hospital notices, each with its summary if one is on file', () => {
    const f = deriveChartFacts(
      chart({
        asOf: '2025-06-30',
        encounters: [
          {
            id: 'e-in',
            kind: 'inpatient',
            date: '2025-05-01',
            dischargeDate: '2025-05-04',
            facility: 'Mercy General',
            documentId: 'adt-1',
          },
          { id: 'e-office', kind: 'office', date: '2025-05-10', dischargeDate: null, facility: null, documentId: null },
          { id: 'e-still', kind: 'inpatient', date: '2025-06-25', dischargeDate: null, facility: 'Mercy General', documentId: null },
        ],
        documents: [
          doc({ id: 'adt-1', type: 'emergency_report', fields: { visitDate: '2025-05-01' } }),
          doc({
            id: 'ed-7',
            type: 'emergency_report',
            dateOfService: '2025-03-03',
            source: 'County ED',
            fields: { visitDate: '2025-03-03' },
          }),
          doc({
            id: 'ds-1',
            type: 'discharge_summary',
            receivedAt: '2025-05-20T10:00:00Z',
            fields: { admissionDate: '2025-05-01', dischargeDate: '2025-05-04' },
          }),
        ],
      }),
    )
    expect(f.hospitalStays).toEqual([
      {
        documentId: 'adt-1',
        encounterId: 'e-in',
        kind: 'inpatient',
        facility: 'Mercy General',
        admissionDate: '2025-05-01',
        dischargeDate: '2025-05-04',
        daysSinceDischarge: 57,
        summaryDocumentId: 'ds-1',
        summaryReceivedAt: '2025-05-20',
        summaryWithinDays: 16,
      },
      {
        documentId: null,
        encounterId: 'e-still',
        kind: 'inpatient',
        facility: 'Mercy General',
        admissionDate: '2025-06-25',
        dischargeDate: null,
        daysSinceDischarge: null,
        summaryDocumentId: null,
        summaryReceivedAt: null,
        summaryWithinDays: null,
      },
      {
        documentId: 'ed-7',
        encounterId: null,
        kind: 'emergency',
        facility: 'County ED',
        admissionDate: '2025-03-03',
        dischargeDate: '2025-03-03',
        daysSinceDischarge: 119,
        summaryDocumentId: null,
        summaryReceivedAt: null,
        summaryWithinDays: null,
      },
    ])
  })

  it('consents: the register plus consent forms among the documents', () => {
    const f = deriveChartFacts(
      chart({
        consents: [{ kind: 'treatment', signed: true, signedDate: '2024-01-01', expiresDate: null, revoked: false, documentId: null }],
        documents: [
          doc({
            id: 'cf',
            type: 'consent_form',
            dateOfService: '2025-03-01',
            signed: { present: true, by: 'Pat', date: null, kind: 'handwritten' },
            fields: { consentKind: 'telehealth', signatureDate: '2025-03-02' },
          }),
        ],
      }),
    )
    expect(f.consents.map((c) => [c.from, c.kind, c.signed, c.signedDate, c.documentId])).toEqual([
      ['register', 'treatment', true, '2024-01-01', null],
      ['document', 'telehealth', true, '2025-03-02', 'cf'],
    ])
  })

  it('dayNumber reads dates and timestamps and refuses impossible dates', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000)
    expect(dayNumber('2025-02-29')).toBeNull()
    expect(dayNumber('1900-02-29')).toBeNull()
    expect(dayNumber('2000-02-29')).not.toBeNull()
    expect(dayNumber('2025-06-30T22:10:00Z')).toBe(Date.UTC(2025, 5, 30) / 86_400_000)
    expect(dayNumber('06/30/2025')).toBeNull()
    expect(dayNumber(20250630)).toBeNull()
  })
})
