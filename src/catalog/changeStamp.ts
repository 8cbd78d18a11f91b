/**
 * A cheap stamp of the records the desk's figures are built from (documents' events, deficiencies
 * and their history, release requests). It changes whenever any of them does, so a figure built
 * from them can be kept until the stamp moves. Page views and sign-ins do not move it.
 */
import type { Db } from './db.js'

export function figuresStamp(db: Db): string {
  const r = db
    .prepare(
      `SELECT (SELECT coalesce(max(id), 0) FROM events) AS e,
              (SELECT coalesce(max(id), 0) FROM deficiency_history) AS h,
              (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM deficiencies) AS d,
              (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM release_requests) AS r,
              (SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM documents) AS doc`,
    )
    .get() as { e: number; h: number; d: string; r: string; doc: string }
  return `${r.e}|${r.h}|${r.d}|${r.r}|${r.doc}`
}
