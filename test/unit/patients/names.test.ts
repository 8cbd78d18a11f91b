import { describe, expect, it } from 'vitest'
import { compareNames, comparePart, ocrDistance, parsePersonName, patientNameKeys, phoneticKey } from '../../../src/patients/names.js'

// Made-up names.
const chart = (familyName: string, givenName: string, middleName: string | null = null) => ({ familyName, givenName, middleName })
const doc = (familyName: string, givenName: string, middleName: string | null = null, suffix: string | null = null) => ({
  familyName,
  givenName,
  middleName,
  suffix,
})

describe('parsePersonName', () => {
  it.each([
    ['DOE, JANE A', ['DOE', 'JANE', 'A', null, 'family-first']],
    ['Doe Jr., Jane', ['Doe', 'Jane', null, 'JR', 'family-first']],
    ['Jane A. Doe', ['Doe', 'Jane', 'A', null, 'given-first']],
    ['Mrs. Jane Doe', ['Doe', 'Jane', null, null, 'given-first']],
    ['Maria del Carmen De La Cruz', ['De La Cruz', 'Maria', 'del Carmen', null, 'given-first']],
    ['DOE JANE A', ['DOE', 'JANE', 'A', null, 'family-first']],
    ['Robert Lee III', ['Lee', 'Robert', null, 'III', 'given-first']],
  ])('%s', (raw, [f, g, m, s, o]) => {
    expect(parsePersonName(raw)).toEqual({ familyName: f, givenName: g, middleName: m, suffix: s, order: o })
  })

  it('refuses a single word', () => {
    expect(parsePersonName('DOE')).toBeNull()
    expect(parsePersonName(', JANE')).toBeNull()
  })
})

describe('phoneticKey', () => {
  it('gives sound-alikes the same key', () => {
    for (const [a, b] of [
      ['Smith', 'Smyth'],
      ['Jon', 'John'],
      ['Catherine', 'Katherine'],
      ['Stephen', 'Steven'],
      ['Reid', 'Reed'],
      ['Johnson', 'Jonson'],
      ['Thompson', 'Tomson'],
      ['Mohammed', 'Muhammad'],
      ['Philips', 'Phillips'],
    ]) {
      expect(phoneticKey(a!), `${a} / ${b}`).toBe(phoneticKey(b!))
    }
  })

  it('keeps different names apart', () => {
    expect(phoneticKey('Smith')).not.toBe(phoneticKey('Jones'))
    expect(phoneticKey('Garcia')).not.toBe(phoneticKey('Lopez'))
  })

  it('indexes compound family names under the whole and each part', () => {
    const keys = patientNameKeys({ familyName: 'Garcia-Lopez' })
    expect(keys).toContain(phoneticKey('Garcia'))
    expect(keys).toContain(phoneticKey('Lopez'))
    expect(keys).toContain(phoneticKey('GarciaLopez'))
    expect(patientNameKeys({ familyName: 'De La Cruz' })).toContain(phoneticKey('Cruz'))
  })
})

describe('ocrDistance and comparePart', () => {
  it('gives each pair the same distance whatever was compared before (the table is reused between calls)', () => {
    const pairs: [string, string][] = [
      ['WILLIARNS', 'WILLIAMS'],
      ['CONFIDENTIALITYNOTICE', 'C0NFIDENTIAL1TYN0TICE'],
      ['Jean-Luc', 'JEANLUC'],
      ['ABCLULLAH', 'ABDULLAH'],
      ['Zoë', 'ZOE'],
    ]
    const first = pairs.map(([a, b]) => ocrDistance(a, b))
    expect([...pairs].reverse().map(([a, b]) => ocrDistance(a, b))).toEqual([...first].reverse())
    expect(first[1]).toEqual({ edits: 0, confusions: 3, letterMisreads: 1 })
    expect(ocrDistance('Zoë', 'ZOE')).toEqual({ edits: 0, confusions: 0, letterMisreads: 0 })
  })

  it('counts scanner confusions apart from real edits', () => {
    expect(ocrDistance('WILLIARNS', 'WILLIAMS')).toEqual({ edits: 0, confusions: 1, letterMisreads: 1 })
    expect(ocrDistance('D0E', 'DOE')).toEqual({ edits: 0, confusions: 1, letterMisreads: 0 })
    expect(ocrDistance('ABCLULLAH', 'ABDULLAH')).toEqual({ edits: 0, confusions: 1, letterMisreads: 1 })
    expect(ocrDistance('FITZGERA1D', 'FITZGERALD')).toEqual({ edits: 0, confusions: 1, letterMisreads: 1 })
    expect(ocrDistance('MARCU5', 'MARCUS')).toEqual({ edits: 0, confusions: 1, letterMisreads: 0 })
    expect(ocrDistance('CARL', 'EARL')).toEqual({ edits: 0, confusions: 1, letterMisreads: 1 })
    expect(ocrDistance('JON', 'JOHN').edits).toBe(1)
    expect(ocrDistance('JOHNSON', 'JHONSON').edits).toBe(1)
  })

  it.each([
    ['DOE', 'Doe', 'exact'],
    ["O'BRIEN", 'OBrien', 'exact'],
    ['NUNEZ', 'Núñez', 'exact'],
    ['GARCIA LOPEZ', 'Garcia-Lopez', 'exact'],
    ['D0E', 'Doe', 'ocr'],
    ['WI11IAMS', 'Williams', 'ocr'],
    ['FITZGERA1D', 'Fitzgerald', 'ocr'],
    ['JON', 'John', 'near'],
    ['SMITH', 'Smyth', 'near'],
    ['JANE', 'JOHN', 'different'],
    ['DOEE', 'Doe', 'near'],
    ['D00E', 'Doe', 'different'],
  ])('%s vs %s: %s', (a, b, expected) => {
    expect(comparePart(a, b)).toBe(expected)
  })
})

