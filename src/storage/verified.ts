/** Verified writes: put, read back, compare SHA-256; a mismatch is deleted and refused. */
import { ChartclerkError } from '../errors.js'
import { sha256OfObject, verifyObject } from './hashObject.js'
import type { ObjectStore, PutOptions } from './objectStore.js'

export { verifyObject }

export async function putVerified(store: ObjectStore, key: string, file: string, expectedSha256: string, opts: PutOptions = {}): Promise<void> {
  await store.put(key, { path: file }, opts)
  const actual = await sha256OfObject(store, key)
  if (actual !== expectedSha256) {
    await store.delete(key).catch(() => {})
    throw new ChartclerkError('STORAGE_VERIFY_FAILED', 'The stored copy did not match the file read from the inbox. The file stays in place and will be tried again; if this repeats, check the storage system.', {
      detail: `${key} hash mismatch`,
      transient: true,
    })
  }
}
