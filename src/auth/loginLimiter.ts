/**
 * Sign-in rate limiting, in memory: after `perAccount` failed attempts on one account from one
 * address, or `perAddress` failures from one address on any accounts, within `windowMs`, further
 * attempts are refused until the oldest failure leaves the window. A successful sign-in clears
 * that account's count from that address.
 *
 * One process serves the desk, so memory is enough; a restart forgets counts (and is logged).
 */
export interface LimiterOptions {
  perAccount: number
  perAddress: number
  windowMs: number
}

export const DEFAULT_LIMITS: LimiterOptions = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 }

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly opts: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.opts.windowMs
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff)
    if (list.length) this.failures.set(key, list)
    else this.failures.delete(key)
    return list
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  retryAfterMs(address: string, username: string): number {
    const acct = this.recent(`u:${address}:${username.toLowerCase()}`)
    const addr = this.recent(`a:${address}`)
    const wait = (list: number[], limit: number) => (list.length >= limit ? list[list.length - limit]! + this.opts.windowMs - this.now() : 0)
    return Math.max(0, wait(acct, this.opts.perAccount), wait(addr, this.opts.perAddress))
  }

  fail(address: string, username: string): void {
    const t = this.now()
    for (const key of [`u:${address}:${username.toLowerCase()}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), t])
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()].slice(0, 5_000)) this.recent(k)
  }

  succeed(address: string, username: string): void {
    this.failures.delete(`u:${address}:${username.toLowerCase()}`)
  }
}
