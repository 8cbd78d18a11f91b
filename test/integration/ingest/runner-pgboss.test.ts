/**
 * The ingest runner is written against the JobQueue interface, not an engine: here a receiving
 * runner (a watcher) and a working runner (a worker) share a pg-boss queue on a real PostgreSQL
 * server, each with its own connection as two processes would. Every good file is filed once;
 * an empty file is quarantined with its note; pg-boss shows every job completed, none running.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import { PgBossJobQueue } from '../../../src/queue/pgboss.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { textPdf, writeFiles } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, waitFor, type Workspace } from '../../helpers/workspace.js'
import { freshDatabase, pgServer, type TestDatabase } from '../../support/pgEnv.js'

const server = await pgServer()
let ws: Workspace | undefined
let db: TestDatabase | undefined
const apps: App[] = []
const queues: PgBossJobQueue[] = []

afterAll(async () => {
  for (const a of apps) await a.close()
  for (const q of queues) await q.close()
  await db?.drop()
  await ws?.cleanup()
})

describe.skipIf(!server)('the ingest runner on pg-boss', () => {
  it('GIVEN a watcher runner and a worker runner on one pg-boss queue WHEN files are offered THEN the worker files each once and quarantines the empty one', async () => {
    db = await freshDatabase(server!)
    ws = makeWorkspace({ CHARTCLERK_QUEUE_POLL_MS: '200' })
    const config = ws.config()
    const open = async () => {
      const q = await PgBossJobQueue.open(
        { url: db!.url, password: db!.password, superviseSeconds: 60 },
        { leaseSeconds: 30, maxAttempts: 2, retryDelaySeconds: 1 },
      )
      queues.push(q)
      return q
    }
    const watcher = await openApp(config, { log: silentLogger(), work: false, queue: await open() })
    apps.push(watcher)
    const worker = await openApp(config, { log: silentLogger(), queue: await open() })
    apps.push(worker)
    await watcher.runner.recover()
    await worker.runner.recover({ receive: false })
    worker.runner.startPolling()
    const results: IngestResult[] = []
    worker.runner.on('result', (r: IngestResult) => results.push(r))

    const good: Record<string, Buffer> = {}
    for (let i = 0; i < 4; i++) good[`lab-${i}.pdf`] = await textPdf(9100 + i)
    const shas = await writeFiles(ws.inbox, { ...good, 'empty.pdf': Buffer.alloc(0) })
    for (const f of await listFiles(ws.inbox)) expect(watcher.runner.offer(f)).toBe(true)
    await watcher.runner.idle()
    expect(await listFiles(ws.inbox), 'all received').toEqual([])
    expect(results, 'the watcher reads nothing itself').toEqual([])

    await waitFor(
      () => results.length >= 5,
      60_000,
      () => JSON.stringify(results.map((r) => r.status)),
    )
    await worker.runner.stop()
    const byName = new Map(results.map((r) => [path.basename(r.file), r]))
    for (const name of Object.keys(good)) {
      expect(byName.get(name)?.status, name).toBe('needs_review')
      const docs = worker.catalog.db.prepare('SELECT id FROM documents WHERE sha256 = ?').all(shas[name]!)
      expect(docs, `${name} catalogued once`).toHaveLength(1)
    }
    expect(byName.get('empty.pdf')).toMatchObject({ status: 'failed', error: { code: 'FILE_EMPTY' } })
    const note = JSON.parse(await readFile(path.join(ws.quarantine, 'empty.pdf.error.json'), 'utf8'))
    expect(note.code).toBe('FILE_EMPTY')
    expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])

    const counts = await queues[1]!.counts()
    expect(counts).toMatchObject({ queued: 0, retry: 0, running: 0, dead: 0 })
    expect(counts.completed + counts.quarantined, 'every job ended on the queue').toBe(5)
    expect(await queues[0]!.inProgress()).toEqual([])
  }, 180_000)
})
