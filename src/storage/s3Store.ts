/**
 * Originals in S3-compatible storage (MinIO, AWS S3, Ceph RGW) through minio-js.
 *
 * - Every request goes through `withRetry` (transient failures only) and every
 *   failure through `mapS3Error`, once. minio's own retry is off: it hides the S3
 *   error code and prints to the console.
 * - Metadata values are RFC 2047-encoded where headers could not carry them.
 * - Objects larger than storage.s3.partSizeMb go up as a multipart upload that is
 *   ours (not minio's putObject): each part is retried on its own, a failed upload is
 *   aborted, and a stale upload of the same key is never resumed with stale metadata.
 * - `retain: true` sets object lock retention (storage.s3.objectLock) right after the
 *   write, on the version just written.
 * - `delete` removes every version in a versioned bucket (like the filesystem
 *   backend, a delete is for good), newest first, so a version under retention
 *   stops it with STORAGE_OBJECT_LOCKED and the object stays readable.
 * - Secrets live only in private fields: `util.inspect(store)` and `description`
 *   show the endpoint and bucket, never the keys.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import { PassThrough, type Readable } from 'node:stream'
import { Client, CopyDestinationOptions, CopySourceOptions, type ClientOptions } from 'minio'
import { ChartclerkError } from '../errors.js'
import type { S3Settings } from '../config/config.js'
import type { Logger } from '../log.js'
import {
  assertValidKey,
  assertValidMetadata,
  type ListedObject,
  type ObjectInfo,
  type ObjectMetadata,
  type ObjectStore,
  type PutOptions,
  type PutSource,
  type StoreHealth,
} from './objectStore.js'
import { withRetry, type RetryOptions } from './retry.js'
import { mapS3Error } from './s3Errors.js'
import { decodeMetaValue, encodeMetadata, MAX_METADATA_BYTES, metadataBytes } from './s3Metadata.js'

export interface S3StoreOptions {
  retry?: RetryOptions
  /** A request with no answer for this long fails as STORAGE_UNAVAILABLE (transient). Default 60 s. */
  requestTimeoutMs?: number
  log?: Logger
}

const MiB = 1024 * 1024
/** Headers minio reports next to user metadata; everything else in metaData is ours. */
const SYSTEM_HEADERS = new Set([
  'content-type',
  'cache-control',
  'content-encoding',
  'content-disposition',
  'content-language',
  'x-amz-website-redirect-location',
])

interface BucketState {
  versioning: 'enabled' | 'suspended' | 'off' | 'unknown'
  objectLock: boolean
}

type VersionItem = { name: string; versionId?: string | null; isDeleteMarker?: boolean; lastModified?: Date }

export class S3ObjectStore implements ObjectStore {
  readonly backend = 's3' as const
  /** "s3 http://host:port bucket name": safe to print. */
  readonly description: string
  readonly bucket: string
  readonly #settings: S3Settings
  readonly #client: Client
  readonly #agent: http.Agent
  readonly #retry: RetryOptions
  readonly #log?: Logger
  readonly #endpoint: string
  readonly #partSize: number
  #state?: Promise<BucketState>

