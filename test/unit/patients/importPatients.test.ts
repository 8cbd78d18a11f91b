import { describe, expect, it } from 'vitest'
import { ChartclerkError } from '../../../src/errors.js'
import {
  importPatients,
  importPatientsCsv,
  importPatientsFhir,
  parseColumnMap,
  patientsToCsv,
  DEFAULT_MRN_SYSTEM,
} from '../../../src/patients/importPatients.js'

// All patients here are made up.

/** The action text of the ChartclerkError a call throws (what the person at the desk reads). */
function actionOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    if (e instanceof ChartclerkError) return `${e.code}: ${e.action}`
    throw e
  }
  throw new Error('expected a ChartclerkError')
}

const today = new Date('2025-06-01T12:00:00Z')
const opts = { mrnPattern: /^\d{7}$/, today }

describe('importPatientsCsv: header names', () => {
  const variants: Array<[string, string]> = [
    ['snake case', 'mrn,family_name,given_name,middle_name,birth_date,sex,primary_provider'],
    ['title case with spaces', 'MRN,Last Name,First Name,Middle Name,Date of Birth,Gender,PCP'],
    ['mixed separators', 'Medical_Record_Number,SURNAME,first-name,Middle,DOB,Sex,Primary Provider'],
    ['patient id and birthdate', 'patient_id,last,first,middle_name,birthdate,gender,pcp'],
  ]
  for (const [label, header] of variants) {
    it(`GIVEN ${label} headers WHEN importing THEN every field is recognised`, () => {
      const r = importPatientsCsv(`${header}\n1234567,Doe,Jane,Ann,03/14/1962,F,Dr. Rivera\n`, opts)
      expect(r.errors).toEqual([])
      expect(r.patients).toEqual([
        {
          mrn: '1234567',
          familyName: 'Doe',
          givenName: 'Jane',
          middleName: 'Ann',
          birthDate: '1962-03-14',
          sex: 'female',
          deceased: false,
          deceasedDate: null,
          primaryProvider: 'Dr. Rivera',
        },
      ])
    })
  }

  it('reads semicolon- and tab-separated exports and a byte-order mark', () => {
    const semi = importPatientsCsv('\uFEFFMRN;Last Name;First Name;DOB\n1234567;Doe;Jane;1962-03-14\n', opts)
    const tab = importPatientsCsv('MRN\tLast Name\tFirst Name\tDOB\n1234567\tDoe\tJane\t1962-03-14\n', opts)
    expect(semi.patients[0]?.birthDate).toBe('1962-03-14')
    expect(tab.patients[0]?.familyName).toBe('Doe')
  })

  it('reads a single LAST, FIRST name column', () => {
    const r = importPatientsCsv('MRN,Patient Name,DOB\n1234567,"DOE, JANE A",03/14/1962\n1234568,Jane Doe,03/14/1962\n', opts)
    expect(r.patients.map((p) => [p.familyName, p.givenName, p.middleName])).toEqual([['DOE', 'JANE', 'A']])
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]!.line).toBe(3)
    expect(r.errors[0]!.message).toMatch(/no comma/)
  })

  it('throws IMPORT_INVALID naming the missing columns and suggesting --map', () => {
    let err: unknown
    try {
      importPatientsCsv('Chart,Last,First,Born\n1234567,Doe,Jane,1962-03-14\n', opts)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ChartclerkError)
    expect((err as ChartclerkError).code).toBe('IMPORT_INVALID')
    expect((err as ChartclerkError).action).toMatch(/MRN, birth date/)
    expect((err as ChartclerkError).action).toMatch(/--map/)
  })

  it('refuses two columns that could both be the MRN until one is mapped', () => {
    const csv = 'MRN,Patient ID,Last Name,First Name,DOB\n1234567,99,Doe,Jane,1962-03-14\n'
    expect(() => importPatientsCsv(csv, opts)).toThrow(ChartclerkError)
    const r = importPatientsCsv(csv, { ...opts, map: 'Patient ID=ignore' })
    expect(r.patients[0]?.mrn).toBe('1234567')
  })
})

