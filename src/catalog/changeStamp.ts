/**
 * A cheap stamp of the records the desk's figures are built from (documents' events, deficiencies
 * and their history, release requests). It changes whenever any of them does, so a figure built
 * from them can be kept until the stamp moves. Page views and sign-ins do not move it.
 *
 * Deficiencies and release requests are read where they live (the query builder's catalog: the
 * same SQLite file, or PostgreSQL); the rest from the embedded catalog until those tables move too.
 */
import { sql as raw } from 'kysely'
import type { Db } from './db.js'
import type { SqlCatalog } from './sql/open.js'

export async function figuresStamp(db: Db, sql: SqlCatalog): Promise<string> {
  const r = db
    .prepare(
      `SELECT (SELECT coalesce(max(id), 0) FROM events) AS e,
              (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM documents) AS doc`,
    )
    .get() as { e: number; doc: string }
  const d = await sql.db
    .selectNoFrom([
      raw<number>`(SELECT coalesce(max(id), 0) FROM deficiency_history)`.as('h'),
      raw<number>`(SELECT count(*) FROM deficiencies)`.as('n'),
      raw<string | null>`(SELECT max(updated_at) FROM deficiencies)`.as('u'),
      raw<number>`(SELECT count(*) FROM release_requests)`.as('rn'),
      raw<string | null>`(SELECT max(updated_at) FROM release_requests)`.as('ru'),
    ])
    .executeTakeFirstOrThrow()
  return `${r.e}|${Number(d.h)}|${Number(d.n)}/${d.u ?? ''}|${Number(d.rn)}/${d.ru ?? ''}|${r.doc}`
}
