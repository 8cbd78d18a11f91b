/**
 * Pipeline figures: text-layer PDF pages per second (against bare pdf-parse on
 * the same files), latency from drop to stored for a one-page scan under
 * `chartclerk start`, and memory across a long batch.
 */
import { spawn } from 'node:child_process'
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import { TreeSampler } from './procTree.js'
import { createHash } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PDFParse } from 'pdf-parse'
import { benchPages, textPdfs } from './pages.js'
import { timed } from './ocr.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BIN = path.join(ROOT, 'bin/chartclerk.js')

/**
 * Text-layer PDFs through `chartclerk ingest` against bare pdf-parse reading the same files in
 * the same run. The whole command (start-up, opening the catalog and the rule set, shutting down)
 * is timed end to end; a run on one file measures that fixed cost, so the per-page rate of the
 * batch itself is reported too. Target: >= 30 pages/s.
 */
export async function runTextLayerBench(opts: { files: number; cacheDir: string }) {
  const files = await textPdfs(path.join(opts.cacheDir, 'text'), opts.files)
  // Baseline: pdf-parse reading every page's text, nothing else (one warm-up file first, as the command warms its reader).
  const bare = async () => {
    let pages = 0
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    for (const f of files) {
      const p = new PDFParse({ data: new Uint8Array(await readFile(f)), verbosity: 0 })
      pages += (await p.getText()).total
      await p.destroy()
    }
    const c = process.cpuUsage(c0)
    return { pages, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6 }
  }
  await bare()
  const b = await bare()
  const ingest = async (list: string[]) => {
    const data = await mkdtemp(path.join(os.tmpdir(), 'cc-bench-text-'))
    try {
      // bash's `time` adds up the CPU of the command and every process it started (the readers): a figure a busy machine bends less than wall time.
      const r = await timed(
        'bash',
        ['-c', 'TIMEFORMAT="CPU %U %S"; time "$@" 2>/dev/null', 'bash', process.execPath, BIN, '--data', data, '--json', 'ingest', ...list],
        { CHARTCLERK_LOG_LEVEL: 'warn' },
      )
      const cpu = r.stderr.match(/CPU ([\d.]+) ([\d.]+)/)
      return { ...r, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN }
    } finally {
      await rm(data, { recursive: true, force: true })
    }
  }
  const one = await ingest(files.slice(0, 1))
  const all = await ingest(files)
  const results = (out: string) =>
    out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { status: string; pages: number | null })
  const failed = results(all.stdout).filter((r) => r.status === 'failed').length
  if (failed) throw new Error(`text bench: ${failed} files failed`)
  const firstPages = results(one.stdout)[0]?.pages ?? 1
  const pps = (pages: number, seconds: number) => Math.round((pages / seconds) * 10) / 10
  const chartclerk = pps(b.pages, all.seconds)
  const batch = pps(b.pages - firstPages, all.seconds - one.seconds)
  const barePps = pps(b.pages, b.seconds)
  const cpuBatch = pps(b.pages - firstPages, all.cpuSeconds - one.cpuSeconds)
  const cpuBare = pps(b.pages, b.cpuSeconds)
  return {
    files: files.length,
    pages: b.pages,
    barePdfParsePagesPerSecond: barePps,
    chartclerkPagesPerSecond: chartclerk,
    /** The command's fixed cost (start, catalog, rules, shutdown), from a run on one file. */
    oneFileSeconds: Math.round(one.seconds * 100) / 100,
    /** Pages per second of the batch beyond that fixed cost. */
    chartclerkBatchPagesPerSecond: batch,
    ratio: Math.round((chartclerk / barePps) * 1000) / 1000,
    batchRatio: Math.round((batch / barePps) * 1000) / 1000,
    /** Pages per CPU-second (all processes), batch beyond the fixed cost, and bare pdf-parse: what a shared machine bends least. */
    chartclerkBatchPagesPerCpuSecond: cpuBatch,
    barePagesPerCpuSecond: cpuBare,
    cpuRatio: Math.round((cpuBatch / cpuBare) * 1000) / 1000,
    target: '>= 30 pages/s',
    meetsTarget: chartclerk >= 30,
    batchMeetsTarget: batch >= 30,
  }
}

