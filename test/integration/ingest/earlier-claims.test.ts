/**
 * Claims left by an earlier version, whose workers read the work area: a job it queued without
 * the original's SHA-256 keeps its file in the work area and is read from there; a file it
 * claimed but never stored (a row marked claimed, no object) is stored and queued at the start,
 * never let go unstored. Both end as one document each, nothing left in the work area.
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { silentLogger } from '../../../src/log.js'
import { originalKey } from '../../../src/storage/objectStore.js'
import { textPdf } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, waitFor, type Workspace } from '../../helpers/workspace.js'
import { sha256 } from '../storage/helpers.js'

let ws: Workspace | undefined
let app: App | undefined

afterAll(async () => {
  await app?.close()
  await ws?.cleanup()
})

describe('claims an earlier version left', () => {
  it('GIVEN a job queued without its SHA-256 and a claimed file never stored WHEN chartclerk starts THEN the first is read from the work area, the second stored and queued, and both filed once', async () => {
    ws = makeWorkspace({ CHARTCLERK_QUEUE_POLL_MS: '200' })
    const config = ws.config()
    app = await openApp(config, { log: silentLogger() })
    await fs.mkdir(config.workDir, { recursive: true })
    const claim = async (name: string, seed: number) => {
      const id = randomUUID()
      const bytes = await textPdf(seed)
      const file = {
        mode: 'watch' as const,
        inboxPath: path.join(config.watch.inbox, name),
        workPath: path.join(config.workDir, id),
        originalName: name,
        sourceFolder: '',
        receivedAt: '2026-12-01T09:00:00.000Z',
      }
      app!.catalog.jobs.create({ id, ...file })
      await fs.writeFile(file.workPath, bytes)
      return { id, file, sha: sha256(bytes) }
    }
    // Queued by an earlier version: the job names the work file, no SHA-256.
    const queued = await claim('queued before.pdf', 41_001)
    await app.runner.queue.enqueue(queued.id, queued.file, { id: queued.id })
    // Claimed by an earlier version and marked so, never stored, not on this queue.
    const claimed = await claim('claimed before.pdf', 41_002)
    app.catalog.jobs.update(claimed.id, { state: 'claimed' })

    const results: IngestResult[] = []
    app.runner.on('result', (r: IngestResult) => results.push(r))
    await app.runner.recover()
    expect(existsSync(queued.file.workPath), 'the earlier job reads its file here: it stays').toBe(true)
    expect(existsSync(claimed.file.workPath), 'stored and queued: let go').toBe(false)
    expect((await app.store.stat(originalKey(claimed.sha)))?.size, 'stored before it was let go').toBeGreaterThan(0)
    app.runner.startPolling()
    await waitFor(
      () => results.length >= 2,
      60_000,
      () => JSON.stringify(results),
    )
    await app.runner.stop()
    expect(results.map((r) => [path.basename(r.file), r.status]).sort()).toEqual([
      ['claimed before.pdf', 'needs_review'],
      ['queued before.pdf', 'needs_review'],
    ])
    for (const { sha } of [queued, claimed]) {
      expect(app.catalog.db.prepare('SELECT id FROM documents WHERE sha256 = ?').all(sha)).toHaveLength(1)
      expect(await app.store.stat(originalKey(sha))).not.toBeNull()
    }
    expect(await listFiles(config.workDir)).toEqual([])
    expect(await listFiles(config.fetchDir)).toEqual([])
    expect(await listFiles(config.watch.inbox)).toEqual([])
  }, 120_000)
})
