/**
 * Keeps one kind of rule file in force: loads it, watches its folder or file, and swaps in a new
 * version only when the whole kind loads cleanly. A broken edit is refused with the same
 * `file:line:col /pointer: message` problems as `chartclerk rules check`, and the last good
 * version stays in force; `lastError` keeps the refusal for the web page until a good load.
 * `RuleSetWatcher` is the one for check rules; `RulesInForce` (inForce.ts) holds all five kinds.
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
import { formatProblem, type RuleFileKind, type RuleFileKindName } from './ruleFiles.js'
import { checksKind, type LoadOptions } from './ruleset.js'
import { formatOfFile } from './source.js'
import type { RuleProblem, RuleSet } from './types.js'

export interface RuleSetRefusal {
  /** When the broken edit was refused (ISO 8601). */
  at: string
  problems: RuleProblem[]
  /** Problems as `file:line:col /pointer: message`. */
  messages: string[]
  /** Version that stays in force (null when none ever loaded). */
  keptVersion: string | null
}

export interface RuleFileWatcherOptions<T> {
  /** Quiet time after the last file event before reloading (editors write in several steps). Default 250 ms. */
  debounceMs?: number
  /** Poll instead of OS events (network shares). */
  usePolling?: boolean
  pollIntervalMs?: number
  /** Folder that file names in problems are relative to (default: the working folder). */
  cwd?: string
  onSwap?: (next: T, previous: T | null) => void
  onRefused?: (refusal: RuleSetRefusal) => void
}

export interface ReloadOutcome<T = RuleSet> {
  /** 'swapped': a new version is in force; 'unchanged': same version as before; 'refused': the old one stays. */
  result: 'swapped' | 'unchanged' | 'refused'
  /** What is in force after the reload. */
  ruleset: T | null
  problems: RuleProblem[]
}

/** One kind's state, for status pages and `chartclerk status`. */
export interface RuleFileStatus {
  kind: RuleFileKindName
  title: string
  /** The folder or file read. */
  location: string
  version: string | null
  loadedAt: string | null
  /** "3 routing rules"; null when nothing ever loaded. */
  summary: string | null
  lastError: RuleSetRefusal | null
}

/**
 * Events: `swap` (next, previous), `refused` (refusal), `reload` (outcome, after every reload).
 */
export class RuleFileWatcher<T> extends EventEmitter {
  readonly kind: RuleFileKind<T>
  /** The folder or file watched (absolute). */
  readonly location: string
  protected readonly opts: RuleFileWatcherOptions<T>
  private value: T | null = null
  private version: string | null = null
  private loadedAt: string | null = null
  private refusal: RuleSetRefusal | null = null
  private watcher: FSWatcher | null = null
  private timer: NodeJS.Timeout | null = null

  constructor(kind: RuleFileKind<T>, location: string, opts: RuleFileWatcherOptions<T> = {}) {
    super()
    this.kind = kind
    this.location = path.resolve(location)
    this.opts = opts
  }

  /** What is in force: the last version that loaded completely (null if none ever did). */
  get current(): T | null {
    return this.value
  }

  /** Why the latest edit was refused, until a later load succeeds. */
  get lastError(): RuleSetRefusal | null {
    return this.refusal
  }

  kindStatus(): RuleFileStatus {
    return {
      kind: this.kind.name,
      title: this.kind.title,
      location: this.location,
      version: this.version,
      loadedAt: this.loadedAt,
      summary: this.value === null ? null : this.kind.describe(this.value),
      lastError: this.refusal,
    }
  }

  /** Loads now; swaps only on a complete, clean load. */
  reload(): ReloadOutcome<T> {
    let r
    try {
      r = this.kind.load(this.location, this.opts.cwd ?? process.cwd())
    } catch (err) {
      r = {
        value: null,
        version: null,
        files: [],
        location: this.location,
        problems: [{ file: this.location, pointer: '', message: `cannot load the ${this.kind.title}: ${(err as Error).message}` }],
      }
    }
    let outcome: ReloadOutcome<T>
    if (r.value === null) {
      this.refusal = {
        at: new Date().toISOString(),
        problems: r.problems,
        messages: r.problems.map(formatProblem),
        keptVersion: this.version,
      }
      outcome = { result: 'refused', ruleset: this.value, problems: r.problems }
      this.opts.onRefused?.(this.refusal)
      this.emit('refused', this.refusal)
    } else {
      this.refusal = null
      const previous = this.value
      if (previous !== null && this.version === r.version) {
        outcome = { result: 'unchanged', ruleset: previous, problems: [] }
      } else {
        this.value = r.value
        this.version = r.version
        this.loadedAt = new Date().toISOString()
        outcome = { result: 'swapped', ruleset: r.value, problems: [] }
        this.opts.onSwap?.(r.value, previous)
        this.emit('swap', r.value, previous)
      }
    }
    this.emit('reload', outcome)
    return outcome
  }

  /** Loads once, then watches the folder (or the folder holding the file). Resolves when watching has begun. */
  async start(): Promise<ReloadOutcome<T>> {
    const first = this.reload()
    if (this.watcher) return first
    const folder = this.kind.shape === 'folder' ? this.location : path.dirname(this.location)
    const w = watch(folder, {
      ignoreInitial: true,
      depth: 0,
      usePolling: this.opts.usePolling ?? false,
      interval: this.opts.pollIntervalMs ?? 1000,
    })
    this.watcher = w
    w.on('all', (_event, file) => {
      if (this.kind.shape === 'file' ? path.resolve(file) !== this.location : file !== folder && formatOfFile(path.basename(file)) === null)
        return
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

export interface RuleSetWatcherOptions extends RuleFileWatcherOptions<RuleSet> {
  loadOptions?: LoadOptions
}

export interface RuleSetStatus {
  dir: string
  version: string | null
  loadedAt: string | null
  rules: number
  lastError: RuleSetRefusal | null
}

/** The check rules in force (a folder of rule files). */
export class RuleSetWatcher extends RuleFileWatcher<RuleSet> {
  constructor(dir: string, opts: RuleSetWatcherOptions = {}) {
    const { cwd, ...load } = opts.loadOptions ?? {}
    super(checksKind(load), dir, { ...opts, cwd: cwd ?? opts.cwd })
  }

  get dir(): string {
    return this.location
  }

  status(): RuleSetStatus {
    const rs = this.current
    return {
      dir: this.location,
      version: rs?.version ?? null,
      loadedAt: rs?.loadedAt ?? null,
      rules: rs?.rules.length ?? 0,
      lastError: this.lastError,
    }
  }
}
