/** Ctrl-C: chartclerk finishes the file in hand or gives it back to the queue untouched (its original waits in the store under its job), then exits 0. */
import { copyFile, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { listFiles, makeWorkspace, SAMPLE_SCANS, startCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
afterAll(async () => {
  await ws?.cleanup()
})

describe('stopping chartclerk start', () => {
  it('GIVEN a three-page scan being OCRed WHEN Ctrl-C THEN it exits 0, the scan is stored, finished or queued again untouched, and the next start finishes it', async () => {
    ws = makeWorkspace({ CHARTCLERK_LOG_LEVEL: 'debug', CHARTCLERK_WATCH_STABILITY_MS: '100' })
    const run = startCli(ws)
    await run.waitFor(() => run.stderrLines.some((l) => l.includes('watching the inbox')))
    const src = path.join(SAMPLE_SCANS, 'discharge-summary-skewed.tiff')
    await copyFile(src, path.join(ws.inbox, 'discharge.tiff'))
    await run.waitFor(() => run.stderrLines.some((l) => l.includes('"stage":"extract"')))
    const t0 = Date.now()
    expect(await run.stop()).toBe(0)
    expect(Date.now() - t0).toBeLessThan(30_000)
    const sha = createHash('sha256')
      .update(await readFile(src))
      .digest('hex')
    expect(await listFiles(ws.inbox), 'taken from the inbox once, never put back').toEqual([])
    // Stored before it was read: the watcher's copy went once the original was stored and its job queued.
    expect(existsSync(path.join(ws.data, 'objects', 'originals', sha)), 'the original stored').toBe(true)
    expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])
    expect(await listFiles(path.join(ws.data, 'fetched')), 'the worker’s own copy removed').toEqual([])
    if (!run.results.some((r) => r.status === 'needs_review')) {
      // Given back untouched: a queued job, held by no worker, carrying the stored original's SHA-256, that the next start runs.
      const c = openCatalog(path.join(ws.data, 'catalog.sqlite'))
      try {
        const row = c.db.prepare('SELECT state, lease_owner, dead_at, payload FROM jobs').get() as Record<string, unknown>
        expect(row, 'queued again, held by no worker').toMatchObject({ state: 'claimed', lease_owner: null, dead_at: null })
        expect(JSON.parse(row.payload as string).sha256).toBe(sha)
      } finally {
        c.close()
      }
      const again = startCli(ws)
      await again.waitFor(() => again.results.some((r) => r.status === 'needs_review' || r.status === 'duplicate'), 120_000)
      expect(await again.stop()).toBe(0)
      expect(await listFiles(path.join(ws.data, 'fetched'))).toEqual([])
    }
  }, 300_000)
})
