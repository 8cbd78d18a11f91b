/**
 * The one place where S3 failures (minio's S3Error codes, Node network errors,
 * minio's own "Retryable HTTP status" errors) become chartclerk error codes, each
 * with an action a person can follow. Nothing above src/storage sees an S3 code.
 *
 * Secrets: AWS puts the access key id into some error bodies (and minio copies every
 * field of the XML onto the error), so the original error is never kept as `cause`;
 * a scrubbed summary is kept instead.
 */
import { ChartclerkError, type ErrorCode } from '../errors.js'

export interface S3ErrorContext {
  /** What chartclerk was doing: 'put', 'get', 'stat', 'list', 'copy', 'delete', 'init', 'health', ... */
  op: string
  key?: string
  bucket: string
  /** Printable endpoint without credentials, e.g. http://127.0.0.1:7480 */
  endpoint: string
  /** Strings that must never appear in any text of the result (access key, secret key). */
  secrets?: readonly string[]
}

const NOT_FOUND = new Set(['NoSuchKey', 'NotFound', 'NoSuchVersion'])
const BUCKET_MISSING = new Set(['NoSuchBucket'])
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
  'TokenRefreshRequired',
  'AccountProblem',
  'AllAccessDisabled',
  'InvalidSecurity',
])
const UNAVAILABLE_S3 = new Set([
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
  'RequestTimeout',
  'OperationAborted',
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequests',
  'XMinioServerNotInitialized',
  'XMinioStorageFull',
])
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ECONNABORTED',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'ERR_STREAM_PREMATURE_CLOSE',
])
const LOCK_TEXT = /object ?lock|worm protected|retention|legal ?hold/i

interface ErrLike {
  name?: string
  code?: string
  message?: string
  statusCode?: number
  cause?: unknown
}

/** Status code from minio's "Request failed after N retries: Error: Retryable HTTP status: 503". */
function retryableStatus(message: string): number | undefined {
  const m = /Retryable HTTP status: (\d{3})/.exec(message)
  return m ? Number(m[1]) : undefined
}

export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join('[redacted]')
  return out
}

/** The chartclerk code for an S3 or network failure. Clock skew, bad arguments and the like are not transient. */
export function classifyS3Error(err: unknown): { code: ErrorCode; transient: boolean; s3Code: string } {
  const e = (err ?? {}) as ErrLike
  const code = typeof e.code === 'string' ? e.code : ''
  const message = typeof e.message === 'string' ? e.message : String(err)
  // Network errors may sit one level down (AggregateError, fetch-style causes).
  const causeCode = typeof (e.cause as ErrLike | undefined)?.code === 'string' ? (e.cause as ErrLike).code! : ''
  const status = retryableStatus(message) ?? (typeof e.statusCode === 'number' ? e.statusCode : undefined)

  if (code === 'ObjectLocked' || ((code === 'AccessDenied' || code === 'InvalidRequest') && LOCK_TEXT.test(message))) {
    return { code: 'STORAGE_OBJECT_LOCKED', transient: false, s3Code: code }
  }
  if (BUCKET_MISSING.has(code)) return { code: 'STORAGE_BUCKET_MISSING', transient: false, s3Code: code }
  if (NOT_FOUND.has(code)) return { code: 'STORAGE_NOT_FOUND', transient: false, s3Code: code }
  if (ACCESS_DENIED.has(code)) return { code: 'STORAGE_ACCESS_DENIED', transient: false, s3Code: code }
  if (UNAVAILABLE_S3.has(code)) return { code: 'STORAGE_UNAVAILABLE', transient: true, s3Code: code }
  if (NETWORK.has(code) || NETWORK.has(causeCode) || /socket hang up/i.test(message)) {
    return { code: 'STORAGE_UNAVAILABLE', transient: true, s3Code: code || causeCode || 'ECONNRESET' }
  }
  if (status !== undefined && (status >= 500 || status === 408 || status === 429 || status === 499)) {
    return { code: 'STORAGE_UNAVAILABLE', transient: true, s3Code: code || `HTTP ${status}` }
  }
  return { code: 'STORAGE_FAILED', transient: false, s3Code: code || (e.name ?? 'Error') }
}

/** Maps anything an S3 call threw to a ChartclerkError. ChartclerkErrors pass through unchanged. */
export function mapS3Error(err: unknown, ctx: S3ErrorContext): ChartclerkError {
  if (err instanceof ChartclerkError) return err
  const { code, transient, s3Code } = classifyS3Error(err)
  const e = (err ?? {}) as ErrLike
  const rawMessage = typeof e.message === 'string' ? e.message : String(err)
  const what = ctx.key ? `${ctx.op} ${ctx.key}` : ctx.op
  const detail = scrub(`${what}: ${s3Code}${rawMessage && rawMessage !== s3Code ? ` (${rawMessage.slice(0, 200)})` : ''}`, ctx.secrets)
  const where = `bucket "${ctx.bucket}" on ${ctx.endpoint}`
  const cause = new Error(detail)
  cause.name = 'S3Failure'
  let action: string
  switch (code) {
    case 'STORAGE_NOT_FOUND':
      action = ctx.key
        ? `Stored object ${ctx.key} is missing from ${where}. Run "chartclerk storage verify" and tell the system administrator.`
        : `Something chartclerk expected is missing from ${where}. Run "chartclerk storage verify" and tell the system administrator.`
      break
    case 'STORAGE_BUCKET_MISSING':
      action = `The bucket "${ctx.bucket}" does not exist on ${ctx.endpoint}. Ask the storage administrator to create it (with object lock if storage.s3.objectLock is set), or set storage.s3.createBucket to true, then start chartclerk again.`
      break
    case 'STORAGE_ACCESS_DENIED':
      action = `The storage server ${ctx.endpoint} refused chartclerk (${s3Code}). Check the keys in CHARTCLERK_S3_ACCESS_KEY and CHARTCLERK_S3_SECRET_KEY (or their _FILE variants) and that they may read and write ${where}.`
      break
    case 'STORAGE_UNAVAILABLE':
      action = `The document storage server ${ctx.endpoint} cannot be reached or is overloaded (${s3Code}). chartclerk leaves files in the inbox and tries again by itself; if this lasts, check that the storage server is running and reachable.`
      break
    case 'STORAGE_OBJECT_LOCKED':
      action = ctx.key
        ? `${ctx.key} is protected by object lock retention in ${where} and cannot be removed or changed before its retention date. Nothing was lost; if it really must go, the storage administrator has to lift the retention.`
        : `The object is protected by object lock retention in ${where}. Nothing was lost; if it really must go, the storage administrator has to lift the retention.`
      break
    default:
      action = `The document storage server ${ctx.endpoint} refused a request (${s3Code}). See the log and tell the system administrator.`
  }
  return new ChartclerkError(code, scrub(action, ctx.secrets), { cause, detail, transient })
}
