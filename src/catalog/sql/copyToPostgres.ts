/**
 * Copies an embedded (SQLite) catalog into a PostgreSQL catalog: `chartclerk catalog migrate`.
 *
 * - The target's schema is brought up to date by the usual PostgreSQL migrations when it is opened
 *   (openPostgresCatalog), and must then record the same migrations as the source.
 * - A target is claimed for one desk: the progress table (`catalog_copy_progress`, on the target)
 *   names the source. A target that holds another desk's copy, or catalog rows that no copy put
 *   there, is refused.
 * - Tables go in dependency order, each in batches read by primary key (keyset), each batch in
 *   one transaction together with its progress row: after an interruption (Ctrl-C, a lost
 *   connection, a killed process) the next run continues after the last batch that committed,
 *   and a run after a finished copy copies nothing.
 * - Ids are kept; identity sequences are then set past the highest id (or SQLite's AUTOINCREMENT
 *   high-water mark, so an id is never given twice).
 * - Not copied: SQLite's FTS5 index (PostgreSQL computes `pages.text_search` from the text of
 *   each row as it arrives) and schema_migrations (written by each engine's migrations).
 * - Counted at the end, table by table, on both sides (src/setup/moveCatalog.ts adds the audit
 *   chain's check and says whether the copy is verified).
 */
import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { ChartclerkError } from '../../errors.js'
import type { Db } from '../db.js'
import { copyPlan, type CopyTable } from './copyPlan.js'
import type { SqlCatalog } from './open.js'
import type { CatalogTables } from './tables.js'

export const PROGRESS_TABLE = 'catalog_copy_progress'

export interface CopyProgress {
  table: string
  rowsCopied: number
  batches: number
}

export interface CopyOptions {
  /** Rows per batch (fewer for wide tables, to stay under PostgreSQL's parameter limit). Default 500. */
  batchSize?: number
  /** Aborted: stop after the batch in hand (it commits); the next run continues there. */
  signal?: AbortSignal
  /** After each committed batch. */
  onBatch?: (p: CopyProgress) => void
  now?: () => Date
}

export interface TableResult {
  table: string
  source: number
  target: number
  /** Rows this run copied (0 on a run after a finished copy). */
  copiedNow: number
}

export interface TablesCopy {
  /** Stopped before the end (signal); run again to continue. */
  stopped: boolean
  /** Every table was already copied before this run. */
  alreadyDone: boolean
  tables: TableResult[]
  /** Rows of `pages` whose search column PostgreSQL computed. */
  searchablePages: number
}

interface ProgressRow {
  table_name: string
  source: string
  last_key: string | null
  rows_copied: number
  done_at: string | null
}

/** Who the source is: the catalog file, and its first audit entry (written once, never changed). */
export function sourceIdentity(db: Db): string {
  const file = db.name === ':memory:' ? db.name : realpathSync(db.name)
  const first = db.prepare('SELECT hash FROM audit_log ORDER BY id LIMIT 1').pluck().get() as string | undefined
  return createHash('sha256')
    .update(`${file}\n${first ?? ''}`)
    .digest('hex')
    .slice(0, 32)
}

type Q = Kysely<CatalogTables>
const id = (n: string): RawBuilder<unknown> => sql.id(n)
const list = (names: string[]): RawBuilder<unknown> => sql.join(names.map(id))

/**
 * Copies every table not yet copied (after the checks above), sets the identity sequences, and
 * counts each table on both sides. The audit chain is verified by the caller (src/setup/moveCatalog.ts).
 */
