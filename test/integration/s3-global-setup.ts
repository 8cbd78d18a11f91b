/**
 * vitest globalSetup: a real S3 server for the integration tests.
 *
 * - CHARTCLERK_TEST_S3_ENDPOINT (+ _PORT, _USE_SSL, _ACCESS_KEY, _SECRET_KEY, _REGION) set:
 *   that server (e.g. a department's MinIO) is used; nothing is started.
 * - Otherwise, when a selected test file uses S3 (imports s3Env), Ceph RGW is started
 *   with scripts/ceph-rgw/start.sh on free loopback ports in a temporary folder, in the
 *   background: test files that need it wait for it (`s3Server()`), others do not.
 *   Teardown stops it by the pids in its pid files and removes the folder.
 * - CI=true: S3 tests must run; if the server cannot start they fail (never skip).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { CI, testS3Endpoint } from '../helpers/testEnv.js'
import type { ProvidedS3 } from './s3Env.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SCRIPTS = path.join(ROOT, 'scripts/ceph-rgw')

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

/** Do the selected test files use S3? (They import s3Env.) Unknown selection: assume yes. */
async function s3Needed(project: TestProject): Promise<boolean> {
  try {
    if (project.vitest.config.watch) return true
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern
    const { testFiles } = await project.globTestFiles(filters)
    return testFiles.some((f) => /from ['"][^'"]*\/s3Env(?:\.js)?['"]/.test(readFileSync(f, 'utf8')))
  } catch {
    return true
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Only the CI flag and the test endpoint matter here; the developer's own storage settings do not.
  const required = CI
  const t = testS3Endpoint()
  if (t) {
    project.provide('s3', {
      kind: 'external',
      required,
      server: { endpoint: t.endpoint, port: t.port, useSSL: t.useSSL, region: t.region, accessKey: t.accessKey, secretKey: t.secretKey },
    } satisfies ProvidedS3)
    return async () => {}
  }
  if (!(await s3Needed(project))) {
    project.provide('s3', { kind: 'none', reason: 'no selected test file uses S3', required } satisfies ProvidedS3)
    return async () => {}
  }

  const base = mkdtempSync('/tmp/ccs3-')
  const dir = path.join(base, 'c')
  const statusFile = path.join(base, 'status.json')
  const [monPort, rgwPort] = [await freePort(), await freePort()]
  const accessKey = `cctest${randomBytes(6).toString('hex')}`
  const secretKey = randomBytes(18).toString('base64url')
  const started = Date.now()
  const child = spawn(
    'bash',
    [path.join(SCRIPTS, 'start.sh'), '--dir', dir, '--mon-port', String(monPort), '--rgw-port', String(rgwPort)],
    {
      env: { ...process.env, S3_ACCESS_KEY: accessKey, S3_SECRET_KEY: secretKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((resolve) => {
    const finish = (ok: boolean, message: string): void => {
      writeFileSync(statusFile, JSON.stringify({ ok, message }))
      if (!ok) console.error(`[s3-global-setup] Ceph RGW did not start: ${message}`)
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

  project.provide('s3', {
    kind: 'local',
    required,
    statusFile,
    dir,
    scripts: SCRIPTS,
    server: { endpoint: '127.0.0.1', port: rgwPort, useSSL: false, region: 'us-east-1', accessKey, secretKey },
  } satisfies ProvidedS3)

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
