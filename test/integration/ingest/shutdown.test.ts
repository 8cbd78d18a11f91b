/** Ctrl-C: chartclerk finishes the file in hand or gives it back to the queue untouched (it waits in the work area under its job), then exits 0. */
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
  it('GIVEN a three-page scan being OCRed WHEN Ctrl-C THEN it exits 0 and the scan is either stored or queued again untouched, and the next start finishes it', async () => {
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
    const work = await listFiles(path.join(ws.data, 'work'))
    const stored = existsSync(path.join(ws.data, 'objects', 'originals', sha))
    const queued = work.length === 1
    expect(stored || queued).toBe(true)
    if (queued) {
      // Given back: the very bytes received, waiting under a queued job that the next start runs.
      expect(
        createHash('sha256')
          .update(await readFile(work[0]!))
          .digest('hex'),
      ).toBe(sha)
      const c = openCatalog(path.join(ws.data, 'catalog.sqlite'))
      try {
        const row = c.db.prepare('SELECT state, lease_owner, dead_at FROM jobs WHERE work_path = ?').get(work[0]!)
        expect(row, 'queued again, held by no worker').toEqual({ state: 'claimed', lease_owner: null, dead_at: null })
      } finally {
        c.close()
      }
      const again = startCli(ws)
      await again.waitFor(() => again.results.some((r) => r.status === 'needs_review' || r.status === 'duplicate'), 120_000)
      expect(await again.stop()).toBe(0)
      expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])
      expect(existsSync(path.join(ws.data, 'objects', 'originals', sha))).toBe(true)
    } else {
      // Finished within the grace period: it was reported before chartclerk exited.
      expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])
      expect(run.results.map((r) => r.status)).toContain('needs_review')
    }
  }, 300_000)
})
