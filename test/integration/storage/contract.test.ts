/**
 * The ObjectStore contract, one suite, run against every backend: the filesystem
 * store and the S3 store on a real S3 server (Ceph RGW, or CHARTCLERK_TEST_S3_*).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChartclerkError } from '../../../src/errors.js'
import { FilesystemObjectStore } from '../../../src/storage/fsStore.js'
import { originalKey, type ObjectStore } from '../../../src/storage/objectStore.js'
import { PrefixedObjectStore } from '../../../src/storage/prefixedStore.js'
import { S3ObjectStore } from '../../../src/storage/s3Store.js'
import { getVerified, putVerified, verifiedMove } from '../../../src/storage/verified.js'
import { s3Server, s3Settings, uniqueBucket } from '../s3Env.js'
import { CorruptingReads, listKeys, scanBytes, sha256 } from './helpers.js'

const s3 = await s3Server()

/** File names a records desk really receives, and a few built to break headers. */
const HARD_NAMES = [
  'Überweisung – Dr. Müller (Kopie).pdf',
  '検査結果_2024年.tiff',
  'line one\nline two.pdf',
  '  padded name  .pdf',
  'two  spaces\tand a tab.png',
  '=?UTF-8?B?bm90IHJlYWxseQ==?=.pdf',
  '100% done; "quoted", \'single\' & <tags>.jpg',
  '📄 scan ✓.pdf',
  '',
]

interface Backend {
  name: string
  available: boolean
  make(): Promise<{ store: ObjectStore; cleanup(): Promise<void> }>
}

const backends: Backend[] = [
  {
    name: 'filesystem',
    available: true,
    async make() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-fs-contract-'))
      return { store: new FilesystemObjectStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) }
    },
  },
  {
    name: 's3',
    available: Boolean(s3),
    async make() {
      const store = new S3ObjectStore(s3Settings(s3!, uniqueBucket('contract')), { retry: { attempts: 2, baseDelayMs: 50 } })
      return { store, cleanup: async () => {} }
    },
  },
]

