/**
 * A read-then-write transaction on either catalog engine, for repositories that decide what to
 * write from what they read (a chart's deficiencies, a document's routes).
 *
 * SQLite: BEGIN IMMEDIATE takes the file's write lock before anything is read, so another process
 * writing the same file waits (busy_timeout) instead of failing when its read lock would have to
 * become a write lock. PostgreSQL: a transaction that first takes a transaction-scoped advisory
 * lock on `key` (say `chart MRN100231`), so two desks or workers deciding about the same thing
 * take turns; different keys run side by side.
 *
 * As everywhere on SQLite's one shared connection (./open.ts): `fn` must await only its own
 * queries on the handle it is given.
 *
 * @example
 *   await writeTransaction(sql, `chart ${mrn}`, async (trx) => { ...trx.selectFrom(...)...; ...trx.updateTable(...)... })
 */
import { sql, type Kysely } from 'kysely'
import type { SqlCatalog } from './open.js'
import type { CatalogTables } from './tables.js'

export type CatalogHandle = Kysely<CatalogTables>

export async function writeTransaction<T>(catalog: SqlCatalog, key: string, fn: (trx: CatalogHandle) => Promise<T>): Promise<T> {
  if (catalog.engine === 'postgres') {
    return catalog.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`chartclerk ${key}`}))`.execute(trx)
      return fn(trx)
    })
  }
  return catalog.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn)
    try {
      const out = await fn(conn)
      await sql`COMMIT`.execute(conn)
      return out
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => {})
      throw err
    }
  })
}
