/**
 * Rule set versions numbered for people. A version is a hash (`rs-b84593e76132`); the records lead
 * knows "rule set 3, in use since 2026-12-01". The first check or load under a version numbers it.
 *
 * @example
 *   const versions = new RulesetVersions(catalog.db)
 *   versions.record('rs-b84593e76132', '2026-12-01T09:00:00Z')
 *   versions.label('rs-b84593e76132')   // { number: 3, since: '2026-12-01T09:00:00Z', text: 'rule set 3 of 2026-12-01', version: 'rs-b84593e76132' }
 */
import type Database from 'better-sqlite3'

export interface RulesetLabel {
  version: string
  number: number | null
  since: string | null
  /** "rule set 3 of 2026-12-01", or "rule set rs-… (not yet numbered)" for a version never recorded. */
  text: string
}

/** How a rule set hash reads inside stored reasons ("still found by rule set rs-b84593e76132 ..."). */
export const RULESET_HASH = /rs-[0-9a-f]{12}/g

export class RulesetVersions {
  constructor(private readonly db: Database.Database) {}

  /** Numbers a version the first time it is used; later calls keep the first number and time. */
  record(version: string, at: string = new Date().toISOString()): void {
    if (!/^rs-[0-9a-f]{12}$/.test(version)) return
    this.db.prepare('INSERT OR IGNORE INTO ruleset_versions (version, first_used_at) VALUES (?, ?)').run(version, at)
  }

  all(): Map<string, RulesetLabel> {
    const rows = this.db.prepare('SELECT number, version, first_used_at FROM ruleset_versions ORDER BY number').all() as {
      number: number
      version: string
      first_used_at: string
    }[]
    return new Map(rows.map((r) => [r.version, toLabel(r.version, r.number, r.first_used_at)]))
  }

  label(version: string): RulesetLabel {
    return this.all().get(version) ?? toLabel(version, null, null)
  }
}

function toLabel(version: string, number: number | null, since: string | null): RulesetLabel {
  return { version, number, since, text: number === null ? `rule set ${version}` : `rule set ${number} of ${since!.slice(0, 10)}` }
}
