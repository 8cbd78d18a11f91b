/**
 * Contract of the accounts and sessions repositories (src/auth/users.ts, sessions.ts): the same
 * tests on SQLite and on PostgreSQL, so a desk behaves the same on either catalog.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SessionsRepo } from '../../../src/auth/sessions.js'
import { UsersRepo } from '../../../src/auth/users.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

/** Cheap scrypt for tests (the real cost is ~80 ms per hash). */
const COST = { N: 2 ** 10, r: 8, p: 1 }
const PASSWORD = 'a fine long password'

const engines = await catalogEngines()

describe.each(engines)('accounts and sessions on $name', (engine) => {
  let cat: OpenedCatalog
  let users: UsersRepo
  beforeAll(async () => {
    cat = await engine.open()
  })
  beforeEach(async () => {
    await cat.reset()
    users = new UsersRepo(cat.sql.db, COST)
  })
  afterAll(async () => cat?.close())

  it('the first admin is made once, with a one-time password to change, and only into an empty table', async () => {
    const first = await users.ensureFirstAdmin()
    expect(first!.username).toBe('admin')
    expect(await users.ensureFirstAdmin()).toBeNull()
    expect(await users.count()).toBe(1)
    expect(await users.authenticate('admin', first!.password)).toMatchObject({
      username: 'admin',
      displayName: 'Administrator',
      roles: ['admin'],
      mustChangePassword: true,
      disabled: false,
    })
    const stored = await cat.sql.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^scrypt\$/)
    expect(stored.password_hash).not.toContain(first!.password)
  })

  it('two desks making the first admin at once make one account', async () => {
    const other = new UsersRepo(cat.sql.db, COST)
    const made = await Promise.all([users.ensureFirstAdmin(), other.ensureFirstAdmin(), users.ensureFirstAdmin()])
    expect(made.filter(Boolean)).toHaveLength(1)
    expect(await users.count()).toBe(1)
  })

  it('no first admin when an account exists', async () => {
    await users.add({ username: 'itadmin', roles: ['admin'], password: PASSWORD })
    expect(await users.ensureFirstAdmin()).toBeNull()
    expect((await users.list()).map((u) => u.username)).toEqual(['itadmin'])
  })

  it('user names are unique regardless of case, found in any case, listed in name order', async () => {
    const { user, password } = await users.add({
      username: 'MLopez',
      displayName: 'Maria Lopez',
      roles: ['clerk', 'lead'],
      password: PASSWORD,
    })
    expect(password).toBeNull()
    expect(user).toMatchObject({
      username: 'MLopez',
      displayName: 'Maria Lopez',
      roles: ['clerk', 'lead'],
      providerName: null,
      mustChangePassword: false,
      disabled: false,
      lastLoginAt: null,
    })
    expect(typeof user.id).toBe('number')
    await expect(users.add({ username: 'mlopez', roles: ['clerk'] })).rejects.toMatchObject({
      code: 'CONFLICT',
      action: expect.stringMatching(/already/),
    })
    await users.add({ username: 'bwebb', roles: ['provider'], providerName: ' Marcus Webb, DO ', password: PASSWORD })
    await users.add({ username: 'zed', roles: ['auditor'], password: PASSWORD })
    expect((await users.byName('MLOPEZ'))!.id).toBe(user.id)
    expect(await users.byName('nobody')).toBeNull()
    expect((await users.list()).map((u) => u.username)).toEqual(['bwebb', 'MLopez', 'zed'])
    expect((await users.byName('bwebb'))!.providerName).toBe('Marcus Webb, DO')
    expect(await users.get(user.id)).toEqual(await users.byName('mlopez'))
    expect(await users.get(99_999)).toBeNull()
  })

  it('refuses a bad name, no role, a provider without a provider name, a weak password', async () => {
    await expect(users.add({ username: '../x', roles: ['clerk'] })).rejects.toMatchObject({ action: expect.stringMatching(/user name/) })
    await expect(users.add({ username: 'clerk1', roles: [] })).rejects.toMatchObject({ action: expect.stringMatching(/role/) })
    await expect(users.add({ username: 'webb', roles: ['provider'] })).rejects.toMatchObject({
      action: expect.stringMatching(/provider name/),
    })
    await expect(users.add({ username: 'clerk1', roles: ['clerk'], password: 'short' })).rejects.toMatchObject({
      action: expect.stringMatching(/12 characters/),
    })
    expect(await users.count()).toBe(0)
  })

  it('an account added without a password gets a one-time password it must change; sign-in is recorded', async () => {
    const { user, password } = await users.add({ username: 'clerk1', roles: ['clerk'] })
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
    expect(user.mustChangePassword).toBe(true)
    expect(await users.authenticate('clerk1', 'wrong password here')).toBeNull()
    expect(await users.authenticate('nobody', password!)).toBeNull()
    const signedIn = await users.authenticate('CLERK1', password!)
    expect(signedIn!.id).toBe(user.id)
    expect((await users.get(user.id))!.lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    await users.changePassword(user.id, password!, 'seven violet lanterns')
    const after = (await users.get(user.id))!
    expect(after).toMatchObject({ mustChangePassword: false })
    expect(after.passwordChangedAt).not.toBeNull()
    expect(await users.authenticate('clerk1', password!)).toBeNull()
    expect(await users.authenticate('clerk1', 'seven violet lanterns')).not.toBeNull()
    await expect(users.changePassword(user.id, 'not the password', 'another fine password')).rejects.toMatchObject({
      action: expect.stringMatching(/current password/),
    })
  })

  it('a disabled account cannot sign in and its sessions end; the last admin cannot be disabled', async () => {
    await users.ensureFirstAdmin()
    await expect(users.setDisabled('admin', true)).rejects.toMatchObject({ action: expect.stringMatching(/last active administrator/) })
    const { user } = await users.add({ username: 'clerk1', roles: ['clerk'], password: PASSWORD })
    const sessions = new SessionsRepo(cat.sql.db)
    const { token } = await sessions.create(user.id, '10.0.0.5')
    expect((await users.setDisabled('clerk1', true)).disabled).toBe(true)
    expect(await users.authenticate('clerk1', PASSWORD)).toBeNull()
    expect(await sessions.lookup(token)).toBeNull()
    expect((await users.setDisabled('CLERK1', false)).disabled).toBe(false)
    expect(await users.authenticate('clerk1', PASSWORD)).not.toBeNull()
    await expect(users.setDisabled('ghost', true)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('a reset gives a new one-time password and ends every session of that account only', async () => {
    const { user } = await users.add({ username: 'clerk1', roles: ['clerk'], password: PASSWORD, mustChangePassword: false })
    const { user: other } = await users.add({ username: 'clerk2', roles: ['clerk'], password: PASSWORD, mustChangePassword: false })
    const sessions = new SessionsRepo(cat.sql.db)
    const a = await sessions.create(user.id, 'x')
    const b = await sessions.create(user.id, 'y')
    const c = await sessions.create(other.id, 'z')
    const otp = await users.resetPassword('clerk1')
    expect(await sessions.lookup(a.token)).toBeNull()
    expect(await sessions.lookup(b.token)).toBeNull()
    expect(await sessions.lookup(c.token)).not.toBeNull()
    expect(await users.authenticate('clerk1', PASSWORD)).toBeNull()
    expect((await users.authenticate('clerk1', otp))!.mustChangePassword).toBe(true)
  })

  it('sessions: stored as hashes, the CSRF token kept with them, idle and absolute limits, sign-out', async () => {
    let now = Date.parse('2025-06-01T08:00:00Z')
    const { user } = await users.add({ username: 'clerk1', roles: ['clerk'], password: PASSWORD })
    const sessions = new SessionsRepo(cat.sql.db, { idleMinutes: 30, maxHours: 1 }, () => now)
    const { token, session } = await sessions.create(user.id, '10.0.0.5')
    expect(session.id).not.toBe(token)
    expect(session.csrfToken).toMatch(/^[\w-]{43}$/)
    const rows = await cat.sql.db.selectFrom('sessions').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows).toEqual([expect.objectContaining({ id: session.id, user_id: user.id, csrf_token: session.csrfToken, ip: '10.0.0.5' })])
    // Another desk over the same catalog sees the same session and the same CSRF token.
    const elsewhere = new SessionsRepo(cat.sql.db, { idleMinutes: 30, maxHours: 1 }, () => now)
    const found = await elsewhere.lookup(token)
    expect(found).toMatchObject({
      session: { id: session.id, csrfToken: session.csrfToken, userId: user.id },
      user: { username: 'clerk1' },
    })
    for (let i = 0; i < 5; i++) {
      now += 10 * 60_000
      expect(await sessions.lookup(token), `after ${(i + 1) * 10} min`).not.toBeNull()
    }
    // Each use moved the idle clock, in the catalog.
    expect((await cat.sql.db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at).toBe(
      new Date(now).toISOString(),
    )
    now += 15 * 60_000
    expect(await sessions.lookup(token)).toBeNull()
    expect(await cat.sql.db.selectFrom('sessions').selectAll().execute()).toEqual([])

    const idle = await sessions.create(user.id, null)
    now += 31 * 60_000
    expect(await sessions.lookup(idle.token)).toBeNull()

    const out = await sessions.create(user.id, null)
    await sessions.end(out.session.id)
    expect(await sessions.lookup(out.token)).toBeNull()
    expect(await sessions.lookup(undefined)).toBeNull()
    expect(await sessions.lookup('x'.repeat(300))).toBeNull()
  })

  it("starting a session prunes the ended ones; endAllFor ends one account's", async () => {
    let now = Date.parse('2025-06-01T08:00:00Z')
    const { user } = await users.add({ username: 'clerk1', roles: ['clerk'], password: PASSWORD })
    const sessions = new SessionsRepo(cat.sql.db, { idleMinutes: 30, maxHours: 12 }, () => now)
    await sessions.create(user.id, null)
    await sessions.create(user.id, null)
    now += 45 * 60_000
    const live = await sessions.create(user.id, null)
    expect((await cat.sql.db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual([live.session.id])
    await sessions.endAllFor(user.id)
    expect(await cat.sql.db.selectFrom('sessions').selectAll().execute()).toEqual([])
  })
})
