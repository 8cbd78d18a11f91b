/**
 * The running chartclerk, in one of three roles:
 *
 * - `start`: one per data folder (per site with `nodes.site`), it watches the inbox, files what
 *   arrives, serves the web desk when asked and builds searchable PDFs in the background;
 * - `watcher` (`start --no-workers`): only receives: takes stable inbox files, stores each original
 *   in the object store and queues its job (one per site);
 * - `worker` (`chartclerk worker`, any number, on any machine): only works: takes queued jobs,
 *   reads each original from the object store and runs the rest of the pipeline, and builds
 *   searchable PDFs.
 *
 * With `catalog.url` set the job queue is pg-boss on that PostgreSQL server; else the embedded one.
 *
 * It stops in an order that loses nothing (a job in hand that does not finish in time goes back
 * to the queue untouched). The command line only starts it, prints its results and hands it the
 * stop signal.
 *
 * @example
 *   const daemon = await startDaemon(config, { onResult: (r) => print(r), desk: (app) => serveDesk(app) })
 *   process.once('SIGINT', () => void daemon.stop('SIGINT'))
 *   await daemon.stopped
 */
import { openApp, type App } from '../app.js'
import { writeCheckpoint } from '../audit/checkpoint.js'
import { AuditLog } from '../audit/log.js'
import type { Config } from '../config/config.js'
import { closeSandbox } from '../extract/sandbox/pool.js'
import { liveHolders, lockDataFolder, lockNameFor, workerLockName } from '../ingest/dataLock.js'
import type { IngestResult } from '../ingest/runner.js'
import { InboxWatcher } from '../ingest/watcher.js'
import { startAppHeartbeat, type Heartbeat } from '../nodes/heartbeat.js'

/** The web desk as the daemon sees it: something to close first at the stop. */
export interface RunningDesk {
  close(): Promise<void>
}

export interface DaemonOptions {
  /** Every result as it comes (the command line prints it). */
  onResult(r: IngestResult): void
  /** Starts the web desk over the open app; absent: no desk (`--no-web`). A port in use fails the start before the inbox is touched. */
  desk?(app: App): Promise<RunningDesk>
  /** Tells the person at the console what is going on (absent with --json: the log says it). */
  say?(text: string): void
  /** Default `start` (receives and works). */
  role?: DaemonRole
}

export type DaemonRole = 'start' | 'watcher' | 'worker'

export interface Daemon {
  readonly app: App
  /** Finishes the files in hand and closes everything; a second call waits for the first. */
  stop(signal: string): Promise<void>
  /** Resolves once stopped. */
  readonly stopped: Promise<void>
}

export async function startDaemon(config: Readonly<Config>, opts: DaemonOptions): Promise<Daemon> {
  const role = opts.role ?? 'start'
  const receives = role !== 'worker'
  const works = role !== 'watcher'
  // One receiving process per inbox (per site's lock in the data folder): a second would claim the
  // same files. A worker's lock is its own (the queue gives each job to one worker): it only says
  // that it runs, to `catalog migrate`.
  if (!receives) await liveHolders(config.dataDir) // tidies the locks of workers that are gone
  const lock = await lockDataFolder(config.dataDir, { name: receives ? lockNameFor(config.nodes.site) : workerLockName() })
  let app: App
  try {
    // The configured queue: pg-boss on the PostgreSQL server when catalog.url is set, so watchers and workers of several machines share it.
    app = await openApp(config, { storageMayBeDown: true, prewarmReaders: works ? 1 : 0, work: works, queue: 'configured' })
  } catch (err) {
    await lock.release()
    throw err
  }
  const { runner, log } = app
  runner.on('result', (r: IngestResult) => opts.onResult(r))
  let desk: RunningDesk | null
  let heartbeat: Heartbeat | null = null
  try {
    await app.ruleFiles.start()
    // Which rule set this node has in force, for status and the dashboard to compare across nodes.
    heartbeat = await startAppHeartbeat(app, role)
    // The web desk first: a port already in use stops here, before the inbox is touched.
    desk = opts.desk ? await opts.desk(app) : null
  } catch (err) {
    await heartbeat?.stop()
    await app.close()
    await lock.release()
    throw err
  }
  // Receiving stores each original and working reads it back: both wait for storage.
  if (!app.storageReady) {
    // Storage did not answer at start: the desk runs (it shows storage as down), files wait in the inbox.
    let lastCode = ''
    runner.pauseForStorage('storage unreachable', async () => {
      try {
        await app.store.init()
        return true
      } catch (err) {
        const code = (err as { code?: string }).code ?? 'INTERNAL'
        if (code !== lastCode) log.warn({ code }, 'storage still not ready')
        lastCode = code
        return false
      }
    })
    opts.say?.('the document storage does not answer yet; files wait in the inbox and are taken as soon as it does.')
  }
  await runner.recover({ receive: receives })
  if (works) {
    // Searchable PDFs owed (some perhaps from before a stop) are built in the background as documents settle.
    app.searchablePdfs.start()
    runner.on('result', () => app.searchablePdfs.wake())
    // Jobs other processes queued, and jobs whose wait after a failure is over.
    runner.startPolling()
  }
  let watcher: InboxWatcher | null = null
  if (receives) {
    const w = new InboxWatcher(
      config.watch,
      (f, o) => runner.offer(f, o),
      (f) => runner.has(f),
      log,
    )
    watcher = w
    runner.on('unstable', (f: string) => w.retrack(f))
    runner.on('resumed', () => void w.rescan())
    await w.start()
    log.info(
      { inbox: config.watch.inbox, polling: config.watch.polling, site: config.nodes.site, role, queue: runner.queue.engine },
      'watching the inbox',
    )
  }
  if (works)
    log.info(
      { worker: runner.worker, workers: config.ocr.workers, concurrency: config.ingest.concurrency, role, queue: runner.queue.engine },
      'working the queue',
    )

  let stopping: Promise<void> | null = null
  let markStopped!: () => void
  const stopped = new Promise<void>((resolve) => (markStopped = resolve))
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping: finishing the files in hand')
    await desk?.close()
    await watcher?.stop()
    if (works) await app.searchablePdfs.stop()
    await runner.stop(config.ocr.pageTimeoutMs > 10_000 ? 10_000 : config.ocr.pageTimeoutMs)
    // Closing OCR abandons what is still in hand; those jobs go back to the queue untouched.
    await app.ocr.close()
    // Likewise the readers: a file being opened goes back to the queue rather than holding up the stop.
    await closeSandbox()
    await runner.idle()
    // The desk checkpoints the audit chain while it runs; without it, one at the stop still anchors the chain.
    if (!desk)
      await writeCheckpoint(app.store, new AuditLog(app.sql)).catch(() => log.warn('audit checkpoint not written at stop (storage?)'))
    await heartbeat?.stop()
    await app.close()
    await lock.release()
    markStopped()
  }
  return {
    app,
    stopped,
    stop: (signal) => (stopping ??= stop(signal)),
  }
}
