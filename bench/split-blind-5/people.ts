/**
 * The people of the fifth blind split set, all made up, and the chart list the desk imports for
 * them. The receiving practice (Harrowmere Family Medicine) numbers its charts `HM` and seven
 * digits; outside senders print numbers of their own (a Canadian health card, an Australian
 * Medicare number, a corrections inmate number, a dialysis unit's id). Some people have no chart
 * at the practice: no chart may receive their pages. Hard pairs on purpose: a father and son of
 * one name (Sr. and Jr.), twin sisters born the same day, a mother and her small son at one
 * address, a woman with a chart and a woman of nearly the same name and birth year without one.
 */
export const MRN_PATTERN = '^HM\\d{7}$'
export const NO_CHART = 'NO-CHART'

export interface Person {
  /** Stable id within the set. */
  id: string
  given: string
  middle: string
  family: string
  /** Sr., Jr. or empty. */
  suffix: string
  /** YYYY-MM-DD */
  birth: string
  sex: 'F' | 'M'
  /** The practice's chart number, or null for a person it has no chart for. */
  mrn: string | null
  street: string
  town: string
  phone: string
  /** People sharing a household on purpose (twins, a mother and child). */
  household?: string
}

const P = (x: Omit<Person, 'suffix'> & { suffix?: string }): Person => ({ suffix: '', ...x })

export const PEOPLE: readonly Person[] = [
  P({
    id: 'vantongeren-sr',
    given: 'Cornelius',
    middle: 'Arend',
    family: 'Vantongeren',
    suffix: 'Sr.',
    birth: '1950-08-14',
    sex: 'M',
    mrn: 'HM0031145',
    street: '12 Orchard Bend',
    town: 'Harrowmere',
    phone: '541-555-0161',
  }),
  P({
    id: 'vantongeren-jr',
    given: 'Cornelius',
    middle: 'Dirk',
    family: 'Vantongeren',
    suffix: 'Jr.',
    birth: '1978-03-02',
    sex: 'M',
    mrn: 'HM0058812',
    street: '404 Sluice Rd',
    town: 'Calder Springs',
    phone: '541-555-0118',
  }),
  P({
    id: 'okonkwo-a',
    given: 'Adaeze',
    middle: 'Chioma',
    family: 'Okonkwo-Barrett',
    birth: '1996-11-21',
    sex: 'F',
    mrn: 'HM0077302',
    street: '9 Fernbrake Way',
    town: 'Harrowmere',
    phone: '541-555-0133',
    household: 'okonkwo',
  }),
  P({
    id: 'okonkwo-n',
    given: 'Nneka',
    middle: 'Ifeoma',
    family: 'Okonkwo-Barrett',
    birth: '1996-11-21',
    sex: 'F',
    mrn: 'HM0077303',
    street: '9 Fernbrake Way',
    town: 'Harrowmere',
    phone: '541-555-0133',
    household: 'okonkwo',
  }),
  P({
    id: 'lindqvist-s',
    given: 'Solveig',
    middle: 'Marit',
    family: 'Lindqvist',
    birth: '1989-05-07',
    sex: 'F',
    mrn: 'HM0069950',
    street: '77 Tannery Row Apt 3',
    town: 'Calder Springs',
    phone: '541-555-0149',
    household: 'lindqvist',
  }),
  P({
    id: 'lindqvist-e',
    given: 'Elias',
    middle: 'Bjorn',
    family: 'Lindqvist',
    birth: '2021-09-18',
    sex: 'M',
    mrn: 'HM0091476',
    street: '77 Tannery Row Apt 3',
    town: 'Calder Springs',
    phone: '541-555-0149',
    household: 'lindqvist',
  }),
  P({
    id: 'whitfeather-l',
    given: 'Lorraine',
    middle: 'Bea',
    family: 'Whitfeather',
    birth: '1962-12-09',
    sex: 'F',
    mrn: 'HM0024417',
    street: '3 Kettle Butte Rd',
    town: 'Dunmore Gap',
    phone: '541-555-0102',
  }),
  P({
    id: 'lavoie',
    given: 'Jean-Baptiste',
    middle: 'Remi',
    family: 'Lavoie',
    birth: '1944-01-27',
    sex: 'M',
    mrn: 'HM0009083',
    street: '260 Millpond Ln',
    town: 'Harrowmere',
    phone: '541-555-0175',
  }),
  P({
    id: 'nguyen-walsh',
    given: 'Kirra',
    middle: 'Anh',
    family: 'Nguyen-Walsh',
    birth: '1985-06-30',
    sex: 'F',
    mrn: 'HM0063321',
    street: '18 Saddle Creek Dr',
    town: 'Calder Springs',
    phone: '541-555-0127',
  }),
  P({
    id: 'bhriain',
    given: 'Siobhan',
    middle: 'Aoife',
    family: 'Ni Bhriain',
    birth: '1971-04-16',
    sex: 'F',
    mrn: 'HM0040658',
    street: '5 Gorse Hill Ct',
    town: 'Dunmore Gap',
    phone: '541-555-0156',
  }),
  P({
    id: 'tsosie',
    given: 'Harold',
    middle: 'Begay',
    family: 'Tsosie',
    birth: '1958-10-05',
    sex: 'M',
    mrn: 'HM0017764',
    street: 'HC 62 Box 19',
    town: 'Dunmore Gap',
    phone: '541-555-0189',
  }),
  P({
    id: 'marchetti',
    given: 'Ottavio',
    middle: 'Luca',
    family: 'Marchetti-Fong',
    birth: '1967-02-23',
    sex: 'M',
    mrn: 'HM0035590',
    street: '1101 Larkin Ave',
    town: 'Harrowmere',
    phone: '541-555-0114',
  }),
  // Without a chart.
  P({
    id: 'whitfeather-lo',
    given: 'Loraine',
    middle: 'Faye',
    family: 'Whitfeather',
    birth: '1962-07-19',
    sex: 'F',
    mrn: null,
    street: '88 Rimrock Trl',
    town: 'Pell City',
    phone: '541-555-0193',
  }),
  P({
    id: 'abdirahman',
    given: 'Hodan',
    middle: 'Ali',
    family: 'Abdirahman',
    birth: '1993-08-01',
    sex: 'F',
    mrn: null,
    street: '47 Quince St',
    town: 'Pell City',
    phone: '541-555-0138',
  }),
  P({
    id: 'castellanos',
    given: 'Ruben',
    middle: 'Tomas',
    family: 'Castellanos-Pike',
    birth: '1981-12-11',
    sex: 'M',
    mrn: null,
    street: '2290 Foundry Rd',
    town: 'Ostrander',
    phone: '541-555-0124',
  }),
]

export const personById = (id: string): Person => {
  const p = PEOPLE.find((x) => x.id === id)
  if (!p) throw new Error(`split-blind-5: no person ${id}`)
  return p
}

/** How the key writes a person: "Given M. Family Suffix, born YYYY-MM-DD". */
export const keyName = (p: Person) => `${p.given} ${p.middle[0]}. ${p.family}${p.suffix ? ' ' + p.suffix : ''}, born ${p.birth}`

/** The chart list as the desk imports it (CSV). */
export function patientsCsv(): string {
  const rows = PEOPLE.filter((p) => p.mrn).map((p) => [p.mrn, p.family, p.given, p.birth, p.sex, '', ''].join(','))
  return ['mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date', ...rows].join('\n') + '\n'
}
