/**
 * The ingest runner, in two halves that may run in different processes and on different machines:
 *
 * - receiving (a watcher): takes a stable inbox file into its own work area under a job row,
 *   stores the original in the object store with the verified write, queues the job carrying the
 *   original's SHA-256 (src/queue/), and only then lets its copy go. A crash at any step leaves
 *   the file in the inbox (or in the work area, given back at the next start) or stored and queued;
 *   the same content received again is a repeat receipt, never a second document.
 * - working (a worker): its lanes claim jobs from the queue under a lease, read each original from
 *   the object store into the worker's own folder (hash-checked), renew the lease while a stage
 *   runs, and end every file in exactly one place: catalogued, or in quarantine with its note. A
 *   storage outage gives the job back to the queue (it runs again after a short wait, the run not
 *   counted) and pauses the lanes until storage answers. The object store, not a local folder, is
 *   what the two halves share.
 *
 * The crash guard: a job whose worker went away while reading the file (inspect, extract) has
 * had a failed run; after `queue.maxAttempts` such runs (default ingest.maxCrashes) it is
 * dead-lettered and set aside in quarantine. A job that had such a run runs alone, so a
 * second crash names the file that caused it. `ingest FILE...` runs its files directly (no queue).
 */
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ChartclerkError, toChartclerkError } from '../errors.js'
import { backoffMs } from '../queue/backoff.js'
import { deadLetterError } from '../queue/deadLetter.js'
import { LEASE_EXPIRED, type ClaimedJob, type DeadJob, type JobQueue, type QueuedFile } from '../queue/types.js'
import { verifyObject } from '../storage/hashObject.js'
import type { JobRow } from '../catalog/jobs.js'
import { processAlive } from './dataLock.js'
import { copyFileDurably, moveFile, moveLink } from './fsMove.js'
import { checkInboxPath } from './inboxPath.js'
import { diskFullError, hasRoom, isNoSpace, MIN_FREE_BYTES } from './diskSpace.js'
import { sourceFolderOf } from './junk.js'
import { runPipeline, STAGES } from './pipeline.js'
import { fetchOriginal, sizeRefusal, storeOriginal } from './originals.js'
import { expectImageFiles } from '../extract/sandbox/pool.js'
import { tidyPartScratch } from '../split/partScratch.js'
import { crashHookForTests } from './testCrash.js'
import { listQuarantine, quarantineTarget, writeQuarantineNote } from './quarantine.js'
import { sha256File } from './stages/hash.js'
import { sniffFile } from '../extract/sniff.js'
import { originalKey } from '../storage/objectStore.js'
import type { ExtractionDetails } from '../charts/buildChart.js'
import type { MatchSummary } from '../patients/matchSummary.js'
import type { Job, Stage, StageContext } from './stages/types.js'
import type { PageRange } from '../split/boundaries.js'
import type { WaitingSplit } from './stages/split.js'

/** File names of the image kinds chartclerk reads (TIFF, PNG, JPEG). */
const IMAGE_NAME = /\.(tiff?|png|jpe?g)$/i

export type IngestStatus = 'filed' | 'needs_review' | 'duplicate' | 'failed' | 'released'

export interface IngestResult {
  file: string
  status: IngestStatus
  documentId: number | null
  sha256: string | null
  pages: number | null
  ocrConfidence: number | null
  textLength: number | null
  textSource: string | null
  jobId: string
  documentType: string | null
  typeConfidence: number | null
  patient: { mrn: string } | null
  matchConfidence: number | null
  matchReason: string | null
  dateOfService: string | null
  signed: boolean | null
  pagesDeclared: number | null
  missingPages: number[]
  fields: Record<string, unknown> | null
  reviewReasons: string[]
  /** The pages of the received file this document is (1-based); a one-document file: all of them. Null when the file was not read. */
  split: { from: number; to: number } | null
  /** Blank pages of the received file inside `split` that are not this document's pages (kept in the file, never filed). */
  blankPages?: number[]
  /** SHA-256 of the received file (the batch) this document came in. */
  batchSha256: string | null
  /** A part proposed for a stack that waits in review (not a document yet: `documentId` is the review item). */
  splitProposed?: boolean
  error?: { code: string; message: string; stage: string | null }
  quarantinedAs?: string
}

export interface Observed {
  size: number
  mtimeMs: number
}

export interface RunnerOptions {
  concurrency: number
  /** How often to look at storage again while paused. */
  storageRetryMs?: number
  stages?: readonly Stage[]
  /** The job queue between receiving and working (src/queue/). */
  queue: JobQueue
  /** False: this process only receives (a watcher); its offers are run by workers elsewhere. Default true. */
  work?: boolean
  /** The site whose inbox this process receives from (recorded on each job). */
  site?: string
  /** How often idle lanes look for jobs other processes queued (only after `startPolling`). */
  pollMs?: number
}

interface Offer {
  inboxPath: string
  observed?: Observed
}

/** Stages where the file's own content is parsed, decoded or OCRed. */
const READING_STAGES = new Set(['inspect', 'extract'])

/** This process as a worker: host, process id and a random part (a restarted process with the same id is another worker). */
function workerName(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
}

/** A worker on this machine whose process is no longer running (its jobs need not wait for their leases). */
export function workerGone(worker: string | null, me: string): boolean {
  if (!worker || worker === me) return false
  const [host, pid] = worker.split(':')
  if (host !== os.hostname()) return false
  const n = Number(pid)
  if (n === process.pid) return true // the same id, an earlier process
  return !processAlive(n)
}

export class IngestRunner extends EventEmitter {
  /** Inbox files offered and not yet taken into the work area. */
  private readonly offers: Offer[] = []
  private readonly known = new Set<string>()
  private readonly active = new Map<string, Job>()
  readonly worker = workerName()
  /** This process's own folder for the originals its lanes read from the store. */
  private readonly fetchDir: string
  private receiving = false
  private lanesRunning = 0
  private suspectRunning = false
  private stopping = false
  private paused = false
  private pauseReason: 'storage unreachable' | 'disk full' | null = null
  private pauseTimer: NodeJS.Timeout | null = null
  private pollTimer: NodeJS.Timeout | null = null
  private draining = false
  private readonly unsettable = new Set<string>()
  private idleWaiters: (() => void)[] = []

