/**
 * Where a repository's queries go: the catalog's query builder (either engine, ./sql/open.ts),
 * or one write transaction on it. Repositories built on a transaction's scope write with it, so
 * a document, its pages and its receipt are recorded together or not at all; a repository on the
 * catalog's own scope called from inside a write transaction on the same catalog (the same async
 * context) writes with that transaction too, rather than waiting for it to end.
 *
 * @example
 *   await scope.atomically(`document ${id}`, async (trx) => { await new EventLog(trx).append(...); ... })
 */
import type { SqlCatalog } from './sql/open.js'
import { activeTransaction, writeTransaction, type CatalogHandle } from './sql/write.js'

export class CatalogScope {
  constructor(
    readonly sql: SqlCatalog,
    private readonly handle: CatalogHandle = sql.db,
    readonly inTransaction = false,
  ) {}

  get engine(): SqlCatalog['engine'] {
    return this.sql.engine
  }

  /** The handle to query with now: the transaction's, or the one the calling code is inside, or the catalog's. */
  get db(): CatalogHandle {
    return this.inTransaction ? this.handle : (activeTransaction(this.sql) ?? this.handle)
  }

  /**
   * `fn` in one write transaction: this scope's own when it is in one already, else a new one
   * (writeTransaction: BEGIN IMMEDIATE on SQLite, an advisory lock on `key` on PostgreSQL).
   * Inside, await only queries made through the scope `fn` is given (see ./sql/open.ts).
   */
  atomically<T>(key: string, fn: (scope: CatalogScope) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this)
    return writeTransaction(this.sql, key, (trx) => fn(new CatalogScope(this.sql, trx, true)))
  }
}
