/**
 * The object-store contract every backend meets (filesystem, S3). Nothing above
 * src/storage knows which backend it talks to.
 *
 * Keys (same layout on every backend):
 *   originals/<sha256>                 the untouched file as received, immutable
 *   derived/<documentId>/<name>        page images, text, searchable PDF
 */
import type { Readable } from 'node:stream'

/** User metadata: lower-case keys, string values (encoded by the backend as it needs). */
export type ObjectMetadata = Record<string, string>

export interface ObjectInfo {
  key: string
  size: number
  lastModified: Date
  contentType?: string
  metadata: ObjectMetadata
}

export type PutSource = { path: string } | { buffer: Buffer }

export interface PutOptions {
  contentType?: string
  metadata?: ObjectMetadata
  /** Write under object lock retention where the backend supports it (originals only). */
  retain?: boolean
}

export interface StoreHealth {
  reachable: boolean
  /** Backend description without secrets, e.g. "filesystem /data/objects" or "s3 http://host:9000 bucket x". */
  description: string
  detail?: string
  versioning?: 'enabled' | 'suspended' | 'off' | 'unknown'
  objectLock?: boolean
}

export interface ObjectStore {
  readonly backend: 'filesystem' | 's3'
  /** Prepare the store (create folders or bucket as configured); throws STORAGE_* errors. */
  init(): Promise<void>
  health(): Promise<StoreHealth>
  /** Write an object atomically: a reader sees the whole object or none. */
  put(key: string, source: PutSource, opts?: PutOptions): Promise<void>
  get(key: string): Promise<Buffer>
  getStream(key: string): Promise<Readable>
  /** null when there is no such object. */
  stat(key: string): Promise<ObjectInfo | null>
  list(prefix: string): AsyncIterable<ObjectInfo>
  copy(fromKey: string, toKey: string): Promise<void>
  delete(key: string): Promise<void>
  close(): Promise<void>
}

export const originalKey = (sha256: string): string => `originals/${sha256}`
export const derivedKey = (documentId: number | string, name: string): string => `derived/${documentId}/${name}`

const KEY_RE = /^(?!\/)(?!.*\/\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]+$/
/** Keys are chartclerk-made; anything else (traversal, odd characters) is a programming error. */
export function assertValidKey(key: string): void {
  if (!KEY_RE.test(key) || key.length > 900) throw new TypeError(`invalid object key: ${JSON.stringify(key)}`)
}
