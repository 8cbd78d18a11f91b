import { describe, expect, it } from 'vitest'
import { extractIdentifiers, type ExtractedIdentifiers } from '../../../src/patients/extractIdentifiers.js'

// Every name, date and number here is made up.
const opts = { mrnPattern: /^\d{7}$/, today: new Date('2025-06-01T12:00:00Z') }
const read = (lines: string[]): ExtractedIdentifiers => extractIdentifiers(lines.join('\n'), opts)
const names = (r: ExtractedIdentifiers): string[] => r.names.map((n) => [n.familyName, n.givenName, n.middleName ?? ''].join('|'))
const dates = (r: ExtractedIdentifiers): string[] => r.birthDates.map((d) => d.date)
const mrns = (r: ExtractedIdentifiers): string[] => r.mrns.map((m) => m.value)
const foreign = (r: ExtractedIdentifiers): string[] => r.foreignIds.map((f) => `${f.kind}:${f.value}`)

describe('extractIdentifiers: name layouts', () => {
  const cases: Array<[string, string[], string]> = [
    ['Patient Name: LAST, FIRST M', ['Patient Name: DOE, JANE A'], 'DOE|JANE|A'],
    ['PATIENT: First Last', ['PATIENT: Jane Doe'], 'Doe|Jane|'],
    ['Name: with a Patient ID', ['Patient ID: 1234567   Name: Jane A. Doe'], 'Doe|Jane|A'],
    ['Pt:', ['Pt: Doe, Jane'], 'Doe|Jane|'],
    ['Patient Name (Last, First):', ['Patient Name (Last, First): DOE, JANE'], 'DOE|JANE|'],
    ['LAST FIRST M without a comma', ['PATIENT NAME: DOE JANE A'], 'DOE|JANE|A'],
    ['separate Last / First / MI fields', ['Last Name: DOE   First Name: JANE   MI: A'], 'DOE|JANE|A'],
    ['label line, value on the next line', ['Patient Name:', 'DOE, JANE'], 'DOE|JANE|'],
    ['letter Re: line', ['Dear Dr. Alvarez,', 'Re: Jane Doe (DOB 3/14/1962)', 'Thank you for the referral.'], 'Doe|Jane|'],
    ['Regarding: with a title', ['Regarding: Mrs. Jane Doe'], 'Doe|Jane|'],
    ['particles in a family name', ['RE: Jose De La Cruz, DOB 12/30/1971'], 'De La Cruz|Jose|'],
    ['hyphenated family name', ['Patient: OKONKWO-BELLO, ADAEZE'], 'OKONKWO-BELLO|ADAEZE|'],
    ['accented letters', ['Patient: José Núñez'], 'Núñez|José|'],
    ['suffix', ['Patient: LEE JR, ROBERT'], 'LEE|ROBERT|'],
    ['family name Do', ['Patient: DO, LAN'], 'DO|LAN|'],
    ['lower-case after a patient label', ['patient name: taylor, emily'], 'taylor|emily|'],
    ['OCR damage in the label and the name', ['PAT1ENT NARNE: D0E, JANC'], 'D0E|JANC|'],
  ]
  for (const [label, lines, expected] of cases) {
    it(label, () => {
      const r = read(lines)
      expect(names(r)).toContain(expected)
    })
  }

  it('GIVEN labels on lines of their own with the values below (a PDF text layer) THEN each value is read', () => {
    const r = read([
      'LABORATORY REPORT',
      'PATIENT',
      'JOHNSON, MICHAEL',
      'DOB',
      '01/12/1975 (50Y)',
      'SEX',
      'M',
      'MRN',
      '1234567',
      'ACCESSION #',
      'A25-0310442',
    ])
    expect(names(r)).toEqual(['JOHNSON|MICHAEL|'])
    expect(r.names[0]!.found[0]).toMatchObject({ how: 'next-line', label: 'PATIENT', line: 3 })
    expect(dates(r)).toEqual(['1975-01-12'])
    expect(mrns(r)).toEqual(['1234567'])
    expect(foreign(r)).toEqual(['accession:A25-0310442'])
  })

  it('GIVEN a header grid with column gaps WHEN read THEN each value goes to its label', () => {
    const r = read([
      'Patient Name            DOB           MRN          Acct #',
      'DOE, JANE A             03/14/1962    1234567      88812345',
    ])
    expect(names(r)).toEqual(['DOE|JANE|A'])
    expect(dates(r)).toEqual(['1962-03-14'])
    expect(mrns(r)).toEqual(['1234567'])
    expect(foreign(r)).toEqual(['account:88812345'])
    expect(r.names[0]!.found[0]).toMatchObject({ how: 'grid', label: 'Patient Name', line: 2 })
  })

  it('GIVEN a header grid that OCR single-spaced WHEN read THEN values are told apart by their type', () => {
    const r = read(['Patient Name DOB MRN Acct #', 'DOE, JANE A 03/14/1962 1234567 88812345'])
    expect(names(r)).toEqual(['DOE|JANE|A'])
    expect(dates(r)).toEqual(['1962-03-14'])
    expect(mrns(r)).toEqual(['1234567'])
    expect(foreign(r)).toEqual(['account:88812345'])
  })

  it('GIVEN a header grid with a blank cell and no spacing WHEN the numbers cannot be placed THEN none is taken as our MRN', () => {
    const r = read(['Patient Name DOB MRN Acct # Visit #', 'DOE, JANE A 03/14/1962 88812345 5551234'])
    expect(mrns(r)).toEqual([])
    expect(r.foreignIds.map((f) => f.value).sort()).toEqual(['5551234', '88812345'])
  })

  it('GIVEN an addressograph sticker merged with the facility block WHEN read THEN the patient is found and the facility is not', () => {
    const r = read([
      'DOE, JANE A MERCY GENERAL HOSPITAL',
      'MRN: 1234567 1200 MAIN STREET',
      'DOB: 03/14/1962 F 62Y SPRINGFIELD, IL 62701',
      'ACCT: 998877665 ADM: 05/02/2025',
    ])
    expect(names(r)).toEqual(['DOE|JANE|A'])
    expect(r.names[0]!.found[0]).toMatchObject({ how: 'sticker', label: null, line: 1, offset: 0 })
    expect(r.names[0]!.confidence).toBeLessThan(0.5)
    expect(dates(r)).toEqual(['1962-03-14'])
    expect(mrns(r)).toEqual(['1234567'])
    expect(foreign(r)).toEqual(['account:998877665'])
  })

  it('GIVEN a sticker whose facility block comes first WHEN read THEN the facility words are not part of the family name', () => {
    const r = read(['RIVERSIDE MEDICAL CENTER DOE, JANE', 'MRN: 1234567'])
    expect(names(r)).toEqual(['DOE|JANE|'])
  })

  it('does not take providers, guarantors, cities or lab tests for the patient', () => {
    const r = read([
      'Guarantor Name: ROE, RICHARD',
      'Ordering Provider: SMITH, JOHN MD',
      'Patient Name: DOE, JANE',
      'DOB: 03/14/1962   MRN: 1234567',
      'Springfield, IL 62701',
      'Attending Physician: Mary Major, MD',
      'Printed Name: Alan Reed',
    ])
    expect(names(r)).toEqual(['DOE|JANE|'])
  })

  it('merges repeats across pages and keeps every place they were found', () => {
    const text = 'Patient: DOE, JANE  DOB: 03/14/1962\nPage 1\n\fPatient: DOE, JANE  DOB: 03/14/1962\nPage 2'
    const r = extractIdentifiers(text, opts)
    expect(r.names).toHaveLength(1)
    expect(r.names[0]!.found.map((f) => [f.page, f.line])).toEqual([
      [1, 1],
      [2, 3],
    ])
    expect(r.birthDates[0]!.found).toHaveLength(2)
  })
})

