/**
 * What copying an embedded catalog to PostgreSQL copies, read from the SQLite file itself: every
 * table (but SQLite's own, the FTS5 index and its shadow tables — PostgreSQL derives its
 * full-text column itself — schema_migrations, which the PostgreSQL migrations write, and nodes, the
 * processes running now, and moved_to_postgres, the file's own note of what moved, ./finishMove.ts), its
 * columns, its primary key (the order rows are read in, and where a copy resumes), and the
 * tables it refers to, so that a table comes after those it points at.
 */
import type { Db } from '../db.js'
import { ChartclerkError } from '../../errors.js'

export interface CopyTable {
  name: string
  columns: string[]
  /** Primary-key columns, in key order. */
  key: string[]
  /** SQLite's AUTOINCREMENT high-water mark, when it keeps one (ids never given twice). */
  sequence: number | null
}

/** SQLite's own tables and the FTS5 index of page text with its shadow tables. */
const SQLITE_ONLY = /^(sqlite_|pages_fts($|_))/
/**
 * Not copied: schema_migrations is written by each engine's own migrations; nodes holds which
 * processes are running now, and each node reports itself again when it starts on PostgreSQL;
 * login_failures holds failed sign-ins of the last minutes, counted again from the move on.
 */
const NOT_COPIED = new Set(['schema_migrations', 'nodes', 'moved_to_postgres', 'login_failures'])

/** The tables to copy, each after the tables its foreign keys name. */
export function copyPlan(db: Db): CopyTable[] {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter(
    (n) => !SQLITE_ONLY.test(n) && !NOT_COPIED.has(n),
  )
  const hasSequence = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined
  const tables = new Map<string, CopyTable & { refs: string[] }>()
  for (const name of names) {
    const info = db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as { name: string; pk: number }[]
    const key = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name)
    if (!key.length) {
      throw new ChartclerkError(
        'CATALOG_FAILED',
        `The catalog table ${name} has no primary key, so it cannot be copied in resumable steps.`,
        {
          detail: `copy: ${name} without primary key`,
        },
      )
    }
    const refs = (db.prepare('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)').pluck().all(name) as string[]).filter(
      (r) => r !== name,
    )
    const seq = hasSequence
      ? (db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(name) as number | undefined)
      : undefined
    tables.set(name, { name, columns: info.map((c) => c.name), key, sequence: seq ?? null, refs })
  }
  const ordered: CopyTable[] = []
  const placed = new Set<string>()
  const visit = (name: string, path: string[]): void => {
    if (placed.has(name)) return
    if (path.includes(name))
      throw new ChartclerkError('CATALOG_FAILED', `The catalog's tables refer to each other in a circle (${[...path, name].join(' -> ')}).`)
    const t = tables.get(name)
    if (!t) return
    for (const r of t.refs) visit(r, [...path, name])
    placed.add(name)
    ordered.push({ name: t.name, columns: t.columns, key: t.key, sequence: t.sequence })
  }
  for (const name of tables.keys()) visit(name, [])
  return ordered
}
