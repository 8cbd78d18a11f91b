/**
 * The OCR engine as host processes (ocr/host.ts): one per worker, each with one OCR worker and
 * the page image work around it, so the main process holds no OCR or image-library memory.
 * A host is replaced after `maxPages` pages, or when its resident memory has passed
 * `maxRssMb` after a page: what tesseract.js's WebAssembly heap and the allocator kept goes
 * back to the system with the process. A host that dies under a page (a crash, the kernel's
 * out-of-memory killer) costs nothing but time: the page is read again on a fresh host.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChartclerkError, ERROR_CODES, type ErrorCode } from '../../errors.js'
import type { PageInput, PageReading, PageReadOptions } from '../readPage.js'
import type { HostError, HostReply, HostRequestBody, HostSettings } from './hostProtocol.js'
import type { OcrEngine, OcrEngineKind, OcrPageResult, RecognizeOptions } from './types.js'

export interface HostedOcrOptions extends HostSettings {
  workers: number
  /** Replace a host after this many pages (default 40). */
  maxPages?: number
  /** Replace a host whose resident memory is above this after a page, in MB (default 450). */
  maxRssMb?: number
  /** Times a page is tried on a fresh host when its host dies under it (default 3). */
  attempts?: number
}

const here = fileURLToPath(import.meta.url)
const ext = path.extname(here)
const HOST = path.join(path.dirname(here), `host${ext}`)
const PAGE_SIZE = 4096
/** Readings of one page at most (prepared, two quarter turns, upside down, plain): the host's allowance is that many page timeouts. */
const READINGS_PER_PAGE = 5

/** The host died under a page (not an error the page's reading reported). */
class HostDied extends Error {}

class Host {
  readonly child: ChildProcess
  readonly ready: Promise<void>
  pages = 0
  private inFlight: { id: number; resolve: (v: unknown) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout } | null = null
  private nextId = 1
  private stderrTail = ''
  private dead: Error | null = null

  constructor(settings: HostSettings) {
    // --expose-gc: the host collects what a page left as soon as the page is answered.
    const execArgv = ['--expose-gc', ...(ext === '.ts' ? ['--import', 'tsx'] : [])]
    // Two malloc arenas (libvips and the OCR worker allocate from a few threads, and every arena keeps its own free
    // memory), and page-sized buffers mapped on their own, so that freeing one gives it back to the system at once.
    const env = { ...process.env, NODE_OPTIONS: '', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' }
    this.child = fork(HOST, [JSON.stringify(settings)], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env,
    })
    this.child.stderr!.on('data', (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString('utf8')).slice(-2000)))
    let started!: () => void
    let failed!: (e: unknown) => void
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve
      failed = reject
    })
    this.ready.catch(() => {}) // awaited by each call; a host nobody used must not leave an unhandled rejection
    this.child.on('message', (m: HostReply) => {
      if ('ready' in m) return m.ready ? started() : failed(fromWire(m.error))
      const p = this.inFlight
      if (!p || p.id !== m.id) return
      this.inFlight = null
      clearTimeout(p.timer)
      if (m.ok) p.resolve(m.result)
      else p.reject(fromWire(m.error))
    })
    this.child.on('exit', (code, signal) => {
      this.dead = new HostDied(`OCR host exited code=${code} signal=${signal}: ${this.stderrTail.trim().slice(-200)}`)
      failed(this.dead)
      const p = this.inFlight
      this.inFlight = null
      if (p) {
        clearTimeout(p.timer)
        p.reject(this.dead)
      }
    })
    this.child.on('error', () => {
      // 'exit' follows
    })
  }

  get alive(): boolean {
    return this.dead === null
  }

  async call(body: HostRequestBody, timeoutMs: number): Promise<unknown> {
    await this.ready
    if (this.dead) throw this.dead
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new ChartclerkError(
            'OCR_TIMEOUT',
            'Reading this page took too long. Check that it is a normal scanned page, then drop it in the inbox again.',
            { detail: `OCR host gave no answer in ${timeoutMs} ms` },
          ),
        )
        this.inFlight = null
        this.stop()
      }, timeoutMs)
      this.inFlight = { id, resolve, reject, timer }
      this.child.send({ ...body, id }, (err) => {
        if (err) this.stop()
      })
    })
  }

  /** Resident memory (MB) from /proc (Linux); null elsewhere. */
  rssMb(): number | null {
    try {
      return (Number(readFileSync(`/proc/${this.child.pid}/statm`, 'latin1').split(' ')[1]) * PAGE_SIZE) / (1024 * 1024)
    } catch {
      return null
    }
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL')
  }
}

