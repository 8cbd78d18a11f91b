import { describe, expect, it } from 'vitest'
import { detectSignature } from '../../../src/extract-fields/signature.js'

const opts = { refYear: 2025 }

describe('detectSignature: signed documents', () => {
  const cases: Array<{ name: string; text: string; by: string | null; date: string | null; kind: 'electronic' | 'handwritten' }> = [
    {
      name: 'electronic signature with "on DATE"',
      text: 'IMPRESSION: No acute disease.\n\nElectronically signed by Dr. Jane Roe on 03/05/2024 14:32',
      by: 'Jane Roe',
      date: '2024-03-05',
      kind: 'electronic',
    },
    {
      name: 'electronic signature with a colon and a "Date/Time:" column',
      text: 'Electronically Signed By: Priya Natarajan, MD     Date/Time: 02/14/2024 15:07',
      by: 'Priya Natarajan, MD',
      date: '2024-02-14',
      kind: 'electronic',
    },
    {
      name: '"Signed: ____ Jane Roe, MD  Date: ..." (name typed after the line)',
      text: 'Signed: ______________________ Jane Roe, MD     Date: 03/05/2024',
      by: 'Jane Roe, MD',
      date: '2024-03-05',
      kind: 'handwritten',
    },
    {
      name: 'conformed signature "/s/" with the date on the next line',
      text: 'Thank you for this referral.\n/s/ Alan Smith, MD\n03/06/2024',
      by: 'Alan Smith, MD',
      date: '2024-03-06',
      kind: 'electronic',
    },
    {
      name: '"Authenticated by" with an ISO date',
      text: 'Authenticated by: Rosa Delgado, DO   2024-01-09 08:12',
      by: 'Rosa Delgado, DO',
      date: '2024-01-09',
      kind: 'electronic',
    },
    {
      name: '"Signature: <name>" without a date',
      text: 'Patient signature: Maria Lopez',
      by: 'Maria Lopez',
      date: null,
      kind: 'handwritten',
    },
    {
      name: 'signature line with the name under it and a date below',
      text: 'Please call with questions.\n\n______________________________\nKwame Mensah, MD\nDate: 11/20/2023',
      by: 'Kwame Mensah, MD',
      date: '2023-11-20',
      kind: 'handwritten',
    },
    {
      name: 'signature line with the date beside it and the name under it',
      text: '____________________________        03/05/2024\nAlan Smith, DO',
      by: 'Alan Smith, DO',
      date: '2024-03-05',
      kind: 'handwritten',
    },
    {
      name: 'electronic signature with the name on the next line',
      text: 'Electronically signed by:\nJane Roe, MD\n03/05/2024 09:15',
      by: 'Jane Roe, MD',
      date: '2024-03-05',
      kind: 'electronic',
    },
    {
      name: 'OCR-damaged "E1ectronica1ly s igned by ... 0n O3/O5/2O24"',
      text: 'E1ectronica1ly s igned by: Dr. Jane Roe 0n O3/O5/2O24',
      by: 'Jane Roe',
      date: '2024-03-05',
      kind: 'electronic',
    },
    {
      name: 'OCR-damaged "Digita11y signed" with a month-name date',
      text: 'Digita11y signed by Samuel K. Osei, MD, March 7, 2024 10:02 AM',
      by: 'Samuel K. Osei, MD',
      date: '2024-03-07',
      kind: 'electronic',
    },
    {
      name: '"Signed by:" at the start of a line (EHR printout)',
      text: 'Signed by: Lena Fischer, NP on 12-01-2023 at 16:40',
      by: 'Lena Fischer, NP',
      date: '2023-12-01',
      kind: 'electronic',
    },
    {
      name: 'a preliminary read later finalised and signed',
      text: 'PRELIMINARY REPORT\nFindings called to ED.\n\nFINAL REPORT\nElectronically signed by Omar Haddad, MD on 01/15/2024',
      by: 'Omar Haddad, MD',
      date: '2024-01-15',
      kind: 'electronic',
    },
    {
      name: 'a consent form: patient signed, witness line left blank',
      text: 'Signature of patient or legal representative: Maria Lopez   Date: 05/02/2024\nWitness signature: ____________________   Date: ________',
      by: 'Maria Lopez',
      date: '2024-05-02',
      kind: 'handwritten',
    },
    {
      name: 'a signature on page 2 of a two-page document',
      text: 'Page one text\nPage 1 of 2\fPlan: follow up.\nElectronically signed by Grace Liu, MD on 2/3/24\nPage 2 of 2',
      by: 'Grace Liu, MD',
      date: '2024-02-03',
      kind: 'electronic',
    },
    {
      name: 'a "Signature  Date" row with the handwritten date above it and the printed name below',
      text: 'Thank you for seeing this patient.\nSincerely,\n7/22/2025\nSignature Date\nHannah Liu, MD\nUrgent Care Physician',
      by: 'Hannah Liu, MD',
      date: '2025-07-22',
      kind: 'handwritten',
    },
    {
      name: 'OCR of a pen stroke and a date whose slashes were read as 1 and 7 ("2A AARANNAAS 1011072025")',
      text: 'I agree to receive reminders.\n2A AARANNAAS 1011072025\nSignature Date\nTeresa De La Cruz\nPatient',
      by: 'Teresa De La Cruz',
      date: '2025-10-10',
      kind: 'handwritten',
    },
    {
      name: 'OCR residue of a pen stroke before the "Signature Date" row, the date unreadable',
      text: 'protected by federal privacy rules.\n2 Signature Date\nThomas James\nPatient',
      by: 'Thomas James',
      date: null,
      kind: 'handwritten',
    },
    {
      name: '"Physician Signature:" with a name in capitals',
      text: 'Physician Signature: ROBERT K. LEE, MD        Date: 10/10/2023',
      by: 'ROBERT K. LEE, MD',
      date: '2023-10-10',
      kind: 'handwritten',
    },
  ]
  for (const c of cases) {
    it(`GIVEN ${c.name} THEN it is signed`, () => {
      const r = detectSignature(c.text, opts)
      expect(r.present).toBe(true)
      expect(r.kind).toBe(c.kind)
      expect(r.by).toBe(c.by)
      expect(r.date).toBe(c.date)
      expect(r.evidence).toBeTruthy()
      expect(r.location).not.toBeNull()
    })
  }

  it('reports where the signature was found', () => {
    const r = detectSignature('Line one\nLine two\nElectronically signed by Dr. Jane Roe on 03/05/2024', opts)
    expect(r.location).toEqual({ page: 1, offset: 18, line: 3 })
  })
})

