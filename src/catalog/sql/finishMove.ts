/**
 * Finishing the move of a desk that already ran with `catalog.url` before its documents' side
 * moved to PostgreSQL (`chartclerk catalog migrate --finish`), and the check that stops such a
 * desk until it has (`assertMovedToPostgres`, at every open of the desk's catalog).
 *
 * Such a desk kept accounts, sessions, the audit log, deficiencies, releases, holds and the
 * schedule on PostgreSQL, but wrote the tables in MOVED_TABLES to its embedded SQLite file. With
 * catalog.url they are now read from PostgreSQL, where they are missing (or, when the desk was
 * moved with `catalog migrate`, are the copy made on that day).
 *
 * Finishing, table by table (after checking both sides run the same schema migrations):
 * - a row only in SQLite is copied (ids kept; the identity sequences then continue after them);
 * - a row on both sides, the same, is left;
 * - a row on both sides that differs is refused (nothing is written), unless PostgreSQL's row is
 *   this desk's own earlier copy (`catalog migrate` wrote it: catalog_copy_progress names this
 *   desk, and the row's key is within what that copy reached): since then the desk wrote only to
 *   SQLite, so SQLite's row replaces it; and a row of that copy which SQLite no longer has (a
 *   destroyed document, a finished review) is deleted;
 * - a row only on PostgreSQL and outside that copy is someone else's and stays.
 * Each step is idempotent, so an interrupted run continues when run again (rows already there
 * compare equal); it ends by comparing every SQLite row with PostgreSQL's again. When all match,
 * the SQLite file notes that these tables moved (MOVED_NOTE), which is what the check reads:
 * the file's copies are then history, and the desk runs.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { ChartclerkError } from '../../errors.js'
import type { Db } from '../db.js'
import { copyPlan, type CopyTable } from './copyPlan.js'
import { PROGRESS_TABLE, resetIdentities, sameMigrations, sourceIdentity } from './copyToPostgres.js'
import type { SqlCatalog } from './open.js'
import type { CatalogTables } from './tables.js'

/** The tables a desk with catalog.url kept in SQLite until they moved to PostgreSQL with the documents. */
export const MOVED_TABLES = [
  'documents',
  'pages',
  'receipts',
  'events',
  'patients',
  'patient_name_keys',
  'settlements',
  'routes',
  'inactive_charts',
  'destruction_certificates',
  'destroyed_documents',
  'searchable_pdf_pending',
  'batches',
  'batch_receipts',
  'split_decisions',
] as const

/** In the SQLite file: which tables moved to PostgreSQL, where to, when. Not a catalog table (never copied). */
export const MOVED_NOTE = 'moved_to_postgres'

type Q = Kysely<CatalogTables>
const BATCH = 500

export interface TableFinish {
  table: string
  /** Rows in SQLite / on PostgreSQL (after the run). */
  sqlite: number
  postgres: number
  copied: number
  /** Rows of this desk's earlier copy replaced by SQLite's, and deleted because SQLite no longer has them. */
  replaced: number
  deleted: number
}

export interface FinishResult {
  tables: TableFinish[]
  /** Every SQLite row of these tables is on PostgreSQL, the same. */
  verified: boolean
  problems: string[]
  /** The tables were already noted as moved before this run (nothing to do but check). */
  alreadyMoved: boolean
}

/** The moved tables this file holds rows of and has not noted as moved: what PostgreSQL would be missing. */
export function tablesLeftInSqlite(db: Db): string[] {
  const noted = movedNoted(db)
  const left: string[] = []
  for (const t of MOVED_TABLES) {
    if (noted.has(t) || !hasTable(db, t)) continue
    if (db.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() !== undefined) left.push(t)
  }
  return left
}

/**
 * Refuses a desk on PostgreSQL whose embedded file still holds rows of the tables now read from
 * PostgreSQL (see the top of this file). Cheap when there is nothing left: one probe per table in
 * the file.
 */
export async function assertMovedToPostgres(db: Db, target: SqlCatalog, embeddedPath: string): Promise<void> {
  if (target.engine !== 'postgres') return
  const left = tablesLeftInSqlite(db)
  if (!left.length) return
  const counts: string[] = []
  for (const t of left) {
    const here = db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number
    const there = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(t)}`.execute(target.db).then(
      (r) => Number(r.rows[0]!.n),
      () => null,
    )
    counts.push(`${t} ${here} here${there === null ? '' : `, ${there} on PostgreSQL`}`)
  }
  if (await neverOnPostgres(db, target))
    throw new ChartclerkError(
      'CATALOG_NOT_MOVED',
      `This desk's catalog ${embeddedPath} has never been copied to the PostgreSQL catalog at ${target.where} (its accounts and audit log are only in the file), but catalog.url names it. Nothing was started. Remove catalog.url from the configuration and move the whole catalog with "chartclerk catalog migrate --to postgres://..." (README: Several sites and machines), then set catalog.url again.`,
      { detail: 'never moved' },
    )
  throw new ChartclerkError(
    'CATALOG_NOT_MOVED',
    `This desk's embedded catalog ${embeddedPath} still holds records that chartclerk now reads from the PostgreSQL catalog at ${target.where} (${counts.join('; ')}): they were written before documents, patients and events moved to PostgreSQL. Nothing was started. Stop every chartclerk process of this desk, then run "chartclerk catalog migrate --finish" on this machine (with the same configuration) to move them, and start again.`,
    { detail: `not moved: ${left.join(', ')}` },
  )
}

