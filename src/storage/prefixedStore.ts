/**
 * A store seen through a key prefix: `archive/` in the same bucket or folder, for
 * the archive location when no second bucket is configured. Keys inside are the
 * ordinary layout (originals/<sha256>, derived/...), so the same code works on both.
 */
import type { Readable } from 'node:stream'
import {
  assertValidKey,
  type ListedObject,
  type ObjectInfo,
  type ObjectStore,
  type PutOptions,
  type PutSource,
  type StoreHealth,
} from './objectStore.js'

export class PrefixedObjectStore implements ObjectStore {
  readonly prefix: string

  /** `ownsInner`: init/close pass through (only when nobody else uses the inner store). */
  constructor(
    readonly inner: ObjectStore,
    prefix: string,
    private readonly ownsInner = false,
  ) {
    this.prefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`
    if (this.prefix) assertValidKey(`${this.prefix}x`)
  }

  get backend(): ObjectStore['backend'] {
    return this.inner.backend
  }

  private k(key: string): string {
    assertValidKey(key)
    return this.prefix + key
  }

  async init(): Promise<void> {
    if (this.ownsInner) await this.inner.init()
  }

  async health(): Promise<StoreHealth> {
    const h = await this.inner.health()
    return { ...h, description: `${h.description} prefix ${this.prefix}` }
  }

  put(key: string, source: PutSource, opts?: PutOptions): Promise<void> {
    return this.inner.put(this.k(key), source, opts)
  }

  get(key: string): Promise<Buffer> {
    return this.inner.get(this.k(key))
  }

  getStream(key: string): Promise<Readable> {
    return this.inner.getStream(this.k(key))
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    const info = await this.inner.stat(this.k(key))
    return info ? { ...info, key } : null
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    for await (const o of this.inner.list(this.prefix + prefix)) yield { ...o, key: o.key.slice(this.prefix.length) }
  }

  copy(fromKey: string, toKey: string): Promise<void> {
    return this.inner.copy(this.k(fromKey), this.k(toKey))
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(this.k(key))
  }

  async close(): Promise<void> {
    if (this.ownsInner) await this.inner.close()
  }
}
