/**
 * Sign-in sessions (migration 10), on either engine: on the PostgreSQL catalog every desk that
 * shares it knows every session, so a person may reach any of them (behind a proxy) and a form
 * from one is accepted by another. The browser holds a random token in an httpOnly,
 * SameSite=Strict cookie; the catalog holds only its SHA-256, with the session's CSRF token,
 * when it was last used and when it ends. A session ends after `idleMinutes` without use or
 * `maxHours` after sign-in, whichever comes first, and at sign-out.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CatalogTables } from '../catalog/sql/tables.js'
import { userFromRow, type User } from './users.js'

type Db = Kysely<CatalogTables>

export interface SessionPolicy {
  idleMinutes: number
  maxHours: number
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, maxHours: 12 }

export interface Session {
  id: string
  userId: number
  csrfToken: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
}

/** What the desk does with sessions; `SessionsRepo` keeps them in the catalog. */
export interface SessionStore {
  readonly policy: SessionPolicy
  create(userId: number, ip: string | null): Promise<{ token: string; session: Session }>
  lookup(token: string | undefined): Promise<{ session: Session; user: User } | null>
  end(sessionId: string): Promise<void>
  endAllFor(userId: number): Promise<void>
  prune(): Promise<void>
}

const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex')
export const randomToken = (): string => randomBytes(32).toString('base64url')

/** The idle clock is written at most this often, not at every request. */
const TOUCH_AFTER_MS = 30_000

export class SessionsRepo implements SessionStore {
  constructor(
    private readonly db: Db,
    readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session; the returned token goes into the cookie and nowhere else. */
  async create(userId: number, ip: string | null): Promise<{ token: string; session: Session }> {
    const token = randomToken()
    const t = this.now()
    const session: Session = {
      id: tokenId(token),
      userId,
      csrfToken: randomToken(),
      createdAt: new Date(t).toISOString(),
      lastSeenAt: new Date(t).toISOString(),
      expiresAt: new Date(t + this.policy.maxHours * 3_600_000).toISOString(),
    }
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
        ip,
      })
      .execute()
    await this.prune()
    return { token, session }
  }

  /**
   * The live session and its active user for a cookie token, refreshing its idle clock; else null
   * (and an expired one is removed). One query for both (every request of the desk asks this; on
   * PostgreSQL each round trip counts).
   */
  async lookup(token: string | undefined): Promise<{ session: Session; user: User } | null> {
    if (!token || token.length > 200) return null
    const id = tokenId(token)
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'sessions.created_at as session_created_at'])
      .where('sessions.id', '=', id)
      .executeTakeFirst()
    if (!r) return null
    const t = this.now()
    const idleEnd = Date.parse(r.last_seen_at) + this.policy.idleMinutes * 60_000
    const user = userFromRow(r)
    if (t >= Date.parse(r.expires_at) || t >= idleEnd || user.disabled) {
      await this.end(id)
      return null
    }
    let lastSeen = r.last_seen_at
    if (t - Date.parse(lastSeen) > TOUCH_AFTER_MS) {
      lastSeen = new Date(t).toISOString()
      await this.db.updateTable('sessions').set({ last_seen_at: lastSeen }).where('id', '=', id).execute()
    }
    return {
      session: {
        id,
        userId: user.id,
        csrfToken: r.csrf_token,
        createdAt: r.session_created_at,
        lastSeenAt: lastSeen,
        expiresAt: r.expires_at,
      },
      user,
    }
  }

  /** Ends a session (sign-out). */
  async end(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute()
  }

  async endAllFor(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute()
  }

  /** Removes sessions past their end. */
  async prune(): Promise<void> {
    const t = this.now()
    await this.db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', new Date(t).toISOString()),
          eb('last_seen_at', '<=', new Date(t - this.policy.idleMinutes * 60_000).toISOString()),
        ]),
      )
      .execute()
  }
}
