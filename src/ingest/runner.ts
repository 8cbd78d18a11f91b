/**
 * The ingest runner: claims files, runs the pipeline on them a few at a time,
 * and ends every file in exactly one place: stored and catalogued, back in the
 * inbox (released), or in quarantine with its note. Recovers unfinished jobs
 * after a crash, and pauses while storage is unreachable.
 */
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ChartclerkError, toChartclerkError } from '../errors.js'
import { copyFileDurably, moveFile, moveLink } from './fsMove.js'
import { checkInboxPath, isInboxFolder } from './inboxPath.js'
import { diskFullError, hasRoom, isNoSpace, MIN_FREE_BYTES } from './diskSpace.js'
import { sourceFolderOf } from './junk.js'
import { runPipeline, STAGES } from './pipeline.js'
import { quarantineTarget, safeName, writeQuarantineNote } from './quarantine.js'
import type { ExtractionDetails } from '../charts/buildChart.js'
import type { MatchSummary } from '../patients/matchSummary.js'
import type { Job, Stage, StageContext } from './stages/types.js'
import type { PageRange } from '../split/boundaries.js'
import type { WaitingSplit } from './stages/split.js'

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
}

interface QueueItem {
  job?: Job
  inboxPath?: string
  observed?: Observed
  /** In hand when the process went down: runs alone, so a second crash names the file that caused it. */
  suspect?: boolean
}

/** Runs that took the process down before a job is quarantined instead of retried. */
export const MAX_CRASHES = 2
/** Stages where the file's own content is parsed, decoded or OCRed. */
const READING_STAGES = new Set(['inspect', 'extract'])

export class IngestRunner extends EventEmitter {
  private readonly queue: QueueItem[] = []
  private readonly known = new Set<string>()
  private readonly active = new Map<string, Job>()
  private lanesRunning = 0
  private suspectRunning = false
  private stopping = false
  private paused = false
  private pauseReason: 'storage unreachable' | 'disk full' | null = null
  private pauseTimer: NodeJS.Timeout | null = null
  private idleWaiters: (() => void)[] = []

  constructor(
    private readonly ctx: StageContext,
    private readonly opts: RunnerOptions,
  ) {
    super()
  }

  get isPaused(): boolean {
    return this.paused
  }

  snapshot(): { queued: number; inProgress: number; paused: boolean; pauseReason: string | null } {
    return { queued: this.queue.length, inProgress: this.active.size, paused: this.paused, pauseReason: this.pauseReason }
  }

  /** True while a path is queued or being processed (the watcher must not offer it again). */
  has(inboxPath: string): boolean {
    return this.known.has(inboxPath)
  }

  /** Watch mode: offer a stable inbox file. Never queued twice. */
  offer(inboxPath: string, observed?: Observed): boolean {
    if (this.stopping || this.known.has(inboxPath)) return false
    this.known.add(inboxPath)
    this.queue.push({ inboxPath, observed })
    this.pump()
    return true
  }

