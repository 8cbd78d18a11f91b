/**
 * Reader processes for untrusted files. Each file is opened in a child process
 * of its own (reused for later files while it stays small), with a heap limit,
 * a resident-memory limit watched from here, and a time limit per call counted in the
 * reader's own CPU time (a busy machine slows a reader down; it does not make a file complex).
 * When a file breaks a limit its reader is killed and the file gets a clear
 * code; the main process, and every other file in flight, carry on.
 *
 * Memory: at most `readers` reader processes live at once (a file waits for
 * one); image readers load only the image decoder, not pdf.js; a reader frees
 * what a file left behind when the file is closed, and is replaced when it
 * still grew.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChartclerkError, ERROR_CODES, type ErrorCode } from '../../errors.js'
import type { ReadBudget } from '../../config/config.js'
import type { Reply, RequestBody } from './protocol.js'

export const DEFAULT_BUDGET: ReadBudget = { memoryMb: 768, openSeconds: 120, pageSeconds: 60, maxPages: 2000, renderMaxPixels: 16_000_000 }
let budget: ReadBudget = { ...DEFAULT_BUDGET }

let closing = false

/** Reader processes alive at once, at most (one per OCR worker: both are CPU-bound on the same cores). */
let maxReaders = 2

/** Image files known to be on their way (a batch given on the command line) and not yet done. */
let imageFilesExpected = 0

export function configureSandbox(b: Partial<ReadBudget>, opts: { readers?: number } = {}): void {
  budget = { ...DEFAULT_BUDGET, ...b }
  maxReaders = Math.max(1, opts.readers ?? 2)
  closing = false
  imageFilesExpected = 0
}

/**
 * Tells the readers how many more image files are coming (`n` > 0), or that some are done or no
 * longer coming (`n` < 0). While some are, one image reader is kept between files instead of
 * started for each (a start costs about twice the processor time of decoding a 300 dpi page);
 * once none are, the kept one ends, so an idle watcher holds no image reader's memory.
 */
export function expectImageFiles(n: number): void {
  imageFilesExpected = Math.max(0, imageFilesExpected + n)
  if (imageFilesExpected > 0) return
  for (let i = idle.length - 1; i >= 0; i--) {
    if (idle[i]!.what !== 'image') continue
    idle.splice(i, 1)[0]!.child.kill('SIGTERM')
  }
}

/** Shutting down: what a reader had in hand goes back for the next start, like OCR's pages. */
const shuttingDown = () =>
  new ChartclerkError('FILE_READER_CRASHED', 'chartclerk is shutting down; the file will be read at the next start.', {
    detail: 'readers closed',
    transient: true,
  })

export function readBudget(): Readonly<ReadBudget> {
  return budget
}

const here = fileURLToPath(import.meta.url)
const ext = path.extname(here)
const CHILD = path.join(path.dirname(here), `child${ext}`)
/**
 * Files served before a reader is replaced: pdfjs keeps font and image caches between documents
 * (a reader still grown after a file is replaced at once, below). A new reader costs a process
 * start and a few slow files while V8 warms up, so readers are kept for a good while.
 */
const RECYCLE_AFTER = 100
/** A reader still this much above its loaded size after a file was closed (and its garbage collected) is replaced. */
const MAX_KEPT_GROWTH_MB = 64
const PAGE_SIZE = 4096
/** Linux's clock tick for /proc/<pid>/stat times (USER_HZ is 100 on every mainstream kernel build). */
const CLOCK_TICKS_PER_SECOND = 100
/**
 * A call's wall-clock limit, as a multiple of its CPU-time budget: past it the file fails even
 * when the reader was starved, so a machine that never frees up cannot hold a file for ever.
 */
const MAX_WALL_FACTOR = 6

/** What the reader was doing, for the message when it is killed. */
export type ReadingWhat = 'pdf' | 'image'

