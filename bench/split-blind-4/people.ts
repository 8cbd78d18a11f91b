/**
 * The people of the fourth blind split set, all made up, and the chart list the desk imports
 * for them. The health center (Larkspur Flats Community Health Center) numbers its charts
 * `LF` and six digits; outside senders print their own numbers. Some people have no chart:
 * no chart may receive their pages. Hard pairs on purpose: two women of the same name a
 * generation apart, twins born the same day, a married couple at one address, a man with a
 * chart and a man of nearly the same name without one.
 */
export const MRN_PATTERN = '^LF\\d{6}$'
export const NO_CHART = 'NO-CHART'

export interface Person {
  /** Stable id within the set. */
  id: string
  given: string
  middle: string
  family: string
  /** YYYY-MM-DD */
  birth: string
  sex: 'F' | 'M'
  /** The health center's chart number, or null for a person it has no chart for. */
  mrn: string | null
  street: string
  town: string
  phone: string
  /** People sharing a household or a family name on purpose (spouses, twins). */
  household?: string
}

export const PEOPLE: readonly Person[] = [
  {
    id: 'achterberg-r49',
    given: 'Rosalind',
    middle: 'June',
    family: 'Achterberg',
    birth: '1949-02-11',
    sex: 'F',
    mrn: 'LF004127',
    street: '88 Quarry Ln',
    town: 'Larkspur Flats',
    phone: '208-555-0191',
  },
  {
    id: 'achterberg-r83',
    given: 'Rosalind',
    middle: 'Kay',
    family: 'Achterberg',
    birth: '1983-09-30',
    sex: 'F',
    mrn: 'LF018834',
    street: '1420 W Ninth St Apt 6',
    town: 'Millbrook',
    phone: '208-555-0147',
  },
  {
    id: 'quispe-t',
    given: 'Teodoro',
    middle: 'Luis',
    family: 'Quispe',
    birth: '2009-06-17',
    sex: 'M',
    mrn: 'LF022610',
    street: '5 Hopyard Rd',
    town: 'Larkspur Flats',
    phone: '208-555-0126',
    household: 'quispe',
  },
  {
    id: 'quispe-m',
    given: 'Mateo',
    middle: 'Andres',
    family: 'Quispe',
    birth: '2009-06-17',
    sex: 'M',
    mrn: 'LF022611',
    street: '5 Hopyard Rd',
    town: 'Larkspur Flats',
    phone: '208-555-0126',
    household: 'quispe',
  },
  {
    id: 'dunnigan-h',
    given: 'Harlan',
    middle: 'Ray',
    family: 'Dunnigan',
    birth: '1952-11-03',
    sex: 'M',
    mrn: 'LF009351',
    street: '230 Sawmill Rd',
    town: 'Tamarack',
    phone: '208-555-0172',
    household: 'dunnigan',
  },
  {
    id: 'dunnigan-m',
    given: 'Maybelle',
    middle: 'Ann',
    family: 'Dunnigan',
    birth: '1955-04-22',
    sex: 'F',
    mrn: 'LF009352',
    street: '230 Sawmill Rd',
    town: 'Tamarack',
    phone: '208-555-0172',
    household: 'dunnigan',
  },
  {
    id: 'ramaswamy',
    given: 'Priya',
    middle: 'S',
    family: 'Ramaswamy-Hedlund',
    birth: '1978-01-25',
    sex: 'F',
    mrn: 'LF013077',
    street: '17 Cottonwood Ct',
    town: 'Millbrook',
    phone: '208-555-0163',
  },
  {
    id: 'oyelaran',
    given: 'Wendell',
    middle: 'Tunde',
    family: 'Oyelaran',
    birth: '1966-08-09',
    sex: 'M',
    mrn: 'LF006218',
    street: '902 Depot St',
    town: 'Larkspur Flats',
    phone: '208-555-0119',
  },
  {
    id: 'gudmundsdottir',
    given: 'Ines',
    middle: 'Maria',
    family: 'Gudmundsdottir',
    birth: '1991-12-14',
    sex: 'F',
    mrn: 'LF020045',
    street: '44 Alder Loop',
    town: 'Tamarack',
    phone: '208-555-0155',
  },
  {
    id: 'lachance',
    given: 'Jerome',
    middle: 'Paul',
    family: 'Lachance',
    birth: '1940-05-02',
    sex: 'M',
    mrn: 'LF001963',
    street: '311 Mill Race Rd',
    town: 'Gooseneck',
    phone: '208-555-0108',
  },
  {
    id: 'abernathy',
    given: 'Delphine',
    middle: 'Rose',
    family: 'Abernathy-Moyo',
    birth: '1987-03-19',
    sex: 'F',
    mrn: 'LF016502',
    street: '76 Bench Rd',
    town: 'Millbrook',
    phone: '208-555-0184',
  },
  {
    id: 'kinsella-b',
    given: 'Bartholomew',
    middle: 'James',
    family: 'Kinsella',
    birth: '1971-10-28',
    sex: 'M',
    mrn: 'LF010790',
    street: '19 Teasel St',
    town: 'Larkspur Flats',
    phone: '208-555-0131',
  },
  // Without a chart.
  {
    id: 'kinsella-b2',
    given: 'Bartholomew',
    middle: 'John',
    family: 'Kinsella',
    birth: '1974-10-28',
    sex: 'M',
    mrn: null,
    street: '3308 Riverbend Dr',
    town: 'Coeur Ridge',
    phone: '208-555-0102',
  },
  {
    id: 'szabo',
    given: 'Augustin',
    middle: 'Imre',
    family: 'Szabo-Reyes',
    birth: '1959-07-07',
    sex: 'M',
    mrn: null,
    street: '612 Larch Ave',
    town: 'Coeur Ridge',
    phone: '208-555-0177',
  },
  {
    id: 'achterberg-r61',
    given: 'Rosalyn',
    middle: 'Dee',
    family: 'Achterberg',
    birth: '1961-02-11',
    sex: 'F',
    mrn: null,
    street: 'PO Box 88',
    town: 'Gooseneck',
    phone: '208-555-0140',
  },
]

export const personById = (id: string): Person => {
  const p = PEOPLE.find((x) => x.id === id)
  if (!p) throw new Error(`split-blind-4: no person ${id}`)
  return p
}

/** How the key writes a person: "Given M. Family, born YYYY-MM-DD". */
export const keyName = (p: Person) => `${p.given} ${p.middle[0]}. ${p.family}, born ${p.birth}`

/** The chart list as the desk imports it (CSV). */
export function patientsCsv(): string {
  const rows = PEOPLE.filter((p) => p.mrn).map((p) => [p.mrn, p.family, p.given, p.birth, p.sex, '', ''].join(','))
  return ['mrn,family_name,given_name,birth_date,sex,primary_provider,deceased_date', ...rows].join('\n') + '\n'
}