  constructor(
    private readonly ctx: StageContext,
    private readonly opts: RunnerOptions,
  ) {
    super()
    this.fetchDir = path.join(ctx.config.fetchDir, fetchFolderOf(this.worker))
  }

  get queue(): JobQueue {
    return this.opts.queue
  }

  private get working(): boolean {
    return this.opts.work !== false
  }

  get isPaused(): boolean {
    return this.paused
  }

  snapshot(): { queued: number; inProgress: number; paused: boolean; pauseReason: string | null } {
    return { queued: this.offers.length, inProgress: this.active.size, paused: this.paused, pauseReason: this.pauseReason }
  }

  /** True while a path is offered and not yet taken (the watcher must not offer it again). */
  has(inboxPath: string): boolean {
    return this.known.has(inboxPath)
  }

  /** Watch mode: offer a stable inbox file. Never offered twice. */
  offer(inboxPath: string, observed?: Observed): boolean {
    if (this.stopping || this.known.has(inboxPath)) return false
    this.known.add(inboxPath)
    this.offers.push({ inboxPath, observed })
    void this.receive()
    return true
  }

  /**
   * Lanes look for jobs every `pollMs` (jobs other processes queued, jobs whose wait after a
   * failure is over) and set aside dead-lettered ones. `start` and `worker` call it.
   */
  startPolling(): void {
    if (!this.working || this.pollTimer) return
    const every = this.opts.pollMs ?? 1000
    const tick = () => {
      if (this.stopping) return
      // A worker on this machine that went away (killed, crashed) frees its job now, not when its lease runs out.
      const gone = this.takeBackFromGoneWorkers().catch((err: unknown) =>
        this.ctx.log.warn({ code: (err as { code?: string }).code }, 'jobs of workers that went away not taken back yet'),
      )
      void gone
        .then(() => this.tidyFetched())
        .then(() => this.drainDead())
        .finally(() => {
          this.wake()
          if (!this.stopping) this.pollTimer = setTimeout(tick, every)
        })
    }
    this.pollTimer = setTimeout(tick, every)
  }

  /**
   * At start, after a crash: jobs held by workers of this machine that are gone go back to the
   * queue (counted against the file when it went down while reading it); the receiving side
   * finishes or gives back what a claim left half-done and returns unreferenced work files to
   * the inbox.
   */
  async recover(opts: { receive?: boolean } = {}): Promise<number> {
    const { config } = this.ctx
    await fs.mkdir(config.workDir, { recursive: true })
    const resumed = await this.takeBackFromGoneWorkers()
    if (opts.receive !== false) await this.recoverReceiving()
    if (this.working) {
      await this.tidyFetched()
      await this.drainDead()
      this.wake()
    }
    return resumed
  }

  private async takeBackFromGoneWorkers(): Promise<number> {
    const { catalog, log } = this.ctx
    let n = 0
    for (const view of await this.queue.inProgress()) {
      if (!workerGone(view.worker, this.worker)) continue
      const row = catalog.jobs.get(view.key)
      if (row?.stage === 'quarantine' && row.outcome && existsSync(row.outcome + '.error.json')) {
        // The note was written, the move perhaps not: finish it under the same name (never "name (2)").
        if (existsSync(row.workPath)) {
          await fs.mkdir(path.dirname(row.outcome), { recursive: true })
          await moveFile(row.workPath, row.outcome)
        } else if (view.file.sha256 && !existsSync(row.outcome)) {
          // A worker's copy went with it: the original comes from the store.
          await fetchOriginal(this.ctx.store, view.file.sha256, row.outcome)
        }
        // Ended first, then given back: a worker that claims it meanwhile finds it ended and completes it.
        catalog.jobs.update(row.id, { state: 'quarantined' })
        await this.queue.takeBack(view.id, null)
        continue
      }
      // Down while the file was opened or read counts against the file; down at storing or indexing does not.
      const stage = row?.stage ?? null
      const failure = stage && READING_STAGES.has(stage) ? { ...LEASE_EXPIRED, stage } : null
      const out = await this.queue.takeBack(view.id, failure)
      if (out) n++
      log.info({ job: view.key, stage, counted: !!failure, outcome: out?.outcome }, 'job of a worker that went away taken back')
    }
    if (n) log.info({ resumed: n }, 'resuming unfinished jobs')
    return n
  }

