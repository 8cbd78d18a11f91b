/**
 * The embedded catalog: SQLite through better-sqlite3, WAL mode, migrations on
 * open. The rest of chartclerk uses the repositories below, never SQL directly,
 * so a PostgreSQL catalog can be added behind the same shapes.
 *
 * Repositories move, one by one, to the query builder in ./sql/ (Kysely: one typed piece of
 * code for SQLite and PostgreSQL; why, in ./sql/open.ts). Documents, the event log, the patient
 * index and settlements are there (async); openCatalog builds them on this file's connection, and
 * catalogOn on the desk's configured catalog (PostgreSQL with `catalog.url`), so that they and the
 * repositories they join with read one engine. The job rows (./jobs.ts) are still reached with
 * better-sqlite3 in this file: nothing joins them with documents (on PostgreSQL the queue is pg-boss).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { ChartclerkError } from '../errors.js'
import { DocumentsRepo } from './documents.js'
import { EventLog } from './events.js'
import { JobsRepo } from './jobs.js'
import { MIGRATIONS } from './migrations/index.js'
import { PatientsRepo } from './patients.js'
import { CatalogScope } from './scope.js'
import { SettlementsRepo } from './settlements.js'
import { assertMovedToPostgres } from './sql/finishMove.js'
import { openSqlCatalog, sqliteSqlCatalog, type SqlCatalog } from './sql/open.js'

export type Db = Database.Database

/** The repositories on the query builder, on the catalog or on one transaction (Catalog.tx). */
export interface CatalogRepos {
  readonly documents: DocumentsRepo
  readonly events: EventLog
  readonly patients: PatientsRepo
  readonly settlements: SettlementsRepo
}

export interface Catalog extends CatalogRepos {
  readonly db: Db
  /** The query builder the repositories above run on: this file's, or the desk's (catalogOn). */
  readonly sql: SqlCatalog
  readonly jobs: JobsRepo
  /**
   * Runs fn in one write transaction and gives it the repositories bound to it: what fn records
   * through them (and through `db` meanwhile) is kept together or not at all. Inside, await only
   * the given repositories' calls: anything else on the query builder waits for the transaction
   * to end (./sql/open.ts). `key`: what the transaction is about (PostgreSQL lets transactions on
   * different keys run side by side).
   */
  tx<T>(fn: (c: CatalogRepos) => Promise<T>, key?: string): Promise<T>
  close(): void
}

function reposOn(scope: CatalogScope, now?: () => Date): CatalogRepos {
  return {
    documents: new DocumentsRepo(scope, now),
    events: new EventLog(scope, now),
    patients: new PatientsRepo(scope, now),
    settlements: new SettlementsRepo(scope),
  }
}

/** `now`: where the event log's times come from (the clinic's clock; the system clock by default). */
export function openCatalog(file: string, opts: { now?: () => Date } = {}): Catalog {
  let db: Db
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
    db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db)
    cacheStatements(db)
  } catch (err) {
    if (err instanceof ChartclerkError) throw err
    throw new ChartclerkError(
      'CATALOG_FAILED',
      `The catalog database ${file} cannot be opened. Check the data folder's disk and permissions.`,
      {
        cause: err,
        detail: (err as Error).message,
      },
    )
  }
  const sql = sqliteSqlCatalog(db)
  const scope = new CatalogScope(sql)
  return {
    db,
    sql,
    ...reposOn(scope, opts.now),
    jobs: new JobsRepo(db),
    tx: <T>(fn: (c: CatalogRepos) => Promise<T>, key = 'catalog') => scope.atomically(key, (trx) => fn(reposOn(trx, opts.now))),
    close: () => db.close(),
  }
}

/**
 * The same catalog with its repositories on `sql`: the desk's configured catalog (./sql/open.ts),
 * which is PostgreSQL with `catalog.url`. Every repository of a desk must read the engine the
 * others write, or a join on documents reads an empty table. The job rows and `db` stay on the
 * embedded file; closing still closes that file (the caller closes `sql`).
 */
export function catalogOn(catalog: Catalog, sql: SqlCatalog, opts: { now?: () => Date } = {}): Catalog {
  if (sql === catalog.sql) return catalog
  const scope = new CatalogScope(sql)
  return {
    db: catalog.db,
    sql,
    ...reposOn(scope, opts.now),
    jobs: catalog.jobs,
    tx: <T>(fn: (c: CatalogRepos) => Promise<T>, key = 'catalog') => scope.atomically(key, (trx) => fn(reposOn(trx, opts.now))),
    close: () => catalog.close(),
  }
}

/**
 * The desk's catalog for a command: the embedded file with every repository on the configured
 * engine (catalogOn). With catalog.url, refused (CATALOG_NOT_MOVED) while the file still holds
 * records now read from PostgreSQL (./sql/finishMove.ts). Closing it closes the PostgreSQL pool too (in the background: a command
 * ends once it is closed).
 */
export async function openDeskCatalog(
  settings: { path: string; url?: string; password?: string },
  opts: { now?: () => Date } = {},
): Promise<Catalog> {
  const embedded = openCatalog(settings.path, opts)
  let sql: SqlCatalog
  try {
    sql = await openSqlCatalog(settings, embedded.db)
  } catch (err) {
    embedded.close()
    throw err
  }
  try {
    await assertMovedToPostgres(embedded.db, sql, settings.path)
  } catch (err) {
    embedded.close()
    await sql.close()
    throw err
  }
  const desk = catalogOn(embedded, sql, opts)
  if (desk === embedded) return desk
  return {
    ...desk,
    close: () => {
      embedded.close()
      sql.close().catch(() => {})
    },
  }
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version))
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue
    db.transaction(() => {
      db.exec(m.up)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      )
    })()
  }
}

export const nowIso = (): string => new Date().toISOString()

/** Statements kept once prepared; more distinct SQL texts than this (built SQL) are prepared each time. */
const STATEMENT_CACHE = 400

/**
 * The repositories prepare their SQL where they use it, which keeps each query beside its code;
 * preparing is most of the cost of a small query, so each SQL text is prepared once per catalog.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db)
  const cache = new Map<string, Database.Statement>()
  db.prepare = ((sql: string) => {
    let st = cache.get(sql)
    // A statement still stepping through rows (iterate) cannot run again: that caller gets its own.
    if (st && !st.busy) return st
    st = prepare(sql)
    if (cache.size < STATEMENT_CACHE && !cache.has(sql)) cache.set(sql, st)
    return st
  }) as Db['prepare']
}
