/**
 * The made-up patient index of Cedar Commons Community Health Center, the health
 * center chartclerk's samples are filed into. No row describes a real person.
 *
 * MRN format: `CC-` and six digits. `samples/patients.csv` is written from this list.
 */
export interface IndexPatient {
  mrn: string
  familyName: string
  givenName: string
  birthDate: string // YYYY-MM-DD
  sex: 'F' | 'M'
  primaryProvider: string
  deceasedDate: string | null
  /** Why this person is in the index: which sample or which matching trap. */
  role: string
}

export const HEALTH_CENTER = {
  name: 'Cedar Commons Community Health Center',
  address: '220 Alder Street, Millbrook, OH 43950',
  phone: '(740) 555-0140',
  fax: '(740) 555-0141',
} as const

export const OUR_PROVIDERS = ['Priya Natarajan, MD', 'Marcus Webb, DO', 'Elena Sokolova, MD', 'Grace Adeyemi, FNP-C'] as const

export const PATIENTS: readonly IndexPatient[] = [
  {
    mrn: 'CC-100418',
    familyName: 'Johnson',
    givenName: 'Michael',
    birthDate: '1975-01-12',
    sex: 'M',
    primaryProvider: 'Priya Natarajan, MD',
    deceasedDate: null,
    role: 'lab-report-text.pdf; same name as CC-103370 with a different birth date',
  },
  {
    mrn: 'CC-103370',
    familyName: 'Johnson',
    givenName: 'Michael',
    birthDate: '1992-06-27',
    sex: 'M',
    primaryProvider: 'Marcus Webb, DO',
    deceasedDate: null,
    role: 'same name as CC-100418, different birth date',
  },
  {
    mrn: 'CC-100562',
    familyName: 'Okafor',
    givenName: 'Benjamin',
    birthDate: '1971-11-03',
    sex: 'M',
    primaryProvider: 'Elena Sokolova, MD',
    deceasedDate: null,
    role: 'radiology-report-scan.pdf (name + DOB only, no MRN on the document)',
  },
  {
    mrn: 'CC-101127',
    familyName: 'Lindqvist',
    givenName: 'Margaret',
    birthDate: '1944-02-09',
    sex: 'F',
    primaryProvider: 'Priya Natarajan, MD',
    deceasedDate: null,
    role: 'discharge-summary-skewed.tiff',
  },
  {
    mrn: 'CC-102210',
    familyName: 'Garcia',
    givenName: 'Sofia',
    birthDate: '2012-03-08',
    sex: 'F',
    primaryProvider: 'Grace Adeyemi, FNP-C',
    deceasedDate: null,
    role: 'consult-note.png; twin of CC-102211 (same family name and birth date)',
  },
  {
    mrn: 'CC-102211',
    familyName: 'Garcia',
    givenName: 'Isabella',
    birthDate: '2012-03-08',
    sex: 'F',
    primaryProvider: 'Grace Adeyemi, FNP-C',
    deceasedDate: null,
    role: 'twin of CC-102210',
  },
  {
    mrn: 'CC-101902',
    familyName: 'Smith',
    givenName: 'John',
    birthDate: '1980-09-14',
    sex: 'M',
    primaryProvider: 'Marcus Webb, DO',
    deceasedDate: null,
    role: 'referral-fax.jpg; sound-alike of CC-102045',
  },
  {
    mrn: 'CC-102045',
    familyName: 'Smyth',
    givenName: 'Jon',
    birthDate: '1980-09-04',
    sex: 'M',
    primaryProvider: 'Elena Sokolova, MD',
    deceasedDate: null,
    role: 'sound-alike of CC-101902 (John Smith); birth date one OCR-confusable digit away (04 vs 14)',
  },
  {
    mrn: 'CC-100931',
    familyName: 'Kowalski',
    givenName: 'Stanley',
    birthDate: '1939-10-02',
    sex: 'M',
    primaryProvider: 'Priya Natarajan, MD',
    deceasedDate: '2025-01-18',
    role: 'deceased; records dated after the death date need review',
  },
  {
    mrn: 'CC-101455',
    familyName: 'Thomas',
    givenName: 'James',
    birthDate: '1968-04-02',
    sex: 'M',
    primaryProvider: 'Marcus Webb, DO',
    deceasedDate: null,
    role: 'given/family names swapped with CC-101456, and day/month of birth swapped',
  },
  {
    mrn: 'CC-101456',
    familyName: 'James',
    givenName: 'Thomas',
    birthDate: '1968-02-04',
    sex: 'M',
    primaryProvider: 'Elena Sokolova, MD',
    deceasedDate: null,
    role: 'given/family names swapped with CC-101455, and day/month of birth swapped',
  },
  {
    mrn: 'CC-101388',
    familyName: 'Petrosyan',
    givenName: 'Armen',
    birthDate: '1963-05-30',
    sex: 'M',
    primaryProvider: 'Priya Natarajan, MD',
    deceasedDate: null,
    role: 'ordinary patient (generated records)',
  },
  {
    mrn: 'CC-102388',
    familyName: 'De La Cruz',
    givenName: 'Teresa',
    birthDate: '1987-12-01',
    sex: 'F',
    primaryProvider: 'Grace Adeyemi, FNP-C',
    deceasedDate: null,
    role: 'family name with spaces (DE LA CRUZ / DELACRUZ / CRUZ)',
  },
  {
    mrn: 'CC-100777',
    familyName: "O'Brien",
    givenName: 'Patrick',
    birthDate: '1952-08-15',
    sex: 'M',
    primaryProvider: 'Marcus Webb, DO',
    deceasedDate: null,
    role: "apostrophe in family name (O'BRIEN / OBRIEN / O BRIEN)",
  },
  {
    mrn: 'CC-103014',
    familyName: 'Whitfield-Hayes',
    givenName: 'Caroline',
    birthDate: '1979-07-21',
    sex: 'F',
    primaryProvider: 'Priya Natarajan, MD',
    deceasedDate: null,
    role: 'hyphenated family name; outside records may print only HAYES or WHITFIELD',
  },
  {
    mrn: 'CC-102596',
    familyName: 'Nguyen',
    givenName: 'Linh',
    birthDate: '1995-10-30',
    sex: 'F',
    primaryProvider: 'Elena Sokolova, MD',
    deceasedDate: null,
    role: 'ordinary patient (generated records)',
  },
]

