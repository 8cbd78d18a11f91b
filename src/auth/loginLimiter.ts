/**
 * Sign-in rate limiting, counted in the catalog (table login_failures, migration 21), so every
 * desk on one PostgreSQL catalog shares the counts: a guesser gets the same number of attempts
 * however many desks stand behind the proxy. Two counts, each over `windowMs`:
 * - per account, from any address: after `perAccount` failed attempts on one account, further
 *   attempts on it are refused until the oldest of those failures leaves the window;
 * - per address, on any accounts: after `perAddress` failures from one client address. Only for
 *   a real client address: behind a TLS proxy every client would share the proxy's address, and
 *   one person could lock everyone out (see web.trustProxy).
 * A successful sign-in clears that account's count.
 *
 * What is kept: per failure, the user name as typed (trimmed, lower-cased) and, when real, the
 * address, with the time; never a password. Recording a failure deletes rows older than the
 * window and, on each of its subjects, those beyond the limit (older ones no longer change the
 * wait), so the table holds at most what the last window's failures need.
 *
 * Checking and recording are two steps: attempts already under way (on any desk) when the limit
 * is reached still finish, as they did on one desk; the limit is not multiplied by the desks.
 */
import type { SelectQueryBuilder } from 'kysely'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { CatalogTables } from '../catalog/sql/tables.js'

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

type Kind = 'account' | 'address'

interface Count {
  kind: Kind
  subject: string
  limit: number
}

/** The account a sign-in names, as it is counted: the user name as typed, trimmed and lower-cased. */
export const accountKey = (username: string): string => username.trim().toLowerCase()

export class LoginLimiter {
  constructor(
    private readonly sql: SqlCatalog,
    private readonly opts: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private counts(from: AttemptSource, username: string): Count[] {
    const counts: Count[] = [{ kind: 'account', subject: accountKey(username), limit: this.opts.perAccount }]
    if (from.real) counts.push({ kind: 'address', subject: from.address, limit: this.opts.perAddress })
    return counts
  }

  private cutoff(): string {
    return new Date(this.now() - this.opts.windowMs).toISOString()
  }

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  async retryAfterMs(from: AttemptSource, username: string): Promise<number> {
    let wait = 0
    for (const c of this.counts(from, username)) {
      if (c.limit <= 0) continue
      // The limit-th most recent failure within the window: the attempt waits until it leaves.
      const row = await this.sql.db
        .selectFrom('login_failures')
        .select('failed_at')
        .where('kind', '=', c.kind)
        .where('subject', '=', c.subject)
        .where('failed_at', '>', this.cutoff())
        .orderBy('failed_at', 'desc')
        .orderBy('id', 'desc')
        .offset(c.limit - 1)
        .limit(1)
        .executeTakeFirst()
      if (row) wait = Math.max(wait, Date.parse(row.failed_at) + this.opts.windowMs - this.now())
    }
    return Math.max(0, wait)
  }

  /**
   * Records a failed attempt on both counts, then prunes what no count needs any more. The
   * failure is written first, on its own, so that it counts even when pruning fails. On
   * PostgreSQL several desks may prune at once: each deletes only rows no other is deleting
   * (FOR UPDATE SKIP LOCKED), so they never wait on one another; a row one skips, another deletes.
   */
  async fail(from: AttemptSource, username: string): Promise<void> {
    const at = new Date(this.now()).toISOString()
    const counts = this.counts(from, username)
    const db = this.sql.db
    await db
      .insertInto('login_failures')
      .values(counts.map((c) => ({ kind: c.kind, subject: c.subject, failed_at: at })))
      .execute()
    const unlocked = <Q extends { forUpdate(): Q; skipLocked(): Q }>(q: Q): Q =>
      this.sql.engine === 'postgres' ? q.forUpdate().skipLocked() : q
    const cutoff = this.cutoff()
    await db
      .deleteFrom('login_failures')
      .where('id', 'in', (q) => unlocked(q.selectFrom('login_failures').select('id').where('failed_at', '<=', cutoff)))
      .execute()
    for (const c of counts) {
      const ofSubject = <Q extends SelectQueryBuilder<CatalogTables, 'login_failures', { id: number }>>(q: Q): Q =>
        q.where('kind', '=', c.kind).where('subject', '=', c.subject) as Q
      await db
        .deleteFrom('login_failures')
        .where('id', 'in', (q) =>
          unlocked(
            ofSubject(q.selectFrom('login_failures').select('id')).where('id', 'not in', (newest) =>
              ofSubject(newest.selectFrom('login_failures').select('id'))
                .orderBy('failed_at', 'desc')
                .orderBy('id', 'desc')
                .limit(Math.max(1, c.limit)),
            ),
          ),
        )
        .execute()
    }
  }

  /** A successful sign-in: the account's count starts again (the address's stays). */
  async succeed(username: string): Promise<void> {
    await this.sql.db.deleteFrom('login_failures').where('kind', '=', 'account').where('subject', '=', accountKey(username)).execute()
  }
}
