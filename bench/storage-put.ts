/**
 * Storage benchmark: what proving every original costs. 500 scans of ~300 KB go
 * into S3 three ways, in the same run against the same server, interleaved in
 * rounds (the order rotates) so that drift on a shared machine hits all alike:
 *
 *   plain        the plain minio client: fPutObject, nothing read back
 *   plainVerify  the plain minio client doing the same proof by hand: fPutObject,
 *                getObject, SHA-256, compare
 *   verified     chartclerk: putVerified on the S3 store (put, read back as a
 *                stream, SHA-256, compare; retry, error mapping, metadata encoding)
 *
 * Two overheads come out: verified against plain (the whole price of proving each
 * original: one more request per file) and verified against plainVerify (the price
 * of chartclerk's storage layer itself). Target: below 15 %.
 *
 *   npx tsx bench/storage-put.ts [files] [sizeKb]
 *
 * Starts its own Ceph RGW with scripts/ceph-rgw/start.sh on free ports (stopped at
 * the end), unless a server is passed in.
 */
import { execFile } from 'node:child_process'
import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { Client } from 'minio'
import { originalKey } from '../src/storage/objectStore.js'
import { S3ObjectStore } from '../src/storage/s3Store.js'
import { putVerified } from '../src/storage/verified.js'

const run = promisify(execFile)

export interface BenchS3Server {
  endpoint: string
  port: number
  useSSL: boolean
  region: string
  accessKey: string
  secretKey: string
}

export interface StoragePutBenchOptions {
  files?: number
  sizeKb?: number
  /** Puts in flight at once; one measurement per level. Default [1, 4]. */
  concurrency?: number[]
  /** Interleaved rounds per level. Default 10. */
  rounds?: number
  server?: BenchS3Server
}

export interface StoragePutRun {
  concurrency: number
  plainSeconds: number
  plainVerifySeconds: number
  verifiedSeconds: number
  plainPutsPerSecond: number
  plainVerifyPutsPerSecond: number
  verifiedPutsPerSecond: number
  plainMBps: number
  verifiedMBps: number
  /** verified / plain - 1, in percent: the price of reading every original back. */
  overheadPct: number
  /** verified / plainVerify - 1, in percent: the price of chartclerk's layer over doing the same by hand. */
  layerOverheadPct: number
}

export interface StoragePutBenchResult {
  server: string
  files: number
  averageKb: number
  runs: StoragePutRun[]
  targetOverheadPct: number
  /** Every run's overheadPct below the target. */
  meetsTarget: boolean
  /** Every run's layerOverheadPct below the target. */
  layerMeetsTarget: boolean
}

function findScripts(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const s = path.join(dir, 'scripts/ceph-rgw')
    if (existsSync(path.join(s, 'start.sh'))) return s
  }
  throw new Error('scripts/ceph-rgw/start.sh not found')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function startRgw(): Promise<{ server: BenchS3Server; stop(): Promise<void> }> {
  const scripts = findScripts()
  const base = await fs.mkdtemp('/tmp/ccbench-')
  const dir = path.join(base, 'c')
  const [monPort, port] = [await freePort(), await freePort()]
  const accessKey = `ccbench${randomBytes(5).toString('hex')}`
  const secretKey = randomBytes(18).toString('base64url')
  const stop = async () => {
    await run('bash', [path.join(scripts, 'stop.sh'), '--dir', dir, '--remove']).catch(() => {})
    await fs.rm(base, { recursive: true, force: true })
  }
  try {
    await run('bash', [path.join(scripts, 'start.sh'), '--dir', dir, '--mon-port', String(monPort), '--rgw-port', String(port)], {
      env: { ...process.env, S3_ACCESS_KEY: accessKey, S3_SECRET_KEY: secretKey },
      timeout: 120_000,
    })
  } catch (err) {
    await stop()
    throw new Error(`Ceph RGW did not start: ${(err as { stderr?: string }).stderr ?? String(err)}`)
  }
  return { server: { endpoint: '127.0.0.1', port, useSSL: false, region: 'us-east-1', accessKey, secretKey }, stop }
}

/** Scan-like incompressible bytes, ±15 % around the size, deterministic. */
function scan(i: number, sizeKb: number): Buffer {
  const size = Math.round(sizeKb * 1024 * (0.85 + ((i * 7919) % 300) / 1000))
  const key = createHash('sha256').update(`bench-scan-${i}`).digest().subarray(0, 16)
  const c = createCipheriv('aes-128-ctr', key, Buffer.alloc(16))
  return Buffer.concat([c.update(Buffer.alloc(size)), c.final()])
}

async function inParallel<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!)
    }),
  )
}