export async function copyTables(source: Db, target: SqlCatalog, opts: CopyOptions = {}): Promise<TablesCopy> {
  if (target.engine !== 'postgres') throw new ChartclerkError('USAGE', 'The target of a catalog copy must be a PostgreSQL catalog.')
  const now = opts.now ?? (() => new Date())
  const pg = target.db
  await sameMigrations(source, pg, target.where)
  const plan = copyPlan(source)
  const targetColumns = await columnsOf(pg)
  for (const t of plan) {
    const cols = targetColumns.get(t.name)
    const missing = t.columns.filter((c) => !cols?.has(c))
    if (missing.length)
      throw new ChartclerkError(
        'CATALOG_FAILED',
        `The PostgreSQL catalog has no ${missing.map((c) => `${t.name}.${c}`).join(', ')}, which this desk's catalog has. Both must be at the same chartclerk version.`,
        { detail: 'copy: target lacks columns' },
      )
  }

  const progress = await claim(pg, source, plan, target.where, now)
  const alreadyDone = plan.every((t) => progress.get(t.name)?.done_at)
  const copiedNow = new Map<string, number>()
  let stopped = false
  for (const t of plan) {
    if (progress.get(t.name)?.done_at) continue
    const r = await copyTable(source, pg, t, progress.get(t.name)!, opts, now)
    copiedNow.set(t.name, r.copied)
    if (r.stopped) {
      stopped = true
      break
    }
  }
  // Idempotent: also after a run that copied the last row but stopped before this.
  if (!stopped) await resetIdentities(pg, plan)

  const tables: TableResult[] = []
  for (const t of plan) {
    const n = source.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() as number
    const m = await sql<{ n: number }>`SELECT count(*) AS n FROM ${id(t.name)}`.execute(pg)
    tables.push({ table: t.name, source: n, target: Number(m.rows[0]!.n), copiedNow: copiedNow.get(t.name) ?? 0 })
  }
  const searchable = await sql<{ n: number }>`SELECT count(*) AS n FROM pages WHERE text_search IS NOT NULL`.execute(pg)
  return { stopped, alreadyDone, tables, searchablePages: Number(searchable.rows[0]!.n) }
}

/** Records on the target that its copy was verified. */
export async function markVerified(target: SqlCatalog, at: Date): Promise<void> {
  await sql`UPDATE ${id(PROGRESS_TABLE)} SET verified_at = ${at.toISOString()}`.execute(target.db)
}

export async function sameMigrations(source: Db, pg: Kysely<CatalogTables>, where: string): Promise<void> {
  const here = (source.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[]).join(',')
  const there = (await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(pg)).rows
    .map((r) => Number(r.version))
    .join(',')
  if (here !== there)
    throw new ChartclerkError(
      'CATALOG_FAILED',
      `The PostgreSQL catalog at ${where} is at other schema migrations (${there}) than this desk's catalog (${here}). Run the same chartclerk version for both.`,
      { detail: 'copy: migrations differ' },
    )
}

async function columnsOf(pg: Q): Promise<Map<string, Set<string>>> {
  // Generated columns (pages.text_search) are computed by PostgreSQL, never written.
  const r = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_generated = 'NEVER'`.execute(pg)
  const m = new Map<string, Set<string>>()
  for (const c of r.rows) m.set(c.table_name, (m.get(c.table_name) ?? new Set()).add(c.column_name))
  return m
}

/**
 * Makes the progress table and claims the target for this desk, or refuses: a copy of another
 * desk is there, or catalog rows no copy wrote (a desk already runs on it).
 */
async function claim(pg: Q, source: Db, plan: CopyTable[], where: string, now: () => Date): Promise<Map<string, ProgressRow>> {
  const me = sourceIdentity(source)
  return pg.transaction().execute(async (trx) => {
    await sql`CREATE TABLE IF NOT EXISTS ${id(PROGRESS_TABLE)} (
      table_name  text PRIMARY KEY,
      source      text NOT NULL,
      last_key    text,
      rows_copied bigint NOT NULL DEFAULT 0,
      done_at     text,
      verified_at text,
      updated_at  text NOT NULL)`.execute(trx)
    await sql`LOCK TABLE ${id(PROGRESS_TABLE)} IN EXCLUSIVE MODE`.execute(trx)
    const rows = (await sql<ProgressRow>`SELECT table_name, source, last_key, rows_copied, done_at FROM ${id(PROGRESS_TABLE)}`.execute(trx))
      .rows
    const other = rows.find((r) => r.source !== me)
    if (other)
      throw new ChartclerkError(
        'CONFLICT',
        `The PostgreSQL catalog at ${where} holds a copy of another desk's catalog (or of this one before it changed). Copy into an empty database instead (createdb NEW_NAME, then --to with that name); drop the old one only if you are sure it is not in use.`,
        { detail: 'copy: target holds another desk' },
      )
    if (!rows.length) {
      const held: string[] = []
      for (const t of plan) {
        const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${id(t.name)} LIMIT 1) x`.execute(trx)
        if (Number(r.rows[0]!.n)) held.push(t.name)
      }
      if (held.length)
        throw new ChartclerkError(
          'CONFLICT',
          `The PostgreSQL catalog at ${where} already holds a desk's records (${held.slice(0, 5).join(', ')}${held.length > 5 ? ', ...' : ''}) that were not copied from this desk. Nothing was copied. Copy into a new, empty database (createdb NEW_NAME, then --to with that name).`,
          { detail: 'copy: target not empty' },
        )
    }
    const at = now().toISOString()
    for (const t of plan) {
      if (rows.some((r) => r.table_name === t.name)) continue
      await sql`INSERT INTO ${id(PROGRESS_TABLE)} (table_name, source, updated_at) VALUES (${t.name}, ${me}, ${at})`.execute(trx)
    }
    const all = (await sql<ProgressRow>`SELECT table_name, source, last_key, rows_copied, done_at FROM ${id(PROGRESS_TABLE)}`.execute(trx))
      .rows
    return new Map(all.map((r) => [r.table_name, { ...r, rows_copied: Number(r.rows_copied) }]))
  })
}

