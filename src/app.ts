/**
 * Assembles chartclerk from its configuration: logger, catalog, object store,
 * OCR pool, classifier, rule set and ingest runner. Commands open what they
 * need and close it after.
 */
import sharp from 'sharp'
import { DoctypeClassifier } from './classify/classifier.js'
import { loadModel } from './classify/model.js'
import { resolveModelPath } from './classify/paths.js'
import { clockFromConfig, type Clock } from './clock/clock.js'
import type { Config } from './config/config.js'
import { RulesetVersions } from './deficiencies/rulesetVersions.js'
import { ChartclerkError } from './errors.js'
import { catalogOn, openCatalog, type Catalog } from './catalog/db.js'
import { assertMovedToPostgres } from './catalog/sql/finishMove.js'
import { openSqlCatalog, type SqlCatalog } from './catalog/sql/open.js'
import { createOcrEngine, type OcrEngine } from './extract/ocr/engine.js'
import { closePageImageSessions } from './derived/pageImages.js'
import { SearchablePdfBuilder } from './derived/searchablePdfs.js'
import { closeSandbox, configureSandbox, prewarmReaders } from './extract/sandbox/pool.js'
import { ContentLocks } from './ingest/contentLocks.js'
import { IngestRunner } from './ingest/runner.js'
import { openJobQueue } from './queue/open.js'
import { SqliteJobQueue } from './queue/sqlite.js'
import type { JobQueue } from './queue/types.js'
import type { StageContext } from './ingest/stages/types.js'
import { createLogger, type Logger } from './log.js'
import type { RuleSetWatcher } from './rules/hotReload.js'
import { RulesInForce } from './rules/inForce.js'
import { rulesDirOf } from './rules/rulesDir.js'
import { ArchiveAwareStore } from './storage/archiveAwareStore.js'
import { belongsInArchive } from './inactive/inactive.js'
import { createArchiveStore, createObjectStore } from './storage/createStore.js'
import type { ObjectStore } from './storage/objectStore.js'

export interface App {
  config: Readonly<Config>
  log: Logger
  catalog: Catalog
  /**
   * The catalog through the query builder: the same SQLite file, or the PostgreSQL catalog
   * several desks share (catalog.url). Accounts and sessions live here.
   */
  sql: SqlCatalog
  /** The main object store. */
  store: ObjectStore
  /** The main store and the archive location of inactive charts as one: reads find an object in either. */
  storeWithArchive: ArchiveAwareStore
  ocr: OcrEngine
  classifier: DoctypeClassifier
  /** The check rules in force (ruleFiles.checks). */
  rules: RuleSetWatcher
  /** Every kind of rule file in force, each kept at its last good version; `start` and `serve` watch them for edits. */
  ruleFiles: RulesInForce
  runner: IngestRunner
  /** Searchable PDFs of scanned documents, built after they settle (background under `start`). */
  searchablePdfs: SearchablePdfBuilder
  ctx: StageContext
  /** The clinic's clock (clinic.timeZone): every "today" and calendar date comes from it. */
  clock: Clock
  /** False when storage did not answer at start (only with `storageMayBeDown`): call store.init() before ingesting. */
  storageReady: boolean
  close(): Promise<void>
}

export { rulesDirOf }

interface OpenAppOptions {
  log?: Logger
  storageMayBeDown?: boolean
  clock?: Clock
  prewarmReaders?: number
  work?: boolean
  queue?: JobQueue | 'configured'
}

/** `clock`: the clinic's clock to use instead of the one the configuration makes (tests set the time with it). */
export async function openApp(config: Readonly<Config>, opts: OpenAppOptions = {}): Promise<App> {
  try {
    return await assembleApp(config, opts)
  } catch (err) {
    // Reader processes started ahead would keep a process that cannot open its catalog or
    // storage alive after its message: a worker under a service manager would look running.
    if (opts.prewarmReaders) await closeSandbox().catch(() => undefined)
    throw err
  }
}

