/**
 * Review of a split in a real browser (Debian's chromium through playwright-core): a stack of
 * three documents, two of one type for one patient back to back without page numbers (the
 * cut between them in doubt), waits in review as a strip of its pages with the cuts proposed.
 * The clerk checks the cuts and files the parts; a faxed stack shows its cover sheet as the first
 * page of the document it announces. Screenshots in test-artifacts/screenshots/.
 * All data made up. Under CI=true this runs or fails; it never skips.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { UsersRepo } from '../../../src/auth/users.js'
import { loadConfig } from '../../../src/config/config.js'
import { silentLogger } from '../../../src/log.js'
import { importPatients } from '../../../src/patients/importPatients.js'
import { BatchesRepo } from '../../../src/split/batches.js'
import { settleSplit } from '../../../src/split/settleSplit.js'
import type { WebDeps } from '../../../src/web/deps.js'
import { createWebDeps, startWebServer, type WebServer } from '../../../src/web/server.js'
import { consultNote, JOHNSON, labReport, LINDQVIST, stackPdf } from '../../helpers/stack.js'
import { chromiumPresent, launchChromium } from '../../helpers/chromium.js'
import { makeWorkspace, ROOT, SAMPLES, type Workspace } from '../../helpers/workspace.js'
import { MRN_PATTERN, PASSWORD, TEST_COST } from './helpers.js'

const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots')
const canRun = chromiumPresent()

let ws: Workspace
let app: App
let deps: WebDeps
let server: WebServer
let browser: Browser
let page: Page
const consoleErrors: string[] = []

async function stackInReview(name: string, n: number): Promise<number> {
  const file = path.join(ws.dir, name)
  // Two consultations for one patient on one day, the second without its letterhead: the cut between them is in doubt.
  const second = consultNote(JOHNSON, n)
  writeFileSync(
    file,
    await stackPdf([consultNote(JOHNSON, n), { pages: [second.pages[0]!.slice(1), second.pages[1]!] }, labReport(LINDQVIST, n)]),
  )
  const rs = await app.runner.ingestFiles([file])
  // The other patient's lab report is cut off surely on both sides: filed at once; the two consultations wait.
  expect(rs.map((r) => [r.status, r.split, r.splitProposed ?? false])).toEqual([
    ['needs_review', { from: 1, to: 2 }, true],
    ['needs_review', { from: 3, to: 4 }, true],
    ['filed', { from: 5, to: 5 }, false],
  ])
  return rs[0]!.documentId!
}

/** Waits until every thumbnail of the strip is drawn (loaded, with a width). */
async function thumbsDrawn(): Promise<void> {
  type Img = { complete: boolean; naturalWidth: number }
  await page.waitForFunction(() =>
    Array.from(
      (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Img> } }).document.querySelectorAll(
        '.split-strip img',
      ),
    ).every((i) => i.complete && i.naturalWidth > 0),
  )
}

