/**
 * The real `chartclerk start` (built CLI) with its originals in S3:
 *  - the samples are filed: every original is in the bucket under its SHA-256, with
 *    its metadata, under object lock retention, and hashes back to its key;
 *  - S3 goes away while files are being processed and comes back: the pipeline
 *    pauses, files stay in the inbox, nothing is lost or stored twice, and processing
 *    finishes without restarting chartclerk.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Client } from 'minio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { S3ObjectStore } from '../../../src/storage/s3Store.js'
import { textPdf, writeFiles } from '../../helpers/documents.js'
import { listFiles, makeWorkspace, SAMPLE_SCANS, startCli, waitFor, type Workspace } from '../../helpers/workspace.js'
import { startDedicatedRgw, type DedicatedRgw } from '../../support/rgw.js'
import { dedicatedRgwPossible, s3Server, s3Settings, uniqueBucket, type S3TestServer } from '../s3Env.js'

const s3 = await s3Server()

function s3Env(server: S3TestServer, bucket: string): Record<string, string> {
  return {
    CHARTCLERK_STORAGE_BACKEND: 's3',
    CHARTCLERK_S3_ENDPOINT: server.endpoint,
    CHARTCLERK_S3_PORT: String(server.port),
    CHARTCLERK_S3_USE_SSL: String(server.useSSL),
    CHARTCLERK_S3_REGION: server.region,
    CHARTCLERK_S3_BUCKET: bucket,
    CHARTCLERK_S3_CREATE_BUCKET: 'true',
    CHARTCLERK_S3_ACCESS_KEY: server.accessKey,
    CHARTCLERK_S3_SECRET_KEY: server.secretKey,
  }
}

const client = (s: S3TestServer) =>
  new Client({
    endPoint: s.endpoint,
    port: s.port,
    useSSL: s.useSSL,
    region: s.region,
    accessKey: s.accessKey,
    secretKey: s.secretKey,
    pathStyle: true,
  })

async function originalsIn(server: S3TestServer, bucket: string): Promise<string[]> {
  const keys: string[] = []
  for await (const o of client(server).listObjectsV2(bucket, 'originals/', true)) keys.push(o.name!)
  return keys.sort()
}

function catalogCounts(ws: Workspace): { done: number; documents: number } {
  try {
    const c = openCatalog(path.join(ws.data, 'catalog.sqlite'))
    try {
      const done = (c.db.prepare("SELECT count(*) n FROM documents WHERE status IN ('needs_review','filed')").get() as { n: number }).n
      const documents = (c.db.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n
      return { done, documents }
    } finally {
      c.close()
    }
  } catch {
    return { done: 0, documents: 0 }
  }
}

describe.skipIf(!s3)('chartclerk start with originals in S3', () => {
  let ws: Workspace
  afterAll(async () => {
    await ws?.cleanup()
  })

  it('GIVEN the samples in the inbox THEN each is filed with its original in the bucket: right key, metadata, retention, hash', async () => {
    const bucket = uniqueBucket('e2e')
    ws = makeWorkspace({ ...s3Env(s3!, bucket), CHARTCLERK_WATCH_STABILITY_MS: '200', CHARTCLERK_LOG_LEVEL: 'info' })
    // Object lock is a file setting (no environment variable for it).
    await fs.writeFile(
      path.join(ws.dir, 'chartclerk.config.json'),
      JSON.stringify({ storage: { s3: { objectLock: { mode: 'GOVERNANCE', days: 1 } } } }),
    )
    const names = (await fs.readdir(SAMPLE_SCANS)).filter((f) => /\.(pdf|png|tiff?|jpe?g)$/i.test(f)).sort()
    expect(names.length).toBeGreaterThanOrEqual(4)
    const inputs: Record<string, string> = {}
    await fs.mkdir(path.join(ws.inbox, 'fax'), { recursive: true })
    for (const [i, n] of names.entries()) {
      const buf = await fs.readFile(path.join(SAMPLE_SCANS, n))
      const rel = i === 0 ? path.join('fax', n) : n
      await fs.writeFile(path.join(ws.inbox, rel), buf)
      inputs[rel] = createHash('sha256').update(buf).digest('hex')
    }

    const run = startCli(ws)
    try {
      await run.waitFor(() => run.results.length >= names.length || run.child.exitCode !== null, 300_000)
    } finally {
      expect(await run.stop()).toBe(0)
    }
    for (const r of run.results) expect(r.status, r.file).toMatch(/^(filed|needs_review)$/)

    const shas = [...new Set(Object.values(inputs))].sort()
    expect(await originalsIn(s3!, bucket)).toEqual(shas.map((s) => `originals/${s}`))
    const store = new S3ObjectStore(s3Settings(s3!, bucket, { createBucket: false }))
    for (const [rel, sha] of Object.entries(inputs)) {
      const info = await store.stat(`originals/${sha}`)
      expect(info!.metadata['original-name'], rel).toBe(path.basename(rel))
      expect(info!.metadata['source-folder']).toBe(rel.startsWith('fax') ? 'fax' : '')
      expect(info!.metadata.sha256).toBe(sha)
      expect(info!.contentType).toMatch(/^(application\/pdf|image\/(png|tiff|jpeg))$/)
      const h = createHash('sha256')
      for await (const c of await store.getStream(`originals/${sha}`)) h.update(c as Buffer)
      expect(h.digest('hex'), `${rel} hashes back to its key`).toBe(sha)
      const ret = await client(s3!).getObjectRetention(bucket, `originals/${sha}`)
      expect(ret?.mode, `${rel} is under retention`).toBe('GOVERNANCE')
      await expect(store.delete(`originals/${sha}`)).rejects.toMatchObject({ code: 'STORAGE_OBJECT_LOCKED' })
    }
    // Derived artefacts sit beside them (text, the straightened scans the viewer and the
    // searchable PDF are made from), without retention; viewer images wait for a first view.
    const derived: string[] = []
    for await (const o of store.list('derived/')) derived.push(o.key)
    expect(derived.some((k) => k.endsWith('/text.json'))).toBe(true)
    expect(derived.some((k) => /\/scan-\d{4}\.jpg$/.test(k))).toBe(true)
    await store.close()
    expect(await listFiles(ws.inbox)).toEqual([])
    expect(await listFiles(ws.quarantine)).toEqual([])
  }, 400_000)
})

describe.skipIf(!s3 || !dedicatedRgwPossible())('chartclerk start while S3 goes away and comes back (dedicated RGW)', () => {
  let rgw: DedicatedRgw
  let ws: Workspace
  beforeAll(async () => {
    rgw = await startDedicatedRgw()
  })
  afterAll(async () => {
    await rgw?.stop()
    await ws?.cleanup()
  })

  it('GIVEN files arriving WHEN the S3 gateway stops mid-way and restarts THEN ingest pauses, files wait untouched, and every file ends stored once without restarting chartclerk', async () => {
    const bucket = uniqueBucket('outage')
    ws = makeWorkspace({
      ...s3Env(rgw, bucket),
      CHARTCLERK_WATCH_STABILITY_MS: '150',
      CHARTCLERK_WATCH_RESCAN_INTERVAL_MS: '1000',
      CHARTCLERK_LOG_LEVEL: 'info',
      CHARTCLERK_INGEST_CONCURRENCY: '2',
    })
    const first: Record<string, Buffer> = {}
    for (let i = 0; i < 8; i++) first[`before-${i}.pdf`] = await textPdf(7000 + i)
    const second: Record<string, Buffer> = {}
    for (let i = 0; i < 8; i++) second[`${i % 2 ? 'fax/' : ''}during-${i}.pdf`] = await textPdf(8000 + i)
    const inputs = { ...(await writeFiles(ws.inbox, first)) }

    const run = startCli(ws)
    try {
      await run.waitFor(() => catalogCounts(ws).done >= 3 || run.child.exitCode !== null, 120_000)
      await rgw.stopGateway()
      const during = await writeFiles(ws.inbox, second)
      Object.assign(inputs, during)

      // While S3 is away: chartclerk notices and pauses; the files wait untouched, in the inbox or
      // queued in the work area (received before the pause), none quarantined.
      await run.waitFor(() => run.stderrLines.some((l) => l.includes('ingest paused')) || run.child.exitCode !== null, 60_000)
      expect(run.child.exitCode).toBeNull()
      await new Promise((r) => setTimeout(r, 1500))
      expect(await listFiles(ws.quarantine)).toEqual([])
      const waiting = new Set<string>()
      for (const f of [...(await listFiles(ws.inbox)), ...(await listFiles(path.join(ws.data, 'work')))])
        if (!f.endsWith('.partial'))
          waiting.add(
            createHash('sha256')
              .update(await fs.readFile(f))
              .digest('hex'),
          )
      for (const [name, sha] of Object.entries(during)) expect(waiting.has(sha), `${name} waits, whole`).toBe(true)

      const released = run.results.filter((r) => r.status === 'released')
      expect(released.length, 'a file in progress met the outage and went back to the queue').toBeGreaterThan(0)
      for (const r of released) expect(r.error.code).toMatch(/^STORAGE_/)
      await rgw.startGateway()
      await run.waitFor(() => run.stderrLines.some((l) => l.includes('ingest resumed')), 60_000)
      await run.waitFor(() => catalogCounts(ws).done >= Object.keys(inputs).length || run.child.exitCode !== null, 180_000)
      await waitFor(async () => (await listFiles(ws.inbox)).length === 0, 30_000)
    } finally {
      expect(await run.stop()).toBe(0)
    }

    // Nothing lost, nothing twice: one catalog document and one object per input, every object whole.
    const shas = [...new Set(Object.values(inputs))].sort()
    expect(await originalsIn(rgw, bucket)).toEqual(shas.map((s) => `originals/${s}`))
    const store = new S3ObjectStore(s3Settings(rgw, bucket, { createBucket: false }))
    for (const sha of shas) {
      const h = createHash('sha256')
      for await (const c of await store.getStream(`originals/${sha}`)) h.update(c as Buffer)
      expect(h.digest('hex')).toBe(sha)
    }
    await store.close()
    const c = openCatalog(path.join(ws.data, 'catalog.sqlite'))
    try {
      for (const [name, sha] of Object.entries(inputs)) {
        const rows = c.db.prepare('SELECT id, status FROM documents WHERE sha256 = ?').all(sha) as { id: number; status: string }[]
        expect(rows, `${name} catalogued once`).toHaveLength(1)
        expect(rows[0]!.status).toMatch(/^(filed|needs_review)$/)
        expect((await c.documents.receipts(rows[0]!.id)).filter((r) => !r.isRepeat).length, `${name} has exactly one first receipt`).toBe(1)
      }
      expect(c.jobs.unfinished()).toEqual([])
    } finally {
      c.close()
    }
    expect(await listFiles(ws.quarantine)).toEqual([])
    expect(await listFiles(path.join(ws.data, 'work'))).toEqual([])
  }, 400_000)
})