interface Task {
  body: HostRequestBody
  timeoutMs: number
  tries: number
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
}

export class HostedOcr implements OcrEngine {
  readonly kind: OcrEngineKind
  private readonly hosts: (Host | null)[]
  private readonly busy: boolean[]
  private readonly queue: Task[] = []
  private closed = false
  private readonly maxPages: number
  private readonly maxRssMb: number
  private readonly attempts: number
  private readonly pageTimeoutMs: number
  private permits: number
  private readonly permitWaiters: (() => void)[] = []
  /** Hosts started over the engine's life (for tests and figures). */
  started = 0
  /** Hosts replaced because of their page count or size. */
  recycled = 0
  /** Pages that were tried again because their host died. */
  retried = 0

  constructor(private readonly opts: HostedOcrOptions) {
    this.kind = opts.engine
    const n = Math.max(1, opts.workers)
    this.hosts = new Array<Host | null>(n).fill(null)
    this.busy = new Array<boolean>(n).fill(false)
    this.maxPages = opts.maxPages ?? 40
    this.maxRssMb = opts.maxRssMb ?? 450
    this.attempts = Math.max(1, opts.attempts ?? 3)
    this.pageTimeoutMs = opts.pageTimeoutMs ?? 120_000
    // One page being fetched while every host reads one.
    this.permits = n + 1
  }

  get size(): number {
    return this.hosts.length
  }

  recognize(image: Buffer, opts: RecognizeOptions = {}): Promise<OcrPageResult> {
    return this.submit(
      { op: 'recognize', image: new Uint8Array(image.buffer, image.byteOffset, image.byteLength), layout: opts.layout },
      this.pageTimeoutMs + 30_000,
    ) as Promise<OcrPageResult>
  }

