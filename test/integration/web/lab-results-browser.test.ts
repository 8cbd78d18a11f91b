/**
 * A lab report's results in the document view, in Chromium: one row per test with value, units,
 * reference range and flag, for a document filed now (`labResults` rows) and for one filed before
 * rows existed (a `tests` list and "; "-joined columns); the joined columns are not repeated
 * beside the table. Screenshot: test-artifacts/screenshots/lab-results-document.png.
 */
import { mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src/web/server.js'
import { ROOT } from '../../helpers/workspace.js'
import { makeDesk, PASSWORD, seedDocument, type Desk } from './helpers.js'
import { chromiumPresent, launchChromium } from '../../helpers/chromium.js'

const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots')
const canRun = chromiumPresent()

const common = { labName: 'TRI-COUNTY REFERENCE LABORATORY', patientIdentifier: 'CC-100418', collectionDate: '2025-03-10' }
const NEW_SHAPE = {
  ...common,
  testName: 'Sodium; Glucose; Urea Nitrogen (BUN)',
  result: '139; 131; 22',
  labResults: [
    { test: 'Sodium', value: '139', units: 'mmol/L', referenceRange: '136 - 145', flag: null },
    { test: 'Glucose', value: '131', units: 'mg/dL', referenceRange: '70 - 99', flag: 'H' },
    { test: 'Urea Nitrogen (BUN)', value: '22', units: 'mg/dL', referenceRange: '7 - 20', flag: 'H' },
  ],
}
const OLD_SHAPE = {
  ...common,
  testName: 'Sodium; Glucose',
  result: '139; 131',
  units: 'mmol/L; mg/dL',
  referenceRange: '136 - 145; 70 - 99',
  tests: [
    { name: 'Sodium', result: '139', units: 'mmol/L', referenceRange: '136 - 145', flag: null },
    { name: 'Glucose', result: '131', units: 'mg/dL', referenceRange: '70 - 99', flag: 'H' },
  ],
}

let desk: Desk
let server: WebServer
let browser: Browser
let page: Page
const ids: Record<string, number> = {}

describe.skipIf(!canRun)('lab results in the document view', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    desk = await makeDesk()
    await desk.addUser('mlopez', ['clerk'])
    for (const [k, fields] of Object.entries({ now: NEW_SHAPE, before: OLD_SHAPE }))
      ids[k] = await seedDocument(desk.app, {
        status: 'filed',
        mrn: 'CC-100418',
        docType: 'lab_report',
        text: 'LABORATORY REPORT',
        details: { fields },
      })
    server = await startWebServer(desk.deps, { host: '127.0.0.1', port: 0 })
    browser = await launchChromium()
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage()
    await page.goto(`${server.url}/login`)
    await page.fill('input[name=username]', 'mlopez')
    await page.fill('input[name=password]', PASSWORD)
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('button[type=submit]')])
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await desk?.close()
  })

  const rowsOf = () =>
    page
      .locator('table.lab-results tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())))

  it('a document filed now: a row per test, flagged rows marked, no joined columns beside it', async () => {
    await page.goto(`${server.url}/documents/${ids.now}`)
    expect(await page.locator('table.lab-results thead th').allInnerTexts()).toEqual(['Test', 'Value', 'Units', 'Reference range', 'Flag'])
    expect(await rowsOf()).toEqual([
      ['Sodium', '139', 'mmol/L', '136 - 145', ''],
      ['Glucose', '131', 'mg/dL', '70 - 99', 'H'],
      ['Urea Nitrogen (BUN)', '22', 'mg/dL', '7 - 20', 'H'],
    ])
    expect(await page.locator('table.lab-results tr.flagged').count()).toBe(2)
    const fields = await page.locator('table.fields').innerText()
    expect(fields).toMatch(/patient identifier\s+CC-100418/)
    expect(fields).not.toMatch(/Sodium|139; 131|name: /)
    await page.locator('table.lab-results').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'lab-results-document.png'), fullPage: true })
  })

  it('a document filed before rows existed shows the same table', async () => {
    await page.goto(`${server.url}/documents/${ids.before}`)
    expect(await rowsOf()).toEqual([
      ['Sodium', '139', 'mmol/L', '136 - 145', ''],
      ['Glucose', '131', 'mg/dL', '70 - 99', 'H'],
    ])
    expect(await page.locator('table.fields').innerText()).not.toMatch(/name: Sodium|tests/)
  })
})
