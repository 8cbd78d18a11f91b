/**
 * Crash safety: `chartclerk start` is killed with SIGKILL at several moments
 * (while storing, during OCR, between stages). After each kill no object in
 * the store is partial; after the last restart every input ends exactly once
 * as a stored and catalogued document, and nothing is left behind.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { noisePng, scannedPng, textPdf, writeFiles } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, startCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let inputs: Record<string, string>

async function assertNoPartialObjects(ws: Workspace): Promise<number> {
  const dir = path.join(ws.data, 'objects', 'originals')
  const files = (await listFiles(dir)).filter((f) => !f.endsWith('.meta.json'))
  for (const f of files) {
    const sha = createHash('sha256')
      .update(await fs.readFile(f))
      .digest('hex')
    expect(sha, `object ${path.basename(f)} is whole`).toBe(path.basename(f))
  }
  return files.length
}

/** Every input is somewhere: inbox, work area, or stored. */
async function assertNothingLost(ws: Workspace): Promise<void> {
  const present = new Set<string>()
  for (const f of [...(await listFiles(ws.inbox)), ...(await listFiles(path.join(ws.data, 'work')))]) {
    if (f.endsWith('.partial')) continue
    present.add(
      createHash('sha256')
        .update(await fs.readFile(f))
        .digest('hex'),
    )
  }
  for (const f of await listFiles(path.join(ws.data, 'objects', 'originals'))) present.add(path.basename(f))
  for (const [name, sha] of Object.entries(inputs)) expect(present.has(sha), `${name} is still somewhere`).toBe(true)
}

beforeAll(async () => {
  // The kills here come from outside, on purpose: no file is poison, so none may be quarantined for crashing (see hostile-crash.test.ts).
  ws = makeWorkspace({
    CHARTCLERK_LOG_LEVEL: 'debug',
    CHARTCLERK_WATCH_STABILITY_MS: '100',
    CHARTCLERK_INGEST_CONCURRENCY: '2',
    CHARTCLERK_OCR_WORKERS: '1',
    CHARTCLERK_INGEST_MAX_CRASHES: '100',
  })
  const files: Record<string, Buffer> = {}
  for (let i = 0; i < 30; i++) files[`${i % 3 === 0 ? 'fax/' : ''}lab-${i}.pdf`] = await textPdf(i)
  for (let i = 0; i < 3; i++) files[`scans/consult-${i}.png`] = await scannedPng(i, i === 1 ? 1.5 : 0)
  files['big-scan-with-photo.pdf'] = await textPdf(999, { noiseImage: await noisePng() })
  inputs = await writeFiles(ws.inbox, files)
})

afterAll(async () => {
  await ws?.cleanup()
})

describe('crash safety under SIGKILL', () => {
  it('GIVEN 34 files WHEN killed while storing, during OCR and between stages THEN after restarts every file ends exactly once', async () => {
    const killPoints: { label: string; match: (l: any) => boolean }[] = [
      { label: 'while storing a large original', match: (l) => l.msg === 'stage' && l.stage === 'store-original' && l.size > 3_000_000 },
      { label: 'during OCR', match: (l) => l.msg === 'stage' && l.stage === 'extract' && l.kind === 'png' },
      { label: 'between record and extract', match: (l) => l.msg === 'stage' && l.stage === 'record' },
      { label: 'while indexing', match: (l) => l.msg === 'stage' && l.stage === 'index' },
      { label: 'just after a file was claimed', match: (l) => l.msg === 'stage' && l.stage === 'inspect' },
    ]
    for (const point of killPoints) {
      const run = startCli(ws)
      let seen = false
      await run.waitFor(() => {
        if (!seen) {
          for (const line of run.stderrLines) {
            try {
              if (point.match(JSON.parse(line))) seen = true
            } catch {
              // not a log line
            }
          }
        }
        return seen || run.child.exitCode !== null
      }, 90_000)
      run.child.kill('SIGKILL')
      await new Promise((r) => run.child.once('exit', r))
      expect(seen, `reached the kill point: ${point.label}`).toBe(true)
      await assertNoPartialObjects(ws)
      await assertNothingLost(ws)
    }

    // Last run: let it finish.
    const run = startCli(ws)
    const catalogPath = path.join(ws.data, 'catalog.sqlite')
    await run.waitFor(() => {
      try {
        const c = openCatalog(catalogPath)
        const n = (c.db.prepare("SELECT count(*) n FROM documents WHERE status IN ('needs_review','filed')").get() as { n: number }).n
        c.close()
        return n >= Object.keys(inputs).length
      } catch {
        return false
      }
    }, 150_000)
    expect(await run.stop()).toBe(0)

    const stored = await assertNoPartialObjects(ws)
    expect(stored).toBe(Object.keys(inputs).length)
    expect(await listFiles(ws.inbox)).toEqual([])
    expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])
    expect(await listFiles(ws.quarantine)).toEqual([])
    const c = openCatalog(catalogPath)
    try {
      for (const [name, sha] of Object.entries(inputs)) {
        const rows = c.db.prepare('SELECT id, status FROM documents WHERE sha256 = ?').all(sha) as { id: number; status: string }[]
        expect(rows, `${name} catalogued once`).toHaveLength(1)
        expect(rows[0]!.status).toBe('needs_review')
        const receipts = await c.documents.receipts(rows[0]!.id)
        expect(
          receipts.filter((r) => !r.isRepeat),
          `${name} has one first receipt`,
        ).toHaveLength(1)
        expect((await c.documents.pages(rows[0]!.id)).length).toBeGreaterThan(0)
      }
      const unfinished = c.jobs.unfinished()
      expect(unfinished).toEqual([])
    } finally {
      c.close()
    }
  }, 600_000)
})
