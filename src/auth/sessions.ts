/**
 * Sign-in sessions (migration 10). The browser holds a random token in an httpOnly,
 * SameSite=Strict cookie; the catalog holds only its SHA-256, with the session's CSRF token,
 * when it was last used and when it ends. A session ends after `idleMinutes` without use or
 * `maxHours` after sign-in, whichever comes first, and at sign-out.
 */
import { createHash, randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { User } from './users.js'
import { UsersRepo } from './users.js'

type Db = Database.Database

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

const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex')
export const randomToken = (): string => randomBytes(32).toString('base64url')

export class SessionsRepo {
  private readonly users: UsersRepo

  constructor(
    private readonly db: Db,
    readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
    private readonly now: () => number = Date.now,
  ) {
    this.users = new UsersRepo(db)
  }

  /** Starts a session; the returned token goes into the cookie and nowhere else. */
  create(userId: number, ip: string | null): { token: string; session: Session } {
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
    this.db
      .prepare('INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at, ip) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(session.id, userId, session.csrfToken, session.createdAt, session.lastSeenAt, session.expiresAt, ip)
    this.prune()
    return { token, session }
  }

  /** The live session and its active user for a cookie token, refreshing its idle clock; else null (and an expired one is removed). */
  lookup(token: string | undefined): { session: Session; user: User } | null {
    if (!token || token.length > 200) return null
    const id = tokenId(token)
    const r = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Record<string, string | number> | undefined
    if (!r) return null
    const t = this.now()
    const idleEnd = Date.parse(String(r.last_seen_at)) + this.policy.idleMinutes * 60_000
    if (t >= Date.parse(String(r.expires_at)) || t >= idleEnd) {
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id)
      return null
    }
    const user = this.users.get(Number(r.user_id))
    if (!user || user.disabled) {
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id)
      return null
    }
    let lastSeen = String(r.last_seen_at)
    if (t - Date.parse(lastSeen) > 30_000) {
      lastSeen = new Date(t).toISOString()
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(lastSeen, id)
    }
    return {
      session: { id, userId: Number(r.user_id), csrfToken: String(r.csrf_token), createdAt: String(r.created_at), lastSeenAt: lastSeen, expiresAt: String(r.expires_at) },
      user,
    }
  }

  /** Ends a session (sign-out). */
  end(sessionId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId)
  }

  endAllFor(userId: number): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId)
  }

  /** Removes sessions past their end. */
  prune(): void {
    const t = this.now()
    this.db
      .prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?')
      .run(new Date(t).toISOString(), new Date(t - this.policy.idleMinutes * 60_000).toISOString())
  }
}
