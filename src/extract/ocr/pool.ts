/**
 * A pool of tesseract.js workers, wrapped once so the rest of chartclerk never
 * meets its sharp edges: models load from the installed @tesseract.js-data
 * package (no network), every worker has an errorHandler (a failed job must not
 * take the process down), nothing is cached to disk, each page has a timeout
 * after which its worker is replaced, and close() terminates every worker.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import Tesseract from 'tesseract.js'
import { ChartclerkError } from '../../errors.js'
import type { WordBox } from '../../model/types.js'
import type { OcrEngine, OcrPageResult, PageLayout, RecognizeOptions } from './types.js'

const require = createRequire(import.meta.url)
const { createWorker, OEM } = Tesseract
type Worker = Tesseract.Worker

/** Folder of the offline LSTM model (4.0.0_best_int, ~5 MB) shipped in @tesseract.js-data/<lang>. */
export function defaultLangPath(language = 'eng'): string {
  const pkg = path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`))
  return path.join(pkg, '4.0.0_best_int')
}

export type { OcrPageResult }

export interface OcrPoolOptions {
  workers: number
  language?: string
  langPath?: string
  pageTimeoutMs?: number
  /** Replace each worker after this many pages (default 50). */
  recycleAfterPages?: number
}

interface Slot {
  worker: Worker | null
  starting: Promise<Worker> | null
  busy: boolean
  /** Rejects the page in hand (used when the pool closes under it). */
  abort: ((err: unknown) => void) | null
  /** Pages read by the current worker. */
  pages: number
  /** The page segmentation mode the worker is set to. */
  psm: PageLayout | null
}

interface Task {
  image: Buffer
  psm: PageLayout
  resolve: (r: OcrPageResult) => void
  reject: (e: unknown) => void
}

export class OcrPool implements OcrEngine {
  readonly kind = 'tesseract.js' as const
  private readonly slots: Slot[]
  private readonly queue: Task[] = []
  private closed = false
  private readonly language: string
  private readonly langPath: string
  private readonly timeoutMs: number
  private readonly recycleAfter: number

  constructor(opts: OcrPoolOptions) {
    this.language = opts.language ?? 'eng'
    this.langPath = opts.langPath ?? defaultLangPath(this.language)
    this.timeoutMs = opts.pageTimeoutMs ?? 120_000
    this.recycleAfter = opts.recycleAfterPages ?? 50
    this.slots = Array.from({ length: Math.max(1, opts.workers) }, () => ({
      worker: null,
      starting: null,
      busy: false,
      abort: null,
      pages: 0,
      psm: null,
    }))
  }

  get size(): number {
    return this.slots.length
  }

  /** Recognise one page image (PNG/any sharp-decoded format). Resolves with text, mean confidence and word boxes. */
  recognize(image: Buffer, opts: RecognizeOptions = {}): Promise<OcrPageResult> {
    if (this.closed)
      return Promise.reject(
        new ChartclerkError('OCR_FAILED', 'OCR is shutting down; the file will be processed at the next start.', {
          detail: 'pool closed',
          transient: true,
        }),
      )
    return new Promise((resolve, reject) => {
      this.queue.push({ image, psm: opts.layout ?? 'block', resolve, reject })
      this.pump()
    })
  }

  /** Start all workers now rather than on first use (used by long-running `start`). */
  async warm(): Promise<void> {
    await Promise.all(this.slots.map((s) => this.ensureWorker(s)))
  }

  async close(): Promise<void> {
    this.closed = true
    const stopped = () =>
      new ChartclerkError('OCR_FAILED', 'OCR stopped before this page was read; it will be read at the next start.', {
        detail: 'pool closed',
        transient: true,
      })
    for (const t of this.queue.splice(0)) t.reject(stopped())
    // Pages in hand: terminating a worker does not settle its job, so settle them here.
    for (const s of this.slots) s.abort?.(stopped())
    await Promise.all(
      this.slots.map(async (s) => {
        const w = s.worker ?? (s.starting ? await s.starting.catch(() => null) : null)
        s.worker = null
        if (w) await w.terminate().catch(() => {})
      }),
    )
  }

  private ensureWorker(slot: Slot): Promise<Worker> {
    if (slot.worker) return Promise.resolve(slot.worker)
    if (!slot.starting) {
      slot.starting = createWorker(this.language, OEM.LSTM_ONLY, {
        langPath: this.langPath,
        gzip: true,
        cacheMethod: 'none',
        // Without this a failed job throws outside our stack and kills the process.
        errorHandler: () => {},
      }).then(
        async (w) => {
          // Pages arrive as plain PNGs without a resolution; say what they are (about 300 dpi).
          await w.setParameters({ user_defined_dpi: '300' })
          slot.worker = w
          slot.starting = null
          slot.psm = null
          return w
        },
        (err) => {
          slot.starting = null
          throw err
        },
      )
    }
    return slot.starting
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return
      if (slot.busy) continue
      const task = this.queue.shift()!
      slot.busy = true
      void this.run(slot, task).finally(() => {
        slot.busy = false
        this.pump()
      })
    }
  }

  private async run(slot: Slot, task: Task): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    try {
      const worker = await this.ensureWorker(slot)
      const timeout = new Promise<never>((_, reject) => {
        slot.abort = reject
        timer = setTimeout(
          () =>
            reject(
              new ChartclerkError(
                'OCR_TIMEOUT',
                'Reading this page took too long. Check that it is a normal scanned page, then drop it in the inbox again.',
                { detail: `page timeout ${this.timeoutMs} ms` },
              ),
            ),
          this.timeoutMs,
        )
      })
      if (slot.psm !== task.psm) {
        // Raced against the page timeout too, so a wedged worker cannot leave the timeout unhandled.
        await Promise.race([
          worker.setParameters({ tessedit_pageseg_mode: task.psm === 'auto' ? Tesseract.PSM.AUTO : Tesseract.PSM.SINGLE_BLOCK }),
          timeout,
        ])
        slot.psm = task.psm
      }
      const result = await Promise.race([worker.recognize(task.image, {}, { text: true, tsv: true }), timeout])
      task.resolve(toPageResult(result.data))
      // A WebAssembly heap only grows: a fresh worker every so many pages keeps memory flat over long batches.
      if (++slot.pages >= this.recycleAfter) {
        slot.pages = 0
        slot.worker = null
        void worker.terminate().catch(() => {})
      }
    } catch (err) {
      if (this.closed && err instanceof ChartclerkError && err.transient) {
        task.reject(err)
        return
      }
      // A timed-out or failed worker may be wedged: replace it.
      const w = slot.worker
      slot.worker = null
      if (w) void w.terminate().catch(() => {})
      task.reject(
        err instanceof ChartclerkError
          ? err
          : new ChartclerkError(
              'OCR_FAILED',
              'The page could not be read by OCR. Check the scan (is it an image of a document?) and drop it in the inbox again.',
              {
                cause: err,
                detail: typeof err === 'string' ? err.slice(0, 200) : (err as Error)?.message?.slice(0, 200),
              },
            ),
      )
    } finally {
      slot.abort = null
      if (timer) clearTimeout(timer)
    }
  }
}

/** Words and their boxes from tesseract's TSV output (level 5 rows); far cheaper than its block tree. */
export function parseTsvWords(tsv: string): WordBox[] {
  const words: WordBox[] = []
  for (const line of tsv.split('\n')) {
    if (!line.startsWith('5\t')) continue
    const c = line.split('\t')
    const text = c.slice(11).join('\t').trim()
    const conf = Number(c[10])
    if (!text || !(conf >= 0)) continue
    const left = Number(c[6])
    const top = Number(c[7])
    words.push({
      text,
      confidence: Math.round(conf * 10) / 10,
      bbox: { x0: left, y0: top, x1: left + Number(c[8]), y1: top + Number(c[9]) },
    })
  }
  return words
}

function toPageResult(data: Tesseract.Page): OcrPageResult {
  return resultFromTsv(data.tsv ?? '', data.text ?? '')
}

/** Text, mean confidence and word boxes from tesseract's TSV (both engines report through this). */
export function resultFromTsv(tsv: string, text?: string): OcrPageResult {
  const words = parseTsvWords(tsv)
  // Mean word confidence, weighted by word length: a stray speck should not drag a clean page down.
  let sum = 0
  let weight = 0
  for (const w of words) {
    const n = Math.max(1, w.text.length)
    sum += w.confidence * n
    weight += n
  }
  const confidence = weight ? Math.round((sum / weight) * 10) / 10 : 0
  return { text: text ?? textFromTsv(tsv), confidence, words }
}

/** Page text from TSV rows: words joined by line, lines by paragraph, as tesseract prints it. */
export function textFromTsv(tsv: string): string {
  const out: string[] = []
  let lineKey = ''
  let parKey = ''
  let line: string[] = []
  const flush = () => {
    if (line.length) out.push(line.join(' '))
    line = []
  }
  for (const row of tsv.split('\n')) {
    if (!row.startsWith('5\t')) continue
    const c = row.split('\t')
    const word = c.slice(11).join('\t').trim()
    if (!word) continue
    const par = `${c[1]}.${c[2]}.${c[3]}`
    const key = `${par}.${c[4]}`
    if (key !== lineKey) {
      flush()
      if (par !== parKey && out.length) out.push('')
      lineKey = key
      parKey = par
    }
    line.push(word)
  }
  flush()
  return out.join('\n') + (out.length ? '\n' : '')
}
