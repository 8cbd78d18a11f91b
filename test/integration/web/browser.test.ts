/**
 * The records desk in a real browser (Debian's chromium driven by playwright-core; never a
 * browser download). The samples go through the real pipeline first, plus one made-up progress
 * note whose birth date is one slip off (so it waits for review) and which is unsigned (so filing
 * it opens a missing-signature deficiency). Then, as a clerk: sign in, settle that review item
 * with the keyboard, open the chart and see the document and its deficiency; as the records
 * lead: waive the deficiency with a reason and export the CSV. Screenshots of every page at
 * 1366x768 and as printed go to test-artifacts/screenshots/.
 *
 * Under CI=true these tests run or fail; they never skip.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderRecordPdf, makeRecordSpec, PATIENTS, Rng } from '../../../samples/lib/records.js'
import { openApp, type App } from '../../../src/app.js'
import { UsersRepo } from '../../../src/auth/users.js'
import { DeficienciesRepo } from '../../../src/deficiencies/repo.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import type { WebDeps } from '../../../src/web/deps.js'
import { createWebDeps, startWebServer, type WebServer } from '../../../src/web/server.js'
import { BAD, makeWorkspace, ROOT, SAMPLE_SCANS, SAMPLES, type Workspace } from '../../helpers/workspace.js'
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
const results = new Map<string, IngestResult>()
/** Console errors in the browser (a CSP violation by htmx or the desk's script would show here). */
const consoleErrors: string[] = []
let reviewDocId = 0

async function shot(name: string, opts: { print?: boolean; full?: boolean } = {}): Promise<void> {
  if (opts.print) await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: opts.full ?? !!opts.print })
  if (opts.print) await page.emulateMedia({ media: 'screen' })
}

/** Waits until the first element matching `selector` holds `text` (exactly, with `exact`). playwright-core has no expect(). */
async function hasText(selector: string, text: string, exact = false): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, t, ex]) => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document
        const el = doc.querySelector(sel as string)
        const got = (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
        return ex ? got === t : got.includes(t as string)
      },
      [selector, text, exact] as const,
      { timeout: 10_000 },
    )
  } catch {
    const got = await page
      .locator(selector)
      .first()
      .textContent()
      .catch(() => null)
    throw new Error(
      `expected ${selector} to ${exact ? 'be' : 'contain'} "${text}"; it holds ${JSON.stringify(got?.replace(/\s+/g, ' ').trim().slice(0, 300) ?? null)} (page ${page.url()})`,
    )
  }
}

async function visible(selector: string): Promise<void> {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 10_000 })
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

/** The made-up note that must wait for review: Michael Johnson (CC-100418), birth date 1975-01-21 instead of 01-12, unsigned. */
async function reviewNote(dir: string): Promise<string> {
  const patient = PATIENTS.find((p) => p.mrn === 'CC-100418')!
  const spec = makeRecordSpec(new Rng('web-desk-review-item'), {
    docType: 'progress_note',
    patient,
    layout: 'labelled',
    date: '2025-05-20',
    withOurMrn: false,
    overrides: { signed: false, signatureNote: 'Dictated but not read' },
  })
  spec.patient = { ...spec.patient, birthDate: '1975-01-21', mrn: undefined }
  const file = path.join(dir, 'progress-note-johnson-dob-slip.pdf')
  await fs.writeFile(file, await renderRecordPdf(spec))
  return file
}

