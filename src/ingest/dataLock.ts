/**
 * One `chartclerk start` per data folder (per site's inbox, with `nodes.site`): two would claim
 * the same inbox files. Each `chartclerk worker` holds a lock of its own, only so that
 * `catalog migrate` sees it running (`liveHolders`). The lock is a file
 * made with O_EXCL holding pid and host; a running holder touches it every few
 * seconds. A lock left by a process that is gone (same host: pid dead, or not a
 * chartclerk; another host: not touched for `staleMs`) is taken over.
 */
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ChartclerkError } from '../errors.js'

export const LOCK_NAME = 'chartclerk.lock'

export interface DataLock {
  readonly file: string
  release(): Promise<void>
}

interface Holder {
  pid: number
  host: string
  startedAt: string
}

export interface LockOptions {
  heartbeatMs?: number
  staleMs?: number
  /** The lock file's name (default LOCK_NAME; a site's watcher holds its own, see lockNameFor). */
  name?: string
}

/** The lock of a process that takes files from an inbox: one per site (no site: the data folder's). */
export function lockNameFor(site: string | undefined): string {
  return site ? `chartclerk.${site.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}.lock` : LOCK_NAME
}

/** A worker's own lock: workers may be many, each holds one. */
export function workerLockName(pid = process.pid): string {
  return `chartclerk.worker-${pid}.lock`
}

const ANY_LOCK = /^chartclerk(\..+)?\.lock$/

/**
 * Who holds a chartclerk lock in the data folder now (a start, a site's watcher, a worker), as
 * "process PID on HOST, started AT", leaving out the lock file `except`. Locks of workers that are
 * gone are removed on the way (each worker leaves its own behind when it is killed).
 */
export async function liveHolders(dataDir: string, opts: { except?: string; staleMs?: number } = {}): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(dataDir)
  } catch {
    return []
  }
  const out: string[] = []
  for (const name of names.filter((n) => ANY_LOCK.test(n)).sort()) {
    const file = path.join(dataDir, name)
    if (file === opts.except) continue
    const { holder, live } = await holderOf(file, opts.staleMs ?? 60_000)
    if (live) out.push(holder ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}` : 'another process')
    else if (holder?.host === os.hostname() && name.startsWith('chartclerk.worker-')) await fs.rm(file, { force: true })
  }
  return out
}

/** True while `pid` on this machine is a running chartclerk. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  // After a reboot the pid may belong to something else.
  try {
    return /chartclerk/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  } catch {
    return true // no /proc: trust the pid
  }
}

async function holderOf(file: string, staleMs: number): Promise<{ holder: Holder | null; live: boolean }> {
  let text: string
  let mtimeMs: number
  try {
    ;[text, mtimeMs] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file).then((s) => s.mtimeMs)])
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { holder: null, live: false }
    throw err
  }
  const fresh = Date.now() - mtimeMs < staleMs
  let holder: Holder | null = null
  try {
    holder = JSON.parse(text) as Holder
  } catch {
    return { holder: null, live: fresh } // being written this instant, or damaged
  }
  if (holder.host === os.hostname()) return { holder, live: holder.pid !== process.pid && processAlive(holder.pid) }
  return { holder, live: fresh }
}

export async function lockDataFolder(dataDir: string, opts: LockOptions = {}): Promise<DataLock> {
  const heartbeatMs = opts.heartbeatMs ?? 10_000
  const staleMs = opts.staleMs ?? 60_000
  await fs.mkdir(dataDir, { recursive: true })
  const file = path.join(dataDir, opts.name ?? LOCK_NAME)
  const me: Holder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      const h = await fs.open(file, 'wx', 0o644)
      try {
        await h.writeFile(JSON.stringify(me) + '\n')
        await h.sync()
      } finally {
        await h.close()
      }
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const { holder, live } = await holderOf(file, staleMs)
    if (live || attempt > 0) {
      const who = holder ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}` : 'another process'
      throw new ChartclerkError(
        'DATA_FOLDER_IN_USE',
        `Another chartclerk (${who}) is already running on the data folder ${dataDir}. Only one "chartclerk start" may use a data folder: stop the other one first, or give this one its own folder with --data. If you are sure none is running, remove ${file}.`,
        { detail: 'data folder locked' },
      )
    }
    await fs.rm(file, { force: true }) // left by a chartclerk that is gone
  }
  const timer = setInterval(() => {
    const now = new Date()
    void fs.utimes(file, now, now).catch(() => {})
  }, heartbeatMs)
  timer.unref()
  return {
    file,
    async release() {
      clearInterval(timer)
      try {
        const held = JSON.parse(await fs.readFile(file, 'utf8')) as Holder
        if (held.pid === me.pid && held.host === me.host) await fs.rm(file, { force: true })
      } catch {
        // already gone
      }
    },
  }
}
