/** The object store the configuration names. Nothing above src/storage knows which backend it is. */
import type { Config } from '../config/config.js'
import { ChartclerkError } from '../errors.js'
import { FilesystemObjectStore } from './fsStore.js'
import type { ObjectStore } from './objectStore.js'

export async function createObjectStore(config: Readonly<Config>): Promise<ObjectStore> {
  if (config.storage.backend === 'filesystem') return new FilesystemObjectStore(config.storage.filesystem.dir)
  throw new ChartclerkError('CONFIG_INVALID', `Setting storage.backend "${config.storage.backend}" is not available in this build.`, { detail: 'backend' })
}