  constructor(settings: S3Settings, opts: S3StoreOptions = {}) {
    this.#settings = settings
    this.bucket = settings.bucket
    const ep = parseEndpoint(settings)
    this.#endpoint = `${ep.useSSL ? 'https' : 'http'}://${ep.host}${ep.port ? `:${ep.port}` : ''}`
    this.description = `s3 ${this.#endpoint} bucket ${settings.bucket}`
    this.#partSize = Math.max(5, settings.partSizeMb) * MiB
    this.#retry = opts.retry ?? {}
    this.#log = opts.log
    const timeoutMs = opts.requestTimeoutMs ?? 60_000
    this.#agent = ep.useSSL ? new https.Agent({ keepAlive: true, maxSockets: 32 }) : new http.Agent({ keepAlive: true, maxSockets: 32 })
    const lib = ep.useSSL ? https : http
    // A request that hangs (server stopped answering) must fail, so that the retry and the pipeline's pause can work.
    const transport = {
      request: (options: http.RequestOptions, cb?: (res: http.IncomingMessage) => void): http.ClientRequest => {
        const req = lib.request({ ...options, timeout: timeoutMs }, cb)
        req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })))
        return req
      },
    } as unknown as NonNullable<ClientOptions['transport']>
    try {
      this.#client = new Client({
        endPoint: ep.host,
        port: ep.port,
        useSSL: ep.useSSL,
        region: settings.region,
        pathStyle: settings.pathStyle,
        accessKey: settings.accessKey,
        secretKey: settings.secretKey,
        partSize: this.#partSize,
        transport,
        transportAgent: this.#agent,
        retryOptions: { disableRetry: true },
      })
    } catch (err) {
      throw new ChartclerkError(
        'CONFIG_INVALID',
        `Setting storage.s3.endpoint or storage.s3.port is not usable (${(err as Error).message}). Fix it and start again.`,
        {
          detail: 'invalid s3 endpoint',
        },
      )
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  #map(err: unknown, op: string, key?: string): ChartclerkError {
    return mapS3Error(err, {
      op,
      key,
      bucket: this.bucket,
      endpoint: this.#endpoint,
      secrets: [this.#settings.accessKey, this.#settings.secretKey],
    })
  }

  /** One S3 call: retried when transient, mapped once. */
  #call<T>(op: string, key: string | undefined, fn: () => Promise<T>): Promise<T> {
    return withRetry(
      async () => {
        try {
          return await fn()
        } catch (err) {
          throw this.#map(err, op, key)
        }
      },
      {
        ...this.#retry,
        onRetry: (err, attempt, delayMs) => {
          this.#retry.onRetry?.(err, attempt, delayMs)
          this.#log?.warn(
            { op, code: (err as ChartclerkError).code, attempt, delayMs, store: this.description },
            'storage request failed; retrying',
          )
        },
      },
    )
  }

  #bucketState(): Promise<BucketState> {
    this.#state ??= this.#detect().catch((err) => {
      this.#state = undefined
      throw err
    })
    return this.#state
  }

  async #detect(): Promise<BucketState> {
    const v = await this.#call('get versioning', undefined, () => this.#client.getBucketVersioning(this.bucket))
    // minio gives {Status: 'Enabled' | 'Suspended'}, or '' for a bucket that never had versioning.
    const status = typeof v === 'object' && v !== null ? (v as { Status?: string }).Status : undefined
    const versioning = status === 'Enabled' ? 'enabled' : status === 'Suspended' ? 'suspended' : 'off'
    let objectLock = false
    try {
      // (minio's typings declare a void overload first; the promise form is the one that runs)
      const client = this.#client as unknown as { getObjectLockConfig(bucket: string): Promise<{ objectLockEnabled?: string }> }
      const lock = await this.#call('get object lock', undefined, () => client.getObjectLockConfig(this.bucket))
      objectLock = lock.objectLockEnabled === 'Enabled'
    } catch (err) {
      // "ObjectLockConfigurationNotFoundError": the bucket has none. Other refusals: treat as none, but keep outages.
      if ((err as ChartclerkError).transient) throw err
    }
    return { versioning, objectLock }
  }

  #headers(opts: PutOptions): Record<string, string> {
    assertValidMetadata(opts.metadata)
    const encoded = encodeMetadata(opts.metadata ?? {})
    if (metadataBytes(encoded) > MAX_METADATA_BYTES) {
      throw new ChartclerkError(
        'STORAGE_FAILED',
        'The file name or folder is too long to keep as storage metadata. Rename the file to something shorter and drop it in the inbox again.',
        {
          detail: `metadata ${metadataBytes(encoded)} bytes > ${MAX_METADATA_BYTES}`,
        },
      )
    }
    const headers: Record<string, string> = { 'Content-Type': opts.contentType || 'application/octet-stream' }
    for (const [k, v] of Object.entries(encoded)) headers[`x-amz-meta-${k}`] = v
    return headers
  }

  // ---- ObjectStore ---------------------------------------------------------------------------

  async init(): Promise<void> {
    const s = this.#settings
    const exists = await this.#call('check bucket', undefined, () => this.#client.bucketExists(this.bucket))
    if (!exists) {
      if (!s.createBucket) throw this.#map(Object.assign(new Error('bucket does not exist'), { code: 'NoSuchBucket' }), 'init')
      try {
        await this.#call('create bucket', undefined, () =>
          this.#client.makeBucket(this.bucket, s.region, { ObjectLocking: Boolean(s.objectLock) }),
        )
      } catch (err) {
        // Another chartclerk created it at the same moment: fine.
        if (!/BucketAlreadyOwnedByYou/.test(String((err as Error).message))) throw err
      }
    }
    this.#state = undefined
    const state = await this.#bucketState()
    if (s.objectLock && !state.objectLock) {
      throw new ChartclerkError(
        'CONFIG_INVALID',
        `Setting storage.s3.objectLock is set, but bucket "${this.bucket}" on ${this.#endpoint} has no object lock (it can only be switched on when a bucket is created). Use a bucket created with object lock, or remove storage.s3.objectLock.`,
        { detail: 'bucket without object lock' },
      )
    }
  }

  async health(): Promise<StoreHealth> {
    const description = this.description
    try {
      const exists = await this.#client.bucketExists(this.bucket)
      if (!exists) return { reachable: false, description, detail: 'STORAGE_BUCKET_MISSING' }
      this.#state = undefined
      const state = await this.#bucketState()
      return { reachable: true, description, versioning: state.versioning, objectLock: state.objectLock }
    } catch (err) {
      const mapped = this.#map(err, 'health')
      return { reachable: false, description, detail: mapped.code }
    }
  }

  async put(key: string, source: PutSource, opts: PutOptions = {}): Promise<void> {
    assertValidKey(key)
    const headers = this.#headers(opts)
    const size = 'buffer' in source ? source.buffer.length : await sourceSize(source.path)
    let versionId: string | null | undefined
    if (size <= this.#partSize) {
      const res = await this.#call('put', key, () =>
        this.#client.putObject(this.bucket, key, 'buffer' in source ? source.buffer : createReadStream(source.path), size, headers),
      )
      versionId = res.versionId
    } else {
      versionId = await this.#multipart(key, source, size, headers)
    }
    if (opts.retain && this.#settings.objectLock) {
      const { mode, days } = this.#settings.objectLock
      const retainUntilDate = new Date(Date.now() + days * 86_400_000).toISOString()
      const retention = versionId ? { versionId, mode, retainUntilDate } : { mode, retainUntilDate }
      await this.#call('set retention', key, () =>
        this.#client.putObjectRetention(this.bucket, key, retention as Parameters<Client['putObjectRetention']>[2]),
      )
    }
  }

  async #multipart(key: string, source: PutSource, size: number, headers: Record<string, string>): Promise<string | null | undefined> {
    const uploadId = await this.#call('start upload', key, () => this.#client.initiateNewMultipartUpload(this.bucket, key, headers))
    const file = 'path' in source ? await fs.open(source.path, 'r').catch((err) => Promise.reject(sourceError(err))) : undefined
    try {
      const parts: { part: number; etag: string }[] = []
      for (let offset = 0, part = 1; offset < size; offset += this.#partSize, part++) {
        const len = Math.min(this.#partSize, size - offset)
        let chunk: Buffer
        if (file) {
          chunk = Buffer.allocUnsafe(len)
          const { bytesRead } = await file.read(chunk, 0, len, offset)
          if (bytesRead !== len)
            throw new ChartclerkError('FILE_VANISHED', 'The file changed while it was being stored. chartclerk will try again.', {
              detail: 'short read',
              transient: true,
            })
        } else {
          chunk = (source as { buffer: Buffer }).buffer.subarray(offset, offset + len)
        }
        const md5 = createHash('md5').update(chunk).digest('base64')
        const res = await this.#call('upload part', key, () =>
          this.#client.uploadPart(
            {
              bucketName: this.bucket,
              objectName: key,
              uploadID: uploadId,
              partNumber: part,
              headers: { 'Content-Length': len, 'Content-MD5': md5 },
            },
            chunk,
          ),
        )
        parts.push({ part, etag: res.etag })
      }
      const done = await this.#call('finish upload', key, () => this.#client.completeMultipartUpload(this.bucket, key, uploadId, parts))
      return (done as { versionId?: string | null }).versionId
    } catch (err) {
      await this.#client.abortMultipartUpload(this.bucket, key, uploadId).catch(() => {})
      throw err
    } finally {
      await file?.close()
    }
  }

  async get(key: string): Promise<Buffer> {
    assertValidKey(key)
    return this.#call('get', key, async () => {
      const s = await this.#client.getObject(this.bucket, key)
      const chunks: Buffer[] = []
      for await (const c of s) chunks.push(c as Buffer)
      return Buffer.concat(chunks)
    })
  }

  async getStream(key: string): Promise<Readable> {
    assertValidKey(key)
    const s = await this.#call('get', key, () => this.#client.getObject(this.bucket, key))
    // Errors in the middle of the body are mapped too; closing ours closes the request.
    const out = new PassThrough()
    s.on('error', (err) => out.destroy(this.#map(err, 'get', key)))
    out.on('close', () => s.destroy())
    s.pipe(out)
    return out
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    assertValidKey(key)
    try {
      const st = await this.#call('stat', key, () => this.#client.statObject(this.bucket, key))
      const metadata: ObjectMetadata = {}
      let contentType: string | undefined
      for (const [k, v] of Object.entries(st.metaData as Record<string, unknown>)) {
        const lk = k.toLowerCase()
        if (lk === 'content-type') contentType = String(v)
        else if (!SYSTEM_HEADERS.has(lk) && !lk.startsWith('x-amz-')) metadata[lk] = decodeMetaValue(String(v))
      }
      return { key, size: st.size, lastModified: st.lastModified, contentType, metadata }
    } catch (err) {
      if ((err as ChartclerkError).code === 'STORAGE_NOT_FOUND') return null
      throw err
    }
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    let token = ''
    for (;;) {
      const page = await this.#call('list', prefix || undefined, () =>
        this.#client.listObjectsV2Query(this.bucket, prefix, token, '', 1000, ''),
      )
      for (const o of page.objects) {
        if (o.name === undefined) continue
        yield { key: o.name, size: o.size, lastModified: o.lastModified }
      }
      if (!page.isTruncated || !page.nextContinuationToken) return
      token = page.nextContinuationToken
    }
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    assertValidKey(fromKey)
    assertValidKey(toKey)
    await this.#call('copy', fromKey, () =>
      this.#client.copyObject(
        new CopySourceOptions({ Bucket: this.bucket, Object: fromKey }),
        new CopyDestinationOptions({ Bucket: this.bucket, Object: toKey }),
      ),
    )
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key)
    const state = await this.#bucketState()
    if (state.versioning === 'off') {
      await this.#call('delete', key, () => this.#client.removeObject(this.bucket, key))
      return
    }
    const versions = await this.#call('list versions', key, async () => {
      const out: VersionItem[] = []
      for await (const v of this.#client.listObjects(this.bucket, key, true, { IncludeVersion: true }) as AsyncIterable<VersionItem>) {
        if (v.name === key) out.push(v)
      }
      return out
    })
    // Newest first: if the current version is retained, nothing is removed.
    versions.sort((a, b) => (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0))
    for (const v of versions) {
      await this.#call('delete', key, () =>
        this.#client.removeObject(this.bucket, key, v.versionId ? { versionId: v.versionId } : undefined),
      )
    }
  }

  async close(): Promise<void> {
    this.#agent.destroy()
  }

  /** For tests and `storage verify`: what the bucket offers. */
  async bucketFeatures(): Promise<BucketState> {
    this.#state = undefined
    return this.#bucketState()
  }
}

function parseEndpoint(s: S3Settings): { host: string; port?: number; useSSL: boolean } {
  if (/^[a-z]+:\/\//i.test(s.endpoint)) {
    let u: URL
    try {
      u = new URL(s.endpoint)
    } catch {
      throw new ChartclerkError(
        'CONFIG_INVALID',
        `Setting storage.s3.endpoint ("${s.endpoint}") is not a host name or URL. Fix it and start again.`,
        { detail: 'bad endpoint' },
      )
    }
    const useSSL = u.protocol === 'https:'
    return { host: u.hostname, port: s.port ?? (u.port ? Number(u.port) : undefined), useSSL }
  }
  return { host: s.endpoint, port: s.port, useSSL: s.useSSL }
}

async function sourceSize(path: string): Promise<number> {
  try {
    return (await fs.stat(path)).size
  } catch (err) {
    throw sourceError(err)
  }
}

function sourceError(err: unknown): ChartclerkError {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new ChartclerkError(
      'FILE_VANISHED',
      'The file to be stored is no longer there. If it was moved on purpose, nothing needs doing.',
      { cause: err, detail: code },
    )
  return new ChartclerkError('STORAGE_FAILED', 'The file to be stored cannot be read. See the log.', { cause: err, detail: code })
}
