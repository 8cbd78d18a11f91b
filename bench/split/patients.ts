/**
 * The made-up patients of the split benchmark: an index of its own (not the samples'),
 * MRNs in the health center's picture (`CC-` and six digits, as `chartclerk init` sets
 * it up for the samples), with one same-name pair a split must keep apart.
 */
export interface BenchPatient {
  mrn: string
  familyName: string
  givenName: string
  /** YYYY-MM-DD */
  birthDate: string
  sex: 'F' | 'M'
  /** The sending hospital's own record number for this person (never ours). */
  hospitalMrn: string
}

export const MRN_PATTERN = '^CC-\\d{6}$'

export const BENCH_PATIENTS: readonly BenchPatient[] = [
  { mrn: 'CC-204117', familyName: 'Halvard', givenName: 'Ingrid', birthDate: '1958-03-22', sex: 'F', hospitalMrn: '40118273' },
  { mrn: 'CC-205930', familyName: 'Mbatha', givenName: 'Thandiwe', birthDate: '1983-11-07', sex: 'F', hospitalMrn: '40233918' },
  { mrn: 'CC-206442', familyName: 'Castellano', givenName: 'Rafael', birthDate: '1971-06-15', sex: 'M', hospitalMrn: '40377104' },
  { mrn: 'CC-207718', familyName: 'Whitcombe', givenName: 'Desmond', birthDate: '1949-01-30', sex: 'M', hospitalMrn: '40412765' },
  { mrn: 'CC-208265', familyName: 'Adebayo-Ruiz', givenName: 'Amara', birthDate: '1996-09-04', sex: 'F', hospitalMrn: '40598321' },
  { mrn: 'CC-209031', familyName: 'Lindgren', givenName: 'Paul', birthDate: '1962-12-19', sex: 'M', hospitalMrn: '40611490' },
  // Same name as CC-209031, another birth date: only the birth date tells their pages apart.
  { mrn: 'CC-209874', familyName: 'Lindgren', givenName: 'Paul', birthDate: '1987-05-02', sex: 'M', hospitalMrn: '40720655' },
  { mrn: 'CC-210356', familyName: 'Szabo', givenName: 'Marguerite', birthDate: '1940-08-11', sex: 'F', hospitalMrn: '40839127' },
]

/** The index as `chartclerk patients import` takes it. */
export function benchPatientsCsv(): string {
  const rows = BENCH_PATIENTS.map((p) => [p.mrn, p.familyName, p.givenName, p.birthDate, p.sex, '', ''].join(','))
  return ['mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date', ...rows].join('\n') + '\n'
}