describe.each(backends.filter((b) => b.available))('ObjectStore contract: $name', ({ make }) => {
  let store: ObjectStore
  let cleanup: () => Promise<void>
  let tmp: string

  beforeAll(async () => {
    ;({ store, cleanup } = await make())
    await store.init()
    tmp = await mkdtemp(path.join(os.tmpdir(), 'cc-contract-src-'))
  })
  afterAll(async () => {
    await store?.close()
    await cleanup?.()
    await rm(tmp, { recursive: true, force: true })
  })

  it('GIVEN file names with unicode, newlines, blanks and header syntax WHEN stored as metadata THEN stat gives each back exactly', async () => {
    for (const [i, name] of HARD_NAMES.entries()) {
      const key = `derived/names/${i}`
      await store.put(
        key,
        { buffer: Buffer.from(`doc ${i}`) },
        { contentType: 'application/pdf', metadata: { 'original-name': name, 'source-folder': 'Faxe/Ärzte', n: String(i) } },
      )
      const info = await store.stat(key)
      expect(info, name).not.toBeNull()
      expect(info!.metadata).toEqual({ 'original-name': name, 'source-folder': 'Faxe/Ärzte', n: String(i) })
      expect(info!.contentType).toBe('application/pdf')
      expect(info!.size).toBe(Buffer.byteLength(`doc ${i}`))
      expect(info!.key).toBe(key)
      expect(info!.lastModified).toBeInstanceOf(Date)
    }
  })

  it('metadata keys that S3 headers cannot carry are refused on every backend', async () => {
    for (const bad of ['originalName', 'with space', 'content-type', 'x-amz-meta-x', 'under_score', '']) {
      await expect(store.put('derived/badmeta/x', { buffer: Buffer.from('x') }, { metadata: { [bad]: 'v' } }), bad).rejects.toBeInstanceOf(
        TypeError,
      )
    }
    expect(await store.stat('derived/badmeta/x')).toBeNull()
  })

  it('get and getStream return the stored bytes, from a buffer and from a file', async () => {
    const bytes = scanBytes(300 * 1024, 1)
    const file = path.join(tmp, 'scan.bin')
    await writeFile(file, bytes)
    await store.put('derived/get/buffer', { buffer: bytes })
    await store.put('derived/get/file', { path: file })
    for (const key of ['derived/get/buffer', 'derived/get/file']) {
      expect(sha256(await store.get(key))).toBe(sha256(bytes))
      const chunks: Buffer[] = []
      for await (const c of await store.getStream(key)) chunks.push(c as Buffer)
      expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes))
    }
    await store.put('derived/get/empty', { buffer: Buffer.alloc(0) })
    expect((await store.get('derived/get/empty')).length).toBe(0)
    expect((await store.stat('derived/get/empty'))!.size).toBe(0)
  })

  it('a missing object: stat gives null, get and getStream throw STORAGE_NOT_FOUND', async () => {
    expect(await store.stat('originals/' + '0'.repeat(64))).toBeNull()
    await expect(store.get('derived/nothing/here')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' })
    await expect(store.getStream('derived/nothing/here')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' })
    const err = await store.get('derived/nothing/here').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ChartclerkError)
    expect((err as ChartclerkError).transient).toBe(false)
  })

  it('list gives every object under a prefix and nothing else, with sizes', async () => {
    for (const k of ['derived/7/a.png', 'derived/7/b.png', 'derived/70/a.png', 'derived/8/a.png'])
      await store.put(k, { buffer: Buffer.from(k) })
    expect(await listKeys(store, 'derived/7/')).toEqual(['derived/7/a.png', 'derived/7/b.png'])
    expect(await listKeys(store, 'derived/7')).toEqual(['derived/7/a.png', 'derived/7/b.png', 'derived/70/a.png'])
    expect(await listKeys(store, 'derived/9/')).toEqual([])
    const sizes: number[] = []
    for await (const o of store.list('derived/8/')) sizes.push(o.size)
    expect(sizes).toEqual([Buffer.byteLength('derived/8/a.png')])
  })

  it('copy carries bytes, content type and metadata', async () => {
    await store.put(
      'derived/copy/src',
      { buffer: Buffer.from('copy me') },
      { contentType: 'image/tiff', metadata: { 'original-name': HARD_NAMES[1]! } },
    )
    await store.copy('derived/copy/src', 'derived/copy/dst')
    expect((await store.get('derived/copy/dst')).toString()).toBe('copy me')
    const info = await store.stat('derived/copy/dst')
    expect(info!.contentType).toBe('image/tiff')
    expect(info!.metadata).toEqual({ 'original-name': HARD_NAMES[1] })
    await expect(store.copy('derived/copy/none', 'derived/copy/x')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' })
  })

  it('delete removes the object for good, and deleting a missing object is not an error', async () => {
    await store.put('derived/del/x', { buffer: Buffer.from('x') })
    await store.delete('derived/del/x')
    expect(await store.stat('derived/del/x')).toBeNull()
    await expect(store.get('derived/del/x')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' })
    await store.delete('derived/del/x')
    expect(await listKeys(store, 'derived/del/')).toEqual([])
  })

  it('GIVEN an object being overwritten WHEN read meanwhile THEN every read is the whole old or the whole new object', async () => {
    const a = scanBytes(2 * 1024 * 1024, 10)
    const b = scanBytes(2 * 1024 * 1024, 11)
    await store.put('derived/atomic/x', { buffer: a })
    const writes = (async () => {
      for (let i = 0; i < 4; i++) await store.put('derived/atomic/x', { buffer: i % 2 ? a : b })
    })()
    const seen = new Set<string>()
    let reads = 0
    let writing = true
    void writes.finally(() => (writing = false))
    while (writing || reads < 3) {
      seen.add(sha256(await store.get('derived/atomic/x')))
      reads++
    }
    await writes
    for (const h of seen) expect([sha256(a), sha256(b)]).toContain(h)
  })

  it('GIVEN a put whose source cannot be read THEN no object appears and the old one stays', async () => {
    await expect(store.put('derived/atomic/y', { path: path.join(tmp, 'no-such-file') })).rejects.toBeInstanceOf(ChartclerkError)
    expect(await store.stat('derived/atomic/y')).toBeNull()
    await store.put('derived/atomic/z', { buffer: Buffer.from('old') })
    await expect(store.put('derived/atomic/z', { path: path.join(tmp, 'no-such-file') })).rejects.toBeInstanceOf(ChartclerkError)
    expect((await store.get('derived/atomic/z')).toString()).toBe('old')
  })

  it('putVerified stores, reads back and returns the hash', async () => {
    const bytes = scanBytes(123_457, 20)
    const file = path.join(tmp, 'verified.bin')
    await writeFile(file, bytes)
    const sha = sha256(bytes)
    const r = await putVerified(store, originalKey(sha), file, sha, {
      contentType: 'application/pdf',
      metadata: { 'original-name': HARD_NAMES[2]! },
    })
    expect(r).toEqual({ key: originalKey(sha), sha256: sha, size: bytes.length })
    expect((await store.stat(originalKey(sha)))!.metadata['original-name']).toBe(HARD_NAMES[2])
  })

  it('GIVEN a store whose read-back differs from what was written WHEN putVerified THEN STORAGE_VERIFY_FAILED and no copy is left under the key', async () => {
    const bytes = scanBytes(50_000, 21)
    const sha = sha256(bytes)
    const err = await putVerified(new CorruptingReads(store), originalKey(sha), { buffer: bytes }, sha).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'STORAGE_VERIFY_FAILED' })
    expect((err as ChartclerkError).action).toMatch(/stays in place/)
    expect(await store.stat(originalKey(sha))).toBeNull()
  })

  it('GIVEN the wrong expected hash WHEN putVerified THEN it refuses and removes the copy', async () => {
    const bytes = Buffer.from('the real bytes')
    const wrong = sha256('other bytes')
    await expect(putVerified(store, originalKey(wrong), { buffer: bytes }, wrong)).rejects.toMatchObject({ code: 'STORAGE_VERIFY_FAILED' })
    expect(await store.stat(originalKey(wrong))).toBeNull()
  })

  it('getVerified: a worker’s local copy of a stored original, whole and hash-checked; a damaged or missing object leaves no file', async () => {
    const bytes = scanBytes(345_679, 22)
    const sha = sha256(bytes)
    await store.put(originalKey(sha), { buffer: bytes })
    const dest = path.join(tmp, `fetched-${sha.slice(0, 8)}`)
    expect(await getVerified(store, originalKey(sha), dest, sha)).toEqual({ key: originalKey(sha), sha256: sha, size: bytes.length })
    expect(sha256(await readFile(dest))).toBe(sha)

    const damaged = path.join(tmp, `damaged-${sha.slice(0, 8)}`)
    const err = await getVerified(new CorruptingReads(store), originalKey(sha), damaged, sha).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'STORAGE_VERIFY_FAILED', transient: false })
    expect(existsSync(damaged) || existsSync(`${damaged}.partial`), 'nothing half-read left behind').toBe(false)

    const ghost = sha256('never stored')
    await expect(getVerified(store, originalKey(ghost), path.join(tmp, 'ghost'), ghost)).rejects.toMatchObject({
      code: 'STORAGE_NOT_FOUND',
    })
    expect(existsSync(path.join(tmp, 'ghost.partial'))).toBe(false)
  })

  it('verifiedMove to the archive prefix: bytes and metadata arrive, the source goes; a rerun after the move is refused as missing', async () => {
    const archive = new PrefixedObjectStore(store, 'archive/')
    const bytes = scanBytes(70_000, 30)
    const sha = sha256(bytes)
    await store.put(originalKey(sha), { buffer: bytes }, { contentType: 'image/png', metadata: { 'original-name': HARD_NAMES[0]! } })
    const r = await verifiedMove(store, originalKey(sha), archive, originalKey(sha))
    expect(r.sha256).toBe(sha)
    expect(await store.stat(originalKey(sha))).toBeNull()
    const moved = await archive.stat(originalKey(sha))
    expect(moved).toMatchObject({
      key: originalKey(sha),
      size: bytes.length,
      contentType: 'image/png',
      metadata: { 'original-name': HARD_NAMES[0] },
    })
    expect(sha256(await store.get(`archive/${originalKey(sha)}`))).toBe(sha)
    await expect(verifiedMove(store, originalKey(sha), archive, originalKey(sha))).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' })
  })

  it('GIVEN an original whose bytes no longer match its key WHEN moved THEN nothing is copied and the source stays', async () => {
    const archive = new PrefixedObjectStore(store, 'archive/')
    const sha = sha256('what it was')
    await store.put(originalKey(sha), { buffer: Buffer.from('what it became') })
    await expect(verifiedMove(store, originalKey(sha), archive, originalKey(sha))).rejects.toMatchObject({ code: 'STORAGE_VERIFY_FAILED' })
    expect(await store.stat(originalKey(sha))).not.toBeNull()
    expect(await archive.stat(originalKey(sha))).toBeNull()
  })

  it('health reports the store reachable and describes it without secrets', async () => {
    const h = await store.health()
    expect(h.reachable).toBe(true)
    expect(h.description).toMatch(/^(filesystem|s3) /)
    if (s3) {
      expect(h.description).not.toContain(s3.secretKey)
      expect(h.description).not.toContain(s3.accessKey)
    }
  })
})