/** Moves what is still only in SQLite into the desk's PostgreSQL catalog (see the top of this file). */
export async function finishMoveToPostgres(source: Db, target: SqlCatalog, opts: { now?: () => Date } = {}): Promise<FinishResult> {
  if (target.engine !== 'postgres') throw new ChartclerkError('USAGE', 'Finishing a move needs the desk on PostgreSQL (catalog.url).')
  const pg = target.db
  await sameMigrations(source, pg, target.where)
  if (await neverOnPostgres(source, target))
    throw new ChartclerkError(
      'USAGE',
      `This desk's accounts and audit log are only in its embedded catalog, not on the PostgreSQL catalog at ${target.where}: it never ran there, and --finish would leave them behind. Remove catalog.url from the configuration and run "chartclerk catalog migrate --to postgres://..." instead.`,
      { detail: 'finish: desk never on postgres' },
    )
  const plan = copyPlan(source).filter((t) => (MOVED_TABLES as readonly string[]).includes(t.name))
  const alreadyMoved = tablesLeftInSqlite(source).length === 0
  const snapshots = await earlierCopy(pg, sourceIdentity(source))
  const isText = await textColumns(pg)

  // 1. Refuse before writing anything: rows on both sides that differ and are not this desk's old copy.
  const conflicts: string[] = []
  for (const t of plan) {
    const d = await compareTable(source, pg, t, snapshots.get(t.name) ?? null, isText, { stopAt: 3 })
    for (const k of d.conflicts) conflicts.push(`${t.name} ${JSON.stringify(k)}`)
  }
  if (conflicts.length)
    throw new ChartclerkError(
      'CONFLICT',
      `The PostgreSQL catalog at ${target.where} already holds other records under the same keys as this desk's embedded catalog (${conflicts.slice(0, 5).join('; ')}): another desk's, or written there since. Nothing was moved. Keep this desk stopped and ask for help: the two cannot be merged by copying.`,
      { detail: 'finish: rows differ on both sides' },
    )

  // 2. Deletes first, children before parents; then copies and replacements, parents first.
  const results = new Map<string, TableFinish>(
    plan.map((t) => [t.name, { table: t.name, sqlite: 0, postgres: 0, copied: 0, replaced: 0, deleted: 0 }]),
  )
  for (const t of [...plan].reverse()) {
    const last = snapshots.get(t.name)
    if (last) results.get(t.name)!.deleted = await deleteGoneFromCopy(source, pg, t, last, isText)
  }
  for (const t of plan) {
    const r = await copyMissing(source, pg, t, snapshots.get(t.name) ?? null)
    Object.assign(results.get(t.name)!, r)
  }
  await resetIdentities(pg, plan)

  // 3. Verify: every SQLite row on PostgreSQL, the same; nothing of the old copy left over.
  const problems: string[] = []
  for (const t of plan) {
    const d = await compareTable(source, pg, t, snapshots.get(t.name) ?? null, isText, {})
    const res = results.get(t.name)!
    res.sqlite = source.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() as number
    res.postgres = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(t.name)}`.execute(pg)).rows[0]!.n)
    if (d.missing || d.replace || d.conflicts.length || d.staleInCopy)
      problems.push(
        `${t.name}: ${d.missing} rows missing, ${d.replace + d.conflicts.length} different, ${d.staleInCopy} left of the earlier copy on PostgreSQL`,
      )
  }
  const verified = problems.length === 0
  if (verified) noteMoved(source, plan, target.where, (opts.now ?? (() => new Date()))())
  return { tables: [...results.values()], verified, problems, alreadyMoved }
}

/** The file has accounts or audit entries and PostgreSQL has neither: the desk never ran there (`catalog migrate --to` is the way). */
async function neverOnPostgres(db: Db, target: SqlCatalog): Promise<boolean> {
  const here = ['users', 'audit_log'].some((t) => hasTable(db, t) && db.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() !== undefined)
  if (!here) return false
  for (const t of ['users', 'audit_log'] as const) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${sql.id(t)} LIMIT 1) x`.execute(target.db)
    if (Number(r.rows[0]!.n)) return false
  }
  return true
}

