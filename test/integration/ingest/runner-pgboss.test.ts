/**
 * The ingest runner is written against the JobQueue interface, not an engine: here a receiving
 * runner (a watcher) and a working runner (a worker), each opened as `start --no-workers` and
 * `worker` open theirs (the configured queue: pg-boss, because catalog.url names a real PostgreSQL
 * server), share a pg-boss queue, each with its own connection as two processes would. The worker
 * has its own data folder (embedded file, work area, folders), as on another machine: what it
 * reads comes from the object store, what it records goes to the PostgreSQL catalog. Every good file is
 * filed once; an empty file is set aside by the watcher with its note (nothing stored); pg-boss
 * shows every job completed, none running.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../../src/app.js'
import { silentLogger } from '../../../src/log.js'
import type { IngestResult } from '../../../src/ingest/runner.js'
import { textPdf, writeFiles } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, waitFor, type Workspace } from '../../helpers/workspace.js'
import { freshDatabase, pgServer, type TestDatabase } from '../../support/pgEnv.js'

const server = await pgServer()
let ws: Workspace | undefined
let db: TestDatabase | undefined
const apps: App[] = []

afterAll(async () => {
  for (const a of apps) await a.close()
  await db?.drop()
  await ws?.cleanup()
})

describe.skipIf(!server)('the ingest runner on pg-boss', () => {
  it('GIVEN a watcher runner and a worker runner on the configured pg-boss queue WHEN files are offered THEN the worker reads them from the store and files each once; the watcher sets the empty one aside', async () => {
    db = await freshDatabase(server!)
    ws = makeWorkspace({
      CHARTCLERK_QUEUE_POLL_MS: '200',
      CHARTCLERK_QUEUE_LEASE_SECONDS: '30',
      CHARTCLERK_QUEUE_MAX_ATTEMPTS: '2',
      CHARTCLERK_QUEUE_RETRY_DELAY_SECONDS: '1',
    })
    const base = ws.config()
    const config = { ...base, catalog: { ...base.catalog, url: db.url, password: db.password } }
    // The worker as on another machine: its own embedded file, work area and folder for what it reads.
    const workerConfig = {
      ...config,
      workDir: path.join(ws.dir, 'worker', 'work'),
      fetchDir: path.join(ws.dir, 'worker', 'fetched'),
      catalog: { ...config.catalog, path: path.join(ws.dir, 'worker-data', 'catalog.sqlite') },
    }
    const watcher = await openApp(config, { log: silentLogger(), work: false, queue: 'configured' })
    apps.push(watcher)
    const worker = await openApp(workerConfig, { log: silentLogger(), queue: 'configured' })
    apps.push(worker)
    expect([watcher.runner.queue.engine, worker.runner.queue.engine], 'catalog.url: the queue is pg-boss').toEqual(['postgres', 'postgres'])
    await watcher.runner.recover()
    await worker.runner.recover({ receive: false })
    worker.runner.startPolling()
    const results: IngestResult[] = []
    const refused: IngestResult[] = []
    worker.runner.on('result', (r: IngestResult) => results.push(r))
    watcher.runner.on('result', (r: IngestResult) => refused.push(r))

    const good: Record<string, Buffer> = {}
    for (let i = 0; i < 4; i++) good[`lab-${i}.pdf`] = await textPdf(9100 + i)
    const shas = await writeFiles(ws.inbox, { ...good, 'empty.pdf': Buffer.alloc(0) })
    for (const f of await listFiles(ws.inbox)) expect(watcher.runner.offer(f)).toBe(true)
    await watcher.runner.idle()
    expect(await listFiles(ws.inbox), 'all received').toEqual([])
    expect(await listFiles(path.join(ws.data, 'work')), 'stored and queued: the watcher’s copies let go').toEqual([])
    for (const name of Object.keys(good))
      expect((await watcher.store.stat(`originals/${shas[name]}`))?.size, `${name} stored by the watcher`).toBe(good[name]!.length)
    expect(
      refused.map((r) => [path.basename(r.file), r.error?.code]),
      'the watcher reads nothing itself; it sets the empty file aside',
    ).toEqual([['empty.pdf', 'FILE_EMPTY']])
    const note = JSON.parse(await readFile(path.join(ws.quarantine, 'empty.pdf.error.json'), 'utf8'))
    expect(note.code).toBe('FILE_EMPTY')

    await waitFor(
      () => results.length >= 4,
      60_000,
      () => JSON.stringify(results.map((r) => r.status)),
    )
    await worker.runner.stop()
    const byName = new Map(results.map((r) => [path.basename(r.file), r]))
    for (const name of Object.keys(good)) {
      expect(byName.get(name)?.status, name).toBe('needs_review')
      // In the PostgreSQL catalog, where every desk reads them (not in either process's SQLite file).
      const docs = await worker.sql.db.selectFrom('documents').select('id').where('sha256', '=', shas[name]!).execute()
      expect(docs, `${name} catalogued once`).toHaveLength(1)
    }
    for (const app of [watcher, worker])
      expect(app.catalog.db.prepare('SELECT count(*) FROM documents').pluck().get(), 'nothing in the embedded files').toBe(0)
    expect(await listFiles(path.join(ws.dir, 'worker')), 'the worker’s copies removed').toEqual([])

    const counts = await worker.runner.queue.counts()
    expect(counts).toMatchObject({ queued: 0, retry: 0, running: 0, dead: 0 })
    expect(counts.completed, 'every job ended on the queue').toBe(4)
    expect(await watcher.runner.queue.inProgress()).toEqual([])
  }, 180_000)
})
