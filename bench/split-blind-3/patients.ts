/**
 * The made-up people of the third blind split set: eleven with a chart at the health center
 * (MRN CC- and six digits, in a range neither earlier set uses) and three whose papers arrive
 * without a chart. Hard on purpose: a husband and wife of one family name (Okonkwo), two men
 * named Colin Featherstone 22 years apart (and a third, with no chart, born between them),
 * Marisol Villanueva-Ortiz and Marisela Villanueva Ortiz born three years apart on the same
 * day of the year, Isobel MacPhail with a chart and Isabel MacPhail without one.
 */
export { MRN_PATTERN } from '../split-unseen/patients.js'

export interface Person {
  /** The desk's MRN, or NO_CHART for someone the health center has no chart for. */
  mrn: string
  family: string
  given: string
  middle: string
  birthDate: string
  sex: 'F' | 'M'
  indexed: boolean
  /** People easy to take one for another share a group. */
  lookAlike?: string
}

/** The truth's MRN for a person with no chart: no chart may ever receive their pages. */
export const NO_CHART = 'NO-CHART'

const p = (mrn: string, family: string, given: string, middle: string, birthDate: string, sex: 'F' | 'M', lookAlike?: string): Person => ({
  mrn,
  family,
  given,
  middle,
  birthDate,
  sex,
  indexed: mrn !== NO_CHART,
  lookAlike,
})

export const PEOPLE: readonly Person[] = [
  p('CC-640112', 'Okonkwo', 'Chinedu', 'A', '1957-02-14', 'M', 'okonkwo'),
  p('CC-640113', 'Okonkwo', 'Chidinma', 'N', '1960-09-03', 'F', 'okonkwo'),
  p('CC-641540', 'Lindqvist', 'Margit', 'E', '1944-12-01', 'F'),
  p('CC-642207', 'Featherstone', 'Colin', 'J', '1968-06-22', 'M', 'featherstone'),
  p('CC-643981', 'Featherstone', 'Colin', 'T', '1990-03-15', 'M', 'featherstone'),
  p('CC-644376', 'Tran', 'Bao Ngoc', 'T', '1979-10-30', 'F'),
  p('CC-645052', 'Running Crane', 'Lorraine', 'M', '1952-04-18', 'F'),
  p('CC-646609', 'Abruzzese', 'Dominic', 'P', '1985-01-09', 'M'),
  p('CC-647733', 'MacPhail', 'Isobel', 'R', '1938-08-26', 'F', 'macphail'),
  p('CC-648190', 'Villanueva-Ortiz', 'Marisol', 'E', '1972-05-05', 'F', 'villanueva'),
  p('CC-648357', 'Villanueva Ortiz', 'Marisela', 'D', '1975-05-05', 'F', 'villanueva'),
  // No chart at the health center.
  p(NO_CHART, 'Featherstone', 'Colin', 'W', '1971-11-02', 'M', 'featherstone'),
  p(NO_CHART, 'MacPhail', 'Isabel', 'J', '1941-02-11', 'F', 'macphail'),
  p(NO_CHART, 'Wisniewski', 'Teodor', 'K', '1963-07-19', 'M'),
]

export const INDEXED = PEOPLE.filter((x) => x.indexed)
export const NOT_INDEXED = PEOPLE.filter((x) => !x.indexed)

/** Two records are of one person only when they are the same entry. */
export const samePerson = (a: Person, b: Person) => a === b

export function patientsCsv(): string {
  const rows = INDEXED.map((x) => [x.mrn, x.family, x.given, x.birthDate, x.sex, '', ''].join(','))
  return ['mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date', ...rows].join('\n') + '\n'
}