describe('detectSignature: not signed', () => {
  const cases: Array<{ name: string; text: string; marker?: boolean }> = [
    { name: 'a blank "Signature: ________" line', text: 'Signature: ____________________   Date: __________' },
    {
      name: 'a blank signature line over a printed label',
      text: 'Physician Signature ____________________     Date ____________\nAttending Physician',
    },
    {
      name: '"Dictated but not read"',
      text: 'Dictated but not read.\nDictated by: Dr. Alan Smith\nD: 03/05/2024 T: 03/06/2024',
      marker: true,
    },
    {
      name: '"Preliminary report - not signed"',
      text: 'PRELIMINARY REPORT - NOT SIGNED\nIMPRESSION: small effusion.\nDictated by: Dr. Omar Haddad',
      marker: true,
    },
    { name: '"unsigned"', text: 'Progress note (unsigned)\nPlan: continue metformin.', marker: true },
    { name: '"Awaiting physician signature"', text: 'Status: awaiting physician signature\nAssessment: stable', marker: true },
    { name: 'no signature at all', text: 'HISTORY: cough.\nFINDINGS: clear lungs.\nIMPRESSION: normal chest.' },
    { name: 'narrative about a patient signing a consent', text: 'The patient signed the consent form after the risks were discussed.' },
    { name: '"Electronically signed by:" with nothing after it', text: 'Electronically signed by: ______________' },
    { name: 'a typed name under a line but no date', text: '______________________________\nKwame Mensah, MD\nAttending Physician' },
    {
      name: 'a clean "Signature  Date" row over a printed name (no ink, no date)',
      text: 'rules.\n\nSignature        Date\nThomas James\nPatient',
    },
    {
      name: 'an electronic signature followed by "Dictated but not read"',
      text: 'Electronically signed by Dr. Jane Roe on 03/05/2024\nDictated but not read',
      marker: true,
    },
    { name: 'OCR-damaged "Dictated but n0t read"', text: 'Dictated but n0t read\nJob 55123', marker: true },
  ]
  for (const c of cases) {
    it(`GIVEN ${c.name} THEN it is not signed`, () => {
      const r = detectSignature(c.text, opts)
      expect(r.present).toBe(false)
      expect(r.kind).not.toBe('electronic')
      expect(r.kind).not.toBe('handwritten')
      if (c.marker) expect(r.unsignedMarkers.length).toBeGreaterThan(0)
    })
  }

  it('GIVEN "Signature on file" THEN kind is stamped and present is false', () => {
    const r = detectSignature('Signature on file\nJane Roe, MD', opts)
    expect(r).toMatchObject({ present: false, kind: 'stamped', by: 'Jane Roe, MD' })
  })

  it('GIVEN "Signed by stamp" THEN kind is stamped and present is false', () => {
    const r = detectSignature('Signed by stamp: Dr. Alan Smith   03/01/2024', opts)
    expect(r).toMatchObject({ present: false, kind: 'stamped', by: 'Alan Smith', date: '2024-03-01' })
  })

  it('GIVEN a stamped signature and an electronic one THEN the electronic one counts', () => {
    const r = detectSignature('Signature on file\nElectronically signed by Dr. Jane Roe on 03/05/2024', opts)
    expect(r).toMatchObject({ present: true, kind: 'electronic', by: 'Jane Roe' })
  })

  it('lists every signature block it saw, signed or blank', () => {
    const r = detectSignature('Patient signature: Maria Lopez  Date: 05/02/2024\nWitness signature: ____________', opts)
    expect(r.findings).toHaveLength(2)
    expect(r.findings.map((f) => f.present)).toEqual([true, false])
  })

  it('accepts an ExtractedText', () => {
    const r = detectSignature(
      {
        pages: [
          { page: 1, text: 'Findings: none', source: 'ocr', ocrConfidence: 90, deskewAngle: 0, width: null, height: null, words: [] },
          {
            page: 2,
            text: '/s/ Alan Smith, MD 03/06/2024',
            source: 'ocr',
            ocrConfidence: 90,
            deskewAngle: 0,
            width: null,
            height: null,
            words: [],
          },
        ],
        fullText: 'Findings: none\f/s/ Alan Smith, MD 03/06/2024',
        ocrConfidence: 90,
        source: 'ocr',
      },
      opts,
    )
    expect(r).toMatchObject({ present: true, by: 'Alan Smith, MD', date: '2024-03-06', location: { page: 2, line: 1 } })
  })
})
