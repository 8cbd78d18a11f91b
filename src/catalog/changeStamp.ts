/**
 * A cheap stamp of the records the desk's figures are built from (documents' events, deficiencies
 * and their history, release requests). It changes whenever any of them does, so a figure built
 * from them can be kept until the stamp moves. Page views and sign-ins do not move it.
 *
 * All are read where they live: the desk's catalog through the query builder (the SQLite file, or
 * PostgreSQL with `catalog.url`).
 */
import { sql as raw } from 'kysely'
import type { SqlCatalog } from './sql/open.js'

export async function figuresStamp(sql: SqlCatalog): Promise<string> {
  const d = await sql.db
    .selectNoFrom([
      raw<number>`(SELECT coalesce(max(id), 0) FROM events)`.as('e'),
      raw<number>`(SELECT count(*) FROM documents)`.as('dn'),
      raw<string | null>`(SELECT max(updated_at) FROM documents)`.as('du'),
      raw<number>`(SELECT coalesce(max(id), 0) FROM deficiency_history)`.as('h'),
      raw<number>`(SELECT count(*) FROM deficiencies)`.as('n'),
      raw<string | null>`(SELECT max(updated_at) FROM deficiencies)`.as('u'),
      raw<number>`(SELECT count(*) FROM release_requests)`.as('rn'),
      raw<string | null>`(SELECT max(updated_at) FROM release_requests)`.as('ru'),
    ])
    .executeTakeFirstOrThrow()
  return `${Number(d.e)}|${Number(d.h)}|${Number(d.n)}/${d.u ?? ''}|${Number(d.rn)}/${d.ru ?? ''}|${Number(d.dn)}/${d.du ?? ''}`
}
