/**
 * Reader processes for untrusted files. Each file is opened in a child process
 * of its own (reused for later files while it stays small), with a heap limit,
 * a resident-memory limit watched from here, and a wall-clock limit per call.
 * When a file breaks a limit its reader is killed and the file gets a clear
 * code; the main process, and every other file in flight, carry on.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { ChartclerkError, ERROR_CODES, type ErrorCode } from '../../errors.js'
import type { ReadBudget } from '../../config/config.js'
import type { Reply, RequestBody } from './protocol.js'

export const DEFAULT_BUDGET: ReadBudget = { memoryMb: 768, openSeconds: 120, pageSeconds: 60, maxPages: 2000, renderMaxPixels: 40_000_000 }
let budget: ReadBudget = { ...DEFAULT_BUDGET }

let closing = false

export function configureSandbox(b: Partial<ReadBudget>, opts: { keepIdle?: number } = {}): void {
  budget = { ...DEFAULT_BUDGET, ...b }
  maxIdle = Math.max(1, opts.keepIdle ?? 2)
  closing = false
}

/** Starts readers ahead of the first file, so their start overlaps other start-up work. */
export function prewarmReaders(n: number): void {
  if (closing || !existsSync(CHILD)) return
  for (let i = idle.length + busy.size; i < Math.min(n, maxIdle); i++) {
    const r = new Reader(budget)
    r.unref()
    parkIdle(r)
  }
}

/** Shutting down: what a reader had in hand goes back for the next start, like OCR's pages. */
const shuttingDown = () => new ChartclerkError('FILE_READER_CRASHED', 'chartclerk is shutting down; the file will be read at the next start.', { detail: 'readers closed', transient: true })

export function readBudget(): Readonly<ReadBudget> {
  return budget
}

const here = fileURLToPath(import.meta.url)
const ext = path.extname(here)
const CHILD = path.join(path.dirname(here), `child${ext}`)
/**
 * Files served before a reader is replaced: pdfjs keeps font and image caches between documents
 * (a reader that grows is replaced sooner, by its memory). A new reader costs a process start
 * and a few slow files while V8 warms up, so readers are kept for a good while.
 */
const RECYCLE_AFTER = 100
/** Idle readers kept: as many as files are read at once, so a batch does not start one per file. */
let maxIdle = 2
/** An idle reader unused this long ends (a quiet desk holds no reader memory). */
const IDLE_END_MS = 60_000
const PAGE_SIZE = 4096

/** What the reader was doing, for the message when it is killed. */
export type ReadingWhat = 'pdf' | 'image'

