/**
 * The desk's nodes: each long-running chartclerk process (`start`, `serve`, a worker), on any
 * machine sharing the catalog, keeps one row saying who it is, which rule set it has in force and
 * when it was last heard from (src/nodes/heartbeat.ts refreshes it). On either engine, through
 * the query builder. Nodes heard from within the freshness window are compared: when they do not
 * all have the same rule set in force, the same document could be judged two ways.
 *
 * @example
 *   const nodes = new NodesRepo(sql.db)
 *   await nodes.report({ ...thisNode('serve', null), rulesetVersion: 'rs-b84593e76132', startedAt })
 *   const agreement = rulesetAgreement(await nodes.seenWithin(120_000))
 *   if (!agreement.agree) warn(agreementText(agreement))
 */
import os from 'node:os'
import type { Kysely } from 'kysely'
import type { CatalogTables, NodesTable } from '../catalog/sql/tables.js'

export type NodeRole = 'start' | 'serve' | 'worker' | 'watcher'

export interface NodeIdentity {
  /** `host:role:pid`: a restarted process that gets the same pid takes over its old row. */
  id: string
  host: string
  role: NodeRole | string
  pid: number
  site: string | null
}

export interface NodeRecord extends NodeIdentity {
  /** The check rule set in force (`rs-<hash>`), or null when none has loaded. */
  rulesetVersion: string | null
  startedAt: string
  lastSeenAt: string
  stoppedAt: string | null
}

/** This process as a node. */
export function thisNode(role: NodeRole, site: string | null | undefined): NodeIdentity {
  const host = os.hostname()
  return { id: `${host}:${role}:${process.pid}`, host, role, pid: process.pid, site: site ?? null }
}

const fromRow = (r: NodesTable): NodeRecord => ({
  id: r.id,
  host: r.host,
  role: r.role,
  pid: Number(r.pid),
  site: r.site,
  rulesetVersion: r.ruleset_version,
  startedAt: r.started_at,
  lastSeenAt: r.last_seen_at,
  stoppedAt: r.stopped_at,
})

export class NodesRepo {
  constructor(
    private readonly db: Kysely<CatalogTables>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records (or refreshes) a node: its rule set in force, heard from now. */
  async report(n: NodeIdentity & { rulesetVersion: string | null; startedAt: string }): Promise<void> {
    const at = new Date(this.now()).toISOString()
    await this.db
      .insertInto('nodes')
      .values({
        id: n.id,
        host: n.host,
        role: n.role,
        pid: n.pid,
        site: n.site,
        ruleset_version: n.rulesetVersion,
        started_at: n.startedAt,
        last_seen_at: at,
        stopped_at: null,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          site: n.site,
          ruleset_version: n.rulesetVersion,
          started_at: n.startedAt,
          last_seen_at: at,
          stopped_at: null,
        }),
      )
      .execute()
  }

  /** The node stopped cleanly: it no longer counts, whatever its last heartbeat. */
  async stopped(id: string): Promise<void> {
    const at = new Date(this.now()).toISOString()
    await this.db.updateTable('nodes').set({ stopped_at: at, last_seen_at: at }).where('id', '=', id).execute()
  }

  /** Running nodes heard from within the last `ms`, by role, host and id. */
  async seenWithin(ms: number): Promise<NodeRecord[]> {
    const since = new Date(this.now() - ms).toISOString()
    const rows = await this.db
      .selectFrom('nodes')
      .selectAll()
      .where('stopped_at', 'is', null)
      .where('last_seen_at', '>=', since)
      .orderBy('role')
      .orderBy('host')
      .orderBy('id')
      .execute()
    return rows.map(fromRow)
  }

  /** Every node ever recorded, last heard from first. */
  async all(): Promise<NodeRecord[]> {
    const rows = await this.db.selectFrom('nodes').selectAll().orderBy('last_seen_at', 'desc').orderBy('id').execute()
    return rows.map(fromRow)
  }

  /** Forgets nodes not heard from for `ms` (stopped or gone); returns how many. */
  async forgetOlderThan(ms: number): Promise<number> {
    const before = new Date(this.now() - ms).toISOString()
    const r = await this.db.deleteFrom('nodes').where('last_seen_at', '<', before).executeTakeFirst()
    return Number(r.numDeletedRows)
  }
}

export interface RulesetAgreement {
  /** True when every node compared has the same rule set in force (also with none or one node). */
  agree: boolean
  /** Each version in force (null: none loaded) and the nodes that have it, most nodes first. */
  versions: { version: string | null; nodes: NodeRecord[] }[]
  nodes: NodeRecord[]
}

/** Groups nodes by the rule set they have in force. */
export function rulesetAgreement(nodes: readonly NodeRecord[]): RulesetAgreement {
  const by = new Map<string | null, NodeRecord[]>()
  for (const n of nodes) by.set(n.rulesetVersion, [...(by.get(n.rulesetVersion) ?? []), n])
  const versions = [...by]
    .map(([version, list]) => ({ version, nodes: list }))
    .sort((a, b) => b.nodes.length - a.nodes.length || String(a.version).localeCompare(String(b.version)))
  return { agree: versions.length <= 1, versions, nodes: [...nodes] }
}

/** A node as people name it: "serve on desk2 (pid 4242, site north)". */
export function nodeName(n: NodeIdentity): string {
  return `${n.role} on ${n.host} (pid ${n.pid}${n.site ? `, site ${n.site}` : ''})`
}

/** The running nodes that receive files (a whole `start` or a site watcher), grouped by site, sites in name order and "no site" last. */
export function receivingSites(nodes: readonly NodeRecord[]): { site: string | null; nodes: NodeRecord[] }[] {
  const by = new Map<string | null, NodeRecord[]>()
  for (const n of nodes) if (n.role === 'start' || n.role === 'watcher') by.set(n.site, [...(by.get(n.site) ?? []), n])
  return [...by]
    .map(([site, list]) => ({ site, nodes: list }))
    .sort((a, b) => (a.site === null ? 1 : b.site === null ? -1 : a.site.localeCompare(b.site)))
}

/** One line per site for people: "north: watcher on scan1 (pid 7, site north)"; "(no site)" for receivers without one. */
export function receivingLines(nodes: readonly NodeRecord[]): string[] {
  return receivingSites(nodes).map((s) => `${s.site ?? '(no site)'}: ${s.nodes.map(nodeName).join(', ')}`)
}

/** The nodes compared for `status --json` and the dashboard: ids by version, and the window used. */
export function agreementSummary(a: RulesetAgreement, freshSeconds: number) {
  return {
    freshSeconds,
    agree: a.agree,
    running: a.nodes.map((n) => ({ ...n })),
    versions: a.versions.map((v) => ({ version: v.version, nodes: v.nodes.map((n) => n.id) })),
  }
}

/** One line per version for people: "rs-… on serve on desk2 (pid 42), start on scan1 (pid 7)". */
export function disagreementLines(a: RulesetAgreement): string[] {
  return a.versions.map((v) => `${v.version ?? 'no rule set loaded'} on ${v.nodes.map(nodeName).join(', ')}`)
}