describe('importPatientsCsv: --map', () => {
  it('GIVEN unusual column names WHEN mapped THEN they load', () => {
    const csv = 'Chart No,Pt Last,Pt First,Birth (text),Notes\n1234567,Doe,Jane,14-Mar-1962,x\n'
    const r = importPatientsCsv(csv, { ...opts, map: 'Chart No=mrn, Pt Last=family_name, Pt First=given_name, Birth (text)=birth_date' })
    expect(r.errors).toEqual([])
    expect(r.patients[0]).toMatchObject({ mrn: '1234567', familyName: 'Doe', givenName: 'Jane', birthDate: '1962-03-14' })
  })

  it('lets a map override a recognised header', () => {
    const csv = 'patient_id,Chart,Last Name,First Name,DOB\n55,1234567,Doe,Jane,1962-03-14\n'
    const r = importPatientsCsv(csv, { ...opts, map: { Chart: 'mrn' } })
    expect(r.patients[0]?.mrn).toBe('1234567')
  })

  it('parses the map option and rejects bad entries', () => {
    expect(parseColumnMap('Chart No=mrn,DOB Text=dob,Junk=ignore')).toEqual({ 'Chart No': 'mrn', 'DOB Text': 'birthDate', Junk: 'ignore' })
    expect(actionOf(() => parseColumnMap('Chart No'))).toMatch(/^IMPORT_INVALID: .*COLUMN=FIELD/)
    expect(actionOf(() => parseColumnMap('Chart No=chart'))).toMatch(/unknown field "chart"/)
    expect(actionOf(() => importPatientsCsv('MRN,Last,First,DOB\n', { ...opts, map: 'Nope=mrn' }))).toMatch(
      /"Nope" that is not in the file/,
    )
  })
})

describe('importPatientsCsv: bad rows', () => {
  const csv = [
    'MRN,Last Name,First Name,DOB,Sex,Deceased,Date of Death', // 1
    '1234567,Doe,Jane,03/14/1962,F,N,', // 2 good
    '', // 3 blank
    '1234568,Roe,Rick,02/30/1970,M,,', // 4 impossible date
    '1234569,Poe,Pat,3/4/80,M,,', // 5 two-digit year
    '1234570,Moe,Mia,14/03/1980,F,,', // 6 day-first in a month-first file
    ',Loe,Lou,1980-01-01,M,,', // 7 no MRN
    '1234571,,Kim,1980-01-01,F,,', // 8 no family name
    '1234572,Noe,Nia,,F,,', // 9 no birth date
    '1234573,"Bad"x,Bob,1970-01-01,M,,', // 10 broken quote
    '1234574,Zoe,Zia,1990-01-01,Q,,', // 11 unknown sex
    '123457,Yoe,Yan,1990-01-01,M,,', // 12 MRN lost a digit
    '1234575,Xoe,Xia,2030-01-01,F,,', // 13 future birth date
    '1234576,Woe,Wes,1950-01-01,M,Y,1949-12-31', // 14 death before birth
    '1234577,Voe,Val,22719,F,,', // 15 spreadsheet serial
    '1234578,Uoe,Uma,1960-05-05,F', // 16 too few values
    '1234579,Toe,Tia,1961-06-06,F,Y,2024-02-02', // 17 good, deceased
    '1234567,Doe,Jane,1962-03-14,F,N,', // 18 exact repeat of line 2
    '1234580,Soe,Sam,1970-07-07,M,,', // 19 conflicting MRN with 20
    '1234580,Soe,Sam,1971-07-07,M,,', // 20
    '"1234581",Roe,"Ann',
    'Marie",1972-08-08,F,,', // 21-22 multi-line quoted value, good
    '1234582,Qoe,Quin,1973-09-09,M,,', // 23 good after the multi-line row
  ].join('\r\n')
  const r = importPatientsCsv(csv, opts)
  const byLine = new Map(r.errors.map((e) => [e.line, e.message]))

  it('GIVEN a file with bad rows WHEN importing THEN the good rows load', () => {
    expect(r.patients.map((p) => p.mrn)).toEqual(['1234567', '1234579', '1234581', '1234582'])
    expect(r.patients.find((p) => p.mrn === '1234579')).toMatchObject({ deceased: true, deceasedDate: '2024-02-02' })
    expect(r.patients.find((p) => p.mrn === '1234581')?.givenName).toBe('Ann Marie')
  })

  it('reports each bad row by its line, counting the header as line 1, with what to fix', () => {
    expect([...byLine.keys()]).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20])
    expect(byLine.get(4)).toMatch(/02\/30\/1970.*does not exist/i)
    expect(byLine.get(5)).toMatch(/two-digit year/i)
    expect(byLine.get(6)).toMatch(/does not fit the MM\/DD\/YYYY order/i)
    expect(byLine.get(7)).toMatch(/MRN is missing/i)
    expect(byLine.get(8)).toMatch(/family name is missing/i)
    expect(byLine.get(9)).toMatch(/birth date is missing/i)
    expect(byLine.get(10)).toMatch(/broken quote/i)
    expect(byLine.get(11)).toMatch(/sex "Q" is not recognised/i)
    expect(byLine.get(12)).toMatch(/does not fit the MRN format.*leading zeros/i)
    expect(byLine.get(13)).toMatch(/in the future/i)
    expect(byLine.get(14)).toMatch(/date of death is before the birth date/i)
    expect(byLine.get(15)).toMatch(/spreadsheet serial number/i)
    expect(byLine.get(16)).toMatch(/5 values but the header has 7/i)
    expect(byLine.get(18)).toMatch(/repeats line 2 exactly/i)
    expect(byLine.get(19)).toMatch(/also appears at line 20/i)
    expect(byLine.get(20)).toMatch(/also appears at line 19/i)
  })

  it('reads day-first files when told to', () => {
    const d = importPatientsCsv('MRN,Last,First,DOB\n1234567,Doe,Jane,14/03/1962\n', { ...opts, dateOrder: 'DMY' })
    expect(d.patients[0]?.birthDate).toBe('1962-03-14')
  })
})

