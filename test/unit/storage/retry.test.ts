import { describe, expect, it } from 'vitest'
import { ChartclerkError } from '../../../src/errors.js'
import { backoffDelay, withRetry } from '../../../src/storage/retry.js'

const outage = () => new ChartclerkError('STORAGE_UNAVAILABLE', 'down', { transient: true })
const denied = () => new ChartclerkError('STORAGE_ACCESS_DENIED', 'no')

describe('backoffDelay', () => {
  it('doubles the cap per retry, stays within [cap/2, cap], and never exceeds maxDelayMs', () => {
    for (const r of [0, 0.5, 0.999]) {
      const rnd = () => r
      expect(backoffDelay(1, 100, 5000, rnd)).toBeGreaterThanOrEqual(50)
      expect(backoffDelay(1, 100, 5000, rnd)).toBeLessThanOrEqual(100)
      expect(backoffDelay(3, 100, 5000, rnd)).toBeGreaterThanOrEqual(200)
      expect(backoffDelay(3, 100, 5000, rnd)).toBeLessThanOrEqual(400)
      expect(backoffDelay(30, 100, 5000, rnd)).toBeLessThanOrEqual(5000)
      expect(backoffDelay(30, 100, 5000, rnd)).toBeGreaterThanOrEqual(2500)
    }
  })

  it('jitter spreads clients that failed together', () => {
    const values = new Set(Array.from({ length: 50 }, () => backoffDelay(4, 100, 5000)))
    expect(values.size).toBeGreaterThan(10)
  })
})

describe('withRetry', () => {
  it('GIVEN transient failures THEN it retries with growing waits until success', async () => {
    const waits: number[] = []
    let calls = 0
    const v = await withRetry(
      async () => {
        if (++calls < 4) throw outage()
        return 'ok'
      },
      { attempts: 5, baseDelayMs: 100, maxDelayMs: 10_000, random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
    )
    expect(v).toBe('ok')
    expect(calls).toBe(4)
    expect(waits).toEqual([75, 150, 300])
  })

  it('GIVEN a non-transient error THEN it is thrown at once', async () => {
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw denied()
        },
        { sleep: async () => {} },
      ),
    ).rejects.toMatchObject({ code: 'STORAGE_ACCESS_DENIED' })
    expect(calls).toBe(1)
  })

  it('GIVEN an outage that outlasts the attempts THEN the last error comes out after exactly `attempts` calls', async () => {
    let calls = 0
    const retries: number[] = []
    await expect(
      withRetry(
        async () => {
          calls++
          throw outage()
        },
        { attempts: 3, sleep: async () => {}, onRetry: (_e, n) => retries.push(n) },
      ),
    ).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
    expect(calls).toBe(3)
    expect(retries).toEqual([1, 2])
  })

  it('GIVEN an abort during a wait THEN it stops waiting and rethrows', async () => {
    const ac = new AbortController()
    let calls = 0
    const t0 = Date.now()
    const p = withRetry(
      async () => {
        calls++
        throw outage()
      },
      { attempts: 10, baseDelayMs: 10_000, maxDelayMs: 10_000, signal: ac.signal },
    )
    setTimeout(() => ac.abort(), 20)
    await expect(p).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' })
    expect(calls).toBe(1)
    expect(Date.now() - t0).toBeLessThan(2000)
  })

  it('a custom isRetryable decides what is retried', async () => {
    let calls = 0
    const v = await withRetry(
      async () => {
        if (++calls === 1) throw new Error('flaky')
        return calls
      },
      { isRetryable: (e) => (e as Error).message === 'flaky', sleep: async () => {} },
    )
    expect(v).toBe(2)
  })
})
