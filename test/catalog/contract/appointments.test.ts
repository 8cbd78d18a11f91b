/**
 * Contract of the appointment schedule (src/prep/schedule.ts), the same on SQLite and on
 * PostgreSQL: what chart prep lists for a day, and the last visit that keeps a chart active.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppointmentsRepo, type NewAppointment } from '../../../src/prep/schedule.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const visit = (a: Partial<NewAppointment> & Pick<NewAppointment, 'date' | 'mrn'>): NewAppointment => ({
  externalId: null,
  time: '',
  provider: null,
  visitType: null,
  status: null,
  source: 'test',
  ...a,
})

describe.each(engines)('appointments on $name', (engine) => {
  let cat: OpenedCatalog
  let repo: AppointmentsRepo
  beforeAll(async () => {
    cat = await engine.open()
    repo = new AppointmentsRepo(cat.sql)
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('a day lists timed visits by time, then those without a time in the order imported, with every field as given', async () => {
    expect(
      await repo.upsert([
        visit({ date: '2026-12-07', mrn: 'CC-100418', time: '13:00', provider: 'Priya Natarajan MD', visitType: 'Annual' }),
        visit({ date: '2026-12-07', mrn: 'CC-101902' }),
        visit({ date: '2026-12-07', mrn: 'CC-100777', time: '09:30', externalId: 'A-17', status: 'booked', source: 'fhir' }),
        visit({ date: '2026-12-07', mrn: 'CC-100555' }),
        visit({ date: '2026-12-08', mrn: 'CC-100418', time: '08:00' }),
      ]),
    ).toEqual({ added: 5, updated: 0, unchanged: 0 })
    const day = await repo.forDate('2026-12-07')
    expect(day.map((a) => [a.time, a.mrn])).toEqual([
      ['09:30', 'CC-100777'],
      ['13:00', 'CC-100418'],
      ['', 'CC-101902'],
      ['', 'CC-100555'],
    ])
    expect(day[0]).toEqual({
      id: expect.any(Number),
      externalId: 'A-17',
      date: '2026-12-07',
      time: '09:30',
      mrn: 'CC-100777',
      provider: null,
      visitType: null,
      status: 'booked',
      source: 'fhir',
    })
    expect(day[1]).toMatchObject({ externalId: null, provider: 'Priya Natarajan MD', visitType: 'Annual', status: null, source: 'test' })
    expect(await repo.forDate('2026-12-09')).toEqual([])
  })

  it('a re-import updates by appointment id (even when it moves to another day), else by day, chart and time; never duplicates', async () => {
    await repo.upsert([
      visit({ date: '2026-12-07', mrn: 'CC-100418', time: '09:30', externalId: 'A-1', provider: 'Elena Sokolova MD' }),
      visit({ date: '2026-12-07', mrn: 'CC-101902', time: '10:15', provider: 'Marcus Webb DO' }),
    ])
    const counts = await repo.upsert([
      visit({ date: '2026-12-08', mrn: 'CC-100418', time: '11:00', externalId: 'A-1', provider: 'Elena Sokolova MD' }),
      visit({ date: '2026-12-07', mrn: 'CC-101902', time: '10:15', provider: 'Grace Adeyemi FNP' }),
      visit({ date: '2026-12-07', mrn: 'CC-101902', time: '10:15', provider: 'Grace Adeyemi FNP' }),
    ])
    expect(counts).toEqual({ added: 0, updated: 2, unchanged: 1 })
    expect((await repo.forDate('2026-12-07')).map((a) => [a.mrn, a.provider])).toEqual([['CC-101902', 'Grace Adeyemi FNP']])
    expect((await repo.forDate('2026-12-08')).map((a) => [a.time, a.externalId])).toEqual([['11:00', 'A-1']])
    // The same slot with another time is another visit.
    expect(await repo.upsert([visit({ date: '2026-12-07', mrn: 'CC-101902', time: '15:00' })])).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
    })
  })

  it("a chart's last visit counts visits that happen, past or future; cancelled, no-show and entered in error do not", async () => {
    expect(await repo.lastVisit('CC-100418')).toBeNull()
    await repo.upsert([
      visit({ date: '2019-04-02', mrn: 'CC-100418' }),
      visit({ date: '2021-06-01', mrn: 'CC-100418', status: 'fulfilled' }),
      visit({ date: '2027-01-10', mrn: 'CC-100418', status: 'cancelled' }),
      visit({ date: '2027-02-10', mrn: 'CC-100418', status: 'noshow' }),
      visit({ date: '2027-03-10', mrn: 'CC-100418', status: 'entered-in-error' }),
      visit({ date: '2030-01-01', mrn: 'CC-101902' }),
    ])
    expect(await repo.lastVisit('CC-100418')).toBe('2021-06-01')
    await repo.upsert([visit({ date: '2098-06-01', mrn: 'CC-100418', time: '09:00', status: 'booked' })])
    expect(await repo.lastVisit('CC-100418')).toBe('2098-06-01')
  })

  // On PostgreSQL the other desk has its own connection pool; on SQLite both share the one file.
  it('the same schedule imported at two desks at once is kept once', async () => {
    const other = cat.another ? new AppointmentsRepo(await cat.another()) : repo
    const day = Array.from({ length: 20 }, (_, i) =>
      visit({
        date: '2026-12-07',
        mrn: `CC-1${String(i).padStart(5, '0')}`,
        time: `${String(8 + (i % 10)).padStart(2, '0')}:${i < 10 ? '00' : '30'}`,
      }),
    )
    const [a, b] = await Promise.all([repo.upsert(day), other.upsert(day)])
    expect(a.added + b.added).toBe(20)
    expect(a.unchanged + b.unchanged).toBe(20)
    expect(await repo.forDate('2026-12-07')).toHaveLength(20)
  })
})
