/**
 * A full disk is an outage, not a bad file (issue 12, finding 11): with the data folder
 * on a small tmpfs that is filled up, a good file that arrives is not quarantined; ingest
 * pauses and says so, `status` shows the store as down (disk full), and once space is
 * freed the file is filed within seconds (the five-minute rescan is not what brings it
 * back). Needs permission to mount a tmpfs (root); skipped where that is not allowed.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { textPdf, writeFiles } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, runCli, startCli, type Workspace } from '../../helpers/workspace.js'

function canMountTmpfs(): boolean {
  const probe = mkdtempSync(path.join(os.tmpdir(), 'cc-mount-probe-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' })
    execFileSync('umount', [probe], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    rmSync(probe, { recursive: true, force: true })
  }
}

/** Writes until the disk refuses; returns the bytes written. */
async function fill(file: string): Promise<number> {
  const chunk = Buffer.alloc(256 * 1024, 7)
  const h = await fs.open(file, 'w')
  let n = 0
  try {
    for (;;) {
      try {
        await h.write(chunk)
        n += chunk.length
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
        break
      }
    }
  } finally {
    await h.close().catch(() => {})
  }
  // The last pages too.
  for (let size = 16 * 1024; size >= 512; size >>= 1) await fs.appendFile(file, Buffer.alloc(size)).catch(() => {})
  return n
}

const mountable = canMountTmpfs()

describe.skipIf(!mountable)('disk full under chartclerk start (tmpfs data folder)', () => {
  let ws: Workspace
  let vol = ''
  afterAll(async () => {
    if (vol) execFileSync('umount', ['-l', vol], { stdio: 'ignore' })
    await ws?.cleanup()
  })

  it('GIVEN the data disk full WHEN a good file arrives THEN it waits in the inbox (not quarantined), ingest pauses and says so; WHEN space is freed THEN it is filed within seconds', async () => {
    ws = makeWorkspace({
      CHARTCLERK_WATCH_STABILITY_MS: '200',
      CHARTCLERK_WATCH_RESCAN_INTERVAL_MS: '300000',
      CHARTCLERK_LOG_LEVEL: 'info',
    })
    vol = path.join(ws.dir, 'vol')
    mkdirSync(vol)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', vol])
    const inbox = path.join(vol, 'inbox')
    const quarantine = path.join(vol, 'quarantine')
    Object.assign(ws.env, { CHARTCLERK_DATA: path.join(vol, 'data'), CHARTCLERK_INBOX: inbox, CHARTCLERK_QUARANTINE: quarantine })
    await writeFiles(inbox, { 'first.pdf': await textPdf(4501) })
    await writeFiles(path.join(vol, 'staging'), { 'second.pdf': await textPdf(4502) })

    const run = startCli(ws)
    try {
      await run.waitFor(() => run.results.length === 1 || run.child.exitCode !== null, 60_000)
      expect(run.results[0].status).toMatch(/^(filed|needs_review)$/)
      const filler = path.join(vol, 'filler')
      expect(await fill(filler)).toBeGreaterThan(10 * 1024 * 1024)
      // Arrives on the full disk (a rename: it needs no room itself).
      await fs.rename(path.join(vol, 'staging', 'second.pdf'), path.join(inbox, 'second.pdf'))
      await run.waitFor(() => run.stderrLines.some((l) => l.includes('disk full: ingest paused')) || run.child.exitCode !== null, 30_000)
      await new Promise((r) => setTimeout(r, 2000))
      expect(run.child.exitCode).toBeNull()
      expect(await listFiles(quarantine)).toEqual([])
      expect(await listFiles(inbox)).toEqual([path.join(inbox, 'second.pdf')])
      for (const r of run.results.slice(1)) expect(r.status === 'released' && r.error.code, JSON.stringify(r.error)).toBe('STORAGE_FULL')
      const status = await runCli(ws, ['--json', 'status'])
      expect(status.code).toBe(1)
      expect(JSON.parse(status.stdout).storage).toMatchObject({ reachable: false, detail: 'disk full' })

      await fs.rm(filler)
      const freedAt = Date.now()
      await run.waitFor(
        () =>
          run.results.some((r) => r.status === 'filed' || (r.status === 'needs_review' && r !== run.results[0])) ||
          run.child.exitCode !== null,
        60_000,
      )
      expect(Date.now() - freedAt, 'resumed by the space check, not the five-minute rescan').toBeLessThan(30_000)
      expect(run.stderrLines.some((l) => l.includes('ingest resumed'))).toBe(true)
      expect(await listFiles(inbox)).toEqual([])
      expect(await listFiles(quarantine)).toEqual([])
    } finally {
      expect(await run.stop()).toBe(0)
    }
  }, 180_000)
})
