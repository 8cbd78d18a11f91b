/** Passwords, accounts, roles, sessions, sign-in limits and small helpers of the web desk. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LoginLimiter } from '../../../src/auth/loginLimiter.js'
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from '../../../src/auth/passwords.js'
import { can, limitedToOwnPatients, parseRoles } from '../../../src/auth/roles.js'
import { SessionsRepo } from '../../../src/auth/sessions.js'
import { UsersRepo } from '../../../src/auth/users.js'
import { sqliteSqlCatalog } from '../../../src/catalog/sql/open.js'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'
import { sameProvider } from '../../../src/web/access.js'
import { spreadsheetCsv } from '../../../src/reports/csv.js'
import { localPath } from '../../../src/web/render.js'

const COST = { N: 1024, r: 8, p: 1 }

describe('passwords', () => {
  it('scrypt hashes verify, are salted, and reject the wrong password', async () => {
    const a = await hashPassword('correct horse battery staple', COST)
    const b = await hashPassword('correct horse battery staple', COST)
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true)
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false)
    expect(await verifyPassword('x', 'not a hash')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AA==$AA==')).toBe(false)
  })

  it('the default cost is the production one (N=2^15)', async () => {
    expect(await hashPassword('correct horse battery staple')).toMatch(/^scrypt\$32768\$8\$1\$/)
  })

  it('one-time passwords are typeable and different each time', () => {
    const a = oneTimePassword()
    expect(a).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
    expect(a).not.toMatch(/[01ilo]/)
    expect(oneTimePassword()).not.toBe(a)
  })

  it('short passwords and ones holding the user name are refused', () => {
    expect(passwordProblem('short', 'mlopez')).toMatch(/12 characters/)
    expect(passwordProblem('mlopez-at-the-desk', 'mlopez')).toMatch(/user name/)
    expect(passwordProblem('aaaaaaaaaaaaaa', 'x1')).toMatch(/repeated/)
    expect(passwordProblem('seven violet lanterns', 'mlopez')).toBeNull()
  })
})

describe('accounts and sessions', () => {
  let catalog: Catalog
  let users: UsersRepo
  beforeEach(() => {
    catalog = openCatalog(':memory:')
    users = new UsersRepo(sqliteSqlCatalog(catalog.db).db, COST)
  })
  afterEach(() => catalog.close())

  it('the first admin is made once, with a one-time password to change', async () => {
    const first = await users.ensureFirstAdmin()
    expect(first!.username).toBe('admin')
    expect(await users.ensureFirstAdmin()).toBeNull()
    const u = await users.authenticate('admin', first!.password)
    expect(u).toMatchObject({ username: 'admin', roles: ['admin'], mustChangePassword: true })
    expect(catalog.db.prepare('SELECT password_hash FROM users').pluck().get()).not.toContain(first!.password)
  })

  it('user names are case-insensitive and unique; a provider needs a provider name', async () => {
    await users.add({ username: 'MLopez', roles: ['clerk'], password: 'a fine long password' })
    await expect(users.add({ username: 'mlopez', roles: ['clerk'] })).rejects.toMatchObject({ action: expect.stringMatching(/already/) })
    await expect(users.add({ username: 'webb', roles: ['provider'] })).rejects.toMatchObject({
      action: expect.stringMatching(/provider name/),
    })
    await expect(users.add({ username: '../x', roles: ['clerk'] })).rejects.toMatchObject({ action: expect.stringMatching(/user name/) })
    expect(await users.authenticate('mlopez', 'a fine long password')).not.toBeNull()
  })

  it('a disabled account cannot sign in, and the last admin cannot be disabled', async () => {
    const first = await users.ensureFirstAdmin()
    await expect(users.setDisabled('admin', true)).rejects.toThrow(
      expect.objectContaining({ action: expect.stringMatching(/last active administrator/) }),
    )
    await users.add({ username: 'clerk1', roles: ['clerk'], password: 'a fine long password' })
    await users.setDisabled('clerk1', true)
    expect(await users.authenticate('clerk1', 'a fine long password')).toBeNull()
    expect(first).not.toBeNull()
  })

  it('a reset gives a new one-time password and ends the sessions', async () => {
    const { user } = await users.add({ username: 'clerk1', roles: ['clerk'], password: 'a fine long password', mustChangePassword: false })
    const sessions = new SessionsRepo(sqliteSqlCatalog(catalog.db).db)
    const { token } = await sessions.create(user.id, 'x')
    const otp = await users.resetPassword('clerk1')
    expect(await sessions.lookup(token)).toBeNull()
    expect(await users.authenticate('clerk1', 'a fine long password')).toBeNull()
    expect((await users.authenticate('clerk1', otp))!.mustChangePassword).toBe(true)
  })

  it('sessions are stored as hashes and end at their absolute limit', async () => {
    let now = Date.parse('2025-06-01T08:00:00Z')
    const { user } = await users.add({ username: 'clerk1', roles: ['clerk'], password: 'a fine long password' })
    const sessions = new SessionsRepo(sqliteSqlCatalog(catalog.db).db, { idleMinutes: 30, maxHours: 1 }, () => now)
    const { token, session } = await sessions.create(user.id, 'x')
    expect(session.id).not.toBe(token)
    expect(JSON.stringify(catalog.db.prepare('SELECT * FROM sessions').all())).not.toContain(token)
    for (let i = 0; i < 5; i++) {
      now += 10 * 60_000
      expect(await sessions.lookup(token), `after ${(i + 1) * 10} min`).not.toBeNull()
    }
    now += 15 * 60_000
    expect(await sessions.lookup(token)).toBeNull()
  })
})

describe('roles', () => {
  it('grants', () => {
    expect(can(['clerk'], 'review.settle')).toBe(true)
    expect(can(['clerk'], 'rules.view')).toBe(false)
    expect(can(['clerk'], 'deficiency.decide')).toBe(false)
    expect(can(['lead'], 'deficiency.decide')).toBe(true)
    expect(can(['auditor'], 'audit.view')).toBe(true)
    expect(can(['auditor'], 'review.settle')).toBe(false)
    expect(can(['admin'], 'records.view')).toBe(false)
    expect(can(['admin', 'lead'], 'records.view')).toBe(true)
    expect(limitedToOwnPatients(['provider'])).toBe(true)
    expect(limitedToOwnPatients(['provider', 'clerk'])).toBe(false)
    expect(parseRoles(['clerk,lead', 'Admin'])).toEqual(['clerk', 'lead', 'admin'])
    expect(() => parseRoles('superuser')).toThrow(/unknown role/)
  })

  it('provider names compare however they are written', () => {
    expect(sameProvider('Marcus Webb, DO', 'Webb, Marcus DO')).toBe(true)
    expect(sameProvider('Dr. Marcus Webb', 'marcus webb')).toBe(true)
    expect(sameProvider('Marcus Webb', 'Marcus Webber')).toBe(false)
    expect(sameProvider('', '')).toBe(false)
  })
})

describe('sign-in limiter', () => {
  const a = { address: '1.2.3.4', real: true }
  const b = { address: '5.6.7.8', real: true }
  const LIMITS = { perAccount: 5, perAddress: 20, windowMs: 60_000 }
  let catalog: Catalog
  let now: number
  let limiter: LoginLimiter
  const rows = () => catalog.db.prepare('SELECT kind, subject FROM login_failures ORDER BY id').all() as { kind: string; subject: string }[]
  beforeEach(() => {
    catalog = openCatalog(':memory:')
    now = 0
    limiter = new LoginLimiter(sqliteSqlCatalog(catalog.db), LIMITS, () => now)
  })
  afterEach(() => catalog.close())

  it('five failures on one account wait out the window, from any address; another account from the same address is not blocked', async () => {
    for (let i = 0; i < 5; i++) await limiter.fail(a, 'clerk1')
    expect(await limiter.retryAfterMs(a, 'CLERK1')).toBe(60_000)
    expect(await limiter.retryAfterMs(b, ' clerk1 ')).toBe(60_000)
    expect(await limiter.retryAfterMs(a, 'lead1')).toBe(0)
    now += 60_001
    expect(await limiter.retryAfterMs(a, 'clerk1')).toBe(0)
  })

  it('the wait is until the oldest of the last five failures leaves the window; four are not enough', async () => {
    for (let i = 0; i < 4; i++) {
      await limiter.fail(a, 'clerk1')
      now += 1_000
    }
    expect(await limiter.retryAfterMs(a, 'clerk1')).toBe(0)
    await limiter.fail(b, 'clerk1') // the fifth, at 4 s
    expect(await limiter.retryAfterMs(a, 'clerk1')).toBe(60_000 - 4_000)
    await limiter.fail(b, 'clerk1') // a sixth: the oldest counted is now the one at 1 s
    expect(await limiter.retryAfterMs(a, 'clerk1')).toBe(60_000 + 1_000 - 4_000)
  })

  it('a successful sign-in clears the account count, not the address count', async () => {
    for (let i = 0; i < 5; i++) await limiter.fail(a, 'clerk1')
    for (let i = 0; i < 15; i++) await limiter.fail(a, `user${i}`)
    await limiter.succeed('Clerk1')
    expect(await limiter.retryAfterMs(b, 'clerk1')).toBe(0)
    // the address still has its twenty failures
    expect(await limiter.retryAfterMs(a, 'clerk1')).toBe(60_000)
  })

  it('twenty failures from one real address block it for every account', async () => {
    for (let i = 0; i < 20; i++) await limiter.fail(a, `user${i}`)
    expect(await limiter.retryAfterMs(a, 'someone')).toBeGreaterThan(0)
    expect(await limiter.retryAfterMs(b, 'someone')).toBe(0)
  })

  it('failures from a shared (proxy) address count per account only, and its address is not kept', async () => {
    const proxy = { address: '127.0.0.1', real: false }
    for (let i = 0; i < 40; i++) await limiter.fail(proxy, `user${i}`)
    expect(await limiter.retryAfterMs(proxy, 'someone')).toBe(0)
    expect(rows().filter((r) => r.kind === 'address')).toEqual([])
  })

  it('keeps no more than the counts need: rows past the window go, and at most the limit per subject', async () => {
    for (let i = 0; i < 12; i++) await limiter.fail(a, 'clerk1')
    expect(rows().filter((r) => r.kind === 'account')).toHaveLength(5)
    expect(rows().filter((r) => r.kind === 'address')).toHaveLength(12)
    now += 60_000
    await limiter.fail(b, 'lead1')
    expect(rows()).toEqual([
      { kind: 'account', subject: 'lead1' },
      { kind: 'address', subject: '5.6.7.8' },
    ])
    // nothing but the subject, its kind, the time and a row id
    expect(Object.keys(catalog.db.prepare('SELECT * FROM login_failures').get() as object)).toEqual(['id', 'kind', 'subject', 'failed_at'])
  })
})

describe('helpers', () => {
  it('CSV cells are quoted and never start a spreadsheet formula', () => {
    const cell = (v: unknown) =>
      spreadsheetCsv(['x'], [[v]])
        .replace(/^\uFEFFx\r\n/, '')
        .replace(/\r\n$/, '')
    expect(cell('a,b')).toBe('"a,b"')
    expect(cell('say "hi"')).toBe('"say ""hi"""')
    expect(cell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(cell('+1')).toBe("'+1")
    expect(cell('-2')).toBe("'-2")
    expect(cell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(cell(null)).toBe('')
  })

  it('only local paths are followed after sign-in', () => {
    expect(localPath('/charts/CC-100418')).toBe('/charts/CC-100418')
    expect(localPath('//evil.example/')).toBe('/')
    expect(localPath('/\\evil.example')).toBe('/')
    expect(localPath('https://evil.example')).toBe('/')
    expect(localPath('javascript:alert(1)')).toBe('/')
  })
})
