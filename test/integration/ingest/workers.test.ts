/**
 * Watchers and workers apart, twice: on the embedded set-up (SQLite catalog and queue, filesystem
 * store), and on the shared one (catalog.url on a real PostgreSQL server, so the pg-boss queue,
 * the documents there too, and the test RGW as the S3 store; the processes share one data
 * folder), with 40 files. A `start --no-workers` per site receives
 * its inbox, stores each original in the object store and queues it (two sites share the data
 * folder); `chartclerk worker` processes take the jobs and read the originals back from the store.
 * A watcher is killed with SIGKILL while storing a large original (and started again), a worker
 * while reading it back from the store and another during OCR; the workers still running take
 * their jobs back at once (at start, or while polling) (the lease is set far longer than the test,
 * so only that can finish them), and every file ends exactly once as a catalogued document, its
 * receipt naming the watcher's site: none lost, none filed twice, no partial object, nothing left
 * in the work area or the workers' folders, and `storage verify` and `audit verify` pass.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDeskCatalog } from '../../../src/catalog/db.js'
import { liveHolders } from '../../../src/ingest/dataLock.js'
import { createObjectStore } from '../../../src/storage/createStore.js'
import { hashObject, shaFromKey } from '../../../src/storage/hashObject.js'
import { s3Server, uniqueBucket } from '../s3Env.js'
import { freshDatabase, pgServer, type TestDatabase } from '../../support/pgEnv.js'
import { noisePng, scannedPng, textPdf, writeFiles } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, runCli, startCommand, waitFor, type RunningCli, type Workspace } from '../../helpers/workspace.js'

const s3 = await s3Server()
const pg = await pgServer()

interface SetUp {
  name: string
  available: boolean
  /** Letters in the first batch (40 files in all on the shared set-up, as the issue asks). */
  labs: number
  /** The job queue the processes must say they run on. */
  queue: 'sqlite' | 'postgres'
  env(): Promise<Record<string, string>>
}

let pgDb: TestDatabase | undefined
const SETUPS: SetUp[] = [
  { name: 'embedded (SQLite queue, filesystem store)', available: true, labs: 4, queue: 'sqlite', env: async () => ({}) },
  {
    name: 'shared (PostgreSQL catalog and pg-boss queue, S3 store on the test RGW)',
    available: !!s3 && !!pg,
    labs: 30,
    queue: 'postgres',
    env: async () => {
      pgDb = await freshDatabase(pg!)
      return {
        CHARTCLERK_CATALOG_URL: pgDb.url,
        CHARTCLERK_CATALOG_PASSWORD: pgDb.password ?? '',
        CHARTCLERK_STORAGE_BACKEND: 's3',
        CHARTCLERK_S3_ENDPOINT: s3!.endpoint,
        CHARTCLERK_S3_PORT: String(s3!.port),
        CHARTCLERK_S3_USE_SSL: String(s3!.useSSL),
        CHARTCLERK_S3_REGION: s3!.region,
        CHARTCLERK_S3_BUCKET: uniqueBucket('workers'),
        CHARTCLERK_S3_CREATE_BUCKET: 'true',
        CHARTCLERK_S3_ACCESS_KEY: s3!.accessKey,
        CHARTCLERK_S3_SECRET_KEY: s3!.secretKey,
      }
    },
  },
]

let ws: Workspace
let inputs: Record<string, string> = {}
const running: RunningCli[] = []

function logLines(run: RunningCli, from = 0): any[] {
  const out: any[] = []
  for (const line of run.stderrLines.slice(from)) {
    try {
      out.push(JSON.parse(line))
    } catch {
      // not a log line
    }
  }
  return out
}

function startWorker(): RunningCli {
  const w = startCommand(ws, ['worker'])
  running.push(w)
  return w
}

/** Kills, with SIGKILL, the first live worker whose log (from now on) shows `match`, the moment the line arrives; returns it. */
async function killWhen(workers: RunningCli[], match: (l: any) => boolean, label: string): Promise<RunningCli> {
  const live = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null)
  const from = new Map(live.map((w) => [w, w.stderrLines.length]))
  let hit: RunningCli | undefined
  const listeners = live.map((w) => {
    // After the helper's own listener: the line is in stderrLines already.
    const onData = () => {
      if (hit || !logLines(w, from.get(w)).some(match)) return
      hit = w
      w.child.kill('SIGKILL')
    }
    w.child.stderr!.on('data', onData)
    return () => w.child.stderr!.off('data', onData)
  })
  try {
    await waitFor(
      () => !!hit,
      180_000,
      () => `no worker reached the kill point: ${label}\n${live.map((w) => w.stderrLines.slice(-8).join('\n')).join('\n---\n')}`,
    )
  } finally {
    for (const off of listeners) off()
  }
  const killed = hit!
  if (killed.child.exitCode === null && killed.child.signalCode === null) await new Promise((r) => killed.child.once('exit', r))
  return killed
}

