/**
 * The audit log: who saw, downloaded, exported or changed which patient's records, when, and
 * from where. Every row is chained to the one before by SHA-256 (see migration.ts), written in
 * an IMMEDIATE transaction so two processes never fork the chain.
 *
 * This is not the application log: it holds MRNs and search words by design, and is read only
 * by auditors (web page) and `chartclerk audit` (CLI).
 *
 * @example
 *   const audit = new AuditLog(catalog.db)
 *   audit.append({ actor: 'mlopez', action: 'document.view', targetKind: 'document', targetId: '17', patientMrn: 'CC-100418', source: '127.0.0.1' })
 *   audit.verify()   // { ok: true, rows: 1, head: '3f2a…' }
 */
import { createHash } from 'node:crypto'
import { addDays, isCalendarDate } from '../clock/calendar.js'
import { startOfDayIn } from '../clock/clock.js'
import type Database from 'better-sqlite3'

type Db = Database.Database

export const GENESIS_HASH = '0'.repeat(64)

/** What is audited. Views, downloads and exports of records; every change; sign-ins and account work. */
export const AUDIT_ACTIONS = [
  'document.view',
  'document.page',
  'document.download',
  'chart.view',
  'review.view',
  'review.settle',
  'review.rematch',
  'review.split',
  'deficiency.list',
  'deficiency.status',
  'deficiency.export',
  'deficiency.report',
  'search',
  'quarantine.view',
  'quarantine.retry',
  'quarantine.discard',
  'rules.view',
  'audit.view',
  'audit.verify',
  'login',
  'login.failed',
  'login.refused',
  'access.denied',
  'logout',
  'password.change',
  'user.add',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'routing.queue',
  'routing.acknowledge',
  'routing.overdue',
  'release.list',
  'release.view',
  'release.create',
  'release.check',
  'release.package',
  'release.download',
  'release.sent',
  'release.accounting',
  'release.identity',
  'chart.list',
  'patient.lookup',
  'review.list',
  'deficiency.assign',
  'retention.hold',
  'retention.release',
  'retention.purge',
  'patients.import',
  'report.view',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditEntry {
  actor: string
  action: AuditAction
  targetKind?: 'document' | 'chart' | 'deficiency' | 'user' | 'quarantine' | 'report' | 'ruleset' | 'release' | null
  targetId?: string | null
  patientMrn?: string | null
  detail?: Record<string, unknown>
  /** Where from: the client address for the web desk, `cli@host` for commands. */
  source?: string | null
  outcome?: 'ok' | 'denied' | 'failed'
}

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  targetKind: string | null
  targetId: string | null
  patientMrn: string | null
  detail: Record<string, unknown>
  source: string | null
  outcome: string
  prevHash: string
  hash: string
}

export interface AuditFilter {
  actor?: string
  action?: string
  patientMrn?: string
  targetKind?: string
  targetId?: string
  /** ISO date or timestamp, inclusive. */
  from?: string
  /** ISO date (whole day included) or timestamp, exclusive. */
  to?: string
  /** The zone a date in `from`/`to` is a day of (the clinic's); UTC when not given. */
  timeZone?: string
  limit?: number
  offset?: number
}

export interface VerifyResult {
  ok: boolean
  rows: number
  /** Hash of the last row: write it down elsewhere to notice a rewritten tail later. */
  head: string
  /** The first row where the chain breaks, and why. */
  firstBroken?: { id: number; problem: string }
  /** The checkpoint checked against, when one was given. */
  checkpoint?: { seq: number; at?: string } | null
}

/** Canonical text a row's hash covers: every column but id and hash, in a fixed order. */
function canonical(r: Omit<AuditRow, 'id' | 'hash'> & { detailText: string }): string {
  return JSON.stringify([r.at, r.actor, r.action, r.targetKind, r.targetId, r.patientMrn, r.detailText, r.source, r.outcome, r.prevHash])
}

export function rowHash(r: Omit<AuditRow, 'id' | 'hash'> & { detailText: string }): string {
  return createHash('sha256').update(canonical(r)).digest('hex')
}