  async readPage(input: PageInput, opts: PageReadOptions): Promise<PageReading> {
    const wire =
      'file' in input
        ? input
        : 'png' in input
          ? { png: new Uint8Array(input.png.buffer, input.png.byteOffset, input.png.byteLength) }
          : 'jpeg' in input
            ? {
                jpeg: new Uint8Array(input.jpeg.buffer, input.jpeg.byteOffset, input.jpeg.byteLength),
                width: input.width,
                height: input.height,
              }
            : {
                grey: {
                  data: new Uint8Array(input.grey.data.buffer, input.grey.data.byteOffset, input.grey.data.byteLength),
                  width: input.grey.width,
                  height: input.grey.height,
                },
              }
    const r = (await this.submit(
      { op: 'read-page', input: wire, opts: { deskew: opts.deskew, maxPixels: opts.maxPixels, pageMaxPixels: opts.pageMaxPixels } },
      this.pageTimeoutMs * READINGS_PER_PAGE + 30_000,
    )) as PageReading
    const jpeg = r.scan.jpeg as unknown as Uint8Array
    return { ...r, scan: { ...r.scan, jpeg: Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength) } }
  }

  async pagePermit(): Promise<() => void> {
    if (this.permits > 0) this.permits--
    else await new Promise<void>((r) => this.permitWaiters.push(r))
    let given = false
    return () => {
      if (given) return
      given = true
      const next = this.permitWaiters.shift()
      if (next) next()
      else this.permits++
    }
  }

  async warm(): Promise<void> {
    if (!existsSync(HOST)) throw notInstalled()
    await Promise.all(
      this.hosts.map((h, i) => {
        if (!h || !h.alive) this.hosts[i] = this.start()
        return this.hosts[i]!.ready
      }),
    ).catch((err) => {
      throw err instanceof HostDied ? diedError(err) : err
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const t of this.queue.splice(0)) t.reject(stopping())
    for (const w of this.permitWaiters.splice(0)) w()
    await Promise.all(
      this.hosts.map((h, i) => {
        this.hosts[i] = null
        if (!h || !h.alive) return undefined
        return new Promise<void>((resolve) => {
          h.child.once('exit', () => resolve())
          h.stop()
        })
      }),
    )
  }

  /** Process ids of the hosts alive now (tests, figures). */
  hostPids(): number[] {
    return this.hosts.filter((h): h is Host => !!h && h.alive).map((h) => h.child.pid!)
  }

  /** Tests only: the next host to take a task dies in the middle of it. */
  crashForTests(): Promise<unknown> {
    return this.submit({ op: 'test-crash' }, 30_000)
  }

  private submit(body: HostRequestBody, timeoutMs: number): Promise<unknown> {
    if (this.closed) return Promise.reject(stopping())
    if (!existsSync(HOST)) return Promise.reject(notInstalled())
    return new Promise((resolve, reject) => {
      this.queue.push({ body, timeoutMs, tries: 0, resolve, reject })
      this.pump()
    })
  }

  private start(): Host {
    this.started++
    return new Host({
      engine: this.opts.engine,
      language: this.opts.language,
      pageTimeoutMs: this.opts.pageTimeoutMs,
      tesseractPath: this.opts.tesseractPath,
    })
  }

  private pump(): void {
    for (let i = 0; i < this.hosts.length && this.queue.length > 0; i++) {
      if (this.busy[i]) continue
      const task = this.queue.shift()!
      this.busy[i] = true
      void this.run(i, task).finally(() => {
        this.busy[i] = false
        this.pump()
      })
    }
  }

  private async run(i: number, task: Task): Promise<void> {
    let host = this.hosts[i]
    if (!host || !host.alive) host = this.hosts[i] = this.start()
    try {
      const result = await host.call(task.body, task.timeoutMs)
      task.resolve(result)
      host.pages++
      const rss = host.rssMb()
      if (host.pages >= this.maxPages || (rss !== null && rss > this.maxRssMb)) {
        // Its memory goes back with the process; the next page starts a fresh host.
        this.recycled++
        this.hosts[i] = null
        host.stop()
      }
    } catch (err) {
      if (!(err instanceof HostDied)) {
        if (err instanceof ChartclerkError && err.code === 'OCR_TIMEOUT') {
          // A wedged reading: the host goes with it.
          this.hosts[i] = null
          host.stop()
        }
        task.reject(err)
        return
      }
      this.hosts[i] = null
      if (this.closed) return task.reject(stopping())
      if (task.body.op !== 'test-crash' && ++task.tries < this.attempts) {
        // Read again on a fresh host, ahead of the pages that came later.
        this.retried++
        this.queue.unshift(task)
        return
      }
      task.reject(diedError(err, task.tries))
    }
  }
}

function stopping(): ChartclerkError {
  return new ChartclerkError('OCR_FAILED', 'OCR stopped before this page was read; it will be read at the next start.', {
    detail: 'OCR hosts closed',
    transient: true,
  })
}

function notInstalled(): ChartclerkError {
  return new ChartclerkError('INTERNAL', 'chartclerk is not installed completely (the OCR host program is missing). Run "npm run build".', {
    detail: HOST,
  })
}

/** A host that died under the same page on every try: the page itself is the likely cause. */
function diedError(err: HostDied, tries = 1): ChartclerkError {
  return new ChartclerkError(
    'OCR_FAILED',
    `The OCR engine stopped while reading a page of this file${tries > 1 ? `, ${tries} times in a row` : ''}. The file may be damaged: rescan it or ask the sender for a new copy, and drop that in the inbox.`,
    { detail: err.message.slice(0, 300) },
  )
}

function fromWire(e: HostError): ChartclerkError {
  const code = (ERROR_CODES as readonly string[]).includes(e.code) ? (e.code as ErrorCode) : 'OCR_FAILED'
  return new ChartclerkError(code, e.action, { detail: e.detail.replace(/^[A-Z_]+: /, ''), transient: e.transient })
}
