/**
 * Rule set versions numbered for people. A version is a hash (`rs-b84593e76132`); the records lead
 * knows "rule set 3, in use since 2026-12-01". The first check or load under a version numbers it.
 * On either catalog engine (src/catalog/sql/open.ts).
 *
 * @example
 *   const versions = new RulesetVersions(app.sql)
 *   await versions.record('rs-b84593e76132', '2026-12-01T09:00:00Z')
 *   await versions.label('rs-b84593e76132')   // { number: 3, since: '2026-12-01T09:00:00Z', text: 'rule set 3 of 2026-12-01', version: 'rs-b84593e76132' }
 */
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { CatalogHandle } from '../catalog/sql/write.js'

export interface RulesetLabel {
  version: string
  number: number | null
  since: string | null
  /** "rule set 3 of 2026-12-01", or "rule set rs-… (not yet numbered)" for a version never recorded. */
  text: string
}

/** How a rule set hash reads inside stored reasons ("still found by rule set rs-b84593e76132 ..."). */
export const RULESET_HASH = /rs-[0-9a-f]{12}/g

/** Numbers a version the first time it is used (with `db`, which may be a transaction); later calls keep the first number and time. */
export async function recordRulesetVersion(db: CatalogHandle, version: string, at: string): Promise<void> {
  if (!/^rs-[0-9a-f]{12}$/.test(version)) return
  // Inserted only when absent: an insert refused by the unique version would still use up a
  // number (AUTOINCREMENT on SQLite, the sequence on PostgreSQL), and every start records the
  // rule set in force, so the lead's "rule set 3" would become "rule set 9" after a few restarts.
  // (ON CONFLICT stays for two first uses at once, which may still skip a number.)
  await db
    .insertInto('ruleset_versions')
    .columns(['version', 'first_used_at'])
    .expression(
      db
        .selectNoFrom((eb) => [eb.val(version).as('version'), eb.val(at).as('first_used_at')])
        .where((eb) => eb.not(eb.exists(db.selectFrom('ruleset_versions').select('number').where('version', '=', version)))),
    )
    .onConflict((oc) => oc.column('version').doNothing())
    .execute()
}

export class RulesetVersions {
  constructor(private readonly catalog: SqlCatalog) {}

  /** Numbers a version the first time it is used; later calls keep the first number and time. */
  record(version: string, at: string = new Date().toISOString()): Promise<void> {
    return recordRulesetVersion(this.catalog.db, version, at)
  }

  async all(): Promise<Map<string, RulesetLabel>> {
    const rows = await this.catalog.db
      .selectFrom('ruleset_versions')
      .select(['number', 'version', 'first_used_at'])
      .orderBy('number')
      .execute()
    return new Map(rows.map((r) => [r.version, toLabel(r.version, Number(r.number), r.first_used_at)]))
  }

  async label(version: string): Promise<RulesetLabel> {
    return (await this.all()).get(version) ?? toLabel(version, null, null)
  }
}

function toLabel(version: string, number: number | null, since: string | null): RulesetLabel {
  return { version, number, since, text: number === null ? `rule set ${version}` : `rule set ${number} of ${since!.slice(0, 10)}` }
}
