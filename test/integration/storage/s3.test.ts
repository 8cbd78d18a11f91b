/**
 * What only the S3 backend has: object lock, versioning, buckets, multipart,
 * credentials, outages. Against a real S3 server (Ceph RGW or CHARTCLERK_TEST_S3_*).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { inspect } from 'node:util'
import { Client } from 'minio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChartclerkError } from '../../../src/errors.js'
import { loadConfig } from '../../../src/config/config.js'
import { createArchiveStore, createObjectStore } from '../../../src/storage/createStore.js'
import { FilesystemObjectStore } from '../../../src/storage/fsStore.js'
import { PrefixedObjectStore } from '../../../src/storage/prefixedStore.js'
import { originalKey } from '../../../src/storage/objectStore.js'
import { S3ObjectStore } from '../../../src/storage/s3Store.js'
import { migrateStore } from '../../../src/storage/migrateStore.js'
import { putVerified, verifiedMove } from '../../../src/storage/verified.js'
import { verifyStore } from '../../../src/storage/verifyStore.js'
import { startDedicatedRgw, type DedicatedRgw } from '../../support/rgw.js'
import { dedicatedRgwPossible, s3Server, s3Settings, uniqueBucket, type S3TestServer } from '../s3Env.js'
import { CountingPuts, listKeys, scanBytes, sha256 } from './helpers.js'

const s3 = await s3Server()
const FAST_RETRY = { attempts: 2, baseDelayMs: 20, maxDelayMs: 50 }

function rawClient(server: S3TestServer): Client {
  return new Client({
    endPoint: server.endpoint,
    port: server.port,
    useSSL: server.useSSL,
    region: server.region,
    accessKey: server.accessKey,
    secretKey: server.secretKey,
    pathStyle: true,
  })
}

describe.skipIf(!s3)('S3 store on a real server', () => {
  const server = s3!
  let tmp: string
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'cc-s3-'))
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  describe('object lock and versioning', () => {
    let locked: S3ObjectStore
    beforeAll(async () => {
      locked = new S3ObjectStore(s3Settings(server, uniqueBucket('lock'), { objectLock: { mode: 'GOVERNANCE', days: 1 } }), {
        retry: FAST_RETRY,
      })
      await locked.init()
    })
    afterAll(() => locked.close())

    it('GIVEN a bucket created with object lock THEN health reports versioning enabled and object lock on', async () => {
      const h = await locked.health()
      expect(h).toMatchObject({ reachable: true, versioning: 'enabled', objectLock: true })
    })

    it('GIVEN a plain bucket THEN health reports versioning off and no object lock', async () => {
      const plain = new S3ObjectStore(s3Settings(server, uniqueBucket('plain')), { retry: FAST_RETRY })
      await plain.init()
      expect(await plain.health()).toMatchObject({ reachable: true, versioning: 'off', objectLock: false })
      await plain.close()
    })

    it('GIVEN an original written with retain WHEN deleted before its retention date THEN STORAGE_OBJECT_LOCKED and it is still there', async () => {
      const bytes = scanBytes(40_000, 1)
      const sha = sha256(bytes)
      await putVerified(locked, originalKey(sha), { buffer: bytes }, sha, { retain: true, metadata: { 'original-name': 'Befund.pdf' } })
      const ret = await rawClient(server).getObjectRetention(locked.bucket, originalKey(sha))
      expect(ret?.mode).toBe('GOVERNANCE')
      const until = new Date(String(ret?.retainUntilDate)).getTime()
      expect(until).toBeGreaterThan(Date.now() + 23 * 3600_000)
      expect(until).toBeLessThan(Date.now() + 25 * 3600_000)

      const err = await locked.delete(originalKey(sha)).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ChartclerkError)
      expect(err).toMatchObject({ code: 'STORAGE_OBJECT_LOCKED', transient: false })
      expect((err as ChartclerkError).action).toMatch(/retention/)
      expect(sha256(await locked.get(originalKey(sha)))).toBe(sha)
      expect((await locked.stat(originalKey(sha)))!.metadata['original-name']).toBe('Befund.pdf')
    })

    it('GIVEN an object written without retain (derived) THEN it can be deleted, every version of it', async () => {
      await locked.put('derived/1/page-1.png', { buffer: Buffer.from('v1') })
      await locked.put('derived/1/page-1.png', { buffer: Buffer.from('v2') })
      await locked.delete('derived/1/page-1.png')
      expect(await locked.stat('derived/1/page-1.png')).toBeNull()
      const versions: unknown[] = []
      for await (const v of rawClient(server).listObjects(locked.bucket, 'derived/1/', true, { IncludeVersion: true })) versions.push(v)
      expect(versions).toEqual([])
    })

    it('GIVEN storage.s3.objectLock WHEN the existing bucket has no object lock THEN start-up fails naming the setting', async () => {
      const bucket = uniqueBucket('nolock')
      const plain = new S3ObjectStore(s3Settings(server, bucket), { retry: FAST_RETRY })
      await plain.init()
      const wantsLock = new S3ObjectStore(
        s3Settings(server, bucket, { createBucket: false, objectLock: { mode: 'COMPLIANCE', days: 7 } }),
        { retry: FAST_RETRY },
      )
      await expect(wantsLock.init()).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        action: expect.stringMatching(/storage\.s3\.objectLock/),
      })
      await plain.close()
      await wantsLock.close()
    })
  })

  describe('bucket at start-up', () => {
    it('GIVEN createBucket false and no bucket THEN init fails with STORAGE_BUCKET_MISSING naming the bucket and the fix', async () => {
      const bucket = uniqueBucket('missing')
      const store = new S3ObjectStore(s3Settings(server, bucket, { createBucket: false }), { retry: FAST_RETRY })
      const err = await store.init().catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'STORAGE_BUCKET_MISSING', transient: false })
      expect((err as ChartclerkError).action).toContain(bucket)
      expect((err as ChartclerkError).action).toMatch(/createBucket/)
      expect(await store.health()).toMatchObject({ reachable: false, detail: 'STORAGE_BUCKET_MISSING' })
      await store.close()
    })

    it('GIVEN createBucket true THEN init creates the bucket once, and a second start finds it', async () => {
      const bucket = uniqueBucket('create')
      const a = new S3ObjectStore(s3Settings(server, bucket, { createBucket: true }), { retry: FAST_RETRY })
      await a.init()
      expect(await rawClient(server).bucketExists(bucket)).toBe(true)
      const b = new S3ObjectStore(s3Settings(server, bucket, { createBucket: false }), { retry: FAST_RETRY })
      await b.init()
      await Promise.all([a.close(), b.close()])
    })
  })

  describe('multipart', () => {
    it('GIVEN an object larger than partSizeMb THEN it goes up in parts and comes back whole with its metadata, no upload left open', async () => {
      const store = new S3ObjectStore(s3Settings(server, uniqueBucket('multi'), { partSizeMb: 5 }), { retry: FAST_RETRY })
      await store.init()
      const bytes = scanBytes(11 * 1024 * 1024 + 123, 2)
      const sha = sha256(bytes)
      const file = path.join(tmp, 'big.tiff')
      await writeFile(file, bytes)
      const r = await putVerified(store, originalKey(sha), file, sha, {
        contentType: 'image/tiff',
        metadata: { 'original-name': 'Röntgen großes Bild.tiff' },
      })
      expect(r.size).toBe(bytes.length)
      const st = await rawClient(server).statObject(store.bucket, originalKey(sha))
      expect(st.etag).toMatch(/-3$/) // three parts: 5 + 5 + 1 MiB
      expect((await store.stat(originalKey(sha)))!.metadata['original-name']).toBe('Röntgen großes Bild.tiff')
      await store.put('derived/big/from-buffer', { buffer: bytes })
      expect(sha256(await store.get('derived/big/from-buffer'))).toBe(sha)
      const open: unknown[] = []
      for await (const u of rawClient(server).listIncompleteUploads(store.bucket, '', true)) open.push(u)
      expect(open).toEqual([])
      await store.close()
    })
  })

  describe('credentials', () => {
    it('GIVEN a wrong secret key THEN STORAGE_ACCESS_DENIED, and neither key appears in any message, the health description or the store itself', async () => {
      const secretKey = `${server.secretKey}WRONG`
      const store = new S3ObjectStore(s3Settings(server, uniqueBucket('creds'), { secretKey }), { retry: FAST_RETRY })
      const err = (await store.init().catch((e: unknown) => e)) as ChartclerkError
      expect(err).toMatchObject({ code: 'STORAGE_ACCESS_DENIED', transient: false })
      expect(err.action).toMatch(/CHARTCLERK_S3_ACCESS_KEY/)
      const health = await store.health()
      expect(health.reachable).toBe(false)
      const texts = [
        err.message,
        err.action,
        JSON.stringify(err),
        inspect(err, { depth: 10 }),
        String(err.cause),
        health.description,
        JSON.stringify(health),
        inspect(store, { depth: 10 }),
        store.description,
      ]
      for (const t of texts) {
        expect(t).not.toContain(secretKey)
        expect(t).not.toContain(server.accessKey)
      }
      await store.close()
    })

    it('GIVEN an unknown access key THEN STORAGE_ACCESS_DENIED without the key in the error', async () => {
      const accessKey = 'nosuchkeyatall1234'
      const store = new S3ObjectStore(s3Settings(server, uniqueBucket('creds'), { accessKey }), { retry: FAST_RETRY })
      const err = (await store.get('derived/x').catch((e: unknown) => e)) as ChartclerkError
      expect(err.code).toBe('STORAGE_ACCESS_DENIED')
      expect(inspect(err, { depth: 10 })).not.toContain(accessKey)
      expect(JSON.stringify(err)).not.toContain(accessKey)
      await store.close()
    })
  })

  describe('outages', () => {
    it('GIVEN nothing listening on the port THEN STORAGE_UNAVAILABLE, transient, after the bounded retries', async () => {
      const dead = await new Promise<number>((resolve) => {
        const srv = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (srv.address() as net.AddressInfo).port
          srv.close(() => resolve(p))
        })
      })
      let retries = 0
      const store = new S3ObjectStore(s3Settings(server, 'deadbucket', { port: dead }), {
        retry: { ...FAST_RETRY, attempts: 3, onRetry: () => retries++ },
      })
      const err = (await store.put('derived/x', { buffer: Buffer.from('x') }).catch((e: unknown) => e)) as ChartclerkError
      expect(err).toMatchObject({ code: 'STORAGE_UNAVAILABLE', transient: true })
      expect(err.action).toMatch(/tries again by itself/)
      expect(retries).toBe(2)
      expect(await store.health()).toMatchObject({ reachable: false, detail: 'STORAGE_UNAVAILABLE' })
      await store.close()
    })

    it('GIVEN a server that accepts connections but never answers THEN the request times out as STORAGE_UNAVAILABLE, transient', async () => {
      const sockets: net.Socket[] = []
      const hang = net.createServer((s) => void sockets.push(s))
      const port = await new Promise<number>((resolve) =>
        hang.listen(0, '127.0.0.1', () => resolve((hang.address() as net.AddressInfo).port)),
      )
      const store = new S3ObjectStore(s3Settings(server, 'hangbucket', { port }), { retry: { attempts: 1 }, requestTimeoutMs: 300 })
      const t0 = Date.now()
      await expect(store.stat('derived/x')).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', transient: true })
      expect(Date.now() - t0).toBeLessThan(5000)
      await store.close()
      for (const s of sockets) s.destroy()
      hang.close()
    })
  })

  describe.skipIf(!dedicatedRgwPossible())('gateway stopped and started again (dedicated RGW)', () => {
    let rgw: DedicatedRgw
    beforeAll(async () => {
      rgw = await startDedicatedRgw()
    })
    afterAll(async () => {
      await rgw?.stop()
    })

    it('GIVEN the gateway goes down THEN calls fail as STORAGE_UNAVAILABLE; WHEN it comes back during a put THEN the same store finishes the put by retrying', async () => {
      const store = new S3ObjectStore(s3Settings(rgw, uniqueBucket('outage')), { retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 50 } })
      await store.init()
      const before = scanBytes(10_000, 3)
      await putVerified(store, originalKey(sha256(before)), { buffer: before }, sha256(before))

      await rgw.stopGateway()
      const err = (await store.get(originalKey(sha256(before))).catch((e: unknown) => e)) as ChartclerkError
      expect(err).toMatchObject({ code: 'STORAGE_UNAVAILABLE', transient: true })
      expect(await store.health()).toMatchObject({ reachable: false })

      // A patient store: retries long enough to outlast a short outage.
      const patient = new S3ObjectStore(s3Settings(rgw, store.bucket, { createBucket: false }), {
        retry: { attempts: 40, baseDelayMs: 100, maxDelayMs: 250 },
      })
      const during = scanBytes(20_000, 4)
      const put = putVerified(patient, originalKey(sha256(during)), { buffer: during }, sha256(during))
      await new Promise((r) => setTimeout(r, 700))
      await rgw.startGateway()
      await put
      expect(sha256(await store.get(originalKey(sha256(during))))).toBe(sha256(during))
      expect(sha256(await store.get(originalKey(sha256(before))))).toBe(sha256(before))
      expect(await store.health()).toMatchObject({ reachable: true })
      await Promise.all([store.close(), patient.close()])
    })
  })

  describe('archive location', () => {
    const configFor = (archive: Record<string, unknown>, bucket: string) =>
      loadConfig({
        cwd: tmp,
        env: { CHARTCLERK_S3_ACCESS_KEY: server.accessKey, CHARTCLERK_S3_SECRET_KEY: server.secretKey },
        overrides: {
          storage: {
            backend: 's3',
            s3: { endpoint: server.endpoint, port: server.port, useSSL: server.useSSL, region: server.region, bucket, createBucket: true },
            archive,
          },
        },
      })

    it('GIVEN storage.archive.bucket THEN originals move to that second bucket, proven, and leave the first', async () => {
      const config = configFor({ bucket: uniqueBucket('arch') }, uniqueBucket('main'))
      const main = await createObjectStore(config)
      const archive = await createArchiveStore(config, main)
      expect(archive).toBeInstanceOf(S3ObjectStore)
      await Promise.all([main.init(), archive.init()])
      const bytes = scanBytes(30_000, 40)
      const sha = sha256(bytes)
      await putVerified(main, originalKey(sha), { buffer: bytes }, sha, { metadata: { 'original-name': 'Akte alt.pdf' } })
      await verifiedMove(main, originalKey(sha), archive, originalKey(sha))
      expect(await main.stat(originalKey(sha))).toBeNull()
      expect(await archive.stat(originalKey(sha))).toMatchObject({ size: bytes.length, metadata: { 'original-name': 'Akte alt.pdf' } })
      expect((await archive.health()).description).toContain(config.storage.archive.bucket!)
      // ... and back again (reversible).
      await verifiedMove(archive, originalKey(sha), main, originalKey(sha))
      expect(sha256(await main.get(originalKey(sha)))).toBe(sha)
      await Promise.all([main.close(), archive.close()])
    })

    it('GIVEN no archive bucket THEN the archive is the archive/ prefix of the same bucket', async () => {
      const config = configFor({}, uniqueBucket('main'))
      const main = await createObjectStore(config)
      await main.init()
      const archive = await createArchiveStore(config, main)
      expect(archive).toBeInstanceOf(PrefixedObjectStore)
      await archive.put('originals/x', { buffer: Buffer.from('x') })
      expect(await listKeys(main, '')).toEqual(['archive/originals/x'])
      expect(await listKeys(archive, '')).toEqual(['originals/x'])
      await main.close()
    })
  })

  describe('verifyStore', () => {
    it('GIVEN a deleted, a corrupted, an orphaned and a never-stored original THEN each is reported in its list', async () => {
      const store = new S3ObjectStore(s3Settings(server, uniqueBucket('verify')), { retry: FAST_RETRY })
      await store.init()
      const docs = [0, 1, 2, 3].map((i) => scanBytes(20_000 + i, 100 + i))
      for (const d of docs) await putVerified(store, originalKey(sha256(d)), { buffer: d }, sha256(d))
      const orphan = scanBytes(5000, 200)
      await store.put(originalKey(sha256(orphan)), { buffer: orphan })
      await store.put('originals/not-a-hash', { buffer: Buffer.from('?') })
      await store.put('derived/1/text.json', { buffer: Buffer.from('{}') }) // not an original: ignored
      const raw = rawClient(server)
      await raw.removeObject(store.bucket, originalKey(sha256(docs[1]!)))
      const corrupted = Buffer.from(docs[2]!)
      corrupted[100]! ^= 1
      await raw.putObject(store.bucket, originalKey(sha256(docs[2]!)), corrupted)
      const neverStored = sha256('never stored')

      const progress: number[] = []
      const report = await verifyStore(store, [...docs.map((d) => ({ sha256: sha256(d) })), { sha256: neverStored }], (p) =>
        progress.push(p.done),
      )
      expect(report.checked).toBe(5)
      expect(progress).toEqual([1, 2, 3, 4, 5])
      expect(report.missing).toEqual([originalKey(sha256(docs[1]!)), originalKey(neverStored)].sort())
      expect(report.corrupt).toEqual([{ key: originalKey(sha256(docs[2]!)), expected: sha256(docs[2]!), actual: sha256(corrupted) }])
      expect(report.orphans).toEqual([originalKey(sha256(orphan)), 'originals/not-a-hash'].sort())
      expect(report.ok).toBe(false)

      const clean = await verifyStore(
        store,
        (async function* () {
          for (const d of [docs[0]!, docs[3]!]) yield { sha256: sha256(d) }
        })(),
      )
      expect(clean.missing).toEqual([])
      await store.close()
    })
  })

  describe('migrateStore filesystem -> S3', () => {
    it('GIVEN a migration interrupted right after a write THEN a second run finishes it: every object arrives once, verified, with its metadata', async () => {
      const fsDir = path.join(tmp, 'fs-source')
      const source = new FilesystemObjectStore(fsDir)
      await source.init()
      const originals = Array.from({ length: 9 }, (_, i) => scanBytes(30_000 + i * 1000, 300 + i))
      for (const [i, d] of originals.entries()) {
        await source.put(
          originalKey(sha256(d)),
          { buffer: d },
          {
            contentType: 'application/pdf',
            metadata: { 'original-name': `Brief ${i} – Ärztin.pdf`, 'received-at': '2024-05-01T10:00:00Z' },
          },
        )
      }
      await source.put('derived/1/text.json', { buffer: Buffer.from('{"pages":1}') }, { contentType: 'application/json' })
      await source.put('derived/1/page-1.png', { buffer: scanBytes(9000, 400) }, { contentType: 'image/png' })
      const keys = await listKeys(source, '')
      expect(keys).toHaveLength(11)

      const dest = new S3ObjectStore(s3Settings(server, uniqueBucket('migrate')), { retry: FAST_RETRY })
      await dest.init()
      const progressFile = path.join(tmp, 'migrate.progress.jsonl')

      // First run: the destination "goes away" right after its 4th write landed.
      const first = new CountingPuts(dest, 4)
      await expect(migrateStore(source, first, { progressFile, concurrency: 1 })).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
      expect(first.total).toBe(4)

      // Second run: resumes.
      const second = new CountingPuts(dest)
      const seen: string[] = []
      const result = await migrateStore(source, second, { progressFile, concurrency: 2, onProgress: (p) => seen.push(p.outcome) })
      expect(result).toMatchObject({ total: 11, copied: 7, skipped: 4, failed: [], aborted: false })
      expect(seen).toHaveLength(11)
      for (const k of keys) expect((first.puts.get(k) ?? 0) + (second.puts.get(k) ?? 0), k).toBe(1)

      expect(await listKeys(dest, '')).toEqual(keys)
      const report = await verifyStore(
        dest,
        originals.map((d) => ({ sha256: sha256(d) })),
      )
      expect(report).toMatchObject({ checked: 9, missing: [], corrupt: [], orphans: [], ok: true })
      const info = await dest.stat(originalKey(sha256(originals[0]!)))
      expect(info).toMatchObject({
        contentType: 'application/pdf',
        metadata: { 'original-name': 'Brief 0 – Ärztin.pdf', 'received-at': '2024-05-01T10:00:00Z' },
      })

      // A third run has nothing to do.
      const third = new CountingPuts(dest)
      expect(await migrateStore(source, third, { progressFile })).toMatchObject({ copied: 0, skipped: 11 })
      expect(third.total).toBe(0)
      await dest.close()
    })

    it('GIVEN a migration stopped by its abort signal THEN it reports aborted and the next run copies the rest', async () => {
      const source = new FilesystemObjectStore(path.join(tmp, 'fs-source-2'))
      await source.init()
      for (let i = 0; i < 6; i++) await source.put(`derived/${i}/a.bin`, { buffer: scanBytes(4000, 500 + i) })
      const dest = new S3ObjectStore(s3Settings(server, uniqueBucket('migabort')), { retry: FAST_RETRY })
      await dest.init()
      const progressFile = path.join(tmp, 'abort.progress.jsonl')
      const ac = new AbortController()
      const first = new CountingPuts(dest, 2, () => ac.abort())
      const r1 = await migrateStore(source, first, { progressFile, signal: ac.signal, concurrency: 1 })
      expect(r1).toMatchObject({ aborted: true, copied: 2 })
      const r2 = await migrateStore(source, new CountingPuts(dest), { progressFile })
      expect(r2).toMatchObject({ aborted: false, copied: 4, skipped: 2, total: 6 })
      await dest.close()
    })
  })
})