  /** After a crash: finish or release what earlier runs left in the work area. */
  async recover(): Promise<number> {
    const { catalog, config, log } = this.ctx
    await fs.mkdir(config.workDir, { recursive: true })
    let resumed = 0
    const referenced = new Set<string>()
    for (const row of catalog.jobs.unfinished()) {
      referenced.add(row.workPath)
      const workExists = existsSync(row.workPath)
      const job: Job = {
        id: row.id,
        mode: row.mode,
        sourcePath: row.inboxPath,
        workPath: row.workPath,
        originalName: row.originalName,
        sourceFolder: row.sourceFolder,
        receivedAt: row.receivedAt,
        documentId: row.documentId ?? undefined,
      }
      if (row.mode === 'ingest') {
        // `ingest` worked on a copy; the file given is still where it was.
        await fs.rm(row.workPath, { force: true })
        await fs.rm(`${row.workPath}.partial`, { force: true })
        catalog.jobs.update(row.id, { state: 'released' })
        this.endInterruptedReading(row.documentId)
        continue
      }
      if (row.mode === 'watch' && row.stage === 'quarantine' && row.outcome && workExists) {
        // The note was written, the move was not: finish it under the same name (never "name (2)").
        await fs.mkdir(path.dirname(row.outcome), { recursive: true })
        await moveFile(row.workPath, row.outcome)
        catalog.jobs.update(row.id, { state: 'quarantined' })
        continue
      }
      if (row.state === 'claiming') {
        if (existsSync(row.inboxPath)) {
          // The move never completed: the inbox copy is the file.
          await fs.rm(row.workPath, { force: true })
          await fs.rm(`${row.workPath}.partial`, { force: true })
          catalog.jobs.update(row.id, { state: 'released' })
          continue
        }
        if (!workExists) {
          log.warn({ job: row.id }, 'claimed file is neither in the inbox nor in the work area; nothing to recover')
          catalog.jobs.update(row.id, { state: 'released' })
          continue
        }
        catalog.jobs.update(row.id, { state: 'claimed' })
      } else if (!workExists) {
        if (row.stage === 'quarantine' && row.outcome && existsSync(row.outcome)) {
          catalog.jobs.update(row.id, { state: 'quarantined' })
        } else if (row.stage === 'release' && existsSync(row.inboxPath)) {
          catalog.jobs.update(row.id, { state: 'released' })
        } else {
          log.warn({ job: row.id }, 'claimed job has no work file; marking released')
          catalog.jobs.update(row.id, { state: 'released' })
        }
        continue
      }
      // The process went down while this file was being opened or read: count it against the file.
      // (Down at storing or indexing is not the file's doing; a job still queued has no stage.)
      const crashes = row.stage && READING_STAGES.has(row.stage) ? row.crashes + 1 : row.crashes
      if (crashes >= (config.ingest.maxCrashes ?? MAX_CRASHES)) {
        catalog.jobs.update(row.id, { crashes })
        await this.quarantinePoison(job, row.stage, crashes)
        continue
      }
      catalog.jobs.update(row.id, { crashes, stage: null })
      this.known.add(row.inboxPath)
      // Suspects first, each alone.
      if (crashes > 0) this.queue.unshift({ job, suspect: true })
      else this.queue.push({ job })
      resumed++
    }
    // Files in the work area without a job row cannot come from a finished claim: give them back.
    for (const name of await fs.readdir(config.workDir)) {
      const full = path.join(config.workDir, name)
      if (referenced.has(full)) continue
      if (name.endsWith('.partial')) {
        await fs.rm(full, { force: true })
        continue
      }
      const back = path.join(config.watch.inbox, `recovered-${name}`)
      await fs.mkdir(config.watch.inbox, { recursive: true })
      await moveFile(full, back)
      log.warn({ file: name }, 'returned an unreferenced work file to the inbox')
    }
    if (resumed) log.info({ resumed }, 'resuming unfinished jobs')
    this.pump()
    return resumed
  }

