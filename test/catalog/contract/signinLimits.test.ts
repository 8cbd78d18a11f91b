/**
 * Contract of the sign-in limits (src/auth/loginLimiter.ts, table login_failures): the same tests
 * on SQLite and on PostgreSQL, where every desk on one catalog counts the same failures.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LoginLimiter, type LimiterOptions } from '../../../src/auth/loginLimiter.js'
import type { SqlCatalog } from '../../../src/catalog/sql/open.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const LIMITS: LimiterOptions = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 }
const T0 = Date.parse('2026-12-07T09:00:00.000Z')
const here = { address: '198.51.100.7', real: true }
const there = { address: '203.0.113.9', real: true }
const proxy = { address: '127.0.0.1', real: false }

describe.each(engines)('sign-in limits on $name', (engine) => {
  let cat: OpenedCatalog
  let t: number
  let limiter: LoginLimiter
  const rows = (sql: SqlCatalog = cat.sql) =>
    sql.db.selectFrom('login_failures').select(['kind', 'subject', 'failed_at']).orderBy('id').execute()
  beforeAll(async () => {
    cat = await engine.open()
  })
  beforeEach(async () => {
    await cat.sql.db.deleteFrom('login_failures').execute()
    t = T0
    limiter = new LoginLimiter(cat.sql, LIMITS, () => t)
  })
  afterAll(async () => cat?.close())

  it('five failures on an account refuse it from any address until the oldest leaves the window; a success clears it', async () => {
    for (let i = 0; i < 4; i++) {
      await limiter.fail(here, 'Clerk1')
      t += 10_000
    }
    expect(await limiter.retryAfterMs(there, 'clerk1')).toBe(0)
    await limiter.fail(there, ' clerk1')
    // the first failure, at T0, leaves the window at T0 + 15 min; now is T0 + 40 s
    expect(await limiter.retryAfterMs(there, 'CLERK1')).toBe(LIMITS.windowMs - 40_000)
    expect(await limiter.retryAfterMs(here, 'lead1')).toBe(0)
    t = T0 + LIMITS.windowMs + 1
    expect(await limiter.retryAfterMs(here, 'clerk1')).toBe(0)
    t = T0 + 40_000
    await limiter.succeed('clerk1')
    expect(await limiter.retryAfterMs(here, 'clerk1')).toBe(0)
  })

  it('twenty failures from one real address refuse it on every account; a proxy address is neither counted nor kept', async () => {
    for (let i = 0; i < 20; i++) await limiter.fail(here, `user${i}`)
    expect(await limiter.retryAfterMs(here, 'someone')).toBe(LIMITS.windowMs)
    expect(await limiter.retryAfterMs(there, 'someone')).toBe(0)
    await cat.sql.db.deleteFrom('login_failures').execute()
    for (let i = 0; i < 30; i++) await limiter.fail(proxy, `user${i}`)
    expect(await limiter.retryAfterMs(proxy, 'someone')).toBe(0)
    expect((await rows()).filter((r) => r.kind === 'address')).toEqual([])
  })

  it('keeps what the counts need and no more: rows past the window are pruned, at most the limit per subject', async () => {
    for (let i = 0; i < 9; i++) await limiter.fail(here, 'clerk1')
    const kept = await rows()
    expect(kept.filter((r) => r.kind === 'account')).toHaveLength(LIMITS.perAccount)
    expect(kept.filter((r) => r.kind === 'address')).toHaveLength(9)
    t += LIMITS.windowMs
    await limiter.fail(there, 'lead1')
    expect(await rows()).toEqual([
      { kind: 'account', subject: 'lead1', failed_at: new Date(t).toISOString() },
      { kind: 'address', subject: there.address, failed_at: new Date(t).toISOString() },
    ])
  })

  it('two desks (two repositories, on PostgreSQL two connection pools) share the counts', async () => {
    // On SQLite one process reaches the file: the second desk is a second repository on it.
    const other = cat.another ? await cat.another() : cat.sql
    const deskA = limiter
    const deskB = new LoginLimiter(other, LIMITS, () => t)
    await deskA.fail(here, 'clerk1')
    await deskB.fail(there, 'clerk1')
    await deskA.fail(there, 'clerk1')
    await deskB.fail(here, 'clerk1')
    expect(await deskA.retryAfterMs(here, 'clerk1')).toBe(0)
    expect(await deskB.retryAfterMs(here, 'clerk1')).toBe(0)
    await deskA.fail(here, 'clerk1')
    expect(await deskB.retryAfterMs(there, 'clerk1')).toBe(LIMITS.windowMs)
    expect(await deskA.retryAfterMs(there, 'clerk1')).toBe(LIMITS.windowMs)
    expect(await rows(other)).toHaveLength(10)
    // a success on one desk clears the account on the other
    await deskB.succeed('CLERK1')
    expect(await deskA.retryAfterMs(here, 'clerk1')).toBe(0)
  })

  it('failures recorded at once from several desks are all counted', async () => {
    const others = cat.another ? [await cat.another(), await cat.another()] : [cat.sql, cat.sql]
    const desks = [limiter, ...others.map((o) => new LoginLimiter(o, LIMITS, () => t))]
    await Promise.all(desks.flatMap((d, i) => [d.fail(proxy, 'clerk2'), d.fail({ address: `192.0.2.${i}`, real: true }, 'clerk2')]))
    expect(await limiter.retryAfterMs(proxy, 'clerk2')).toBe(LIMITS.windowMs)
    expect((await rows()).filter((r) => r.kind === 'account')).toHaveLength(LIMITS.perAccount)
  })
})