describe('compareNames', () => {
  it('agrees through scanner damage, middle initials, compound and swapped names', () => {
    expect(compareNames(doc('D0E', 'JANC', 'A'), chart('Doe', 'Jane', 'Ann')).status).toBe('agree')
    expect(compareNames(doc('DOE', 'JANE'), chart('Doe', 'Jane', 'Ann')).status).toBe('agree')
    expect(compareNames(doc('JANE', 'DOE'), chart('Doe', 'Jane')).status).toBe('agree')
    expect(compareNames(doc('GARCIA', 'MARIA'), chart('Garcia-Lopez', 'Maria')).status).toBe('agree')
    expect(compareNames(doc('GARCIA-LOPEZ', 'MARIA'), chart('Garcia', 'Maria')).status).toBe('agree')
    expect(compareNames(doc('SMITH', 'MARY ANN'), chart('Smith', 'Mary', 'Ann')).status).toBe('agree')
    expect(compareNames(doc('TAYLOR', 'EMlLY'), chart('Taylor', 'Emily')).status).toBe('agree')
  })

  it('calls look-alikes near, never agree', () => {
    expect(compareNames(doc('SMITH', 'KATHERINE'), chart('Smyth', 'Katherine')).status).toBe('near')
    expect(compareNames(doc('BAKER', 'JON'), chart('Baker', 'John')).status).toBe('near')
    expect(compareNames(doc('DOE', 'J'), chart('Doe', 'Jane')).status).toBe('near')
    expect(compareNames(doc('DOE', 'JANE', 'B'), chart('Doe', 'Jane', 'Ann')).status).toBe('near')
    expect(compareNames(doc('LEE', 'ROBERT', null, 'JR'), chart('Lee Sr', 'Robert')).status).toBe('near')
  })

  it('tells twins apart by the given name', () => {
    expect(compareNames(doc('OKAFOR', 'MICHAEL'), chart('Okafor', 'Michelle')).status).toBe('family-only')
    expect(compareNames(doc('OKAFOR', 'MICHAEL'), chart('Okafor', 'Michael')).status).toBe('agree')
  })

  it('flags agreement that rests on one letter read as another', () => {
    const r = compareNames(doc('HALE', 'EARL'), chart('Hale', 'Carl'))
    expect(r).toMatchObject({ status: 'agree', needsThirdIdentifier: true })
    expect(compareNames(doc('HALE', 'CARL'), chart('Hale', 'Carl')).needsThirdIdentifier).toBe(false)
    expect(compareNames(doc('WILLIARNS', 'MARCUS'), chart('Williams', 'Marcus')).needsThirdIdentifier).toBe(true)
    expect(compareNames(doc('WI11IAMS', 'MARCUS'), chart('Williams', 'Marcus')).needsThirdIdentifier).toBe(true)
    expect(compareNames(doc('JONES', '1AN'), chart('Jones', 'Lan')).needsThirdIdentifier).toBe(true)
    expect(compareNames(doc('D0E', 'MARCU5'), chart('Doe', 'Marcus')).needsThirdIdentifier).toBe(false)
  })

  it('disagrees on different people', () => {
    expect(compareNames(doc('TAYLOR', 'EMILY'), chart('Brown', 'Robert')).status).toBe('disagree')
  })
})

describe('compareNames: Irish family names written given-first', () => {
  const chart = { familyName: 'Ó Súilleabháin', givenName: 'Niamh', middleName: null }
  it('GIVEN "Niamh O Suilleabhain" (the O read as a middle initial) THEN it agrees with Ó Súilleabháin', () => {
    expect(compareNames({ familyName: 'Suilleabhain', givenName: 'Niamh', middleName: 'O', suffix: null }, chart).status).toBe('agree')
  })
  it('GIVEN the family name without its O, or another family name THEN it does not agree', () => {
    expect(compareNames({ familyName: 'Suilleabhain', givenName: 'Niamh', middleName: null, suffix: null }, chart).status).not.toBe('agree')
    expect(compareNames({ familyName: 'Smith', givenName: 'Niamh', middleName: 'O', suffix: null }, chart).status).toBe('disagree')
  })
})
