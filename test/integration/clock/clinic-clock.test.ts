/**
 * The clinic's own clock, end to end, at 23:30 local time in a zone west of UTC (New York, where
 * it is already the next day in UTC) and one east of it (Tokyo, where the day must not move
 * either; test/unit/clock has Tokyo at 00:30, when UTC is still on the day before): a made-up lab report through the real pipeline, its received date and
 * the chart's asOf, a patient's release request and its 30-day deadline, a deficiency's age,
 * the statistics per day, the web desk's pages and the command line. Real SQLite, real pipeline,
 * real desk (in-process), real `chartclerk` for the command line.
 */
import { mkdirSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { UsersRepo } from '../../../src/auth/users.js'
import { buildChart } from '../../../src/charts/buildChart.js'
import { fixedClock } from '../../../src/clock/clock.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import { silentLogger } from '../../../src/log.js'
import { deriveChartFacts } from '../../../src/model/chart.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { ReleaseRepo } from '../../../src/release/repo.js'
import { buildDeficiencyReport } from '../../../src/reports/deficiencyReport.js'
import { computeStats } from '../../../src/reports/stats.js'
import { buildWebApp } from '../../../src/web/app.js'
import { createWebDeps, startWebServer } from '../../../src/web/server.js'
import type { WebDeps } from '../../../src/web/deps.js'
import { makeRecordSpec, PATIENTS, patientsCsv, renderRecordPdf, Rng, type MakeSpecOptions } from '../../../samples/lib/records.js'
import { makeWorkspace, ROOT, runCli, type Workspace } from '../../helpers/workspace.js'
import { Client, PASSWORD, TEST_COST } from '../web/helpers.js'
import { chromiumPresent, launchChromium } from '../../helpers/chromium.js'

const MRN = 'CC-102596'
const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots')
const MRN_PATTERN = '^CC-\\d{6}$'

interface Scene {
  zone: string
  /** The clinic's local time, with its offset. */
  now: string
  /** The clinic's date then. */
  today: string
  /** The date UTC has then (what chartclerk used to count by). */
  utcToday: string
  /** Today + 30 days: a patient's access request is due then (45 CFR 164.524). */
  due: string
  /** The clinic's date 30 days back, for the statistics' first day. */
  from: string
  /** A deficiency found at this instant is `age` days old by the clinic's calendar. */
  found: string
  age: number
}

const SCENES: Scene[] = [
  // 23:30 in New York is 04:30 UTC the next day.
  {
    zone: 'America/New_York',
    now: '2026-03-05T23:30:00-05:00',
    today: '2026-03-05',
    utcToday: '2026-03-06',
    due: '2026-04-04',
    from: '2026-02-04',
    found: '2026-03-04T23:00:00Z',
    age: 1,
  },
  // 23:30 in Tokyo is 14:30 UTC the same day: the day must not move either.
  {
    zone: 'Asia/Tokyo',
    now: '2026-03-05T23:30:00+09:00',
    today: '2026-03-05',
    utcToday: '2026-03-05',
    due: '2026-04-04',
    from: '2026-02-04',
    found: '2026-03-03T16:00:00Z',
    age: 1,
  },
]

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cc-clock-'))
})

