/**
 * Accounts of the web desk, in the catalog (migration 10), on either engine (SQLite or the
 * PostgreSQL catalog several desks share; see src/catalog/sql/open.ts). Passwords go in only as
 * scrypt hashes; a new or reset password is a one-time password the person must change at sign-in.
 *
 * @example
 *   const users = new UsersRepo(app.sql.db)
 *   const { user, password } = await users.add({ username: 'mlopez', roles: ['clerk'] })  // tell the clerk `password` once
 *   await users.authenticate('mlopez', password)   // the user, or null
 */
import { sql, type Kysely, type Selectable } from 'kysely'
import type { CatalogTables, UsersTable } from '../catalog/sql/tables.js'
import { ChartclerkError } from '../errors.js'
import { DEFAULT_COST, dummyVerify, hashPassword, oneTimePassword, passwordProblem, verifyPassword, type ScryptCost } from './passwords.js'
import { isRole, type Role } from './roles.js'

type Db = Kysely<CatalogTables>

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

/** What the desk and the command line do with accounts; `UsersRepo` keeps them in the catalog. */
export interface UserAccounts {
  count(): Promise<number>
  list(): Promise<User[]>
  get(id: number): Promise<User | null>
  byName(username: string): Promise<User | null>
  add(u: NewUser): Promise<{ user: User; password: string | null }>
  ensureFirstAdmin(): Promise<{ username: string; password: string } | null>
  authenticate(username: string, password: string): Promise<User | null>
  changePassword(id: number, current: string, next: string): Promise<void>
  resetPassword(username: string, password?: string): Promise<string>
  setDisabled(username: string, disabled: boolean): Promise<User>
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/i

export function usernameProblem(name: string): string | null {
  return USERNAME.test(name) ? null : 'A user name is 2-40 letters, digits, dots, dashes or underscores, starting with a letter or digit.'
}

/** A `users` row as the account it is. */
export function userFromRow(r: Selectable<UsersTable>): User {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name ?? null,
    roles: String(r.roles).split(',').filter(isRole),
    providerName: r.provider_name ?? null,
    mustChangePassword: !!r.must_change_password,
    disabled: !!r.disabled,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    passwordChangedAt: r.password_changed_at ?? null,
    lastLoginAt: r.last_login_at ?? null,
  }
}

/** User names are unique regardless of case (ASCII only, see usernameProblem): the same rule on both engines. */
const nameKey = sql<string>`lower(username)`

