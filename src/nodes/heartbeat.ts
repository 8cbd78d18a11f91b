/**
 * A long-running chartclerk's heartbeat: at start, every `nodes.heartbeatSeconds`, and at once
 * when a new rule set is put in force, it tells the catalog which rule set it has in force
 * (src/nodes/registry.ts); at a clean stop it says it stopped. A catalog that does not answer
 * is logged (once per kind of failure) and tried again at the next beat: the process goes on.
 *
 * @example
 *   const hb = await startHeartbeat({ nodes: new NodesRepo(app.sql.db), node: thisNode('serve', site),
 *     version: () => app.rules.current?.version ?? null, intervalMs: 30_000, log })
 *   app.rules.on('swap', () => void hb.beat())
 *   await hb.stop()
 */
import type { Kysely } from 'kysely'
import type { CatalogTables } from '../catalog/sql/tables.js'
import type { Config } from '../config/config.js'
import type { Logger } from '../log.js'
import type { RuleSetWatcher } from '../rules/hotReload.js'
import { NodesRepo, thisNode, type NodeIdentity, type NodeRole } from './registry.js'

export interface HeartbeatOptions {
  nodes: NodesRepo
  node: NodeIdentity
  /** The check rule set in force now. */
  version(): string | null
  intervalMs: number
  log?: Logger
}

export interface Heartbeat {
  readonly node: NodeIdentity
  /** Reports now (after a rule set swap); never throws. */
  beat(): Promise<void>
  /** Stops beating and records the clean stop; never throws. */
  stop(): Promise<void>
}

/** Reports this node once (awaited), then every `intervalMs` until stopped. */
export async function startHeartbeat(o: HeartbeatOptions): Promise<Heartbeat> {
  const startedAt = new Date().toISOString()
  let lastFailure = ''
  let stopped = false
  const beat = async (): Promise<void> => {
    if (stopped) return
    try {
      await o.nodes.report({ ...o.node, rulesetVersion: o.version(), startedAt })
      if (lastFailure) o.log?.info({ node: o.node.id }, 'node heartbeat reaches the catalog again')
      lastFailure = ''
    } catch (err) {
      const code = String((err as { code?: string }).code ?? 'error')
      if (code !== lastFailure) o.log?.warn({ node: o.node.id, code }, 'node heartbeat not recorded; tried again at the next beat')
      lastFailure = code
    }
  }
  await beat()
  const timer = setInterval(() => void beat(), o.intervalMs)
  timer.unref()
  return {
    node: o.node,
    beat,
    async stop() {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      await o.nodes.stopped(o.node.id).catch(() => o.log?.warn({ node: o.node.id }, 'node stop not recorded'))
    },
  }
}

const FORGET_AFTER_MS = 7 * 86_400_000

/** The heartbeat of an opened chartclerk, with the configured interval and site; a new rule set in force is reported at once. */
export async function startAppHeartbeat(
  app: { sql: { db: Kysely<CatalogTables> }; config: Pick<Config, 'nodes'>; rules: RuleSetWatcher; log: Logger },
  role: NodeRole,
): Promise<Heartbeat> {
  const nodes = new NodesRepo(app.sql.db)
  // Nodes gone for a week (stopped, or machines retired) leave the table; never in the way of starting.
  await nodes.forgetOlderThan(FORGET_AFTER_MS).catch(() => 0)
  const hb = await startHeartbeat({
    nodes,
    node: thisNode(role, app.config.nodes.site),
    version: () => app.rules.current?.version ?? null,
    intervalMs: app.config.nodes.heartbeatSeconds * 1000,
    log: app.log,
  })
  app.rules.on('swap', () => void hb.beat())
  return hb
}
