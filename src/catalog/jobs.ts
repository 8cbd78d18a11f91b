/**
 * Ingest jobs: one per claimed file. The row is written before the file is
 * moved, so after a crash every file in the work area is accounted for.
 */
import type { Db } from './db.js'

export type JobState = 'claiming' | 'claimed' | 'done' | 'quarantined' | 'released'

export interface JobRow {
  id: string
  mode: 'watch' | 'ingest'
  inboxPath: string
  workPath: string
  originalName: string
  sourceFolder: string
  receivedAt: string
  state: JobState
  stage: string | null
  documentId: number | null
  outcome: string | null
  errorCode: string | null
  attempts: number
  /** Runs that ended with the process gone (counted when the next start finds the job unfinished). */
  crashes: number
}

export class JobsRepo {
  constructor(private readonly db: Db) {}

  create(j: Pick<JobRow, 'id' | 'mode' | 'inboxPath' | 'workPath' | 'originalName' | 'sourceFolder' | 'receivedAt'>): void {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `INSERT INTO jobs (id, mode, inbox_path, work_path, original_name, source_folder, received_at, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'claiming', ?, ?)`,
      )
      .run(j.id, j.mode, j.inboxPath, j.workPath, j.originalName, j.sourceFolder, j.receivedAt, now, now)
  }

  /** Counts a run of the job before its stages start (committed first, so a crash cannot hide it). */
  startAttempt(id: string): number {
    const r = this.db
      .prepare('UPDATE jobs SET attempts = attempts + 1, updated_at = ? WHERE id = ? RETURNING attempts')
      .get(new Date().toISOString(), id) as { attempts: number } | undefined
    return r?.attempts ?? 0
  }

  update(
    id: string,
    patch: Partial<Pick<JobRow, 'state' | 'stage' | 'documentId' | 'outcome' | 'errorCode' | 'attempts' | 'crashes'>>,
  ): void {
    const cols: string[] = []
    const vals: unknown[] = []
    const map: Record<string, string> = {
      state: 'state',
      stage: 'stage',
      documentId: 'document_id',
      outcome: 'outcome',
      errorCode: 'error_code',
      attempts: 'attempts',
      crashes: 'crashes',
    }
    for (const [k, v] of Object.entries(patch)) {
      cols.push(`${map[k]} = ?`)
      vals.push(v)
    }
    if (!cols.length) return
    this.db.prepare(`UPDATE jobs SET ${cols.join(', ')}, updated_at = ? WHERE id = ?`).run(...vals, new Date().toISOString(), id)
  }

  get(id: string): JobRow | undefined {
    const r = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id)
    return r ? toJob(r) : undefined
  }

  /** Rows the runner left unfinished (not the job queue's: rows with a key are src/queue/sqlite.ts's). */
  unfinished(): JobRow[] {
    return (
      this.db.prepare(`SELECT * FROM jobs WHERE state IN ('claiming','claimed') AND job_key IS NULL ORDER BY created_at`).all() as any[]
    ).map(toJob)
  }

  /** Work-area files that a row still holds (being claimed, queued or running). */
  workPathsInHand(): Set<string> {
    const rows = this.db.prepare(`SELECT work_path FROM jobs WHERE state IN ('claiming','claimed')`).all() as { work_path: string }[]
    return new Set(rows.map((r) => r.work_path))
  }

  countByState(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const r of this.db.prepare('SELECT state, count(*) n FROM jobs GROUP BY state').all() as { state: string; n: number }[])
      out[r.state] = r.n
    return out
  }

  recentQuarantined(limit = 100): JobRow[] {
    return (this.db.prepare(`SELECT * FROM jobs WHERE state = 'quarantined' ORDER BY updated_at DESC LIMIT ?`).all(limit) as any[]).map(
      toJob,
    )
  }
}

function toJob(r: any): JobRow {
  return {
    id: r.id,
    mode: r.mode,
    inboxPath: r.inbox_path,
    workPath: r.work_path,
    originalName: r.original_name,
    sourceFolder: r.source_folder,
    receivedAt: r.received_at,
    state: r.state,
    stage: r.stage,
    documentId: r.document_id,
    outcome: r.outcome,
    errorCode: r.error_code,
    attempts: r.attempts,
    crashes: r.crashes ?? 0,
  }
}
