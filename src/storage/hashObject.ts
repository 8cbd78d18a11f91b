/**
 * Reading a stored object back and hashing it: the proof that the store holds
 * exactly what was received. Streams, so a 500 MB scan never sits in memory.
 */
import { createHash } from 'node:crypto'
import { isChartclerkError } from '../errors.js'
import type { ObjectStore } from './objectStore.js'

export interface ObjectHash {
  sha256: string
  size: number
}

/** SHA-256 and size of the stored bytes of `key`. Throws STORAGE_NOT_FOUND when it is missing. */
export async function hashObject(store: ObjectStore, key: string): Promise<ObjectHash> {
  const hash = createHash('sha256')
  let size = 0
  const stream = await store.getStream(key)
  for await (const chunk of stream) {
    const b = chunk as Buffer
    size += b.length
    hash.update(b)
  }
  return { sha256: hash.digest('hex'), size }
}

/** SHA-256 (hex) of the stored bytes of `key`. */
export async function sha256OfObject(store: ObjectStore, key: string): Promise<string> {
  return (await hashObject(store, key)).sha256
}

/** True when `key` exists and its bytes hash to `expectedSha256`; false when missing or different. */
export async function verifyObject(store: ObjectStore, key: string, expectedSha256: string): Promise<boolean> {
  try {
    return (await hashObject(store, key)).sha256 === expectedSha256.toLowerCase()
  } catch (err) {
    if (isChartclerkError(err) && err.code === 'STORAGE_NOT_FOUND') return false
    throw err
  }
}

const ORIGINAL_RE = /(?:^|\/)originals\/([0-9a-f]{64})$/
/** The SHA-256 an `originals/<sha256>` key promises, or undefined for other keys. */
export function shaFromKey(key: string): string | undefined {
  return ORIGINAL_RE.exec(key)?.[1]
}
