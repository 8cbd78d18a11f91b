/**
 * Watchers and workers apart (`npm run bench -- --only workers [--workers-pages N]`):
 *
 * 1. Pages per minute: the same scanned pages (bench/pages.ts) dropped into the inbox of one
 *    site watcher (`chartclerk start --no-workers`) with ONE `chartclerk worker`, and with TWO
 *    workers, one OCR worker each (`ocr.workers` 1), each run on a fresh data folder. The clock
 *    runs from the first file dropped to the last result printed by a worker (so it holds the
 *    watcher's receiving, the queue and the workers' first OCR start-up; the processes are up
 *    and waiting before the drop). The two set-ups alternate, best of `rounds` each, and the
 *    load average is recorded beside every run: the machine is shared.
 * 2. Job queue operations per second, embedded queue (the catalog's SQLite file) against pg-boss
 *    on PostgreSQL, through src/queue/ as the ingest path uses it: enqueue, claim, complete, one
 *    at a time. PostgreSQL is `CHARTCLERK_TEST_PG_URL` (+ `CHARTCLERK_TEST_PG_PASSWORD`) when set,
 *    else a throw-away cluster from scripts/postgres/ (as the tests start it, fsync off); without
 *    one the PostgreSQL side says it was skipped and why.
 *
 * The run is kept in bench/results/workers-latest.json.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { openCatalog } from '../src/catalog/db.js'
import { PgBossJobQueue } from '../src/queue/pgboss.js'
import { SqliteJobQueue } from '../src/queue/sqlite.js'
import type { ClaimedJob, JobQueue, QueuedFile } from '../src/queue/types.js'
import { benchPages } from './pages.js'
import { childPids } from './procTree.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BIN = path.join(ROOT, 'bin/chartclerk.js')
const run = promisify(execFile)
const round1 = (x: number) => Math.round(x * 10) / 10
const load = () => os.loadavg().map(round1)

interface Proc {
  child: ChildProcess
  stderr: string[]
  /** Results printed on stdout (`--json`): one per file. */
  results: { status?: string }[]
  exited: Promise<number | null>
}

function startChartclerk(args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [BIN, '--json', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const p: Proc = { child, stderr: [], results: [], exited: new Promise((r) => child.on('exit', (code) => r(code))) }
  const lines = (stream: NodeJS.ReadableStream, onLine: (l: string) => void) => {
    let buf = ''
    stream.on('data', (d) => {
      buf += d
      let i
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i))
        buf = buf.slice(i + 1)
      }
    })
  }
  lines(child.stdout!, (l) => {
    if (l.trim().startsWith('{')) p.results.push(JSON.parse(l))
  })
  lines(child.stderr!, (l) => p.stderr.push(l))
  return p
}

/** CPU seconds (user + system) of a process and its descendants, with the children they already reaped (Linux /proc; 100 ticks a second). */
function treeCpuSeconds(pid: number): number {
  let own = 0
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // After the name: state is [0], utime [11], stime [12], cutime [13], cstime [14].
    own = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100
  } catch {
    // exited meanwhile
  }
  return own + childPids(pid).reduce((s, c) => s + treeCpuSeconds(c), 0)
}

