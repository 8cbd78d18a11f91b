/**
 * Where a `chartclerk ingest` spends its processor time, process by process, and two builds side by
 * side: `tsx bench/tree-cpu.ts [--before DIR] [--rounds N] [--engine E] [--workers N] -- FILE...`.
 * Each run samples the CPU time (user + system, from /proc) of every process of the command's tree
 * (main, OCR hosts, readers, tesseract) every 20 ms and sums it by role; CPU time is what a loaded,
 * shared machine bends least. With `--before DIR` (a checkout of the build before, built) the two
 * builds alternate, and the ratios after/before are printed per role; the JSON lines each build
 * printed are compared too, apart from what differs from run to run (ids, times). With `--cli`, each
 * round also reads the same files with the native `tesseract` CLI (`--psm 6`, one thread, one process
 * per file, as many at a time as `--workers`) and prints each build's pages per CPU second against it.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { TreeCpu } from './procTree.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    before: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    engine: { type: 'string', default: 'tesseract' },
    workers: { type: 'string', default: '2' },
    cli: { type: 'boolean', default: false },
  },
})

export interface TreeRun {
  wallSeconds: number
  cpuSeconds: number
  byRole: Record<string, { cpuSeconds: number; processes: number }>
  stdout: string
  /** Every page record the run stored (text, source, confidence, size, words), by document hash and page. */
  pages: string[]
  load: number[]
}

/** The catalog's page records, keyed by the document's hash (ids and times differ between runs). */
function pageRecords(data: string): string[] {
  const db = new Database(path.join(data, 'catalog.sqlite'), { readonly: true })
  try {
    const rows = db
      .prepare('SELECT d.sha256, p.* FROM pages p JOIN documents d ON d.id = p.document_id ORDER BY d.sha256, p.page_no')
      .all() as Record<string, unknown>[]
    return rows.map(({ document_id: _id, ...r }) => JSON.stringify(r))
  } finally {
    db.close()
  }
}

/** One `chartclerk --json ingest` of `files` with the build in `root`, on a fresh data folder. */
export async function treeRun(root: string, files: string[], env: Record<string, string>): Promise<TreeRun> {
  const data = await mkdtemp(path.join(os.tmpdir(), 'cc-tree-cpu-'))
  try {
    const t0 = performance.now()
    const child = spawn(process.execPath, [path.join(root, 'bin/chartclerk.js'), '--data', data, '--json', 'ingest', ...files], {
      env: { ...process.env, CHARTCLERK_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.resume()
    const cpu = new TreeCpu(child.pid!, 20)
    await new Promise((r) => child.once('exit', r))
    cpu.stop()
    return { wallSeconds: (performance.now() - t0) / 1000, ...cpu.summary(), stdout, pages: pageRecords(data), load: os.loadavg() }
  } finally {
    await rm(data, { recursive: true, force: true })
  }
}

/**
 * CPU seconds (user + system) the native CLI takes to read `files`, one process per file, `parallel`
 * at a time (as chartclerk runs its OCR workers side by side: two processes on two cores each take
 * more CPU than one alone).
 */
export async function cliCpuSeconds(files: string[], parallel = 1): Promise<number> {
  const read = `xargs -0 -P ${parallel} -I{} sh -c 'tesseract "$1" stdout --psm 6 >/dev/null 2>&1' _ {}`
  const child = spawn('bash', ['-c', `printf '%s\\0' "$@" | ${read}; times`, '_', ...files], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  await new Promise((r) => child.once('exit', r))
  // `times`: the shell's user and system time, then its children's.
  const secs = (t: string) => {
    const m = /(\d+)m([\d.]+)s/.exec(t)
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0
  }
  const children = out.trim().split('\n').pop()!.trim().split(/\s+/)
  return secs(children[0]!) + secs(children[1]!)
}

/** What a run printed, without what differs between any two runs (job ids, times, the data folder). */
export function comparable(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => {
      const o = JSON.parse(l) as Record<string, unknown>
      for (const k of ['job', 'documentId', 'seconds', 'ms', 'time']) delete o[k]
      return JSON.stringify(o)
    })
    .sort()
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const files = positionals.map((f) => path.resolve(f))
  const env = { CHARTCLERK_OCR_ENGINE: values.engine!, CHARTCLERK_OCR_WORKERS: values.workers! }
  const builds = values.before ? { before: path.resolve(values.before), after: ROOT } : { after: ROOT }
  const runs: Record<string, TreeRun[]> = {}
  const cli: number[] = []
  for (let round = 0; round < Number(values.rounds); round++) {
    if (values.cli) {
      cli.push(await cliCpuSeconds(files, Number(values.workers)))
      console.log(`native CLI: CPU ${cli.at(-1)!.toFixed(2)} s`)
    }
    for (const [name, root] of Object.entries(builds)) {
      const r = await treeRun(root, files, env)
      ;(runs[name] ??= []).push(r)
      const roles = Object.entries(r.byRole)
        .map(([k, v]) => `${k} ${v.cpuSeconds.toFixed(2)}s x${v.processes}`)
        .join(', ')
      console.log(
        `${name}: wall ${r.wallSeconds.toFixed(1)} s, CPU ${r.cpuSeconds.toFixed(2)} s (${roles}); load ${r.load.map((l) => l.toFixed(1)).join(' ')}`,
      )
    }
  }
  const best = (name: string) => runs[name]!.reduce((a, b) => (b.cpuSeconds < a.cpuSeconds ? b : a))
  if (cli.length) {
    const c = Math.min(...cli)
    for (const name of Object.keys(runs)) {
      const r = best(name)
      console.log(
        `${name}: ${(files.length / r.cpuSeconds).toFixed(3)} pages per CPU second, ${(c / r.cpuSeconds).toFixed(3)}x the native CLI's (${(files.length / c).toFixed(3)}), least CPU of each`,
      )
    }
  }
  if (runs.before) {
    const a = best('after')
    const b = best('before')
    console.log(
      `after/before, least CPU of each: ${(a.cpuSeconds / b.cpuSeconds).toFixed(3)} (${a.cpuSeconds.toFixed(2)} / ${b.cpuSeconds.toFixed(2)} s)`,
    )
    for (const role of new Set([...Object.keys(a.byRole), ...Object.keys(b.byRole)]))
      console.log(`  ${role}: ${(a.byRole[role]?.cpuSeconds ?? 0).toFixed(2)} / ${(b.byRole[role]?.cpuSeconds ?? 0).toFixed(2)} s`)
    const same = JSON.stringify(comparable(a.stdout)) === JSON.stringify(comparable(b.stdout))
    const samePages = JSON.stringify(a.pages) === JSON.stringify(b.pages)
    console.log(`what the two builds printed: ${same ? 'the same' : 'DIFFERENT'}`)
    console.log(`page records stored (${a.pages.length}, ${b.pages.length}): ${samePages ? 'byte for byte the same' : 'DIFFERENT'}`)
    if (!same || !samePages) process.exitCode = 1
  }
}