describe('extractIdentifiers: OCR case slips in names', () => {
  it('GIVEN a boxed header read with the first letters of the given name in lower case ("soFIA") THEN the name is read as SOFIA', () => {
    const ids = extractIdentifiers('Date of Service: 06/18/2025 "NAME: GARCIA, soFIA —\nDOB: 03/08/2012 SEX: F')
    expect(ids.names.map((n) => [n.familyName, n.givenName])).toEqual([['GARCIA', 'SOFIA']])
  })

  it('GIVEN an ordinary lower-case word after a name label THEN it is not upper-cased into a name', () => {
    const ids = extractIdentifiers('Patient name: unknown\nDOB: 03/08/2012')
    expect(ids.names.map((n) => n.givenName)).not.toContain('UNKNOWN')
  })
})

describe('extractIdentifiers: birth dates', () => {
  const formats: Array<[string, string]> = [
    ['DOB: 03/14/1962', '1962-03-14'],
    ['DOB: 3/14/62', '1962-03-14'],
    ['DOB: 1962-03-14', '1962-03-14'],
    ['DOB: 14-Mar-1962', '1962-03-14'],
    ['DOB: 14MAR1962', '1962-03-14'],
    ['Date of Birth: March 14, 1962', '1962-03-14'],
    ['Date of Birth: 14 March 1962', '1962-03-14'],
    ['DOB: 03.14.1962', '1962-03-14'],
    ['DOB: 03-14-1962', '1962-03-14'],
    ['D.O.B.: 03/14/1962', '1962-03-14'],
    ['Birth Date: 03/14/1962', '1962-03-14'],
    ['Birthdate:03/14/1962', '1962-03-14'],
    ['Born: 03/14/1962', '1962-03-14'],
    ['She was born on March 14, 1962.', '1962-03-14'],
    ['BD: 03/14/1962', '1962-03-14'],
    ['DOB/Age: 03/14/1962 / 63Y', '1962-03-14'],
    ['DOB: 14/03/1962', '1962-03-14'],
    ['DOB: 19620314', '1962-03-14'],
    ['D0B: O3/l4/1962', '1962-03-14'],
    ['DOB: 0З/14/1962 (62 yo)'.replace('З', '3'), '1962-03-14'],
    ['DOB: 03 /14/ 1962', '1962-03-14'],
    ['Date of birth: 0ct 5, 1970', '1970-10-05'],
    ['DOB: 02/29/1960', '1960-02-29'],
  ]
  for (const [line, iso] of formats) {
    it(`reads "${line}"`, () => {
      expect(dates(read([line]))).toEqual([iso])
    })
  }

  it('marks OCR-repaired and two-digit-year readings with less confidence, and keeps the other century', () => {
    const clean = read(['DOB: 03/14/1962']).birthDates[0]!
    const repaired = read(['DOB: O3/l4/1962']).birthDates[0]!
    const twoDigit = read(['DOB: 3/14/20']).birthDates[0]!
    expect(repaired.repaired).toBe(true)
    expect(repaired.confidence).toBeLessThan(clean.confidence)
    expect(twoDigit.date).toBe('2020-03-14')
    expect(twoDigit.alternatives).toEqual(['1920-03-14'])
    expect(twoDigit.confidence).toBeLessThan(clean.confidence)
  })

  it('reports impossible and future dates under a birth-date label instead of dropping them', () => {
    const r = read(['DOB: 03/41/1962', 'Date of Birth: 02/30/1970', 'Born: 01/01/2090'])
    expect(r.birthDates).toEqual([])
    expect(r.unreadableBirthDates.map((u) => [u.raw, u.problem])).toEqual([
      ['03/41/1962', 'impossible'],
      ['02/30/1970', 'impossible'],
      ['01/01/2090', 'future'],
    ])
  })

  it('takes a date followed by an age as a birth date, but not other dates', () => {
    const r = read(['DOE, JANE A', '03/14/1962 (62 y) F', 'Collected: 05/20/2025', 'Report Date: 05/21/2025'])
    expect(dates(r)).toEqual(['1962-03-14'])
  })

  it('records where a date was found: offset, label and line', () => {
    const text = 'HEADER\nPatient: DOE, JANE   DOB: 03/14/1962'
    const d = extractIdentifiers(text, opts).birthDates[0]!
    const at = d.found[0]!
    expect(text.slice(at.offset, at.offset + at.length)).toBe('03/14/1962')
    expect(at).toMatchObject({ label: 'DOB', line: 2, page: 1, how: 'labelled', lineText: 'Patient: DOE, JANE   DOB: 03/14/1962' })
  })
})