/** Notes in the SQLite file that its moved tables now live on PostgreSQL (also after a whole `catalog migrate`). */
export function noteMoved(db: Db, plan: { name: string }[], where: string, at: Date): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${MOVED_NOTE} (table_name TEXT PRIMARY KEY, target TEXT NOT NULL, moved_at TEXT NOT NULL)`)
  const put = db.prepare(`INSERT OR REPLACE INTO ${MOVED_NOTE} (table_name, target, moved_at) VALUES (?, ?, ?)`)
  db.transaction(() => {
    for (const t of MOVED_TABLES) if (plan.some((p) => p.name === t)) put.run(t, where, at.toISOString())
  })()
}

function movedNoted(db: Db): Set<string> {
  if (!hasTable(db, MOVED_NOTE)) return new Set()
  return new Set(db.prepare(`SELECT table_name FROM ${MOVED_NOTE}`).pluck().all() as string[])
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}

/** How far this desk's own earlier copy (`catalog migrate`) got in each table: its last key. */
async function earlierCopy(pg: Q, me: string): Promise<Map<string, unknown[]>> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass(${PROGRESS_TABLE})::text AS t`.execute(pg)
  if (!exists.rows[0]?.t) return new Map()
  const rows = await sql<{ table_name: string; last_key: string | null }>`
    SELECT table_name, last_key FROM ${sql.id(PROGRESS_TABLE)} WHERE source = ${me} AND last_key IS NOT NULL`.execute(pg)
  return new Map(rows.rows.map((r) => [r.table_name, JSON.parse(r.last_key!) as unknown[]]))
}

