import { describe, expect, it } from 'vitest'
import { documentDateOrder } from '../../../src/text/dateOrder.js'

// Every name, date and address here is made up.
describe('documentDateOrder: which way round a document writes day and month', () => {
  it('GIVEN unambiguous dates that all go one way THEN that is the order, whatever is configured', () => {
    expect(documentDateOrder('Clinic date: 23/10/2026\nDOB: 02/11/1971', 'MDY')).toEqual({ order: 'DMY', by: 'dates' })
    expect(documentDateOrder('Visit: 10/23/2026\nDOB: 02/11/1971', 'DMY')).toEqual({ order: 'MDY', by: 'dates' })
  })

  it('GIVEN unambiguous dates both ways (a cover sheet from one country, a letter from another) THEN the configured order', () => {
    expect(documentDateOrder('Faxed 10/23/2026\nLetter dated 24/10/2026\nDOB 02/11/1971', 'MDY')).toEqual({
      order: 'MDY',
      by: 'configured',
    })
  })

  it('GIVEN no unambiguous date THEN the conventions of where it was written decide', () => {
    expect(documentDateOrder('Re: Ada Quill  DOB 02/11/1971  NHS No: 943 476 5919', 'MDY').order).toBe('DMY')
    expect(documentDateOrder('Tel +44 20 7946 0000\nDOB 02/11/1971', 'MDY').order).toBe('DMY')
    expect(documentDateOrder('14 Oak Lane, Leeds LS1 4AB\nDOB 02/11/1971', 'MDY').order).toBe('DMY')
    expect(documentDateOrder('Paediatric Haematology clinic\nDOB 02/11/1971', 'MDY').order).toBe('DMY')
    expect(documentDateOrder('Springfield, IL 62704  (217) 555-0100\nDOB 02/11/1971', 'DMY').order).toBe('MDY')
  })

  it('GIVEN one weak sign only, signs of both countries, or none THEN the configured order', () => {
    expect(documentDateOrder('Visit at the Wellness Centre\nDOB 02/11/1971', 'MDY')).toEqual({ order: 'MDY', by: 'configured' })
    expect(documentDateOrder('NHS No: 943 476 5919\nBoston, MA 02115\nDOB 02/11/1971', 'MDY')).toEqual({ order: 'MDY', by: 'configured' })
    expect(documentDateOrder('DOB 02/11/1971', 'DMY')).toEqual({ order: 'DMY', by: 'configured' })
  })

  it('GIVEN British and Irish clinical spellings and grades THEN two of them say day first', () => {
    expect(documentDateOrder('Seen by: Dr A. Byrne (SHO)\nmild bilateral ankle oedema\nDOB: 11/02/1947', 'MDY').order).toBe('DMY')
    expect(documentDateOrder('Authorised by: Dr R. Ferriter, Consultant Chemical Pathologist\nDOB 11/02/1947', 'MDY').order).toBe('DMY')
    expect(documentDateOrder('Hb 98 g/L, anaemia\nCreatinine 121 umol/L\nDOB 11/02/1947', 'MDY').order).toBe('DMY')
    expect(documentDateOrder('furosemide 40 mg bd\nDOB 11/02/1947', 'MDY')).toEqual({ order: 'MDY', by: 'configured' })
  })

  it("GIVEN two strong signs of a day-first country and the patient's American address THEN day first; one strong sign stays undecided", () => {
    const irish =
      'Data Protection Acts / GDPR Art. 9\nAddress: 14 Fernbank Court, Oakridge, OH 45502 (c/o daughter, Bray, Co. Wicklow)\nDate of birth: 11/02/1947'
    expect(documentDateOrder(irish, 'MDY')).toEqual({ order: 'DMY', by: 'conventions' })
    expect(documentDateOrder('GDPR notice\nOakridge, OH 45502\nDOB 11/02/1947', 'MDY')).toEqual({ order: 'MDY', by: 'configured' })
  })
})