describe('extractIdentifiers: record numbers', () => {
  const ours: Array<[string, string]> = [
    ['MRN: 1234567', '1234567'],
    ['MRN# 1234567', '1234567'],
    ['M.R.N.: 1234567', '1234567'],
    ['MR#: 1234567', '1234567'],
    ['MR No.: 1234567', '1234567'],
    ['Medical Record No.: 1234567', '1234567'],
    ['Medical Record Number: 1234567', '1234567'],
    ['Med Rec #: 1234567', '1234567'],
    ['Patient ID: 1234567', '1234567'],
    ['Chart #: 1234567', '1234567'],
    ['MRN: 123-4567', '1234567'],
    ['MRN: 123 4567', '1234567'],
    ['MRN: l234S67', '1234567'],
    ['MRN1234567', '1234567'],
  ]
  for (const [line, value] of ours) {
    it(`reads our MRN from "${line}"`, () => {
      const r = read([line])
      expect(mrns(r)).toEqual([value])
      expect(r.foreignIds).toEqual([])
    })
  }

  const theirs: Array<[string, string]> = [
    ['Acct #: 1234567', 'account:1234567'],
    ['Account No: 1234567', 'account:1234567'],
    ['Account Number: 55501234', 'account:55501234'],
    ['Visit #: 1234567', 'visit:1234567'],
    ['FIN: 1234567', 'fin:1234567'],
    ['FIN # 99123456', 'fin:99123456'],
    ['Encounter: 1234567', 'encounter:1234567'],
    ['Encounter #: 44120', 'encounter:44120'],
    ['CSN: 1234567', 'encounter:1234567'],
    ['Accession #: 1234567', 'accession:1234567'],
    ['Specimen ID: 1234567', 'specimen:1234567'],
    ['Member ID: 1234567', 'insurance:1234567'],
    ['MRN: H0048213', 'mrn:H0048213'],
    ['MRN: 12345678', 'mrn:12345678'],
    ['Hospital MRN: 1234567', 'mrn:1234567'],
    ['Outside MRN: 1234567', 'mrn:1234567'],
  ]
  for (const [line, value] of theirs) {
    it(`keeps "${line}" as a foreign id, never our MRN`, () => {
      const r = read([line])
      expect(mrns(r)).toEqual([])
      expect(foreign(r)).toEqual([value])
      expect(r.foreignIds[0]!.whyNotOurs).toBeTruthy()
    })
  }

  it('reads a prefixed MRN with a dash, also when the scanner lost or spaced the dash', () => {
    const format = { ...opts, mrnPattern: '^CC-\\d{6}$' }
    expect(mrns(extractIdentifiers('MRN: CC-100418', format))).toEqual(['CC-100418'])
    expect(mrns(extractIdentifiers('MRN: CC100418', format))).toEqual(['CC100418'])
    expect(mrns(extractIdentifiers('MRN: CC 100418', format))).toEqual(['CC100418'])
    expect(mrns(extractIdentifiers('MRN: CC-1OO418', format))).toEqual(['CC-100418'])
    expect(foreign(extractIdentifiers('MRN: 00736145', format))).toEqual(['mrn:00736145'])
  })

  it('honours the configured MRN format, including a letter prefix', () => {
    const r = extractIdentifiers('MRN: CC123456\nAcct: 1234567', { ...opts, mrnPattern: '^CC\\d{6}$' })
    expect(mrns(r)).toEqual(['CC123456'])
    const damaged = extractIdentifiers('MRN: CC12O456', { ...opts, mrnPattern: '^CC\\d{6}$' })
    expect(damaged.mrns[0]).toMatchObject({ value: 'CC120456', repaired: true })
  })

  it('drops social security numbers', () => {
    const r = read(['SSN: 123-45-6789', 'MRN: 1234567'])
    expect(mrns(r)).toEqual(['1234567'])
    expect(r.foreignIds).toEqual([])
    expect(JSON.stringify(r)).not.toContain('6789')
  })
})

describe('extractIdentifiers: whole documents', () => {
  it('reads a lab report faxed with OCR damage', () => {
    const r = read([
      'FAX  05/29/2025 14:02  FROM: 555 0199  P.001/003',
      'NORTHSIDE REFERENCE LABORATORY',
      'PAT1ENT: D0E, JANC A  °     ACCOUNT #: 55501234',
      'D0B: O3/14/1962   SEX: F   COLLECTED: 05/20/2025 08:14',
      'MRN: 1OOOOO1              RECEIVED: 05/20/2025 11:02',
      'TEST                 RESULT     FLAG   REFERENCE',
      'GLUCOSE, FASTING     92                70-99 mg/dL',
    ])
    expect(names(r)[0]).toBe('D0E|JANC|A')
    expect(dates(r)).toEqual(['1962-03-14'])
    expect(r.mrns[0]).toMatchObject({ value: '1000001', repaired: true })
    expect(foreign(r)).toEqual(['account:55501234'])
  })

  it('reads the patient a letter names in running text just before the birth date', () => {
    const refer = read(['Dear Dr. Webb,', 'I am referring Helena Brandt (DOB 07/21/1958) for evaluation of a murmur.'])
    expect(names(refer)).toEqual(['Brandt|Helena|'])
    expect(dates(refer)).toEqual(['1958-07-21'])
    const thank = read(['Thank you for referring Ms. Helena Brandt, date of birth 07/21/1958, to our clinic.'])
    expect(names(thank)).toEqual(['Brandt|Helena|'])
    // Without a birth date right after it, a name in a sentence is not taken as the patient's.
    expect(names(read(['I am referring Helena Brandt for evaluation.']))).toEqual([])
    expect(names(read(['Thank you for referring Dr. Webb, who saw her last week.']))).toEqual([])
  })

  it('reads a name printed straight before a birth date, without a label, unless a word says it is someone else', () => {
    expect(names(read(['Helena T. Brandt   DOB 7/21/1958   seen 05/02/2025']))).toEqual(['Brandt|Helena|T'])
    expect(names(read(['Pt Brandt, Helena  DOB 07/21/1958  ESI 3']))).toEqual(['Brandt|Helena|'])
    expect(names(read(['I, Helena Brandt (DOB 07/21/1958), authorize the clinic to release']))).toEqual(['Brandt|Helena|'])
    expect(names(read(['Guarantor: Marco Brandt   DOB 02/02/1950']))).toEqual([])
    expect(names(read(['Mother Anna Brandt, DOB 03/03/1980']))).toEqual([])
  })

  it('reads the person a paper calls client, resident, member, employee, student, child or traveller as the patient', () => {
    for (const label of ['Client', 'Resident', 'Member', 'Employee', 'Student', 'Child', 'Traveller', 'Examinee', 'Claimant']) {
      expect(names(read([`${label}: Brandt, Helena     DOB: 07/21/1958`]))).toEqual(['Brandt|Helena|'])
    }
    expect(names(read(["Child's name: Brandt, Mateo     Birthdate: 01/22/2021"]))).toEqual(['Brandt|Mateo|'])
    // The plan's member ID is not a name, and a resident physician is not the patient.
    expect(names(read(['Member ID: XK7730091']))).toEqual([])
    expect(names(read(['Resident: Dr. Paul Ngata']))).toEqual([])
  })

  it("never reads the front of an organisation's name as a person (a lab's client is the ordering clinic)", () => {
    expect(names(read(['Client: Cedar Hollow Community Health Center']))).toEqual([])
    expect(names(read(['Client', 'Cedar Hollow Community Health Center']))).toEqual([])
    expect(names(read(['Patient: Mercy Brook Medical Center']))).toEqual([])
    // A name in its own column beside the facility is still the patient's.
    expect(names(read(['Patient: Helena Brandt     Cedar Hollow Community Health Center']))).toEqual(['Brandt|Helena|'])
  })

  it('reads a name as printed when a scan joined the comma to the given name or read an l as a 1 in a lower-case word', () => {
    expect(names(read(['Patient:Okafor,Beatrice N  DOB:03/14/1961']))).toEqual(['Okafor|Beatrice|N'])
    expect(names(read(['Patient: Tobias Redc1oud   D0B: 03/03/2023']))).toEqual(['Redcloud|Tobias|'])
    expect(names(read(['Re: Farida Abdu11ahi   DOB 12/25/1977']))).toEqual(['Abdullahi|Farida|'])
    // In capitals a stroke may be I or L: it stays as read, for the matcher to treat as a misread.
    expect(names(read(['PATIENT: ABDU11AHI, FARIDA']))).toEqual(['ABDU11AHI|FARIDA|'])
  })

  it('reads a form whose labels are joined to their values by dotted leaders', () => {
    const r = read(['Name ............ Helena Brandt', 'Birth date ...... 07/21/1958', 'Encounter ....... E8735138'])
    expect(names(r)).toEqual(['Brandt|Helena|'])
    expect(dates(r)).toEqual(['1958-07-21'])
  })

  it('finds nothing in narrative text', () => {
    const r = read([
      'The patient tolerated the procedure well.',
      'Patient is a 62-year-old woman seen on 05/20/2025.',
      'Name of procedure: colonoscopy.',
      'He has not used it since, according to the patient; however, he had chest pain this evening.',
    ])
    expect(r).toEqual({ names: [], birthDates: [], unreadableBirthDates: [], mrns: [], foreignIds: [] })
  })
})

