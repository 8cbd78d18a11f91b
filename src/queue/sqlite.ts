/**
 * The embedded job queue: the catalog's own job rows (src/catalog/jobs.ts), no service.
 *
 * A queued job is a 'claimed' row (its original stored, or for a job of an earlier version its
 * file in the work area) with a key and no lease; a running job holds a lease (owner, token, until); a job
 * waiting after a failure has `run_after`; a dead-lettered job has `dead_at` and stays
 * 'claimed' until its file is set aside, then it is 'quarantined'; a finished job is 'done'.
 * `attempts` counts runs started and `crashes` runs whose worker went away (lease ran out), the
 * counters the runner's crash-loop guard already keeps.
 *
 * Each step is one immediate transaction, so two claimers (in this process or another on the
 * same catalog file) never take the same job. Only rows with a key are the queue's: rows the
 * runner writes without one are left to it.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../catalog/db.js'
import { backoffMs } from './backoff.js'
import {
  DEFAULT_QUEUE_SETTINGS,
  LEASE_EXPIRED,
  type ClaimedJob,
  type DeadJob,
  type Enqueued,
  type EnqueueOptions,
  type FailOutcome,
  type JobFailure,
  type JobQueue,
  type JobState,
  type JobView,
  type QueuedFile,
  type QueueSettings,
} from './types.js'

interface QueueRow {
  id: string
  job_key: string
  mode: 'watch' | 'ingest'
  inbox_path: string
  work_path: string
  original_name: string
  source_folder: string
  received_at: string
  state: string
  attempts: number
  crashes: number
  payload: string | null
  lease_owner: string | null
  lease_token: string | null
  lease_until: string | null
  run_after: string | null
  last_error: string | null
  dead_at: string | null
}

const READY = `state = 'claimed' AND job_key IS NOT NULL AND dead_at IS NULL AND lease_until IS NULL`

export class SqliteJobQueue implements JobQueue {
  readonly engine = 'sqlite'
  readonly settings: QueueSettings
  /** Dead jobs being set aside by this process (a second drain must not take them too). */
  private readonly settingAside = new Set<string>()

  constructor(
    private readonly db: Db,
    settings: Partial<QueueSettings> = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.settings = { ...DEFAULT_QUEUE_SETTINGS, ...settings }
  }

  async enqueue(key: string, file: QueuedFile, opts: EnqueueOptions = {}): Promise<Enqueued> {
    return this.db
      .transaction((): Enqueued => {
        const existing = this.db.prepare('SELECT id FROM jobs WHERE job_key = ?').get(key) as { id: string } | undefined
        if (existing) return { id: existing.id, created: false }
        const id = opts.id ?? randomUUID()
        const at = this.now().toISOString()
        const extra = {
          ...(file.site ? { site: file.site } : {}),
          ...(file.sha256 ? { sha256: file.sha256 } : {}),
          ...(file.size !== undefined ? { size: file.size } : {}),
        }
        // The runner writes its row before it moves the file into the work area (so a crash in
        // between is found); enqueueing that file adopts the row rather than writing another.
        const adopted = this.db
          .prepare(
            `UPDATE jobs SET state = 'claimed', job_key = ?, priority = ?, payload = ?, work_path = ?, updated_at = ?
             WHERE id = ? AND job_key IS NULL AND state IN ('claiming', 'claimed')`,
          )
          .run(key, opts.priority ?? 0, JSON.stringify(extra), file.workPath, at, id)
        if (adopted.changes) return { id, created: true }
        this.db
          .prepare(
            `INSERT INTO jobs (id, mode, inbox_path, work_path, original_name, source_folder, received_at, state,
                               job_key, priority, payload, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'claimed', ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            file.mode,
            file.inboxPath,
            file.workPath,
            file.originalName,
            file.sourceFolder,
            file.receivedAt,
            key,
            opts.priority ?? 0,
            JSON.stringify(extra),
            at,
            at,
          )
        return { id, created: true }
      })
      .immediate()
  }

  async claim(worker: string): Promise<ClaimedJob | null> {
    return this.db
      .transaction((): ClaimedJob | null => {
        const now = this.now()
        this.takeBackExpired(now)
        const row = this.db
          .prepare(
            `SELECT * FROM jobs WHERE ${READY} AND (run_after IS NULL OR run_after <= ?)
             ORDER BY priority DESC, created_at, rowid LIMIT 1`,
          )
          .get(now.toISOString()) as QueueRow | undefined
        if (!row) return null
        const token = randomUUID()
        const leaseUntil = new Date(now.getTime() + this.settings.leaseSeconds * 1000)
        this.db
          .prepare(
            `UPDATE jobs SET lease_owner = ?, lease_token = ?, lease_until = ?, run_after = NULL, stage = NULL,
                    attempts = attempts + 1, updated_at = ? WHERE id = ?`,
          )
          .run(worker, token, leaseUntil.toISOString(), now.toISOString(), row.id)
        return {
          id: row.id,
          key: row.job_key,
          file: fileOf(row),
          attempt: row.attempts + 1,
          maxAttempts: this.settings.maxAttempts,
          token,
          worker,
          leaseUntil,
        }
      })
      .immediate()
  }

  async heartbeat(job: ClaimedJob): Promise<boolean> {
    const now = this.now()
    const until = new Date(now.getTime() + this.settings.leaseSeconds * 1000)
    const r = this.db
      .prepare(`UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND lease_token = ? AND dead_at IS NULL AND state = 'claimed'`)
      .run(until.toISOString(), now.toISOString(), job.id, job.token)
    if (r.changes) job.leaseUntil = until
    return r.changes > 0
  }

  async complete(job: ClaimedJob, opts: { quarantined?: boolean } = {}): Promise<boolean> {
    const r = this.db
      .prepare(
        `UPDATE jobs SET state = '${opts.quarantined ? 'quarantined' : 'done'}', lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = ?
         WHERE id = ? AND lease_token = ? AND dead_at IS NULL AND state = 'claimed'`,
      )
      .run(this.now().toISOString(), job.id, job.token)
    return r.changes > 0
  }

  async fail(job: ClaimedJob, failure: JobFailure): Promise<FailOutcome> {
    return this.db
      .transaction((): FailOutcome => {
        const row = this.db
          .prepare(`SELECT attempts FROM jobs WHERE id = ? AND lease_token = ? AND dead_at IS NULL AND state = 'claimed'`)
          .get(job.id, job.token) as { attempts: number } | undefined
        if (!row) return { outcome: 'lost' }
        const now = this.now()
        return this.endRun(job.id, row.attempts, failure, now, false)
      })
      .immediate()
  }

  async release(job: ClaimedJob, delayMs: number): Promise<boolean> {
    const now = this.now()
    const r = this.db
      .prepare(
        `UPDATE jobs SET lease_owner = NULL, lease_token = NULL, lease_until = NULL, run_after = ?, stage = NULL,
                attempts = max(attempts - 1, 0), updated_at = ?
         WHERE id = ? AND lease_token = ? AND dead_at IS NULL AND state = 'claimed'`,
      )
      .run(new Date(now.getTime() + Math.max(0, delayMs)).toISOString(), now.toISOString(), job.id, job.token)
    return r.changes > 0
  }

  async takeBack(id: string, failure: JobFailure | null): Promise<FailOutcome | null> {
    return this.db
      .transaction((): FailOutcome | null => {
        const row = this.db
          .prepare(
            `SELECT attempts FROM jobs WHERE id = ? AND state = 'claimed' AND job_key IS NOT NULL AND dead_at IS NULL AND lease_until IS NOT NULL`,
          )
          .get(id) as { attempts: number } | undefined
        if (!row) return null
        const now = this.now()
        if (failure) return this.endRun(id, row.attempts, failure, now, true, 0)
        this.db
          .prepare(
            `UPDATE jobs SET lease_owner = NULL, lease_token = NULL, lease_until = NULL, run_after = NULL, stage = NULL,
                    attempts = max(attempts - 1, 0), updated_at = ? WHERE id = ?`,
          )
          .run(now.toISOString(), id)
        return { outcome: 'retry', runAfter: now }
      })
      .immediate()
  }

  async reclaimExpired(): Promise<number> {
    return this.db.transaction(() => this.takeBackExpired(this.now())).immediate()
  }

  async drainDeadLetters(setAside: (job: DeadJob) => Promise<void>): Promise<number> {
    const rows = this.db
      .prepare(`SELECT * FROM jobs WHERE state = 'claimed' AND job_key IS NOT NULL AND dead_at IS NOT NULL ORDER BY dead_at, rowid`)
      .all() as QueueRow[]
    let n = 0
    for (const row of rows) {
      if (this.settingAside.has(row.id)) continue
      this.settingAside.add(row.id)
      try {
        await setAside({
          id: row.id,
          key: row.job_key,
          file: fileOf(row),
          attempts: row.attempts,
          failure: parseFailure(row.last_error) ?? LEASE_EXPIRED,
        })
        this.db
          .prepare(`UPDATE jobs SET state = 'quarantined', updated_at = ? WHERE id = ? AND state = 'claimed'`)
          .run(this.now().toISOString(), row.id)
        n++
      } catch {
        // stays on the list for the next drain
      } finally {
        this.settingAside.delete(row.id)
      }
    }
    return n
  }

  async get(id: string): Promise<JobView | null> {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ? AND job_key IS NOT NULL').get(id) as QueueRow | undefined
    return row ? this.viewOf(row) : null
  }

  async inProgress(): Promise<JobView[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM jobs WHERE state = 'claimed' AND job_key IS NOT NULL AND dead_at IS NULL AND lease_until IS NOT NULL
         ORDER BY lease_until, rowid`,
      )
      .all() as QueueRow[]
    return rows.map((r) => this.viewOf(r))
  }

  async counts(): Promise<Record<JobState, number>> {
    const out: Record<JobState, number> = { queued: 0, retry: 0, running: 0, completed: 0, dead: 0, quarantined: 0 }
    for (const row of this.db.prepare('SELECT * FROM jobs WHERE job_key IS NOT NULL').all() as QueueRow[]) out[stateOf(row)]++
    return out
  }

  async originals(): Promise<string[]> {
    const rows = this.db
      .prepare(`SELECT DISTINCT json_extract(payload, '$.sha256') sha256 FROM jobs WHERE job_key IS NOT NULL AND state = 'claimed'`)
      .all() as { sha256: string | null }[]
    return rows.flatMap((r) => (r.sha256 ? [r.sha256] : []))
  }

  async close(): Promise<void> {
    // The connection is the catalog's; it closes it.
  }

  /** Leases that ran out: the run counts as failed (the worker went away), then retry or dead letter. */
  private takeBackExpired(now: Date): number {
    const expired = this.db
      .prepare(`SELECT id, attempts FROM jobs WHERE state = 'claimed' AND job_key IS NOT NULL AND dead_at IS NULL AND lease_until < ?`)
      .all(now.toISOString()) as { id: string; attempts: number }[]
    for (const r of expired) this.endRun(r.id, r.attempts, LEASE_EXPIRED, now, true)
    return expired.length
  }

  private endRun(id: string, attempts: number, failure: JobFailure, now: Date, crashed: boolean, waitMs?: number): FailOutcome {
    const common = `lease_owner = NULL, lease_token = NULL, lease_until = NULL, last_error = ?, crashes = crashes + ?, updated_at = ?`
    const args = [JSON.stringify(failure), crashed ? 1 : 0, now.toISOString()]
    if (attempts >= this.settings.maxAttempts) {
      this.db
        .prepare(`UPDATE jobs SET ${common}, dead_at = ?, error_code = ? WHERE id = ?`)
        .run(...args, now.toISOString(), failure.code, id)
      return { outcome: 'dead' }
    }
    const runAfter = new Date(now.getTime() + (waitMs ?? backoffMs(this.settings.retryDelaySeconds, attempts)))
    this.db.prepare(`UPDATE jobs SET ${common}, run_after = ? WHERE id = ?`).run(...args, runAfter.toISOString(), id)
    return { outcome: 'retry', runAfter }
  }

  private viewOf(row: QueueRow): JobView {
    const state = stateOf(row)
    return {
      id: row.id,
      key: row.job_key,
      state,
      file: fileOf(row),
      attempts: row.attempts,
      worker: state === 'running' ? row.lease_owner : null,
      leaseUntil: state === 'running' && row.lease_until ? new Date(row.lease_until) : null,
      runAfter: state === 'retry' && row.run_after ? new Date(row.run_after) : null,
      lastFailure: state === 'running' || state === 'completed' || state === 'queued' ? null : parseFailure(row.last_error),
    }
  }
}

function stateOf(row: QueueRow): JobState {
  if (row.state === 'quarantined') return 'quarantined'
  if (row.state !== 'claimed' && row.state !== 'claiming') return 'completed'
  if (row.dead_at) return 'dead'
  if (row.lease_until) return 'running'
  return row.run_after ? 'retry' : 'queued'
}

function fileOf(row: QueueRow): QueuedFile {
  const extra = row.payload ? (JSON.parse(row.payload) as Pick<QueuedFile, 'site' | 'sha256' | 'size'>) : {}
  return {
    mode: row.mode,
    inboxPath: row.inbox_path,
    workPath: row.work_path,
    originalName: row.original_name,
    sourceFolder: row.source_folder,
    receivedAt: row.received_at,
    ...extra,
  }
}

function parseFailure(text: string | null): JobFailure | null {
  return text ? (JSON.parse(text) as JobFailure) : null
}
