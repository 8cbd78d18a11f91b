/**
 * The catalog through a query builder, on either engine: the embedded SQLite file (the same
 * better-sqlite3 connection as the rest of the catalog) or a PostgreSQL server shared by several
 * desks (`catalog.url`). Repositories written against `SqlCatalog.db` run unchanged on both.
 *
 * Why Kysely (0.28, the last line that runs on Node 20): it only builds SQL, typed from the
 * table types in ./tables.ts, and ships dialects for both engines we need (SQLite over
 * better-sqlite3, PostgreSQL over node-pg) with transactions and RETURNING on both, so one
 * repository is one piece of code. An ORM (Prisma, TypeORM) would bring its own schema
 * language, engine binaries or migration runner beside ours; hand-written SQL per engine would
 * be written twice and drift.
 *
 * What is on it so far: accounts and sessions (with their CSRF tokens), so that several
 * `chartclerk serve` share sign-ins; the audit log; nodes; deficiencies with their history, each
 * chart's last check and the rule set numbers; records requests; release-of-information requests,
 * revocations and the disclosure log; legal holds; the appointment schedule; documents, their
 * pages, receipts and search, the event log, the patient index and settlements
 * (src/catalog/documents.ts, events.ts, patients.ts, settlements.ts, with the desk's review queue,
 * chart lists and patient finder); routes of outside reports; inactive charts; certificates of
 * destruction and tombstones; split batches, their receipts and decisions; the searchable PDFs
 * owed; and the statistics' filing history. A desk builds the documents' repositories on this
 * catalog too (catalogOn, openDeskCatalog in src/catalog/db.ts), so every join reads one engine;
 * the job rows still use better-sqlite3 in the embedded file (nothing joins them with documents).
 *
 * On SQLite the query builder shares the catalog's one connection (one query builder per
 * connection, so transactions take turns): a Kysely transaction there must hold only its own
 * queries (no other awaits inside), since synchronous catalog code that ran in between would
 * join it; a query through the catalog's query builder outside the transaction's handle waits
 * for the transaction to end (repositories on ../scope.ts use the transaction of their async
 * context instead, see ./write.ts).
 */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import type pg from 'pg'
import type { Db } from '../db.js'
import { ChartclerkError } from '../../errors.js'
import { PG_MIGRATIONS, PG_PRELUDE } from './postgres/migrations.js'
import type { CatalogTables } from './tables.js'

export type CatalogEngine = 'sqlite' | 'postgres'

export interface SqlCatalog {
  readonly engine: CatalogEngine
  readonly db: Kysely<CatalogTables>
  /** Where the catalog is, for messages: a file, or user@host:port/database (never the password). */
  readonly where: string
  /** Closes the PostgreSQL pool; on SQLite the connection belongs to the catalog, which closes it. */
  close(): Promise<void>
}

const onConnection = new WeakMap<Db, SqlCatalog>()

/**
 * The query builder over the embedded catalog's connection (its schema is already migrated):
 * one per connection, so that its transactions take turns (one connection holds one transaction).
 */
export function sqliteSqlCatalog(db: Db): SqlCatalog {
  let c = onConnection.get(db)
  if (!c) {
    const kysely = new Kysely<CatalogTables>({ dialect: new SqliteDialect({ database: db }) })
    // Not kysely.destroy(): SQLite's driver would close the catalog's own connection.
    c = { engine: 'sqlite', db: kysely, where: db.name, close: async () => {} }
    onConnection.set(db, c)
  }
  return c
}

export interface PostgresSettings {
  url: string
  password?: string
  /** Connections in the pool (default 10). */
  maxConnections?: number
}

/** node-pg returns int8 (bigint: ids, counts) as text; ours stay far below 2^53, so read them as numbers. */
const INT8_OID = 20
const typesOf = (pgModule: typeof pg) => ({
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (v: string) => Number(v)
      : pgModule.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
})

/**
 * node-pg, loaded when a PostgreSQL catalog is first opened: a desk on the embedded catalog never
 * loads it (it and pg-boss cost every command's start-up otherwise).
 */
async function loadPg(): Promise<typeof pg> {
  return (await import('pg')).default
}

/**
 * Connects to the PostgreSQL catalog, checks that it answers, and brings its schema up to date
 * (one desk at a time: two starting together wait for each other). Throws ChartclerkError with
 * what to do when the server does not answer, wants a password that was not given, refuses it,
 * or has no such database.
 */
export async function openPostgresCatalog(s: PostgresSettings): Promise<SqlCatalog> {
  const where = describe(s.url)
  const pg = await loadPg()
  const pool = new pg.Pool({
    ...connectionOf(s.url),
    password: s.password,
    max: s.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    types: typesOf(pg),
  })
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  try {
    await migratePostgres(pool)
  } catch (err) {
    await pool.end().catch(() => {})
    throw postgresError(err, where)
  }
  const kysely = new Kysely<CatalogTables>({ dialect: new PostgresDialect({ pool }) })
  return { engine: 'postgres', db: kysely, where, close: () => kysely.destroy() }
}

/** The configured catalog: PostgreSQL when `url` is set, else the embedded one over `sqlite`. */
export async function openSqlCatalog(settings: { url?: string; password?: string }, sqlite: Db): Promise<SqlCatalog> {
  return settings.url ? sharedPostgresCatalog({ url: settings.url, password: settings.password }) : sqliteSqlCatalog(sqlite)
}

/** The process's open PostgreSQL catalogs, by address and password, with how many hold each. */
const sharedPools = new Map<string, { users: number; ready: Promise<SqlCatalog> }>()

