/**
 * The "second patient identifier" element reads a record number when the document prints one,
 * and the birth date only when it does not. The type files list the birth-date labels after the
 * record-number labels; labels are tried in the order listed, so with DOB first every document
 * that printed a birth date answered with it, even beside its MRN.
 */
import { describe, expect, it } from 'vitest'
import { loadDocTypes } from '../../../src/classify/doctypes.js'
import { extractFields } from '../../../src/extract-fields/index.js'

const types = loadDocTypes()
const TYPES = ['lab_report', 'radiology_report', 'consult_note', 'referral_letter']

describe('patientIdentifier', () => {
  for (const type of TYPES) {
    it(`${type}: the record number, not the birth date printed before it`, () => {
      const text = 'Patient: GARCIA, SOFIA     DOB: 03/08/2012 (13Y)     Sex: F\nMRN: 00917733     Acct #: C2025061804412\n'
      const r = extractFields(type, text, types.byType.get(type)!, { refYear: 2025 })
      expect(r.fields.patientIdentifier).toMatchObject({ value: '00917733', label: 'MRN', line: 2 })
    })
  }

  it('a patient ID counts as a record number', () => {
    const r = extractFields(
      'radiology_report',
      'Patient Name: OKAFOR, BENJAMIN\nDOB: 11/03/1971\nPatient ID: LIA-88123\n',
      types.byType.get('radiology_report')!,
      { refYear: 2025 },
    )
    expect(r.fields.patientIdentifier).toMatchObject({ value: 'LIA-88123', label: 'Patient ID' })
  })

  it('without a record number the birth date is the second identifier', () => {
    const r = extractFields(
      'referral_letter',
      'RE: Patient Name: SMITH, JOHN  DOB: 09/14/1980  Sex: M\n\nDear Dr. Webb,\n',
      types.byType.get('referral_letter')!,
      { refYear: 2025 },
    )
    expect(r.fields.patientIdentifier).toMatchObject({ value: '09/14/1980', label: 'DOB' })
  })

  it('the birth date comes before an account number, which identifies a visit, not the patient', () => {
    const r = extractFields(
      'consult_note',
      'NAME: GARCIA, SOFIA\nDOB: 03/08/2012\nACCT #: C2025061804412\n',
      types.byType.get('consult_note')!,
      { refYear: 2025 },
    )
    expect(r.fields.patientIdentifier).toMatchObject({ value: '03/08/2012', label: 'DOB' })
  })
})
