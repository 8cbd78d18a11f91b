/**
 * Contract of the job queue (src/queue/): the same tests on the embedded queue (the catalog's
 * job rows in a SQLite file, two connections to it standing for two processes) and on pg-boss
 * on the test PostgreSQL server (two queue instances, each with its own pools). Leases of a
 * second or two and a backoff base of one second keep the waits short and real.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { PgBossJobQueue } from '../../../src/queue/pgboss.js'
import { SqliteJobQueue } from '../../../src/queue/sqlite.js'
import { quarantineDeadJob } from '../../../src/queue/deadLetter.js'
import { openJobQueue } from '../../../src/queue/open.js'
import { LEASE_EXPIRED, type ClaimedJob, type JobQueue, type QueuedFile, type QueueSettings } from '../../../src/queue/types.js'
import { freshDatabase, pgServer, type TestDatabase } from '../../support/pgEnv.js'

interface QueueEngine {
  name: 'sqlite' | 'postgres'
  /** Two handles on one new queue (two processes' worth): what one enqueues, the other sees. */
  open(settings: Partial<QueueSettings>): Promise<[JobQueue, JobQueue]>
  closeAll(): Promise<void>
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cc-queue-'))
let n = 0

const sqlite: QueueEngine = (() => {
  const catalogs: Catalog[] = []
  return {
    name: 'sqlite',
    async open(settings) {
      const file = path.join(tmp, `catalog-${++n}.sqlite`)
      const a = openCatalog(file)
      const b = openCatalog(file)
      catalogs.push(a, b)
      return [new SqliteJobQueue(a.db, settings), new SqliteJobQueue(b.db, settings)]
    },
    async closeAll() {
      for (const c of catalogs.splice(0)) c.close()
    },
  }
})()

function postgres(db: () => TestDatabase): QueueEngine {
  const queues: JobQueue[] = []
  return {
    name: 'postgres',
    async open(settings) {
      // A new queue name per test: pg-boss keeps one partition per queue.
      const o = { url: db().url, password: db().password, queue: `ingest-${++n}`, superviseSeconds: 60 }
      const a = await PgBossJobQueue.open(o, settings)
      const b = await PgBossJobQueue.open(o, settings)
      queues.push(a, b)
      return [a, b]
    },
    async closeAll() {
      for (const q of queues.splice(0)) await q.close()
    },
  }
}

const server = await pgServer()
let pgDb: TestDatabase | undefined
const engines: QueueEngine[] = [sqlite, ...(server ? [postgres(() => pgDb!)] : [])]

