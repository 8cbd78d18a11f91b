/**
 * A desk's catalog on its configured engine (src/catalog/db.ts catalogOn): the documents' side
 * (patients, events, documents, settlements) writes and reads where the other repositories do,
 * never the embedded file beside it, so that joins on documents see the same rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { catalogOn, openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

describe.each(engines)('the desk catalog on $name', (engine) => {
  let cat: OpenedCatalog
  let embedded: Catalog
  beforeEach(async () => {
    cat = await engine.open()
    embedded = openCatalog(':memory:')
  })
  afterEach(async () => {
    embedded?.close()
    await cat?.close()
  })

  it('records patients and events, in and out of a transaction, on the engine it is given', async () => {
    const desk = catalogOn(embedded, cat.sql)
    expect(desk.sql).toBe(cat.sql)
    // Made-up patient.
    await desk.patients.upsert([{ mrn: 'CC-300001', familyName: 'Okafor', givenName: 'Ada', birthDate: '1975-03-09' }])
    await desk.tx(async (c) => {
      await c.events.append('document.viewed', null, {})
    })
    const onEngine = await cat.sql.db.selectFrom('patients').select('mrn').execute()
    expect(onEngine.map((r) => r.mrn)).toEqual(['CC-300001'])
    const kinds = await cat.sql.db.selectFrom('events').select('kind').orderBy('id').execute()
    expect(kinds.map((r) => r.kind).at(-1), 'the transaction’s event, after the import’s').toBe('document.viewed')
    expect(await desk.patients.get('CC-300001')).toMatchObject({ familyName: 'Okafor' })
    // The embedded file beside it is left alone (unless it is the engine).
    const inFile = embedded.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }
    expect(inFile.n).toBe(engine.name === 'sqlite' && cat.sql === embedded.sql ? 1 : 0)
  })

  it("on the embedded file's own query builder it is the same catalog", () => {
    expect(catalogOn(embedded, embedded.sql)).toBe(embedded)
  })
})
