import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // OCR and SQLite are native/wasm-heavy; two forks match the 2-core machines we run on.
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default'],
    // A real S3 (Ceph RGW) and a real PostgreSQL for test files that use them; see
    // test/integration/s3-global-setup.ts and test/support/pg-global-setup.ts.
    globalSetup: ['test/integration/s3-global-setup.ts', 'test/support/pg-global-setup.ts'],
  },
})