describe('extractIdentifiers: layouts of letters and forms from other countries', () => {
  const today = new Date('2026-12-07T12:00:00Z')
  const readText = (lines: string[]): ExtractedIdentifiers => extractIdentifiers(lines.join('\n'), { mrnPattern: /^\d{7}$/, today })
  const cases: Array<[string, string[], string, string]> = [
    ['Name: SURNAME, Given M.', ['Name: QUILLFEATHER, Ada M.', 'DOB: 03/14/1962'], 'QUILLFEATHER|Ada|M', '1962-03-14'],
    ['Patient: Given SURNAME', ['Patient: Ada QUILLFEATHER', 'D.O.B. 03/14/1962'], 'QUILLFEATHER|Ada|', '1962-03-14'],
    [
      'dotted leaders, SURNAME GIVEN',
      ['PT NAME .......... QUILLFEATHER ADA', 'DOB ........... 23-JUL-1941'],
      'ADA|QUILLFEATHER|',
      '1941-07-23',
    ],
    [
      'Re: line with a dotted day-first date',
      ['Dear Dr Marsh,', 'Re: Ada Quillfeather (DOB 13.09.1995)'],
      'Quillfeather|Ada|',
      '1995-09-13',
    ],
    ['split fields Last: / First:', ['Last: QUILLFEATHER    First: ADA    DOB: 19860408'], 'QUILLFEATHER|ADA|', '1986-04-08'],
    [
      'Family name / Given names',
      ['Family name: Quillfeather   Given names: Ada Marie', 'Born: JUN 30,1958'],
      'Quillfeather|Ada|Marie',
      '1958-06-30',
    ],
    [
      'Surname / Forename(s)',
      ['Surname: Quillfeather    Forename(s): Ada', 'Date of birth: 13 SEP 1995'],
      'Quillfeather|Ada|',
      '1995-09-13',
    ],
    ['a fill-in line', ['Name: ___Ada Quillfeather___   Date of Birth: ___04/08/1986___'], 'Quillfeather|Ada|', '1986-04-08'],
    [
      "name alone above the birth date (a letter's patient block)",
      ['Mrs Ada QUILLFEATHER', 'Date of birth 13/09/1995', '14 Oak Lane'],
      'QUILLFEATHER|Ada|',
      '1995-09-13',
    ],
    ['accented name', ['Patient Name: Zoë Lefèvre-Quill', 'Birth date: 4/8/86'], 'Lefèvre-Quill|Zoë|', '1986-04-08'],
  ]
  for (const [label, lines, name, date] of cases) {
    it(label, () => {
      const r = readText(lines)
      expect(names(r)).toContain(name)
      expect(dates(r)).toEqual([date])
    })
  }

  it('GIVEN LAST, FIRST with D.O.B. after a column gap THEN the D of D.O.B. is not read as a middle initial', () => {
    expect(names(readText(['NAME:  QUILLFEATHER, ADA   D.O.B.:  02/11/71']))).toEqual(['QUILLFEATHER|ADA|'])
  })

  it('GIVEN a name line above a line that is not a birth date, or a doctor above the birth date THEN no name is read from it', () => {
    expect(names(readText(['Ada Quillfeather', 'Clinic date 13/09/2026']))).toEqual([])
    expect(names(readText(['Referring doctor:', 'Hamish Marsh', 'DOB 13/09/1995']))).toEqual([])
  })

  it('GIVEN an ambiguous date THEN it is read the way the document writes dates, else the configured way', () => {
    expect(dates(readText(['Clinic date: 23/10/2026', 'Re: Ada Quillfeather (DOB 02/11/1971)']))).toEqual(['1971-11-02'])
    expect(dates(readText(['Re: Ada Quillfeather  DOB 02/11/1971  NHS No: 943 476 5919']))).toEqual(['1971-11-02'])
    expect(dates(readText(['Visit: 10/23/2026', 'Re: Ada Quillfeather (DOB 02/11/1971)']))).toEqual(['1971-02-11'])
    expect(dates(readText(['Re: Ada Quillfeather (DOB 02/11/1971)']))).toEqual(['1971-02-11'])
  })
})

describe('extractIdentifiers: birth-date labels with more on them', () => {
  const today = new Date('2026-12-07T12:00:00Z')
  const readText = (lines: string[]): ExtractedIdentifiers => extractIdentifiers(lines.join('\n'), { mrnPattern: /^\d{7}$/, today })
  const cases: Array<[string, string, string]> = [
    ['an age before the date when the label asks for it', 'DOB / Age: 31y 13/09/1995', '1995-09-13'],
    ['Age/DOB with the age first', 'Age/DOB: 31 / 13/09/1995', '1995-09-13'],
    ['(Age) in the label', 'Date of Birth (Age): 13 Sep 1995 (31)', '1995-09-13'],
    ['the form prints its date format day first', 'DOB (dd/mm/yyyy): 02/11/1971', '1971-11-02'],
    ['the form prints its date format month first', 'D.O.B. (MM/DD/YYYY): 02/11/1971', '1971-02-11'],
    ['Born on the 13th of', 'Born on the 13th of September 1995', '1995-09-13'],
    ['Birth: with its colon', 'Birth: 13/09/1995', '1995-09-13'],
  ]
  for (const [label, line, date] of cases) {
    it(label, () => {
      expect(dates(readText(['Patient: Ada Quillfeather', line]))).toEqual([date])
    })
  }

  it('GIVEN an age that the label does not ask for before the date THEN it is not a birth date', () => {
    expect(dates(readText(['DOB: 31 and 13/09/1995']))).toEqual([])
  })
})

