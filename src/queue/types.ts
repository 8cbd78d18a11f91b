/**
 * The work queue between receiving a file and reading it: one interface, two engines.
 *
 * - Embedded (src/queue/sqlite.ts): the catalog's own job rows, in-process, no service.
 * - Several machines (src/queue/pgboss.ts): pg-boss on the PostgreSQL catalog server.
 *
 * A job is one received file. It is enqueued once per key (a second enqueue of the same key
 * is a no-op that names the first), claimed under a lease that the holder renews with
 * heartbeats, and ends completed or, after `maxAttempts` runs that did not complete (failed,
 * or the lease ran out because the worker went away), in the dead-letter list, from where
 * `drainDeadLetters` sets the file aside in quarantine with its `.error.json`
 * (src/queue/deadLetter.ts). Between failed runs a job waits, longer each time (backoff).
 *
 * A lease is proven by its token: a worker whose lease ran out and was taken over cannot
 * complete, fail or renew the job any more (those calls return false).
 */

/** What a job carries: the received file, where it is and where it came from. */
export interface QueuedFile {
  mode: 'watch' | 'ingest'
  /** Where the file was found (the inbox path, or the path given to `ingest`). */
  inboxPath: string
  /**
   * Where the receiving side held the claimed file. A job that carries `sha256` is read from the
   * object store (originals/<sha256>) and this is only a note; one without (queued by an earlier
   * version) is read from here.
   */
  workPath: string
  originalName: string
  sourceFolder: string
  receivedAt: string
  /** Which site's watcher received it, when several watch. */
  site?: string
  /** The original's SHA-256 once stored (workers on other machines read it from the store). */
  sha256?: string
  /** The original's size in bytes (with `sha256`). */
  size?: number
}

export interface EnqueueOptions {
  /** Higher runs first; equal priorities run in the order enqueued. Default 0. */
  priority?: number
  /** The job's id (default: a new UUID). */
  id?: string
}

export interface Enqueued {
  id: string
  /** False when a job with this key was already there (then `id` is that job's). */
  created: boolean
}

/** A job in a worker's hands. `token` proves the lease; pass the whole object back. */
export interface ClaimedJob {
  id: string
  key: string
  file: QueuedFile
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number
  maxAttempts: number
  token: string
  worker: string
  leaseUntil: Date
}

/** Why a run failed, as the desk shows it (a ChartclerkError's code, action and stage). */
export interface JobFailure {
  code: string
  message: string
  stage: string | null
}

export type FailOutcome =
  /** The job runs again, not before `runAfter`. */
  | { outcome: 'retry'; runAfter: Date }
  /** That was the last attempt: the job is on the dead-letter list. */
  | { outcome: 'dead' }
  /** The lease was no longer this worker's: nothing changed. */
  | { outcome: 'lost' }

/** A job that will not run again, waiting to be set aside. */
export interface DeadJob {
  id: string
  key: string
  file: QueuedFile
  attempts: number
  /** The last run's failure; for a worker that went away, a `lease-expired` failure. */
  failure: JobFailure
}

export type JobState = 'queued' | 'retry' | 'running' | 'completed' | 'dead' | 'quarantined'

/** A job as `status` and the tests see it. */
export interface JobView {
  id: string
  key: string
  state: JobState
  file: QueuedFile
  /** Runs started so far. */
  attempts: number
  worker: string | null
  leaseUntil: Date | null
  /** A job waiting after a failure: not before this. */
  runAfter: Date | null
  lastFailure: JobFailure | null
}

export interface QueueSettings {
  /** How long a claim holds without a heartbeat (seconds). */
  leaseSeconds: number
  /** Runs before a job is dead-lettered (first run included). */
  maxAttempts: number
  /** Backoff base: the wait after the n-th failed run is between base*2^(n-1) and twice that (seconds, >= 1). */
  retryDelaySeconds: number
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { leaseSeconds: 15 * 60, maxAttempts: 3, retryDelaySeconds: 30 }

/** The failure recorded for a run whose worker stopped renewing its lease (crashed, killed, cut off). */
export const LEASE_EXPIRED: JobFailure = {
  code: 'FILE_CRASHED_DESK',
  message: 'lease-expired',
  stage: null,
}

export interface JobQueue {
  readonly engine: 'sqlite' | 'postgres'
  readonly settings: QueueSettings
  /**
   * Adds a job for a file, once per key: while the engine keeps the job (the embedded queue
   * always; pg-boss until `keepFinishedDays` after it finished).
   */
  enqueue(key: string, file: QueuedFile, opts?: EnqueueOptions): Promise<Enqueued>
  /**
   * The next job that may run (highest priority, then oldest), leased to `worker`. A job whose
   * lease ran out is taken back first (counted as a failed run). Null when nothing may run now.
   */
  claim(worker: string): Promise<ClaimedJob | null>
  /** Renews the lease for another `leaseSeconds`. False when it is no longer this worker's. */
  heartbeat(job: ClaimedJob): Promise<boolean>
  /** The job is done (`quarantined`: its file was set aside by the worker). False when the lease was no longer this worker's. */
  complete(job: ClaimedJob, opts?: { quarantined?: boolean }): Promise<boolean>
  /** The run failed: retried after a backoff, or dead-lettered after the last attempt. */
  fail(job: ClaimedJob, failure: JobFailure): Promise<FailOutcome>
  /**
   * Gives the job back without counting the run (storage away, the disk full, shutting down): it
   * runs again, not before `delayMs` from now. False when the lease was no longer this worker's.
   */
  release(job: ClaimedJob, delayMs: number): Promise<boolean>
  /**
   * Ends the run of a worker known to be gone (its process is dead on this machine), without
   * waiting for its lease to run out. With a `failure` the run counts as failed (it went down
   * while reading the file: the crash guard) and, unless that was the last attempt, the job may
   * run again at once; without one the job is back in the queue at once, uncounted.
   * Null when the job is not running.
   */
  takeBack(id: string, failure: JobFailure | null): Promise<FailOutcome | null>
  /** Takes back jobs whose leases ran out (the embedded queue does this in `claim`). Returns how many. */
  reclaimExpired(): Promise<number>
  /**
   * Hands each dead-lettered job to `setAside` (which quarantines the file) and marks it
   * quarantined once that resolved; a job whose `setAside` threw stays on the list. Returns how many.
   */
  drainDeadLetters(setAside: (job: DeadJob) => Promise<void>): Promise<number>
  get(id: string): Promise<JobView | null>
  /** Jobs in a worker's hands now, oldest lease first (for `status`). */
  inProgress(): Promise<JobView[]>
  /** How many jobs are in each state (completed ones only while the engine keeps them). */
  counts(): Promise<Record<JobState, number>>
  /**
   * The SHA-256s of the stored originals that jobs not yet ended carry (queued, waiting to be tried
   * again, running, dead-lettered and not yet set aside): `storage verify` expects them in the store
   * although no document names them yet.
   */
  originals(): Promise<string[]>
  close(): Promise<void>
}
