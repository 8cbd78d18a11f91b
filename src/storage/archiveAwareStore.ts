/**
 * One object store over two places: the main store and the archive location where inactive
 * charts' objects live (storage.archive). Reads look in the place the object should be first
 * and in the other next, so a chart half-way through a move still reads; writes go where the
 * object belongs. Which objects belong in the archive is the caller's knowledge (the catalog
 * knows which charts are inactive), handed in as `inArchive`.
 *
 * @example
 *   const files = new ArchiveAwareStore(store, () => createArchiveStore(config, store), (key) => isArchivedKey(key))
 *   const pdf = await files.get(originalKey(sha256)) // main store, else the archive
 */
import type { Readable } from 'node:stream'
import { ChartclerkError } from '../errors.js'
import type { ListedObject, ObjectInfo, ObjectStore, PutOptions, PutSource, StoreHealth } from './objectStore.js'

const isMissing = (err: unknown) => err instanceof ChartclerkError && err.code === 'STORAGE_NOT_FOUND'

export class ArchiveAwareStore implements ObjectStore {
  #archive: Promise<ObjectStore> | null = null

  /**
   * `main` stays owned by the caller (not closed here); the archive is opened on first use and
   * closed by `close()`. `inArchive(key)`: whether the object belongs in the archive now.
   */
  constructor(
    readonly main: ObjectStore,
    private readonly openArchive: () => Promise<ObjectStore>,
    private readonly inArchive: (key: string) => boolean | Promise<boolean> = () => false,
  ) {}

  get backend(): ObjectStore['backend'] {
    return this.main.backend
  }

  /** The archive location itself (opened once, kept until close). */
  archive(): Promise<ObjectStore> {
    this.#archive ??= this.openArchive().catch((err: unknown) => {
      this.#archive = null
      throw err
    })
    return this.#archive
  }

  init(): Promise<void> {
    return this.main.init()
  }

  health(): Promise<StoreHealth> {
    return this.main.health()
  }

  /** The main store first (one read, no archive opened) unless the object belongs in the archive. */
  private async firstThenOther<T>(key: string, read: (s: ObjectStore) => Promise<T>): Promise<T> {
    const archivedFirst = await this.inArchive(key)
    const first = archivedFirst ? await this.archive() : this.main
    try {
      return await read(first)
    } catch (err) {
      if (!isMissing(err)) throw err
    }
    try {
      return await read(archivedFirst ? this.main : await this.archive())
    } catch (err) {
      if (!isMissing(err)) throw err
      throw new ChartclerkError(
        'STORAGE_NOT_FOUND',
        `Stored object ${key} is missing from the store and the archive. Run "chartclerk storage verify".`,
        { cause: err, detail: key },
      )
    }
  }

  get(key: string): Promise<Buffer> {
    return this.firstThenOther(key, (s) => s.get(key))
  }

  getStream(key: string): Promise<Readable> {
    return this.firstThenOther(key, (s) => s.getStream(key))
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    const notNull = async (s: ObjectStore) => {
      const info = await s.stat(key)
      if (!info) throw new ChartclerkError('STORAGE_NOT_FOUND', 'missing', { detail: key })
      return info
    }
    return this.firstThenOther(key, notNull).catch((err: unknown) => {
      if (isMissing(err)) return null
      throw err
    })
  }

  /** Where the object is now: 'main', 'archive', or null when neither holds it. */
  async locate(key: string): Promise<'main' | 'archive' | null> {
    if (await this.main.stat(key)) return 'main'
    return (await (await this.archive()).stat(key)) ? 'archive' : null
  }

  /** Written where it belongs: the archive for an object of an inactive chart, else the main store. */
  async put(key: string, source: PutSource, opts?: PutOptions): Promise<void> {
    return ((await this.inArchive(key)) ? await this.archive() : this.main).put(key, source, opts)
  }

  /** The objects of both places under `prefix` (each key once; the main store's copy wins). */
  async *list(prefix: string): AsyncIterable<ListedObject> {
    const seen = new Set<string>()
    for await (const o of this.main.list(prefix)) {
      seen.add(o.key)
      yield o
    }
    for await (const o of (await this.archive()).list(prefix)) if (!seen.has(o.key)) yield o
  }

  /** A copy within the place that holds the object. */
  async copy(fromKey: string, toKey: string): Promise<void> {
    const where = await this.locate(fromKey)
    if (!where)
      throw new ChartclerkError(
        'STORAGE_NOT_FOUND',
        `Stored object ${fromKey} is missing from the store and the archive. Run "chartclerk storage verify".`,
        { detail: fromKey },
      )
    return (where === 'main' ? this.main : await this.archive()).copy(fromKey, toKey)
  }

  /** Removed from both places (destruction must reach an inactive chart's copy too); the main store first. */
  async delete(key: string): Promise<void> {
    await this.main.delete(key)
    await (await this.archive()).delete(key)
  }

  async close(): Promise<void> {
    const archive = this.#archive
    this.#archive = null
    if (archive) await (await archive).close()
  }
}
