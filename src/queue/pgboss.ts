/**
 * The job queue for several machines: pg-boss 10 on the PostgreSQL catalog server (its own
 * schema, `pgboss` by default, beside the catalog's tables).
 *
 * Why pg-boss (10.4, the last line that runs on Node 20 with node-pg 8): it is a plain library
 * over node-pg with the parts this queue needs as settings of a queue: a lease per job
 * (`expireInSeconds`, taken back by its supervisor), retries with exponential backoff
 * (`retryLimit`, `retryDelay`, `retryBackoff`), a dead-letter queue, `fetch`/`complete`/`fail`
 * for workers that pull, and `SKIP LOCKED` claims. graphile-worker was the other candidate; its
 * lock is a fixed four hours (a killed worker's file would wait that long), it has no
 * dead-letter queue, and its current line (0.17+) wants Node 22.
 *
 * What pg-boss 10 does not have, done here with a few statements on its job table (kept in
 * this file, and only on rows of this queue):
 * - a heartbeat: the lease is `started_on + expire_in`, so renewing it stretches `expire_in`;
 * - a lease owner: pg-boss completes or fails any active job by id, so a worker whose lease ran
 *   out could end another worker's run. Each claim writes a token (and the worker's name) into
 *   the job's `output`, and complete/fail/heartbeat lock the row and check the token first,
 *   in the same transaction as pg-boss's own statement (its `db` option).
 * - a key per file: the job id is a UUID made from the key, so a second enqueue of a key is
 *   refused by the table's primary key (and the archive is looked at first).
 */
import { createHash, randomUUID } from 'node:crypto'
import pg from 'pg'
import PgBoss from 'pg-boss'
import { connectionOf, postgresError, type PostgresSettings } from '../catalog/sql/open.js'
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

export interface PgBossQueueOptions extends PostgresSettings {
  /** The queue's name (default `ingest`); its dead letters go to `<name>-dead`. */
  queue?: string
  /** pg-boss's schema on the server (default `pgboss`). */
  schema?: string
  /** How often pg-boss's supervisor takes back expired leases (seconds, default 30). */
  superviseSeconds?: number
  /** Finished jobs are kept this long, and a key cannot be enqueued again meanwhile (days, default 90). */
  keepFinishedDays?: number
  /** What pg-boss reports in the background (a lost connection, a failed supervision run). */
  onError?: (err: Error) => void
}

interface JobData {
  key: string
  file: QueuedFile
}

interface Row {
  id: string
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed'
  data: JobData
  retry_count: number
  started_on: Date | null
  lease_until: Date | null
  start_after: Date
  output: Record<string, unknown> | null
}

/** What pg-boss writes into a job's output when its lease ran out. */
const TIMEOUT_MESSAGE = 'job failed by timeout in active state'

export class PgBossJobQueue implements JobQueue {
  readonly engine = 'postgres'
  readonly settings: QueueSettings
  private readonly dead: string
  private readonly table: string

  private constructor(
    private readonly boss: PgBoss,
    private readonly pool: pg.Pool,
    private readonly name: string,
    schema: string,
    settings: QueueSettings,
  ) {
    this.settings = settings
    this.dead = `${name}-dead`
    this.table = `${quoteIdent(schema)}.job`
  }

