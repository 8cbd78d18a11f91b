/**
 * The real S3 server for integration tests, as the vitest globalSetup
 * (test/integration/s3-global-setup.ts) provides it.
 *
 * Test files that need S3 import this module (that is also how the global setup
 * knows to start a server at all) and await `s3Server()` at the top:
 *
 *   const s3 = await s3Server()          // undefined: no server here (never in CI: then it throws)
 *   describe.skipIf(!s3)('...', () => { ... })
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'
import type { S3Settings } from '../../src/config/config.js'

export interface S3TestServer {
  endpoint: string
  port: number
  useSSL: boolean
  region: string
  accessKey: string
  secretKey: string
}

/** What the global setup provides: an external S3 (env), a local RGW starting in the background, or none. */
export type ProvidedS3 =
  | { kind: 'external'; server: S3TestServer; required: boolean }
  | { kind: 'local'; server: S3TestServer; statusFile: string; dir: string; scripts: string; required: boolean }
  | { kind: 'none'; reason: string; required: boolean }

declare module 'vitest' {
  export interface ProvidedContext {
    s3: ProvidedS3
  }
}

interface StartStatus {
  ok: boolean
  message: string
}

/** Waits until the server is ready. Undefined when there is none and CI does not require one; throws in CI. */
export async function s3Server(timeoutMs = 120_000): Promise<S3TestServer | undefined> {
  const p = inject('s3')
  if (p.kind === 'external') return p.server
  const fail = (reason: string): undefined => {
    if (p.required) throw new Error(`S3 integration tests must run under CI=true, but the S3 server is not available: ${reason}`)
    console.warn(`[s3] skipping S3 tests: ${reason}`)
    return undefined
  }
  if (p.kind === 'none') return fail(p.reason)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = await readFile(p.statusFile, 'utf8').then(
      (t) => JSON.parse(t) as StartStatus,
      () => undefined,
    )
    if (status) return status.ok ? p.server : fail(status.message)
    if (Date.now() > deadline) return fail(`no ready signal within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * Tests that stop and start a gateway need a dedicated local RGW: they run when the shared
 * server is the local RGW, and always under CI=true (where they fail if one cannot start).
 */
export function dedicatedRgwPossible(): boolean {
  const p = inject('s3')
  return p.kind === 'local' || p.required
}

/** A bucket name no other test uses. */
export function uniqueBucket(prefix = 'cc'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`.toLowerCase()
}

/** chartclerk's S3 settings for the test server. */
export function s3Settings(server: S3TestServer, bucket: string, extra: Partial<S3Settings> = {}): S3Settings {
  return {
    endpoint: server.endpoint,
    port: server.port,
    useSSL: server.useSSL,
    region: server.region,
    bucket,
    pathStyle: true,
    createBucket: true,
    partSizeMb: 5,
    accessKey: server.accessKey,
    secretKey: server.secretKey,
    ...extra,
  }
}
