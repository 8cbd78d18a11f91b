/**
 * Hostile files (test/fixtures/hostile/) through the real pipeline, in `ingest` and under `start`:
 * files that loop or inflate without end are stopped by the reader budget and refused with a clear
 * code while the process goes on; odd-but-valid files are read; damaged and blank pages are named
 * for review; and a good file given after them is filed in its patient's chart.
 */
import { copyFile, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { ROOT, SAMPLES, SAMPLE_SCANS, makeWorkspace, runCli, startCli, type Workspace } from '../../helpers/workspace.js'
import { writeFile } from 'node:fs/promises'

const HOSTILE = path.join(ROOT, 'test/fixtures/hostile')
/** A lab report naming a patient of the sample index by two identifiers: filed without a person. */
const GOOD = path.join(SAMPLE_SCANS, 'lab-report-text.pdf')
const BUDGET = {
  CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$',
  CHARTCLERK_BUDGET_MEMORY_MB: '256',
  CHARTCLERK_BUDGET_OPEN_SECONDS: '12',
  CHARTCLERK_BUDGET_PAGE_SECONDS: '30',
  CHARTCLERK_BUDGET_RENDER_MAX_PIXELS: '6000000',
  CHARTCLERK_INGEST_CONCURRENCY: '3',
}
const REFUSED: Record<string, string[]> = {
  'cyclic-content.pdf': ['FILE_TOO_COMPLEX'],
  'stream-bomb.pdf': ['PDF_BOMB'],
}
const READ = ['jpx-scan.pdf', 'leading-junk.pdf', 'trailing-junk.pdf', 'huge-page.pdf', 'broken-page.pdf', 'blank-page.pdf']

const spaces: Workspace[] = []
afterAll(async () => {
  for (const ws of spaces) await ws.cleanup()
})

async function pageTexts(ws: Workspace, documentId: number): Promise<string[]> {
  const c = openCatalog(path.join(ws.data, 'catalog.sqlite'))
  try {
    return (await c.documents.pages(documentId)).map((p: { text: string }) => p.text)
  } finally {
    c.close()
  }
}

async function checkRead(ws: Workspace, byName: Map<string, any>): Promise<void> {
  for (const name of READ) {
    const r = byName.get(name)
    expect(r, name).toBeDefined()
    expect(r.error, `${name}: ${JSON.stringify(r.error)}`).toBeUndefined()
    expect(r.status, name).toBe('needs_review')
  }
  // JPEG 2000: the page is OCRed from the decoded image (white without the OpenJPEG decoder).
  const jpx = byName.get('jpx-scan.pdf')
  expect(jpx.textSource).toBe('ocr')
  expect((await pageTexts(ws, jpx.documentId)).join(' ')).toMatch(/RADIOLOGY|Impression|Harbor Imaging/)
  expect(jpx.reviewReasons.join(' ')).not.toMatch(/Page 1 came out blank/)
  for (const name of ['leading-junk.pdf', 'trailing-junk.pdf']) {
    expect(byName.get(name).textSource, name).toBe('text-layer')
    expect((await pageTexts(ws, byName.get(name).documentId)).join(' ')).toMatch(/Lakeside Medical Laboratory/)
  }
  expect(byName.get('huge-page.pdf').pages).toBe(1)
  const broken = byName.get('broken-page.pdf')
  expect(broken.pages).toBe(3)
  const brokenTexts = await pageTexts(ws, broken.documentId)
  expect(brokenTexts[0]).toMatch(/Admitted/)
  expect(brokenTexts[2]).toMatch(/Discharged home/)
  // Named as damaged, with why: not mistaken for a page that was blank on paper.
  expect(broken.reviewReasons.join('\n')).toMatch(/Page 2 could not be read: its data in the file is damaged \(.+\)\. Check the original/)
  expect(broken.reviewReasons.join('\n')).not.toMatch(/came out blank|Page [13] (could not|came out)/)
  expect(byName.get('blank-page.pdf').reviewReasons.join('\n')).toMatch(/Page 2 came out blank: check the scan/)
  expect(byName.get('blank-page.pdf').reviewReasons.join('\n')).not.toMatch(/could not be read/)
}

function expectFiled(r: any): void {
  expect(r, 'the good file has a result').toBeDefined()
  expect(r.status, JSON.stringify(r.reviewReasons ?? r.error)).toBe('filed')
  expect(r.patient?.mrn).toBe('CC-100418')
}

describe('hostile files', () => {
  it('GIVEN the hostile corpus and a good file WHEN given to `ingest` THEN bombs and loops are refused with a clear code, the rest are read, and the good file is filed', async () => {
    const ws = makeWorkspace(BUDGET)
    spaces.push(ws)
    expect((await runCli(ws, ['patients', 'import', path.join(SAMPLES, 'patients.csv')])).code).toBe(0)
    const good = path.join(ws.dir, 'good-after.pdf')
    await copyFile(GOOD, good)
    const files = [...Object.keys(REFUSED), ...READ].map((n) => path.join(HOSTILE, n))
    const t0 = Date.now()
    const run = await runCli(ws, ['--json', 'ingest', ...files, good], { timeoutMs: 240_000 })
    const elapsed = Date.now() - t0
    const results = run.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    const byName = new Map(results.map((r) => [path.basename(r.file), r]))
    expect(results, run.stderr.slice(-2000)).toHaveLength(files.length + 1)
    expect(run.code).toBe(1) // some files failed; the process itself did not
    for (const [name, codes] of Object.entries(REFUSED)) {
      const r = byName.get(name)
      expect(r.status, name).toBe('failed')
      expect(codes, `${name}: ${r.error.code}`).toContain(r.error.code)
      expect(r.error.message.length).toBeGreaterThan(40)
    }
    // The bomb is named as one, by the inflate probe, well inside its time budget.
    expect(byName.get('stream-bomb.pdf').error.message).toMatch(
      /decompression bomb.*more than 256 MB.*print the document to a new PDF or rescan it/,
    )
    await checkRead(ws, byName)
    expectFiled(byName.get('good-after.pdf'))
    // Each refusal took its budget, not minutes.
    expect(elapsed).toBeLessThan(200_000)
  }, 300_000)

  it('GIVEN the hostile corpus dropped in the inbox WHEN `start` runs THEN refused files are quarantined with notes, the rest are read, and a good file dropped afterwards is filed', async () => {
    const ws = makeWorkspace({ ...BUDGET, CHARTCLERK_WATCH_STABILITY_MS: '200', CHARTCLERK_LOG_LEVEL: 'info' })
    spaces.push(ws)
    await writeFile(path.join(ws.dir, 'chartclerk.config.json'), JSON.stringify({ log: { includePatientData: true } }))
    expect((await runCli(ws, ['patients', 'import', path.join(SAMPLES, 'patients.csv')])).code).toBe(0)
    const run = startCli(ws)
    try {
      await run.waitFor(() => run.stderrLines.some((l) => l.includes('watching the inbox')), 60_000)
      for (const name of [...Object.keys(REFUSED), ...READ]) await copyFile(path.join(HOSTILE, name), path.join(ws.inbox, name))
      await run.waitFor(() => run.results.length >= Object.keys(REFUSED).length + READ.length, 240_000)
      await copyFile(GOOD, path.join(ws.inbox, 'good-after.pdf'))
      await run.waitFor(() => run.results.some((r) => path.basename(r.file) === 'good-after.pdf'), 60_000)
      const byName = new Map(run.results.map((r) => [path.basename(r.file), r]))
      for (const [name, codes] of Object.entries(REFUSED)) {
        const r = byName.get(name)
        expect(r.status, name).toBe('failed')
        expect(codes).toContain(r.error.code)
        const note = JSON.parse(await readFile(path.join(ws.quarantine, `${name}.error.json`), 'utf8'))
        expect(note.code).toBe(r.error.code)
        expect(existsSync(path.join(ws.quarantine, name)), `${name} kept in quarantine`).toBe(true)
      }
      await checkRead(ws, byName)
      expectFiled(byName.get('good-after.pdf'))
    } finally {
      expect(await run.stop()).toBe(0)
    }
  }, 400_000)
})
