import { fixedClock } from '../../../src/clock/clock.js'
/**
 * What the records desk shows for a seeded catalog (test/unit/reports/fixture.ts, as of
 * 2025-06-30): the charts on the dashboard and in the printable statistics, what marking a
 * deficiency completed will lead to (before and after), rule set versions by number and date,
 * the assignee, a refused Waive that keeps the chosen action, the navigation on the 403 and 404
 * pages, discarding a quarantined file, and the first administrator's next step.
 */
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { RulesetVersions } from '../../../src/deficiencies/rulesetVersions.js'
import { buildDeficiencyReport } from '../../../src/reports/deficiencyReport.js'
import { computeStats } from '../../../src/reports/stats.js'
import { renderStatsHtml } from '../../../src/reports/statsReport.js'
import { buildTimeline } from '../../../src/reports/timeline.js'
import { timelineCharts } from '../../../src/reports/timelineCharts.js'
import { PAT, ROBIN, check, fillDesk } from '../../unit/reports/fixture.js'
import { makeDesk, type Desk } from './helpers.js'

const NOW = new Date('2025-06-30T12:00:00Z')
const CLOCK = fixedClock(NOW)
let desk: Desk
let LABEL = ''

beforeAll(async () => {
  desk = await makeDesk({ deps: () => ({ clock: fixedClock(NOW) }) })
  await fillDesk(desk.app.catalog)
  await desk.addUser('clerk1', ['clerk'])
  await desk.addUser('lead1', ['lead'])
  await desk.addUser('audit1', ['auditor'])
}, 120_000)
afterAll(() => desk?.close())

interface Bar {
  date: string
  series: string
  value: number
  height: number
}