/** Stable JSON for `detail`: keys sorted, so the same detail always hashes the same. */
function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null)
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`
}

function toRow(r: Record<string, unknown>): AuditRow {
  let detail: Record<string, unknown> = {}
  try {
    detail = JSON.parse(String(r.detail)) as Record<string, unknown>
  } catch {
    detail = { unreadable: String(r.detail) }
  }
  return {
    id: r.id as number,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as string,
    targetKind: (r.target_kind as string | null) ?? null,
    targetId: (r.target_id as string | null) ?? null,
    patientMrn: (r.patient_mrn as string | null) ?? null,
    detail,
    source: (r.source as string | null) ?? null,
    outcome: r.outcome as string,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  }
}

export class AuditLog {
  private readonly insert
  private readonly last
  private readonly listeners: ((id: number) => void)[] = []

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, actor, action, target_kind, target_id, patient_mrn, detail, source, outcome, prev_hash, hash)
       VALUES (@at, @actor, @action, @targetKind, @targetId, @patientMrn, @detailText, @source, @outcome, @prevHash, @hash)`,
    )
    this.last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')
  }

  /** Appends one entry, chained to the last. Returns its id. */
  append(e: AuditEntry): number {
    const id = this.appendRow(e)
    for (const fn of this.listeners) fn(id)
    return id
  }

  private appendRow(e: AuditEntry): number {
    return this.db
      .transaction(() => {
        const prev = (this.last.get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH
        const row = {
          at: this.now().toISOString(),
          actor: e.actor,
          action: e.action,
          targetKind: e.targetKind ?? null,
          targetId: e.targetId ?? null,
          patientMrn: e.patientMrn ?? null,
          detail: e.detail ?? {},
          detailText: stableJson(e.detail ?? {}),
          source: e.source ?? null,
          outcome: e.outcome ?? 'ok',
          prevHash: prev,
        }
        const hash = rowHash(row)
        return Number(this.insert.run({ ...row, hash }).lastInsertRowid)
      })
      .immediate()
  }

  /** Newest first. */
  search(f: AuditFilter = {}): { rows: AuditRow[]; total: number } {
    const where: string[] = []
    const args: unknown[] = []
    const eq = (col: string, v: string | undefined) => {
      if (v) (where.push(`${col} = ?`), args.push(v))
    }
    eq('actor', f.actor)
    eq('patient_mrn', f.patientMrn)
    eq('target_kind', f.targetKind)
    eq('target_id', f.targetId)
    if (f.action) {
      // "document" finds document.view, document.page, document.download; "login" finds login and login.failed
      if (f.action.includes('.')) eq('action', f.action)
      else
        (where.push("(action = ? OR action LIKE ? ESCAPE '\\')"), args.push(f.action, `${f.action.replace(/[\\%_]/g, (m) => `\\${m}`)}.%`))
    }
    const zone = f.timeZone ?? 'UTC'
    if (f.from) (where.push('at >= ?'), args.push(isCalendarDate(f.from) ? startOfDayIn(f.from, zone) : f.from))
    if (f.to) (where.push('at < ?'), args.push(isCalendarDate(f.to) ? startOfDayIn(addDays(f.to, 1), zone) : f.to))
    const w = where.length ? ` WHERE ${where.join(' AND ')}` : ''
    const total = (this.db.prepare(`SELECT count(*) n FROM audit_log${w}`).get(...args) as { n: number }).n
    const rows = (
      this.db
        .prepare(`SELECT * FROM audit_log${w} ORDER BY id DESC LIMIT ? OFFSET ?`)
        .all(...args, f.limit ?? 100, f.offset ?? 0) as Record<string, unknown>[]
    ).map(toRow)
    return { rows, total }
  }

  /** The last row's id and hash (what a checkpoint keeps), or null for an empty log. */
  head(): { seq: number; hash: string } | null {
    const r = this.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined
    return r ? { seq: r.id, hash: r.hash } : null
  }

  /** Called after every append with the new row's id (the desk writes checkpoints from it). */
  onAppend(fn: (id: number) => void): void {
    this.listeners.push(fn)
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n
  }

  /**
   * Walks the chain from the first row. Finds: a row whose content was edited (its hash no
   * longer fits), a row deleted from the middle (the next row's prev_hash no longer fits, and
   * its id is missing), rows deleted from the end (the id sequence ran further than the rows).
   */
  verify(checkpoint?: { seq: number; hash: string; at?: string } | null): VerifyResult {
    let prevHash = GENESIS_HASH
    let atCheckpoint: string | null = null
    let prevId = 0
    let rows = 0
    const broken = (id: number, problem: string): VerifyResult => ({ ok: false, rows, head: prevHash, firstBroken: { id, problem } })
    for (const raw of this.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<Record<string, unknown>>) {
      const id = raw.id as number
      const expectHash = rowHash({
        at: raw.at as string,
        actor: raw.actor as string,
        action: raw.action as string,
        targetKind: (raw.target_kind as string | null) ?? null,
        targetId: (raw.target_id as string | null) ?? null,
        patientMrn: (raw.patient_mrn as string | null) ?? null,
        detail: {},
        detailText: String(raw.detail),
        source: (raw.source as string | null) ?? null,
        outcome: raw.outcome as string,
        prevHash: raw.prev_hash as string,
      })
      if (id !== prevId + 1) {
        const gap = id - prevId - 1
        return broken(id, `${gap === 1 ? `row ${prevId + 1} is` : `rows ${prevId + 1}-${id - 1} are`} missing (deleted)`)
      }
      if (raw.prev_hash !== prevHash)
        return broken(
          id,
          `does not follow row ${prevId}: its prev_hash is not row ${prevId}'s hash (a row before it was changed or removed)`,
        )
      if (raw.hash !== expectHash) return broken(id, 'its content was changed after it was written (its hash does not match)')
      prevHash = raw.hash as string
      prevId = id
      rows++
      if (checkpoint && id === checkpoint.seq) atCheckpoint = prevHash
    }
    const seq = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined
    if (seq && seq.seq > prevId)
      return broken(
        prevId + 1,
        `${seq.seq - prevId === 1 ? `the last row (${seq.seq}) is` : `the last rows (${prevId + 1}-${seq.seq}) are`} missing (deleted)`,
      )
    if (checkpoint) {
      const when = checkpoint.at ? ` written ${checkpoint.at}` : ''
      if (checkpoint.seq > prevId)
        return broken(
          prevId + 1,
          `${checkpoint.seq - prevId === 1 ? `row ${checkpoint.seq} is` : `rows ${prevId + 1}-${checkpoint.seq} are`} missing (deleted): the checkpoint${when} saw the log up to row ${checkpoint.seq}`,
        )
      if (atCheckpoint !== checkpoint.hash)
        return broken(checkpoint.seq, `is not the row the checkpoint${when} saw (its hash differs): the log was rewritten from there`)
    }
    return { ok: true, rows, head: prevHash, checkpoint: checkpoint ? { seq: checkpoint.seq, at: checkpoint.at } : undefined }
  }
}
