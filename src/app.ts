/**
 * Assembles chartclerk from its configuration: logger, catalog, object store,
 * OCR pool, classifier, rule set and ingest runner. Commands open what they
 * need and close it after.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadDefaultClassifier, type DoctypeClassifier } from './classify/classifier.js'
import { packageRoot, resolveModelPath } from './classify/paths.js'
import type { Config } from './config/config.js'
import { ChartclerkError } from './errors.js'
import { openCatalog, type Catalog } from './catalog/db.js'
import { createOcrEngine, type OcrEngine } from './extract/ocr/engine.js'
import { closePageImageSessions } from './derived/pageImages.js'
import { SearchablePdfBuilder } from './derived/searchablePdfs.js'
import { closeSandbox, configureSandbox, prewarmReaders } from './extract/sandbox/pool.js'
import { ContentLocks } from './ingest/contentLocks.js'
import { IngestRunner } from './ingest/runner.js'
import type { StageContext } from './ingest/stages/types.js'
import { createLogger, type Logger } from './log.js'
import { RuleSetWatcher } from './rules/hotReload.js'
import { resolveChecksDir } from './rules/ruleset.js'
import { createObjectStore } from './storage/createStore.js'
import type { ObjectStore } from './storage/objectStore.js'

export interface App {
  config: Readonly<Config>
  log: Logger
  catalog: Catalog
  store: ObjectStore
  ocr: OcrEngine
  classifier: DoctypeClassifier
  /** The rule set in force; `start` watches the folder for edits. */
  rules: RuleSetWatcher
  runner: IngestRunner
  /** Searchable PDFs of scanned documents, built after they settle (background under `start`). */
  searchablePdfs: SearchablePdfBuilder
  ctx: StageContext
  /** False when storage did not answer at start (only with `storageMayBeDown`): call store.init() before ingesting. */
  storageReady: boolean
  close(): Promise<void>
}

/** The records lead's rules folder, or the starter set shipped with chartclerk when there is none. */
export function rulesDirOf(config: Readonly<Config>): string {
  return existsSync(config.rulesDir) ? config.rulesDir : path.join(packageRoot(), 'rules')
}

export async function openApp(config: Readonly<Config>, opts: { log?: Logger; storageMayBeDown?: boolean; prewarmReaders?: number } = {}): Promise<App> {
  const log = opts.log ?? createLogger({ level: config.log.level, includePatientData: config.log.includePatientData })
  configureSandbox(config.ingest.budget, { keepIdle: config.ingest.concurrency })
  // Reader processes start while the catalog, storage and rule set open.
  if (opts.prewarmReaders) prewarmReaders(opts.prewarmReaders)
  const catalog = openCatalog(config.catalog.path)
  let store: ObjectStore
  let storageReady = true
  try {
    store = await createObjectStore(config, { log })
    try {
      await store.init()
    } catch (err) {
      // `start` serves the desk and waits for storage to answer (an outage at boot is still an outage).
      if (!opts.storageMayBeDown || !(err instanceof ChartclerkError) || !err.transient) throw err
      log.warn({ code: err.code }, 'storage unreachable at start; the desk runs, ingest waits for storage')
      storageReady = false
    }
  } catch (err) {
    catalog.close()
    throw err
  }
  const rulesDir = rulesDirOf(config)
  const docTypesDir = path.join(rulesDir, 'doctypes')
  const classifier = loadDefaultClassifier({
    modelPath: resolveModelPath(config.dataDir),
    docTypesDir: existsSync(docTypesDir) ? docTypesDir : undefined,
    reviewThreshold: config.filing.minTypeConfidence,
  })
  const rules = new RuleSetWatcher(resolveChecksDir(rulesDir), {
    onRefused: (r) => log.warn({ problems: r.messages.length, keptVersion: r.keptVersion }, 'rule set edit refused; the last good rule set stays in force'),
    onSwap: (next) => log.info({ rulesetVersion: next.version, rules: next.rules.length }, 'rule set in force'),
  })
  rules.reload()
  const ocr = createOcrEngine({ engine: config.ocr.engine, tesseractPath: config.ocr.tesseractPath, workers: config.ocr.workers, language: config.ocr.language, pageTimeoutMs: config.ocr.pageTimeoutMs })
  const ctx: StageContext = { config, catalog, store, ocr, log, contentLocks: new ContentLocks(), classifier, rules: () => rules.current }
  const runner = new IngestRunner(ctx, { concurrency: config.ingest.concurrency })
  const searchablePdfs = new SearchablePdfBuilder({ catalog, store, config }, log)
  let closed = false
  return {
    config, log, catalog, store, ocr, classifier, rules, runner, searchablePdfs, ctx, storageReady,
    async close() {
      if (closed) return
      closed = true
      await searchablePdfs.stop()
      await closePageImageSessions({ store })
      await rules.close()
      await ocr.close()
      await closeSandbox()
      await store.close()
      catalog.close()
    },
  }
}