describe('importPatientsCsv: stable, re-importable output', () => {
  const csv =
    'MRN,Last Name,First Name,Middle,DOB,Gender,PCP,Deceased\n 1234567 , Doe ,  Jane ,A,3/14/1962,f, Dr.  Rivera ,\n7654321,"O\'Brien, Jr",Sean,,1966-05-17,MALE,,2023-01-15\n'
  it('GIVEN the same file twice THEN the output is identical, normalised and in a fixed key order', () => {
    const a = importPatientsCsv(csv, opts)
    const b = importPatientsCsv(csv, opts)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(a.patients[0]).toEqual({
      mrn: '1234567',
      familyName: 'Doe',
      givenName: 'Jane',
      middleName: 'A',
      birthDate: '1962-03-14',
      sex: 'female',
      deceased: false,
      deceasedDate: null,
      primaryProvider: 'Dr. Rivera',
    })
    expect(Object.keys(a.patients[1]!)).toEqual([
      'mrn',
      'familyName',
      'givenName',
      'middleName',
      'birthDate',
      'sex',
      'deceased',
      'deceasedDate',
      'primaryProvider',
    ])
    expect(a.patients[1]).toMatchObject({ deceased: true, deceasedDate: '2023-01-15', sex: 'male' })
  })

  it('GIVEN exported patients WHEN re-imported THEN they are the same patients', () => {
    const first = importPatientsCsv(csv, opts).patients
    const again = importPatientsCsv(patientsToCsv(first), opts)
    expect(again.errors).toEqual([])
    expect(again.patients).toEqual(first)
  })

  it('GIVEN values with commas and quotes (and a provider over two lines, read as one) WHEN exported and re-imported THEN they come back as they were', () => {
    const tricky = 'MRN,Last,First,DOB,PCP\n1234567,"O\'Neil, Jr.","Mary ""Molly""",1962-03-14,"Rivera, MD\nSuite 2"\n'
    const first = importPatientsCsv(tricky, opts).patients
    expect(first[0]).toMatchObject({ familyName: "O'Neil, Jr.", givenName: 'Mary "Molly"', primaryProvider: 'Rivera, MD Suite 2' })
    const written = patientsToCsv(first)
    expect(written).toContain('"Mary ""Molly"""')
    expect(importPatientsCsv(written, opts).patients).toEqual(first)
  })
})

describe('importPatientsCsv: MRN formats', () => {
  it('keeps MRNs as the health center writes them and checks them against its format', () => {
    const csv = 'MRN,Last,First,DOB\ncc-100418,Johnson,Michael,1975-01-12\nCC100419,Okafor,Ben,1971-11-03\nCC-100420,Lee,Ann,1980-01-01\n'
    const r = importPatientsCsv(csv, { mrnPattern: '^CC-\\d{6}$', today })
    expect(r.patients.map((p) => p.mrn)).toEqual(['CC-100418', 'CC-100420'])
    expect(r.errors).toEqual([{ line: 3, message: expect.stringMatching(/MRN "CC100419" does not fit the MRN format/) }])
  })

  it('refuses every row when one MRN is given to two different people', () => {
    const csv = 'MRN,Last,First,DOB\n1234567,Doe,Jane,1962-03-14\n1234567 ,Doe,Janet,1962-03-14\n'
    const r = importPatientsCsv(csv, opts)
    expect(r.patients).toEqual([])
    expect(r.errors.map((e) => e.line)).toEqual([2, 3])
  })
})