export async function runStoragePutBench(opts: StoragePutBenchOptions = {}): Promise<StoragePutBenchResult> {
  const files = opts.files ?? 500
  const sizeKb = opts.sizeKb ?? 300
  const levels = opts.concurrency ?? [1, 4]
  const rounds = Math.max(1, Math.min(opts.rounds ?? 10, files))
  const started = opts.server ? undefined : await startRgw()
  const server = opts.server ?? started!.server
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'ccbench-files-'))
  try {
    const scans: { file: string; sha256: string; size: number; name: string }[] = []
    for (let i = 0; i < files; i++) {
      const bytes = scan(i, sizeKb)
      const file = path.join(work, `scan-${String(i).padStart(4, '0')}.pdf`)
      await fs.writeFile(file, bytes)
      scans.push({ file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, name: path.basename(file) })
    }
    const totalBytes = scans.reduce((n, s) => n + s.size, 0)
    const plain = new Client({
      endPoint: server.endpoint,
      port: server.port,
      useSSL: server.useSSL,
      region: server.region,
      accessKey: server.accessKey,
      secretKey: server.secretKey,
      pathStyle: true,
    })
    const runs: StoragePutRun[] = []
    for (const concurrency of levels) {
      const tag = `${Date.now().toString(36)}-${concurrency}`
      const store = new S3ObjectStore({
        endpoint: server.endpoint,
        port: server.port,
        useSSL: server.useSSL,
        region: server.region,
        bucket: `bench-verified-${tag}`,
        pathStyle: true,
        createBucket: true,
        partSizeMb: 16,
        accessKey: server.accessKey,
        secretKey: server.secretKey,
      })
      await store.init()
      const plainBucket = `bench-plain-${tag}`
      await plain.makeBucket(plainBucket, server.region)
      const meta = (s: (typeof scans)[number]) => ({
        'original-name': s.name,
        'received-at': '2026-01-05T09:00:00.000Z',
        'source-folder': 'fax',
        sha256: s.sha256,
      })
      const doPlain = (s: (typeof scans)[number]) =>
        plain
          .fPutObject(plainBucket, originalKey(s.sha256), s.file, {
            'Content-Type': 'application/pdf',
            ...Object.fromEntries(Object.entries(meta(s)).map(([k, v]) => [`x-amz-meta-${k}`, v])),
          })
          .then(() => {})
      const plainVerifyBucket = `bench-plainverify-${tag}`
      await plain.makeBucket(plainVerifyBucket, server.region)
      const doPlainVerify = async (s: (typeof scans)[number]) => {
        const key = originalKey(s.sha256)
        await plain.fPutObject(plainVerifyBucket, key, s.file, {
          'Content-Type': 'application/pdf',
          ...Object.fromEntries(Object.entries(meta(s)).map(([k, v]) => [`x-amz-meta-${k}`, v])),
        })
        const h = createHash('sha256')
        for await (const c of await plain.getObject(plainVerifyBucket, key)) h.update(c as Buffer)
        if (h.digest('hex') !== s.sha256) throw new Error('read-back mismatch')
      }
      const doVerified = (s: (typeof scans)[number]) =>
        putVerified(store, originalKey(s.sha256), s.file, s.sha256, { contentType: 'application/pdf', metadata: meta(s) }).then(() => {})
      const modes = { plain: doPlain, plainVerify: doPlainVerify, verified: doVerified }
      const ms = { plain: 0, plainVerify: 0, verified: 0 }
      const names = Object.keys(modes) as (keyof typeof modes)[]
      // Warm-up (connections, bucket caches) on a few files that are written again later.
      for (const m of names) await inParallel(scans.slice(0, 8), concurrency, modes[m])
      const per = Math.ceil(files / rounds)
      for (let r = 0; r < rounds; r++) {
        const chunk = scans.slice(r * per, (r + 1) * per)
        for (let j = 0; j < names.length; j++) {
          const m = names[(r + j) % names.length]!
          const t0 = performance.now()
          await inParallel(chunk, concurrency, modes[m])
          ms[m] += performance.now() - t0
        }
      }
      const { plain: plainMs, plainVerify: plainVerifyMs, verified: verifiedMs } = ms
      await store.close()
      const mb = totalBytes / 1024 / 1024
      runs.push({
        concurrency,
        plainSeconds: round(plainMs / 1000, 3),
        plainVerifySeconds: round(plainVerifyMs / 1000, 3),
        verifiedSeconds: round(verifiedMs / 1000, 3),
        plainPutsPerSecond: round(files / (plainMs / 1000), 1),
        plainVerifyPutsPerSecond: round(files / (plainVerifyMs / 1000), 1),
        verifiedPutsPerSecond: round(files / (verifiedMs / 1000), 1),
        plainMBps: round(mb / (plainMs / 1000), 1),
        verifiedMBps: round(mb / (verifiedMs / 1000), 1),
        overheadPct: round((verifiedMs / plainMs - 1) * 100, 1),
        layerOverheadPct: round((verifiedMs / plainVerifyMs - 1) * 100, 1),
      })
    }
    return {
      server: started
        ? 'ceph-rgw (local, in memory, started by the bench)'
        : `${server.useSSL ? 'https' : 'http'}://${server.endpoint}:${server.port}`,
      files,
      averageKb: round(totalBytes / files / 1024, 1),
      runs,
      targetOverheadPct: 15,
      meetsTarget: runs.every((r) => r.overheadPct < 15),
      layerMeetsTarget: runs.every((r) => r.layerOverheadPct < 15),
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true })
    await started?.stop()
  }
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const r = await runStoragePutBench({ files: Number(process.argv[2] ?? 500), sizeKb: Number(process.argv[3] ?? 300) })
  console.log(`storage put bench: ${r.files} scans of ~${r.averageKb} KB, ${r.server}`)
  for (const x of r.runs) {
    console.log(
      `  concurrency ${x.concurrency}: plain minio put ${x.plainPutsPerSecond}/s (${x.plainMBps} MB/s); by hand put+get+sha256 ${x.plainVerifyPutsPerSecond}/s; putVerified ${x.verifiedPutsPerSecond}/s (${x.verifiedMBps} MB/s)` +
        `\n    overhead vs plain put ${x.overheadPct}%, vs the same proof by hand ${x.layerOverheadPct}%`,
    )
  }
  console.log(
    `  target < ${r.targetOverheadPct}%: vs plain put ${r.meetsTarget ? 'met' : 'NOT met'}; chartclerk's layer ${r.layerMeetsTarget ? 'met' : 'NOT met'}`,
  )
}
