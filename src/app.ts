/**
 * Assembles chartclerk from its configuration: logger, catalog, object store,
 * OCR pool and ingest runner. Commands open what they need and close it after.
 */
import type { Config } from './config/config.js'
import { openCatalog, type Catalog } from './catalog/db.js'
import { OcrPool } from './extract/ocr/pool.js'
import { ContentLocks } from './ingest/contentLocks.js'
import { IngestRunner } from './ingest/runner.js'
import type { StageContext } from './ingest/stages/types.js'
import { createLogger, type Logger } from './log.js'
import { createObjectStore } from './storage/createStore.js'
import type { ObjectStore } from './storage/objectStore.js'

export interface App {
  config: Readonly<Config>
  log: Logger
  catalog: Catalog
  store: ObjectStore
  ocr: OcrPool
  runner: IngestRunner
  close(): Promise<void>
}

export async function openApp(config: Readonly<Config>, opts: { log?: Logger } = {}): Promise<App> {
  const log = opts.log ?? createLogger({ level: config.log.level, includePatientData: config.log.includePatientData })
  const catalog = openCatalog(config.catalog.path)
  let store: ObjectStore
  try {
    store = await createObjectStore(config, { log })
    await store.init()
  } catch (err) {
    catalog.close()
    throw err
  }
  const ocr = new OcrPool({ workers: config.ocr.workers, language: config.ocr.language, pageTimeoutMs: config.ocr.pageTimeoutMs })
  const ctx: StageContext = { config, catalog, store, ocr, log, contentLocks: new ContentLocks() }
  const runner = new IngestRunner(ctx, { concurrency: config.ingest.concurrency })
  let closed = false
  return {
    config, log, catalog, store, ocr, runner,
    async close() {
      if (closed) return
      closed = true
      await ocr.close()
      await store.close()
      catalog.close()
    },
  }
}