describe('importPatientsFhir', () => {
  const mrnSystem = 'urn:oid:2.16.840.1.113883.3.9999.1'
  const patient = (id: string, extra: Record<string, unknown>): Record<string, unknown> => ({ resourceType: 'Patient', id, ...extra })
  const bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      {
        resource: patient('a', {
          identifier: [
            {
              system: 'urn:oid:9.9.9',
              type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
              value: 'H-77',
            },
            { system: mrnSystem, value: '1234567' },
          ],
          name: [
            { use: 'maiden', family: 'Smith', given: ['Jane'] },
            { use: 'official', family: 'Doe', given: ['Jane', 'Ann'] },
          ],
          birthDate: '1962-03-14',
          gender: 'female',
          generalPractitioner: [{ reference: 'Practitioner/1', display: 'Dr. Rivera' }],
        }),
      },
      {
        resource: patient('b', {
          identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, value: '7654321' }],
          name: [{ family: 'Okafor', given: ['Michael'] }],
          birthDate: '1980-11-05',
          gender: 'male',
          deceasedDateTime: '2024-02-03T10:00:00Z',
        }),
      },
      {
        resource: patient('c', {
          identifier: [{ system: mrnSystem, value: '1111111' }],
          name: [{ use: 'official', family: 'Roe' }],
          birthDate: '1970',
        }),
      },
      { resource: { resourceType: 'Practitioner', id: 'p1' } },
      { fullUrl: 'urn:uuid:x' },
      {
        resource: patient('d', {
          identifier: [{ system: 'urn:other', value: '5' }],
          name: [{ family: 'Poe', given: ['Pat'] }],
          birthDate: '1990-01-01',
        }),
      },
      {
        resource: patient('e', {
          identifier: [{ system: mrnSystem, value: '2222222' }],
          name: [{ family: 'Loe', given: ['Lu'] }],
          birthDate: '1990-01-01',
          deceasedBoolean: true,
          link: [{ type: 'replaced-by', other: { reference: 'Patient/a' } }],
        }),
      },
    ],
  }

  it('GIVEN a bundle WHEN imported THEN good patients load and each bad entry names its index and problem', () => {
    const r = importPatientsFhir(bundle, { mrnSystem, mrnPattern: /^\d{7}$/, today })
    expect(r.patients).toEqual([
      {
        mrn: '1234567',
        familyName: 'Doe',
        givenName: 'Jane',
        middleName: 'Ann',
        birthDate: '1962-03-14',
        sex: 'female',
        deceased: false,
        deceasedDate: null,
        primaryProvider: 'Dr. Rivera',
      },
      {
        mrn: '7654321',
        familyName: 'Okafor',
        givenName: 'Michael',
        middleName: null,
        birthDate: '1980-11-05',
        sex: 'male',
        deceased: true,
        deceasedDate: '2024-02-03',
        primaryProvider: null,
      },
    ])
    expect(r.errors.map((e) => e.entry)).toEqual([2, 4, 5, 6])
    expect(r.errors[0]!.message).toMatch(/Patient\/c.*no given part.*birthDate "1970" is incomplete/)
    expect(r.errors[1]!.message).toMatch(/no resource/)
    expect(r.errors[2]!.message).toMatch(/no MRN.*type MR/)
    expect(r.errors[3]!.message).toMatch(/merged into another patient/)
  })

  it('falls back to the MR-typed identifier when the default system is not used, and reads NDJSON', () => {
    const one = bundle.entry[1]!.resource
    expect(DEFAULT_MRN_SYSTEM).toMatch(/^urn:/)
    const r = importPatientsFhir(JSON.stringify(one), { today })
    expect(r.patients[0]?.mrn).toBe('7654321')
    const nd = `${JSON.stringify(bundle.entry[0]!.resource)}\n${JSON.stringify(one)}\n{bad\n`
    const n = importPatients(nd, { mrnSystem, today })
    expect(n.format).toBe('fhir')
    expect(n.patients.map((p) => p.mrn)).toEqual(['1234567', '7654321'])
    expect(n.errors).toEqual([{ entry: 2, message: expect.stringMatching(/not valid JSON/) }])
  })

  it('refuses an ambiguous set of MR identifiers, and a file that is not FHIR', () => {
    const two = patient('x', {
      identifier: [
        { type: { text: 'MRN' }, value: '1234567' },
        { type: { text: 'MRN' }, value: '7654321' },
      ],
      name: [{ family: 'Doe', given: ['Jane'] }],
      birthDate: '1962-03-14',
    })
    expect(importPatientsFhir(two, { today }).errors[0]!.message).toMatch(/several identifiers typed MR/)
    expect(actionOf(() => importPatientsFhir('{"resourceType":"Observation"}', { today }))).toMatch(/^IMPORT_INVALID: .*not a FHIR Bundle/)
    expect(actionOf(() => importPatientsFhir('not json at all', { today }))).toMatch(/^IMPORT_INVALID: .*not valid JSON/)
  })

  it('auto-detects CSV and FHIR', () => {
    expect(importPatients('MRN,Last,First,DOB\n1234567,Doe,Jane,1962-03-14\n', opts).format).toBe('csv')
    expect(importPatients(JSON.stringify(bundle), { mrnSystem, today }).format).toBe('fhir')
  })
})