/** PostgreSQL accepts at most 65535 parameters in one statement. */
const MAX_PARAMETERS = 60_000

async function copyTable(
  source: Db,
  pg: Q,
  t: CopyTable,
  start: ProgressRow,
  opts: CopyOptions,
  now: () => Date,
): Promise<{ copied: number; stopped: boolean }> {
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? 500, Math.floor(MAX_PARAMETERS / t.columns.length)))
  const cols = t.columns.map((c) => `"${c}"`).join(', ')
  const keyCols = t.key.map((c) => `"${c}"`).join(', ')
  const first = source.prepare(`SELECT ${cols} FROM "${t.name}" ORDER BY ${keyCols} LIMIT ?`)
  const next = source.prepare(
    `SELECT ${cols} FROM "${t.name}" WHERE (${keyCols}) > (${t.key.map(() => '?').join(', ')}) ORDER BY ${keyCols} LIMIT ?`,
  )
  let lastKey = start.last_key ? (JSON.parse(start.last_key) as unknown[]) : null
  let total = start.rows_copied
  let copied = 0
  let batches = 0
  for (;;) {
    if (opts.signal?.aborted) return { copied, stopped: true }
    const rows = (lastKey ? next.all(...lastKey, batchSize) : first.all(batchSize)) as Record<string, unknown>[]
    const at = now().toISOString()
    if (!rows.length) {
      await sql`UPDATE ${id(PROGRESS_TABLE)} SET done_at = ${at}, updated_at = ${at} WHERE table_name = ${t.name}`.execute(pg)
      return { copied, stopped: false }
    }
    const last = rows[rows.length - 1]!
    lastKey = t.key.map((k) => last[k])
    total += rows.length
    await pg.transaction().execute(async (trx) => {
      const values = rows.map((r) => sql`(${sql.join(t.columns.map((c) => toPg(r[c])))})`)
      await sql`INSERT INTO ${id(t.name)} (${list(t.columns)}) VALUES ${sql.join(values)}`.execute(trx)
      await sql`UPDATE ${id(PROGRESS_TABLE)} SET last_key = ${JSON.stringify(lastKey)}, rows_copied = ${total}, updated_at = ${at}
                 WHERE table_name = ${t.name}`.execute(trx)
    })
    copied += rows.length
    batches++
    opts.onBatch?.({ table: t.name, rowsCopied: total, batches })
  }
}

function toPg(v: unknown): unknown {
  // better-sqlite3 gives numbers, text, null and Buffers (BLOB); node-pg takes each as it is.
  return typeof v === 'bigint' ? v.toString() : v
}

/** Each identity column continues after the highest id copied (or SQLite's high-water mark). */
export async function resetIdentities(pg: Q, plan: CopyTable[]): Promise<void> {
  const identities = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(pg)
  for (const { table_name: table, column_name: column } of identities.rows) {
    const t = plan.find((p) => p.name === table)
    if (!t) continue
    const floor = t.sequence ?? 0
    await sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, ${column}),
                            GREATEST(coalesce(max(${id(column)}), 0), ${floor}, 1),
                            GREATEST(coalesce(max(${id(column)}), 0), ${floor}) > 0)
                FROM ${id(table)}`.execute(pg)
  }
}
