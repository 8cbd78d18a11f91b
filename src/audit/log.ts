/**
 * The audit log: who saw, downloaded, exported or changed which patient's records, when, and
 * from where. Every row is chained to the one before by SHA-256 (see migration.ts). Appends are
 * serialized so that concurrent writers never fork the chain: on SQLite an IMMEDIATE transaction
 * (one writer per file, across processes), on PostgreSQL a transaction-scoped advisory lock
 * taken before the head is read (any number of desks and machines).
 *
 * Runs on either catalog engine through the query builder (src/catalog/sql/open.ts).
 *
 * This is not the application log: it holds MRNs and search words by design, and is read only
 * by auditors (web page) and `chartclerk audit` (CLI).
 *
 * @example
 *   const audit = new AuditLog(app.sql)
 *   await audit.append({ actor: 'mlopez', action: 'document.view', targetKind: 'document', targetId: '17', patientMrn: 'CC-100418', source: '127.0.0.1' })
 *   await audit.verify()   // { ok: true, rows: 1, head: '3f2a…' }
 */
import { createHash } from 'node:crypto'
import { sql, type Kysely, type Selectable } from 'kysely'
import { addDays, isCalendarDate } from '../clock/calendar.js'
import { startOfDayIn } from '../clock/clock.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { AuditLogTable, CatalogTables } from '../catalog/sql/tables.js'

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

type Raw = Selectable<AuditLogTable>

function toRow(r: Raw): AuditRow {
  let detail: Record<string, unknown> = {}
  try {
    detail = JSON.parse(String(r.detail)) as Record<string, unknown>
  } catch {
    detail = { unreadable: String(r.detail) }
  }
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    targetKind: r.target_kind ?? null,
    targetId: r.target_id ?? null,
    patientMrn: r.patient_mrn ?? null,
    detail,
    source: r.source ?? null,
    outcome: r.outcome,
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}

/** Rows read at a time by verify(). */
const VERIFY_BATCH = 1000
/** The advisory lock that serializes appends on PostgreSQL (one per database). */
const PG_CHAIN_LOCK = sql`SELECT pg_advisory_xact_lock(hashtext('chartclerk audit chain'))`

export class AuditLog {
  private readonly listeners: ((id: number) => void)[] = []
  private readonly db: Kysely<CatalogTables>

  constructor(
    private readonly catalog: SqlCatalog,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = catalog.db
  }

  /** Appends one entry, chained to the last. Returns its id. */
  async append(e: AuditEntry): Promise<number> {
    const id = await this.appendRow(e)
    for (const fn of this.listeners) fn(id)
    return id
  }

