/**
 * The rules page shows every kind of file the records lead edits: what is in force, and for a
 * refused edit the file:line:col problems while the last good version stays in force. Real
 * HTTP server, real Chromium (when /usr/bin/chromium is there) for a screenshot.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../../src/classify/paths.js'
import { RulesInForce } from '../../../src/rules/inForce.js'
import { startWebServer } from '../../../src/web/server.js'
import { makeDesk, PASSWORD, type Desk } from './helpers.js'
import { chromiumPresent, launchChromium } from '../../helpers/chromium.js'

const SHOTS = path.join(packageRoot(), 'test-artifacts', 'screenshots')
let desk: Desk
let rulesDir: string
let ruleFiles: RulesInForce

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'cc-rules-page-'))
  for (const sub of ['checks', 'doctypes', 'routing'])
    cpSync(path.join(packageRoot(), 'rules', sub), path.join(rulesDir, sub), { recursive: true })
  cpSync(path.join(packageRoot(), 'rules', 'retention.json'), path.join(rulesDir, 'retention.json'))
  ruleFiles = new RulesInForce(rulesDir, { cwd: rulesDir })
  ruleFiles.reload()
  desk = await makeDesk({ deps: () => ({ ruleFiles, rules: ruleFiles.checks }) })
  await desk.addUser('lead1', ['lead'])
}, 120_000)

afterAll(async () => {
  await ruleFiles?.close()
  await desk?.close()
  rmSync(rulesDir, { recursive: true, force: true })
})

describe('the rules page', () => {
  it('lists the other kinds in force, then a refused routing edit with its place, the last good routing kept', async () => {
    const lead = await desk.login('lead1')
    let html = await (await lead.get('/rules')).text()
    for (const t of ['document types', 'routing rules', 'protected categories', 'retention schedule']) expect(html).toContain(t)
    expect(html).toContain('1 routing rule,')
    expect(html).not.toContain('role="alert"')

    writeFileSync(
      path.join(rulesDir, 'routing', 'RT01-results-to-primary-provider.json'),
      '{\n  "id": "RT01",\n  "title": "to the primary provider",\n  "match": {},\n  "to": ["$primaryProvider"]\n}\n',
    )
    ruleFiles.reload()
    html = await (await lead.get('/rules')).text()
    expect(html).toContain('role="alert"')
    expect(html).toMatch(/routing\/RT01-results-to-primary-provider\.json:4:3 \/match: must NOT have fewer than 1 properties/)
    expect(html).toContain('the last good version stays in force')
    expect(html).toContain('1 routing rule,')
  })

  it.runIf(chromiumPresent())(
    'renders in Chromium (screenshot)',
    async () => {
      const server = await startWebServer(desk.deps, { host: '127.0.0.1', port: 0 })
      const browser = await launchChromium()
      try {
        const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage()
        await page.goto(`${server.url}/login`)
        await page.fill('input[name="username"]', 'lead1')
        await page.fill('input[name="password"]', PASSWORD)
        await Promise.all([page.waitForURL(`${server.url}/`), page.click('button[type="submit"]')])
        await page.goto(`${server.url}/rules`)
        expect(await page.locator('[role="alert"] code').first().textContent()).toMatch(/RT01-results-to-primary-provider\.json:4:3/)
        mkdirSync(SHOTS, { recursive: true })
        await page.screenshot({ path: path.join(SHOTS, 'rules-other-kinds.png'), fullPage: true })
      } finally {
        await browser.close()
        await server.close()
      }
    },
    60_000,
  )
})
