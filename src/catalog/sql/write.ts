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
 * queries on the handle it is given. Repositories on the catalog's scope (../scope.ts) find the
 * transaction of their async context themselves (activeTransaction), and a writeTransaction
 * started inside another on the same catalog joins it (on PostgreSQL taking its key's lock too).
 *
 * @example
 *   await writeTransaction(sql, `chart ${mrn}`, async (trx) => { ...trx.selectFrom(...)...; ...trx.updateTable(...)... })
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { sql, type Kysely } from 'kysely'
import type { SqlCatalog } from './open.js'
import type { CatalogTables } from './tables.js'

export type CatalogHandle = Kysely<CatalogTables>

/** The write transaction each async context is in, per catalog. */
const inTransaction = new AsyncLocalStorage<{ catalog: SqlCatalog; trx: CatalogHandle }>()

/** The write transaction on `catalog` that the calling code runs inside, if any. */
export function activeTransaction(catalog: SqlCatalog): CatalogHandle | undefined {
  const t = inTransaction.getStore()
  return t && t.catalog.db === catalog.db ? t.trx : undefined
}

const lockOn = (trx: CatalogHandle, key: string) => sql`SELECT pg_advisory_xact_lock(hashtext(${`chartclerk ${key}`}))`.execute(trx)

export async function writeTransaction<T>(catalog: SqlCatalog, key: string, fn: (trx: CatalogHandle) => Promise<T>): Promise<T> {
  const outer = activeTransaction(catalog)
  if (outer) {
    if (catalog.engine === 'postgres') await lockOn(outer, key)
    return fn(outer)
  }
  const run = (trx: CatalogHandle) => inTransaction.run({ catalog, trx }, () => fn(trx))
  if (catalog.engine === 'postgres') {
    return catalog.db.transaction().execute(async (trx) => {
      await lockOn(trx, key)
      return run(trx)
    })
  }
  return catalog.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn)
    try {
      const out = await run(conn)
      await sql`COMMIT`.execute(conn)
      return out
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => {})
      throw err
    }
  })
}
