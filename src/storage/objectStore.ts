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

/** What a listing gives: cheap on every backend. Call `stat` for content type and metadata. */
export interface ListedObject {
  key: string
  size: number
  lastModified: Date
}

export interface ObjectInfo extends ListedObject {
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
  /** Every object whose key starts with `prefix`. S3 listings carry no metadata, so neither does this. */
  list(prefix: string): AsyncIterable<ListedObject>
  /** Copy within the store; content type and metadata go with it. */
  copy(fromKey: string, toKey: string): Promise<void>
  /** Remove the object for good (idempotent). Objects under object lock retention refuse with STORAGE_OBJECT_LOCKED. */
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

/** Metadata keys that are HTTP/S3 headers of their own and so cannot be user metadata. */
const RESERVED_METADATA_KEYS = new Set([
  'content-type',
  'cache-control',
  'content-encoding',
  'content-disposition',
  'content-language',
  'content-length',
  'expires',
])
const META_KEY_RE = /^[a-z0-9][a-z0-9-]{0,63}$/
/** Metadata keys are chartclerk-made: lower-case letters, digits and dashes, so every backend keeps them. */
export function assertValidMetadata(metadata: ObjectMetadata | undefined): void {
  for (const [k, v] of Object.entries(metadata ?? {})) {
    if (!META_KEY_RE.test(k) || RESERVED_METADATA_KEYS.has(k) || k.startsWith('x-amz-'))
      throw new TypeError(`invalid metadata key: ${JSON.stringify(k)}`)
    if (typeof v !== 'string') throw new TypeError(`metadata value for ${k} must be a string`)
  }
}
