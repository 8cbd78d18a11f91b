/**
 * The one place that knows which backends exist. Everything above src/storage asks
 * for "the object store" and gets an ObjectStore.
 *
 * @example
 *   const store = await createObjectStore(config, { log })
 *   await store.init()
 */
import type { Config } from '../config/config.js'
import { ChartclerkError } from '../errors.js'
import { FilesystemObjectStore } from './fsStore.js'
import type { ObjectStore } from './objectStore.js'
import { PrefixedObjectStore } from './prefixedStore.js'
import type { S3StoreOptions } from './s3Store.js'

/** The S3 client (minio) is loaded only for an S3 backend: it costs half a second of start-up on every command. */
const s3Store = () => import('./s3Store.js').then((m) => m.S3ObjectStore)

export type StoreOptions = S3StoreOptions

export async function createObjectStore(config: Readonly<Config>, opts: StoreOptions = {}): Promise<ObjectStore> {
  const storage = config.storage
  if (storage.backend === 'filesystem') return new FilesystemObjectStore(storage.filesystem.dir)
  if (!storage.s3) {
    throw new ChartclerkError('CONFIG_INVALID', 'Setting storage.s3 is required when storage.backend is s3.', {
      detail: 'storage.s3 missing',
    })
  }
  return new (await s3Store())(storage.s3, opts)
}

/**
 * The archive location for inactive charts: a second bucket (storage.archive.bucket,
 * same S3 server and keys) or else storage.archive.prefix inside the main store.
 * Pass the main store when one is already open, so the two share it.
 */
export async function createArchiveStore(config: Readonly<Config>, mainStore?: ObjectStore, opts: StoreOptions = {}): Promise<ObjectStore> {
  const { archive, backend, s3 } = config.storage
  if (backend === 's3' && s3 && archive.bucket && archive.bucket !== s3.bucket) {
    return new (await s3Store())({ ...s3, bucket: archive.bucket }, opts)
  }
  return new PrefixedObjectStore(mainStore ?? (await createObjectStore(config, opts)), archive.prefix, !mainStore)
}
