/**
 * The native `tesseract` CLI (Debian's tesseract-ocr) as an OCR engine: one
 * process per page, at most `workers` at a time, the page handed over as a PGM
 * file and read back as TSV, so words, boxes and confidences come out exactly as
 * from tesseract.js. About 1.5x faster than the WebAssembly build.
 *
 * The page goes through a temporary file, not stdin: tesseract reads stdin a byte at
 * a time through a C++ stream, which cost 0.1-0.15 s of CPU on a 300 dpi page (about
 * an eighth of the reading) where a file is read at once. The file (a new random name,
 * created exclusively, readable by this user only) lives only while the page is read:
 * no folder is kept, so a host process ended by a signal leaves nothing behind.
 */
import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ChartclerkError } from '../../errors.js'
import { resultFromTsv } from './pool.js'
import type { OcrEngine, OcrPageResult, RecognizeOptions } from './types.js'

export interface NativeTesseractOptions {
  workers: number
  /** The tesseract binary (default: `tesseract` on the PATH). */
  binary?: string
  language?: string
  pageTimeoutMs?: number
}

export class NativeTesseract implements OcrEngine {
  readonly kind = 'tesseract' as const
  private running = 0
  private readonly waiting: (() => void)[] = []
  private closed = false
  private readonly children = new Set<ReturnType<typeof spawn>>()
  readonly binary: string
  private readonly language: string
  private readonly timeoutMs: number

  constructor(private readonly opts: NativeTesseractOptions) {
    this.binary = opts.binary ?? 'tesseract'
    this.language = opts.language ?? 'eng'
    this.timeoutMs = opts.pageTimeoutMs ?? 120_000
  }

  get size(): number {
    return Math.max(1, this.opts.workers)
  }

  /** The engine's version line, or a clear error when the binary is not there. */
  async version(): Promise<string> {
    return nativeTesseractVersion(this.binary)
  }

  async warm(): Promise<void> {
    await this.version()
  }

  async close(): Promise<void> {
    this.closed = true
    for (const c of this.children) c.kill('SIGKILL')
    for (const w of this.waiting.splice(0)) w()
  }

  async recognize(image: Buffer, opts: RecognizeOptions = {}): Promise<OcrPageResult> {
    if (this.running >= this.size) await new Promise<void>((r) => this.waiting.push(r))
    if (this.closed)
      throw new ChartclerkError('OCR_FAILED', 'OCR is shutting down; the file will be processed at the next start.', {
        detail: 'engine closed',
        transient: true,
      })
    this.running++
    try {
      return resultFromTsv(await this.read(image, opts.layout === 'auto' ? '3' : '6'))
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }

  /** The page through a file (stdin when no file can be written: a full or read-only temporary folder). */
  private async read(image: Buffer, psm: string): Promise<string> {
    let file: string | null = path.join(os.tmpdir(), `chartclerk-ocr-${randomBytes(12).toString('hex')}.pgm`)
    try {
      await writeFile(file, image, { mode: 0o600, flag: 'wx' })
    } catch (e) {
      // A part written before the disk filled goes; a file of that name already there is not ours.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') await rm(file, { force: true }).catch(() => {})
      file = null
    }
    try {
      return await this.tsv(file ?? image, psm)
    } finally {
      if (file) await rm(file, { force: true })
    }
  }

  /** `input`: the path of the page's image file, or the image itself (handed over on stdin). */
  private tsv(input: string | Buffer, psm: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const onStdin = typeof input !== 'string'
      // One thread per process: chartclerk runs `workers` processes side by side.
      const child = spawn(this.binary, [onStdin ? 'stdin' : input, 'stdout', '-l', this.language, '--psm', psm, '--dpi', '300', 'tsv'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      this.children.add(child)
      const out: Buffer[] = []
      let err = ''
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs)
      child.stdout.on('data', (d: Buffer) => out.push(d))
      child.stderr.on('data', (d: Buffer) => (err = (err + d).slice(-2000)))
      child.stdin.on('error', () => {}) // a process that dies early closes its stdin; the exit code says why
      child.on('error', (e) => {
        clearTimeout(timer)
        this.children.delete(child)
        reject(missingBinary(this.binary, e))
      })
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        this.children.delete(child)
        if (code === 0) return resolve(Buffer.concat(out).toString('utf8'))
        if (signal === 'SIGKILL' && !this.closed) {
          return reject(
            new ChartclerkError(
              'OCR_TIMEOUT',
              'Reading this page took too long. Check that it is a normal scanned page, then drop it in the inbox again.',
              { detail: `page timeout ${this.timeoutMs} ms` },
            ),
          )
        }
        reject(
          new ChartclerkError(
            'OCR_FAILED',
            'The page could not be read by OCR. Check the scan (is it an image of a document?) and drop it in the inbox again.',
            { detail: `tesseract exited ${code ?? signal}: ${err.trim().slice(-200)}`, transient: this.closed },
          ),
        )
      })
      child.stdin.end(onStdin ? input : undefined)
    })
  }
}

/** `tesseract --version`'s first line; a ChartclerkError saying how to install it when it is missing. */
export function nativeTesseractVersion(binary = 'tesseract'): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, ['--version'], { timeout: 10_000 }, (e, stdout, stderr) => {
      if (e && (e as NodeJS.ErrnoException).code === 'ENOENT') return reject(missingBinary(binary, e))
      if (e)
        return reject(
          new ChartclerkError(
            'OCR_ENGINE_MISSING',
            `The tesseract program at ${binary} does not run (${e.message.slice(0, 120)}). Reinstall it (sudo apt-get install tesseract-ocr tesseract-ocr-eng) or set ocr.engine to "tesseract.js".`,
            { cause: e },
          ),
        )
      resolve(`${stdout}${stderr}`.split('\n')[0]!.trim())
    })
  })
}

function missingBinary(binary: string, cause: unknown): ChartclerkError {
  return new ChartclerkError(
    'OCR_ENGINE_MISSING',
    `The native OCR engine is configured (ocr.engine: "tesseract") but the program ${binary} is not installed. Install it (sudo apt-get install tesseract-ocr tesseract-ocr-eng), set ocr.tesseractPath to where it is, or set ocr.engine to "tesseract.js".`,
    { cause, detail: `${binary}: not found` },
  )
}