/** The bars of one chart on a page: each rect's date, series, value and drawn height, and the axis top. */
function chart(html: string, id: string): { bars: Bar[]; max: number; plot: number } {
  const svg = new RegExp(`<svg class="chart" data-chart="${id}" data-max="(\\d+)" data-plot-height="(\\d+)"[\\s\\S]*?</svg>`).exec(html)
  expect(svg, `chart ${id}`).not.toBeNull()
  const bars = [
    ...svg![0].matchAll(
      /<rect class="bar" data-date="([^"]+)" data-series="([^"]+)" data-value="(\d+)" x="[^"]+" y="[^"]+" width="[^"]+" height="([^"]+)"/g,
    ),
  ].map((m) => ({
    date: m[1]!,
    series: m[2]!.replace(/&gt;/g, '>'),
    value: Number(m[3]),
    height: Number(m[4]),
  }))
  return { bars, max: Number(svg![1]), plot: Number(svg![2]) }
}
const value = (bars: Bar[], date: string, series: string) => bars.find((b) => b.date === date && b.series === series)?.value

describe('charts on the dashboard and in the printable statistics', () => {
  it('the dashboard draws the last 30 days from the catalog, bar heights in proportion to the counts', async () => {
    const html = await (await (await desk.login('lead1')).get('/')).text()
    for (const id of ['filed', 'backlog', 'deficiencies', 'releases']) {
      const { bars, max, plot } = chart(html, id)
      expect(new Set(bars.map((b) => b.date)).size, id).toBe(30)
      expect(bars[0]!.date).toBe('2025-06-01')
      for (const b of bars) expect(Math.abs(b.height - (b.value / max) * plot), `${id} ${b.date}`).toBeLessThan(0.02)
    }
    // the radiology report settled by a person on 06-24 is the one filing, through review
    const filed = chart(html, 'filed').bars.filter((b) => b.value > 0)
    expect(filed).toEqual([expect.objectContaining({ date: '2025-06-24', series: 'review', value: 1 })])
    expect(html).toContain('1 document filed, 100% of them after review (2025-06-01 to 2025-06-30).')
    // two documents wait for review (received 05-01 and 06-20)
    const backlog = chart(html, 'backlog').bars
    expect([
      value(backlog, '2025-06-19', 'waiting'),
      value(backlog, '2025-06-20', 'waiting'),
      value(backlog, '2025-06-30', 'waiting'),
    ]).toEqual([1, 2, 2])
    // the last day of the deficiency chart is the table beside it (the report model)
    const report = await buildDeficiencyReport(
      desk.app.catalog,
      desk.app.sql,
      { status: ['open'] },
      { asOf: '2025-06-30', delinquentAfterDays: 30, clock: CLOCK },
    )
    const defs = chart(html, 'deficiencies').bars.filter((b) => b.date === '2025-06-30')
    expect(Object.fromEntries(defs.map((b) => [b.series, b.value]))).toEqual(report.totals.buckets)
    expect(value(chart(html, 'deficiencies').bars, '2025-06-01', '31-60')).toBe(2)
  })

  it('release requests are drawn only for those who handle them', async () => {
    const html = await (await (await desk.login('audit1')).get('/')).text()
    expect(html).toContain('data-chart="backlog"')
    expect(html).not.toContain('data-chart="releases"')
  })

  it('the printable statistics hold the figures and the same charts as the CLI’s HTML', async () => {
    const html = await (await (await desk.login('lead1')).get('/statistics')).text()
    expect(html).toContain('Records department statistics')
    expect(/data-stat="backlog">(\d+)/.exec(html)![1]).toBe('2')
    expect(/data-stat="open">(\d+)/.exec(html)![1]).toBe(
      String(
        (
          await buildDeficiencyReport(
            desk.app.catalog,
            desk.app.sql,
            { status: ['open'] },
            { asOf: '2025-06-30', delinquentAfterDays: 30, clock: CLOCK },
          )
        ).totals.deficiencies,
      ),
    )
    const s = await computeStats(desk.app.catalog, desk.app.sql, {
      from: '2025-06-01',
      to: '2025-06-30',
      delinquentAfterDays: 30,
      clock: CLOCK,
    })
    const cli = renderStatsHtml(s, timelineCharts(await buildTimeline(desk.app.catalog, desk.app.sql, s.period, CLOCK)))
    for (const id of ['filed', 'backlog', 'deficiencies', 'releases']) expect(chart(html, id)).toEqual(chart(cli, id))
    expect(html).not.toMatch(/\sstyle=/)
  })
})

describe('deficiencies: before and after marking completed, rule set versions, assignee, refusals', () => {
  it('the form says the chart still fails the rule, with the rule set by number and date (hash on hover)', async () => {
    // numbered when the desk loaded it (before the fixture's checks ran)
    const versions = await new RulesetVersions(desk.app.sql).all()
    const [v] = [...versions.values()]
    LABEL = `rule set 1 of ${desk.app.rules.status().loadedAt!.slice(0, 10)}`
    expect(v).toMatchObject({ number: 1, since: desk.app.rules.status().loadedAt, text: LABEL })
    const c = await desk.login('clerk1')
    const html = await (await c.get(`/deficiencies?mrn=${PAT.mrn}&rule=D05`)).text()
    const note = /<p class="small form-note" data-still-fails[^>]*>([\s\S]*?)<\/p>/.exec(html)
    expect(note).not.toBeNull()
    const text = note![1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')
    expect(text).toContain('The chart still fails rule D05')
    expect(text).toContain(`with ${LABEL}`)
    expect(text).toContain('the next check reopens it')
    expect(note![1]).toContain(`<abbr title="rule set version ${v!.version}">${LABEL}</abbr>`)
    expect(html).not.toMatch(/>[^<]*rs-[0-9a-f]{12}[^<]*</)
  })

  it('after: the row says what the next check will do, and a reopened one says why in the same words', async () => {
    const repo = new DeficienciesRepo(desk.app.sql)
    const d = (await repo.list({ chartMrn: PAT.mrn, ruleId: 'D05' }))[0]!
    const c = await desk.login('clerk1')
    await c.get('/deficiencies')
    const res = await c.post(
      `/deficiencies/${d.id}/status`,
      { to: 'completed', reason: 'asked the lab', back: '/deficiencies' },
      { headers: { 'HX-Request': 'true' } },
    )
    expect(res.status).toBe(200)
    const row = await res.text()
    expect(row).toContain('data-after-complete')
    expect(row).toContain('The next check of the chart reopens it if rule D05 still finds this.')
    await check(desk.app.catalog, PAT.mrn, '2025-06-30')
    expect((await repo.get(d.id))!.status).toBe('open')
    const html = await (await c.get(`/deficiencies?mrn=${PAT.mrn}&rule=D05`)).text()
    expect(html.replace(/<[^>]+>/g, '')).toContain(`still found by ${LABEL} after it was marked completed`)
  })

  it('the rules page and the dashboard name the rule set by number and date, the hash on hover', async () => {
    const v = desk.app.rules.status().version!
    const c = await desk.login('lead1')
    for (const p of ['/rules', '/']) {
      const html = await (await c.get(p)).text()
      expect(html, p).toContain(`<abbr title="rule set version ${v}">${LABEL}</abbr>`)
      expect(html, p).not.toMatch(new RegExp(`>[^<]*${v}`))
    }
  })

  it('the assignee shows in the deficiency lists', async () => {
    const repo = new DeficienciesRepo(desk.app.sql)
    const d = (await repo.list({ chartMrn: ROBIN.mrn, status: 'open' }))[0]!
    await repo.assign(d.id, 'mlopez', { by: 'lead1' })
    const c = await desk.login('lead1')
    for (const p of ['/deficiencies', `/charts/${ROBIN.mrn}`, '/deficiencies/report']) {
      const html = await (await c.get(p)).text()
      expect(html, p).toContain('<th>Assigned to</th>')
      expect(html, p).toMatch(/>mlopez</)
    }
  })

  it('a refused Waive keeps the chosen action and the typed text', async () => {
    const d = (await new DeficienciesRepo(desk.app.sql).list({ chartMrn: ROBIN.mrn, status: 'open' }))[0]!
    const c = await desk.login('lead1')
    await c.get('/deficiencies')
    const res = await c.post(
      `/deficiencies/${d.id}/status`,
      { to: 'waived', reason: '', back: '/deficiencies' },
      { headers: { 'HX-Request': 'true' } },
    )
    expect(res.status).toBe(400)
    const row = await res.text()
    expect(row).toMatch(/role="alert"/)
    expect(row).toMatch(/<option value="waived" selected="">Waive<\/option>/)
    expect(row).not.toMatch(/<option value="completed" selected/)
  })
})

describe('pages around the work', () => {
  it('the 403 and 404 pages keep the navigation', async () => {
    const c = await desk.login('clerk1')
    const denied = await c.get('/rules')
    expect(denied.status).toBe(403)
    const d = await denied.text()
    expect(d).toContain('<nav aria-label="Sections">')
    expect(d).toContain('href="/deficiencies"')
    expect(d).toContain('Not allowed')
    const missing = await c.get('/no-such-page')
    expect(missing.status).toBe(404)
    const m = await missing.text()
    expect(m).toContain('<nav aria-label="Sections">')
    expect(m).toContain('There is no such page on the records desk.')
  })

  it('a records lead discards a quarantined file with a reason: moved to the discard folder, audited, never deleted', async () => {
    const q = desk.ws.quarantine
    await fs.mkdir(q, { recursive: true })
    await fs.writeFile(path.join(q, 'blank-fax.pdf'), '%PDF-1.4 blank')
    const note = {
      code: 'PDF_NO_TEXT',
      stage: 'extract',
      message: 'No text could be read.',
      file: 'blank-fax.pdf',
      sourceFolder: '',
      sha256: null,
      documentId: null,
      jobId: 'j9',
      quarantinedAt: new Date().toISOString(),
    }
    await fs.writeFile(path.join(q, 'blank-fax.pdf.error.json'), JSON.stringify(note))
    const clerk = await desk.login('clerk1')
    const page = await (await clerk.get('/quarantine')).text()
    expect(page).not.toContain('action="/quarantine/discard"')
    expect((await clerk.post('/quarantine/discard', { file: 'blank-fax.pdf', reason: 'blank' })).status).toBe(403)

    const lead = await desk.login('lead1')
    expect(await (await lead.get('/quarantine')).text()).toContain('action="/quarantine/discard"')
    const noReason = await lead.post('/quarantine/discard', { file: 'blank-fax.pdf', reason: '' })
    expect(noReason.headers.get('Location')).toBe('/quarantine?msg=error-reason')
    expect(existsSync(path.join(q, 'blank-fax.pdf'))).toBe(true)
    expect((await lead.post('/quarantine/discard', { file: '../etc/passwd', reason: 'nope' })).status).toBe(404)

    const res = await lead.post('/quarantine/discard', { file: 'blank-fax.pdf', reason: 'blank page sent twice by the fax server' })
    expect(res.headers.get('Location')).toBe('/quarantine?msg=discarded')
    expect(existsSync(path.join(q, 'blank-fax.pdf'))).toBe(false)
    expect(existsSync(path.join(q, 'blank-fax.pdf.error.json'))).toBe(false)
    expect(readFileSync(path.join(q, 'discarded', 'blank-fax.pdf'), 'utf8')).toBe('%PDF-1.4 blank')
    const kept = JSON.parse(readFileSync(path.join(q, 'discarded', 'blank-fax.pdf.error.json'), 'utf8'))
    expect(kept).toMatchObject({ code: 'PDF_NO_TEXT', discarded: { by: 'lead1', reason: 'blank page sent twice by the fax server' } })
    expect((await desk.deps.audit.search({ action: 'quarantine.discard' })).rows[0]).toMatchObject({
      actor: 'lead1',
      targetId: 'blank-fax.pdf',
    })
    expect(await (await lead.get('/quarantine')).text()).not.toContain('<strong>blank-fax.pdf</strong>')
  })

  it('the first administrator alone on the desk is told to add the desk’s accounts, and how', async () => {
    const fresh = await makeDesk()
    try {
      await fresh.addUser('admin', ['admin'])
      const html = await (await (await fresh.login('admin')).get('/')).text()
      expect(html).toContain('data-first-steps')
      expect(html).toContain('Next: add the desk')
      expect(html).toContain('href="/admin/users"')
      expect(html).toContain('chartclerk user add')
      await fresh.addUser('clerk1', ['clerk'])
      expect(await (await (await fresh.login('admin')).get('/')).text()).not.toContain('data-first-steps')
    } finally {
      await fresh.close()
    }
  })
})