describe('extractIdentifiers: a name label without its colon heading a form row', () => {
  const today = new Date('2026-12-07T12:00:00Z')
  const readText = (lines: string[]): ExtractedIdentifiers => extractIdentifiers(lines.join('\n'), { mrnPattern: /^\d{7}$/, today })
  it('GIVEN NAME value then DOB on the line or the next THEN the name is read', () => {
    expect(names(readText(['NAME QUILLFEATHER Ada    DOB 13/09/1995']))).toEqual(['Ada|QUILLFEATHER|'])
    expect(names(readText(['Name Ada Quillfeather', 'DOB 13/09/1995']))).toEqual(['Quillfeather|Ada|'])
  })
  it('GIVEN prose, or no birth date or MRN in the row THEN nothing is read', () => {
    expect(names(readText(['Patient reports pain in the knee DOB 01/02/1990']))).toEqual([])
    expect(names(readText(['Name Ada Quillfeather', 'Clinic: Leeds']))).toEqual([])
  })
})

describe('extractIdentifiers: header grids with Last Name and First Name columns', () => {
  const today = new Date('2026-12-07T12:00:00Z')
  const readText = (lines: string[]): ExtractedIdentifiers => extractIdentifiers(lines.join('\n'), { mrnPattern: /^\d{7}$/, today })
  it('GIVEN columns kept their spacing THEN family and given names come from their columns', () => {
    expect(names(readText(['Last Name      First Name     DOB', 'QUILLFEATHER   ADA            02/11/1971']))).toEqual([
      'QUILLFEATHER|ADA|',
    ])
  })
  it("GIVEN OCR kept single spaces THEN the one run of name words is read in the labels' order, and the label line names no one", () => {
    expect(names(readText(['Last Name First Name MI DOB MRN', 'QUILLFEATHER ADA M 02/11/1971 1234567']))).toEqual(['QUILLFEATHER|ADA|M'])
    expect(names(readText(['First Name Last Name DOB', 'Ada Quillfeather 02/11/1971']))).toEqual(['Quillfeather|Ada|'])
  })
  it('GIVEN two runs of words (a facility beside the name) THEN no name is guessed from the grid', () => {
    expect(names(readText(['Last Name First Name DOB Location', 'QUILLFEATHER ADA 02/11/1971 1234 WEST WING']))).toEqual([])
  })
})

describe('extractIdentifiers: OCR slips in labels and names', () => {
  const today = new Date('2026-12-07T12:00:00Z')
  const readText = (lines: string[]): ExtractedIdentifiers => extractIdentifiers(lines.join('\n'), { mrnPattern: /^\d{7}$/, today })
  it('GIVEN C1ient name: (a 1 for the l of the label) THEN the name is read', () => {
    expect(names(readText(['C1ient name: Quillfeather, Ada    D0B: 08/17/1988']))).toEqual(['Quillfeather|Ada|'])
  })
  it('GIVEN a name starting with l and a consonant no word starts with after l THEN it is read with I; Lloyd and Ljubica stay', () => {
    expect(names(readText(['patient: lkeda, masaru    dob 11/23/1950']))).toEqual(['ikeda|masaru|'])
    expect(names(readText(['Patient: lvanova, Irina   DOB 01/02/1990']))).toEqual(['Ivanova|Irina|'])
    expect(names(readText(['Patient: Lloyd, Ljubica   DOB 01/02/1990']))).toEqual(['Lloyd|Ljubica|'])
  })
})

describe('the same text read twice', () => {
  it('GIVEN a page read while splitting and then as the whole document THEN the same identifiers, each caller its own copy, and a different MRN format reads anew', () => {
    const text = 'Patient Name: DOE, JANE A   DOB: 03/14/1962   MRN: 1234567'
    const first = extractIdentifiers(text, { mrnPattern: /^\d{7}$/ })
    first.names.length = 0
    const again = extractIdentifiers(text, { mrnPattern: /^\d{7}$/ })
    expect(again.names[0]?.familyName).toBe('DOE')
    expect(again.mrns[0]?.value).toBe('1234567')
    expect(extractIdentifiers(text, { mrnPattern: /^\d{8}$/ }).mrns.map((m) => m.value)).not.toContain('1234567')
  })
})

describe('extractIdentifiers: more of the identifiers outside records print', () => {
  it('GIVEN a name before DoB or D.o.B. (British capitals) THEN the name is read with the date', () => {
    const r = read(['Sylvester H KETTLEBOROUGH   DoB 23.07.1941   CHI 2307414419'])
    expect(names(r)).toEqual(['KETTLEBOROUGH|Sylvester|H'])
    expect(dates(r)).toEqual(['1941-07-23'])
    expect(names(read(['Ada Quillfeather (D.o.B. 13/09/1995)']))).toEqual(['Quillfeather|Ada|'])
  })
  it('GIVEN a name set off from its DOB by a bullet, bar or dash THEN it is read; a word before it still says whose it is', () => {
    expect(names(read(['Dagny Thorsrud-Ibe   ·  DOB: 7/7/1962  ·  MRN LPG00918834']))).toEqual(['Thorsrud-Ibe|Dagny|'])
    expect(names(read(['Ada Quillfeather | DOB 03/14/1962']))).toEqual(['Quillfeather|Ada|'])
    expect(names(read(['Ada Quillfeather - DOB 03/14/1962']))).toEqual(['Quillfeather|Ada|'])
    expect(names(read(['Guarantor Ada Quillfeather · DOB 03/14/1962']))).toEqual([])
  })
  it("GIVEN a subscriber's, guarantor's or mother's birth date beside the patient's THEN only the patient's is read", () => {
    const r = read([
      'Patient: DOE, JANE   DOB: 03/14/1962',
      'Subscriber: DOE, JOHN   Subscriber DOB: 01/02/1950',
      "Mother's DOB: 05/06/1940",
    ])
    expect(dates(r)).toEqual(['1962-03-14'])
    expect(dates(read(['Guarantor Date of Birth: 01/02/1950', 'Patient: DOE, JANE   DOB: 03/14/1962']))).toEqual(['1962-03-14'])
  })
  it('GIVEN a nursing home or rehab named under Client: THEN it is not taken for a person', () => {
    const r = read(['Client: Linden Grove Nursing & Rehab', 'Patient: WHITCOMBE, EUDORA   DOB 12/05/1936   MRN 7481649'])
    expect(names(r)).toEqual(['WHITCOMBE|EUDORA|'])
  })
  it('GIVEN an MRN label naming its facility in brackets THEN the number is ours, unless the brackets say it is another facility', () => {
    expect(mrns(read(['Patient: Fontaine-Mbeki, Lucien   PCP MRN (EFHC): 7335084']))).toEqual(['7335084'])
    const r = read(['Patient: Fontaine-Mbeki, Lucien   MRN (outside hospital): 7335084'])
    expect(mrns(r)).toEqual([])
    expect(foreign(r)).toEqual(['mrn:7335084'])
  })
  it('GIVEN "chart" and a number of our format THEN it is our MRN; any other value after the word chart is nothing', () => {
    expect(mrns(read(['DOB: 11/04/1983   Referred by: Harborview CHC (chart 6417360)']))).toEqual(['6417360'])
    const r = read(['Name: Marisol Halvorsen-Diaz   DOB: 12/29/1990   Chart: LB-20417', 'Reviewed the chart\n1234567 units'])
    expect(mrns(r)).toEqual([])
    expect(foreign(r)).toEqual([])
  })
})

