/** A scratch records desk for one test: inbox, data folder, quarantine, and a config pointing at them. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, type Config } from '../../src/config/config.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const BIN = path.join(ROOT, 'bin/chartclerk.js')
export const SAMPLES = path.join(ROOT, 'samples')
/** The sample scans, alone in their folder (the patient index and answers stay in SAMPLES). */
export const SAMPLE_SCANS = path.join(SAMPLES, 'inbox')
export const BAD = path.join(ROOT, 'test/fixtures/bad')

export interface Workspace {
  dir: string
  inbox: string
  data: string
  quarantine: string
  env: Record<string, string>
  config(overrides?: Record<string, unknown>): Readonly<Config>
  cleanup(): Promise<void>
}

export function makeWorkspace(extraEnv: Record<string, string> = {}): Workspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartclerk-test-'))
  const inbox = path.join(dir, 'inbox')
  const data = path.join(dir, 'data')
  const quarantine = path.join(dir, 'quarantine')
  const env: Record<string, string> = {
    CHARTCLERK_DATA: data,
    CHARTCLERK_INBOX: inbox,
    CHARTCLERK_QUARANTINE: quarantine,
    CHARTCLERK_WATCH_STABILITY_MS: '300',
    CHARTCLERK_WATCH_RESCAN_INTERVAL_MS: '2000',
    CHARTCLERK_OCR_WORKERS: '1',
    CHARTCLERK_LOG_LEVEL: 'warn',
    ...extraEnv,
  }
  return {
    dir,
    inbox,
    data,
    quarantine,
    env,
    config: (overrides) => loadConfig({ cwd: dir, env, overrides }),
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  }
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the real `chartclerk` command (built dist) with the workspace's environment. */
export function runCli(ws: Workspace, args: string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ws.dir,
      env: { ...process.env, ...ws.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const t = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(t)
      resolve({ code, stdout, stderr })
    })
  })
}

export interface RunningCli {
  child: ChildProcess
  results: any[]
  stderrLines: string[]
  waitFor(pred: () => boolean, timeoutMs?: number): Promise<void>
  stop(): Promise<number | null>
}

/** Starts `chartclerk start --json` in the background; lines of stdout are parsed as they come. */
export function startCli(ws: Workspace, args: string[] = [], env: Record<string, string> = {}): RunningCli {
  return startCommand(ws, ['start', '--no-web', ...args], env)
}

/** Starts a long-running `chartclerk --json COMMAND...` (`worker`, `start --no-workers`, ...) in the background. */
export function startCommand(ws: Workspace, command: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, '--json', ...command], {
    cwd: ws.dir,
    env: { ...process.env, ...ws.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const results: any[] = []
  const stderrLines: string[] = []
  let outBuf = ''
  let errBuf = ''
  child.stdout!.on('data', (d) => {
    outBuf += d
    let i
    while ((i = outBuf.indexOf('\n')) >= 0) {
      const line = outBuf.slice(0, i)
      outBuf = outBuf.slice(i + 1)
      if (line.trim()) results.push(JSON.parse(line))
    }
  })
  child.stderr!.on('data', (d) => {
    errBuf += d
    let i
    while ((i = errBuf.indexOf('\n')) >= 0) {
      stderrLines.push(errBuf.slice(0, i))
      errBuf = errBuf.slice(i + 1)
    }
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    results,
    stderrLines,
    waitFor: (pred, timeoutMs = 90_000) =>
      waitFor(pred, timeoutMs, () => `stderr:\n${stderrLines.slice(-20).join('\n')}\nresults: ${JSON.stringify(results).slice(0, 2000)}`),
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGINT')
      return exited
    },
  }
}

export async function waitFor(pred: () => boolean | Promise<boolean>, timeoutMs = 30_000, explain?: () => string): Promise<void> {
  const start = Date.now()
  while (!(await pred())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms${explain ? `\n${explain()}` : ''}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export async function listFiles(dir: string): Promise<string[]> {
  try {
    return ((await fs.readdir(dir, { recursive: true, withFileTypes: true })) as import('node:fs').Dirent[])
      .filter((d) => d.isFile() || d.isSymbolicLink())
      .map((d) => path.join((d as any).parentPath ?? (d as any).path, d.name))
      .sort()
  } catch {
    return []
  }
}