/** Every stored original read back whole (its bytes hash to its key), on whichever store is configured. */
async function assertNoPartialObjects(): Promise<number> {
  const store = await createObjectStore(ws.config())
  try {
    let n = 0
    for await (const o of store.list('originals/')) {
      expect((await hashObject(store, o.key)).sha256, `object ${o.key} is whole`).toBe(shaFromKey(o.key))
      n++
    }
    return n
  } finally {
    await store.close()
  }
}

/** Documents catalogued so far, read where the desk keeps them (the SQLite file, or PostgreSQL). */
let lastCatalogued = 0
async function catalogued(): Promise<number> {
  try {
    const c = await openDeskCatalog(ws.config().catalog)
    try {
      const by = await c.documents.countByStatus()
      return (lastCatalogued = (by.needs_review ?? 0) + (by.filed ?? 0))
    } finally {
      c.close()
    }
  } catch {
    return 0
  }
}

describe.each(SETUPS.filter((s) => s.available))('a watcher and workers in separate processes: $name', (setup) => {
  beforeAll(async () => {
    inputs = {}
    ws = makeWorkspace({
      CHARTCLERK_LOG_LEVEL: 'debug',
      CHARTCLERK_WATCH_STABILITY_MS: '100',
      CHARTCLERK_INGEST_CONCURRENCY: '1',
      CHARTCLERK_OCR_WORKERS: '1',
      // Longer than the whole test: a killed worker's job comes back only because it is known to be gone.
      CHARTCLERK_QUEUE_LEASE_SECONDS: '3600',
      CHARTCLERK_QUEUE_POLL_MS: '200',
      ...(await setup.env()),
    })
  })

  afterAll(async () => {
    for (const r of running.splice(0)) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL')
    await ws?.cleanup()
    await pgDb?.drop()
    pgDb = undefined
  })

  it('GIVEN two sites’ watchers and two workers WHEN a watcher is killed while storing, a worker while reading the original back and another during OCR THEN the one left finishes their jobs and every file ends exactly once, its receipt naming its site', async () => {
    const startNorth = () => {
      const w = startCommand(ws, ['start', '--no-workers', '--no-web'], { CHARTCLERK_SITE: 'North clinic' })
      running.push(w)
      return w
    }
    let watcher = startNorth()
    await watcher.waitFor(() => watcher.stderrLines.some((l) => l.includes('watching the inbox')))
    expect(existsSync(path.join(ws.data, 'chartclerk.north-clinic.lock')), 'the site’s own lock on the inbox').toBe(true)
    const workers = [startWorker(), startWorker()]
    await Promise.all(workers.map((w) => w.waitFor(() => w.stderrLines.some((l) => l.includes('working the queue')))))
    for (const p of [watcher, ...workers])
      expect(logLines(p).find((l) => l.msg === 'working the queue' || l.msg === 'watching the inbox')?.queue, 'the configured queue').toBe(
        setup.queue,
      )

    // First the large original (and some letters): the watcher is killed while it stores it, and
    // started again; a worker is killed while it reads it back from the store.
    const first: Record<string, Buffer> = { 'big-scan-with-photo.pdf': await textPdf(7000, { noiseImage: await noisePng() }) }
    for (let i = 0; i < setup.labs; i++) first[`lab-${i}.pdf`] = await textPdf(7001 + i)
    const fetching = killWhen(
      workers,
      (l) => l.msg === 'stage' && l.stage === 'fetch-original' && l.size > 3_000_000,
      'reading the large original back from the store',
    )
    Object.assign(inputs, await writeFiles(ws.inbox, first))
    await killWhen([watcher], (l) => l.msg === 'stage' && l.stage === 'store-original' && l.size > 3_000_000, 'storing the large original')
    watcher = startNorth()
    await watcher.waitFor(() => watcher.stderrLines.some((l) => l.includes('watching the inbox')))
    const storing = await fetching
    workers.push(startWorker())

    // A second site's watcher on the same data folder, started while the first site's jobs are
    // queued and running: its start-up recovery leaves them alone.
    const southInbox = path.join(ws.dir, 'inbox-south')
    const south = startCommand(ws, ['start', '--no-workers', '--no-web'], { CHARTCLERK_SITE: 'South clinic', CHARTCLERK_INBOX: southInbox })
    running.push(south)
    await south.waitFor(() => south.stderrLines.some((l) => l.includes('watching the inbox')))
    const fromSouth = await writeFiles(southInbox, { 'south-0.pdf': await textPdf(7200), 'fax/south-1.pdf': await textPdf(7201) })
    Object.assign(inputs, fromSouth)

    // Then scans to OCR: another worker is killed in the middle of reading one.
    const second: Record<string, Buffer> = {}
    for (let i = 0; i < 3; i++) second[`scans/consult-${i}.png`] = await scannedPng(7100 + i)
    for (let i = 0; i < 4; i++) second[`fax/lab-${100 + i}.pdf`] = await textPdf(7301 + i)
    Object.assign(inputs, await writeFiles(ws.inbox, second))
    const reading = await killWhen(workers, (l) => l.msg === 'stage' && l.stage === 'extract' && l.kind === 'png', 'OCR of a scan')
    expect(reading).not.toBe(storing)
    await assertNoPartialObjects()

    // The worker still running takes the killed workers' jobs back at once (no process starts to
    // recover them: it notices while it polls) and finishes everything.
    const alive = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null)
    expect(alive.length).toBe(1)
    await waitFor(
      async () => (await catalogued()) >= Object.keys(inputs).length,
      240_000,
      () => `catalogued ${lastCatalogued}`,
    )
    const takenBackBy = (ws: RunningCli[]) =>
      ws.flatMap((w) => logLines(w)).filter((l) => l.msg === 'job of a worker that went away taken back')
    const takenBack = takenBackBy(workers)
    expect(
      takenBackBy(alive).map((l) => l.stage),
      'the running worker took back the job of the worker killed during OCR',
    ).toContain('extract')
    expect(new Set(takenBack.map((l) => l.job)).size, 'both jobs of the killed workers were taken back').toBe(2)
    for (const l of takenBack)
      expect(l.counted, `down at ${l.stage}: counted against the file only while it was being read`).toBe(
        l.stage === 'inspect' || l.stage === 'extract',
      )
    for (const w of [watcher, south, ...alive]) expect(await w.stop(), 'a clean stop').toBe(0)
    expect(await liveHolders(ws.data), 'no lock held').toEqual([])
    expect(
      (await fs.readdir(ws.data)).filter((n) => n.endsWith('.lock')),
      'the killed workers’ locks tidied, the others given back',
    ).toEqual([])

    expect(await assertNoPartialObjects()).toBe(Object.keys(inputs).length)
    expect(await listFiles(ws.inbox)).toEqual([])
    expect(await listFiles(southInbox)).toEqual([])
    expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])
    expect(await listFiles(path.join(ws.data, 'fetched')), 'the killed workers’ copies tidied').toEqual([])
    expect(await listFiles(ws.quarantine)).toEqual([])
    const c = await openDeskCatalog(ws.config().catalog)
    try {
      for (const [name, sha] of Object.entries(inputs)) {
        const rows = await c.sql.db.selectFrom('documents').select(['id', 'status']).where('sha256', '=', sha).execute()
        expect(rows, `${name} catalogued once`).toHaveLength(1)
        const receipts = await c.documents.receipts(rows[0]!.id)
        expect(
          receipts.filter((r) => !r.isRepeat),
          `${name} received once`,
        ).toHaveLength(1)
        expect(receipts[0]!.site, 'the receipt names the site that received it').toBe(name in fromSouth ? 'South clinic' : 'North clinic')
        expect((await c.documents.pages(rows[0]!.id)).length, `${name} was read`).toBeGreaterThan(0)
      }
      const jobs = c.db.prepare('SELECT state, count(*) n FROM jobs GROUP BY state').all()
      expect(jobs, 'every job done, one per file').toEqual([{ state: 'done', n: Object.keys(inputs).length }])
    } finally {
      c.close()
    }
    const status = await runCli(ws, ['status', '--json'])
    expect(JSON.parse(status.stdout).queue, 'nothing left on the queue').toEqual({ queued: 0, running: 0, retry: 0, dead: 0, workers: [] })
    const storage = await runCli(ws, ['storage', 'verify'])
    expect(storage.code, storage.stdout + storage.stderr).toBe(0)
    const audit = await runCli(ws, ['audit', 'verify'])
    expect(audit.code, audit.stdout + audit.stderr).toBe(0)
  }, 600_000)
})
