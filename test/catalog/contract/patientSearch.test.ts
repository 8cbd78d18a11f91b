/**
 * Contract of the desk's patient search (PatientsRepo.search, src/catalog/patients.ts), the same on SQLite and on
 * PostgreSQL: by the start of the MRN (dashes or not), of "family, given" or of "given family",
 * whatever the case.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PatientsRepo } from '../../../src/catalog/patients.js'
import { CatalogScope } from '../../../src/catalog/scope.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const at = '2026-11-01T09:00:00.000Z'
const PATIENTS = [
  { mrn: 'CC-100418', family_name: 'Okafor', given_name: 'Adaeze', birth_date: '1961-03-14', primary_provider: 'Marcus Webb, DO' },
  { mrn: 'CC-100420', family_name: 'Okafor', given_name: 'Chidi', birth_date: '1990-07-02', deceased: 1, deceased_date: '2025-01-09' },
  { mrn: 'CC-200001', family_name: 'Lindqvist', given_name: 'Maja', birth_date: '1978-11-30', sex: 'F' },
  { mrn: 'CC-300_05', family_name: 'Ng', given_name: 'Oka', birth_date: '2001-05-05' },
  { mrn: 'CC-400001', family_name: 'Élan', given_name: 'Zoé', birth_date: '1988-02-02' },
]

describe.each(engines)('patient search on $name', (engine) => {
  let cat: OpenedCatalog
  const find = (q: string, limit = 10) => search(q, limit).then((ps) => ps.map((p) => p.mrn))
  const search = (q: string, limit: number) => new PatientsRepo(new CatalogScope(cat.sql)).search(q, limit)
  beforeAll(async () => {
    cat = await engine.open()
  })
  beforeEach(async () => {
    await cat.reset()
    await cat.sql.db
      .insertInto('patients')
      .values(
        PATIENTS.map((p) => ({
          middle_name: null,
          sex: null,
          deceased: 0,
          deceased_date: null,
          primary_provider: null,
          ...p,
          mrn_key: p.mrn.replace(/\W/g, ''),
          created_at: at,
          updated_at: at,
        })),
      )
      .execute()
  })
  afterAll(async () => cat?.close())

  it('by the start of the MRN, with or without its dash, in any case', async () => {
    expect(await find('CC-1004')).toEqual(['CC-100418', 'CC-100420'])
    expect(await find('cc1004')).toEqual(['CC-100418', 'CC-100420'])
    expect(await find('CC-200001')).toEqual(['CC-200001'])
    expect(await find('100418')).toEqual([])
  })

  it('by the start of "family, given" or of "given family", ordered by name then birth date', async () => {
    expect(await find('okafor')).toEqual(['CC-100418', 'CC-100420'])
    expect(await find('Okafor, ch')).toEqual(['CC-100420'])
    expect(await find('maja lind')).toEqual(['CC-200001'])
    // Ng, Oka before Okafor: by family name first.
    expect(await find('oka')).toEqual(['CC-300_05', 'CC-100418', 'CC-100420'])
    expect(await find('oka', 1)).toEqual(['CC-300_05'])
    expect(await find('  ')).toEqual([])
  })

  it('% and _ typed are taken literally', async () => {
    expect(await find('CC-300_')).toEqual(['CC-300_05'])
    expect(await find('CC-3000')).toEqual([])
    expect(await find('%')).toEqual([])
    expect(await find('_')).toEqual([])
  })

  it('a patient comes back whole', async () => {
    const [p] = await search('CC-100420', 5)
    expect(p).toEqual({
      mrn: 'CC-100420',
      familyName: 'Okafor',
      givenName: 'Chidi',
      middleName: null,
      birthDate: '1990-07-02',
      sex: null,
      deceased: true,
      deceasedDate: '2025-01-09',
      primaryProvider: null,
    })
  })

  it('by exact family and given name (a schedule naming its patient), ASCII letters in any case, as SQLite NOCASE did', async () => {
    const byName = (f: string, g: string) => new PatientsRepo(new CatalogScope(cat.sql)).findByName(f, g).then((ps) => ps.map((p) => p.mrn))
    expect(await byName('okafor', 'ADAEZE')).toEqual(['CC-100418'])
    expect(await byName('Okafor', 'Chid')).toEqual([])
    expect(await byName('Okafor', '')).toEqual([])
    expect(await byName('Élan', 'ZOé')).toEqual(['CC-400001'])
    // Beyond ASCII the case counts, on both engines (PostgreSQL's lower() alone would fold it).
    expect(await byName('élan', 'Zoé')).toEqual([])
  })
})
