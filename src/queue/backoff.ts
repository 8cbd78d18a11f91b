/**
 * How long a job waits after its n-th failed run: base * 2^(n-1), plus up to as much again at
 * random, so jobs that failed together (a storage outage) do not all come back at once. The
 * same curve as pg-boss's `retryBackoff`, so both engines wait alike.
 */
export function backoffMs(baseSeconds: number, failedRuns: number, random: () => number = Math.random): number {
  const step = baseSeconds * 2 ** Math.min(16, Math.max(0, failedRuns - 1))
  return Math.round((step + step * random()) * 1000)
}
