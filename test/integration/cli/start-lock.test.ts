/**
 * One `chartclerk start` per data folder (issue 12, finding 10): a second one on the
 * same folder is refused with a clear message and exit code 2; after the first stops,
 * or is killed outright, the next start runs.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { textPdf, writeFiles } from '../../helpers/documents.js'
import { makeWorkspace, runCli, startCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
afterAll(async () => {
  await ws?.cleanup()
})

describe('two starts on one data folder', () => {
  it('GIVEN a running start WHEN a second start is run on the same data folder THEN it is refused (exit 2) and touches nothing; after a stop or a SIGKILL the next one runs', async () => {
    ws = makeWorkspace({ CHARTCLERK_LOG_LEVEL: 'info' })
    const first = startCli(ws)
    try {
      await first.waitFor(() => first.stderrLines.some((l) => l.includes('watching the inbox')), 60_000)
      const lock = path.join(ws.data, 'chartclerk.lock')
      expect(existsSync(lock)).toBe(true)
      const second = await runCli(ws, ['start', '--no-web'], { timeoutMs: 60_000 })
      expect(second.code, second.stderr).toBe(2)
      expect(second.stderr).toMatch(/Another chartclerk \(process \d+ on .*\) is already running on the data folder/)
      expect(second.stderr).toContain('--data')
      // The refused one did not take the first one's lock away, and the first still works.
      expect(existsSync(lock)).toBe(true)
      await writeFiles(ws.inbox, { 'after.pdf': await textPdf(4301) })
      await first.waitFor(() => first.results.length === 1, 60_000)
    } finally {
      expect(await first.stop()).toBe(0)
    }
    expect(existsSync(path.join(ws.data, 'chartclerk.lock')), 'released on a clean stop').toBe(false)

    // Killed outright: the lock stays behind, and the next start takes it over (its pid is gone).
    const killed = startCli(ws)
    await killed.waitFor(() => killed.stderrLines.some((l) => l.includes('watching the inbox')), 60_000)
    killed.child.kill('SIGKILL')
    await new Promise((r) => killed.child.once('exit', r))
    expect(existsSync(path.join(ws.data, 'chartclerk.lock'))).toBe(true)
    const next = startCli(ws)
    try {
      await next.waitFor(() => next.stderrLines.some((l) => l.includes('watching the inbox')) || next.child.exitCode !== null, 60_000)
      expect(next.child.exitCode).toBeNull()
    } finally {
      expect(await next.stop()).toBe(0)
    }
  }, 240_000)
})