describe.skipIf(!canRun)('the records desk in chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: MRN_PATTERN, CHARTCLERK_OCR_WORKERS: '1' })
    app = await openApp(ws.config(), { log: silentLogger() })
    const index = importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: MRN_PATTERN })
    await app.catalog.patients.upsert(index.patients)
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-web-samples-'))
    const files = [
      'lab-report-text.pdf',
      'radiology-report-scan.pdf',
      'discharge-summary-skewed.tiff',
      'consult-note.png',
      'referral-fax.jpg',
    ].map((f) => path.join(SAMPLE_SCANS, f))
    files.push(await reviewNote(dir))
    for (const r of await app.runner.ingestFiles(files)) results.set(path.basename(r.file), r)
    reviewDocId = results.get('progress-note-johnson-dob-slip.pdf')!.documentId!
    // A file that fails lands in quarantine the way the watcher puts it there.
    await fs.mkdir(ws.inbox, { recursive: true })
    const locked = path.join(ws.inbox, 'encrypted-password-test.pdf')
    await fs.copyFile(path.join(BAD, 'encrypted-password-test.pdf'), locked)
    app.runner.offer(locked)
    await app.runner.idle()

    deps = { ...createWebDeps(app), users: new UsersRepo(app.sql.db, TEST_COST) }
    await deps.users.add({
      username: 'mlopez',
      displayName: 'Maria Lopez',
      roles: ['clerk'],
      password: PASSWORD,
      mustChangePassword: false,
    })
    await deps.users.add({ username: 'rchen', displayName: 'Rosa Chen', roles: ['lead'], password: PASSWORD, mustChangePassword: false })
    await deps.users.add({
      username: 'tokafor',
      displayName: 'Tunde Okafor',
      roles: ['auditor'],
      password: PASSWORD,
      mustChangePassword: false,
    })
    await deps.users.add({
      username: 'kpatel',
      displayName: 'Kavya Patel-Okonkwo',
      roles: ['lead', 'auditor'],
      password: PASSWORD,
      mustChangePassword: false,
    })
    await deps.users.add({
      username: 'itadmin',
      displayName: 'Desk Administrator',
      roles: ['admin'],
      password: PASSWORD,
      mustChangePassword: false,
    })
    server = await startWebServer(deps, { host: '127.0.0.1', port: 0 })
    browser = await launchChromium()
    ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
    page = await ctx.newPage()
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      // a 403 page the test opens on purpose is logged as a failed resource load
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

  it('the samples went through the pipeline; the made-up note waits for review', async () => {
    const statuses = Object.fromEntries([...results].map(([f, r]) => [f, r.status]))
    console.log('browser test ingest:', JSON.stringify(statuses))
    expect(results.get('progress-note-johnson-dob-slip.pdf')!.status).toBe('needs_review')
    expect([...results.values()].every((r) => r.status === 'filed' || r.status === 'needs_review')).toBe(true)
    expect((await app.catalog.documents.get(reviewDocId))!.reviewReasons.length).toBeGreaterThan(0)
  })

  it('a clerk signs in and sees the dashboard', async () => {
    await page.goto(`${server.url}/`)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login')
    await shot('01-login')
    await signIn('mlopez')
    await hasText('h1', 'Dashboard', true)
    expect(await page.locator('#pipeline').innerText()).toMatch(/storage reachable/)
    await shot('02-dashboard')
  })

  it('settles the review item with the keyboard: 1 chooses the first candidate, s files it', async () => {
    await page.click('nav a[href="/review"]')
    await hasText('h1', 'Review queue', true)
    await shot('03-review-queue')
    await page.click(`a[href="/review/${reviewDocId}"]`)
    await page.waitForLoadState('load')
    await visible('.page-image img')
    // The image is lazy-loaded: on a busy machine it may still be on its way.
    await page.waitForFunction(
      () => {
        const img = (globalThis as any).document.querySelector('.page-image img') as unknown as {
          complete: boolean
          naturalWidth: number
        } | null
        return !!img && img.complete && img.naturalWidth > 0
      },
      undefined,
      { timeout: 30_000 },
    )
    expect(
      await page
        .locator('.page-image img')
        .first()
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(100)
    await hasText('.choice', 'CC-100418')
    await shot('04-review-item')
    // The keys in the order the page shows them: 1 ticks the first candidate, t goes to the type,
    // typing picks it and Enter confirms, s files. No click in between.
    await page.locator('body').focus()
    await page.keyboard.press('1')
    expect(await page.locator('input[data-choice="1"]').isChecked()).toBe(true)
    await page.keyboard.press('t')
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('name'))).toBe('docType')
    await page.keyboard.type('Progress')
    await page.keyboard.press('Enter')
    expect(await page.locator('select[name=docType]').inputValue()).toBe('progress_note')
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.tagName)).toBe('BODY')
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith(`/review/${reviewDocId}`)), page.keyboard.press('s')])
    const doc = (await app.catalog.documents.get(reviewDocId))!
    expect(doc.status).toBe('filed')
    expect(doc.patientMrn).toBe('CC-100418')
    expect(doc.docType).toBe('progress_note')
  })

  it('opens the chart and sees the document and its deficiency', async () => {
    await page.goto(`${server.url}/charts`)
    await page.fill('input[name=q]', 'johnson')
    await Promise.all([page.waitForURL(/q=johnson/), page.press('input[name=q]', 'Enter')])
    await shot('05-chart-finder')
    await page.click('a[href="/charts/CC-100418"]')
    await hasText('header.patient h1', 'Johnson, Michael')
    await visible(`a[href="/documents/${reviewDocId}"]`)
    const defs = await new DeficienciesRepo(app.sql).list({ chartMrn: 'CC-100418', status: 'open' })
    const mine = defs.filter((d) => d.documentId === String(reviewDocId))
    console.log('deficiencies of the settled note:', mine.map((d) => `${d.ruleId} ${d.kind}`).join('; '))
    expect(mine.some((d) => d.kind === 'missing_signature')).toBe(true)
    await visible(`#def-${mine.find((d) => d.kind === 'missing_signature')!.id}`)
    await shot('06-chart')
    await shot('06-chart-print', { print: true })
    await page.click(`a[href="/documents/${reviewDocId}"] >> nth=0`)
    await hasText('h1', 'Progress note')
    await shot('07-document')
    await shot('07-document-print', { print: true })
    const views = (await deps.audit.search({ actor: 'mlopez', action: 'document.view' })).rows
    expect(views.some((r) => r.targetId === String(reviewDocId))).toBe(true)
  })

  it('the clerk cannot reach the rules page', async () => {
    const res = await page.goto(`${server.url}/rules`)
    expect(res!.status()).toBe(403)
    expect(await page.locator('nav a[href="/rules"]').count()).toBe(0)
    await page.goto(`${server.url}/search?q=potassium`)
    await shot('08-search')
    await page.goto(`${server.url}/quarantine`)
    await hasText('table.list', 'PDF_ENCRYPTED')
    await shot('09-quarantine')
    await signOut()
  })

  it('the records lead waives the deficiency with a reason and exports the CSV', async () => {
    await signIn('rchen')
    await page.goto(`${server.url}/deficiencies?mrn=CC-100418`)
    await shot('10-deficiencies')
    const d = (await new DeficienciesRepo(app.sql).list({ chartMrn: 'CC-100418', status: 'open' })).find(
      (x) => x.documentId === String(reviewDocId) && x.kind === 'missing_signature',
    )!
    const row = page.locator(`#def-${d.id}`)
    await row.locator('select[name=to]').selectOption('waived')
    await row.locator('input[name=reason]').fill('Signed copy requested from the sender; filed note is the courtesy copy')
    const before = page.url()
    await row.locator('button[type=submit]').click()
    await hasText(`#def-${d.id}`, 'waived')
    // htmx swapped the row in place: no navigation, no flash from a full-page post
    expect(page.url()).toBe(before)
    await hasText(`#def-${d.id}`, 'Signed copy requested from the sender')
    expect(await new DeficienciesRepo(app.sql).get(d.id)).toMatchObject({ status: 'waived', decidedBy: 'rchen' })
    expect((await deps.audit.search({ actor: 'rchen', action: 'deficiency.status' })).rows[0]!.detail).toMatchObject({ to: 'waived' })
    await shot('11-deficiency-waived')

    await page.goto(`${server.url}/deficiencies?status=all&mrn=CC-100418`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/deficiencies/export.csv"]')])
    expect(download.suggestedFilename()).toMatch(/^deficiencies-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = await fs.readFile((await download.path())!, 'utf8')
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFF?id,mrn,patient_name,birth_date,/)
    expect(csv).toMatch(new RegExp(`^${d.id},CC-100418,"Johnson, Michael",[0-9-]*,${reviewDocId},progress_note,.*,waived,`, 'm'))
    expect((await deps.audit.search({ actor: 'rchen', action: 'deficiency.export' })).total).toBe(1)

    await page.click('a[href^="/deficiencies/report"]')
    await hasText('h1', 'Deficiency report', true)
    await shot('12-deficiency-report')
    await shot('12-deficiency-report-print', { print: true })
    await page.goto(`${server.url}/rules`)
    await hasText('h1', 'Rule set in force', true)
    await shot('13-rules', { full: true })
    await page.goto(`${server.url}/`)
    await shot('14-dashboard-lead')
    await signOut()
  })

  it('a lead who is also an auditor: the navigation fits one line at 1366 px; the dashboard draws its charts; a lab report in the viewer', async () => {
    await signIn('kpatel')
    await hasText('h1', 'Dashboard', true)
    const nav = await page.evaluate(() => {
      const doc = (globalThis as any).document
      const links = [...doc.querySelectorAll('header.top nav li')].map((li: any) => li.getBoundingClientRect().top)
      return {
        items: links.length,
        rows: new Set(links.map((t: number) => Math.round(t))).size,
        header: doc.querySelector('header.top').getBoundingClientRect().height,
        scroll: doc.documentElement.scrollWidth,
      }
    })
    console.log('navigation at 1366 px for lead+auditor:', JSON.stringify(nav))
    expect(nav.items).toBeGreaterThanOrEqual(10)
    expect(nav.rows).toBe(1)
    expect(nav.header).toBeLessThan(60)
    expect(nav.scroll).toBeLessThanOrEqual(1366)
    // each bar as drawn: its height on screen in proportion to its value, the four charts there
    const bars = await page.evaluate(() => {
      const doc = (globalThis as any).document
      return [...doc.querySelectorAll('svg.chart')].map((svg: any) => ({
        id: svg.getAttribute('data-chart'),
        max: Number(svg.getAttribute('data-max')),
        plot: Number(svg.getAttribute('data-plot-height')),
        bars: [...svg.querySelectorAll('rect.bar')].map((r: any) => ({
          value: Number(r.getAttribute('data-value')),
          height: r.getBBox().height,
          date: r.getAttribute('data-date'),
          series: r.getAttribute('data-series'),
        })),
      }))
    })
    expect(bars.map((b) => b.id)).toEqual(['filed', 'backlog', 'deficiencies', 'releases'])
    for (const ch of bars)
      for (const b of ch.bars) expect(Math.abs(b.height - (b.value / ch.max) * ch.plot), `${ch.id} ${b.date}`).toBeLessThan(0.05)
    const today = new Date().toISOString().slice(0, 10)
    const filedToday = bars[0]!.bars.filter((b) => b.date === today).reduce((n, b) => n + b.value, 0)
    expect(filedToday).toBe([...results.values()].filter((r) => r.status === 'filed').length + 1)
    expect(bars[1]!.bars.find((b) => b.date === today)!.value).toBe((await app.catalog.documents.list({ status: 'needs_review' })).length)
    await shot('17-dashboard-charts', { full: true })
    await page.click('a[href="/statistics"]')
    await hasText('h1', 'Records department statistics', true)
    await shot('18-statistics-print', { print: true })
    const lab = results.get('lab-report-text.pdf')!.documentId!
    await page.goto(`${server.url}/documents/${lab}`)
    await hasText('h1', 'Lab report')
    await shot('19-lab-report', { full: true })
    await signOut()
  })

  it('the auditor searches the audit log and checks the chain; the admin manages accounts', async () => {
    await signIn('tokafor')
    await page.goto(`${server.url}/audit?mrn=CC-100418`)
    await hasText('table.audit', 'document.view')
    await page.click('#main form[action="/audit/verify"] button')
    await hasText('#chain', 'The chain is whole')
    await shot('15-audit')
    await signOut()
    await signIn('itadmin')
    await page.goto(`${server.url}/admin/users`)
    await shot('16-users')
    await signOut()
  })

  it('no page broke the Content-Security-Policy or threw in the browser', () => {
    expect(consoleErrors).toEqual([])
  })
})