describe.skipIf(!canRun)('review of a split in chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: MRN_PATTERN })
    app = await openApp(ws.config(), { log: silentLogger() })
    await app.catalog.patients.upsert(
      importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: MRN_PATTERN }).patients,
    )
    deps = { ...createWebDeps(app), users: new UsersRepo(app.sql.db, TEST_COST) }
    await deps.users.add({ username: 'mclerk', displayName: 'Mia Clerk', roles: ['clerk'], password: PASSWORD, mustChangePassword: false })
    server = await startWebServer(deps, { host: '127.0.0.1', port: 0 })
    browser = await launchChromium()
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await app?.close()
    await ws?.cleanup()
  })

  it('the strip shows the pages and the proposed cuts; the clerk confirms them and each part is filed', async () => {
    const id = await stackInReview('stack.pdf', 1)
    await page.goto(`${server.url}/login`)
    await page.fill('input[name=username]', 'mclerk')
    await page.fill('input[name=password]', PASSWORD)
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')])
    await page.goto(`${server.url}/review`)
    await Promise.all([page.waitForURL(new RegExp(`/review/${id}$`)), page.click(`a[href="/review/${id}"]`)])
    expect(await page.locator('.split-strip .thumb').count()).toBe(5)
    // Every thumbnail drawn (the page images exist for the stack's pages).
    await thumbsDrawn()
    const checked = await page
      .locator('.split-strip input[name=starts]:checked')
      .evaluateAll((xs) => xs.map((x) => (x as unknown as { value: string }).value))
    expect(checked).toEqual(['3'])
    expect(await page.locator('.split-strip .cut-doubt input[value="3"]').count()).toBe(1)
    // The part filed already: its cut is fixed, and the strip links to it.
    expect(await page.locator('.split-strip .cut-sure input[disabled]:checked').count()).toBe(1)
    expect(await page.locator('.split-strip .thumb[data-page="5"]').textContent()).toMatch(/filed as document \d+/)
    await page.screenshot({ path: path.join(SHOTS, 'split-01-strip.png'), fullPage: true })

    // The clerk moves the doubtful cut away and back (a slip corrected), then files.
    await page.uncheck('.split-strip input[value="3"]')
    await page.check('.split-strip input[value="4"]')
    await page.uncheck('.split-strip input[value="4"]')
    await page.check('.split-strip input[value="3"]')
    await Promise.all([page.waitForURL(new RegExp(`/review/${id}/split$`)), page.click('#split button[type=submit]')])
    expect(await page.locator('h1').textContent()).toContain('Split into 2 documents')
    await page.screenshot({ path: path.join(SHOTS, 'split-02-filed.png'), fullPage: true })

    const batch = await app.catalog.documents.ofBatch((await new BatchesRepo(app.sql).decisions())[0]!.batchSha256)
    expect(batch.map((d) => [d.pageFrom, d.pageTo, d.status, d.patientMrn])).toEqual([
      [1, 2, 'filed', 'CC-100418'],
      [3, 4, 'filed', 'CC-100418'],
      [5, 5, 'filed', 'CC-101127'],
    ])
    expect(await app.catalog.documents.get(id)).toBeUndefined()
    // A part's own page says where it came from.
    await Promise.all([page.waitForURL(new RegExp(`/documents/${batch[0]!.id}$`)), page.click(`a[href="/documents/${batch[0]!.id}"]`)])
    expect((await page.locator('main').textContent())?.replace(/\s+/g, ' ')).toContain('pages 1–2 of that file (a scanned stack)')
    const decisions = await new BatchesRepo(app.sql).decisions()
    expect(decisions).toEqual([expect.objectContaining({ proposed: [1, 3, 5], decided: [1, 3, 5], decidedBy: 'mclerk' })])
    const audited = app.catalog.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'review.split'").all() as {
      actor: string
      detail: string
    }[]
    expect(audited.map((a) => a.actor)).toEqual(['mclerk'])
    expect(consoleErrors).toEqual([])
  }, 120_000)

  it("the clerk's cuts decide the parts; the part filed already stays as it is", async () => {
    const id = await stackInReview('stack-2.pdf', 4)
    // The cut at the part filed already may be ticked again: it stands either way.
    await expect(settleSplit(app.ctx, id, [3, 5], 'mclerk')).resolves.toHaveLength(2)
    await expect(settleSplit(app.ctx, id, [3], 'mclerk')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const id2 = await stackInReview('stack-3.pdf', 6)
    // The doubtful cut removed: the two consultations are one part, the lab report stays its own.
    const parts = await settleSplit(app.ctx, id2, [], 'mclerk')
    expect(parts.map((p) => [p.split, p.status])).toEqual([[{ from: 1, to: 4 }, 'filed']])
    const batch = await app.catalog.documents.ofBatch((await app.catalog.documents.get(parts[0]!.documentId))!.batchSha256!)
    expect(batch.map((d) => [d.pageFrom, d.pageTo])).toEqual([
      [1, 4],
      [5, 5],
    ])
  }, 120_000)

  it('GIVEN a faxed stack whose cover gives no count WHEN it waits THEN the strip marks the cover, kept with the document it announces', async () => {
    const file = path.join(ws.dir, 'faxed.pdf')
    const cover = {
      pages: [
        [
          'FAX',
          'To: Records desk',
          'From: Harbor Cardiology Associates',
          'Re: consultations',
          'Phone: 207-555-0177',
          'CONFIDENTIAL: intended recipient only. If received in error, notify the sender and destroy it.',
        ],
      ],
    }
    const second = consultNote(JOHNSON, 2)
    writeFileSync(
      file,
      await stackPdf([cover, consultNote(JOHNSON, 2), { pages: [second.pages[0]!.slice(1), second.pages[1]!] }, labReport(LINDQVIST, 2)]),
    )
    const rs = await app.runner.ingestFiles([file])
    expect(rs.map((r) => [r.status, r.split])).toEqual([
      ['needs_review', { from: 1, to: 3 }],
      ['needs_review', { from: 4, to: 5 }],
      ['filed', { from: 6, to: 6 }],
    ])
    const id = rs[0]!.documentId!
    await page.goto(`${server.url}/review/${id}`)
    // Signed in by the first test when the file runs whole; on its own, sign in here.
    if (new URL(page.url()).pathname.startsWith('/login')) {
      await page.fill('input[name=username]', 'mclerk')
      await page.fill('input[name=password]', PASSWORD)
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')])
      await page.goto(`${server.url}/review/${id}`)
    }
    expect(await page.locator('.split-strip .thumb').count()).toBe(6)
    expect(await page.locator('.split-strip .thumb[data-page="1"]').textContent()).toContain('fax cover sheet')
    expect(await page.locator('.split-strip .thumb:has-text("fax cover sheet")').count()).toBe(1)
    // No cut between the cover and its document: its scissors are unticked; the one in doubt is ticked.
    expect(await page.locator('.split-strip input[name=starts][value="2"]').isChecked()).toBe(false)
    expect(await page.locator('.split-strip .cut-doubt input[value="4"]').isChecked()).toBe(true)
    await thumbsDrawn()
    await page.screenshot({ path: path.join(SHOTS, 'split-03-fax-cover.png'), fullPage: true })
    expect(consoleErrors).toEqual([])
  }, 120_000)
})
