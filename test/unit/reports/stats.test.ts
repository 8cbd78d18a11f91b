import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { NoticesRepo, syncNotices } from '../../../src/reports/notices.js'
import { computeStats, formatStats } from '../../../src/reports/stats.js'
import { PAT, ROBIN, UTC, fillDesk, sqlOf } from './fixture.js'

let catalog: Catalog
beforeEach(async () => {
  catalog = openCatalog(':memory:')
  await fillDesk(catalog)
})
afterEach(() => catalog.close())

describe('stats', () => {
  it('gives filing per day, review backlog, auto-filed share, open deficiencies by kind and age, delinquency and records requests', async () => {
    const [n] = (await syncNotices(catalog, sqlOf(catalog), { clock: UTC, at: '2025-06-30T10:00:00.000Z' })).created
    await new NoticesRepo(sqlOf(catalog)).markSent(n!.id, { by: 'clerk.one', at: '2025-06-10T09:00:00.000Z', dueDays: 14, clock: UTC })
    const s = await computeStats(catalog, sqlOf(catalog), { from: '2025-04-01', to: '2025-06-30', delinquentAfterDays: 30, clock: UTC })

    expect(s.period).toEqual({ from: '2025-04-01', to: '2025-06-30', days: 91 })
    expect(s.filing.perDay).toHaveLength(91)
    expect(s.filing.perDay.filter((d) => d.documents)).toEqual([
      { date: '2025-04-28', documents: 2, pages: 3, afterReview: 0 },
      { date: '2025-06-24', documents: 1, pages: 3, afterReview: 1 },
    ])
    expect(s.filing).toMatchObject({ documents: 3, pages: 6, autoFiled: 2, settled: 1, autoFiledShare: 0.667 })

    expect(s.review).toEqual({
      backlog: 2,
      oldestDays: 60,
      medianDays: 35,
      byAge: { '0-7': 0, '8-14': 1, '15-30': 0, '31-60': 1, '>60': 0 },
    })

    const open = await new DeficienciesRepo(sqlOf(catalog)).list({ status: 'open' })
    const robinOpen = open.filter((d) => d.chartMrn === ROBIN.mrn).length
    expect(s.deficiencies.open).toBe(open.length)
    expect(s.deficiencies.byAge).toEqual({ '0-7': robinOpen, '8-14': 0, '15-30': 0, '31-60': 2, '>60': 1 })
    expect(s.deficiencies.byKind.missing_document).toMatchObject({ total: 3, '0-7': 1, '31-60': 1, '>60': 1 })
    expect(s.deficiencies.byKind.missing_field!['31-60']).toBe(1)
    expect(s.deficiencies).toMatchObject({ delinquent: 3, delinquentCharts: 1, discharges: 1 })
    // one ED discharge in 91 days is 0.33 a month; one delinquent chart over that
    expect(s.deficiencies.averageMonthlyDischarges).toBe(0.33)
    expect(s.deficiencies.delinquencyRate).toBeCloseTo(1 / 0.33, 2)

    expect(s.recordsRequests).toEqual({ outstanding: 1, pending: 0, sent: 1, overdue: 1, receivedInPeriod: 0, medianTurnaroundDays: null })
    expect(formatStats(s).join('\n')).toMatch(/records requests 1 outstanding \(0 not yet sent, 1 sent, 1 overdue\)/)
    expect(JSON.stringify(s)).not.toContain(PAT.familyName)
  })

  it('a period without filing or discharges gives zeros and no rates', async () => {
    const s = await computeStats(catalog, sqlOf(catalog), { from: '2024-01-01', to: '2024-01-31', delinquentAfterDays: 30, clock: UTC })
    expect(s.filing).toMatchObject({ documents: 0, pages: 0, autoFiledShare: null })
    expect(s.deficiencies).toMatchObject({ open: 0, discharges: 0, averageMonthlyDischarges: null, delinquencyRate: null })
  })
})
