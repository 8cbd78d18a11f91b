/**
 * The part of the S3 and PostgreSQL global set-ups that is the same: a free loopback port, which
 * selected test files need the server, and a start script run in the background whose outcome
 * is written to a status file that the test files wait on. Teardown waits for the start to end,
 * runs the stop script and removes the folder.
 */
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** Does any selected test file satisfy `uses`? Unknown selection (watch mode, an error): assume yes. */
export async function selectedFilesUse(project: TestProject, uses: (file: string, text: string) => boolean): Promise<boolean> {
  try {
    if (project.vitest.config.watch) return true
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern
    const { testFiles } = await project.globTestFiles(filters)
    return testFiles.some((f) => uses(f, readFileSync(f, 'utf8')))
  } catch {
    return true
  }
}

export interface BackgroundStart {
  /** What the log calls the server when it does not start. */
  label: string
  /** The folder holding start.sh and stop.sh. */
  scripts: string
  startArgs: string[]
  env?: NodeJS.ProcessEnv
  /** Where `{ ok, message }` is written once start.sh ends. */
  statusFile: string
  /** The server's folder, for stop.sh. */
  dir: string
  /** Removed after stop.sh. */
  base: string
}

/** Runs start.sh in the background; returns the teardown. */
export function startInBackground(s: BackgroundStart): () => Promise<void> {
  const started = Date.now()
  const child = spawn('bash', [path.join(s.scripts, 'start.sh'), ...s.startArgs], {
    env: { ...process.env, ...s.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((resolve) => {
    const finish = (ok: boolean, message: string): void => {
      writeFileSync(s.statusFile, JSON.stringify({ ok, message }))
      if (!ok) console.error(`[${s.label}] did not start: ${message}`)
      resolve()
    }
    child.on('error', (err) => finish(false, `cannot run start.sh: ${err.message}`))
    child.on('exit', (code) =>
      finish(
        code === 0,
        code === 0
          ? `ready after ${Date.now() - started} ms`
          : `start.sh exited with ${code}: ${output.trim().split('\n').slice(-20).join('\n')}`,
      ),
    )
  })
  return async () => {
    await exited
    await new Promise<void>((resolve) => {
      const stop = spawn('bash', [path.join(s.scripts, 'stop.sh'), '--dir', s.dir, '--remove'], { stdio: 'ignore' })
      stop.on('exit', () => resolve())
      stop.on('error', () => resolve())
    })
    rmSync(s.base, { recursive: true, force: true })
  }
}
