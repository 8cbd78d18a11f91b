import { describe, expect, it } from 'vitest'
import { extractIdentifiers } from '../../../../src/patients/extractIdentifiers.js'

// Every name, date and number here is made up.
const opts = { mrnPattern: /^\d{7}$/, today: new Date('2025-06-01T12:00:00Z') }
const read = (text: string) => {
  const r = extractIdentifiers(text, opts)
  return {
    names: r.names.map((n) => [n.familyName, n.givenName, n.middleName ?? ''].join('|')),
    dates: r.birthDates.map((d) => d.date),
    mrns: r.mrns.map((m) => m.value),
  }
}

describe('an HL7 PID segment printed on an interface report', () => {
  it('GIVEN a PID segment in its standard places THEN the name (PID-5) and birth date (PID-7) are read, not the mother’s maiden name', () => {
    const r = read(
      'MSH|^~\\&|LAB|XYZ|||202510190742||ORU^R01|1|P|2.5\nPID|1||1234567^^^CLINIC^MR||OKORO-LUND^ADAEZE^N|HALVORSEN^INGRID^^^^^M|19870911|F',
    )
    expect(r.names).toEqual(['OKORO-LUND|ADAEZE|N'])
    expect(r.dates).toEqual(['1987-09-11'])
    // The identifier list names its assigning authority, not our MRN label.
    expect(r.mrns).toEqual([])
  })
  it('GIVEN a printout that moved the fields about THEN each is told by its shape', () => {
    const r = read('PID|1|7654321^^^HOME~TR1234^^^OTHER|OKORO-LUND^ADAEZE||198709110830|F')
    expect(r.names).toEqual(['OKORO-LUND|ADAEZE|'])
    expect(r.dates).toEqual(['1987-09-11'])
  })
  it('GIVEN other segments or a PID without a name THEN nothing is read from them', () => {
    expect(read('ORC|RE|ORD-1||ACC 26-1|ordering: SMITH^JOHN').names).toEqual([])
    expect(read('PID|1||1234567^^^CLINIC||||19870911|F').dates).toEqual([])
  })
})