export class UsersRepo implements UserAccounts {
  constructor(
    private readonly db: Db,
    private readonly cost: ScryptCost = DEFAULT_COST,
  ) {}

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(r.n)
  }

  async list(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy(nameKey).execute()).map(userFromRow)
  }

  async get(id: number): Promise<User | null> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
    return r ? userFromRow(r) : null
  }

  private row(username: string) {
    return this.db.selectFrom('users').selectAll().where(nameKey, '=', username.toLowerCase()).executeTakeFirst()
  }

  async byName(username: string): Promise<User | null> {
    const r = await this.row(username)
    return r ? userFromRow(r) : null
  }

  /** Adds an account. Returns the one-time password when none was given (shown to the admin once). */
  async add(u: NewUser): Promise<{ user: User; password: string | null }> {
    const problem = usernameProblem(u.username)
    if (problem) throw new ChartclerkError('USAGE', problem)
    if (!u.roles.length) throw new ChartclerkError('USAGE', 'Give the account at least one role (clerk, lead, provider, auditor, admin).')
    if (u.roles.includes('provider') && !u.providerName?.trim())
      throw new ChartclerkError(
        'USAGE',
        'A provider account needs the provider name their documents are routed to (as in the patient index), e.g. "Marcus Webb, DO".',
      )
    const taken = () => new ChartclerkError('CONFLICT', `There is already an account named ${u.username}.`)
    if (await this.row(u.username)) throw taken()
    if (u.password !== undefined) {
      const p = passwordProblem(u.password, u.username)
      if (p) throw new ChartclerkError('USAGE', p)
    }
    const password = u.password ?? oneTimePassword()
    const hash = await hashPassword(password, this.cost)
    const now = new Date().toISOString()
    // Another desk may have added the same name meanwhile: the unique index decides.
    const inserted = await this.db
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName ?? null,
        roles: u.roles.join(','),
        provider_name: u.providerName?.trim() || null,
        password_hash: hash,
        must_change_password: (u.mustChangePassword ?? u.password === undefined) ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst()
    if (!inserted) throw taken()
    return { user: userFromRow(inserted), password: u.password === undefined ? password : null }
  }

  /**
   * The very first start: when there are no accounts at all, adds `admin` with a one-time
   * password and returns it (to be printed once). Safe when two desks start together, on one
   * machine or several: one statement inserts only into an empty table, and the unique name
   * stops a second `admin`.
   */
  async ensureFirstAdmin(): Promise<{ username: string; password: string } | null> {
    if ((await this.count()) > 0) return null
    const password = oneTimePassword()
    const hash = await hashPassword(password, this.cost)
    const now = new Date().toISOString()
    const r = await this.db
      .insertInto('users')
      .columns(['username', 'display_name', 'roles', 'password_hash', 'must_change_password', 'created_at', 'updated_at'])
      .expression(
        this.db
          .selectNoFrom([
            sql.val('admin').as('username'),
            sql.val('Administrator').as('display_name'),
            sql.val('admin').as('roles'),
            sql.val(hash).as('password_hash'),
            sql.lit(1).as('must_change_password'),
            sql.val(now).as('created_at'),
            sql.val(now).as('updated_at'),
          ])
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users').select('id')))),
      )
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? { username: 'admin', password } : null
  }

  /** The active account whose password this is, else null (same time either way). */
  async authenticate(username: string, password: string): Promise<User | null> {
    const r = await this.row(username)
    if (!r) return dummyVerify(password, this.cost).then(() => null)
    const ok = await verifyPassword(password, r.password_hash)
    if (!ok || r.disabled) return null
    await this.db.updateTable('users').set({ last_login_at: new Date().toISOString() }).where('id', '=', r.id).execute()
    return userFromRow(r)
  }

  /** The person's own choice, after checking the current one. */
  async changePassword(id: number, current: string, next: string): Promise<void> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
    if (!r || r.disabled) throw new ChartclerkError('NOT_FOUND', 'This account no longer exists or is disabled.')
    if (!(await verifyPassword(current, r.password_hash))) throw new ChartclerkError('REFUSED', 'The current password is not right.')
    if (current === next) throw new ChartclerkError('USAGE', 'Choose a password different from the current one.')
    const p = passwordProblem(next, r.username)
    if (p) throw new ChartclerkError('USAGE', p)
    const hash = await hashPassword(next, this.cost)
    const now = new Date().toISOString()
    await this.db
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, password_changed_at: now, updated_at: now })
      .where('id', '=', id)
      .execute()
  }

  /** An administrator's reset: a new one-time password (returned), or the given one; sessions end. */
  async resetPassword(username: string, password?: string): Promise<string> {
    const u = await this.byName(username)
    if (!u)
      throw new ChartclerkError('NOT_FOUND', `There is no account named ${username}.`, { cliHint: '"chartclerk user list" shows them.' })
    if (password !== undefined) {
      const p = passwordProblem(password, u.username)
      if (p) throw new ChartclerkError('USAGE', p)
    }
    const next = password ?? oneTimePassword()
    const now = new Date().toISOString()
    const hash = await hashPassword(next, this.cost)
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, must_change_password: 1, updated_at: now }).where('id', '=', u.id).execute()
      await trx.deleteFrom('sessions').where('user_id', '=', u.id).execute()
    })
    return next
  }

  /** Disables (or re-enables) an account; a disabled account's sessions end at once. */
  async setDisabled(username: string, disabled: boolean): Promise<User> {
    const u = await this.byName(username)
    if (!u)
      throw new ChartclerkError('NOT_FOUND', `There is no account named ${username}.`, { cliHint: '"chartclerk user list" shows them.' })
    if (disabled && u.roles.includes('admin') && !u.disabled) {
      const admins = (await this.list()).filter((x) => !x.disabled && x.roles.includes('admin'))
      if (admins.length === 1)
        throw new ChartclerkError('REFUSED', `${u.username} is the last active administrator; add another admin first.`)
    }
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ disabled: disabled ? 1 : 0, updated_at: new Date().toISOString() })
        .where('id', '=', u.id)
        .execute()
      if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', u.id).execute()
    })
    return (await this.get(u.id))!
  }
}
