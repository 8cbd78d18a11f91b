/**
 * Scanned pages through `chartclerk ingest` (with each OCR engine) against bare
 * tesseract.js, the native tesseract CLI (one process per core) and OCRmyPDF, on
 * the same pages in the same run. Figures are ratios, since these machines are
 * shared; each run is the best of `rounds` alternating runs.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchPages } from './pages.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BIN = path.join(ROOT, 'bin/chartclerk.js')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

export function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export function timed(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ seconds: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`${cmd} exited ${code}: ${stderr.slice(-500)}`))
      else resolve({ seconds: (performance.now() - t0) / 1000, stdout, stderr })
    })
  })
}

/** Runs `jobs` one-page commands, `parallel` at a time; total wall time. */
async function pooled(jobs: (() => Promise<unknown>)[], parallel: number): Promise<number> {
  const t0 = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) await jobs[next++]!()
    }),
  )
  return (performance.now() - t0) / 1000
}

export interface OcrBenchResult {
  pages: number
  workers: number
  /** `chartclerk ingest` with the embedded engine (tesseract.js). */
  chartclerk: { seconds: number; pagesPerMinute: number }
  /** `chartclerk ingest` with the native engine (ocr.engine: "tesseract"). */
  chartclerkNative?: { seconds: number; pagesPerMinute: number }
  bareTesseractJs: { seconds: number; pagesPerMinute: number }
  nativeTesseract?: { seconds: number; pagesPerMinute: number }
  ocrmypdf?: { seconds: number; pagesPerMinute: number }
  pipelineOverhead: number
  /** chartclerk (tesseract.js) against the native CLI (target >= 0.5). */
  vsNative?: number
  /** chartclerk (tesseract.js) against bare tesseract.js workers. */
  vsBareTesseractJs: number
  /** chartclerk with the native engine against the native CLI (target >= 0.9). */
  nativeEngineVsNative?: number
  vsOcrmypdf?: number
}

export async function runOcrBench(opts: { pages: number; cacheDir: string; rounds?: number }): Promise<OcrBenchResult> {
  const workers = os.availableParallelism()
  const pages = await benchPages(path.join(opts.cacheDir, 'scans'), opts.pages)
  const pngs = pages.map((p) => p.png)
  const ppm = (s: number) => Math.round((pages.length / s) * 60 * 10) / 10

  // Alternate the two runs and keep each one's best: a shared machine's load comes and goes.
  const runChartclerk = async (engine = 'tesseract.js') => {
    const data = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-bench-'))
    const r = await timed(process.execPath, [BIN, '--data', data, '--json', 'ingest', ...pngs], {
      CHARTCLERK_OCR_WORKERS: String(workers),
      CHARTCLERK_LOG_LEVEL: 'warn',
      CHARTCLERK_OCR_ENGINE: engine,
    })
    await fs.rm(data, { recursive: true, force: true })
    const statuses = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).status)
    if (statuses.some((st) => st === 'failed')) throw new Error('chartclerk failed pages in the benchmark')
    return r
  }
  const runBare = () => timed(TSX, [path.join(ROOT, 'bench/bare-tesseract.ts'), String(workers), ...pngs])
  const runNative = () =>
    pooled(
      pngs.map((p) => () => timed('tesseract', [p, 'stdout', '--psm', '6'], { OMP_THREAD_LIMIT: '1' })),
      workers,
    )
  const native = has('tesseract')
  let cc = { seconds: Infinity, stdout: '' }
  let ccNative = { seconds: Infinity, stdout: '' }
  let bare = { seconds: Infinity, stdout: '' }
  let cli = Infinity
  for (let round = 0; round < (opts.rounds ?? 2); round++) {
    const a = await runChartclerk()
    if (a.seconds < cc.seconds) cc = a
    const b = await runBare()
    if (b.seconds < bare.seconds) bare = b
    if (!native) continue
    const c = await runChartclerk('tesseract')
    if (c.seconds < ccNative.seconds) ccNative = c
    cli = Math.min(cli, await runNative())
  }

  const result: OcrBenchResult = {
    pages: pages.length,
    workers,
    chartclerk: { seconds: cc.seconds, pagesPerMinute: ppm(cc.seconds) },
    bareTesseractJs: { seconds: bare.seconds, pagesPerMinute: ppm(bare.seconds) },
    pipelineOverhead: cc.seconds / bare.seconds - 1,
    vsBareTesseractJs: bare.seconds / cc.seconds,
  }
  if (native) {
    result.nativeTesseract = { seconds: cli, pagesPerMinute: ppm(cli) }
    result.chartclerkNative = { seconds: ccNative.seconds, pagesPerMinute: ppm(ccNative.seconds) }
    result.vsNative = result.chartclerk.pagesPerMinute / result.nativeTesseract.pagesPerMinute
    result.nativeEngineVsNative = result.chartclerkNative.pagesPerMinute / result.nativeTesseract.pagesPerMinute
  }
  if (has('ocrmypdf')) {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-ocrmypdf-'))
    const s = await pooled(
      pages.map(
        (p, i) => () =>
          timed(
            'ocrmypdf',
            ['--jobs', '1', '--quiet', '--deskew', '--rotate-pages', '--output-type', 'pdfa', p.pdf, path.join(out, `${i}.pdf`)],
            { OMP_THREAD_LIMIT: '1' },
          ),
      ),
      workers,
    )
    await fs.rm(out, { recursive: true, force: true })
    result.ocrmypdf = { seconds: s, pagesPerMinute: ppm(s) }
    result.vsOcrmypdf = result.chartclerk.pagesPerMinute / result.ocrmypdf.pagesPerMinute
  }
  return result
}
