/** Store wrappers and fixtures shared by the storage integration tests. */
import { createCipheriv, createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { ChartclerkError } from '../../../src/errors.js'
import type { ListedObject, ObjectInfo, ObjectStore, PutOptions, PutSource, StoreHealth } from '../../../src/storage/objectStore.js'

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** Bytes that look like a scan: deterministic per seed, incompressible (AES-CTR keystream). */
export function scanBytes(size: number, seed: number): Buffer {
  const key = createHash('sha256').update(`scan-${seed}`).digest().subarray(0, 16)
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16))
  return Buffer.concat([cipher.update(Buffer.alloc(size)), cipher.final()])
}

/** Passes everything through; subclasses override what a test needs to break or count. */
export class WrappedStore implements ObjectStore {
  constructor(readonly inner: ObjectStore) {}
  get backend(): ObjectStore['backend'] {
    return this.inner.backend
  }
  init(): Promise<void> {
    return this.inner.init()
  }
  health(): Promise<StoreHealth> {
    return this.inner.health()
  }
  put(key: string, source: PutSource, opts?: PutOptions): Promise<void> {
    return this.inner.put(key, source, opts)
  }
  get(key: string): Promise<Buffer> {
    return this.inner.get(key)
  }
  getStream(key: string): Promise<Readable> {
    return this.inner.getStream(key)
  }
  stat(key: string): Promise<ObjectInfo | null> {
    return this.inner.stat(key)
  }
  list(prefix: string): AsyncIterable<ListedObject> {
    return this.inner.list(prefix)
  }
  copy(fromKey: string, toKey: string): Promise<void> {
    return this.inner.copy(fromKey, toKey)
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key)
  }
  close(): Promise<void> {
    return this.inner.close()
  }
}

/** Reads come back with one byte flipped: a store (or wire) that corrupts data. */
export class CorruptingReads extends WrappedStore {
  override async getStream(key: string): Promise<Readable> {
    const buf = await this.inner.get(key)
    if (buf.length > 0) buf[buf.length >> 1]! ^= 0xff
    return Readable.from([buf])
  }
}

/** Counts puts per key; optionally "crashes" right after the Nth put has been written. */
export class CountingPuts extends WrappedStore {
  readonly puts = new Map<string, number>()
  total = 0
  constructor(
    inner: ObjectStore,
    private readonly crashAfter?: number,
    private readonly onNth?: () => void,
  ) {
    super(inner)
  }
  override async put(key: string, source: PutSource, opts?: PutOptions): Promise<void> {
    await this.inner.put(key, source, opts)
    this.puts.set(key, (this.puts.get(key) ?? 0) + 1)
    this.total++
    if (this.total === this.crashAfter) {
      this.onNth?.()
      if (!this.onNth)
        throw new ChartclerkError('STORAGE_UNAVAILABLE', 'simulated outage right after a write', { transient: true, detail: 'test' })
    }
  }
}

export async function listKeys(store: ObjectStore, prefix: string): Promise<string[]> {
  const keys: string[] = []
  for await (const o of store.list(prefix)) keys.push(o.key)
  return keys.sort()
}
