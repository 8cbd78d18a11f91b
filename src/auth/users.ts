/**
 * Accounts of the web desk, in the catalog (migration 10). Passwords go in only as scrypt
 * hashes; a new or reset password is a one-time password the person must change at sign-in.
 *
 * @example
 *   const users = new UsersRepo(catalog.db)
 *   const { user, password } = await users.add({ username: 'mlopez', roles: ['clerk'] })  // tell the clerk `password` once
 *   await users.authenticate('mlopez', password)   // the user, or null
 */
import type Database from 'better-sqlite3'
import { ChartclerkError } from '../errors.js'
import { DEFAULT_COST, dummyVerify, hashPassword, oneTimePassword, passwordProblem, verifyPassword, type ScryptCost } from './passwords.js'
import { isRole, type Role } from './roles.js'

type Db = Database.Database

export interface User {
  id: number
  username: string
  displayName: string | null
  roles: Role[]
  /** For providers: the name documents are routed to, as in the patient index's primary provider. */
  providerName: string | null
  mustChangePassword: boolean
  disabled: boolean
  createdAt: string
  updatedAt: string
  passwordChangedAt: string | null
  lastLoginAt: string | null
}

export interface NewUser {
  username: string
  roles: Role[]
  displayName?: string | null
  providerName?: string | null
  /** A password chosen by the person; omitted: a one-time password is made and returned. */
  password?: string
  mustChangePassword?: boolean
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/i

export function usernameProblem(name: string): string | null {
  return USERNAME.test(name) ? null : 'A user name is 2-40 letters, digits, dots, dashes or underscores, starting with a letter or digit.'
}

function toUser(r: Record<string, unknown>): User {
  return {
    id: r.id as number,
    username: r.username as string,
    displayName: (r.display_name as string | null) ?? null,
    roles: String(r.roles).split(',').filter(isRole),
    providerName: (r.provider_name as string | null) ?? null,
    mustChangePassword: !!r.must_change_password,
    disabled: !!r.disabled,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    passwordChangedAt: (r.password_changed_at as string | null) ?? null,
    lastLoginAt: (r.last_login_at as string | null) ?? null,
  }
}

export class UsersRepo {
  constructor(
    private readonly db: Db,
    private readonly cost: ScryptCost = DEFAULT_COST,
  ) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) n FROM users').get() as { n: number }).n
  }

  list(): User[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as Record<string, unknown>[]).map(toUser)
  }

  get(id: number): User | null {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Record<string, unknown> | undefined
    return r ? toUser(r) : null
  }

  byName(username: string): User | null {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Record<string, unknown> | undefined
    return r ? toUser(r) : null
  }

  /** Adds an account. Returns the one-time password when none was given (shown to the admin once). */
  async add(u: NewUser): Promise<{ user: User; password: string | null }> {
    const problem = usernameProblem(u.username)
    if (problem) throw new ChartclerkError('USAGE', problem)
    if (!u.roles.length) throw new ChartclerkError('USAGE', 'Give the account at least one role (clerk, lead, provider, auditor, admin).')
    if (u.roles.includes('provider') && !u.providerName?.trim())
      throw new ChartclerkError('USAGE', 'A provider account needs the provider name their documents are routed to (as in the patient index), e.g. "Marcus Webb, DO".')
    if (this.byName(u.username)) throw new ChartclerkError('CONFLICT', `There is already an account named ${u.username}.`)
    if (u.password !== undefined) {
      const p = passwordProblem(u.password, u.username)
      if (p) throw new ChartclerkError('USAGE', p)
    }
    const password = u.password ?? oneTimePassword()
    const hash = await hashPassword(password, this.cost)
    const now = new Date().toISOString()
    const info = this.db
      .prepare(
        `INSERT INTO users (username, display_name, roles, provider_name, password_hash, must_change_password, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(u.username, u.displayName ?? null, u.roles.join(','), u.providerName?.trim() || null, hash, (u.mustChangePassword ?? u.password === undefined) ? 1 : 0, now, now)
    return { user: this.get(Number(info.lastInsertRowid))!, password: u.password === undefined ? password : null }
  }

  /**
   * The very first start: when there are no accounts at all, adds `admin` with a one-time
   * password and returns it (to be printed once). Safe when two processes start together.
   */
  async ensureFirstAdmin(): Promise<{ username: string; password: string } | null> {
    if (this.count() > 0) return null
    const password = oneTimePassword()
    const hash = await hashPassword(password, this.cost)
    const now = new Date().toISOString()
    const created = this.db
      .transaction(() => {
        if (this.count() > 0) return false
        this.db
          .prepare(`INSERT INTO users (username, display_name, roles, password_hash, must_change_password, created_at, updated_at) VALUES ('admin', 'Administrator', 'admin', ?, 1, ?, ?)`)
          .run(hash, now, now)
        return true
      })
      .immediate()
    return created ? { username: 'admin', password } : null
  }

  /** The active account whose password this is, else null (same time either way). */
  async authenticate(username: string, password: string): Promise<User | null> {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Record<string, unknown> | undefined
    if (!r) return dummyVerify(password, this.cost).then(() => null)
    const ok = await verifyPassword(password, r.password_hash as string)
    if (!ok || r.disabled) return null
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(new Date().toISOString(), r.id)
    return toUser(r)
  }

  /** The person's own choice, after checking the current one. */
  async changePassword(id: number, current: string, next: string): Promise<void> {
    const r = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Record<string, unknown> | undefined
    if (!r || r.disabled) throw new ChartclerkError('NOT_FOUND', 'This account no longer exists or is disabled.')
    if (!(await verifyPassword(current, r.password_hash as string))) throw new ChartclerkError('REFUSED', 'The current password is not right.')
    if (current === next) throw new ChartclerkError('USAGE', 'Choose a password different from the current one.')
    const p = passwordProblem(next, r.username as string)
    if (p) throw new ChartclerkError('USAGE', p)
    const now = new Date().toISOString()
    this.db
      .prepare('UPDATE users SET password_hash = ?, must_change_password = 0, password_changed_at = ?, updated_at = ? WHERE id = ?')
      .run(await hashPassword(next, this.cost), now, now, id)
  }

  /** An administrator's reset: a new one-time password (returned), or the given one; sessions end. */
  async resetPassword(username: string, password?: string): Promise<string> {
    const u = this.byName(username)
    if (!u) throw new ChartclerkError('NOT_FOUND', `There is no account named ${username}.`, { cliHint: '"chartclerk user list" shows them.' })
    if (password !== undefined) {
      const p = passwordProblem(password, u.username)
      if (p) throw new ChartclerkError('USAGE', p)
    }
    const next = password ?? oneTimePassword()
    const now = new Date().toISOString()
    const hash = await hashPassword(next, this.cost)
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET password_hash = ?, must_change_password = 1, updated_at = ? WHERE id = ?').run(hash, now, u.id)
      this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(u.id)
    })()
    return next
  }

  /** Disables (or re-enables) an account; a disabled account's sessions end at once. */
  setDisabled(username: string, disabled: boolean): User {
    const u = this.byName(username)
    if (!u) throw new ChartclerkError('NOT_FOUND', `There is no account named ${username}.`, { cliHint: '"chartclerk user list" shows them.' })
    if (disabled && u.roles.includes('admin') && !u.disabled) {
      const admins = this.list().filter((x) => !x.disabled && x.roles.includes('admin'))
      if (admins.length === 1) throw new ChartclerkError('REFUSED', `${u.username} is the last active administrator; add another admin first.`)
    }
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?').run(disabled ? 1 : 0, new Date().toISOString(), u.id)
      if (disabled) this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(u.id)
    })()
    return this.get(u.id)!
  }
}
