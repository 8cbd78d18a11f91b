/**
 * Who acts at the command line, the same way in every command: the person named by `--by`,
 * else the operating-system user running the command. Audit rows from the CLI carry that
 * person, `cli@host` as the source, and the OS user beside a `--by` name (which is free text).
 */
import os from 'node:os'
import { AuditLog, type AuditEntry } from '../../audit/log.js'
import type { Db } from '../../catalog/db.js'
import { openSqlCatalog } from '../../catalog/sql/open.js'

export function osUser(): string {
  try {
    return os.userInfo().username || 'unknown'
  } catch {
    return 'unknown' // no passwd entry (containers)
  }
}

/** `--by` when given (trimmed, not blank), else the OS user. */
export function actingPerson(by?: string | null): string {
  return by?.trim() || osUser()
}

export const cliSource = (): string => `cli@${os.hostname()}`

/**
 * Appends one audit row for a command: actor from `--by` or the OS user, source `cli@host`.
 * The row goes where the desk keeps its audit log: the PostgreSQL catalog when catalog.url is
 * set (`db`, the embedded catalog, is then not used for it).
 */
export async function cliAudit(
  config: { catalog: { url?: string; password?: string } },
  db: Db,
  by: string | null | undefined,
  e: Omit<AuditEntry, 'actor' | 'source'>,
): Promise<void> {
  const actor = actingPerson(by)
  const user = osUser()
  const sql = await openSqlCatalog(config.catalog, db)
  try {
    await new AuditLog(sql).append({
      ...e,
      actor,
      source: cliSource(),
      detail: { ...(e.detail ?? {}), ...(actor !== user ? { osUser: user } : {}) },
    })
  } finally {
    await sql.close()
  }
}
