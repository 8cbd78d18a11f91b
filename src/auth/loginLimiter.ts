/**
 * Sign-in rate limiting, in memory. Two counts, each over `windowMs`:
 * - per account, from any address: after `perAccount` failed attempts on one account, further
 *   attempts on it are refused until the oldest failure leaves the window;
 * - per address, on any accounts: after `perAddress` failures from one client address. Only for
 *   a real client address: behind a TLS proxy every client would share the proxy's address, and
 *   one person could lock everyone out (see web.trustProxy).
 * A successful sign-in clears that account's count.
 *
 * One process serves the desk, so memory is enough; a restart forgets counts (and is logged).
 */
export interface LimiterOptions {
  perAccount: number
  perAddress: number
  windowMs: number
}

export const DEFAULT_LIMITS: LimiterOptions = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 }

/** Where an attempt comes from: `real` false when the address is shared (a proxy's) or unknown. */
export interface AttemptSource {
  address: string
  real: boolean
}

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

  private keys(from: AttemptSource, username: string): string[] {
    const keys = [`u:${username.trim().toLowerCase()}`]
    if (from.real) keys.push(`a:${from.address}`)
    return keys
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  retryAfterMs(from: AttemptSource, username: string): number {
    const wait = (list: number[], limit: number) =>
      list.length >= limit ? list[list.length - limit]! + this.opts.windowMs - this.now() : 0
    const [acct, addr] = this.keys(from, username)
    return Math.max(0, wait(this.recent(acct!), this.opts.perAccount), addr ? wait(this.recent(addr), this.opts.perAddress) : 0)
  }

  fail(from: AttemptSource, username: string): void {
    const t = this.now()
    for (const key of this.keys(from, username)) this.failures.set(key, [...this.recent(key), t])
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()].slice(0, 5_000)) this.recent(k)
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username.trim().toLowerCase()}`)
  }
}