async function until(pred: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`workers bench: timed out waiting for ${what()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export interface WorkersRun {
  workers: number
  seconds: number
  pagesPerMinute: number
  /** CPU seconds of the watcher, the workers and all they started (OCR hosts, readers) over the run. */
  cpuSeconds: number
  /** cpuSeconds / seconds: how many of the machine's cores the set-up kept busy on average. */
  coresBusy: number
  /** 1, 5 and 15 minute load averages at the start and the end of the run. */
  loadBefore: number[]
  loadAfter: number[]
}

/** One watcher and `workers` workers on a fresh data folder; the pages dropped at once; until every result is out. */
async function ingestWithWorkers(pngs: string[], workers: number, timeoutMs: number): Promise<WorkersRun> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `cc-bench-workers-${workers}-`))
  const inbox = path.join(dir, 'inbox')
  const staging = path.join(dir, 'staging')
  await fs.mkdir(inbox, { recursive: true })
  await fs.mkdir(staging, { recursive: true })
  const env = {
    CHARTCLERK_DATA: path.join(dir, 'data'),
    CHARTCLERK_INBOX: inbox,
    CHARTCLERK_QUARANTINE: path.join(dir, 'quarantine'),
    CHARTCLERK_OCR_WORKERS: '1',
    CHARTCLERK_LOG_LEVEL: 'info',
    CHARTCLERK_WATCH_STABILITY_MS: '300',
    CHARTCLERK_SITE: 'Bench clinic',
    // A loaded machine can take minutes over a page; these figures are about throughput, not time-outs.
    CHARTCLERK_OCR_PAGE_TIMEOUT_MS: '900000',
  }
  const procs: Proc[] = []
  try {
    // The watcher makes the data folder (and its catalog) before any worker opens it.
    const watcher = startChartclerk(['start', '--no-workers', '--no-web'], env)
    procs.push(watcher)
    await until(
      () => watcher.stderr.some((l) => l.includes('watching the inbox')),
      120_000,
      () => `the watcher to start: ${watcher.stderr.slice(-5).join('\n')}`,
    )
    const ws = Array.from({ length: workers }, () => startChartclerk(['worker'], env))
    procs.push(...ws)
    for (const w of ws)
      await until(
        () => w.stderr.some((l) => l.includes('working the queue')),
        120_000,
        () => `a worker to start: ${w.stderr.slice(-5).join('\n')}`,
      )
    // Copied beside the inbox first, then renamed in: each file appears whole, as a scanner's would.
    for (const [i, png] of pngs.entries()) await fs.copyFile(png, path.join(staging, `scan-${i}.png`))
    const cpu = () => procs.reduce((n, p) => n + treeCpuSeconds(p.child.pid!), 0)
    const loadBefore = load()
    const cpu0 = cpu()
    const t0 = performance.now()
    for (let i = 0; i < pngs.length; i++) await fs.rename(path.join(staging, `scan-${i}.png`), path.join(inbox, `scan-${i}.png`))
    const done = () => ws.reduce((n, w) => n + w.results.filter((r) => r.status).length, 0)
    await until(
      () => done() >= pngs.length,
      timeoutMs,
      () => `${pngs.length} results (have ${done()}); last worker log:\n${ws.map((w) => w.stderr.slice(-3).join('\n')).join('\n---\n')}`,
    )
    const seconds = (performance.now() - t0) / 1000
    const cpuSeconds = cpu() - cpu0
    const loadAfter = load()
    const statuses = ws.flatMap((w) => w.results.map((r) => r.status))
    if (statuses.includes('failed')) throw new Error(`workers bench: pages failed with ${workers} worker(s)`)
    return {
      workers,
      seconds: round1(seconds),
      pagesPerMinute: round1((pngs.length / seconds) * 60),
      cpuSeconds: round1(cpuSeconds),
      coresBusy: Math.round((cpuSeconds / seconds) * 100) / 100,
      loadBefore,
      loadAfter,
    }
  } finally {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGINT')
    const stopped = Promise.all(procs.map((p) => p.exited))
    const late = setTimeout(() => procs.forEach((p) => p.child.exitCode === null && p.child.kill('SIGKILL')), 60_000)
    await stopped
    clearTimeout(late)
    await fs.rm(dir, { recursive: true, force: true })
  }
}

export interface QueueOps {
  jobs: number
  /** Operations per second, one at a time. */
  enqueuePerSecond: number
  claimPerSecond: number
  completePerSecond: number
  /** Whole jobs (enqueue + claim + complete) per second. */
  jobsPerSecond: number
}

function fileFor(i: number): QueuedFile {
  return {
    mode: 'watch',
    inboxPath: `/inbox/scan-${i}.png`,
    workPath: `/work/scan-${i}.png`,
    originalName: `scan-${i}.png`,
    sourceFolder: '',
    receivedAt: new Date().toISOString(),
    site: 'Bench clinic',
  }
}

async function queueOps(q: JobQueue, jobs: number, tag: string): Promise<QueueOps> {
  const perSecond = (n: number, s: number) => Math.round(n / s)
  let t = performance.now()
  for (let i = 0; i < jobs; i++) await q.enqueue(`${tag}-${i}`, fileFor(i))
  const enqueue = (performance.now() - t) / 1000
  const claimed: ClaimedJob[] = []
  t = performance.now()
  for (let i = 0; i < jobs; i++) {
    const job = await q.claim('bench-worker')
    if (!job) throw new Error(`workers bench: ${q.engine} queue gave no job at ${i} of ${jobs}`)
    claimed.push(job)
  }
  const claim = (performance.now() - t) / 1000
  t = performance.now()
  for (const job of claimed) if (!(await q.complete(job))) throw new Error(`workers bench: ${q.engine} refused to complete a job it leased`)
  const complete = (performance.now() - t) / 1000
  return {
    jobs,
    enqueuePerSecond: perSecond(jobs, enqueue),
    claimPerSecond: perSecond(jobs, claim),
    completePerSecond: perSecond(jobs, complete),
    jobsPerSecond: perSecond(jobs, enqueue + claim + complete),
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

/** A PostgreSQL server for the queue figure: the one named in the environment, else a throw-away cluster; or why there is none. */
async function postgresServer(): Promise<{ url: string; password?: string; stop(): Promise<void> } | { skipped: string }> {
  if (process.env.CHARTCLERK_TEST_PG_URL)
    return { url: process.env.CHARTCLERK_TEST_PG_URL, password: process.env.CHARTCLERK_TEST_PG_PASSWORD, stop: async () => {} }
  const scripts = path.join(ROOT, 'scripts/postgres')
  const base = mkdtempSync(path.join(os.tmpdir(), 'ccpg-bench-'))
  // As root the cluster runs as `postgres`, which must reach the folder inside this one.
  chmodSync(base, 0o755)
  const dir = path.join(base, 'c')
  const passwordFile = path.join(base, 'password')
  const password = randomBytes(18).toString('base64url')
  writeFileSync(passwordFile, password, { mode: 0o600 })
  const stop = async () => {
    await run('bash', [path.join(scripts, 'stop.sh'), '--dir', dir, '--remove']).catch(() => undefined)
    await fs.rm(base, { recursive: true, force: true })
  }
  try {
    const port = await freePort()
    const { stdout } = await run(
      'bash',
      [path.join(scripts, 'start.sh'), '--dir', dir, '--port', String(port), '--password-file', passwordFile],
      {
        timeout: 120_000,
      },
    )
    return { url: stdout.trim().split('\n').pop()!, password, stop }
  } catch (err) {
    await stop()
    const e = err as { stderr?: string; message: string }
    return { skipped: `no PostgreSQL server: ${(e.stderr || e.message).trim().split('\n').slice(-2).join(' ')}` }
  }
}

export interface WorkersBenchResult {
  pages: number
  rounds: number
  oneWorker: WorkersRun
  twoWorkers: WorkersRun
  /** Two workers' pages per minute against one's (target on two cores >= 1.6). */
  ratio: number
  runs: WorkersRun[]
  queue: {
    sqlite: QueueOps
    postgres: QueueOps | { skipped: string }
    /** PostgreSQL's whole jobs per second against SQLite's. */
    postgresVsSqlite?: number
    postgresServer?: string
  }
  cpus: number
}

export async function runWorkersBench(opts: {
  cacheDir: string
  pages: number
  rounds?: number
  queueJobs?: number
}): Promise<WorkersBenchResult> {
  const rounds = opts.rounds ?? 2
  const pages = await benchPages(path.join(opts.cacheDir, 'scans'), opts.pages)
  const pngs = pages.map((p) => p.png)
  const timeoutMs = 30 * 60_000
  const runs: WorkersRun[] = []
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first: a shared machine's load comes and goes.
    for (const n of r % 2 === 0 ? [1, 2] : [2, 1]) {
      const one = await ingestWithWorkers(pngs, n, timeoutMs)
      process.stderr.write(`bench: workers: ${JSON.stringify(one)}\n`)
      runs.push(one)
    }
  }
  const best = (n: number) => runs.filter((x) => x.workers === n).reduce((a, b) => (b.seconds < a.seconds ? b : a))
  const oneWorker = best(1)
  const twoWorkers = best(2)

  const jobs = opts.queueJobs ?? 300
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-bench-queue-'))
  let sqlite: QueueOps
  try {
    const catalog = openCatalog(path.join(tmp, 'catalog.sqlite'))
    try {
      sqlite = await queueOps(new SqliteJobQueue(catalog.db), jobs, 'bench')
    } finally {
      catalog.close()
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true })
  }
  let postgres: QueueOps | { skipped: string }
  let postgresServerKind: string | undefined
  const server = await postgresServer()
  if ('skipped' in server) postgres = server
  else {
    postgresServerKind = process.env.CHARTCLERK_TEST_PG_URL
      ? 'CHARTCLERK_TEST_PG_URL'
      : 'throw-away cluster on loopback (scripts/postgres, fsync off)'
    try {
      const q = await PgBossJobQueue.open({ url: server.url, password: server.password, queue: `bench-${Date.now().toString(36)}` })
      try {
        postgres = await queueOps(q, jobs, 'bench')
      } finally {
        await q.close()
      }
    } finally {
      await server.stop()
    }
  }
  const result: WorkersBenchResult = {
    pages: pngs.length,
    rounds,
    oneWorker,
    twoWorkers,
    ratio: Math.round((twoWorkers.pagesPerMinute / oneWorker.pagesPerMinute) * 100) / 100,
    runs,
    queue: {
      sqlite,
      postgres,
      ...('jobsPerSecond' in postgres
        ? { postgresVsSqlite: Math.round((postgres.jobsPerSecond / sqlite.jobsPerSecond) * 100) / 100, postgresServer: postgresServerKind }
        : {}),
    },
    cpus: os.availableParallelism(),
  }
  await fs.mkdir(path.join(ROOT, 'bench/results'), { recursive: true })
  await fs.writeFile(
    path.join(ROOT, 'bench/results/workers-latest.json'),
    JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2) + '\n',
  )
  return result
}