  private entryRow(e: AuditEntry, prevHash: string) {
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
      prevHash,
    }
    const hash = rowHash(row)
    return {
      at: row.at,
      actor: row.actor,
      action: row.action,
      target_kind: row.targetKind,
      target_id: row.targetId,
      patient_mrn: row.patientMrn,
      detail: row.detailText,
      source: row.source,
      outcome: row.outcome,
      prev_hash: row.prevHash,
      hash,
    }
  }

  private async appendRow(e: AuditEntry): Promise<number> {
    if (this.catalog.engine === 'postgres') {
      return this.db.transaction().execute(async (trx) => {
        // Read committed: after the lock, the head read below sees every append before ours.
        await PG_CHAIN_LOCK.execute(trx)
        const head = await trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst()
        // Ids are given here, one past the head, not taken from the identity sequence: a
        // sequence value is spent even when its transaction rolls back (and PostgreSQL skips
        // ahead after a crash), which verify() would report as a deleted row.
        const id = (head ? Number(head.id) : 0) + 1
        await trx
          .insertInto('audit_log')
          .values({ id, ...this.entryRow(e, head?.hash ?? GENESIS_HASH) })
          .execute()
        return id
      })
    }
    // SQLite: BEGIN IMMEDIATE takes the file's write lock before the head is read, so another
    // process appending at the same moment waits (busy_timeout) instead of forking the chain.
    return this.db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn)
      try {
        const head = await conn.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst()
        const { id } = await conn
          .insertInto('audit_log')
          .values(this.entryRow(e, head?.hash ?? GENESIS_HASH))
          .returning('id')
          .executeTakeFirstOrThrow()
        await sql`COMMIT`.execute(conn)
        return Number(id)
      } catch (err) {
        await sql`ROLLBACK`.execute(conn).catch(() => {})
        throw err
      }
    })
  }

  /** Newest first. */
  async search(f: AuditFilter = {}): Promise<{ rows: AuditRow[]; total: number }> {
    const zone = f.timeZone ?? 'UTC'
    // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE is the same rule.
    const like = this.catalog.engine === 'postgres' ? 'ilike' : 'like'
    const filtered = this.db.selectFrom('audit_log').where((eb) => {
      const and = []
      if (f.actor) and.push(eb('actor', '=', f.actor))
      if (f.patientMrn) and.push(eb('patient_mrn', '=', f.patientMrn))
      if (f.targetKind) and.push(eb('target_kind', '=', f.targetKind))
      if (f.targetId) and.push(eb('target_id', '=', f.targetId))
      if (f.action) {
        // "document" finds document.view, document.page, document.download; "login" finds login and login.failed
        if (f.action.includes('.')) and.push(eb('action', '=', f.action))
        else
          and.push(
            eb.or([
              eb('action', '=', f.action),
              sql<boolean>`${sql.ref('action')} ${sql.raw(like)} ${`${f.action.replace(/[\\%_]/g, (m) => `\\${m}`)}.%`} ESCAPE '\\'`,
            ]),
          )
      }
      if (f.from) and.push(eb('at', '>=', isCalendarDate(f.from) ? startOfDayIn(f.from, zone) : f.from))
      if (f.to) and.push(eb('at', '<', isCalendarDate(f.to) ? startOfDayIn(addDays(f.to, 1), zone) : f.to))
      return eb.and(and)
    })
    const { n } = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const rows = await filtered
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.limit ?? 100)
      .offset(f.offset ?? 0)
      .execute()
    return { rows: rows.map(toRow), total: Number(n) }
  }

  /** The last row's id and hash (what a checkpoint keeps), or null for an empty log. */
  async head(): Promise<{ seq: number; hash: string } | null> {
    const r = await this.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst()
    return r ? { seq: Number(r.id), hash: r.hash } : null
  }

  /** Called after every append with the new row's id (the desk writes checkpoints from it). */
  onAppend(fn: (id: number) => void): void {
    this.listeners.push(fn)
  }

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(n)
  }

  /**
   * Walks the chain from the first row. Finds: a row whose content was edited (its hash no
   * longer fits), a row deleted from the middle (the next row's prev_hash no longer fits, and
   * its id is missing), rows deleted from the end (on SQLite: the id sequence ran further than
   * the rows; on either engine: the checkpoint names a row that is gone).
   */
  async verify(checkpoint?: { seq: number; hash: string; at?: string } | null): Promise<VerifyResult> {
    let prevHash = GENESIS_HASH
    let atCheckpoint: string | null = null
    let prevId = 0
    let rows = 0
    const broken = (id: number, problem: string): VerifyResult => ({ ok: false, rows, head: prevHash, firstBroken: { id, problem } })
    for (let after = 0; ;) {
      const batch = await this.db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(VERIFY_BATCH).execute()
      for (const raw of batch) {
        const id = Number(raw.id)
        const expectHash = rowHash({
          at: raw.at,
          actor: raw.actor,
          action: raw.action,
          targetKind: raw.target_kind ?? null,
          targetId: raw.target_id ?? null,
          patientMrn: raw.patient_mrn ?? null,
          detail: {},
          detailText: String(raw.detail),
          source: raw.source ?? null,
          outcome: raw.outcome,
          prevHash: raw.prev_hash,
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
        prevHash = raw.hash
        prevId = id
        rows++
        if (checkpoint && id === checkpoint.seq) atCheckpoint = prevHash
      }
      if (batch.length < VERIFY_BATCH) break
      after = prevId
    }
    // SQLite's AUTOINCREMENT keeps the highest id ever given, in the same transaction as the
    // row: rows cut off the end show. (PostgreSQL's sequences are not transactional, so there
    // the checkpoints below are what shows a cut tail.)
    const seq =
      this.catalog.engine === 'sqlite'
        ? (await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`.execute(this.db)).rows[0]
        : undefined
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
