/**
 * Release of information and a clinician's queue in a real browser (Debian's chromium driven by
 * playwright-core; never a browser download). The sample lab report goes through the real
 * pipeline. As the records lead: a treatment release for its patient from request to package
 * (create, check, build, download, mark sent). As the provider who is the patient's primary
 * provider: open the routed report in "My reports" and mark it reviewed. Screenshots go to
 * test-artifacts/screenshots/. All data made up.
 *
 * Under CI=true these tests run or fail; they never skip.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { UsersRepo } from '../../../src/auth/users.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { ReleaseRepo } from '../../../src/release/repo.js'
import { RoutesRepo } from '../../../src/routing/repo.js'
import { routeDocument } from '../../../src/routing/route.js'
import type { WebDeps } from '../../../src/web/deps.js'
import { createWebDeps, startWebServer, type WebServer } from '../../../src/web/server.js'
import { makeWorkspace, ROOT, SAMPLE_SCANS, SAMPLES, type Workspace } from '../../helpers/workspace.js'
import { MRN_PATTERN, PASSWORD, TEST_COST } from './helpers.js'
import { chromiumPresent, launchChromium } from '../../helpers/chromium.js'

const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots')
const canRun = chromiumPresent()

let ws: Workspace
let app: App
let deps: WebDeps
let server: WebServer
let browser: Browser
let ctx: BrowserContext
let page: Page
let labId = 0
let mrn = ''
const consoleErrors: string[] = []

async function shot(name: string, opts: { print?: boolean; full?: boolean } = {}): Promise<void> {
  if (opts.print) await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: opts.full ?? !!opts.print })
  if (opts.print) await page.emulateMedia({ media: 'screen' })
}

async function signIn(username: string): Promise<void> {
  await page.goto(`${server.url}/login`)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', PASSWORD)
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')])
}

async function signOut(): Promise<void> {
  await Promise.all([page.waitForURL(/\/login/), page.click('header .who button')])
}

const text = async (selector: string): Promise<string> =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()

describe.skipIf(!canRun)('release of information and a clinician’s queue in chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: MRN_PATTERN, CHARTCLERK_OCR_WORKERS: '1' })
    app = await openApp(ws.config(), { log: silentLogger() })
    const index = importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: MRN_PATTERN })
    await app.catalog.patients.upsert(index.patients)
    const [r] = await app.runner.ingestFiles([path.join(SAMPLE_SCANS, 'lab-report-text.pdf')])
    labId = r!.documentId!
    const doc = (await app.catalog.documents.get(labId))!
    mrn = doc.patientMrn!
    await routeDocument(app.catalog, app.sql, app.ruleFiles.routingRules(), labId)
    const provider = (await app.catalog.patients.get(mrn))!.primaryProvider!

    deps = { ...createWebDeps(app), users: new UsersRepo(app.sql.db, TEST_COST) }
    await deps.users.add({ username: 'rchen', displayName: 'Rosa Chen', roles: ['lead'], password: PASSWORD, mustChangePassword: false })
    await deps.users.add({
      username: 'drprov',
      displayName: provider,
      roles: ['provider'],
      providerName: provider,
      password: PASSWORD,
      mustChangePassword: false,
    })
    server = await startWebServer(deps, { host: '127.0.0.1', port: 0 })
    browser = await launchChromium()
    ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
    page = await ctx.newPage()
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 403/.test(m.text())) consoleErrors.push(m.text())
    })
  }, 600_000)

  afterAll(async () => {
    await ctx?.close()
    await browser?.close()
    await server?.close()
    await app?.close()
    await ws?.cleanup()
  })

  it('the sample lab report is filed to a patient and routed', async () => {
    const doc = (await app.catalog.documents.get(labId))!
    expect(doc.status).toBe('filed')
    expect(mrn).toMatch(/^CC-\d{6}$/)
    expect((await new RoutesRepo(app.sql).forDocument(labId)).length).toBeGreaterThan(0)
  })

  it('a lead takes a treatment release from request to package, downloads it and marks it sent', async () => {
    await signIn('rchen')
    await Promise.all([page.waitForURL(/\/releases$/), page.click('nav a[href="/releases"]')])
    await shot('release-01-list-empty', { full: true })
    await page.fill('#new-release input[name=mrn]', mrn)
    await page.fill('#new-release input[name=requester]', 'Dr. Ana Ruiz (made up)')
    await page.selectOption('#new-release select[name=requesterType]', 'treatment')
    await page.fill('#new-release input[name=recipient]', 'Millbrook Cardiology (made up)')
    await page.fill('#new-release input[name=address]', '12 Example Road, Millbrook')
    await page.fill('#new-release input[name=purpose]', 'Continuity of care')
    await page.check('#new-release input[name=types][value=lab_report]')
    await Promise.all([page.waitForURL(/\/releases\/\d+\?done=created/), page.click('#new-release button[type=submit]')])
    const id = Number(/\/releases\/(\d+)/.exec(page.url())![1])
    expect(await text('#check-result')).toContain('allowed')
    expect(await page.locator(`#release-documents a[href="/documents/${labId}"]`).count()).toBe(1)
    await shot('release-02-request-checked', { full: true })

    await Promise.all([page.waitForURL(/done=checked/), page.click('#check-again')])
    await Promise.all([page.waitForURL(/done=packaged/), page.click('#build-package')])
    expect(await text('#package')).toContain('Download the package')
    await shot('release-03-packaged', { full: true })
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="/releases/${id}/package.pdf"]`)])
    const file = await download.path()
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-')
    expect(download.suggestedFilename()).toMatch(/^ROI-\d{6}\.pdf$/)

    await Promise.all([page.waitForURL(/done=sent/), page.click('#mark-sent')])
    expect(await text('#sent')).toContain('Millbrook Cardiology')
    await shot('release-04-sent', { full: true })
    expect((await new ReleaseRepo(app.sql).get(id))!.status).toBe('sent')

    await page.goto(`${server.url}/releases/accounting/${mrn}`)
    await shot('release-05-accounting', { print: true })
    const actions = (await deps.audit.search({ actor: 'rchen' })).rows.map((r) => r.action)
    for (const a of ['release.create', 'release.check', 'release.package', 'release.download', 'release.sent', 'release.accounting'])
      expect(actions).toContain(a)
    await signOut()
  })

  it('the primary provider opens the routed report in their queue and marks it reviewed', async () => {
    await signIn('drprov')
    await Promise.all([page.waitForURL(/\/inbox$/), page.click('nav a[href="/inbox"]')])
    expect(await page.locator(`a[href="/inbox/${labId}"]`).count()).toBe(1)
    expect(await page.locator('nav a[href="/releases"]').count()).toBe(0)
    await shot('inbox-01-queue', { full: true })
    await Promise.all([page.waitForURL(new RegExp(`/inbox/${labId}$`)), page.click(`a[href="/inbox/${labId}"]`)])
    await page.locator('.page-image img').first().waitFor({ state: 'visible', timeout: 10_000 })
    await shot('inbox-02-report')
    await Promise.all([page.waitForURL(/done=ack/), page.click('#acknowledge')])
    expect(await text('.flash')).toContain('Marked reviewed')
    await shot('inbox-03-reviewed', { full: true })
    expect((await new RoutesRepo(app.sql).forDocument(labId)).some((r) => r.acknowledgedAt)).toBe(true)
    await signOut()
  })

  it('no console errors (CSP, scripts)', () => {
    expect(consoleErrors).toEqual([])
  })
})