/** Drop a one-page scan into a running chartclerk; time until its original is stored, and until it is read. */
export async function runLatencyBench(opts: { cacheDir: string; samples: number; stabilityMs: number }) {
  const pages = await benchPages(path.join(opts.cacheDir, 'scans'), opts.samples)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cc-bench-lat-'))
  const inbox = path.join(dir, 'inbox')
  const child = spawn(process.execPath, [BIN, '--json', 'start', '--no-web'], {
    cwd: dir,
    env: {
      ...process.env,
      CHARTCLERK_DATA: path.join(dir, 'data'),
      CHARTCLERK_INBOX: inbox,
      CHARTCLERK_QUARANTINE: path.join(dir, 'q'),
      CHARTCLERK_WATCH_STABILITY_MS: String(opts.stabilityMs),
      CHARTCLERK_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (err += d))
  const until = async (pred: () => boolean, ms = 120_000) => {
    const t = Date.now()
    while (!pred()) {
      if (Date.now() - t > ms) throw new Error(`latency bench timed out\n${err.slice(-1000)}`)
      await new Promise((r) => setTimeout(r, 5))
    }
  }
  await until(() => err.includes('watching the inbox'))
  const stored: number[] = []
  const ready: number[] = []
  for (const [i, p] of pages.entries()) {
    const sha = createHash('sha256').update(readFileSync(p.png)).digest('hex')
    const lines = () => out.trim().split('\n').filter(Boolean).length
    const before = lines()
    const t0 = performance.now()
    await copyFile(p.png, path.join(inbox, `scan-${i}.png`))
    await until(() => existsSync(path.join(dir, 'data', 'objects', 'originals', sha)))
    stored.push(performance.now() - t0)
    await until(() => lines() > before)
    ready.push(performance.now() - t0)
  }
  child.kill('SIGINT')
  await new Promise((r) => child.once('exit', r))
  await rm(dir, { recursive: true, force: true })
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return {
    samples: pages.length,
    stabilityMs: opts.stabilityMs,
    dropToStoredMs: Math.round(median(stored)),
    dropToReadMs: Math.round(median(ready)),
  }
}

/**
 * RSS of a `chartclerk ingest` over a long batch of scanned pages with two OCR workers, sampled
 * from /proc: the whole process tree (chartclerk and its reader processes) and the main process
 * alone; flat means no growth with pages done.
 */
export async function runMemoryBench(opts: { pages: number; cacheDir: string }) {
  const pages = await benchPages(path.join(opts.cacheDir, 'scans'), opts.pages)
  const data = await mkdtemp(path.join(os.tmpdir(), 'cc-bench-mem-'))
  const child = spawn(process.execPath, [BIN, '--data', data, '--json', 'ingest', ...pages.map((p) => p.png)], {
    env: { ...process.env, CHARTCLERK_LOG_LEVEL: 'warn', CHARTCLERK_OCR_WORKERS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let done = 0
  child.stdout.on('data', (d: Buffer) => (done += d.toString().split('\n').filter(Boolean).length))
  const samples: { done: number; treeMb: number; mainMb: number }[] = []
  const sampler = new TreeSampler(child.pid!, 250, (treeMb, mainMb) => samples.push({ done, treeMb, mainMb }))
  const t0 = performance.now()
  await new Promise((r) => child.once('exit', r))
  sampler.stop()
  await rm(data, { recursive: true, force: true })
  const quarter = (lo: number, hi: number) => {
    const xs = samples.filter((s) => s.done >= lo * pages.length && s.done < hi * pages.length).map((s) => s.treeMb)
    return xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null
  }
  return {
    pages: pages.length,
    done,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    ...sampler.summary(),
    meanTreeRssMbByQuarter: [quarter(0, 0.25), quarter(0.25, 0.5), quarter(0.5, 0.75), quarter(0.75, 1.01)],
  }
}
