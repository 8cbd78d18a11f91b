import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { buildDeficiencyReport } from '../../../src/reports/deficiencyReport.js'
import { buildTimeline } from '../../../src/reports/timeline.js'
import { timelineCharts } from '../../../src/reports/timelineCharts.js'
import { niceMax } from '../../../src/reports/svgChart.js'
import { PAT, ROBIN, UTC as CLOCK, fillDesk, sqlOf } from './fixture.js'

let catalog: Catalog
beforeEach(async () => {
  catalog = openCatalog(':memory:')
  await fillDesk(catalog)
  const ins = catalog.db.prepare(
    `INSERT INTO release_requests (patient_mrn, requester, requester_type, recipient_name, purpose, request_date, due_date, status, sent_at, created_by, created_at, updated_at)
     VALUES (?, 'Pat Testperson', 'patient', 'Pat Testperson', 'personal', ?, ?, ?, ?, 'lead', ?, ?)`,
  )
  ins.run(PAT.mrn, '2025-06-10', '2025-06-20', 'open', null, '2025-06-10T09:00:00Z', '2025-06-10T09:00:00Z')
  ins.run(PAT.mrn, '2025-06-02', '2025-07-02', 'sent', '2025-06-05T15:00:00Z', '2025-06-02T09:00:00Z', '2025-06-05T15:00:00Z')
})
afterEach(() => catalog.close())

const day = (t: Awaited<ReturnType<typeof buildTimeline>>, date: string) => t.days.find((d) => d.date === date)!

describe('the timeline, from the catalog’s own records', () => {
  it('counts filings by who filed them, the review backlog, open deficiencies by age and releases by deadline, day by day', async () => {
    const t = await buildTimeline(catalog, sqlOf(catalog), { from: '2025-06-01', to: '2025-06-30' }, CLOCK)
    expect(t.days).toHaveLength(30)
    // the radiology report was settled by a person on 06-24; the ED and lab reports were filed in April
    expect(t.days.filter((d) => d.filedAuto || d.filedReview).map((d) => [d.date, d.filedAuto, d.filedReview])).toEqual([
      ['2025-06-24', 0, 1],
    ])
    // two documents wait for review, received 05-01 and 06-20
    expect([day(t, '2025-06-19').waiting, day(t, '2025-06-20').waiting, day(t, '2025-06-30').waiting]).toEqual([1, 2, 2])
    // C01 and D05 open since 05-01: 31 days old on 06-01
    expect(day(t, '2025-06-01').deficiencies).toEqual({ '0-7': 0, '8-14': 0, '15-30': 0, '31-60': 2, '>60': 0 })
    const robin = (await new DeficienciesRepo(sqlOf(catalog)).list({ chartMrn: ROBIN.mrn, status: 'open' })).length
    expect(robin).toBeGreaterThan(0)
    expect(day(t, '2025-06-24').deficiencies['0-7']).toBe(0)
    expect(day(t, '2025-06-25').deficiencies['0-7']).toBe(robin)
    // releases: the sent one was on time 06-02..06-04; the open one is past its 06-20 deadline from 06-21
    expect(
      [day(t, '2025-06-01'), day(t, '2025-06-04'), day(t, '2025-06-05'), day(t, '2025-06-20'), day(t, '2025-06-21')].map((d) => [
        d.releasesOnTime,
        d.releasesOverdue,
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
      [1, 0],
      [0, 1],
    ])
  })

  it('the last day agrees with the deficiency report’s buckets (one aging model)', async () => {
    const t = await buildTimeline(catalog, sqlOf(catalog), { from: '2025-06-01', to: '2025-06-30' }, CLOCK)
    const r = await buildDeficiencyReport(
      catalog,
      sqlOf(catalog),
      { status: ['open'] },
      { asOf: '2025-06-30', delinquentAfterDays: 30, clock: CLOCK },
    )
    expect(day(t, '2025-06-30').deficiencies).toEqual(r.totals.buckets)
    expect(r.totals.buckets['>60']).toBe(1)
  })
})

describe('the charts', () => {
  it('each bar segment carries its date, series and value, with a height in proportion to the axis', async () => {
    const t = await buildTimeline(catalog, sqlOf(catalog), { from: '2025-06-01', to: '2025-06-30' }, CLOCK)
    const charts = timelineCharts(t)
    expect(charts.map((c) => c.id)).toEqual(['filed', 'backlog', 'deficiencies', 'releases'])
    for (const c of charts) {
      const max = Number(/data-max="(\d+)"/.exec(c.svg)![1])
      const plot = Number(/data-plot-height="(\d+)"/.exec(c.svg)![1])
      expect(plot).toBe(120)
      const rects = [
        ...c.svg.matchAll(
          /<rect class="bar" data-date="([^"]+)" data-series="([^"]+)" data-value="(\d+)" x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)"[^>]*><title>([^<]*)<\/title>/g,
        ),
      ]
      expect(rects.length, c.id).toBe(30 * (c.id === 'deficiencies' ? 5 : c.id === 'backlog' ? 1 : 2))
      for (const [, date, series, value, height, title] of rects) {
        expect(Math.abs(Number(height) - (Number(value) / max) * plot), `${c.id} ${date} ${series}`).toBeLessThan(0.02)
        expect(title).toContain(`${date}: ${value} `)
      }
      const totals = [...c.svg.matchAll(/<g class="day" data-date="[^"]+" data-total="(\d+)"/g)].map((m) => Number(m[1]))
      expect(max).toBe(niceMax(Math.max(...totals)))
    }
    const backlog = charts.find((c) => c.id === 'backlog')!
    expect(backlog.svg).toMatch(/data-date="2025-06-20" data-series="waiting" data-value="2"/)
    expect(backlog.caption).toBe('2 documents waiting for review at the end of 2025-06-30; at most 2 in the period.')
    expect(charts.find((c) => c.id === 'filed')!.caption).toBe('1 document filed, 100% of them after review (2025-06-01 to 2025-06-30).')
    expect(charts.find((c) => c.id === 'releases')!.svg).toMatch(/data-date="2025-06-30" data-series="overdue" data-value="1"/)
  })

  it('leaves out release requests for those who do not handle them', async () => {
    const charts = timelineCharts(await buildTimeline(catalog, sqlOf(catalog), { from: '2025-06-01', to: '2025-06-30' }, CLOCK), {
      releases: false,
    })
    expect(charts.map((c) => c.id)).toEqual(['filed', 'backlog', 'deficiencies'])
  })
})
