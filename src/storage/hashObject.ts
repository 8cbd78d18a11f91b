/** Reading an object back and hashing it: how every write and every existing object is proven whole. */
import { createHash } from 'node:crypto'
import { ChartclerkError } from '../errors.js'
import type { ObjectStore } from './objectStore.js'

export async function sha256OfObject(store: ObjectStore, key: string): Promise<string> {
  const h = createHash('sha256')
  const stream = await store.getStream(key)
  for await (const chunk of stream) h.update(chunk as Buffer)
  return h.digest('hex')
}

/** True when the stored object's SHA-256 is the expected one; false when it differs or is missing. */
export async function verifyObject(store: ObjectStore, key: string, expectedSha256: string): Promise<boolean> {
  try {
    return (await sha256OfObject(store, key)) === expectedSha256
  } catch (err) {
    if (err instanceof ChartclerkError && err.code === 'STORAGE_NOT_FOUND') return false
    throw err
  }
}
