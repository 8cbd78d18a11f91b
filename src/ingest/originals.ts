/**
 * The original in the object store: the contract between the side that receives a file (a
 * watcher) and the side that reads it (a worker, on this machine or another).
 *
 * - `storeOriginal`: the untouched file under `originals/<sha256>`, read back and hash-checked
 *   (an object already there is proven whole instead of written again);
 * - `fetchOriginal`: a worker's own local copy of it, hash-checked before anything reads it;
 * - `sizeRefusal`: what makes a file no document by its size alone (empty, too large), known
 *   before anything is stored.
 */
import path from 'node:path'
import { ChartclerkError } from '../errors.js'
import type { Config } from '../config/config.js'
import type { JobQueue } from '../queue/types.js'
import { shaFromKey } from '../storage/hashObject.js'
import { discardDir, listQuarantine } from './quarantine.js'
import { verifyObject } from '../storage/hashObject.js'
import { originalKey, type ObjectStore } from '../storage/objectStore.js'
import { getVerified, putVerified } from '../storage/verified.js'

export interface OriginalFacts {
  sha256: string
  size: number
  contentType?: string
  originalName: string
  receivedAt: string
  sourceFolder: string
  /** The site whose watcher received it. */
  site?: string
}

/** Stores `file` as the original; true when it was written, false when a whole copy was there already. */
export async function storeOriginal(store: ObjectStore, file: string, o: OriginalFacts): Promise<boolean> {
  const key = originalKey(o.sha256)
  const present = await store.stat(key)
  // Already there (the same content received before, a resumed claim): prove it is whole instead of writing it again.
  if (present && present.size === o.size && (await verifyObject(store, key, o.sha256))) return false
  await putVerified(store, key, file, o.sha256, {
    contentType: o.contentType,
    retain: true,
    metadata: {
      'original-name': o.originalName,
      'received-at': o.receivedAt,
      'source-folder': o.sourceFolder,
      sha256: o.sha256,
      ...(o.site ? { site: o.site } : {}),
    },
  })
  return true
}

/** The stored original into the local file `dest`, whole and hash-checked, or an error (STORAGE_*). */
export async function fetchOriginal(store: ObjectStore, sha256: string, dest: string): Promise<number> {
  return (await getVerified(store, originalKey(sha256), dest, sha256)).size
}

/**
 * Originals kept in the store that no document names: carried by jobs not yet ended (received,
 * not yet read), or kept for a file set aside in quarantine (or discarded from it) after it was
 * stored, its note naming the key. `storage verify` expects these; any other is an orphan.
 */
export async function originalsWithoutDocument(queue: JobQueue, quarantineDir: string): Promise<string[]> {
  const notes = [...(await listQuarantine(quarantineDir)), ...(await listQuarantine(discardDir(quarantineDir)))]
  const kept = notes.flatMap((n) => {
    const sha = n.storedAs ? shaFromKey(n.storedAs) : undefined
    return sha ? [sha] : []
  })
  return [...new Set([...(await queue.originals()), ...kept])]
}

/** Why a file of this size is no document (empty: the scan or copy did not finish; too large), or null. */
export function sizeRefusal(size: number, config: Pick<Config, 'ingest'>): ChartclerkError | null {
  if (size === 0)
    return new ChartclerkError(
      'FILE_EMPTY',
      'This file is empty (0 bytes): the scan or copy did not finish. Scan or copy it again and drop the new file in the inbox.',
      { detail: 'zero bytes', stage: 'inspect' },
    )
  if (size > config.ingest.maxFileMb * 1024 * 1024)
    return new ChartclerkError(
      'FILE_TOO_LARGE',
      `This file is larger than ${config.ingest.maxFileMb} MB. Split it into smaller scans, or ask the administrator to raise ingest.maxFileMb.`,
      { detail: `${size} bytes`, stage: 'inspect' },
    )
  return null
}