/** Index rows that a patient matcher must keep apart (used by matching tests and listed in samples/expected.json). */
export const LOOK_ALIKES = [
  {
    kind: 'same-name-different-birth-date',
    mrns: ['CC-100418', 'CC-103370'],
    note: 'Johnson, Michael: 1975-01-12 vs 1992-06-27. Name alone is never enough.',
  },
  {
    kind: 'twins',
    mrns: ['CC-102210', 'CC-102211'],
    note: 'Garcia, Sofia and Garcia, Isabella share family name, birth date, sex and provider. Family name + DOB is not enough.',
  },
  {
    kind: 'sound-alike',
    mrns: ['CC-101902', 'CC-102045'],
    note: 'John Smith 1980-09-14 vs Jon Smyth 1980-09-04: phonetic match and a one-digit (OCR-confusable) DOB difference.',
  },
  {
    kind: 'swapped-names-and-day-month',
    mrns: ['CC-101455', 'CC-101456'],
    note: 'Thomas, James 1968-04-02 vs James, Thomas 1968-02-04: given/family order and US/European date order both swapped.',
  },
  {
    kind: 'deceased',
    mrns: ['CC-100931'],
    note: 'Kowalski, Stanley died 2025-01-18; a record dated after that needs review, not silent filing.',
  },
  {
    kind: 'name-punctuation',
    mrns: ['CC-102388', 'CC-100777', 'CC-103014'],
    note: "De La Cruz (spaces), O'Brien (apostrophe), Whitfield-Hayes (hyphen): outside systems print them differently.",
  },
] as const

export function patientByMrn(mrn: string): IndexPatient {
  const p = PATIENTS.find((x) => x.mrn === mrn)
  if (!p) throw new Error(`no sample patient with MRN ${mrn}`)
  return p
}

/** The index as CSV text, header `mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date`. */
export function patientsCsv(patients: readonly IndexPatient[] = PATIENTS): string {
  const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const lines = ['mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date']
  for (const p of patients) {
    lines.push([p.mrn, p.familyName, p.givenName, p.birthDate, p.sex, p.primaryProvider, p.deceasedDate ?? ''].map(cell).join(','))
  }
  return lines.join('\n') + '\n'
}
