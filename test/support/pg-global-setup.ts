/**
 * vitest globalSetup: a real PostgreSQL server for the tests of the PostgreSQL catalog.
 *
 * - CHARTCLERK_TEST_PG_URL set (with CHARTCLERK_TEST_PG_PASSWORD when it needs one): that server
 *   is used (a database on it that the tests may create databases in); nothing is started.
 * - Otherwise, when a selected test file uses PostgreSQL (imports test/support/pgEnv, or is in
 *   test/catalog/contract/), a
 *   throw-away cluster is started with scripts/postgres/start.sh (Debian's `postgresql`; as root
 *   it runs as the `postgres` user) on a free loopback port, in a temporary folder, with a random
 *   password, in the background: files that need it wait for it (`pgServer()`), others do not.
 *   Teardown stops it and removes the folder.
 * - CI=true: PostgreSQL tests must run; if the server cannot start they fail (never skip).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { CI, testPgServer } from '../helpers/testEnv.js'
import { freePort } from '../integration/s3-global-setup.js'
import type { ProvidedPg } from './pgEnv.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SCRIPTS = path.join(ROOT, 'scripts/postgres')

/** Do the selected test files use PostgreSQL (import pgEnv, or belong to the catalog contract suite)? Unknown selection: assume yes. */
async function pgNeeded(project: TestProject): Promise<boolean> {
  try {
    if (project.vitest.config.watch) return true
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern
    const { testFiles } = await project.globTestFiles(filters)
    // The catalog contract suite runs every file on both engines.
    return testFiles.some(
      (f) =>
        f.includes(`${path.sep}test${path.sep}catalog${path.sep}contract${path.sep}`) ||
        /from ['"][^'"]*\/pgEnv(?:\.js)?['"]/.test(readFileSync(f, 'utf8')),
    )
  } catch {
    return true
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const required = CI
  const outside = testPgServer()
  if (outside) {
    project.provide('pg', { kind: 'external', required, server: { ...outside } } satisfies ProvidedPg)
    return async () => {}
  }
  if (!(await pgNeeded(project))) {
    project.provide('pg', { kind: 'none', reason: 'no selected test file uses PostgreSQL', required } satisfies ProvidedPg)
    return async () => {}
  }

  const base = mkdtempSync(path.join(os.tmpdir(), 'ccpg-'))
  // As root the cluster runs as `postgres`, which must reach the folder inside this one.
  chmodSync(base, 0o755)
  const dir = path.join(base, 'c')
  const statusFile = path.join(base, 'status.json')
  const passwordFile = path.join(base, 'password')
  const password = randomBytes(18).toString('base64url')
  writeFileSync(passwordFile, password, { mode: 0o600 })
  const port = await freePort()
  const started = Date.now()
  const child = spawn('bash', [path.join(SCRIPTS, 'start.sh'), '--dir', dir, '--port', String(port), '--password-file', passwordFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((resolve) => {
    const finish = (ok: boolean, message: string): void => {
      writeFileSync(statusFile, JSON.stringify({ ok, message }))
      if (!ok) console.error(`[pg-global-setup] PostgreSQL did not start: ${message}`)
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

  project.provide('pg', {
    kind: 'local',
    required,
    statusFile,
    server: { url: `postgres://postgres@127.0.0.1:${port}/chartclerk`, password },
  } satisfies ProvidedPg)

  return async () => {
    await exited
    await new Promise<void>((resolve) => {
      const stop = spawn('bash', [path.join(SCRIPTS, 'stop.sh'), '--dir', dir, '--remove'], { stdio: 'ignore' })
      stop.on('exit', () => resolve())
      stop.on('error', () => resolve())
    })
    rmSync(base, { recursive: true, force: true })
  }
}