/**
 * One pool per process for each PostgreSQL catalog: a desk's catalog, the commands' repositories
 * (withSqlCatalog) and the audit writes beside them take their connections from the same pool,
 * and the schema is checked once, when the first opens it. Each caller closes what it got; the
 * pool ends when the last has. (openPostgresCatalog gives a pool of one's own: a second desk in
 * a test, a copy with its own size.)
 */
export async function sharedPostgresCatalog(s: PostgresSettings): Promise<SqlCatalog> {
  const key = JSON.stringify([s.url, s.password ?? null, s.maxConnections ?? null])
  let entry = sharedPools.get(key)
  if (!entry) {
    entry = { users: 0, ready: openPostgresCatalog(s) }
    sharedPools.set(key, entry)
  }
  const held = entry
  held.users++
  let inner: SqlCatalog
  try {
    inner = await held.ready
  } catch (err) {
    if (--held.users === 0 && sharedPools.get(key) === held) sharedPools.delete(key)
    throw err
  }
  let closed = false
  return {
    engine: inner.engine,
    db: inner.db,
    where: inner.where,
    close: async () => {
      if (closed) return
      closed = true
      if (--held.users > 0) return
      if (sharedPools.get(key) === held) sharedPools.delete(key)
      await inner.close()
    },
  }
}

/**
 * The URL's parts as node-pg settings. Not `connectionString`: node-pg would let the URL's
 * (empty) password override the one from the password file.
 */
export function connectionOf(url: string): pg.PoolConfig {
  const u = new URL(url)
  const sslmode = u.searchParams.get('sslmode')
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    // require: encrypted; verify-ca / verify-full: encrypted and the server's certificate checked.
    ssl:
      sslmode === 'require'
        ? { rejectUnauthorized: false }
        : sslmode === 'verify-ca' || sslmode === 'verify-full'
          ? { rejectUnauthorized: true }
          : undefined,
    application_name: 'chartclerk',
  }
}

const LOCK = "SELECT pg_advisory_xact_lock(hashtext('chartclerk catalog schema'))"

async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query(LOCK)
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
    )
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)),
    )
    if (!applied.size) await client.query(PG_PRELUDE)
    for (const m of PG_MIGRATIONS) {
      if (applied.has(m.version)) continue
      await client.query(m.up)
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ])
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

function describe(url: string): string {
  try {
    const u = new URL(url)
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}:${u.port || 5432}${u.pathname}`
  } catch {
    return 'the configured server'
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'])

/** A failure to reach or enter the PostgreSQL catalog, as what the person starting chartclerk should do. */
export function postgresError(err: unknown, where: string): ChartclerkError {
  if (err instanceof ChartclerkError) return err
  const e = err as { code?: string; message?: string }
  const message = e.message ?? String(err)
  if ((e.code && UNREACHABLE.has(e.code)) || /timeout|terminated unexpectedly/i.test(message)) {
    return new ChartclerkError(
      'CATALOG_UNREACHABLE',
      `The PostgreSQL catalog at ${where} does not answer (${e.code ?? message}). Check that the server is running and reachable from this machine, and that catalog.url names the right host and port.`,
      { cause: err, detail: `postgres unreachable ${e.code ?? ''}`.trim(), transient: true },
    )
  }
  if (/client password must be a string|no password supplied|password must be a string/i.test(message)) {
    return new ChartclerkError(
      'CONFIG_INVALID',
      `The PostgreSQL catalog at ${where} asks for a password and none was given. Put it in a file named by catalog.passwordFile, or in CHARTCLERK_CATALOG_PASSWORD (or CHARTCLERK_CATALOG_PASSWORD_FILE); never in the configuration file.`,
      { cause: err, detail: 'postgres password missing' },
    )
  }
  if (e.code === '28P01') {
    return new ChartclerkError(
      'CONFIG_INVALID',
      `The PostgreSQL catalog at ${where} refused the password. Check the password file (catalog.passwordFile) or CHARTCLERK_CATALOG_PASSWORD, and the user name in catalog.url.`,
      { cause: err, detail: 'postgres password refused' },
    )
  }
  if (e.code === '28000') {
    return new ChartclerkError(
      'CONFIG_INVALID',
      `The PostgreSQL catalog at ${where} does not let this user in from this machine. Ask its administrator to allow it (pg_hba.conf).`,
      {
        cause: err,
        detail: 'postgres refused the connection',
      },
    )
  }
  if (e.code === '3D000') {
    return new ChartclerkError(
      'CONFIG_INVALID',
      `The PostgreSQL server has no database named in catalog.url (${where}). Create it (createdb) or correct catalog.url.`,
      {
        cause: err,
        detail: 'postgres database missing',
      },
    )
  }
  return new ChartclerkError(
    'CATALOG_FAILED',
    `The PostgreSQL catalog at ${where} cannot be used (${e.code ?? 'error'}). See the server's log, and check catalog.url.`,
    {
      cause: err,
      detail: `postgres ${e.code ?? message.slice(0, 120)}`,
    },
  )
}

/**
 * Runs `fn` with the configured catalog through the query builder, and closes it after (for
 * commands). On PostgreSQL it takes the process's pool (sharedPostgresCatalog): inside a command
 * that holds the desk's catalog, no new connections.
 */
export async function withSqlCatalog<T>(
  settings: { url?: string; password?: string },
  sqlite: Db,
  fn: (sql: SqlCatalog) => Promise<T>,
): Promise<T> {
  const sql = await openSqlCatalog(settings, sqlite)
  try {
    return await fn(sql)
  } finally {
    await sql.close()
  }
}