async function assembleApp(config: Readonly<Config>, opts: OpenAppOptions): Promise<App> {
  const log = opts.log ?? createLogger({ level: config.log.level, includePatientData: config.log.includePatientData })
  // As many reader processes as OCR workers: reading and OCR share the same cores, and each reader costs memory.
  configureSandbox(config.ingest.budget, { readers: config.ocr.workers })
  // What images this process still makes (a stand-in for a damaged page, crops of images on text-layer pages, pages of
  // searchable PDFs) are each made once: libvips's cache of finished operations (up to 50 MB) would only hold memory.
  sharp.cache(false)
  // Reader processes start while the catalog, storage and rule set open.
  if (opts.prewarmReaders) prewarmReaders(opts.prewarmReaders)
  const clock = opts.clock ?? clockFromConfig(config)
  const embedded = openCatalog(config.catalog.path, { now: () => clock.now() })
  let sql: SqlCatalog
  try {
    sql = await openSqlCatalog(config.catalog, embedded.db)
  } catch (err) {
    embedded.close()
    throw err
  }
  try {
    // A desk that ran with catalog.url before its documents moved there: not until they have.
    await assertMovedToPostgres(embedded.db, sql, config.catalog.path)
  } catch (err) {
    embedded.close()
    await sql.close()
    throw err
  }
  // Every repository on one engine: with catalog.url the documents' side too is on PostgreSQL.
  const catalog = catalogOn(embedded, sql, { now: () => clock.now() })
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
    await sql.close()
    catalog.close()
    throw err
  }
  const ruleFiles = new RulesInForce(rulesDirOf(config), { log })
  ruleFiles.reload()
  const rules = ruleFiles.checks
  // Every rule set put in force gets the number the lead knows it by ("rule set 3 of 2026-12-01").
  const rulesetVersions = new RulesetVersions(sql)
  const numberVersion = (version: string, at: string) =>
    rulesetVersions
      .record(version, at)
      .catch((err: unknown) =>
        log.warn(
          { code: (err as { code?: string }).code ?? 'unknown' },
          'the rule set version could not be numbered; the next check numbers it',
        ),
      )
  if (rules.current) await numberVersion(rules.current.version, rules.current.loadedAt)
  rules.on('swap', (next: NonNullable<typeof rules.current>) => void numberVersion(next.version, next.loadedAt))
  let classifier: DoctypeClassifier
  try {
    classifier = new DoctypeClassifier(loadModel(resolveModelPath(config.dataDir)), ruleFiles.docTypes(), {
      reviewThreshold: config.filing.minTypeConfidence,
    })
  } catch (err) {
    await sql.close()
    catalog.close()
    await store.close()
    throw err
  }
  // A good edit of the document types reaches the classifier and field reading at once.
  ruleFiles.doctypes.on('swap', (next: DoctypeClassifier['docTypes']) => classifier.useDocTypes(next))
  const ocr = createOcrEngine({
    engine: config.ocr.engine,
    tesseractPath: config.ocr.tesseractPath,
    workers: config.ocr.workers,
    language: config.ocr.language,
    pageTimeoutMs: config.ocr.pageTimeoutMs,
    recyclePages: config.ocr.recyclePages,
    recycleMemoryMb: config.ocr.recycleMemoryMb,
  })
  const storeWithArchive = new ArchiveAwareStore(store, () => createArchiveStore(config, store), belongsInArchive(catalog, sql))
  const ctx: StageContext = {
    config,
    catalog,
    sql,
    store,
    storeWithArchive,
    ocr,
    log,
    contentLocks: new ContentLocks(),
    classifier,
    rules: () => rules.current,
    ruleFiles,
    clock,
  }
  // The job queue between receiving and working: the one given; with 'configured', pg-boss on the
  // PostgreSQL server when catalog.url is set (watchers and workers on several machines share it);
  // else the embedded queue on the catalog's job rows. (Until the runner's job rows and the
  // documents live on the PostgreSQL catalog too, a job's stages and its document are recorded in
  // this SQLite file: workers on other machines need that to land.)
  const settings = {
    leaseSeconds: config.queue.leaseSeconds,
    maxAttempts: config.queue.maxAttempts,
    retryDelaySeconds: config.queue.retryDelaySeconds,
  }
  let queue: JobQueue
  try {
    queue =
      opts.queue === 'configured'
        ? await openJobQueue(config.catalog, catalog.db, settings, {
            onError: (err) => log.warn({ code: (err as { code?: string }).code }, 'job queue server: connection trouble'),
          })
        : (opts.queue ?? new SqliteJobQueue(catalog.db, settings))
  } catch (err) {
    await ocr.close()
    await storeWithArchive.close()
    await store.close()
    await sql.close()
    catalog.close()
    throw err
  }
  const ownQueue = opts.queue === 'configured'
  const runner = new IngestRunner(ctx, {
    concurrency: config.ingest.concurrency,
    queue,
    pollMs: config.queue.pollMs,
    site: config.nodes.site,
    work: opts.work,
  })
  const searchablePdfs = new SearchablePdfBuilder({ catalog, sql, storeWithArchive, config }, log)
  let closed = false
  return {
    config,
    log,
    catalog,
    sql,
    store,
    storeWithArchive,
    ocr,
    classifier,
    rules,
    ruleFiles,
    runner,
    searchablePdfs,
    ctx,
    clock,
    storageReady,
    async close() {
      if (closed) return
      closed = true
      await searchablePdfs.stop()
      await closePageImageSessions({ storeWithArchive })
      await ruleFiles.close()
      await ocr.close()
      await closeSandbox()
      await storeWithArchive.close()
      await store.close()
      if (ownQueue) await queue.close()
      await sql.close()
      catalog.close()
    },
  }
}
