/**
 * The catalog on each engine, for the contract suite: every repository test runs once on the
 * embedded SQLite catalog and once on a fresh database on the test PostgreSQL server (see
 * test/support/pg-global-setup.ts). Under CI=true the PostgreSQL runs are never skipped.
 *
 *   const engines = await catalogEngines()
 *   describe.each(engines)('accounts on $name', (engine) => { ... engine.open() ... })
 */
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { openPostgresCatalog, sqliteSqlCatalog, type SqlCatalog } from '../../../src/catalog/sql/open.js'
import { freshDatabase, pgServer, type PgTestServer } from '../../support/pgEnv.js'

export interface OpenedCatalog {
  sql: SqlCatalog
  /**
   * PostgreSQL: a second desk's own connection pool onto the same database (closed with this
   * catalog). SQLite: undefined (one process reaches the file through one connection).
   */
  another?(): Promise<SqlCatalog>
  /** Empties the tables the repositories on both engines use (cheaper than a new database per test). */
  reset(): Promise<void>
  close(): Promise<void>
}

async function emptyTables(sql: SqlCatalog): Promise<void> {
  await sql.db.deleteFrom('sessions').execute()
  await sql.db.deleteFrom('users').execute()
  await sql.db.deleteFrom('legal_holds').execute()
  await sql.db.deleteFrom('appointments').execute()
  await sql.db.deleteFrom('routes').execute()
  await sql.db.deleteFrom('settlements').execute()
  await sql.db.deleteFrom('documents').execute()
  await sql.db.deleteFrom('inactive_charts').execute()
  await sql.db.deleteFrom('destroyed_documents').execute()
  await sql.db.deleteFrom('destruction_certificates').execute()
  await sql.db.deleteFrom('batch_receipts').execute()
  await sql.db.deleteFrom('batches').execute()
  await sql.db.deleteFrom('split_decisions').execute()
  await sql.db.deleteFrom('searchable_pdf_pending').execute()
  await sql.db.deleteFrom('patients').execute()
}

export interface CatalogEngine {
  name: 'sqlite' | 'postgres'
  /** A new, empty catalog on this engine. */
  open(): Promise<OpenedCatalog>
}

export const sqliteEngine: CatalogEngine = {
  name: 'sqlite',
  async open() {
    const catalog: Catalog = openCatalog(':memory:')
    const sql = sqliteSqlCatalog(catalog.db)
    return { sql, reset: () => emptyTables(sql), close: async () => (await sql.close(), catalog.close()) }
  },
}

export function postgresEngine(server: PgTestServer): CatalogEngine {
  return {
    name: 'postgres',
    async open() {
      const db = await freshDatabase(server)
      const sql = await openPostgresCatalog({ url: db.url, password: db.password })
      const others: SqlCatalog[] = []
      return {
        sql,
        another: async () => {
          const other = await openPostgresCatalog({ url: db.url, password: db.password })
          others.push(other)
          return other
        },
        reset: () => emptyTables(sql),
        close: async () => {
          for (const o of others) await o.close()
          await sql.close()
          await db.drop()
        },
      }
    },
  }
}

/** SQLite always; PostgreSQL when the server is there (always under CI=true, where its absence throws). */
export async function catalogEngines(): Promise<CatalogEngine[]> {
  const server = await pgServer()
  return server ? [sqliteEngine, postgresEngine(server)] : [sqliteEngine]
}
