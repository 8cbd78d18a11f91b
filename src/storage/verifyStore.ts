/**
 * `chartclerk storage verify`: re-read every original in the store, prove each one
 * by its SHA-256 (the key is the hash), and compare the store with the catalog.
 *
 * - missing: the catalog has the document, the store has no original for it
 * - corrupt: the stored bytes no longer hash to their key
 * - orphans: originals the catalog does not know (or keys under originals/ that are not a hash)
 */
import { isChartclerkError } from '../errors.js'
import { hashObject, shaFromKey } from './hashObject.js'
import { originalKey, type ObjectStore } from './objectStore.js'

export interface VerifyProgress {
  done: number
  total: number
  key: string
}

export interface CorruptObject {
  key: string
  /** What the key promises. */
  expected: string
  /** What the stored bytes hash to. */
  actual: string
}

export interface VerifyReport {
  checked: number
  /** Keys (originals/<sha256>) the catalog expects and the store lacks. */
  missing: string[]
  corrupt: CorruptObject[]
  /** Keys under originals/ that no catalog document refers to. */
  orphans: string[]
  ok: boolean
}

export interface VerifyOptions {
  /** Objects read at the same time (default 4). */
  concurrency?: number
  signal?: AbortSignal
}

type ShaRows = AsyncIterable<{ sha256: string }> | Iterable<{ sha256: string }>

export async function verifyStore(
  store: ObjectStore,
  catalogOriginals: ShaRows,
  onProgress?: (p: VerifyProgress) => void,
  opts: VerifyOptions = {},
): Promise<VerifyReport> {
  const expected = new Set<string>()
  for await (const row of catalogOriginals) expected.add(row.sha256.toLowerCase())

  const stored: string[] = []
  for await (const o of store.list('originals/')) stored.push(o.key)
  stored.sort()

  const seen = new Set<string>()
  const missing: string[] = []
  const corrupt: CorruptObject[] = []
  const orphans: string[] = []
  let done = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < stored.length && !opts.signal?.aborted) {
      const key = stored[next++]!
      const sha = shaFromKey(key)
      if (sha) seen.add(sha)
      if (!sha || !expected.has(sha)) orphans.push(key)
      try {
        const got = await hashObject(store, key)
        if (sha && got.sha256 !== sha) corrupt.push({ key, expected: sha, actual: got.sha256 })
      } catch (err) {
        // Removed between listing and reading: it is missing now.
        if (!(isChartclerkError(err) && err.code === 'STORAGE_NOT_FOUND')) throw err
        if (sha) seen.delete(sha)
        const i = orphans.indexOf(key)
        if (i >= 0) orphans.splice(i, 1)
      }
      done++
      onProgress?.({ done, total: stored.length, key })
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker))
  // A partial pass cannot say what is missing.
  opts.signal?.throwIfAborted()

  for (const sha of expected) if (!seen.has(sha)) missing.push(originalKey(sha))
  missing.sort()
  corrupt.sort((a, b) => a.key.localeCompare(b.key))
  orphans.sort()
  return { checked: done, missing, corrupt, orphans, ok: missing.length === 0 && corrupt.length === 0 && orphans.length === 0 }
}
