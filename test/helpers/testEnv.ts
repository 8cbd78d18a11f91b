/**
 * What the test suite reads from its own environment, apart from the product configuration:
 * CI=true (no suite may skip for a missing service), an outside S3 endpoint to test against
 * (CHARTCLERK_TEST_S3_*, e.g. a department's MinIO) and an outside PostgreSQL server
 * (CHARTCLERK_TEST_PG_URL, CHARTCLERK_TEST_PG_PASSWORD).
 */
export const CI = /^(1|true)$/i.test(process.env.CI ?? '')

export interface TestS3Endpoint {
  endpoint: string
  port: number
  useSSL: boolean
  accessKey: string
  secretKey: string
  region: string
}

/** The outside S3 endpoint the tests are told to use, if any. */
export function testS3Endpoint(env: NodeJS.ProcessEnv = process.env): TestS3Endpoint | undefined {
  const endpoint = env.CHARTCLERK_TEST_S3_ENDPOINT
  if (!endpoint) return undefined
  return {
    endpoint,
    port: Number(env.CHARTCLERK_TEST_S3_PORT ?? 9000),
    useSSL: /^(1|true)$/i.test(env.CHARTCLERK_TEST_S3_USE_SSL ?? ''),
    accessKey: env.CHARTCLERK_TEST_S3_ACCESS_KEY ?? '',
    secretKey: env.CHARTCLERK_TEST_S3_SECRET_KEY ?? '',
    region: env.CHARTCLERK_TEST_S3_REGION ?? 'us-east-1',
  }
}

/** The outside PostgreSQL server the tests are told to use, if any. */
export function testPgServer(env: NodeJS.ProcessEnv = process.env): { url: string; password: string | undefined } | undefined {
  return env.CHARTCLERK_TEST_PG_URL
    ? { url: env.CHARTCLERK_TEST_PG_URL, password: env.CHARTCLERK_TEST_PG_PASSWORD || undefined }
    : undefined
}