export class Reader {
  readonly child: ChildProcess
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout }>()
  private nextId = 1
  private stderrTail = ''
  private killedFor: ChartclerkError | null = null
  private memTimer: NodeJS.Timeout | null = null
  private exitError: ChartclerkError | null = null
  served = 0
  peakRssMb = 0
  /** While idle: ends the reader when it is not used again soon. */
  idleTimer: NodeJS.Timeout | null = null
  /** Resident size once loaded; null until the reader said it is ready. */
  private baseRssMb: number | null = null
  private markReady!: () => void
  /** Resolves when the reader has loaded pdfjs: budgets count from then, not from a slow start. */
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve))
  what: ReadingWhat = 'pdf'

  constructor(private readonly limits: ReadBudget) {
    // Under the test runner the source is TypeScript (the TypeScript loader itself takes ~200 MB of heap).
    const heapMb = Math.max(96, Math.floor(limits.memoryMb * 0.75)) + (ext === '.ts' ? 200 : 0)
    const execArgv = [`--max-old-space-size=${heapMb}`]
    if (ext === '.ts') execArgv.push('--import', 'tsx')
    this.child = fork(CHILD, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, NODE_OPTIONS: '' } })
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderrTail = (this.stderrTail + d.toString('utf8')).slice(-4000)
    })
    this.child.on('message', (m: Reply) => {
      if ('ready' in m) {
        this.baseRssMb = this.rssMb() ?? 0
        this.markReady()
        return
      }
      const p = this.pending.get(m.id)
      if (!p) return
      this.pending.delete(m.id)
      clearTimeout(p.timer)
      this.idleCheck()
      if (m.ok) p.resolve(m.result)
      else p.reject(new ChartclerkError(toCode(m.error.code), m.error.action, { detail: m.error.detail.replace(/^[A-Z_]+: /, '') }))
    })
    this.child.on('exit', (code, signal) => {
      this.stopWatch()
      const e = this.killedFor ?? this.crashError(code, signal)
      this.exitError = e
      this.markReady()
      for (const p of this.pending.values()) {
        clearTimeout(p.timer)
        p.reject(e)
      }
      this.pending.clear()
    })
    this.child.on('error', () => {
      // 'exit' follows and rejects what is pending
    })
  }

  get alive(): boolean {
    return this.exitError === null && this.child.exitCode === null && this.child.signalCode === null
  }

  async call<T = any>(body: RequestBody, timeoutMs: number): Promise<T> {
    this.child.ref()
    ;(this.child.channel as { ref?: () => void } | undefined)?.ref?.()
    await this.ready
    if (!this.alive) throw this.exitError ?? this.crashError(null, null)
    const id = this.nextId++
    this.startWatch()
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill(
          new ChartclerkError('FILE_TOO_COMPLEX', `This file is too complex to read: it was still being opened after ${Math.round(timeoutMs / 1000)} seconds (it may be damaged or built to loop). Ask the sender for a simpler copy (print it to a new PDF, or rescan it) and drop that in the inbox.`, { detail: `time budget ${timeoutMs} ms exceeded in ${body.op}` }),
        )
      }, timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      this.child.send({ ...body, id }, (err) => {
        if (err) this.kill(new ChartclerkError('FILE_READER_CRASHED', 'The reader process stopped while reading this file. Drop it in the inbox again; if it fails again, rescan it.', { detail: `send failed: ${err.message}` }))
      })
    })
  }

  /** Kills the reader; whatever it had in hand fails with `reason`. */
  kill(reason: ChartclerkError): void {
    if (!this.killedFor) this.killedFor = reason
    this.child.kill('SIGKILL')
  }

  /** How much the reader has grown above its loaded size. */
  grownMb(rss: number): number {
    return rss - (this.baseRssMb ?? rss)
  }

  /** The child's resident memory, from /proc (Linux); null elsewhere. */
  rssMb(): number | null {
    try {
      const pages = Number(readFileSync(`/proc/${this.child.pid}/statm`, 'latin1').split(' ')[1])
      return (pages * PAGE_SIZE) / (1024 * 1024)
    } catch {
      return null
    }
  }

  private startWatch(): void {
    if (this.memTimer) return
    this.memTimer = setInterval(() => {
      const rss = this.rssMb()
      if (rss === null) return
      if (rss > this.peakRssMb) this.peakRssMb = rss
      // What the file itself made the reader take, above its loaded size.
      if (this.baseRssMb !== null && rss - this.baseRssMb > this.limits.memoryMb) this.kill(overMemory(this.what, this.limits.memoryMb))
    }, 50)
  }

  private stopWatch(): void {
    if (this.memTimer) clearInterval(this.memTimer)
    this.memTimer = null
  }

  private idleCheck(): void {
    if (this.pending.size > 0) return
    this.stopWatch()
  }

  /** Lets the main process exit while this reader waits for work. */
  unref(): void {
    this.child.unref()
    ;(this.child.channel as { unref?: () => void } | undefined)?.unref?.()
  }

  private crashError(code: number | null, signal: NodeJS.Signals | null): ChartclerkError {
    if (/heap out of memory|Allocation failed|Reached heap limit/i.test(this.stderrTail)) {
      return new ChartclerkError('FILE_TOO_COMPLEX', `This file is too complex to read within the memory budget (${this.limits.memoryMb} MB): it may be damaged, or built so that its pages refer to each other without end. Ask the sender for a simpler copy (print it to a new PDF, or rescan it) and drop that in the inbox.`, { detail: 'reader heap limit reached' })
    }
    return new ChartclerkError('FILE_READER_CRASHED', 'The reader stopped while reading this file (the file is probably damaged). Ask the sender for a new copy, or rescan it, and drop that in the inbox.', { detail: `reader exited code=${code} signal=${signal}` })
  }
}