  /** Connects, installs or upgrades pg-boss's schema, and creates (or updates) the queue and its dead-letter queue. */
  static async open(o: PgBossQueueOptions, settings: Partial<QueueSettings> = {}): Promise<PgBossJobQueue> {
    const s = { ...DEFAULT_QUEUE_SETTINGS, ...settings }
    const name = o.queue ?? 'ingest'
    const schema = o.schema ?? 'pgboss'
    const conn = connectionOf(o.url)
    const boss = new PgBoss({
      host: conn.host,
      port: conn.port,
      user: conn.user,
      database: conn.database,
      password: o.password,
      ssl: conn.ssl,
      application_name: 'chartclerk queue',
      max: o.maxConnections ?? 4,
      schema,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: o.superviseSeconds ?? 30,
      // Completed and failed jobs move to the archive after a day and leave it after keepFinishedDays.
      archiveCompletedAfterSeconds: 24 * 60 * 60,
      archiveFailedAfterSeconds: 24 * 60 * 60,
      deleteAfterDays: o.keepFinishedDays ?? 90,
    })
    // A lost connection is reported here; the next call reconnects (or throws to its caller).
    boss.on('error', (err) => o.onError?.(err))
    const pool = new pg.Pool({ ...conn, password: o.password, max: 2, application_name: 'chartclerk queue' })
    pool.on('error', () => {})
    try {
      await boss.start()
      const queue = new PgBossJobQueue(boss, pool, name, schema, s)
      await queue.ensureQueue(queue.dead, { retryLimit: 1000, retryDelay: 60, retryBackoff: false, expireInSeconds: 15 * 60 })
      await queue.ensureQueue(name, {
        retryLimit: s.maxAttempts - 1,
        retryDelay: s.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: s.leaseSeconds,
        deadLetter: queue.dead,
      })
      return queue
    } catch (err) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {})
      await pool.end().catch(() => {})
      throw postgresError(err, conn.host ?? 'the queue server')
    }
  }

  private async ensureQueue(name: string, q: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    const options = { name, policy: 'standard' as const, retentionMinutes: 30 * 24 * 60, ...q }
    if (await this.boss.getQueue(name)) return this.boss.updateQueue(name, options)
    try {
      await this.boss.createQueue(name, options)
    } catch (err) {
      // Another desk created it at the same moment.
      if (!(await this.boss.getQueue(name))) throw err
      await this.boss.updateQueue(name, options)
    }
  }

  async enqueue(key: string, file: QueuedFile, opts: EnqueueOptions = {}): Promise<Enqueued> {
    const id = jobIdOf(this.name, key)
    if (await this.boss.getJobById(this.name, id, { includeArchive: true })) return { id, created: false }
    const data: JobData = { key, file }
    const made = await this.boss.send(this.name, data, { id, priority: opts.priority ?? 0, singletonKey: key })
    return { id, created: made !== null }
  }

  async claim(worker: string): Promise<ClaimedJob | null> {
    let got = await this.boss.fetch<JobData>(this.name, { batchSize: 1, includeMetadata: true })
    if (!got.length) {
      await this.reclaimExpired()
      got = await this.boss.fetch<JobData>(this.name, { batchSize: 1, includeMetadata: true })
    }
    const job = got[0]
    if (!job) return null
    const token = randomUUID()
    const r = await this.pool.query<{ lease_until: Date }>(
      `UPDATE ${this.table} SET output = jsonb_build_object('worker', $3::text, 'token', $4::text)
       WHERE name = $1 AND id = $2 AND state = 'active' RETURNING started_on + expire_in AS lease_until`,
      [this.name, job.id, worker, token],
    )
    return {
      id: job.id,
      key: job.data.key,
      file: job.data.file,
      attempt: job.retryCount + 1,
      maxAttempts: job.retryLimit + 1,
      token,
      worker,
      leaseUntil: r.rows[0]?.lease_until ?? new Date(Date.now() + job.expireInSeconds * 1000),
    }
  }

  async heartbeat(job: ClaimedJob): Promise<boolean> {
    const r = await this.pool.query<{ lease_until: Date }>(
      `UPDATE ${this.table} SET expire_in = (now() - started_on) + $4 * interval '1 second'
       WHERE name = $1 AND id = $2 AND state = 'active' AND output->>'token' = $3
       RETURNING started_on + expire_in AS lease_until`,
      [this.name, job.id, job.token, this.settings.leaseSeconds],
    )
    const until = r.rows[0]?.lease_until
    if (until) job.leaseUntil = until
    return !!until
  }

  async complete(job: ClaimedJob, opts: { quarantined?: boolean } = {}): Promise<boolean> {
    return this.holding(job, async (db) => {
      await this.boss.complete(this.name, job.id, { worker: job.worker, ...(opts.quarantined ? { quarantined: true } : {}) }, { db })
      return true
    }).then((r) => r ?? false)
  }

  async fail(job: ClaimedJob, failure: JobFailure): Promise<FailOutcome> {
    const r = await this.holding(job, async (db, client) => {
      await this.boss.fail(this.name, job.id, { ...failure }, { db })
      const after = await client.query<{ state: string; start_after: Date }>(
        `SELECT state, start_after FROM ${this.table} WHERE name = $1 AND id = $2`,
        [this.name, job.id],
      )
      const row = after.rows[0]
      return row?.state === 'retry' ? ({ outcome: 'retry', runAfter: row.start_after } as const) : ({ outcome: 'dead' } as const)
    })
    return r ?? { outcome: 'lost' }
  }

  async release(job: ClaimedJob, delayMs: number): Promise<boolean> {
    // Back to 'retry' with started_on cleared: pg-boss's fetch counts a run only when started_on is set.
    const r = await this.holding(job, async (_db, client) => {
      await client.query(
        `UPDATE ${this.table} SET state = 'retry', started_on = NULL, output = NULL,
                start_after = now() + $3 * interval '1 millisecond'
         WHERE name = $1 AND id = $2`,
        [this.name, job.id, Math.max(0, delayMs)],
      )
      return true
    })
    return r ?? false
  }

  async takeBack(id: string, failure: JobFailure | null): Promise<FailOutcome | null> {
    if (!failure) {
      const r = await this.pool.query(
        `UPDATE ${this.table} SET state = 'retry', started_on = NULL, output = NULL, start_after = now()
         WHERE name = $1 AND id = $2 AND state = 'active'`,
        [this.name, id],
      )
      return r.rowCount ? { outcome: 'retry', runAfter: new Date() } : null
    }
    // Counted: pg-boss ends the run as a failed one (retry or dead letter); a retry may start at once.
    const active = await this.rows(`id = $2 AND state = 'active'`, [id])
    if (!active.length) return null
    await this.boss.fail(this.name, id, { ...failure })
    await this.pool.query(`UPDATE ${this.table} SET start_after = now() WHERE name = $1 AND id = $2 AND state = 'retry'`, [this.name, id])
    const row = (await this.rows(`id = $2`, [id]))[0]
    return row?.state === 'retry' ? { outcome: 'retry', runAfter: row.start_after } : { outcome: 'dead' }
  }

  async reclaimExpired(): Promise<number> {
    const r = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE name = $1 AND state = 'active' AND started_on + expire_in < now()`,
      [this.name],
    )
    await this.boss.expire()
    return r.rows[0]?.n ?? 0
  }

  async drainDeadLetters(setAside: (job: DeadJob) => Promise<void>): Promise<number> {
    let n = 0
    for (;;) {
      const [letter] = await this.boss.fetch<JobData>(this.dead, { batchSize: 1, includeMetadata: true })
      if (!letter) return n
      const original = await this.boss.getJobById(this.name, jobIdOf(this.name, letter.data.key), { includeArchive: true })
      try {
        await setAside({
          id: original?.id ?? letter.id,
          key: letter.data.key,
          file: letter.data.file,
          attempts: original ? original.retryCount + 1 : this.settings.maxAttempts,
          failure: failureOf(letter.output as Record<string, unknown> | null),
        })
      } catch (err) {
        // Stays on the dead-letter queue; tried again after its retry delay.
        await this.boss.fail(this.dead, letter.id, { message: (err as Error).message })
        continue
      }
      await this.boss.complete(this.dead, letter.id, { quarantined: true })
      n++
    }
  }

  async get(id: string): Promise<JobView | null> {
    const rows = await this.rows(`id = $2`, [id])
    return rows[0] ? this.viewOf(rows[0]) : null
  }

  async inProgress(): Promise<JobView[]> {
    const rows = await this.rows(`state = 'active'`, [], 'ORDER BY lease_until, id')
    return Promise.all(rows.map((r) => this.viewOf(r)))
  }

  async counts(): Promise<Record<JobState, number>> {
    const out: Record<JobState, number> = { queued: 0, retry: 0, running: 0, completed: 0, dead: 0, quarantined: 0 }
    const r = await this.pool.query<{ state: Row['state']; n: number }>(
      `SELECT state, count(*)::int AS n FROM ${this.table} WHERE name = $1 GROUP BY state`,
      [this.name],
    )
    const quarantined = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE name = $1 AND state = 'completed'`,
      [this.dead],
    )
    for (const { state, n } of r.rows) out[plainState(state)] += n
    const q = Math.min(out.dead, quarantined.rows[0]?.n ?? 0)
    out.dead -= q
    out.quarantined += q
    return out
  }

  async originals(): Promise<string[]> {
    // The ingest queue's jobs not ended, and the dead letters not yet set aside.
    const r = await this.pool.query<{ sha256: string }>(
      `SELECT DISTINCT data->'file'->>'sha256' AS sha256 FROM ${this.table}
       WHERE ((name = $1 AND state IN ('created', 'retry', 'active')) OR (name = $2 AND state IN ('created', 'retry', 'active')))
         AND data->'file'->>'sha256' IS NOT NULL`,
      [this.name, this.dead],
    )
    return r.rows.map((x) => x.sha256)
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true })
    await this.pool.end()
  }

  /** Runs `fn` in a transaction that holds this job's row, if the lease is still this worker's (else null). */
  private async holding<T>(job: ClaimedJob, fn: (db: PgBoss.Db, client: pg.PoolClient) => Promise<T>): Promise<T | null> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const held = await client.query(
        `SELECT 1 FROM ${this.table} WHERE name = $1 AND id = $2 AND state = 'active' AND output->>'token' = $3 FOR UPDATE`,
        [this.name, job.id, job.token],
      )
      if (!held.rowCount) {
        await client.query('ROLLBACK')
        return null
      }
      const db: PgBoss.Db = { executeSql: (text, values) => client.query(text, values) }
      const out = await fn(db, client)
      await client.query('COMMIT')
      return out
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }

  private async rows(where: string, args: unknown[], order = ''): Promise<Row[]> {
    const cols = `id, state, data, retry_count, started_on, started_on + expire_in AS lease_until, start_after, output`
    const r = await this.pool.query<Row>(
      `SELECT ${cols} FROM ${this.table} WHERE name = $1 AND ${where}
       UNION ALL SELECT ${cols} FROM ${this.table.replace(/\.job$/, '.archive')} WHERE name = $1 AND ${where} ${order}`,
      [this.name, ...args],
    )
    return r.rows
  }

  private async viewOf(r: Row): Promise<JobView> {
    let state = plainState(r.state)
    if (state === 'dead') {
      const q = await this.pool.query(
        `SELECT 1 FROM ${this.table} WHERE name = $1 AND state = 'completed' AND data->>'key' = $2
         UNION ALL SELECT 1 FROM ${this.table.replace(/\.job$/, '.archive')} WHERE name = $1 AND state = 'completed' AND data->>'key' = $2`,
        [this.dead, r.data.key],
      )
      if (q.rowCount) state = 'quarantined'
    }
    const out = r.output ?? {}
    return {
      id: r.id,
      key: r.data.key,
      state,
      file: r.data.file,
      attempts: r.started_on ? r.retry_count + 1 : 0,
      worker: state === 'running' && typeof out.worker === 'string' ? out.worker : null,
      leaseUntil: state === 'running' ? r.lease_until : null,
      runAfter: state === 'retry' ? r.start_after : null,
      lastFailure: state === 'running' || state === 'completed' ? null : r.started_on ? failureOrNull(out) : null,
    }
  }
}

function plainState(s: Row['state']): JobState {
  switch (s) {
    case 'created':
      return 'queued'
    case 'retry':
      return 'retry'
    case 'active':
      return 'running'
    case 'completed':
      return 'completed'
    default:
      return 'dead'
  }
}

function failureOf(output: Record<string, unknown> | null): JobFailure {
  return failureOrNull(output ?? {}) ?? LEASE_EXPIRED
}

function failureOrNull(o: Record<string, unknown>): JobFailure | null {
  if (typeof o.code === 'string' && typeof o.message === 'string')
    return { code: o.code, message: o.message, stage: typeof o.stage === 'string' ? o.stage : null }
  const v = o.value as { message?: string } | undefined
  if (v?.message === TIMEOUT_MESSAGE) return LEASE_EXPIRED
  return null
}

/** The job's id for a key: a UUID made from the queue's name and the key (one job per key). */
export function jobIdOf(queue: string, key: string): string {
  const h = createHash('sha256').update(`${queue}\u0000${key}`).digest('hex')
  // Shaped as a version-8 (custom) UUID, RFC 9562.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`
}