describe('extractIdentifiers: papers that are not charts, and births that are not the patient', () => {
  it("GIVEN a life insurer's proposed insured, a school's parent/guardian letter, or a record or results for someone THEN that is the patient", () => {
    expect(names(read(['Proposed insured: Helga Sorensen   DOB 10/01/1970   Policy application no. AM-7730091']))).toEqual([
      'Sorensen|Helga|',
    ])
    expect(names(read(['Dear Parent/Guardian of: Anastasia Petrakis-Lund      Grade: 9      DOB: 6/16/2012']))).toEqual([
      'Petrakis-Lund|Anastasia|',
    ])
    expect(names(read(['Immunization record for: Obi, Chinonso (employee ID 55120)   DOB 07/07/1994']))).toEqual(['Obi|Chinonso|'])
  })
  it('GIVEN the signature of the proposed insured (initials) THEN it is not a second name', () => {
    const r = read([
      'Proposed insured: Helga Sorensen   DOB 10/01/1970',
      'Signature of proposed insured ______H. Sorensen______  Date 07/07/2025',
    ])
    expect(names(r)).toEqual(['Sorensen|Helga|'])
  })
  it("GIVEN a delivery's timed Birth: or a baby born on a mother's record THEN neither is the patient's birth date", () => {
    const today = new Date('2026-12-07T12:00:00Z')
    const r = extractIdentifiers(
      ['Name: Marisol Halvorsen-Diaz      DOB: 12/29/1990', 'Admitted in labour: 11/19/2026 02:10     Birth: 11/19/2026 07:48'].join('\n'),
      { mrnPattern: /^\d{7}$/, today },
    )
    expect(dates(r)).toEqual(['1990-12-29'])
    expect(
      dates(extractIdentifiers('Client: Marisol Halvorsen-Diaz\nBaby: girl, born 11/19/2026', { mrnPattern: /^\d{7}$/, today })),
    ).toEqual([])
    expect(dates(read(['Patient: Ada Quill   Born: 03/14/1962']))).toEqual(['1962-03-14'])
  })
})

describe('extractIdentifiers: letters addressed to the patient', () => {
  const today = new Date('2026-12-07T12:00:00Z')
  const readText = (lines: string[]): ExtractedIdentifiers => extractIdentifiers(lines.join('\n'), { mrnPattern: /^\d{7}$/, today })
  it('GIVEN the addressee over a postal address and the birth date on the next line THEN the addressee is the patient', () => {
    const r = readText([
      'December 2, 2026',
      '',
      'Ms. Marisela Quintanar',
      '88 Calloway St, Apt 3B',
      'Westgate',
      '',
      'DOB: 11/04/1983   Our account: WEA-20199',
    ])
    expect(names(r)).toEqual(['Quintanar|Marisela|'])
    expect(dates(r)).toEqual(['1983-11-04'])
  })
  it('GIVEN a mail-merge letter whose scan read the O of an Irish name as 0 THEN the name is read with the O', () => {
    const r = readText([
      'NIAMH 0 SUILLEABHAIN',
      '41 Tidewater Lane Apt 3',
      'Port Ellery ME 04610',
      'Member ID: CCH-4410729-01        Date of birth: 08/12/1960       PCP: Eastgate Family Health Center',
    ])
    expect(names(r)).toEqual(['SUILLEABHAIN|NIAMH|O'])
  })
  it('GIVEN a letter to a doctor whose Re: line names the patient with the birth date THEN the doctor is not read as the patient', () => {
    expect(names(readText(['John Smith', '12 Harbor Rd', 'Easton MI 48901', '', 'Re: Jane Doe   DOB: 01/02/1960']))).toEqual(['Doe|Jane|'])
  })
  it('GIVEN the addressee with more than an address between it and the birth date THEN no name is guessed', () => {
    expect(
      names(readText(['Ada Quill', '12 Harbor Rd', 'Easton MI 48901', 'We write about your visit.', 'More text here.', 'DOB: 01/02/1960'])),
    ).toEqual([])
  })
})

describe('extractIdentifiers: birth dates and names labelled in other languages', () => {
  it('GIVEN Fecha de nacimiento, Geburtsdatum, Geb., Date de naissance, née le, Data di nascita, Geboortedatum THEN the birth date is read', () => {
    for (const line of [
      'Nombre: GARCIA LOPEZ, Maria   Fecha de nacimiento: 14/03/1962',
      'Geburtsdatum: 14.03.1962',
      'Name: Müller, Hans   Geb. 14.03.1962',
      'Date de naissance : 14/03/1962',
      'DUPONT Marie, née le 14/03/1962',
      'Data di nascita: 14/03/1962',
      'Geboortedatum: 14-03-1962',
    ])
      expect(dates(read([line]))).toEqual(['1962-03-14'])
  })
  it('GIVEN Nombre:, Apellidos / Nombre, Nachname / Vorname, or a name before geb. THEN the name is read', () => {
    expect(names(read(['Nombre: GARCIA LOPEZ, Maria   Fecha de nacimiento: 14/03/1962']))).toEqual(['GARCIA LOPEZ|Maria|'])
    expect(names(read(['Nachname: Müller   Vorname: Hans   Geburtsdatum: 14.03.1962']))).toEqual(['Müller|Hans|'])
    expect(names(read(['Patient: Hans Müller, geb. am 14.03.1962']))).toEqual(['Müller|Hans|'])
  })
  it('GIVEN ne le in French prose without its accent THEN nothing is read as a birth date', () => {
    expect(dates(read(['Il ne le prend pas depuis 14/03/1962']))).toEqual([])
    expect(dates(read(['Il ne le 14/03/1962']))).toEqual([])
  })
})

