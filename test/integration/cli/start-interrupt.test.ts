/**
 * Ctrl-C while `start` is still starting: it may already be reading files (the jobs an earlier run
 * left are taken up before the inbox watch begins), so the stop is the ordinary one, never the
 * process killed by the signal. Killed, a file it was reading would count as one that took the desk
 * down (quarantined as such at the second time).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeWorkspace, startCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
afterAll(async () => {
  await ws?.cleanup()
})

describe('Ctrl-C while start is starting', () => {
  it('GIVEN `start` that has begun but not yet watches the inbox WHEN it gets SIGINT THEN it stops the ordinary way (exit 0, its lock released), not killed by the signal', async () => {
    ws = makeWorkspace({ CHARTCLERK_LOG_LEVEL: 'debug' })
    const run = startCli(ws)
    // Its first log line: the command runs, the inbox watch has not begun.
    await run.waitFor(() => run.stderrLines.length > 0 || run.child.exitCode !== null, 60_000)
    expect(
      run.stderrLines.some((l) => l.includes('watching the inbox')),
      'still starting',
    ).toBe(false)
    run.child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => {
      if (run.child.exitCode !== null || run.child.signalCode !== null) resolve(run.child.exitCode)
      else run.child.once('exit', (c) => resolve(c))
    })
    expect(run.child.signalCode, run.stderrLines.slice(-5).join('\n')).toBeNull()
    expect(code).toBe(0)
    expect(existsSync(path.join(ws.data, 'chartclerk.lock')), 'released on a clean stop').toBe(false)
  }, 120_000)
})