  private async recoverReceiving(): Promise<void> {
    const { catalog, config, log } = this.ctx
    const inbox = path.resolve(config.watch.inbox)
    const ours = (p: string) => p === inbox || p.startsWith(inbox + path.sep)
    for (const row of catalog.jobs.unfinished()) {
      const workExists = existsSync(row.workPath)
      const job = this.jobOfRow(row)
      if (row.mode === 'ingest') {
        // `ingest` worked on a copy; the file given is still where it was.
        await fs.rm(row.workPath, { force: true })
        await fs.rm(`${row.workPath}.partial`, { force: true })
        catalog.jobs.update(row.id, { state: 'released' })
        await this.endInterruptedReading(row.documentId)
        continue
      }
      // Another site's watcher sharing this data folder recovers its own claims.
      if (!ours(row.inboxPath)) continue
      if (row.stage === 'quarantine' && row.outcome && workExists) {
        // The note was written, the move was not: finish it under the same name (never "name (2)").
        await fs.mkdir(path.dirname(row.outcome), { recursive: true })
        await moveFile(row.workPath, row.outcome)
        catalog.jobs.update(row.id, { state: 'quarantined' })
        continue
      }
      if (row.state === 'claiming' && existsSync(row.inboxPath)) {
        // The move never completed: the inbox copy is the file.
        await fs.rm(row.workPath, { force: true })
        await fs.rm(`${row.workPath}.partial`, { force: true })
        catalog.jobs.update(row.id, { state: 'released' })
        continue
      }
      if (!workExists) {
        if (row.stage === 'quarantine' && row.outcome && existsSync(row.outcome)) catalog.jobs.update(row.id, { state: 'quarantined' })
        // Stored and queued (its claimed copy let go): the queue's now, a worker ends it.
        else if (row.state === 'claimed') continue
        else {
          log.warn({ job: row.id }, 'claimed file is neither in the inbox nor in the work area; nothing to recover')
          catalog.jobs.update(row.id, { state: 'released' })
        }
        continue
      }
      // Still in the work area: perhaps stored and queued already (down before the copy went), perhaps
      // not (down before the store), or left by an earlier version whose workers read the work area,
      // where crashes while reading it count.
      if (row.stage && READING_STAGES.has(row.stage)) {
        const crashes = row.crashes + 1
        if (crashes >= this.queue.settings.maxAttempts) {
          catalog.jobs.update(row.id, { crashes })
          await this.quarantinePoison(job, row.stage, crashes)
          continue
        }
        catalog.jobs.update(row.id, { crashes, attempts: crashes, stage: null })
      }
      await this.storeAndQueue(job, row.state === 'claimed')
    }
    // Files in the work area. A queued job's copy (down right after queueing) is let go once the
    // store is seen to hold it; a file whose job ended meanwhile likewise. Files that no job holds
    // cannot come from a finished claim: they go back to the inbox. (Listed before the rows are
    // read: a claim writes its row before it moves the file, so a file another site's watcher is
    // claiming right now is seen with its row.)
    const names = await fs.readdir(config.workDir)
    const inHand = catalog.jobs.workPathsInHand()
    for (const name of names) {
      const full = path.join(config.workDir, name)
      if (!existsSync(full)) continue
      if (name.endsWith('.partial')) {
        if (!inHand.has(full.slice(0, -'.partial'.length))) await fs.rm(full, { force: true })
        continue
      }
      const row = catalog.jobs.get(name)
      const mine = row?.mode === 'watch' && row.workPath === full
      if (inHand.has(full)) {
        if (mine && row.state === 'claimed' && ours(row.inboxPath)) await this.storeAndQueue(this.jobOfRow(row), true)
        continue
      }
      if (mine && (row.state === 'done' || row.state === 'quarantined') && (await this.storedWhole(full))) {
        await fs.rm(full, { force: true })
        continue
      }
      const back = path.join(config.watch.inbox, `recovered-${name}`)
      await fs.mkdir(config.watch.inbox, { recursive: true })
      await moveFile(full, back)
      log.warn({ file: name }, 'returned an unreferenced work file to the inbox')
    }
  }

  private jobOfRow(row: JobRow): Job {
    return {
      id: row.id,
      mode: row.mode,
      sourcePath: row.inboxPath,
      workPath: row.workPath,
      originalName: row.originalName,
      sourceFolder: row.sourceFolder,
      receivedAt: row.receivedAt,
      ...(this.opts.site ? { site: this.opts.site } : {}),
      documentId: row.documentId ?? undefined,
    }
  }

  /** True when the object store holds this file whole as an original (false when not, or when the store does not answer). */
  private async storedWhole(file: string): Promise<boolean> {
    try {
      const sha = await sha256File(file)
      return await verifyObject(this.ctx.store, originalKey(sha), sha)
    } catch {
      return false
    }
  }

  /** Removes what workers of this machine that are gone left in their folders (copies of stored originals, stacks' part PDFs). */
  private async tidyFetched(): Promise<void> {
    await tidyPartScratch(this.ctx.config)
    let names: string[]
    try {
      names = await fs.readdir(this.ctx.config.fetchDir)
    } catch {
      return
    }
    for (const name of names) {
      const worker = workerOfFetchFolder(name)
      if (worker && workerGone(worker, this.worker))
        await fs.rm(path.join(this.ctx.config.fetchDir, name), { recursive: true, force: true })
    }
  }

