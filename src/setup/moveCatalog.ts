/**
 * Moving a desk's embedded catalog to PostgreSQL, verified: the tables copied (resumably, see
 * src/catalog/sql/copyToPostgres.ts), then every table counted and compared row for row on both
 * sides (src/catalog/sql/compareRows.ts), and the audit chain walked on PostgreSQL, which must be
 * intact and end at the same head hash, after the same number of entries, as on SQLite. A desk whose own audit chain is broken is not copied: the copy could
 * not be told apart from a damaged one.
 */
import { AuditLog } from '../audit/log.js'
import type { Db } from '../catalog/db.js'
import { copyPlan } from '../catalog/sql/copyPlan.js'
import { noteMoved } from '../catalog/sql/finishMove.js'
import { tablesThatDiffer } from '../catalog/sql/compareRows.js'
import { copyTables, markVerified, type CopyOptions, type TablesCopy } from '../catalog/sql/copyToPostgres.js'
import { sqliteSqlCatalog, type SqlCatalog } from '../catalog/sql/open.js'
import { ChartclerkError } from '../errors.js'

export interface MoveResult extends TablesCopy {
  /** Counts equal and the audit chain intact with the same head on both sides. */
  verified: boolean
  audit: { rows: number; sourceHead: string; targetHead: string; targetOk: boolean; problem?: string }
  /** What does not match, in words. */
  problems: string[]
}

export interface MoveOptions extends CopyOptions {
  /** Compare every row on both sides, not only the counts (default true). */
  compareRows?: boolean
}

export async function moveCatalogToPostgres(source: Db, target: SqlCatalog, opts: MoveOptions = {}): Promise<MoveResult> {
  const sourceAudit = await new AuditLog(sqliteSqlCatalog(source)).verify()
  if (!sourceAudit.ok)
    throw new ChartclerkError(
      'CATALOG_FAILED',
      `This desk's audit log is broken at entry ${sourceAudit.firstBroken!.id} (${sourceAudit.firstBroken!.problem}), so a copy could not be verified. Nothing was copied. Run "chartclerk audit verify", keep a copy of the catalog as it is and tell the privacy officer.`,
      { detail: 'copy: source audit chain broken' },
    )
  const copy = await copyTables(source, target, opts)
  const audit = {
    rows: sourceAudit.rows,
    sourceHead: sourceAudit.head,
    targetHead: '',
    targetOk: false,
    problem: undefined as string | undefined,
  }
  if (copy.stopped) return { ...copy, verified: false, audit, problems: [] }

  const problems = copy.tables
    .filter((t) => t.source !== t.target)
    .map((t) => `${t.table}: ${t.source} rows here, ${t.target} on PostgreSQL`)
  if (!problems.length && opts.compareRows !== false)
    for (const t of await tablesThatDiffer(source, target, copyPlan(source)))
      problems.push(`${t}: the same number of rows, but not the same rows (changed here after they were copied?)`)
  const onPg = await new AuditLog(target).verify()
  audit.targetHead = onPg.head
  audit.targetOk = onPg.ok
  audit.problem = onPg.firstBroken?.problem
  if (!onPg.ok) problems.push(`audit log on PostgreSQL broken at entry ${onPg.firstBroken!.id}: ${onPg.firstBroken!.problem}`)
  else if (onPg.head !== sourceAudit.head || onPg.rows !== sourceAudit.rows)
    problems.push(`audit log: ${sourceAudit.rows} entries ending ${sourceAudit.head} here, ${onPg.rows} ending ${onPg.head} on PostgreSQL`)
  const verified = problems.length === 0
  if (verified) {
    const at = (opts.now ?? (() => new Date()))()
    await markVerified(target, at)
    // Read from PostgreSQL from now on: the desk's check (finishMove.ts) then lets it start.
    noteMoved(source, copyPlan(source), target.where, at)
  }
  return { ...copy, verified, audit, problems }
}
