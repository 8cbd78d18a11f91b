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
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { CI, testS3Endpoint } from '../helpers/testEnv.js'
import { freePort, selectedFilesUse, startInBackground } from '../support/backgroundServer.js'
import type { ProvidedS3 } from './s3Env.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SCRIPTS = path.join(ROOT, 'scripts/ceph-rgw')

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
  if (!(await selectedFilesUse(project, (_f, text) => /from ['"][^'"]*\/s3Env(?:\.js)?['"]/.test(text)))) {
    project.provide('s3', { kind: 'none', reason: 'no selected test file uses S3', required } satisfies ProvidedS3)
    return async () => {}
  }

  const base = mkdtempSync('/tmp/ccs3-')
  const dir = path.join(base, 'c')
  const statusFile = path.join(base, 'status.json')
  const [monPort, rgwPort] = [await freePort(), await freePort()]
  const accessKey = `cctest${randomBytes(6).toString('hex')}`
  const secretKey = randomBytes(18).toString('base64url')
  const teardown = startInBackground({
    label: 's3-global-setup: Ceph RGW',
    scripts: SCRIPTS,
    startArgs: ['--dir', dir, '--mon-port', String(monPort), '--rgw-port', String(rgwPort)],
    env: { S3_ACCESS_KEY: accessKey, S3_SECRET_KEY: secretKey },
    statusFile,
    dir,
    base,
  })

  project.provide('s3', {
    kind: 'local',
    required,
    statusFile,
    dir,
    scripts: SCRIPTS,
    server: { endpoint: '127.0.0.1', port: rgwPort, useSSL: false, region: 'us-east-1', accessKey, secretKey },
  } satisfies ProvidedS3)

  return teardown
}