  /** One-shot: run given files through the pipeline, leaving them in place. One result per document a file held. */
  async ingestFiles(files: string[], onResult?: (r: IngestResult) => void): Promise<IngestResult[]> {
    await fs.mkdir(this.ctx.config.workDir, { recursive: true })
    const results: IngestResult[][] = new Array(files.length)
    // The names say which files are images: a hint for the readers only (what a file is is read from its bytes).
    const images = files.map((f) => IMAGE_NAME.test(f))
    let imagesLeft = images.filter(Boolean).length
    expectImageFiles(imagesLeft)
    let next = 0
    const lane = async () => {
      while (next < files.length && !this.stopping) {
        const i = next++
        const file = path.resolve(files[i]!)
        try {
          const rs = await this.ingestOne(file)
          results[i] = rs
          for (const r of rs) onResult?.(r)
        } finally {
          if (images[i]) {
            imagesLeft--
            expectImageFiles(-1)
          }
        }
      }
    }
    try {
      await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, files.length) }, lane))
    } finally {
      expectImageFiles(-imagesLeft)
    }
    return results.filter(Boolean).flat()
  }

  /** Resolves when nothing is offered, being received, or in a lane (jobs waiting after a failure do not count). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private isIdle(): boolean {
    return this.offers.length === 0 && !this.receiving && this.active.size === 0 && this.lanesRunning === 0
  }

  private checkIdle(): void {
    if (this.isIdle()) for (const w of this.idleWaiters.splice(0)) w()
  }

  /** Stop taking files; let those in hand finish for up to graceMs (the caller then closes OCR, which gives the rest back). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true
    if (this.pauseTimer) clearTimeout(this.pauseTimer)
    if (this.pollTimer) clearTimeout(this.pollTimer)
    for (const o of this.offers.splice(0)) this.known.delete(o.inboxPath)
    const done = this.idle()
    await Promise.race([done, new Promise((r) => setTimeout(r, graceMs).unref())])
  }

  /** The receiving half: takes offered files into the work area, stores and queues them, one at a time. */
  private async receive(): Promise<void> {
    if (this.receiving) return
    this.receiving = true
    try {
      while (!this.stopping && !this.paused && this.offers.length) {
        const offer = this.offers.shift()!
        try {
          const job = await this.claim(offer.inboxPath, offer.observed)
          if (job && (await this.storeAndQueue(job))) this.wake()
        } catch (err) {
          this.ctx.log.error({ err: toChartclerkError(err).message }, 'receiving a file failed')
        } finally {
          this.known.delete(offer.inboxPath)
        }
      }
    } finally {
      this.receiving = false
      this.checkIdle()
    }
  }

  /**
   * The rest of receiving a claimed file: a file that is no document by its size alone is set
   * aside here (nothing stored); any other is stored with the verified write, its row marked
   * stored ('claimed'), its job queued carrying the original's SHA-256, and only then is the
   * claimed copy let go. Not stored or not queued (storage or queue away, the disk full): the file
   * goes back to the inbox and receiving pauses. recover() runs it again on a claim a crash
   * interrupted; `stored`: the row says the original was stored already (then, once the store is
   * seen to hold it whole, only the enqueue, a no-op for a job already queued, and letting the copy
   * go are left; a claim of an earlier version, never stored, is stored now; with the store away
   * the copy stays for the next start). True when queued.
   */
  private async storeAndQueue(job: Job, stored = false): Promise<boolean> {
    const { catalog, log, store } = this.ctx
    job.size = (await fs.stat(job.workPath)).size
    const refused = stored ? null : sizeRefusal(job.size, this.ctx.config)
    if (refused) {
      const target = await this.quarantine(job, refused, job.workPath)
      this.emit('result', { ...(await this.failedResult(job, refused)), quarantinedAs: target })
      return false
    }
    try {
      job.sha256 = await sha256File(job.workPath)
      if (!stored || !(await verifyObject(store, originalKey(job.sha256), job.sha256))) {
        job.contentType = await sniffFile(job.workPath, job.originalName).then(
          (s) => s.contentType,
          () => undefined, // the worker reads what it really is, and refuses it with advice
        )
        this.stageStarted(job, 'store-original')
        await storeOriginal(store, job.workPath, {
          sha256: job.sha256,
          size: job.size,
          contentType: job.contentType,
          originalName: job.originalName,
          receivedAt: job.receivedAt,
          sourceFolder: job.sourceFolder,
          site: this.opts.site,
        })
        if (!stored) catalog.jobs.update(job.id, { state: 'claimed' })
        crashHookForTests('stored', job.originalName)
      }
      job.stored = true
      const queued = await this.queue.enqueue(job.id, this.queuedFile(job), { id: job.id })
      crashHookForTests('queued', job.originalName)
      // A job an earlier version queued reads this very file from the work area: it stays.
      const earlier = queued.created ? null : await this.queue.get(queued.id)
      if (earlier && earlier.file.sha256 === undefined) return true
    } catch (err) {
      let e = toChartclerkError(err, 'INTERNAL', 'store-original')
      if (!e.transient && isNoSpace(err)) e = diskFullError('store-original')
      if (stored) {
        // Claimed and perhaps queued: the copy stays, and the next start tries again.
        log.warn({ job: job.id, code: e.code }, 'a claimed file not stored or not queued yet; the next start tries again')
        return false
      }
      // Released before the file goes back: a crash in between leaves an unheld work file, which recover() gives back.
      try {
        catalog.jobs.update(job.id, { state: 'released', errorCode: e.code })
      } catch {
        // a full disk: recover() finds the file back in the inbox and releases the row
      }
      await this.giveBack(job)
      log.warn({ job: job.id, code: e.code }, 'received file not stored or not queued; back in the inbox for a later try')
      if (e.code === 'STORAGE_FULL') this.pauseForDiskFull(job.size)
      else if (e.transient || e.code.startsWith('STORAGE_')) this.pauseForStorage()
      return false
    }
    await fs.rm(job.workPath, { force: true })
    log.debug({ job: job.id, sha256: job.sha256, size: job.size }, 'received: stored and queued')
    return true
  }

  /** A claimed file back into the inbox, under its own name (or a free one beside it if a new file took that name meanwhile). */
  private async giveBack(job: Job): Promise<void> {
    if (!existsSync(job.workPath)) return
    const dir = path.dirname(job.sourcePath)
    const back = existsSync(job.sourcePath) ? quarantineTarget(dir, path.basename(job.sourcePath)) : job.sourcePath
    await fs.mkdir(dir, { recursive: true })
    await moveFile(job.workPath, back)
  }

  /** A stage begins: recorded on the job's row (the crash guard reads it), logged, and the tests' crash point. */
  private stageStarted(job: Job, stage: string): void {
    this.ctx.catalog.jobs.update(job.id, { stage })
    this.ctx.log.debug({ job: job.id, stage, kind: job.kind, size: job.size }, 'stage')
    crashHookForTests(stage, job.originalName)
  }

  private queuedFile(job: Job): QueuedFile {
    return {
      mode: job.mode,
      inboxPath: job.sourcePath,
      workPath: job.workPath,
      originalName: job.originalName,
      sourceFolder: job.sourceFolder,
      receivedAt: job.receivedAt,
      ...(this.opts.site ? { site: this.opts.site } : {}),
      ...(job.stored && job.sha256 ? { sha256: job.sha256, size: job.size } : {}),
    }
  }

  /** Starts lanes (one more per job found, up to `concurrency`); each claims jobs until none may run now. */
  private wake(): void {
    if (!this.working || this.stopping || this.paused || this.suspectRunning || this.lanesRunning >= this.opts.concurrency) return
    this.lanesRunning++
    void this.lane()
      .catch((err) => this.ctx.log.error({ err: toChartclerkError(err).message }, 'runner lane failed'))
      .finally(() => {
        this.lanesRunning--
        this.checkIdle()
      })
  }

  private async lane(): Promise<void> {
    while (!this.stopping && !this.paused && !this.suspectRunning) {
      const claimed = await this.queue.claim(this.worker)
      if (!claimed) return
      const row = this.ctx.catalog.jobs.get(claimed.key)
      if (row && row.state !== 'claimed' && row.state !== 'claiming') {
        // Ended already (its file set aside by whoever took it back from a worker that went away).
        await this.queue.complete(claimed, { quarantined: row.state === 'quarantined' })
        continue
      }
      // A job that went down with its worker before runs alone: a second crash names the file.
      const suspect = (row?.crashes ?? 0) > 0
      if (suspect) {
        this.suspectRunning = true
        while (this.active.size > 0) await new Promise((r) => setTimeout(r, 50))
      } else this.wake()
      try {
        const file = claimed.file
        // Stored by its watcher: read from the object store into this worker's own folder. (A job
        // queued by an earlier version, without the SHA-256, is read from the work area as then.)
        const fromStore = file.sha256 !== undefined
        const job: Job = {
          id: claimed.key,
          mode: file.mode,
          sourcePath: file.inboxPath,
          workPath: fromStore ? path.join(this.fetchDir, claimed.key) : file.workPath,
          originalName: file.originalName,
          sourceFolder: file.sourceFolder,
          receivedAt: file.receivedAt,
          ...(file.site ? { site: file.site } : {}),
          ...(fromStore ? { sha256: file.sha256, size: file.size, stored: true } : {}),
          documentId: row?.documentId ?? undefined,
        }
        for (const result of await this.process(job, claimed, fromStore)) this.emit('result', result)
      } finally {
        if (suspect) {
          this.suspectRunning = false
          this.wake()
        }
      }
    }
  }

  /** Sets aside, in quarantine with their notes, jobs that will not run again. */
  private async drainDead(): Promise<void> {
    if (this.draining) return
    this.draining = true
    try {
      await this.queue.drainDeadLetters((dead) => this.setAside(dead))
    } catch (err) {
      this.ctx.log.warn({ err: toChartclerkError(err).message }, 'dead-lettered jobs not set aside yet')
    } finally {
      this.draining = false
    }
  }

  /**
   * A dead-lettered job's file into quarantine with its note. Stored by its watcher: whichever
   * worker drains the list reads the original from the store into the quarantine folder (the
   * object stays in the store as well, the note naming it). Queued by an earlier version: moved
   * from the work area, by a process on the machine that has it.
   */
  private async setAside(dead: DeadJob): Promise<void> {
    const { catalog, config, log } = this.ctx
    const row = catalog.jobs.get(dead.key)
    const sha256 = dead.file.sha256
    const job: Job = {
      id: dead.key,
      mode: dead.file.mode,
      sourcePath: dead.file.inboxPath,
      workPath: dead.file.workPath,
      originalName: dead.file.originalName,
      sourceFolder: dead.file.sourceFolder,
      receivedAt: dead.file.receivedAt,
      ...(sha256 ? { sha256, stored: true } : {}),
      documentId: row?.documentId ?? undefined,
    }
    if (sha256) {
      // Set aside part-way before (the note written, the copy not): finish it under the note's name.
      const prior = (await listQuarantine(config.quarantineDir)).find((n) => n.jobId === job.id)
      if (prior) {
        const at = path.join(config.quarantineDir, prior.file)
        if (!existsSync(at)) await fetchOriginal(this.ctx.store, sha256, at)
        catalog.jobs.update(job.id, { state: 'quarantined' })
        return
      }
    } else if (!existsSync(job.workPath)) {
      // Set aside already (down after the move), or not this machine's work area.
      for (const note of await listQuarantine(config.quarantineDir))
        if (note.jobId === job.id && existsSync(path.join(config.quarantineDir, note.file))) return
      if (!this.unsettable.has(job.id)) log.warn({ job: job.id }, 'a dead-lettered job has no work file here; it waits on the list')
      this.unsettable.add(job.id)
      throw new ChartclerkError('FILE_VANISHED', 'The file of this job is not in the work area.', { stage: 'quarantine' })
    }
    const e = deadLetterError(dead)
    if (job.documentId !== undefined) {
      await catalog.documents.update(job.documentId, { status: 'failed', errorCode: e.code, errorMessage: e.action })
      await catalog.events.append('document.failed', job.documentId, { code: e.code, stage: e.stage ?? null })
    }
    const target = await this.quarantine(job, e, sha256 ? { sha256 } : job.workPath)
    log.error({ job: job.id, attempts: dead.attempts, stage: dead.failure.stage }, 'job failed every attempt: quarantined')
    this.emit('result', { ...(await this.failedResult(job, e)), quarantinedAs: target })
  }

  /** Moves a stable inbox file into the work area under a new job. null when it is not ready or gone. */
  private async claim(inboxPath: string, observed?: Observed): Promise<Job | null> {
    const { catalog, config, log } = this.ctx
    // Right before the rename: every folder on the way must be a real folder inside the inbox.
    const v = await checkInboxPath(config.watch.inbox, inboxPath)
    if (!v.ok && v.why !== 'symlink') {
      if (v.why === 'linked-folder' || v.why === 'outside')
        log.warn({ reason: v.why }, 'a file reached through a linked folder was left alone; only files really in the inbox are taken')
      return null // gone since it was seen, or not the inbox's to take
    }
    const st = v.stat
    const id = randomUUID()
    const job: Job = {
      id,
      mode: 'watch',
      sourcePath: inboxPath,
      workPath: path.join(config.workDir, id),
      originalName: path.basename(inboxPath),
      sourceFolder: sourceFolderOf(config.watch.inbox, inboxPath),
      receivedAt: this.ctx.clock.nowIso(),
    }
    if (st.isSymbolicLink()) {
      catalog.jobs.create({ ...job, inboxPath })
      const e = new ChartclerkError(
        'FILE_SYMLINK',
        'This is a shortcut (symbolic link) to a file or folder elsewhere, not a file. Copy the real files into the inbox instead.',
        { stage: 'claim', detail: 'symlink' },
      )
      const target = await this.quarantine(job, e, inboxPath, { link: true })
      this.emit('result', { ...(await this.failedResult(job, e)), quarantinedAs: target })
      return null
    }
    // Checked again just before claiming: a scanner may have reopened the file since it looked stable.
    if (observed && (st.size !== observed.size || st.mtimeMs !== observed.mtimeMs)) {
      this.emit('unstable', inboxPath)
      return null
    }
    try {
      catalog.jobs.create({ ...job, inboxPath })
    } catch (err) {
      if (!isNoSpace(err)) throw err
      this.pauseForDiskFull(st.size) // the file stays in the inbox; the rescan on resume offers it again
      return null
    }
    try {
      await moveFile(inboxPath, job.workPath)
    } catch (err) {
      try {
        catalog.jobs.update(id, { state: 'released', errorCode: (err as NodeJS.ErrnoException).code ?? 'MOVE_FAILED' })
      } catch {
        // full disk: recover() finds the file still in the inbox and releases the row
      }
      if (isNoSpace(err)) this.pauseForDiskFull(st.size)
      return null
    }
    return job
  }

  private async ingestOne(file: string): Promise<IngestResult[]> {
    const { catalog, config } = this.ctx
    const id = randomUUID()
    const job: Job = {
      id,
      mode: 'ingest',
      sourcePath: file,
      workPath: path.join(config.workDir, id),
      originalName: path.basename(file),
      sourceFolder: '',
      receivedAt: this.ctx.clock.nowIso(),
    }
    try {
      const st = await fs.lstat(file)
      if (st.isSymbolicLink())
        throw new ChartclerkError('FILE_SYMLINK', 'This is a shortcut (symbolic link), not a file. Give chartclerk the real file.', {
          stage: 'claim',
        })
      if (!st.isFile())
        throw new ChartclerkError('FILE_VANISHED', 'This is not a file (a folder?). Give chartclerk PDF, TIFF, PNG or JPEG files.', {
          stage: 'claim',
        })
    } catch (err) {
      const e =
        err instanceof ChartclerkError
          ? err
          : new ChartclerkError('FILE_VANISHED', 'This file cannot be found or read. Check the path.', { stage: 'claim', cause: err })
      return [await this.failedResult(job, e)]
    }
    catalog.jobs.create({ ...job, inboxPath: file })
    await copyFileDurably(file, job.workPath)
    catalog.jobs.update(id, { state: 'claimed' })
    return this.process(job)
  }

  /**
   * Runs the pipeline on a job in hand: `claimed` for a queue job (its lease is renewed while a
   * stage runs), none for `ingest`. `fetch`: the original is first read from the object store into
   * `job.workPath`, this worker's own copy, removed when the run ends.
   */
  private async process(job: Job, claimed?: ClaimedJob, fetch = false): Promise<IngestResult[]> {
    const { catalog, log } = this.ctx
    this.active.set(job.id, job)
    const beat = claimed ? this.keepLease(claimed) : null
    try {
      if (!claimed) catalog.jobs.startAttempt(job.id)
      if (fetch && claimed) {
        const stop = await this.fetchFor(job, claimed)
        if (stop) return stop
      }
      await runPipeline(job, this.ctx, this.opts.stages ?? STAGES, (stage) => this.stageStarted(job, stage))
      const status = job.status ?? 'needs_review'
      // A stack's own row is gone once its parts stand: the job points at the first of them.
      if (job.parts?.length && !job.splitWaiting) job.documentId = job.parts[0]!.documentId
      if (claimed && !(await this.queue.complete(claimed))) {
        log.warn({ job: job.id }, 'the lease on this job ran out before it finished; another worker has taken it')
      } else {
        catalog.jobs.update(job.id, { state: 'done', outcome: status, documentId: job.documentId ?? null })
        await fs.rm(job.workPath, { force: true })
      }
      log.info(
        {
          job: job.id,
          documentId: job.documentId,
          sha256: job.sha256,
          status,
          pages: job.extracted?.pages.length,
          parts: job.parts?.length,
        },
        'ingested',
      )
      return await this.resultsOf(job, status)
    } catch (err) {
      let e = toChartclerkError(err)
      // No space (catalog, work area, store): an outage, never a reason to quarantine a good file.
      if (!e.transient && isNoSpace(err)) e = diskFullError(e.stage)
      if (e.transient) return [await this.release(job, e, claimed)]
      try {
        if (job.documentId !== undefined) {
          await catalog.documents.update(job.documentId, { status: 'failed', errorCode: e.code, errorMessage: e.action })
          await catalog.events.append('document.failed', job.documentId, { code: e.code, stage: e.stage ?? null })
        }
        log.warn({ job: job.id, documentId: job.documentId, code: e.code, stage: e.stage, detail: e.message }, 'file failed')
        if (job.mode === 'ingest') {
          catalog.jobs.update(job.id, { state: 'done', outcome: 'failed', errorCode: e.code })
          await fs.rm(job.workPath, { force: true })
          return [await this.failedResult(job, e)]
        }
        const target = await this.quarantine(job, e, job.workPath, { claimed })
        return [{ ...(await this.failedResult(job, e)), quarantinedAs: target }]
      } catch (failing) {
        // Even a bad file waits while the disk is full (no room for its note).
        if (isNoSpace(failing) && existsSync(job.workPath)) return [await this.release(job, diskFullError(e.stage), claimed)]
        // Something unforeseen: a failed run, tried again after a wait, dead-lettered after the last.
        if (claimed) {
          const f = toChartclerkError(failing)
          const out = await this.queue.fail(claimed, { code: f.code, message: f.action, stage: f.stage ?? null })
          log.error({ job: job.id, code: f.code, outcome: out.outcome }, 'run failed')
          if (out.outcome === 'dead') void this.drainDead()
          return []
        }
        throw failing
      }
    } finally {
      if (beat) clearInterval(beat)
      job.releaseContent?.()
      // This worker's copy of the stored original (moved already if the file was set aside).
      if (fetch) await fs.rm(job.workPath, { force: true }).catch(() => {})
      this.active.delete(job.id)
    }
  }

  /**
   * The stored original into this worker's folder, hash-checked. Null when it is there; else the
   * run ends here: storage away gives the job back uncounted (and pauses), a missing or damaged
   * object is a failed run (tried again after a wait, dead-lettered after the last).
   */
  private async fetchFor(job: Job, claimed: ClaimedJob): Promise<IngestResult[] | null> {
    this.stageStarted(job, 'fetch-original')
    try {
      await fs.mkdir(this.fetchDir, { recursive: true })
      await fetchOriginal(this.ctx.store, job.sha256!, job.workPath)
      return null
    } catch (err) {
      let e = toChartclerkError(err, 'INTERNAL', 'fetch-original')
      if (!e.transient && isNoSpace(err)) e = diskFullError('fetch-original')
      if (e.transient) return [await this.release(job, e, claimed)]
      const out = await this.queue.fail(claimed, { code: e.code, message: e.action, stage: 'fetch-original' })
      this.ctx.log.error({ job: job.id, code: e.code, outcome: out.outcome }, 'the stored original could not be read')
      if (out.outcome === 'dead') void this.drainDead()
      return []
    }
  }

  /** Renews the lease a third of the way through it while the job is in hand. */
  private keepLease(claimed: ClaimedJob): NodeJS.Timeout {
    const every = Math.max(500, Math.floor((this.queue.settings.leaseSeconds * 1000) / 3))
    let warned = false
    return setInterval(() => {
      void this.queue.heartbeat(claimed).then(
        (held) => {
          if (!held && !warned) this.ctx.log.warn({ job: claimed.key }, 'lease on this job lost (another worker may take it)')
          warned ||= !held
        },
        (err: unknown) => this.ctx.log.warn({ job: claimed.key, code: (err as { code?: string }).code }, 'lease not renewed'),
      )
    }, every)
  }

  /** Sets the file aside with its note: moved from `from`, or read from the object store (`{ sha256 }`). */
  private async quarantine(
    job: Job,
    e: ChartclerkError,
    from: string | { sha256: string },
    opts: { link?: boolean; claimed?: ClaimedJob } = {},
  ): Promise<string> {
    const { catalog, config, log } = this.ctx
    await fs.mkdir(config.quarantineDir, { recursive: true })
    const target = quarantineTarget(config.quarantineDir, job.originalName)
    catalog.jobs.update(job.id, { stage: 'quarantine', outcome: target, errorCode: e.code })
    await writeQuarantineNote(target, e, {
      sourceFolder: job.sourceFolder,
      sha256: job.sha256 ?? null,
      documentId: job.documentId ?? null,
      jobId: job.id,
      // The original stays in the store too: the note says where.
      ...(job.stored && job.sha256 ? { storedAs: originalKey(job.sha256) } : {}),
    })
    if (typeof from !== 'string') await fetchOriginal(this.ctx.store, from.sha256, target)
    // A link is moved as a link: never a copy of what it points at.
    else await (opts.link ? moveLink : moveFile)(from, target)
    if (!opts.claimed || (await this.queue.complete(opts.claimed, { quarantined: true })))
      catalog.jobs.update(job.id, { state: 'quarantined' })
    log.warn({ job: job.id, code: e.code, stage: e.stage }, 'quarantined')
    return target
  }

  /** A file left by an earlier version that took the process down maxAttempts times: set aside with a note, never retried in a loop. */
  private async quarantinePoison(job: Job, stage: string | null, crashes: number): Promise<void> {
    const { catalog, log } = this.ctx
    const e = new ChartclerkError(
      'FILE_CRASHED_DESK',
      `chartclerk stopped ${crashes} times while reading this file${stage ? ` (at the ${stage} step)` : ''}, so it was set aside to let the rest of the inbox go on. It is probably damaged or built to break readers: ask the sender for a new copy (or print it to a new PDF, or rescan it) and drop that in the inbox.`,
      { stage: stage ?? 'recover', detail: `${crashes} crashes` },
    )
    if (job.documentId !== undefined) {
      await catalog.documents.update(job.documentId, { status: 'failed', errorCode: e.code, errorMessage: e.action })
      await catalog.events.append('document.failed', job.documentId, { code: e.code, stage: e.stage ?? null })
    }
    const target = await this.quarantine(job, e, job.workPath)
    log.error({ job: job.id, crashes, stage }, 'file took the process down repeatedly: quarantined')
    this.emit('result', { ...(await this.failedResult(job, e)), quarantinedAs: target })
  }

  /** A document left "being read" by a run that never ended: failed, with what to do, so status never shows it in progress. */
  private async endInterruptedReading(documentId: number | null): Promise<void> {
    if (documentId === null) return
    const { catalog } = this.ctx
    const doc = await catalog.documents.get(documentId)
    if (!doc || doc.status !== 'received') return
    const action =
      'Reading this document was interrupted (chartclerk stopped part-way). Give the file to chartclerk again; it carries on from what was already stored.'
    await catalog.documents.update(documentId, { status: 'failed', errorCode: 'INTERNAL', errorMessage: action })
    await catalog.events.append('document.failed', documentId, { code: 'INTERNAL', stage: 'recover' })
  }

  /**
   * A transient failure (storage down, disk full, shutting down): a queue job goes back to the
   * queue untouched and runs again after a short wait, the run not counted; `ingest`'s copy is
   * dropped (the file given is where it was).
   */
  private async release(job: Job, e: ChartclerkError, claimed?: ClaimedJob): Promise<IngestResult> {
    const { catalog, log } = this.ctx
    // Catalog writes here may fail on a full disk; the job is given back regardless (its lease runs out otherwise).
    const note = async (fn: () => unknown) => {
      try {
        await fn()
      } catch (err) {
        log.warn({ job: job.id, code: (err as { code?: string }).code }, 'could not record the release in the catalog')
      }
    }
    if (claimed) {
      await note(() => catalog.documents.withdrawReceipt(job.id))
      // About as long as a paused worker waits before it looks at storage again, and a little more at random.
      const wait = backoffMs(Math.max(1, (this.opts.storageRetryMs ?? 3000) / 1000), 1)
      const given = await this.queue.release(claimed, wait).catch((err: unknown) => {
        log.warn(
          { job: job.id, code: (err as { code?: string }).code },
          'could not give the job back; it is taken back when its lease runs out',
        )
        return false
      })
      if (given) await note(() => catalog.jobs.update(job.id, { errorCode: e.code }))
    } else {
      await fs.rm(job.workPath, { force: true })
      await note(() =>
        catalog.tx(async (c) => {
          await c.documents.withdrawReceipt(job.id)
          catalog.jobs.update(job.id, { state: 'released', errorCode: e.code })
        }, `claim ${job.id}`),
      )
    }
    log.warn({ job: job.id, code: e.code, stage: e.stage }, 'file released for a later try')
    // (`ingest` is one-shot: it reports the failure and ends, it does not wait.)
    if (job.mode === 'watch' && e.code === 'STORAGE_FULL') this.pauseForDiskFull(job.size ?? 0)
    else if (job.mode === 'watch' && e.code.startsWith('STORAGE_')) this.pauseForStorage()
    return { ...(await this.failedResult(job, e)), status: job.mode === 'watch' ? 'released' : 'failed' }
  }

  /**
   * Storage is down (or its disk full): stop claiming, look again every few seconds,
   * resume by itself. `probe` says when to go on (default: the store answers).
   */
  pauseForStorage(reason: 'storage unreachable' | 'disk full' = 'storage unreachable', probe?: () => Promise<boolean>): void {
    if (this.paused || this.stopping) return
    this.paused = true
    this.pauseReason = reason
    this.emit('paused', reason)
    this.ctx.log.warn({ reason }, `${reason}: ingest paused, inbox files stay where they are`)
    const ready = probe ?? (async () => (await this.ctx.store.health().catch(() => ({ reachable: false }))).reachable)
    const check = async () => {
      if (this.stopping) return
      if (await ready().catch(() => false)) {
        this.paused = false
        this.pauseReason = null
        this.ctx.log.info('storage reachable again: ingest resumed')
        this.emit('resumed')
        void this.receive()
        this.wake()
      } else {
        this.pauseTimer = setTimeout(check, this.opts.storageRetryMs ?? 3000)
      }
    }
    this.pauseTimer = setTimeout(check, this.opts.storageRetryMs ?? 3000)
  }

  /** The disk is full: resume when the store answers and its folders have room again (checked every few seconds). */
  pauseForDiskFull(fileSize: number): void {
    const { config, store } = this.ctx
    const dirs = [...new Set([config.dataDir, config.workDir, path.dirname(config.catalog.path)])]
    const need = MIN_FREE_BYTES + 2 * fileSize
    this.pauseForStorage('disk full', async () => (await store.health()).reachable && (await hasRoom(dirs, need)))
  }

  /**
   * One result per document the file held: the parts of a stack, the proposed parts of a stack
   * waiting in review (each named by the review item, with the type its pages read as), or the
   * one document.
   */
  private async resultsOf(job: Job, status: IngestStatus): Promise<IngestResult[]> {
    const partFields = (r: PageRange) => ({ split: { from: r.from, to: r.to }, ...(r.blank ? { blankPages: r.blank } : {}) })
    const filed = []
    for (const p of job.parts ?? []) filed.push({ ...(await this.resultOf(job, p.status, p.documentId)), ...partFields(p.split) })
    if (job.parts?.length && !job.splitWaiting) return filed
    const doc = job.documentId !== undefined ? await this.ctx.catalog.documents.get(job.documentId) : undefined
    const proposed = doc?.status === 'needs_review' ? (doc.details.split as WaitingSplit | undefined) : undefined
    if (proposed && (proposed.parts.length > 1 || filed.length)) {
      const base = await this.resultOf(job, status)
      const done = new Set(filed.map((f) => f.split.from))
      const waiting = proposed.parts
        .filter((r) => !done.has(r.from))
        .map((r) => {
          const g = proposed.guesses?.find((x) => x.from === r.from)
          return {
            ...base,
            ...partFields(r),
            pages: r.to - r.from + 1 - (r.blank?.length ?? 0),
            documentType: g?.type ?? null,
            typeConfidence: g?.typeConfidence ?? null,
            splitProposed: true,
          }
        })
      return [...filed, ...waiting].sort((a, b) => a.split.from - b.split.from)
    }
    return [await this.resultOf(job, status)]
  }

  private async resultOf(job: Job, status: IngestStatus, documentId = job.documentId): Promise<IngestResult> {
    const doc = documentId !== undefined ? await this.ctx.catalog.documents.get(documentId) : undefined
    const x = doc?.details.extraction as ExtractionDetails | undefined
    const m = doc?.details.match as MatchSummary | undefined
    return {
      file: job.sourcePath,
      status,
      documentId: documentId ?? null,
      sha256: doc?.sha256 ?? job.sha256 ?? null,
      pages: doc?.pageCount ?? job.pageCount ?? null,
      ocrConfidence: doc?.ocrConfidence ?? null,
      textLength: doc?.textLength ?? null,
      textSource: doc?.textSource ?? null,
      jobId: job.id,
      documentType: doc?.docType ?? null,
      typeConfidence: doc?.typeConfidence ?? null,
      patient: doc?.patientMrn ? { mrn: doc.patientMrn } : null,
      matchConfidence: m?.confidence ?? null,
      matchReason: m ? (m.reasons[0] ?? null) : null,
      dateOfService: x?.dateOfService ?? null,
      signed: x ? x.signed.present : null,
      pagesDeclared: x?.pagesDeclared ?? null,
      missingPages: x?.missingPages ?? [],
      fields: (doc?.details.fields as Record<string, unknown> | undefined) ?? null,
      reviewReasons: doc?.reviewReasons ?? [],
      split:
        doc?.pageFrom != null && doc.pageTo != null
          ? { from: doc.pageFrom, to: doc.pageTo }
          : doc?.pageCount
            ? { from: 1, to: doc.pageCount }
            : null,
      batchSha256: doc?.batchSha256 ?? job.sha256 ?? null,
    }
  }

  private async failedResult(job: Job, e: ChartclerkError): Promise<IngestResult> {
    return { ...(await this.resultOf(job, 'failed')), error: { code: e.code, message: e.action, stage: e.stage ?? null } }
  }
}

/** A worker's folder under config.fetchDir: its name (host:pid:random) with `_` for `:`. */
function fetchFolderOf(worker: string): string {
  return worker.replace(/:/g, '_')
}

/** The worker whose folder this is (null for a name that is no worker's folder). */
function workerOfFetchFolder(name: string): string | null {
  const parts = name.split('_')
  if (parts.length < 3 || !/^\d+$/.test(parts[parts.length - 2]!)) return null
  return `${parts.slice(0, -2).join('_')}:${parts[parts.length - 2]}:${parts[parts.length - 1]}`
}
