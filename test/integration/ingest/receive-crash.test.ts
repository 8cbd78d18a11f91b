/**
 * Receiving through the object store, crashed at each step: `chartclerk start` is killed (the
 * test-only CHARTCLERK_TEST_CRASH_AT hook, a SIGKILL) just before the watcher stores a file's
 * original, just after it is stored (not yet queued), just after its job is queued (the claimed
 * copy not yet let go), and then as a worker reads it back from the store. After every kill the
 * file is in the inbox or the work area, or stored and queued; after the last start it is one
 * document, nothing is left in the work area or in the workers' folders, and the same file
 * dropped again is a repeat receipt, not a second document.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { textPdf, writeFiles } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, runCli, startCli, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let sha = ''

beforeAll(async () => {
  ws = makeWorkspace({ CHARTCLERK_WATCH_STABILITY_MS: '100', CHARTCLERK_LOG_LEVEL: 'info', CHARTCLERK_QUEUE_POLL_MS: '200' })
  sha = (await writeFiles(ws.inbox, { 'referral.pdf': await textPdf(31_337) }))['referral.pdf']!
})

afterAll(async () => {
  await ws?.cleanup()
})

async function shasIn(dir: string): Promise<Set<string>> {
  const out = new Set<string>()
  for (const f of await listFiles(dir)) {
    if (f.endsWith('.partial')) continue
    out.add(
      createHash('sha256')
        .update(await fs.readFile(f))
        .digest('hex'),
    )
  }
  return out
}

function jobRows(): { state: string; job_key: string | null; payload: string | null }[] {
  const c = openCatalog(path.join(ws.data, 'catalog.sqlite'))
  try {
    return c.db.prepare('SELECT state, job_key, payload FROM jobs ORDER BY created_at').all() as any[]
  } finally {
    c.close()
  }
}

describe('receiving through the object store, crashed at each step', () => {
  it('GIVEN a file WHEN start is killed before the store, after it, after the enqueue and while a worker reads it back THEN it is never lost and ends as one document', async () => {
    const stored = () => existsSync(path.join(ws.data, 'objects', 'originals', sha))
    const crashes: { at: string; then: () => Promise<void> }[] = [
      {
        at: 'store-original',
        then: async () => {
          expect(stored(), 'not stored yet').toBe(false)
          expect((await shasIn(ws.inbox)).has(sha) || (await shasIn(path.join(ws.data, 'work'))).has(sha), 'in the inbox or claimed').toBe(
            true,
          )
        },
      },
      {
        at: 'stored',
        then: async () => {
          expect(stored()).toBe(true)
          expect((await shasIn(path.join(ws.data, 'work'))).has(sha), 'the claimed copy kept until queued').toBe(true)
          expect(
            jobRows().filter((r) => r.job_key),
            'not queued yet',
          ).toEqual([])
        },
      },
      {
        at: 'queued',
        then: async () => {
          expect(stored()).toBe(true)
          const queued = jobRows().filter((r) => r.job_key)
          expect(queued).toHaveLength(1)
          expect(JSON.parse(queued[0]!.payload!).sha256, 'the job carries the stored original').toBe(sha)
        },
      },
      {
        at: 'fetch-original',
        then: async () => {
          expect(await listFiles(path.join(ws.data, 'work')), 'the claimed copy let go at the start before').toEqual([])
        },
      },
    ]
    for (const crash of crashes) {
      const run = startCli(ws, [], { CHARTCLERK_TEST_CRASH_AT: `${crash.at}:referral.pdf` })
      await run.waitFor(() => run.child.exitCode !== null || run.child.signalCode !== null, 120_000)
      expect(run.child.signalCode, `killed at ${crash.at}`).toBe('SIGKILL')
      await crash.then()
    }

    const run = startCli(ws)
    await run.waitFor(() => run.results.some((r) => r.status === 'needs_review' || r.status === 'filed'), 120_000)
    // The same file again: a repeat receipt on the same document.
    await writeFiles(ws.inbox, { 'referral again.pdf': await textPdf(31_337) })
    await run.waitFor(() => run.results.some((r) => r.status === 'duplicate'), 120_000)
    expect(await run.stop()).toBe(0)

    expect(await listFiles(ws.inbox)).toEqual([])
    expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])
    expect(await listFiles(path.join(ws.data, 'fetched')), 'the killed worker’s copy tidied').toEqual([])
    expect(await listFiles(ws.quarantine)).toEqual([])
    const c = openCatalog(path.join(ws.data, 'catalog.sqlite'))
    try {
      const docs = c.db.prepare('SELECT id FROM documents WHERE sha256 = ?').all(sha) as { id: number }[]
      expect(docs, 'one document').toHaveLength(1)
      const receipts = await c.documents.receipts(docs[0]!.id)
      expect(receipts.map((r) => r.isRepeat).sort()).toEqual([false, true])
      expect(c.db.prepare('SELECT state, count(*) n FROM jobs GROUP BY state').all()).toEqual([{ state: 'done', n: 2 }])
    } finally {
      c.close()
    }
    const storage = await runCli(ws, ['storage', 'verify'])
    expect(storage.code, storage.stdout + storage.stderr).toBe(0)
  }, 600_000)
})