export class Reader {
  readonly child: ChildProcess
  private readonly pending = new Map<
    number,
    { resolve: (v: any) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout; checked?: () => void }
  >()
  private nextId = 1
  private stderrTail = ''
  private killedFor: ChartclerkError | null = null
  private memTimer: NodeJS.Timeout | null = null
  private exitError: ChartclerkError | null = null
  served = 0
  peakRssMb = 0
  /** Resident size once loaded; null until the reader said it is ready. */
  private baseRssMb: number | null = null
  private markReady!: () => void
  /** Resolves when the reader has loaded pdfjs: budgets count from then, not from a slow start. */
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve))
  constructor(
    private readonly limits: ReadBudget,
    /** What this reader opens: PDF readers load pdf.js and a canvas, image readers only the image decoder. */
    readonly what: ReadingWhat = 'pdf',
  ) {
    // Under the test runner the source is TypeScript (the TypeScript loader itself takes ~200 MB of heap).
    const heapMb = Math.max(96, Math.floor(limits.memoryMb * 0.75)) + (ext === '.ts' ? 200 : 0)
    // --expose-gc: the reader collects what a file left behind as soon as the file is closed, not when V8 gets round to it.
    const execArgv = [`--max-old-space-size=${heapMb}`, '--expose-gc']
    if (ext === '.ts') execArgv.push('--import', 'tsx')
    // Two malloc arenas: the canvas and image decoders allocate from a few threads, and every arena keeps its own free memory.
    // Page-sized buffers mapped on their own: freeing one gives it back to the system at once.
    const env = { ...process.env, NODE_OPTIONS: '', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' }
    this.child = fork(CHILD, [what], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env })
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
      if ('progress' in m) return p.checked?.()
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

  /**
   * One request, within `timeoutMs`. With `checkMs`, the call starts with a bomb check that has
   * that allowance of its own; `timeoutMs` counts from when the reader says the check is done.
   */
  async call<T = any>(body: RequestBody, timeoutMs: number, opts: { checkMs?: number } = {}): Promise<T> {
    this.child.ref()
    ;(this.child.channel as { ref?: () => void } | undefined)?.ref?.()
    await this.ready
    if (!this.alive) throw this.exitError ?? this.crashError(null, null)
    const id = this.nextId++
    this.startWatch()
    return new Promise<T>((resolve, reject) => {
      let started = { wall: Date.now(), cpu: this.cpuMs() }
      // The budget is the reader's CPU time: when the machine is busy the reader gets less of it
      // per second, and the file is given the time it did not get (up to MAX_WALL_FACTOR).
      const overTime = () => {
        const cpu = this.cpuMs()
        const used = cpu === null || started.cpu === null ? timeoutMs : cpu - started.cpu
        const wall = Date.now() - started.wall
        if (used < timeoutMs * 0.9 && wall < timeoutMs * MAX_WALL_FACTOR) {
          entry.timer = setTimeout(overTime, Math.max(500, Math.min(timeoutMs - used, timeoutMs * MAX_WALL_FACTOR - wall)))
          return
        }
        if (used < timeoutMs * 0.9) {
          return this.kill(
            new ChartclerkError(
              'FILE_READER_CRASHED',
              `The computer was too busy to read this file: in ${Math.round(wall / 1000)} seconds its reader got only ${Math.round(used / 1000)} seconds of processor time. The file is not at fault: it goes back to the inbox and is read again. If this repeats, lower ocr.workers or run fewer programs beside chartclerk.`,
              {
                detail: `starved: ${used} ms CPU in ${wall} ms wall, ${body.op}`,
                transient: true,
              },
            ),
          )
        }
        this.kill(
          new ChartclerkError(
            'FILE_TOO_COMPLEX',
            `This file is too complex to read: it was still being opened after ${Math.round(timeoutMs / 1000)} seconds of reading (it may be damaged or built to loop). Ask the sender for a simpler copy (print it to a new PDF, or rescan it) and drop that in the inbox.`,
            { detail: `time budget ${timeoutMs} ms of reader CPU exceeded in ${body.op}` },
          ),
        )
      }
      // Native inflating runs at hundreds of MB a second: compressed parts still unpacking after the check's allowance are a bomb.
      const overCheck = () => this.kill(slowBomb(opts.checkMs!))
      const entry = {
        resolve,
        reject,
        timer: opts.checkMs ? setTimeout(overCheck, opts.checkMs) : setTimeout(overTime, timeoutMs),
        checked: undefined as (() => void) | undefined,
      }
      if (opts.checkMs) {
        entry.checked = () => {
          clearTimeout(entry.timer)
          started = { wall: Date.now(), cpu: this.cpuMs() }
          entry.timer = setTimeout(overTime, timeoutMs)
        }
      }
      this.pending.set(id, entry)
      this.child.send({ ...body, id }, (err) => {
        if (err)
          this.kill(
            new ChartclerkError(
              'FILE_READER_CRASHED',
              'The reader process stopped while reading this file. Drop it in the inbox again; if it fails again, rescan it.',
              { detail: `send failed: ${err.message}` },
            ),
          )
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

  /** The child's processor time (user + system) in ms, from /proc (Linux); null elsewhere. */
  cpuMs(): number | null {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'latin1')
      // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS_PER_SECOND
    } catch {
      return null
    }
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
      return new ChartclerkError(
        'FILE_TOO_COMPLEX',
        `This file is too complex to read within the memory budget (${this.limits.memoryMb} MB): it may be damaged, or built so that its pages refer to each other without end. Ask the sender for a simpler copy (print it to a new PDF, or rescan it) and drop that in the inbox.`,
        { detail: 'reader heap limit reached' },
      )
    }
    return new ChartclerkError(
      'FILE_READER_CRASHED',
      'The reader stopped while reading this file (the file is probably damaged). Ask the sender for a new copy, or rescan it, and drop that in the inbox.',
      { detail: `reader exited code=${code} signal=${signal}` },
    )
  }
}

function overMemory(what: ReadingWhat, mb: number): ChartclerkError {
  if (what === 'image') {
    return new ChartclerkError(
      'IMAGE_TOO_LARGE',
      `This image needs more than ${mb} MB of memory to decode, far more than any scanned page (it may be a decompression bomb or damaged). Rescan the document at 200-300 dpi and drop it in the inbox again.`,
      { detail: `reader memory over ${mb} MB` },
    )
  }
  return new ChartclerkError(
    'PDF_BOMB',
    `This PDF unpacks to more than ${mb} MB of memory while being read (a "decompression bomb": a small file that expands without end, or badly damaged). It was not read. Ask the sender to print it to a new PDF or rescan it, and drop that in the inbox.`,
    { detail: `reader memory over ${mb} MB` },
  )
}

function slowBomb(ms: number): ChartclerkError {
  return new ChartclerkError(
    'PDF_BOMB',
    `This PDF is a "decompression bomb": its compressed parts were still unpacking after ${Math.round(ms / 1000)} seconds, far more than any real document holds (it was built to exhaust memory, or is badly damaged). It was not opened. Ask the sender to print the document to a new PDF or rescan it, and drop that in the inbox.`,
    { detail: `bomb check over ${ms} ms` },
  )
}

function toCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL'
}

const idle: Reader[] = []

/** PDF readers started ahead, while the rest of chartclerk opens (most files are PDFs); never more than the limit. */
export function prewarmReaders(n: number): void {
  if (closing || !existsSync(CHILD)) return
  for (let i = idle.length + busy.size; i < Math.min(n, maxReaders); i++) {
    const r = new Reader(budget, 'pdf')
    r.unref()
    idle.push(r)
  }
}
const busy = new Set<Reader>()
/** Files waiting for a reader, first come first served. */
const waiting: { what: ReadingWhat; resolve: (r: Reader) => void; reject: (e: unknown) => void }[] = []

/** A reader for one file, once one is free; give it back with `releaseReader` when the file is done. */
export async function leaseReader(what: ReadingWhat): Promise<Reader> {
  if (closing) throw shuttingDown()
  if (!existsSync(CHILD))
    throw new ChartclerkError('INTERNAL', 'chartclerk is not installed completely (the reader program is missing). Run "npm run build".', {
      detail: CHILD,
    })
  const r = takeReader(what)
  if (r) return r
  return new Promise<Reader>((resolve, reject) => waiting.push({ what, resolve, reject }))
}

/** An idle reader of the kind, or a new one when there is room (an idle one of the other kind makes room). */
function takeReader(what: ReadingWhat): Reader | null {
  for (let i = idle.length - 1; i >= 0; i--) if (!idle[i]!.alive) idle.splice(i, 1)
  const i = idle.findIndex((r) => r.what === what)
  let r: Reader | undefined = i >= 0 ? idle.splice(i, 1)[0] : undefined
  if (!r) {
    if (busy.size + idle.length >= maxReaders) {
      if (idle.length === 0) return null
      idle.shift()!.child.kill('SIGTERM')
    }
    r = new Reader(budget, what)
  }
  busy.add(r)
  return r
}

export function releaseReader(r: Reader): void {
  if (!busy.delete(r)) return
  r.served++
  const rss = r.alive ? r.rssMb() : null
  // A reader that still holds memory after its file was collected keeps it for good: replace it rather than keep it idle.
  // An image reader idle holds 75-120 MB: one is kept only while more image files are expected (see expectImageFiles).
  const keepImage = r.what === 'image' && imageFilesExpected > 0 && !idle.some((o) => o.what === 'image')
  if (
    !r.alive ||
    (r.what === 'image' && !keepImage) ||
    r.served >= RECYCLE_AFTER ||
    (rss !== null && r.grownMb(rss) > Math.min(MAX_KEPT_GROWTH_MB, budget.memoryMb / 2))
  ) {
    if (r.alive) r.child.kill('SIGTERM')
  } else {
    r.unref()
    idle.push(r)
  }
  // The next file in line gets this one, or the room it left.
  while (waiting.length > 0) {
    const next = takeReader(waiting[0]!.what)
    if (!next) break
    waiting.shift()!.resolve(next)
  }
}

/** Ends every reader (on shutdown). */
export async function closeSandbox(): Promise<void> {
  closing = true
  for (const w of waiting.splice(0)) w.reject(shuttingDown())
  const all = [...idle.splice(0), ...busy]
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
