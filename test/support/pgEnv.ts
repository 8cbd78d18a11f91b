/**
 * The real PostgreSQL server for tests, as the vitest globalSetup (test/support/pg-global-setup.ts)
 * provides it. Test files that need it import this module (that is also how the global setup
 * knows to start a server at all) and await `pgServer()` at the top:
 *
 *   const pg = await pgServer()      // undefined: no server here (never under CI=true: then it throws)
 *   describe.skipIf(!pg)('...', () => { ... })
 *
 * Each test takes its own database (`freshDatabase`), so files can run side by side.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { inject } from 'vitest'
import { connectionOf } from '../../src/catalog/sql/open.js'

export interface PgTestServer {
  /** postgres://user@host:port/db, without the password. */
  url: string
  password: string | undefined
}

export type ProvidedPg =
  | { kind: 'external'; server: PgTestServer; required: boolean }
  | { kind: 'local'; server: PgTestServer; statusFile: string; required: boolean }
  | { kind: 'none'; reason: string; required: boolean }

declare module 'vitest' {
  export interface ProvidedContext {
    pg: ProvidedPg
  }
}

/** Waits until the server is ready. Undefined when there is none and CI does not require one; throws in CI. */
export async function pgServer(timeoutMs = 120_000): Promise<PgTestServer | undefined> {
  const p = inject('pg')
  if (p.kind === 'external') return p.server
  const fail = (reason: string): undefined => {
    if (p.required) throw new Error(`PostgreSQL tests must run under CI=true, but the PostgreSQL server is not available: ${reason}`)
    console.warn(`[pg] skipping PostgreSQL tests: ${reason}`)
    return undefined
  }
  if (p.kind === 'none') return fail(p.reason)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = await readFile(p.statusFile, 'utf8').then(
      (t) => JSON.parse(t) as { ok: boolean; message: string },
      () => undefined,
    )
    if (status) return status.ok ? p.server : fail(status.message)
    if (Date.now() > deadline) return fail(`no ready signal within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export interface TestDatabase extends PgTestServer {
  name: string
  drop(): Promise<void>
}

/** A new, empty database on the server, for one test; `drop()` removes it. */
export async function freshDatabase(server: PgTestServer): Promise<TestDatabase> {
  const name = `cc_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  await admin(server, `CREATE DATABASE ${name}`)
  const url = new URL(server.url)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    password: server.password,
    drop: () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

async function admin(server: PgTestServer, sql: string): Promise<void> {
  const client = new pg.Client({ ...connectionOf(server.url), password: server.password })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
