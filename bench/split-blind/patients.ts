/**
 * The made-up people of the blind split set: eight in the chart list (CC- and six digits, the
 * picture split-unseen uses) and three who are not. Hard on purpose: a father and son of one
 * name (birth dates 27 years apart, MRNs one apart), two women whose given names differ by two
 * letters (Ana Lucia / Ana Luisa Moreno, born the same year), a husband and wife (Darnell /
 * Danielle Whitfield), and, outside the chart list, a Darryl Whitfield and an Ana Moreno.
 */
import type { UnseenPatient } from '../split-unseen/patients.js'

export { MRN_PATTERN } from '../split-unseen/patients.js'

export type BlindPatient = UnseenPatient & {
  /** False for a person the health center has no chart for. */
  indexed: boolean
  suffix?: string
}

/** The truth's MRN for a person with no chart: no chart may ever receive their pages. */
export const NO_CHART = 'NO-CHART'

const p = (
  mrn: string,
  family: string,
  given: string,
  middle: string,
  birthDate: string,
  sex: 'F' | 'M',
  hospitalMrn: string,
  labId: string,
  extra: Partial<BlindPatient> = {},
): BlindPatient => ({ mrn, family, given, middle, birthDate, sex, hospitalMrn, labId, indexed: true, ...extra })

export const BLIND_PATIENTS: readonly BlindPatient[] = [
  p('CC-520114', 'Whitfield', 'Darnell', 'R', '1971-03-08', 'M', 'SB4471902', 'PR-771203'),
  p('CC-520377', 'Whitfield', 'Danielle', 'K', '1974-11-19', 'F', 'SB4471957', 'PR-771288'),
  p('CC-521902', 'Moreno', 'Ana Lucia', 'G', '1983-06-25', 'F', 'SB5002318', 'PR-780415'),
  p('CC-522048', 'Moreno', 'Ana Luisa', 'P', '1983-09-14', 'F', 'SB5009941', 'PR-780872'),
  p('CC-523310', 'Ostrowski', 'Raymond', 'F', '1949-01-30', 'M', 'SB3120476', 'PR-702256', { suffix: 'Sr' }),
  p('CC-523311', 'Ostrowski', 'Raymond', 'F', '1976-08-02', 'M', 'SB3120590', 'PR-702311', { suffix: 'Jr' }),
  p('CC-524866', 'Abernathy-Quist', 'Priya', 'S', '1992-12-11', 'F', 'SB6688013', 'PR-791640'),
  p('CC-525403', "O'Halloran", 'Bridget', 'M', '1958-04-04', 'F', 'SB2950117', 'PR-695530'),
  p('CC-526730', 'Nguyen', 'Thi Mai', 'H', '1966-07-17', 'F', 'SB3877402', 'PR-733019'),
  p('CC-527195', 'Castellanos', 'Rodrigo', 'E', '1939-10-21', 'M', 'SB1204468', 'PR-650771'),
]

/** People whose papers reach the desk but who have no chart here. */
export const NOT_IN_INDEX: readonly BlindPatient[] = [
  p(NO_CHART, 'Whitfield', 'Darryl', 'J', '1969-05-27', 'M', 'SB4470388', 'PR-770016', { indexed: false }),
  p(NO_CHART, 'Moreno', 'Ana', 'V', '1987-02-03', 'F', 'SB5120775', 'PR-781990', { indexed: false }),
  p(NO_CHART, 'Pemberton', 'Gideon', 'A', '1980-05-12', 'M', 'SB7012246', 'PR-802237', { indexed: false }),
]

/** Pairs of charted people easy to take one for the other. */
export const LOOK_ALIKES: readonly [string, string][] = [
  ['CC-523310', 'CC-523311'],
  ['CC-521902', 'CC-522048'],
  ['CC-520114', 'CC-520377'],
]

export function patientsCsv(): string {
  const rows = BLIND_PATIENTS.map((x) => [x.mrn, x.family, x.given, x.birthDate, x.sex, '', ''].join(','))
  return ['mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date', ...rows].join('\n') + '\n'
}
