/**
 * Retrying transient failures (storage outage, throttling, timeouts) with bounded
 * exponential backoff and jitter. Used by the S3 store around every request; the
 * pipeline may use it too. Only errors that say they are transient are retried.
 *
 * @example
 *   const buf = await withRetry(() => store.get(key), { attempts: 5, onRetry: (e, n, ms) => log.warn({ code: e.code, n, ms }, 'retrying') })
 */
import { isChartclerkError } from '../errors.js'

export interface RetryOptions {
  /** Total attempts including the first (>= 1). Default 5. */
  attempts?: number
  /** Delay cap for the first retry, doubled for each further one. Default 200 ms. */
  baseDelayMs?: number
  /** No single wait is longer than this. Default 5000 ms. */
  maxDelayMs?: number
  /** Stop waiting and rethrow the last error when aborted. */
  signal?: AbortSignal
  /** Which errors to retry; default: ChartclerkErrors with `transient: true`. */
  isRetryable?: (err: unknown) => boolean
  /** Called before each wait (for logging: code, attempt, delay; never secrets). */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void
  /** For tests: a random source in [0, 1) and a sleep. */
  random?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export const DEFAULT_RETRY: Readonly<Required<Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs'>>> = Object.freeze({
  attempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 5000,
})

export const isTransient = (err: unknown): boolean => isChartclerkError(err) && err.transient

/**
 * Delay before retry number `retry` (1-based): "equal jitter", i.e. half of the
 * exponential cap plus a random part of the other half, so waits grow steadily but
 * clients that failed together do not retry together. Never above maxDelayMs.
 */
export function backoffDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1))
  return Math.round(cap / 2 + random() * (cap / 2))
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = (): void => {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const t = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** Runs `fn` until it succeeds, fails with a non-retryable error, or attempts run out. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, Math.floor(opts.attempts ?? DEFAULT_RETRY.attempts))
  const base = opts.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs
  const max = opts.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs
  const retryable = opts.isRetryable ?? isTransient
  const wait = opts.sleep ?? sleep
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (err) {
      if (attempt >= attempts || !retryable(err) || opts.signal?.aborted) throw err
      const delay = backoffDelay(attempt, base, max, opts.random)
      opts.onRetry?.(err, attempt, delay)
      await wait(delay, opts.signal)
      if (opts.signal?.aborted) throw err
    }
  }
}
