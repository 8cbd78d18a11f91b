/**
 * A dedicated Ceph RGW for a test that has to stop and start the gateway (an outage
 * that ends) without disturbing the shared one. Same scripts as the global setup.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { freePort } from './backgroundServer.js'

const run = promisify(execFile)
export const RGW_SCRIPTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/ceph-rgw')

export interface DedicatedRgw {
  endpoint: string
  port: number
  useSSL: false
  region: string
  accessKey: string
  secretKey: string
  /** Kill the gateway only (monitor and data stay): clients get "connection refused". */
  stopGateway(): Promise<void>
  /** Start the gateway again on the same port, with the same data. */
  startGateway(): Promise<void>
  stop(): Promise<void>
}

export async function startDedicatedRgw(): Promise<DedicatedRgw> {
  const base = await mkdtemp('/tmp/ccrgw-')
  const dir = path.join(base, 'c')
  const [monPort, port] = [await freePort(), await freePort()]
  const accessKey = `ccded${randomBytes(5).toString('hex')}`
  const secretKey = randomBytes(18).toString('base64url')
  const env = { ...process.env, S3_ACCESS_KEY: accessKey, S3_SECRET_KEY: secretKey }
  const script = (name: string) => path.join(RGW_SCRIPTS, name)
  try {
    await run('bash', [script('start.sh'), '--dir', dir, '--mon-port', String(monPort), '--rgw-port', String(port)], {
      env,
      timeout: 120_000,
    })
  } catch (err) {
    await run('bash', [script('stop.sh'), '--dir', dir, '--remove']).catch(() => {})
    await rm(base, { recursive: true, force: true })
    throw new Error(`dedicated RGW did not start: ${(err as { stderr?: string }).stderr ?? String(err)}`)
  }
  return {
    endpoint: '127.0.0.1',
    port,
    useSSL: false,
    region: 'us-east-1',
    accessKey,
    secretKey,
    stopGateway: async () => void (await run('bash', [script('stop.sh'), '--dir', dir, '--rgw-only'])),
    startGateway: async () => void (await run('bash', [script('start.sh'), '--dir', dir, '--rgw-only'], { env, timeout: 60_000 })),
    stop: async () => {
      await run('bash', [script('stop.sh'), '--dir', dir, '--remove']).catch(() => {})
      await rm(base, { recursive: true, force: true })
    },
  }
}
