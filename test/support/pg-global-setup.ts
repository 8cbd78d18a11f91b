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
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { CI, testPgServer } from '../helpers/testEnv.js'
import { freePort, selectedFilesUse, startInBackground } from './backgroundServer.js'
import type { ProvidedPg } from './pgEnv.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SCRIPTS = path.join(ROOT, 'scripts/postgres')

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const required = CI
  const outside = testPgServer()
  if (outside) {
    project.provide('pg', { kind: 'external', required, server: { ...outside } } satisfies ProvidedPg)
    return async () => {}
  }
  // The catalog contract suite runs every file on both engines.
  const contract = `${path.sep}test${path.sep}catalog${path.sep}contract${path.sep}`
  const usesPg = (f: string, text: string): boolean => f.includes(contract) || /from ['"][^'"]*\/pgEnv(?:\.js)?['"]/.test(text)
  if (!(await selectedFilesUse(project, usesPg))) {
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
  const teardown = startInBackground({
    label: 'pg-global-setup: PostgreSQL',
    scripts: SCRIPTS,
    startArgs: ['--dir', dir, '--port', String(port), '--password-file', passwordFile],
    statusFile,
    dir,
    base,
  })

  project.provide('pg', {
    kind: 'local',
    required,
    statusFile,
    server: { url: `postgres://postgres@127.0.0.1:${port}/chartclerk`, password },
  } satisfies ProvidedPg)

  return teardown
}
