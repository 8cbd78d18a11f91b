import { inspect } from 'node:util'
import { S3Error } from 'minio'
import { describe, expect, it } from 'vitest'
import { ChartclerkError } from '../../../src/errors.js'
import { classifyS3Error, mapS3Error } from '../../../src/storage/s3Errors.js'

const ctx = {
  op: 'put',
  key: 'originals/abc',
  bucket: 'records',
  endpoint: 'http://10.0.0.5:9000',
  secrets: ['AKIAEXAMPLEKEY123', 'sEcReTsEcReT'],
}

function s3Error(code: string, message = '', extra: Record<string, unknown> = {}): S3Error {
  const e = new S3Error(message)
  return Object.assign(e, { code }, extra)
}
function netError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.5:9000`), { code })
}

describe('classifyS3Error', () => {
  it.each([
    ['NoSuchKey', 'STORAGE_NOT_FOUND', false],
    ['NotFound', 'STORAGE_NOT_FOUND', false],
    ['NoSuchBucket', 'STORAGE_BUCKET_MISSING', false],
    ['AccessDenied', 'STORAGE_ACCESS_DENIED', false],
    ['InvalidAccessKeyId', 'STORAGE_ACCESS_DENIED', false],
    ['SignatureDoesNotMatch', 'STORAGE_ACCESS_DENIED', false],
    ['SlowDown', 'STORAGE_UNAVAILABLE', true],
    ['ServiceUnavailable', 'STORAGE_UNAVAILABLE', true],
    ['InternalError', 'STORAGE_UNAVAILABLE', true],
    ['RequestTimeout', 'STORAGE_UNAVAILABLE', true],
    ['ObjectLocked', 'STORAGE_OBJECT_LOCKED', false],
    ['InvalidBucketName', 'STORAGE_FAILED', false],
    ['RequestTimeTooSkewed', 'STORAGE_FAILED', false],
  ])('S3 code %s -> %s (transient %s)', (code, expected, transient) => {
    expect(classifyS3Error(s3Error(code))).toMatchObject({ code: expected, transient })
  })

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN'])(
    'network error %s -> STORAGE_UNAVAILABLE, transient',
    (code) => {
      expect(classifyS3Error(netError(code))).toMatchObject({ code: 'STORAGE_UNAVAILABLE', transient: true })
    },
  )

  it('object lock refusals arrive as AccessDenied; their text tells them apart (RGW, AWS, MinIO wording)', () => {
    for (const m of [
      'forbidden by object lock',
      'Access Denied because object protected by object lock.',
      'Object is WORM protected and cannot be overwritten',
    ]) {
      expect(classifyS3Error(s3Error('AccessDenied', m)).code).toBe('STORAGE_OBJECT_LOCKED')
    }
    expect(classifyS3Error(s3Error('AccessDenied', 'Access Denied')).code).toBe('STORAGE_ACCESS_DENIED')
  })

  it("minio's 'Retryable HTTP status' errors (5xx, 429) are outages", () => {
    expect(classifyS3Error(new Error('Request failed after 0 retries: Error: Retryable HTTP status: 503'))).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      transient: true,
    })
    expect(classifyS3Error(new Error('Request failed after 0 retries: Error: Retryable HTTP status: 429'))).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      transient: true,
    })
    expect(classifyS3Error(Object.assign(new Error('x'), { statusCode: 502 }))).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      transient: true,
    })
  })

  it('socket hang up and errors wrapped one level down are outages', () => {
    expect(classifyS3Error(new Error('socket hang up')).code).toBe('STORAGE_UNAVAILABLE')
    expect(classifyS3Error(Object.assign(new Error('fetch failed'), { cause: netError('ECONNRESET') })).code).toBe('STORAGE_UNAVAILABLE')
  })

  it('anything else is STORAGE_FAILED, not transient', () => {
    expect(classifyS3Error(new TypeError('boom'))).toMatchObject({ code: 'STORAGE_FAILED', transient: false })
    expect(classifyS3Error(undefined)).toMatchObject({ code: 'STORAGE_FAILED', transient: false })
  })
})

describe('mapS3Error', () => {
  it('gives a ChartclerkError with an action naming the bucket and endpoint, and the S3 code in the detail', () => {
    const e = mapS3Error(s3Error('NoSuchBucket'), ctx)
    expect(e).toBeInstanceOf(ChartclerkError)
    expect(e.code).toBe('STORAGE_BUCKET_MISSING')
    expect(e.action).toContain('"records"')
    expect(e.action).toContain('http://10.0.0.5:9000')
    expect(e.message).toContain('NoSuchBucket')
  })

  it('each code has an action a person can follow', () => {
    expect(mapS3Error(s3Error('NoSuchKey'), ctx).action).toMatch(/chartclerk storage verify/)
    expect(mapS3Error(s3Error('AccessDenied'), ctx).action).toMatch(/CHARTCLERK_S3_ACCESS_KEY/)
    expect(mapS3Error(netError('ECONNREFUSED'), ctx).action).toMatch(/leaves files in the inbox and tries again by itself/)
    expect(mapS3Error(s3Error('AccessDenied', 'forbidden by object lock'), ctx).action).toMatch(/retention/)
  })

  it('GIVEN an S3 error body that echoes the access key (as AWS does) THEN no text of the mapped error contains a secret', () => {
    const raw = s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match. AKIAEXAMPLEKEY123', {
      awsaccesskeyid: 'AKIAEXAMPLEKEY123',
      stringtosign: 'AWS4-HMAC-SHA256 ... sEcReTsEcReT',
    })
    const e = mapS3Error(raw, ctx)
    expect(e.code).toBe('STORAGE_ACCESS_DENIED')
    for (const text of [e.message, e.action, JSON.stringify(e), inspect(e, { depth: 10 }), String(e.cause)]) {
      expect(text).not.toContain('AKIAEXAMPLEKEY123')
      expect(text).not.toContain('sEcReTsEcReT')
    }
  })

  it('a ChartclerkError passes through unchanged', () => {
    const original = new ChartclerkError('FILE_VANISHED', 'gone')
    expect(mapS3Error(original, ctx)).toBe(original)
  })
})