describe('extractIdentifiers: record numbers printed together, and hospital numbers', () => {
  it('GIVEN Acct/MR or MR/Acct (one number for both) THEN it is our MRN when it fits our format', () => {
    expect(mrns(read(['Patient: SMITH, JOHN   Acct/MR: 7654321']))).toEqual(['7654321'])
    expect(mrns(read(['Patient: SMITH, JOHN   MR/Acct #: 7654321']))).toEqual(['7654321'])
  })
  it("GIVEN a British or Irish hospital number THEN it is that hospital's MRN, never ours", () => {
    const r = read(['Hosp No: 7654321      Name: Bridget M. GALLAGHER-OYELARAN       DOB: 11/02/1947'])
    expect(mrns(r)).toEqual([])
    expect(foreign(r)).toEqual(['mrn:7654321'])
  })
  it('GIVEN a town, county and postcode beside an identifier line THEN it is not read as LAST, FIRST', () => {
    const r = read(['Ashcombe General Hospital', 'Ashcombe, Wiltshire SN14 2QP', 'NHS No: 486 221 9073      Hospital No: AGH-R118450'])
    expect(names(r)).toEqual([])
  })
})

describe('extractIdentifiers: consent forms in the patient’s own words', () => {
  it('GIVEN "I, <name>, hereby consent" and a birth date in Month / Day / Year boxes THEN both are read, the boxes in their own order', () => {
    const text = [
      'I am at least 21 years of age and was born on: Month 03  Day 09  Year 1975.',
      'I, Wanjiru Mwangi-Forde, hereby consent of my own free will to be sterilized.',
      'Tel +44 20 7946 0000',
    ]
    const r = read(text)
    expect(names(r)).toEqual(['Mwangi-Forde|Wanjiru|'])
    expect(dates(r)).toEqual(['1975-03-09'])
    expect(dates(read(['Date of birth: MM 03 DD 09 YYYY 1975']))).toEqual(['1975-03-09'])
  })
  it('GIVEN "I, <name>, certify" or "I, <name>, am the grandmother of" THEN that person is not read as the patient', () => {
    expect(names(read(['I, Shirin Mohajer-Ellis, certify that I explained the procedure.']))).toEqual([])
    expect(names(read(['I, Marisol Baptiste, am the grandmother of the patient.']))).toEqual([])
  })
})

describe('extractIdentifiers: birth dates and names as a person reads them on papers from abroad', () => {
  it('GIVEN a "Birthday:" label THEN its date is the birth date, and a birthday in prose is not', () => {
    expect(dates(read(['Name: QUIRANTE, ELMA   Age/Sex: 51/F   Birthday: March 9, 1974']))).toEqual(['1974-03-09'])
    expect(dates(read(['Her birthday party on 3/4/2025 was cancelled.']))).toEqual([])
  })
  it('GIVEN a label that prints its format year first ("DOB (YYYY/MM/DD)") THEN the value under it is read', () => {
    const r = read(['Surname: ANGNATUK     Given: Rhoda     DOB (YYYY/MM/DD): 1991/10/07     HCN: 0 1234 5678'])
    expect(dates(r)).toEqual(['1991-10-07'])
    expect(names(r)).toEqual(['ANGNATUK|Rhoda|'])
  })
  it('GIVEN the date format printed after the value ("08/03/1970 (dd/mm/yyyy)") THEN the value is read in that order', () => {
    expect(dates(read(['Date of birth: 08/03/1970 (dd/mm/yyyy)']))).toEqual(['1970-03-08'])
    expect(dates(read(['Date of birth: 08/03/1970 (mm/dd/yyyy)']))).toEqual(['1970-08-03'])
  })
  it('GIVEN a Japanese era year, with or without the Western year in brackets THEN the birth date is read in the Western calendar', () => {
    expect(dates(read(['Date of birth: Showa 60 (1985) November 2']))).toEqual(['1985-11-02'])
    expect(dates(read(['Date of birth: Heisei 3, May 21']))).toEqual(['1991-05-21'])
    // A bracketed year that is not the era's: neither is trusted.
    expect(dates(read(['Date of birth: Showa 60 (1990) November 2']))).toEqual([])
  })
  it('GIVEN a few words between the birth-date label and its colon saying where it was read THEN the date is read, unless they make it someone else’s', () => {
    expect(dates(read(['DOB on health form: 4/12/2012    Allergies: none']))).toEqual(['2012-04-12'])
    expect(dates(read(['DOB (as stated): 4/12/2012']))).toEqual(['2012-04-12'])
    expect(dates(read(['DOB of mother: 4/12/1982']))).toEqual([])
    expect(dates(read(['DOB of partner: 4/12/1982']))).toEqual([])
  })
  it('GIVEN a camp’s, a field medic’s or a team’s name for the patient (Camper:, Casualty:, Athlete:) THEN the name is read', () => {
    expect(names(read(['Camper: Ezra Pallister    Cabin: Otter 2']))).toEqual(['Pallister|Ezra|'])
    expect(names(read(['Casualty: Brenna Tolliver']))).toEqual(['Tolliver|Brenna|'])
    expect(names(read(['Athlete: KOSKELA, MIRO']))).toEqual(['KOSKELA|MIRO|'])
  })
  it('GIVEN a phrase with a lower-case word after a patient label ("patient; GP in Norway") THEN it is not read as a name', () => {
    const r = read(['Copy: patient; GP in Sweden (temporary): none', 'Patient: Ingrid Haldorsen   Date of birth 2 May 1950'])
    expect(names(r)).toEqual(['Haldorsen|Ingrid|'])
  })
  it('GIVEN a partner’s name before a birth-date label, in a field that says whose it is THEN only the patient’s name is read', () => {
    const r = read([
      'Patient (intended parent 1): Odile F. Marchetti       DOB 02/14/1988',
      'Partner (intended parent 2): Renzo T. Marchetti          DOB (on file)',
    ])
    expect(names(r)).toEqual(['Marchetti|Odile|F'])
    expect(dates(r)).toEqual(['1988-02-14'])
  })
  it('GIVEN a table of events with the age at each (an immunization record) THEN none of its dates is read as a birth date', () => {
    const r = read([
      'Child: TOOTOO, Levi      DOB: 2019-02-11     Sex: M',
      'Date         Age     Vaccine',
      '2020-02-14   1 y     MMR #1',
      '2023-03-01   4 y     Tdap-IPV #5',
      '2024-10-15   5 y     Influenza',
    ])
    expect(dates(r)).toEqual(['2019-02-11'])
  })
  it('GIVEN a date followed by an age older than a person born that day can be THEN it is not a birth date', () => {
    expect(dates(read(['SMITH, ANNA   2024-10-15  7 y']))).toEqual([])
    expect(dates(read(['SMITH, ANNA   03/14/1962 62Y']))).toEqual(['1962-03-14'])
  })
})