describe.each(SCENES)("the clinic's clock at $now in $zone", (s) => {
  let ws: Workspace
  let app: App
  let client: Client
  let deps: WebDeps
  let documentId: number
  const at = new Date(s.now).toISOString()

  beforeAll(async () => {
    ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: MRN_PATTERN, CHARTCLERK_TIME_ZONE: s.zone })
    const config = ws.config()
    expect(config.clinic.timeZone).toBe(s.zone)
    app = await openApp(config, { log: silentLogger(), clock: fixedClock(s.now, config.clinic.timeZone) })
    await app.catalog.patients.upsert(importPatients(patientsCsv(PATIENTS), { mrnPattern: MRN_PATTERN }).patients)
    const file = path.join(dir, `lab-${s.zone.replace('/', '-')}-${s.today}.pdf`)
    const patient = PATIENTS.find((p) => p.mrn === MRN)! as MakeSpecOptions['patient']
    await writeFile(
      file,
      await renderRecordPdf(makeRecordSpec(new Rng(`clock-${s.now}`), { docType: 'lab_report', patient, withOurMrn: true })),
    )
    const [r] = await app.runner.ingestFiles([file])
    expect(r!.status).toBe('filed')
    documentId = r!.documentId!
    // The event log takes its times from the clinic's clock too: the filing happened "now".
    expect((await app.catalog.events.forDocument(documentId)).find((e) => e.kind === 'document.filed')?.at).toBe(at)

    deps = { ...createWebDeps(app), users: new UsersRepo(app.sql.db, TEST_COST) }
    await deps.users.add({ username: 'clerk1', roles: ['clerk'], password: PASSWORD, mustChangePassword: false })
    client = new Client(buildWebApp(deps))
    expect((await client.login('clerk1', PASSWORD)).status).toBe(303)
  }, 240_000)

  afterAll(async () => {
    await app?.close()
    await ws?.cleanup()
  })

  it('a document received now is received today, and the chart is checked as of today', async () => {
    const doc = (await app.catalog.documents.get(documentId))!
    expect(doc.receivedAt).toBe(at) // instants stay UTC ISO
    expect(app.clock.localDate(doc.receivedAt)).toBe(s.today)
    const chart = (await buildChart(app.catalog, app.sql, MRN, app.clock))!
    expect(chart).toMatchObject({ asOf: s.today, timeZone: s.zone })
    const facts = deriveChartFacts(chart)
    expect(facts.documents.find((d) => d.id === String(documentId))!.daysSinceReceived).toBe(0)
  })

  it("a patient's access request made today is due in 30 of the clinic's days", async () => {
    await client.get('/releases') // the form's CSRF token
    const res = await client.post('/releases', {
      mrn: MRN,
      requester: 'Made-up Patient',
      requesterType: 'patient',
      recipient: 'Made-up Patient',
      address: '',
      purpose: 'Personal copy',
      identityVerified: '1',
    })
    expect(res.status).toBe(303)
    const r = (await new ReleaseRepo(app.sql).list({ mrn: MRN })).at(-1)!
    expect(r).toMatchObject({ requestDate: s.today, dueDate: s.due })
    const page = await (await client.get(`/releases/${r.id}`)).text()
    expect(page).toContain(s.due)
  })

  it("a deficiency's age counts the clinic's days", async () => {
    const repo = new DeficienciesRepo(app.sql)
    const open = await repo.list({ status: 'open', chartMrn: MRN })
    expect(open.length).toBeGreaterThan(0)
    const d = open[0]!
    expect(app.clock.localDate(d.createdAt)).toBe(s.today) // found by the check that ran when it was filed
    await app.sql.db.updateTable('deficiencies').set({ created_at: s.found }).where('id', '=', d.id).execute()
    const report = await buildDeficiencyReport(app.catalog, app.sql, { mrn: MRN }, { delinquentAfterDays: 30, clock: app.clock })
    expect(report.asOf).toBe(s.today)
    const row = report.charts.flatMap((g) => g.rows).find((x) => x.id === d.id)!
    expect(row.ageDays).toBe(s.age)
    const list = await (await client.get(`/deficiencies?mrn=${MRN}&status=open`)).text()
    const tr = list.slice(list.indexOf(`id="def-${d.id}"`))
    expect(tr.slice(0, tr.indexOf('</tr>'))).toMatch(s.age === 1 ? />1 day</ : new RegExp(`>${s.age} days<`))
  })

  it('the statistics count the filing on the clinic’s day', async () => {
    const stats = await computeStats(app.catalog, app.sql, { delinquentAfterDays: 30, clock: app.clock })
    expect(stats.period).toMatchObject({ from: s.from, to: s.today, days: 30 })
    expect(stats.filing.perDay.at(-1)).toMatchObject({ date: s.today, documents: 1 })
    expect(stats.filing.documents).toBe(1)
  })

  it('the desk shows the clinic’s dates and times', async () => {
    const dash = await (await client.get('/')).text()
    expect(dash).toMatch(/Filed today<\/dt>\s*<dd>\s*<strong>1<\/strong>/)
    expect(dash).toContain(`printed ${s.today} ${s.now.slice(11, 16)}`)
    const chart = await (await client.get(`/charts/${MRN}`)).text()
    expect(chart).toContain(`${s.today} ${s.now.slice(11, 16)}`)
    if (s.utcToday !== s.today) expect(chart).not.toContain(`${s.utcToday} `)
  })

  // One zone is enough to show the command line reads the zone and the test clock (each run starts a process).
  it.runIf(s.zone === 'America/New_York')('the command line judges the chart as of the clinic’s today (CHARTCLERK_TEST_NOW)', async () => {
    const run = await runCli(ws, ['chart', 'show', MRN, '--json'], { env: { CHARTCLERK_TEST_NOW: s.now } })
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ asOf: s.today, timeZone: s.zone })
    const defs = await runCli(ws, ['deficiency', 'list', '--mrn', MRN, '--json'], { env: { CHARTCLERK_TEST_NOW: s.now } })
    expect(defs.code, defs.stderr).toBe(0)
    const ages = defs.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { createdAt: string; ageDays: number })
    expect(ages.find((a) => a.createdAt === s.found)?.ageDays).toBe(s.age)
  })

  it.runIf(s.zone === 'America/New_York' && chromiumPresent())(
    'in Chromium the chart shows the clinic’s received time (screenshot)',
    async () => {
      const server = await startWebServer(deps, { host: '127.0.0.1', port: 0 })
      const browser = await launchChromium()
      try {
        const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage()
        await page.goto(`${server.url}/login`)
        await page.fill('input[name=username]', 'clerk1')
        await page.fill('input[name=password]', PASSWORD)
        await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')])
        await page.goto(`${server.url}/charts/${MRN}`)
        const received =
          (await page.locator(`a[href="/documents/${documentId}"]`).first().locator('xpath=ancestor::tr').textContent()) ?? ''
        expect(received).toContain(`${s.today} 23:30`)
        mkdirSync(SHOTS, { recursive: true })
        await page.screenshot({ path: path.join(SHOTS, 'clinic-clock-chart-new-york.png'), fullPage: true })
      } finally {
        await browser.close()
        await server.close()
      }
    },
  )
})
