/**
 * Watching the inbox (chokidar): native events or polling for network shares,
 * recursive, files already present are offered at start, and a periodic rescan
 * catches anything events missed. A file is offered only once its size and
 * mtime have stayed the same for the stability window; junk is never offered.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import chokidar, { type FSWatcher } from 'chokidar'
import type { Logger } from '../log.js'
import { checkInboxPath, listInbox } from './inboxPath.js'
import { isJunk } from './junk.js'
import type { Observed } from './runner.js'

export interface WatchOptions {
  inbox: string
  polling: boolean
  pollIntervalMs: number
  stabilityMs: number
  rescanIntervalMs: number
}

interface Pending {
  size: number
  mtimeMs: number
  since: number
}

export class InboxWatcher {
  private watcher: FSWatcher | null = null
  private readonly pending = new Map<string, Pending>()
  private tick: NodeJS.Timeout | null = null
  private rescanTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly opts: WatchOptions,
    /** Receives each stable file; returns false when it is already queued. */
    private readonly offer: (file: string, observed: Observed) => boolean,
    private readonly isQueued: (file: string) => boolean,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await fs.mkdir(this.opts.inbox, { recursive: true })
    const inbox = this.opts.inbox
    this.watcher = chokidar.watch(inbox, {
      persistent: true,
      ignoreInitial: false,
      followSymlinks: false,
      usePolling: this.opts.polling,
      interval: this.opts.pollIntervalMs,
      binaryInterval: this.opts.pollIntervalMs,
      alwaysStat: true,
      ignored: (p: string) => isJunk(path.relative(inbox, p)),
    })
    const seen = (p: string) => void this.track(p)
    this.watcher
      .on('add', seen)
      .on('change', seen)
      .on('unlink', (p: string) => this.pending.delete(p))
    this.watcher.on('error', (err: unknown) =>
      this.log.warn({ err: String(err) }, 'inbox watcher error; the periodic rescan will catch up'),
    )
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()))
    const every = Math.max(50, Math.min(500, Math.floor(this.opts.stabilityMs / 4) || 50))
    this.tick = setInterval(() => void this.checkPending(), every)
    this.rescanTimer = setInterval(() => void this.rescan(), this.opts.rescanIntervalMs)
    await this.rescan()
  }

  async stop(): Promise<void> {
    if (this.tick) clearInterval(this.tick)
    if (this.rescanTimer) clearInterval(this.rescanTimer)
    await this.watcher?.close()
    this.watcher = null
    this.pending.clear()
  }

  /** Offer again anything in the inbox that is neither queued nor being watched for stability. */
  async rescan(): Promise<void> {
    let entries: string[]
    try {
      // Not fs.readdir({ recursive }): it descends into linked folders.
      entries = await listInbox(this.opts.inbox)
    } catch (err) {
      this.log.warn({ code: (err as NodeJS.ErrnoException).code }, 'inbox cannot be read')
      return
    }
    for (const full of entries) {
      if (!this.pending.has(full) && !this.isQueued(full)) await this.track(full)
    }
  }

  /** A file that changed while being claimed goes back to waiting for stability. */
  retrack(file: string): void {
    void this.track(file)
  }

  private async track(file: string): Promise<void> {
    if (isJunk(path.relative(this.opts.inbox, file)) || this.isQueued(file)) return
    // A path through a linked folder (or outside the inbox) is never watched; a link itself is (it goes to quarantine).
    const v = await checkInboxPath(this.opts.inbox, file)
    if (!v.ok && v.why !== 'symlink') {
      this.pending.delete(file)
      return
    }
    const st = v.stat
    const prev = this.pending.get(file)
    if (!prev || prev.size !== st.size || prev.mtimeMs !== st.mtimeMs) {
      this.pending.set(file, { size: st.size, mtimeMs: st.mtimeMs, since: Date.now() })
    }
    if (this.opts.stabilityMs === 0) await this.checkPending()
  }

  private checking = false
  private async checkPending(): Promise<void> {
    if (this.checking) return
    this.checking = true
    try {
      const now = Date.now()
      for (const [file, p] of [...this.pending]) {
        if (now - p.since < this.opts.stabilityMs) continue
        const v = await checkInboxPath(this.opts.inbox, file)
        if (!v.ok && v.why !== 'symlink') {
          this.pending.delete(file)
          continue
        }
        const st = v.stat
        if (st.size !== p.size || st.mtimeMs !== p.mtimeMs) {
          this.pending.set(file, { size: st.size, mtimeMs: st.mtimeMs, since: Date.now() })
          continue
        }
        this.pending.delete(file)
        this.offer(file, { size: st.size, mtimeMs: st.mtimeMs })
      }
    } finally {
      this.checking = false
    }
  }

  waitingCount(): number {
    return this.pending.size
  }
}
