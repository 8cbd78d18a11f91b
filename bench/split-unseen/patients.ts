/**
 * The made-up patients of the unseen split benchmark: an index of its own (not the samples',
 * not bench/split's), MRNs in the `CC-` and six digits picture. Two pairs are hard on purpose:
 * two women with the same name and different birth dates, and two brothers (same family name,
 * same address, birth dates three years apart).
 */
export interface UnseenPatient {
  mrn: string
  family: string
  given: string
  middle: string
  /** YYYY-MM-DD */
  birthDate: string
  sex: 'F' | 'M'
  /** Numbers other places gave this person (never ours). */
  hospitalMrn: string
  labId: string
}

export const MRN_PATTERN = '^CC-\\d{6}$'

export const UNSEEN_PATIENTS: readonly UnseenPatient[] = [
  {
    mrn: 'CC-311708',
    family: 'Okonkwo',
    given: 'Chidera',
    middle: 'N',
    birthDate: '1967-04-19',
    sex: 'F',
    hospitalMrn: 'K0093321',
    labId: 'BW55102',
  },
  {
    mrn: 'CC-312264',
    family: 'Vasquez-Thorne',
    given: 'Elena',
    middle: 'M',
    birthDate: '1979-10-02',
    sex: 'F',
    hospitalMrn: 'K0118740',
    labId: 'BW55877',
  },
  {
    mrn: 'CC-313590',
    family: 'Brandt',
    given: 'Tobias',
    middle: 'J',
    birthDate: '1952-07-28',
    sex: 'M',
    hospitalMrn: 'K0127705',
    labId: 'BW56013',
  },
  {
    mrn: 'CC-314025',
    family: 'Brandt',
    given: 'Lukas',
    middle: 'E',
    birthDate: '1955-02-14',
    sex: 'M',
    hospitalMrn: 'K0131246',
    labId: 'BW56240',
  },
  {
    mrn: 'CC-315771',
    family: 'Nakamura',
    given: 'Hiroshi',
    middle: 'K',
    birthDate: '1944-12-06',
    sex: 'M',
    hospitalMrn: 'K0140918',
    labId: 'BW57391',
  },
  {
    mrn: 'CC-316439',
    family: 'Fairweather',
    given: 'Josephine',
    middle: 'A',
    birthDate: '1990-05-31',
    sex: 'F',
    hospitalMrn: 'K0152267',
    labId: 'BW58006',
  },
  // Same name as CC-316439, another birth date and another hospital number.
  {
    mrn: 'CC-317082',
    family: 'Fairweather',
    given: 'Josephine',
    middle: 'L',
    birthDate: '1961-09-09',
    sex: 'F',
    hospitalMrn: 'K0166310',
    labId: 'BW58452',
  },
  {
    mrn: 'CC-318856',
    family: 'Delacroix',
    given: 'Marcus',
    middle: 'T',
    birthDate: '1986-01-23',
    sex: 'M',
    hospitalMrn: 'K0171984',
    labId: 'BW59120',
  },
]

export function patientsCsv(): string {
  const rows = UNSEEN_PATIENTS.map((p) => [p.mrn, p.family, p.given, p.birthDate, p.sex, '', ''].join(','))
  return ['mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date', ...rows].join('\n') + '\n'
}
