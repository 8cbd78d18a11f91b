/**
 * Row-for-row comparison of a copied catalog: each table read in primary-key order on both
 * engines and hashed (SHA-256 over each row's values as JSON), so a value that changed on the way
 * (a number read back differently) or a row that changed at the source after it was copied (a
 * desk run again between an interrupted copy and its resumption) shows, not only a missing row.
 *
 * Both sides are read in the same order: SQLite compares text by its bytes (BINARY), so text keys
 * are ordered COLLATE "C" (byte order) on PostgreSQL. Both drivers give integers and reals as
 * numbers (PostgreSQL's int8 is read as a number, see ./open.ts; float8 prints the shortest text
 * that reads back as the same double), text as strings.
 */
import { createHash } from 'node:crypto'
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db.js'
import type { CopyTable } from './copyPlan.js'
import type { SqlCatalog } from './open.js'

const BATCH = 2000

/** The tables whose rows are not the same on both sides. */
export async function tablesThatDiffer(source: Db, target: SqlCatalog, plan: CopyTable[]): Promise<string[]> {
  const textColumns = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type = 'text'`.execute(target.db)
  const isText = new Set(textColumns.rows.map((r) => `${r.table_name}.${r.column_name}`))
  const differ: string[] = []
  for (const t of plan) {
    const [a, b] = [sqliteDigest(source, t), await postgresDigest(target, t, isText)]
    if (a !== b) differ.push(t.name)
  }
  return differ
}

function sqliteDigest(db: Db, t: CopyTable): string {
  const cols = t.columns.map((c) => `"${c}"`).join(', ')
  const keys = t.key.map((c) => `"${c}"`).join(', ')
  const h = createHash('sha256')
  for (const row of db.prepare(`SELECT ${cols} FROM "${t.name}" ORDER BY ${keys}`).raw().iterate()) h.update(JSON.stringify(row) + '\n')
  return h.digest('hex')
}

async function postgresDigest(target: SqlCatalog, t: CopyTable, isText: Set<string>): Promise<string> {
  const key = (c: string): RawBuilder<unknown> => (isText.has(`${t.name}.${c}`) ? sql`${sql.id(c)} COLLATE "C"` : sql`${sql.id(c)}`)
  const keys = sql.join(t.key.map(key))
  const h = createHash('sha256')
  let last: unknown[] | null = null
  for (;;) {
    const where: RawBuilder<unknown> = last ? sql`WHERE (${keys}) > (${sql.join(last)})` : sql``
    const rows: Record<string, unknown>[] = (
      await sql<
        Record<string, unknown>
      >`SELECT ${sql.join(t.columns.map((c) => sql.id(c)))} FROM ${sql.id(t.name)} ${where} ORDER BY ${keys} LIMIT ${BATCH}`.execute(
        target.db,
      )
    ).rows
    for (const r of rows) h.update(JSON.stringify(t.columns.map((c) => r[c])) + '\n')
    if (rows.length < BATCH) break
    const lastRow: Record<string, unknown> = rows[rows.length - 1]!
    last = t.key.map((c): unknown => lastRow[c])
  }
  return h.digest('hex')
}
