/**
 * Every kind of file the records lead edits, in force at once: check rules, document types,
 * routing rules, protected categories and the retention schedule. Each is loaded once at open,
 * hot-reloaded by `start` and `serve`, and keeps its last good version when an edit breaks it;
 * the break is logged (kind, file names and problem count: the files hold no patient data, and
 * the log repeats none of their text) and shown by `status()`.
 *
 * @example
 *   const rules = new RulesInForce('rules', { log })
 *   rules.reload()                      // or: await rules.start() to watch for edits
 *   await routeDocument(catalog, sql, rules.routingRules(), id)
 */
import type { Logger } from '../log.js'
import { DOCTYPES_KIND, type DocTypeSet } from '../classify/doctypes.js'
import { PROTECTED_KIND, type ProtectedCategory } from '../release/protected.js'
import { RETENTION_KIND, type RetentionRules } from '../retention/schedule.js'
import { ROUTING_KIND, type RoutingRule } from '../routing/rules.js'
import { RuleFileWatcher, RuleSetWatcher, type RuleFileStatus, type RuleFileWatcherOptions } from './hotReload.js'
import { relName, RuleFilesError, type RuleFileKind } from './ruleFiles.js'
import { checksKind } from './ruleset.js'

/** The five kinds, in the order they load and are reported. */
export const RULE_FILE_KINDS = [checksKind(), DOCTYPES_KIND, ROUTING_KIND, PROTECTED_KIND, RETENTION_KIND] as const

export interface RulesInForceOptions {
  log?: Logger
  /** Folder that file names in problems are relative to (default: the working folder). */
  cwd?: string
  debounceMs?: number
  usePolling?: boolean
}

export class RulesInForce {
  readonly rulesDir: string
  readonly checks: RuleSetWatcher
  readonly doctypes: RuleFileWatcher<DocTypeSet>
  readonly routing: RuleFileWatcher<RoutingRule[]>
  readonly protectedCategories: RuleFileWatcher<ProtectedCategory[]>
  readonly retention: RuleFileWatcher<RetentionRules>
  private readonly all: RuleFileWatcher<unknown>[]

  constructor(rulesDir: string, opts: RulesInForceOptions = {}) {
    this.rulesDir = rulesDir
    const log = opts.log
    const watcherOpts = <T>(kind: RuleFileKind<T>): RuleFileWatcherOptions<T> => ({
      cwd: opts.cwd,
      debounceMs: opts.debounceMs,
      usePolling: opts.usePolling,
      onRefused: (r) =>
        log?.warn(
          {
            kind: kind.name,
            files: [...new Set(r.problems.map((p) => p.file))].slice(0, 10),
            problems: r.problems.length,
            keptVersion: r.keptVersion,
          },
          `${kind.title}: edit refused; the last good version stays in force (chartclerk rules check names the places)`,
        ),
      onSwap: (next) => log?.info({ kind: kind.name, summary: kind.describe(next) }, `${kind.title} in force`),
    })
    const make = <T>(kind: RuleFileKind<T>): RuleFileWatcher<T> => new RuleFileWatcher(kind, kind.locate(rulesDir), watcherOpts(kind))
    const checks = checksKind()
    this.checks = new RuleSetWatcher(checks.locate(rulesDir), watcherOpts(checks))
    this.doctypes = make(DOCTYPES_KIND)
    this.routing = make(ROUTING_KIND)
    this.protectedCategories = make(PROTECTED_KIND)
    this.retention = make(RETENTION_KIND)
    this.all = [this.checks, this.doctypes, this.routing, this.protectedCategories, this.retention] as RuleFileWatcher<unknown>[]
  }

  /** Loads every kind now; each one that loads cleanly is put in force. */
  reload(): void {
    for (const w of this.all) w.reload()
  }

  /** Loads every kind, then watches each one's folder or file for edits. */
  async start(): Promise<void> {
    for (const w of this.all) await w.start()
  }

  async close(): Promise<void> {
    for (const w of this.all) await w.close()
  }

  /** Each kind: what is in force and the last refused edit. */
  status(): RuleFileStatus[] {
    return this.all.map((w) => w.kindStatus())
  }

  /** The routing rules in force; none until a routing folder has loaded cleanly. */
  routingRules(): readonly RoutingRule[] {
    return this.routing.current ?? []
  }

  /** The protected categories in force; throws RULE_FILE_INVALID when none ever loaded. */
  protectedCategoryList(): ProtectedCategory[] {
    return this.require(this.protectedCategories)
  }

  /** The retention file in force; throws RULE_FILE_INVALID when none ever loaded. */
  retentionRules(): RetentionRules {
    return this.require(this.retention)
  }

  /** The document types in force; throws RULE_FILE_INVALID when none ever loaded. */
  docTypes(): DocTypeSet {
    return this.require(this.doctypes)
  }

  private require<T>(w: RuleFileWatcher<T>): T {
    if (w.current !== null) return w.current
    throw new RuleFilesError(w.kind.title, relName(w.location), w.lastError?.problems ?? [])
  }
}
