/**
 * Verified writes and moves: nothing counts as stored until it has been read back
 * from the store and its SHA-256 matched.
 *
 * @example
 *   await putVerified(store, originalKey(sha), workPath, sha, { retain: true, metadata: { 'original-name': name } })
 *   await verifiedMove(store, originalKey(sha), archive, originalKey(sha))
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ChartclerkError } from '../errors.js'
import { hashObject, shaFromKey, verifyObject } from './hashObject.js'
import type { ObjectStore, PutOptions, PutSource } from './objectStore.js'

export { verifyObject }
export { createArchiveStore } from './createStore.js'

export interface PutVerifiedOptions extends PutOptions {
  /** Writes tried when the read-back does not match (default 2: one more write, then give up). */
  attempts?: number
}

export interface VerifiedResult {
  key: string
  sha256: string
  size: number
}

/**
 * Put `file` under `key`, read it back as a stream, SHA-256 it and compare with
 * `expectedSha256`. A copy that does not match is deleted and written once more;
 * if that fails too, STORAGE_VERIFY_FAILED (transient: the source stays where it is
 * and the pipeline tries again later).
 */
export async function putVerified(
  store: ObjectStore,
  key: string,
  file: string | PutSource,
  expectedSha256: string,
  opts: PutVerifiedOptions = {},
): Promise<VerifiedResult> {
  const source: PutSource = typeof file === 'string' ? { path: file } : file
  const expected = expectedSha256.toLowerCase()
  const { attempts = 2, ...putOpts } = opts
  let actual = ''
  for (let attempt = 1; attempt <= Math.max(1, attempts); attempt++) {
    await store.put(key, source, putOpts)
    const got = await hashObject(store, key)
    if (got.sha256 === expected) return { key, sha256: got.sha256, size: got.size }
    actual = got.sha256
    // A wrong copy must not stand under a content address. (Under object lock it cannot
    // be removed; the next write becomes the current version and hides it.)
    await store.delete(key).catch(() => {})
  }
  throw new ChartclerkError(
    'STORAGE_VERIFY_FAILED',
    'The stored copy did not match the file read from the inbox. The file stays in place and will be tried again; if this repeats, check the storage system.',
    { detail: `${key} read back as ${actual.slice(0, 12)}…, expected ${expected.slice(0, 12)}…`, transient: true },
  )
}

/**
 * Read `key` into the local file `dest`, hashing it on the way, and keep it only when it hashes
 * to `expectedSha256`: written as `dest.partial`, flushed, then renamed, so `dest` is whole or
 * absent. A copy that does not match is removed and refused (STORAGE_VERIFY_FAILED, not
 * transient: the stored object itself is wrong); a missing object is STORAGE_NOT_FOUND.
 */
export async function getVerified(store: ObjectStore, key: string, dest: string, expectedSha256: string): Promise<VerifiedResult> {
  const expected = expectedSha256.toLowerCase()
  const tmp = `${dest}.partial`
  const hash = createHash('sha256')
  let size = 0
  const hasher = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk)
      size += chunk.length
      cb(null, chunk)
    },
  })
  try {
    await pipeline(await store.getStream(key), hasher, createWriteStream(tmp, { mode: 0o600 }))
    const sha256 = hash.digest('hex')
    if (sha256 !== expected)
      throw new ChartclerkError(
        'STORAGE_VERIFY_FAILED',
        `The stored original ${key} no longer matches its fingerprint, so it was not read. Run "chartclerk storage verify" and tell the system administrator.`,
        { detail: `${key} read back as ${sha256.slice(0, 12)}…, expected ${expected.slice(0, 12)}…` },
      )
    const h = await fs.open(tmp, 'r+')
    try {
      await h.sync()
    } finally {
      await h.close()
    }
    await fs.rename(tmp, dest)
    return { key, sha256, size }
  } catch (err) {
    await fs.rm(tmp, { force: true })
    throw err
  }
}

export interface MoveOptions {
  /** Apply object lock retention at the destination (default: for originals/ keys). */
  retain?: boolean
  /** Objects larger than this are staged in a private temporary folder rather than memory. Default 64 MiB. */
  memoryLimitBytes?: number
  tmpDir?: string
}

/**
 * Copy `fromKey` of one store to `toKey` of another (the archive location, another
 * backend), prove the copy by hash, and only then delete the source. Re-running after
 * an interruption is safe: a destination that already holds the same bytes is kept.
 * An `originals/<sha256>` source whose bytes do not match its key is refused
 * (STORAGE_VERIFY_FAILED) and left where it is.
 */
export async function verifiedMove(
  fromStore: ObjectStore,
  fromKey: string,
  toStore: ObjectStore,
  toKey: string,
  opts: MoveOptions = {},
): Promise<VerifiedResult> {
  const result = await verifiedCopy(fromStore, fromKey, toStore, toKey, opts)
  await fromStore.delete(fromKey)
  return result
}

/** The copy-and-prove half of verifiedMove (used by migrateStore, which keeps the source). */
export async function verifiedCopy(
  fromStore: ObjectStore,
  fromKey: string,
  toStore: ObjectStore,
  toKey: string,
  opts: MoveOptions = {},
): Promise<VerifiedResult & { written: boolean }> {
  const info = await fromStore.stat(fromKey)
  if (!info) {
    throw new ChartclerkError(
      'STORAGE_NOT_FOUND',
      `Stored object ${fromKey} is missing, so it cannot be moved. Run "chartclerk storage verify".`,
      { detail: fromKey },
    )
  }
  const promised = shaFromKey(fromKey)
  const retain = opts.retain ?? shaFromKey(toKey) !== undefined
  return withLocalCopy(fromStore, fromKey, info.size, opts, async (source, sha256, size) => {
    if (promised && sha256 !== promised) {
      throw new ChartclerkError(
        'STORAGE_VERIFY_FAILED',
        `The stored original ${fromKey} no longer matches its fingerprint, so it was not copied. Run "chartclerk storage verify" and tell the system administrator.`,
        { detail: `${fromKey} source corrupt` },
      )
    }
    const present = await toStore.stat(toKey)
    if (present && present.size === size && (await verifyObject(toStore, toKey, sha256)))
      return { key: toKey, sha256, size, written: false }
    const r = await putVerified(toStore, toKey, source, sha256, { contentType: info.contentType, metadata: info.metadata, retain })
    return { ...r, written: true }
  })
}

/** Reads an object once, hashing it, into memory or a private temp file; hands it to `fn` as a PutSource. */
async function withLocalCopy<T>(
  store: ObjectStore,
  key: string,
  size: number,
  opts: MoveOptions,
  fn: (source: PutSource, sha256: string, size: number) => Promise<T>,
): Promise<T> {
  const limit = opts.memoryLimitBytes ?? 64 * 1024 * 1024
  const hash = createHash('sha256')
  let bytes = 0
  const hasher = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk)
      bytes += chunk.length
      cb(null, chunk)
    },
  })
  if (size <= limit) {
    const chunks: Buffer[] = []
    await pipeline(await store.getStream(key), hasher, async function* (src) {
      for await (const c of src) chunks.push(c as Buffer)
    })
    return fn({ buffer: Buffer.concat(chunks) }, hash.digest('hex'), bytes)
  }
  const dir = await fs.mkdtemp(path.join(opts.tmpDir ?? os.tmpdir(), 'chartclerk-move-'))
  try {
    await fs.chmod(dir, 0o700)
    const file = path.join(dir, 'object')
    await pipeline(await store.getStream(key), hasher, createWriteStream(file, { mode: 0o600 }))
    return await fn({ path: file }, hash.digest('hex'), bytes)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
