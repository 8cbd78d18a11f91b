/**
 * Nothing is taken from outside the inbox by any path (issue 12, finding 1): a link to
 * the data folder's stored originals, a linked folder deeper down, a linked file, and a
 * folder swapped for a link while chartclerk was looking. Links themselves go to
 * quarantine as links; what they point at stays where it is, and `storage verify` stays clean.
 */
import { createHash } from 'node:crypto'
import { lstatSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import { textPdf, writeFiles } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, runCli, startCli, waitFor, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace | null = null
afterEach(async () => {
  await ws?.cleanup()
  ws = null
})

/** name -> sha256 of every file under dir (links not followed). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const f of await listFiles(dir))
    out[path.relative(dir, f)] = createHash('sha256')
      .update(await fs.readFile(f))
      .digest('hex')
  return out
}

describe('links in the inbox', () => {
  it('GIVEN a link to objects/originals, a linked folder in a subfolder and a linked file WHEN start runs through start-up scan, events and rescans THEN only the links move (to quarantine) and storage verify is clean', async () => {
    ws = makeWorkspace({ CHARTCLERK_WATCH_STABILITY_MS: '200', CHARTCLERK_WATCH_RESCAN_INTERVAL_MS: '1000' })
    // One stored original, put there by a one-shot ingest.
    await writeFiles(ws.dir, { 'first.pdf': await textPdf(4101) })
    const first = await runCli(ws, ['ingest', path.join(ws.dir, 'first.pdf')])
    expect(first.code, first.stderr).toBe(0)
    const originals = path.join(ws.data, 'objects', 'originals')
    const storedBefore = await snapshot(originals)
    expect(Object.keys(storedBefore).length).toBeGreaterThanOrEqual(2) // object + its metadata

    const outside = path.join(ws.dir, 'elsewhere')
    await writeFiles(outside, { 'secret.pdf': await textPdf(4102), 'deeper/other.pdf': await textPdf(4103) })
    const outsideBefore = await snapshot(outside)
    await fs.mkdir(path.join(ws.inbox, 'fax'), { recursive: true })
    await fs.symlink(originals, path.join(ws.inbox, 'originals-link'))
    await fs.symlink(outside, path.join(ws.inbox, 'fax', 'linked-folder'))
    await fs.symlink(path.join(outside, 'secret.pdf'), path.join(ws.inbox, 'linked-file.pdf'))
    await writeFiles(ws.inbox, { 'good.pdf': await textPdf(4104) })

    const run = startCli(ws)
    try {
      await run.waitFor(() => run.results.length >= 4 || run.child.exitCode !== null, 60_000)
      // A link made while running, found by events and the rescan.
      await fs.symlink(outside, path.join(ws.inbox, 'late-link'))
      await run.waitFor(() => run.results.length >= 5 || run.child.exitCode !== null, 30_000)
      await new Promise((r) => setTimeout(r, 2500)) // two more rescans
    } finally {
      expect(await run.stop()).toBe(0)
    }
    const codes = run.results.map((r) => r.error?.code ?? r.status).sort()
    expect(codes).toEqual(['FILE_SYMLINK', 'FILE_SYMLINK', 'FILE_SYMLINK', 'FILE_SYMLINK', 'needs_review'])

    // Every original stored before is still there, whole (good.pdf added its own).
    expect(await snapshot(originals), 'stored originals untouched').toMatchObject(storedBefore)
    expect(await snapshot(outside), 'files behind the links untouched').toEqual(outsideBefore)
    const quarantined = (await fs.readdir(ws.quarantine)).filter((n) => !n.endsWith('.error.json'))
    expect(quarantined.sort()).toEqual(['late-link', 'linked-file.pdf', 'linked-folder', 'originals-link'])
    for (const q of quarantined) expect(lstatSync(path.join(ws.quarantine, q)).isSymbolicLink(), `${q} quarantined as a link`).toBe(true)
    expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])

    const verify = await runCli(ws, ['storage', 'verify'])
    expect(verify.code, verify.stdout + verify.stderr).toBe(0)
  }, 180_000)

  it('GIVEN a folder swapped for a link after the file in it was seen WHEN the runner claims it THEN the file behind the link is left alone', async () => {
    ws = makeWorkspace()
    const app = await openApp(ws.config(), { log: silentLogger() })
    try {
      await app.runner.recover() // as start does: makes the work area
      const outside = path.join(ws.dir, 'elsewhere')
      await writeFiles(outside, { 'a.pdf': await textPdf(4201) })
      await fs.mkdir(ws.inbox, { recursive: true })
      await writeFiles(ws.inbox, { 'batch/a.pdf': await textPdf(4202) })
      const seen = path.join(ws.inbox, 'batch', 'a.pdf')
      // Between the watcher's look and the claim, the folder becomes a link (the size and time
      // offered are what a look through the link gives, so only the link check can stop it).
      await fs.rename(path.join(ws.inbox, 'batch'), path.join(ws.dir, 'batch-moved'))
      await fs.symlink(outside, path.join(ws.inbox, 'batch'))
      const observed = await fs.lstat(seen)
      const results: unknown[] = []
      app.runner.on('result', (r) => results.push(r))
      expect(app.runner.offer(seen, { size: observed.size, mtimeMs: observed.mtimeMs })).toBe(true)
      await app.runner.idle()
      await waitFor(() => app.runner.snapshot().inProgress === 0, 5000)
      expect(results).toEqual([])
      expect(await listFiles(outside)).toEqual([path.join(outside, 'a.pdf')])
      expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])
      expect((await app.catalog.documents.countByStatus()).needs_review ?? 0).toBe(0)
      expect(app.catalog.jobs.countByState()).toEqual({})
    } finally {
      await app.close()
    }
  })
})