async function textColumns(pg: Q): Promise<Set<string>> {
  const r = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type = 'text'`.execute(pg)
  return new Set(r.rows.map((c) => `${c.table_name}.${c.column_name}`))
}

/** Key order as SQLite has it: numbers by value, text by its bytes. */
function compareKeys(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]]
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : Buffer.compare(Buffer.from(String(x), 'utf8'), Buffer.from(String(y), 'utf8'))
    if (c) return Math.sign(c)
  }
  return 0
}

const inCopy = (key: unknown[], last: unknown[] | null): boolean => last !== null && compareKeys(key, last) <= 0
const rowText = (t: CopyTable, r: Record<string, unknown>): string => JSON.stringify(t.columns.map((c) => r[c]))
const keyOf = (t: CopyTable, r: Record<string, unknown>): unknown[] => t.key.map((k) => r[k])

/** SQLite's rows of a table in key order, a batch at a time. */
function* sqliteBatches(source: Db, t: CopyTable): Generator<Record<string, unknown>[]> {
  const cols = t.columns.map((c) => `"${c}"`).join(', ')
  const keys = t.key.map((c) => `"${c}"`).join(', ')
  const first = source.prepare(`SELECT ${cols} FROM "${t.name}" ORDER BY ${keys} LIMIT ?`)
  const next = source.prepare(
    `SELECT ${cols} FROM "${t.name}" WHERE (${keys}) > (${t.key.map(() => '?').join(', ')}) ORDER BY ${keys} LIMIT ?`,
  )
  let last: unknown[] | null = null
  for (;;) {
    const rows = (last ? next.all(...last, BATCH) : first.all(BATCH)) as Record<string, unknown>[]
    if (!rows.length) return
    yield rows
    last = keyOf(t, rows[rows.length - 1]!)
  }
}

const keyMatch = (t: CopyTable, keys: unknown[][]): RawBuilder<unknown> =>
  sql`(${sql.join(t.key.map((k) => sql.id(k)))}) IN (${sql.join(keys.map((k) => sql`(${sql.join(k)})`))})`

async function pgRowsFor(pg: Q, t: CopyTable, rows: Record<string, unknown>[]): Promise<Map<string, string>> {
  const found = await sql<Record<string, unknown>>`SELECT ${sql.join(t.columns.map((c) => sql.id(c)))} FROM ${sql.id(t.name)}
    WHERE ${keyMatch(
      t,
      rows.map((r) => keyOf(t, r)),
    )}`.execute(pg)
  return new Map(found.rows.map((r) => [JSON.stringify(keyOf(t, r)), rowText(t, r)]))
}

interface TableDiff {
  missing: number
  /** Rows of this desk's earlier copy that SQLite has changed since. */
  replace: number
  /** Keys of rows that differ and are not this desk's earlier copy. */
  conflicts: unknown[][]
  /** Rows of the earlier copy that SQLite no longer has. */
  staleInCopy: number
}

async function compareTable(
  source: Db,
  pg: Q,
  t: CopyTable,
  last: unknown[] | null,
  isText: Set<string>,
  o: { stopAt?: number },
): Promise<TableDiff> {
  const d: TableDiff = { missing: 0, replace: 0, conflicts: [], staleInCopy: 0 }
  for (const rows of sqliteBatches(source, t)) {
    const there = await pgRowsFor(pg, t, rows)
    for (const r of rows) {
      const key = keyOf(t, r)
      const theirs = there.get(JSON.stringify(key))
      if (theirs === undefined) d.missing++
      else if (theirs !== rowText(t, r)) {
        if (inCopy(key, last)) d.replace++
        else d.conflicts.push(key)
      }
    }
    if (o.stopAt && d.conflicts.length >= o.stopAt) return d
  }
  if (last) for await (const keys of goneFromCopy(source, pg, t, last, isText)) d.staleInCopy += keys.length
  return d
}

/** Keys on PostgreSQL within this desk's earlier copy that SQLite no longer has. */
async function* goneFromCopy(source: Db, pg: Q, t: CopyTable, last: unknown[], isText: Set<string>): AsyncGenerator<unknown[][]> {
  const key = (c: string): RawBuilder<unknown> => (isText.has(`${t.name}.${c}`) ? sql`${sql.id(c)} COLLATE "C"` : sql`${sql.id(c)}`)
  const keys = sql.join(t.key.map(key))
  const here = source.prepare(`SELECT 1 FROM "${t.name}" WHERE ${t.key.map((k) => `"${k}" = ?`).join(' AND ')}`)
  let after: unknown[] | null = null
  for (;;) {
    const where: RawBuilder<unknown> = after ? sql`WHERE (${keys}) > (${sql.join(after)})` : sql``
    const rows = (
      await sql<
        Record<string, unknown>
      >`SELECT ${sql.join(t.key.map((k) => sql.id(k)))} FROM ${sql.id(t.name)} ${where} ORDER BY ${keys} LIMIT ${BATCH}`.execute(pg)
    ).rows
    if (!rows.length) return
    const gone = rows.map((r) => keyOf(t, r)).filter((k) => inCopy(k, last) && here.get(...k) === undefined)
    if (gone.length) yield gone
    after = keyOf(t, rows[rows.length - 1]!)
    if (!inCopy(after, last)) return
  }
}

async function deleteGoneFromCopy(source: Db, pg: Q, t: CopyTable, last: unknown[], isText: Set<string>): Promise<number> {
  const all: unknown[][] = []
  for await (const keys of goneFromCopy(source, pg, t, last, isText)) all.push(...keys)
  for (let i = 0; i < all.length; i += BATCH)
    await sql`DELETE FROM ${sql.id(t.name)} WHERE ${keyMatch(t, all.slice(i, i + BATCH))}`.execute(pg)
  return all.length
}

async function copyMissing(source: Db, pg: Q, t: CopyTable, last: unknown[] | null): Promise<{ copied: number; replaced: number }> {
  let copied = 0
  let replaced = 0
  const cols = sql.join(t.columns.map((c) => sql.id(c)))
  for (const rows of sqliteBatches(source, t)) {
    const there = await pgRowsFor(pg, t, rows)
    const insert: Record<string, unknown>[] = []
    const update: Record<string, unknown>[] = []
    for (const r of rows) {
      const key = keyOf(t, r)
      const theirs = there.get(JSON.stringify(key))
      if (theirs === undefined) insert.push(r)
      else if (theirs !== rowText(t, r)) {
        if (!inCopy(key, last))
          throw new ChartclerkError(
            'CONFLICT',
            `${t.name} ${JSON.stringify(key)} changed on PostgreSQL while this desk was being moved. Stop every desk and run again.`,
            {
              detail: 'finish: row changed during the move',
            },
          )
        update.push(r)
      }
    }
    if (!insert.length && !update.length) continue
    await pg.transaction().execute(async (trx) => {
      if (insert.length)
        await sql`INSERT INTO ${sql.id(t.name)} (${cols}) VALUES ${sql.join(insert.map((r) => sql`(${sql.join(t.columns.map((c) => toPg(r[c])))})`))}`.execute(
          trx,
        )
      const others = t.columns.filter((c) => !t.key.includes(c))
      for (const r of update)
        await sql`UPDATE ${sql.id(t.name)} SET ${sql.join(others.map((c) => sql`${sql.id(c)} = ${toPg(r[c])}`))}
                   WHERE ${keyMatch(t, [keyOf(t, r)])}`.execute(trx)
    })
    copied += insert.length
    replaced += update.length
  }
  return { copied, replaced }
}

const toPg = (v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v)
