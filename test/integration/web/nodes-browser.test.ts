/**
 * The dashboard warns when the running nodes (start, serve, workers on any machine) do not all
 * have the same rule set in force, naming who has which; nodes not heard from within the
 * freshness window, and stopped ones, do not count. Real catalog, real HTTP server, real Chromium
 * (when /usr/bin/chromium is there) for a screenshot.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { packageRoot } from '../../../src/classify/paths.js'
import { checkChart } from '../../../src/charts/checkChart.js'
import { NodesRepo } from '../../../src/nodes/registry.js'
import { startWebServer } from '../../../src/web/server.js'
import { chromiumPresent, launchChromium } from '../../helpers/chromium.js'
import { makeDesk, PASSWORD, type Desk } from './helpers.js'

const SHOTS = path.join(packageRoot(), 'test-artifacts', 'screenshots')
const STARTED = new Date().toISOString()
const OTHER = 'rs-0123456789ab'
let desk: Desk
let nodes: NodesRepo
let inForce: string

beforeAll(async () => {
  desk = await makeDesk()
  await desk.addUser('clerk1', ['clerk'])
  nodes = desk.deps.nodes!
  inForce = desk.app.rules.current!.version
}, 120_000)

afterAll(async () => {
  await desk?.close()
})

beforeEach(async () => {
  await desk.app.sql.db.deleteFrom('nodes').execute()
})

/** Nodes as other machines report them: a watcher at the north site and a desk, both with this desk's rules, and a worker with others. */
async function reportNodes(workerVersion: string): Promise<void> {
  await nodes.report({
    id: 'scan-north:start:311',
    host: 'scan-north',
    role: 'start',
    pid: 311,
    site: 'north',
    rulesetVersion: inForce,
    startedAt: STARTED,
  })
  await nodes.report({
    id: 'desk1:serve:4242',
    host: 'desk1',
    role: 'serve',
    pid: 4242,
    site: null,
    rulesetVersion: inForce,
    startedAt: STARTED,
  })
  await nodes.report({
    id: 'ocr2:worker:77',
    host: 'ocr2',
    role: 'worker',
    pid: 77,
    site: null,
    rulesetVersion: workerVersion,
    startedAt: STARTED,
  })
}

describe('the dashboard and the nodes of one desk', () => {
  it('says nothing while the running nodes agree, and warns, naming each, when one has another rule set', async () => {
    await reportNodes(inForce)
    const clerk = await desk.login('clerk1')
    expect(await (await clerk.get('/')).text()).not.toContain('data-nodes-disagree')

    await reportNodes(OTHER)
    const html = await (await clerk.get('/')).text()
    expect(html).toContain('data-nodes-disagree')
    expect(html).toContain('The nodes disagree on the rule set')
    expect(html).toMatch(/The 3 chartclerk processes heard from in the last 120 seconds/)
    expect(html).toMatch(/rule set 1 of \d{4}-\d\d-\d\d<\/abbr>: serve on desk1 \(pid 4242\), start on scan-north \(pid 311, site north\)/)
    expect(html).toContain(`rule set ${OTHER}</abbr>: worker on ocr2 (pid 77)`)
  })

  it('leaves out a node that stopped cleanly', async () => {
    await reportNodes(OTHER)
    await nodes.stopped('ocr2:worker:77')
    const clerk = await desk.login('clerk1')
    expect(await (await clerk.get('/')).text()).not.toContain('data-nodes-disagree')
  })

  it('leaves out a node not heard from within the freshness window', async () => {
    const old = new NodesRepo(desk.app.sql.db, () => Date.now() - 121_000)
    await reportNodes(inForce)
    await old.report({ id: 'ocr2:worker:77', host: 'ocr2', role: 'worker', pid: 77, site: null, rulesetVersion: OTHER, startedAt: STARTED })
    const clerk = await desk.login('clerk1')
    expect(await (await clerk.get('/')).text()).not.toContain('data-nodes-disagree')
  })

  it.runIf(chromiumPresent())(
    'renders the warning in Chromium (screenshot)',
    async () => {
      await reportNodes(OTHER)
      const server = await startWebServer(desk.deps, { host: '127.0.0.1', port: 0 })
      const browser = await launchChromium()
      try {
        const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
        await page.goto(`${server.url}/login`)
        await page.fill('input[name="username"]', 'clerk1')
        await page.fill('input[name="password"]', PASSWORD)
        await Promise.all([page.waitForURL(`${server.url}/`), page.click('button[type="submit"]')])
        const warning = page.locator('[data-nodes-disagree]')
        expect(await warning.getAttribute('role')).toBe('alert')
        expect(await warning.locator('li').count()).toBe(2)
        expect(await warning.isVisible()).toBe(true)
        mkdirSync(SHOTS, { recursive: true })
        await page.screenshot({ path: path.join(SHOTS, 'dashboard-nodes-disagree.png'), fullPage: false })
      } finally {
        await browser.close()
        await server.close()
      }
    },
    60_000,
  )
})

describe('the chart page and the rule set that judged the chart', () => {
  it("names the chart's last check and its rule set, and says when the rules in force have changed since", async () => {
    const mrn = 'CC-100418'
    const rules = desk.app.rules.current!
    expect(await checkChart(desk.app.catalog, desk.app.sql, rules, mrn, desk.app.clock, 'chartclerk')).not.toBeNull()
    const clerk = await desk.login('clerk1')
    let html = await (await clerk.get(`/charts/${mrn}`)).text()
    expect(html).toMatch(
      /data-last-check="true">Last checked [^<]+ under <abbr title="rule set version rs-[0-9a-f]{12}">rule set 1 of \d{4}-\d\d-\d\d<\/abbr>\./,
    )
    expect(html).not.toContain('have changed since')

    await checkChart(desk.app.catalog, desk.app.sql, { ...rules, version: OTHER }, mrn, desk.app.clock, 'chartclerk')
    html = await (await clerk.get(`/charts/${mrn}`)).text()
    expect(html).toContain(`rule set version ${OTHER}`)
    expect(html).toContain('; the rules in force have changed since.')
  })
})