  /** One-shot: run given files through the pipeline, leaving them in place. One result per document a file held. */
  async ingestFiles(files: string[], onResult?: (r: IngestResult) => void): Promise<IngestResult[]> {
    await fs.mkdir(this.ctx.config.workDir, { recursive: true })
    const results: IngestResult[][] = new Array(files.length)
    let next = 0
    const lane = async () => {
      while (next < files.length && !this.stopping) {
        const i = next++
        const file = path.resolve(files[i]!)
        const rs = await this.ingestOne(file)
        results[i] = rs
        for (const r of rs) onResult?.(r)
      }
    }
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, files.length) }, lane))
    return results.filter(Boolean).flat()
  }

  /** Resolves when nothing is queued or in progress. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.active.size === 0 && this.lanesRunning === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** Stop taking files; let those in hand finish for up to graceMs (the caller then closes OCR, which releases the rest). */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true
    if (this.pauseTimer) clearTimeout(this.pauseTimer)
    for (const item of this.queue.splice(0)) if (item.inboxPath) this.known.delete(item.inboxPath)
    const done = this.idle()
    await Promise.race([done, new Promise((r) => setTimeout(r, graceMs).unref())])
  }

  private pump(): void {
    while (!this.stopping && !this.paused && !this.suspectRunning && this.lanesRunning < this.opts.concurrency && this.queue.length > 0) {
      if (this.queue[0]!.suspect && this.lanesRunning > 0) break
      const item = this.queue.shift()!
      if (item.suspect) this.suspectRunning = true
      this.lanesRunning++
      void this.processItem(item)
        .catch((err) => this.ctx.log.error({ err: toChartclerkError(err).message }, 'runner lane failed'))
        .finally(() => {
          if (item.suspect) this.suspectRunning = false
          this.lanesRunning--
          if (item.inboxPath) this.known.delete(item.inboxPath)
          if (item.job) this.known.delete(item.job.sourcePath)
          this.pump()
          if (this.queue.length === 0 && this.active.size === 0 && this.lanesRunning === 0) for (const w of this.idleWaiters.splice(0)) w()
        })
    }
    if (this.queue.length === 0 && this.active.size === 0 && this.lanesRunning === 0) for (const w of this.idleWaiters.splice(0)) w()
  }

  private async processItem(item: QueueItem): Promise<void> {
    let job = item.job
    if (!job) {
      job = (await this.claim(item.inboxPath!, item.observed)) ?? undefined
      if (!job) return
    }
    for (const result of await this.process(job)) this.emit('result', result)
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
      this.emit('result', { ...this.failedResult(job, e), quarantinedAs: target })
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
    try {
      catalog.jobs.update(id, { state: 'claimed' })
    } catch (err) {
      if (!isNoSpace(err)) throw err
      await moveFile(job.workPath, inboxPath) // rename back: needs no space; the row stays 'claiming' for recover()
      this.pauseForDiskFull(st.size)
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
      return [this.failedResult(job, e)]
    }
    catalog.jobs.create({ ...job, inboxPath: file })
    await copyFileDurably(file, job.workPath)
    catalog.jobs.update(id, { state: 'claimed' })
    return this.process(job)
  }

  private async process(job: Job): Promise<IngestResult[]> {
    const { catalog, log } = this.ctx
    this.active.set(job.id, job)
    try {
      catalog.jobs.startAttempt(job.id)
      await runPipeline(job, this.ctx, this.opts.stages ?? STAGES, (stage) => {
        catalog.jobs.update(job.id, { stage })
        log.debug({ job: job.id, stage, kind: job.kind, size: job.size }, 'stage')
        crashHookForTests(stage, job.originalName)
      })
      const status = job.status ?? 'needs_review'
      // A stack's own row is gone once its parts stand: the job points at the first of them.
      if (job.parts?.length && !job.splitWaiting) job.documentId = job.parts[0]!.documentId
      catalog.jobs.update(job.id, { state: 'done', outcome: status, documentId: job.documentId ?? null })
      await fs.rm(job.workPath, { force: true })
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
      return this.resultsOf(job, status)
    } catch (err) {
      let e = toChartclerkError(err)
      // No space (catalog, work area, store): an outage, never a reason to quarantine a good file.
      if (!e.transient && isNoSpace(err)) e = diskFullError(e.stage)
      if (e.transient) return [await this.release(job, e)]
      try {
        if (job.documentId !== undefined) {
          catalog.documents.update(job.documentId, { status: 'failed', errorCode: e.code, errorMessage: e.action })
          catalog.events.append('document.failed', job.documentId, { code: e.code, stage: e.stage ?? null })
        }
        log.warn({ job: job.id, documentId: job.documentId, code: e.code, stage: e.stage, detail: e.message }, 'file failed')
        if (job.mode === 'ingest') {
          catalog.jobs.update(job.id, { state: 'done', outcome: 'failed', errorCode: e.code })
          await fs.rm(job.workPath, { force: true })
          return [this.failedResult(job, e)]
        }
        const target = await this.quarantine(job, e, job.workPath)
        return [{ ...this.failedResult(job, e), quarantinedAs: target }]
      } catch (failing) {
        // Even a bad file waits in the inbox while the disk is full (no room for its note).
        if (isNoSpace(failing) && existsSync(job.workPath)) return [await this.release(job, diskFullError(e.stage))]
        throw failing
      }
    } finally {
      job.releaseContent?.()
      this.active.delete(job.id)
    }
  }

  private async quarantine(job: Job, e: ChartclerkError, from: string, opts: { link?: boolean } = {}): Promise<string> {
    const { catalog, config, log } = this.ctx
    await fs.mkdir(config.quarantineDir, { recursive: true })
    const target = quarantineTarget(config.quarantineDir, job.originalName)
    catalog.jobs.update(job.id, { stage: 'quarantine', outcome: target, errorCode: e.code })
    await writeQuarantineNote(target, e, {
      sourceFolder: job.sourceFolder,
      sha256: job.sha256 ?? null,
      documentId: job.documentId ?? null,
      jobId: job.id,
    })
    // A link is moved as a link: never a copy of what it points at.
    await (opts.link ? moveLink : moveFile)(from, target)
    catalog.jobs.update(job.id, { state: 'quarantined' })
    log.warn({ job: job.id, code: e.code, stage: e.stage }, 'quarantined')
    return target
  }

  /** A file that took the process down MAX_CRASHES times: set aside with a note, never retried in a loop. */
  private async quarantinePoison(job: Job, stage: string | null, crashes: number): Promise<void> {
    const { catalog, log } = this.ctx
    const e = new ChartclerkError(
      'FILE_CRASHED_DESK',
      `chartclerk stopped ${crashes} times while reading this file${stage ? ` (at the ${stage} step)` : ''}, so it was set aside to let the rest of the inbox go on. It is probably damaged or built to break readers: ask the sender for a new copy (or print it to a new PDF, or rescan it) and drop that in the inbox.`,
      { stage: stage ?? 'recover', detail: `${crashes} crashes` },
    )
    if (job.documentId !== undefined) {
      catalog.documents.update(job.documentId, { status: 'failed', errorCode: e.code, errorMessage: e.action })
      catalog.events.append('document.failed', job.documentId, { code: e.code, stage: e.stage ?? null })
    }
    const target = await this.quarantine(job, e, job.workPath)
    log.error({ job: job.id, crashes, stage }, 'file took the process down repeatedly: quarantined')
    this.emit('result', { ...this.failedResult(job, e), quarantinedAs: target })
  }

  /** A document left "being read" by a run that never ended: failed, with what to do, so status never shows it in progress. */
  private endInterruptedReading(documentId: number | null): void {
    if (documentId === null) return
    const { catalog } = this.ctx
    const doc = catalog.documents.get(documentId)
    if (!doc || doc.status !== 'received') return
    const action =
      'Reading this document was interrupted (chartclerk stopped part-way). Give the file to chartclerk again; it carries on from what was already stored.'
    catalog.documents.update(documentId, { status: 'failed', errorCode: 'INTERNAL', errorMessage: action })
    catalog.events.append('document.failed', documentId, { code: 'INTERNAL', stage: 'recover' })
  }

  /** A transient failure (storage down, shutting down): the file goes back where it came from, untouched. */
  private async release(job: Job, e: ChartclerkError): Promise<IngestResult> {
    const { catalog, log } = this.ctx
    // Catalog writes here may fail on a full disk; the file goes back regardless (recover() tidies the row).
    const note = (fn: () => void) => {
      try {
        fn()
      } catch (err) {
        log.warn({ job: job.id, code: (err as { code?: string }).code }, 'could not record the release in the catalog')
      }
    }
    if (job.mode === 'watch') {
      note(() => catalog.jobs.update(job.id, { stage: 'release' }))
      // Back where it was, unless that folder has since become a link: then to the top of the inbox.
      const dir = (await isInboxFolder(this.ctx.config.watch.inbox, path.dirname(job.sourcePath)))
        ? path.dirname(job.sourcePath)
        : this.ctx.config.watch.inbox
      let back = path.join(dir, path.basename(job.sourcePath))
      if (existsSync(back)) back = path.join(dir, `${safeName(job.originalName)}.${job.id.slice(0, 8)}${path.extname(job.originalName)}`)
      await fs.mkdir(path.dirname(back), { recursive: true })
      await moveFile(job.workPath, back)
    } else {
      await fs.rm(job.workPath, { force: true })
    }
    note(() =>
      catalog.tx(() => {
        catalog.documents.withdrawReceipt(job.id)
        catalog.jobs.update(job.id, { state: 'released', errorCode: e.code })
      }),
    )
    log.warn({ job: job.id, code: e.code, stage: e.stage }, 'file released for a later try')
    // (`ingest` is one-shot: it reports the failure and ends, it does not wait.)
    if (job.mode === 'watch' && e.code === 'STORAGE_FULL') this.pauseForDiskFull(job.size ?? 0)
    else if (job.mode === 'watch' && e.code.startsWith('STORAGE_')) this.pauseForStorage()
    return { ...this.failedResult(job, e), status: job.mode === 'watch' ? 'released' : 'failed' }
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
        this.pump()
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
  private resultsOf(job: Job, status: IngestStatus): IngestResult[] {
    const partFields = (r: PageRange) => ({ split: { from: r.from, to: r.to }, ...(r.blank ? { blankPages: r.blank } : {}) })
    const filed = (job.parts ?? []).map((p) => ({ ...this.resultOf(job, p.status, p.documentId), ...partFields(p.split) }))
    if (job.parts?.length && !job.splitWaiting) return filed
    const doc = job.documentId !== undefined ? this.ctx.catalog.documents.get(job.documentId) : undefined
    const proposed = doc?.status === 'needs_review' ? (doc.details.split as WaitingSplit | undefined) : undefined
    if (proposed && (proposed.parts.length > 1 || filed.length)) {
      const base = this.resultOf(job, status)
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
    return [this.resultOf(job, status)]
  }

  private resultOf(job: Job, status: IngestStatus, documentId = job.documentId): IngestResult {
    const doc = documentId !== undefined ? this.ctx.catalog.documents.get(documentId) : undefined
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

  private failedResult(job: Job, e: ChartclerkError): IngestResult {
    return { ...this.resultOf(job, 'failed'), error: { code: e.code, message: e.action, stage: e.stage ?? null } }
  }
}

/**
 * Tests only: CHARTCLERK_TEST_CRASH_AT=<stage>:<file name> kills the process the way the kernel's
 * out-of-memory killer would, when that file reaches that stage. Unset in production.
 */
function crashHookForTests(stage: string, originalName: string): void {
  const spec = process.env.CHARTCLERK_TEST_CRASH_AT
  if (!spec) return
  const i = spec.indexOf(':')
  if (spec.slice(0, i) === stage && spec.slice(i + 1) === originalName) process.kill(process.pid, 'SIGKILL')
}