beforeAll(async () => {
  if (server) pgDb = await freshDatabase(server)
})
afterAll(async () => {
  await pgDb?.drop()
  rmSync(tmp, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function fileFor(name: string, workDir = path.join(tmp, 'work')): QueuedFile {
  return {
    mode: 'watch',
    inboxPath: path.join(tmp, 'inbox', name),
    workPath: path.join(workDir, name),
    originalName: name,
    sourceFolder: 'fax',
    receivedAt: '2026-03-02T09:15:00.000Z',
    site: 'north',
  }
}

/** Claims until a job comes (a retry's backoff or a lease's expiry may have to pass first). */
async function claimWithin(q: JobQueue, worker: string, ms: number): Promise<ClaimedJob> {
  const until = Date.now() + ms
  for (;;) {
    const job = await q.claim(worker)
    if (job) return job
    if (Date.now() > until) throw new Error(`no job for ${worker} within ${ms} ms`)
    await sleep(150)
  }
}

const FAILURE = {
  code: 'STORAGE_UNAVAILABLE',
  message: 'The object store did not answer. The file waits and is tried again.',
  stage: 'store',
}

describe.each(engines)('the job queue on $name', (engine) => {
  afterEach(async () => engine.closeAll())

  it('enqueues a file once per key, even when two desks enqueue it at the same moment', async () => {
    const [a, b] = await engine.open({})
    const first = await a.enqueue('receipt-1', fileFor('referral.pdf'))
    expect(first.created).toBe(true)
    const again = await b.enqueue('receipt-1', fileFor('referral.pdf'))
    expect(again).toEqual({ id: first.id, created: false })
    const racing = await Promise.all([a, b, a, b, a, b].map((q) => q.enqueue('receipt-2', fileFor('labs.pdf'))))
    expect(racing.filter((r) => r.created)).toHaveLength(1)
    expect(new Set(racing.map((r) => r.id)).size).toBe(1)
    expect((await a.counts()).queued).toBe(2)
    const view = await b.get(first.id)
    expect(view).toMatchObject({ key: 'receipt-1', state: 'queued', attempts: 0, worker: null, file: fileFor('referral.pdf') })
  })

  it('two claimers never get the same job', async () => {
    const [a, b] = await engine.open({})
    const keys = Array.from({ length: 24 }, (_, i) => `k${i}`)
    for (const k of keys) await a.enqueue(k, fileFor(`${k}.pdf`))
    const taken: { worker: string; key: string }[] = []
    const worker = async (q: JobQueue, name: string) => {
      for (let job = await q.claim(name); job; job = await q.claim(name)) taken.push({ worker: name, key: job.key })
    }
    await Promise.all([worker(a, 'w1'), worker(b, 'w2'), worker(a, 'w3'), worker(b, 'w4')])
    expect(taken.map((t) => t.key).sort()).toEqual([...keys].sort())
    expect(new Set(taken.map((t) => t.worker)).size).toBeGreaterThan(1)
    expect((await a.inProgress()).map((j) => j.key).sort()).toEqual([...keys].sort())
  })

  it('runs the highest priority first, then in the order enqueued', async () => {
    const [a] = await engine.open({})
    for (const k of ['a', 'b', 'c']) await a.enqueue(k, fileFor(`${k}.pdf`))
    await a.enqueue('urgent', fileFor('urgent.pdf'), { priority: 5 })
    await a.enqueue('d', fileFor('d.pdf'))
    const order: string[] = []
    for (let job = await a.claim('w'); job; job = await a.claim('w')) order.push(job.key)
    expect(order).toEqual(['urgent', 'a', 'b', 'c', 'd'])
  })

  it('a lease kept alive by heartbeats holds; one that ran out is taken over, and the first worker can no longer end it', async () => {
    const [a, b] = await engine.open({ leaseSeconds: 1, retryDelaySeconds: 1, maxAttempts: 3 })
    const { id } = await a.enqueue('scan-7', fileFor('scan-7.tif'))
    const held = (await a.claim('site-a'))!
    expect(held).toMatchObject({ id, key: 'scan-7', attempt: 1, worker: 'site-a' })
    expect(held.leaseUntil.getTime()).toBeGreaterThan(Date.now())
    // Beating every 400 ms for 2.4 s: twice the lease, never taken back.
    for (let i = 0; i < 6; i++) {
      await sleep(400)
      expect(await a.heartbeat(held)).toBe(true)
      expect(await b.claim('site-b')).toBeNull()
    }
    expect(await b.reclaimExpired()).toBe(0)
    expect((await b.inProgress()).map((j) => [j.key, j.worker])).toEqual([['scan-7', 'site-a']])

    // The first worker goes silent (killed): the lease runs out and the other worker takes the job.
    await sleep(1300)
    const taken = await claimWithin(b, 'site-b', 8000)
    expect(taken).toMatchObject({ id, attempt: 2, worker: 'site-b' })
    expect(await b.get(id)).toMatchObject({ state: 'running', worker: 'site-b', attempts: 2 })
    expect(await a.heartbeat(held)).toBe(false)
    expect(await a.complete(held)).toBe(false)
    expect(await a.fail(held, FAILURE)).toEqual({ outcome: 'lost' })
    expect(await b.get(id)).toMatchObject({ state: 'running', worker: 'site-b' })
    expect(await b.complete(taken)).toBe(true)
    expect(await a.get(id)).toMatchObject({ state: 'completed', attempts: 2 })
    expect(await a.inProgress()).toEqual([])
  })

  it('a released job (storage away) runs again after its delay without the run counting; a stale token cannot release it', async () => {
    const [a, b] = await engine.open({ maxAttempts: 2, retryDelaySeconds: 1 })
    const { id } = await a.enqueue('outage-1', fileFor('outage-1.pdf'))
    for (let i = 0; i < 3; i++) {
      const job = await claimWithin(b, 'w', 8000)
      expect(job.attempt, 'a release is not a failed run').toBe(1)
      expect(await b.release(job, 800)).toBe(true)
      expect(await b.release(job, 0), 'the lease went with the release').toBe(false)
      expect(await a.claim('other'), 'not before its delay').toBeNull()
      expect(await a.get(id)).toMatchObject({ state: 'retry', attempts: 0 })
    }
    const last = await claimWithin(a, 'w', 8000)
    expect(await a.complete(last)).toBe(true)
    expect(await b.get(id)).toMatchObject({ state: 'completed', attempts: 1 })
  })

  it('takes back at once the job of a worker known to be gone: uncounted, or counted towards the dead-letter list', async () => {
    const [a, b] = await engine.open({ maxAttempts: 2, retryDelaySeconds: 1 })
    const { id } = await a.enqueue('gone-1', fileFor('gone-1.pdf'))
    await a.claim('dead-worker')
    expect(await b.takeBack(id, null)).toMatchObject({ outcome: 'retry' })
    expect(await b.takeBack(id, null), 'not running any more').toBeNull()
    const again = await claimWithin(b, 'w2', 8000)
    expect(again.attempt).toBe(1)
    expect(await a.takeBack(id, { ...LEASE_EXPIRED, stage: 'extract' })).toMatchObject({ outcome: 'retry' })
    const third = await claimWithin(b, 'w3', 1000)
    expect(third.attempt).toBe(2)
    expect(await a.takeBack(id, { ...LEASE_EXPIRED, stage: 'extract' })).toEqual({ outcome: 'dead' })
    expect(await a.get(id)).toMatchObject({ state: 'dead', lastFailure: { message: LEASE_EXPIRED.message, stage: 'extract' } })
  })

  it('a failed run is retried after a backoff that grows', async () => {
    const [a, b] = await engine.open({ retryDelaySeconds: 1, maxAttempts: 3 })
    const { id } = await a.enqueue('fax-3', fileFor('fax-3.pdf'))
    const first = (await a.claim('w1'))!
    const t1 = Date.now()
    const r1 = await a.fail(first, FAILURE)
    expect(r1.outcome).toBe('retry')
    const wait1 = (r1 as { runAfter: Date }).runAfter.getTime() - t1
    expect(wait1).toBeGreaterThanOrEqual(800)
    expect(wait1).toBeLessThanOrEqual(2300)
    expect(await b.claim('w2')).toBeNull()
    expect(await b.get(id)).toMatchObject({ state: 'retry', attempts: 1, lastFailure: FAILURE })

    const second = await claimWithin(b, 'w2', 5000)
    expect(Date.now() - t1).toBeGreaterThanOrEqual(wait1 - 300)
    expect(second).toMatchObject({ id, attempt: 2 })
    const t2 = Date.now()
    const r2 = await b.fail(second, FAILURE)
    const wait2 = (r2 as { runAfter: Date }).runAfter.getTime() - t2
    expect(r2.outcome).toBe('retry')
    expect(wait2).toBeGreaterThanOrEqual(1800)
    expect(wait2).toBeLessThanOrEqual(4300)
    const third = await claimWithin(a, 'w1', 7000)
    expect(third.attempt).toBe(3)
    expect(await a.complete(third)).toBe(true)
    expect(await b.get(id)).toMatchObject({ state: 'completed', attempts: 3 })
  })

  it('names the stored originals its jobs carry until they end: queued, running, waiting, dead and not yet set aside', async () => {
    const [a, b] = await engine.open({ retryDelaySeconds: 1, maxAttempts: 1 })
    const sha = (c: string) => c.repeat(64)
    await a.enqueue('o-1', { ...fileFor('one.pdf'), sha256: sha('1'), size: 10 })
    await a.enqueue('o-2', { ...fileFor('two.pdf'), sha256: sha('2'), size: 20 })
    await a.enqueue('o-3', { ...fileFor('three.pdf'), sha256: sha('3'), size: 30 })
    await a.enqueue('o-legacy', fileFor('earlier version.pdf'))
    expect((await b.originals()).sort()).toEqual([sha('1'), sha('2'), sha('3')])
    const claimed = new Map<string, ClaimedJob>()
    for (let i = 0; i < 4; i++) {
      const j = (await b.claim('w'))!
      claimed.set(j.key, j)
    }
    expect(claimed.get('o-2')!.file).toMatchObject({ sha256: sha('2'), size: 20 })
    expect(await b.complete(claimed.get('o-1')!)).toBe(true)
    expect(await b.fail(claimed.get('o-2')!, FAILURE)).toEqual({ outcome: 'dead' })
    expect((await a.originals()).sort(), 'running and dead ones, not the completed one').toEqual([sha('2'), sha('3')])
    expect(await a.drainDeadLetters(async () => {})).toBe(1)
    expect(await a.originals(), 'the dead one set aside').toEqual([sha('3')])
  })

  it('after the last attempt the job is dead-lettered and its file set aside in quarantine with its note', async () => {
    const [a, b] = await engine.open({ retryDelaySeconds: 1, maxAttempts: 2 })
    const workDir = mkdtempSync(path.join(tmp, 'work-'))
    const quarantineDir = path.join(workDir, 'quarantine')
    const file = fileFor('discharge summary.pdf', workDir)
    writeFileSync(file.workPath, '%PDF-1.4 made-up discharge summary')
    const { id } = await a.enqueue('dl-1', file)
    expect((await a.fail((await a.claim('w'))!, FAILURE)).outcome).toBe('retry')
    const last = await claimWithin(b, 'w', 5000)
    expect(last.attempt).toBe(2)
    const badPdf = { code: 'PDF_CORRUPT', message: 'This PDF is damaged. Ask the sender for a new copy.', stage: 'inspect' }
    expect(await b.fail(last, badPdf)).toEqual({ outcome: 'dead' })
    expect(await a.get(id)).toMatchObject({ state: 'dead', attempts: 2, lastFailure: badPdf })
    expect(await a.claim('w')).toBeNull()

    const set: string[] = []
    expect(await a.drainDeadLetters(async (job) => void set.push(await quarantineDeadJob(job, quarantineDir)))).toBe(1)
    expect(await b.drainDeadLetters(async () => expect.fail('set aside twice'))).toBe(0)
    expect(set).toEqual([path.join(quarantineDir, 'discharge summary.pdf')])
    expect(existsSync(file.workPath)).toBe(false)
    expect(readFileSync(set[0]!, 'utf8')).toContain('made-up discharge summary')
    const note = JSON.parse(readFileSync(`${set[0]}.error.json`, 'utf8'))
    expect(note).toMatchObject({
      code: 'PDF_CORRUPT',
      stage: 'inspect',
      message: badPdf.message,
      file: 'discharge summary.pdf',
      sourceFolder: 'fax',
      jobId: id,
    })
    expect(await b.get(id)).toMatchObject({ state: 'quarantined' })
    expect(await b.counts()).toMatchObject({ quarantined: 1, dead: 0, queued: 0, running: 0 })
  })

  it('a job whose workers keep going away is dead-lettered as one that took the desk down', async () => {
    const [a, b] = await engine.open({ leaseSeconds: 1, retryDelaySeconds: 1, maxAttempts: 2 })
    const workDir = mkdtempSync(path.join(tmp, 'work-'))
    const file = fileFor('poison.tif', workDir)
    writeFileSync(file.workPath, 'II*\u0000 made-up damaged scan')
    const { id } = await a.enqueue('poison', file)
    await a.claim('w1') // killed: never heard from again
    await sleep(1200)
    const second = await claimWithin(b, 'w2', 8000)
    expect(second.attempt).toBe(2) // killed again
    await sleep(1200)
    expect(await a.reclaimExpired()).toBe(1)
    expect(await a.get(id)).toMatchObject({ state: 'dead', attempts: 2, lastFailure: { code: 'FILE_CRASHED_DESK' } })
    let target = ''
    expect(await b.drainDeadLetters(async (job) => void (target = await quarantineDeadJob(job, path.join(workDir, 'q'))))).toBe(1)
    const note = JSON.parse(readFileSync(`${target}.error.json`, 'utf8'))
    expect(note.code).toBe('FILE_CRASHED_DESK')
    expect(note.message).toMatch(/stopped 2 times while working on this file/)
    expect(existsSync(target)).toBe(true)
  })

  it('a dead job whose setting aside failed stays on the list', async () => {
    const [a] = await engine.open({ retryDelaySeconds: 1, maxAttempts: 1 })
    const { id } = await a.enqueue('gone', fileFor('gone.pdf', path.join(tmp, 'nowhere')))
    expect(await a.fail((await a.claim('w'))!, FAILURE)).toEqual({ outcome: 'dead' })
    const q = path.join(tmp, 'q-gone')
    expect(await a.drainDeadLetters((job) => quarantineDeadJob(job, q).then(() => {}))).toBe(0)
    expect(await a.get(id)).toMatchObject({ state: 'dead' })
    expect(existsSync(q)).toBe(false)
  })
})

describe('the configured job queue', () => {
  it('is the embedded one without catalog.url, and pg-boss on the catalog server with it', async () => {
    const catalog = openCatalog(':memory:')
    try {
      const embedded = await openJobQueue({}, catalog.db, { maxAttempts: 4 })
      expect(embedded.engine).toBe('sqlite')
      expect(embedded.settings.maxAttempts).toBe(4)
      if (!server) return
      const shared = await openJobQueue({ url: pgDb!.url, password: pgDb!.password }, catalog.db)
      try {
        expect(shared.engine).toBe('postgres')
        const { id } = await shared.enqueue('configured', fileFor('configured.pdf'))
        expect(await shared.get(id)).toMatchObject({ state: 'queued', key: 'configured' })
      } finally {
        await shared.close()
      }
    } finally {
      catalog.close()
    }
  })
})
