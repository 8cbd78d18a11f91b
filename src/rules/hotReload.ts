/**
 * Watches the rules folder and swaps in a new rule set only when the whole folder loads
 * cleanly (every file valid, every example behaving). A broken edit is refused with the same
 * `file:line:col /pointer: message` problems as `chartclerk rules check`, and the last good
 * set stays in force; `lastError` keeps the refusal for the web page until a good load.
 *
 * @example
 *   const w = new RuleSetWatcher('rules/checks', { onRefused: (r) => log.warn(r.messages) })
 *   await w.start()
 *   evaluate(w.current!, chart)       // always the last good set
 *   w.status()                        // { version, rules, lastError, ... } for the web page
 *   await w.close()
 */
import { EventEmitter } from 'node:events'
import path from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import { checkRuleSet, formatProblem, type CheckResult, type LoadOptions } from './ruleset.js'
import { formatOfFile } from './source.js'
import type { RuleProblem, RuleSet } from './types.js'

export interface RuleSetRefusal {
  /** When the broken edit was refused (ISO 8601). */
  at: string
  problems: RuleProblem[]
  /** Problems as `file:line:col /pointer: message`. */
  messages: string[]
  /** Version of the set that stays in force (null when none ever loaded). */
  keptVersion: string | null
}

export interface RuleSetWatcherOptions {
  /** Quiet time after the last file event before reloading (editors write in several steps). Default 250 ms. */
  debounceMs?: number
  /** Poll instead of OS events (network shares). */
  usePolling?: boolean
  pollIntervalMs?: number
  loadOptions?: LoadOptions
  onSwap?: (next: RuleSet, previous: RuleSet | null) => void
  onRefused?: (refusal: RuleSetRefusal) => void
}

export interface ReloadOutcome {
  /** 'swapped': a new set is in force; 'unchanged': same version as before; 'refused': the old set stays. */
  result: 'swapped' | 'unchanged' | 'refused'
  ruleset: RuleSet | null
  problems: RuleProblem[]
}

export interface RuleSetStatus {
  dir: string
  version: string | null
  loadedAt: string | null
  rules: number
  lastError: RuleSetRefusal | null
}

/**
 * Events: `swap` (next, previous), `refused` (refusal), `reload` (outcome, after every reload).
 */
export class RuleSetWatcher extends EventEmitter {
  readonly dir: string
  private readonly opts: RuleSetWatcherOptions
  private ruleset: RuleSet | null = null
  private refusal: RuleSetRefusal | null = null
  private watcher: FSWatcher | null = null
  private timer: NodeJS.Timeout | null = null

  constructor(dir: string, opts: RuleSetWatcherOptions = {}) {
    super()
    this.dir = path.resolve(dir)
    this.opts = opts
  }

  /** The rule set in force: the last one that loaded completely (null if none ever did). */
  get current(): RuleSet | null {
    return this.ruleset
  }

  /** Why the latest edit was refused, until a later load succeeds. */
  get lastError(): RuleSetRefusal | null {
    return this.refusal
  }

  status(): RuleSetStatus {
    return {
      dir: this.dir,
      version: this.ruleset?.version ?? null,
      loadedAt: this.ruleset?.loadedAt ?? null,
      rules: this.ruleset?.rules.length ?? 0,
      lastError: this.refusal,
    }
  }

  /** Loads the folder now; swaps only on a complete, clean load. */
  reload(): ReloadOutcome {
    let r: CheckResult
    try {
      r = checkRuleSet(this.dir, this.opts.loadOptions)
    } catch (err) {
      r = { ruleset: null, files: [], exampleMessages: [], problems: [{ file: this.dir, pointer: '', message: `cannot load the rules: ${(err as Error).message}` }] }
    }
    let outcome: ReloadOutcome
    if (!r.ruleset) {
      this.refusal = {
        at: new Date().toISOString(),
        problems: r.problems,
        messages: r.problems.map(formatProblem),
        keptVersion: this.ruleset?.version ?? null,
      }
      outcome = { result: 'refused', ruleset: this.ruleset, problems: r.problems }
      this.opts.onRefused?.(this.refusal)
      this.emit('refused', this.refusal)
    } else {
      this.refusal = null
      const previous = this.ruleset
      if (previous && previous.version === r.ruleset.version) {
        outcome = { result: 'unchanged', ruleset: previous, problems: [] }
      } else {
        this.ruleset = r.ruleset
        outcome = { result: 'swapped', ruleset: r.ruleset, problems: [] }
        this.opts.onSwap?.(r.ruleset, previous)
        this.emit('swap', r.ruleset, previous)
      }
    }
    this.emit('reload', outcome)
    return outcome
  }

  /** Loads the folder once, then watches it. Resolves when watching has begun. */
  async start(): Promise<ReloadOutcome> {
    const first = this.reload()
    if (this.watcher) return first
    const w = watch(this.dir, {
      ignoreInitial: true,
      depth: 0,
      usePolling: this.opts.usePolling ?? false,
      interval: this.opts.pollIntervalMs ?? 1000,
    })
    this.watcher = w
    w.on('all', (_event, file) => {
      if (file !== this.dir && formatOfFile(path.basename(file)) === null) return
      this.schedule()
    })
    w.on('error', (err) => this.emit('watchError', err))
    await new Promise<void>((resolve) => w.once('ready', () => resolve()))
    return first
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.reload()
    }, this.opts.debounceMs ?? 250)
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const w = this.watcher
    this.watcher = null
    if (w) await w.close()
  }
}
