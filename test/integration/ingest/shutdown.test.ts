/** Ctrl-C: chartclerk finishes the file in hand or gives it back to the inbox untouched, then exits 0. */
import { copyFile, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listFiles, makeWorkspace, SAMPLE_SCANS, startCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
afterAll(async () => {
  await ws?.cleanup()
})

describe('stopping chartclerk start', () => {
  it('GIVEN a three-page scan being OCRed WHEN Ctrl-C THEN it exits 0 and the scan is either stored or back in the inbox', async () => {
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
    const backInInbox = (await listFiles(ws.inbox)).length === 1
    const stored = existsSync(path.join(ws.data, 'objects', 'originals', sha))
    expect(backInInbox || stored).toBe(true)
    if (backInInbox)
      expect(
        createHash('sha256')
          .update(await readFile((await listFiles(ws.inbox))[0]!))
          .digest('hex'),
      ).toBe(sha)
    expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])

    if (backInInbox) {
      // Abandoned: the next start finishes it.
      const again = startCli(ws)
      await again.waitFor(() => again.results.some((r) => r.status === 'needs_review' || r.status === 'duplicate'), 120_000)
      expect(await again.stop()).toBe(0)
      expect(await listFiles(ws.inbox)).toEqual([])
    } else {
      // Finished within the grace period: it was reported before chartclerk exited.
      expect(run.results.map((r) => r.status)).toContain('needs_review')
    }
  }, 300_000)
})