describe('extractIdentifiers: the order of a birth date a label in another language prints', () => {
  it('GIVEN a Spanish birth-date label on a document whose own dates go both ways (a record with its US translation) THEN the value is read day first', () => {
    const r = read([
      'Paciente: LUCERO ANAYA BRISEIDA          Fecha de nacimiento: 04/11/1989',
      'Fecha de toma: 18/09/2026',
      'Translator: Ana Beltran, certified, 09/25/2026',
    ])
    expect(dates(r)).toEqual(['1989-11-04'])
  })
  it('GIVEN the same label on a form whose own dates are all month first (a US form printed in Spanish) THEN the value is read month first', () => {
    const r = read(['Fecha de nacimiento: 04/11/1989', 'Fecha: 09/25/2026'])
    expect(dates(r)).toEqual(['1989-04-11'])
    // Or whose address says it was written in the US.
    expect(dates(read(['Fecha de nacimiento: 04/11/1989', 'Clinica Familiar, 210 Main St, Yuma, AZ 85364']))).toEqual(['1989-04-11'])
  })
  it('GIVEN an organisation after a Client: label ("Open Lane Medicine Collaborative") THEN it is not read as a name', () => {
    const r = read([
      'Patient: ASANTE, KOFI          DOB: 14-MAY-1990',
      'Account: HO-1234567       Client: Open Lane Medicine Collaborative',
    ])
    expect(names(r)).toEqual(['ASANTE|KOFI|'])
  })
})

describe('extractIdentifiers: header grids drawn with bars, and labels with words before them', () => {
  it('GIVEN a grid drawn with vertical bars whose labels say whose number it is ("Ref. clinic MRN") THEN each value is read under its label', () => {
    const r = read([
      'Patient            | DOB        | Sex | Ref. clinic MRN | XYZ Exam #',
      'HOLLOWAY-ENE, T M  | 07/21/1952 | M   | 1234567         | XY-CT-7654321',
    ])
    expect(names(r)).toEqual(['HOLLOWAY-ENE|T|M'])
    expect(dates(r)).toEqual(['1952-07-21'])
    expect(mrns(r)).toEqual(['1234567'])
  })
  it('GIVEN the same grid with wide gaps THEN it is read the same', () => {
    const r = read([
      'Patient              DOB          Sex   Ref. clinic MRN   XYZ Exam #',
      'HOLLOWAY-ENE, T M    07/21/1952   M     1234567           XY-CT-7654321',
    ])
    expect(dates(r)).toEqual(['1952-07-21'])
    expect(mrns(r)).toEqual(['1234567'])
  })
  it('GIVEN labels with their values beside them THEN the line is not a grid of labels', () => {
    const r = read(['Patient: HOLLOWAY-ENE, T M   DOB: 07/21/1952   MRN: 1234567'])
    expect(names(r)).toEqual(['HOLLOWAY-ENE|T|M'])
    expect(mrns(r)).toEqual(['1234567'])
  })
})

describe('extractIdentifiers: bilingual forms (French and English labels side by side)', () => {
  it('GIVEN "Nom / Name:" with one word beside a "Prénom / First name:" field THEN the word is the family name', () => {
    const r = read(['Nom / Name: Lavoie-Toure                    Prénom / First name: Maelle'])
    expect(names(r)).toEqual(['Lavoie-Toure|Maelle|'])
  })
  it('GIVEN a date format printed the French way ("(AAAA-MM-JJ)", "(JJ/MM/AAAA)") THEN the value under it is read in that order', () => {
    expect(dates(read(['Date de naissance / DOB (AAAA-MM-JJ): 1979-02-08     Sexe: F']))).toEqual(['1979-02-08'])
    expect(dates(read(['DOB (JJ/MM/AAAA): 02/08/1979']))).toEqual(['1979-08-02'])
  })
})

describe('extractIdentifiers: birth dates inside Nordic national identity numbers', () => {
  it('GIVEN a Norwegian fødselsnummer or a Danish CPR number, masked or not THEN its first six digits are the birth date, day first', () => {
    expect(dates(read(['Patient: Solveig Brattli    National ID no. (fødselsnummer): 240551 *****']))).toEqual(['1951-05-24'])
    expect(dates(read(['CPR-nr.: 240551-1234']))).toEqual(['1951-05-24'])
  })
  it('GIVEN a number that is no date (a D-number) or a national ID of no one shape THEN no birth date is read', () => {
    const dNumber = read(['Fødselsnummer: 640551 12345'])
    expect(dates(dNumber)).toEqual([])
    // Nor an impossible birth date that would stand against every chart.
    expect(dNumber.unreadableBirthDates).toEqual([])
    expect(dates(read(['National ID: 240551-1234']))).toEqual([])
  })
  it('GIVEN a national ID under an English label in the Norwegian shape (six digits and five) THEN it is read as a fødselsnummer', () => {
    expect(dates(read(['Patient : BRATTLI SOLVEIG     Nat. ID no.: 240551 *****   Sex: F']))).toEqual(['1951-05-24'])
  })
})

describe('extractIdentifiers: the patient’s number at the clinic the record is sent back to', () => {
  it('GIVEN "Home clinic no." or "Our clinic ref" with a number of our format THEN it is read as our MRN, after the clinic’s short name too', () => {
    expect(mrns(read(['Patient: Tomas Adeyemi-Lind          Home clinic no.: 7654321']))).toEqual(['7654321'])
    expect(mrns(read(['ED MRN: XY-1234      Our clinic ref (attached face sheet): ABCD 7654321']))).toEqual(['7654321'])
  })
  it('GIVEN such a label with a number not of our format, or a facility’s name before a number under a plain MRN label THEN it is not our MRN', () => {
    expect(mrns(read(['Home clinic no.: HC-55120']))).toEqual([])
    expect(mrns(read(['MRN: UCSF 7654321']))).toEqual([])
  })
})

describe('extractIdentifiers: whose field a name before a birth date is printed in', () => {
  it('GIVEN a field whose label ends in a word for someone else THEN its name is not read; a patient label with a qualifier before it is', () => {
    expect(names(read(['Emergency contact name: Ruth Calloway-Imbe   DOB 3/4/1950']))).toEqual([])
    expect(names(read(['Family Medicine patient Ruth Calloway-Imbe   DOB 3/4/1950']))).toEqual(['Calloway-Imbe|Ruth|'])
  })
  it('GIVEN a lower-case middle initial (a scan’s slip) THEN the name is still read', () => {
    expect(names(read(['Patient: Ruth a Calloway-Imbe']))).toEqual(['Calloway-Imbe|Ruth|a'])
  })
})

describe('extractIdentifiers: a name value with its order printed after it', () => {
  it('GIVEN "DOE  JANE  ANN  (Last, First, Middle)" THEN the parts are read in that order', () => {
    expect(names(read([' 1. Name of Patient: MAGBANUA  LIGAYA  SORIANO  (Last, First, Middle)']))).toEqual(['MAGBANUA|LIGAYA|SORIANO'])
    expect(names(read(['Patient: Magbanua, Ligaya (Last, First)']))).toEqual(['Magbanua|Ligaya|'])
  })
  it('GIVEN more parts than the bracket names THEN the value is not read that way', () => {
    expect(names(read(['Name of Patient: MAGBANUA  LIGAYA  SORIANO  (Last, First)']))).toEqual([])
  })
})