function overMemory(what: ReadingWhat, mb: number): ChartclerkError {
  if (what === 'image') {
    return new ChartclerkError('IMAGE_TOO_LARGE', `This image needs more than ${mb} MB of memory to decode, far more than any scanned page (it may be a decompression bomb or damaged). Rescan the document at 200-300 dpi and drop it in the inbox again.`, { detail: `reader memory over ${mb} MB` })
  }
  return new ChartclerkError('PDF_BOMB', `This PDF unpacks to more than ${mb} MB of memory while being read (a "decompression bomb": a small file that expands without end, or badly damaged). It was not read. Ask the sender to print it to a new PDF or rescan it, and drop that in the inbox.`, { detail: `reader memory over ${mb} MB` })
}

function toCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL'
}

const idle: Reader[] = []
const busy = new Set<Reader>()
/** Leases waiting for a reader to come free. */
const waiting: (() => void)[] = []

/** Readers the machine runs at full speed: one per core. Beyond that a new one waits a moment for a free one. */
const READERS_PER_MACHINE = Math.max(2, os.availableParallelism())
/** How long a file waits for a busy reader before one more is started (a reader held through a long OCR never frees soon). */
const WAIT_FOR_FREE_MS = 1_000

/**
 * A reader for one file, as `leaseReader`, but when a reader per core is already busy it
 * first waits up to a second for one to come free: each reader costs a process start and
 * some slow files while it warms up, and most files hold one for a few milliseconds.
 */
export async function acquireReader(what: ReadingWhat): Promise<Reader> {
  if (!closing && idle.length === 0 && busy.size >= READERS_PER_MACHINE) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        const i = waiting.indexOf(done)
        if (i >= 0) waiting.splice(i, 1)
        resolve()
      }
      const timer = setTimeout(done, WAIT_FOR_FREE_MS)
      waiting.push(done)
    })
  }
  return leaseReader(what)
}

/** A reader for one file; give it back with `releaseReader` when the file is done. */
export function leaseReader(what: ReadingWhat): Reader {
  if (closing) throw shuttingDown()
  if (!existsSync(CHILD)) throw new ChartclerkError('INTERNAL', 'chartclerk is not installed completely (the reader program is missing). Run "npm run build".', { detail: CHILD })
  let r: Reader | undefined
  while ((r = idle.pop()) && !r.alive) {
    // dropped
  }
  if (r?.idleTimer) clearTimeout(r.idleTimer)
  r ??= new Reader(budget)
  r.what = what
  busy.add(r)
  return r
}

export function releaseReader(r: Reader): void {
  busy.delete(r)
  r.served++
  // A file waiting for a reader goes on now: it takes this one, or starts its own in its place.
  queueMicrotask(() => waiting.shift()?.())
  if (!r.alive) return
  const rss = r.rssMb()
  // A reader that grew large keeps that memory for good: replace it rather than keep it idle.
  if (r.served >= RECYCLE_AFTER || idle.length >= maxIdle || (rss !== null && r.grownMb(rss) > Math.min(300, budget.memoryMb / 2))) {
    r.child.kill('SIGTERM')
    return
  }
  r.unref()
  parkIdle(r)
}

function parkIdle(r: Reader): void {
  r.idleTimer = setTimeout(() => {
    const i = idle.indexOf(r)
    if (i >= 0) idle.splice(i, 1)
    r.child.kill('SIGTERM')
  }, IDLE_END_MS).unref()
  idle.push(r)
}

/** Ends every reader (on shutdown). */
export async function closeSandbox(): Promise<void> {
  closing = true
  const all = [...idle.splice(0), ...busy]
  for (const r of all) if (r.idleTimer) clearTimeout(r.idleTimer)
  busy.clear()
  await Promise.all(
    all.map(
      (r) =>
        new Promise<void>((resolve) => {
          if (r.child.exitCode !== null || r.child.signalCode !== null) return resolve()
          r.child.once('exit', () => resolve())
          r.child.ref() // an idle reader is unref'd; keep the process up until it is gone
          r.kill(shuttingDown())
        }),
    ),
  )
}

/** Readers alive (idle or busy). */
export function readerCount(): number {
  return idle.length + busy.size
}
