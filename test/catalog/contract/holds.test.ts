/**
 * Contract of the legal holds repository (src/retention/holds.ts), the same on SQLite and on
 * PostgreSQL: what a purge asks before it destroys anything of a chart.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HoldsRepo } from '../../../src/retention/holds.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    const e = err as { code?: string; action?: string }
    return `${e.code}: ${e.action ?? String(err)}`
  }
  return '(did not throw)'
}

describe.each(engines)('legal holds on $name', (engine) => {
  let cat: OpenedCatalog
  let repo: HoldsRepo
  beforeAll(async () => {
    cat = await engine.open()
    repo = new HoldsRepo(cat.sql)
  })
  beforeEach(async () => cat.reset())
  afterAll(async () => cat?.close())

  it('a hold is kept as placed and is in force until lifted; its chart is held', async () => {
    const before = new Date().toISOString()
    const h = await repo.add('CC-100418', 'Litigation hold, made-up case 26-CV-001', 'records lead')
    expect(h).toMatchObject({
      patientMrn: 'CC-100418',
      reason: 'Litigation hold, made-up case 26-CV-001',
      placedBy: 'records lead',
      removedAt: null,
      removedBy: null,
      removalReason: null,
    })
    expect(h.placedAt >= before).toBe(true)
    expect(await repo.get(h.id)).toEqual(h)
    expect(await repo.get(h.id + 1000)).toBeUndefined()
    expect(await repo.active('CC-100418')).toEqual([h])
    expect(await repo.active('CC-200001')).toEqual([])
    expect([...(await repo.heldCharts())]).toEqual(['CC-100418'])
  })

  it('lifting needs a reason and a person, lifts every hold of that chart only, and keeps them with who and why', async () => {
    const a = await repo.add('CC-100418', 'litigation', 'records lead')
    const b = await repo.add('CC-100418', 'state audit', 'compliance')
    const other = await repo.add('CC-200001', 'investigation', 'records lead')
    expect(await failureOf(repo.remove('CC-100418', '  ', 'records lead'))).toMatch(/^USAGE: Say why the hold is lifted/)
    expect(await failureOf(repo.remove('CC-100418', 'case closed', ''))).toMatch(/^USAGE: Say who lifts the hold/)
    expect(await repo.active('CC-100418')).toHaveLength(2)

    const lifted = await repo.remove('CC-100418', 'case closed', 'Pat Lin')
    expect(lifted.map((h) => h.id)).toEqual([a.id, b.id])
    for (const id of [a.id, b.id])
      expect(await repo.get(id)).toMatchObject({ removedBy: 'Pat Lin', removalReason: 'case closed', removedAt: lifted[0]!.removedAt })
    expect(lifted[0]!.removedAt).not.toBeNull()
    expect(await repo.active('CC-100418')).toEqual([])
    expect(await repo.active()).toEqual([other])
    expect([...(await repo.heldCharts())]).toEqual(['CC-200001'])
    expect(await failureOf(repo.remove('CC-100418', 'again', 'Pat Lin'))).toMatch(/^NOT_FOUND: Chart CC-100418 has no legal hold/)
  })

  it('a hold needs a reason and who placed it; nothing is written without them', async () => {
    expect(await failureOf(repo.add('CC-100418', ' ', 'records lead'))).toMatch(/^USAGE: A legal hold needs a reason/)
    expect(await failureOf(repo.add('CC-100418', 'litigation', ''))).toMatch(/^USAGE: Say who places the hold/)
    expect(await repo.active()).toEqual([])
  })

  it('a hold placed after one was lifted holds the chart again', async () => {
    await repo.add('CC-100418', 'litigation', 'records lead')
    await repo.remove('CC-100418', 'settled', 'records lead')
    expect((await repo.heldCharts()).has('CC-100418')).toBe(false)
    const again = await repo.add('CC-100418', 'appeal filed', 'records lead')
    expect(await repo.active('CC-100418')).toEqual([again])
    expect((await repo.heldCharts()).has('CC-100418')).toBe(true)
  })

  // On PostgreSQL the other desk has its own connection pool; on SQLite both share the one file.
  it('a hold placed at one desk is seen by the purge of another; two desks lifting it together lift it once', async () => {
    const other = cat.another ? new HoldsRepo(await cat.another()) : repo
    const h = await repo.add('CC-100418', 'litigation', 'records lead')
    expect([...(await other.heldCharts())]).toEqual(['CC-100418'])
    const both = await Promise.allSettled([
      repo.remove('CC-100418', 'settled', 'desk one'),
      other.remove('CC-100418', 'settled', 'desk two'),
    ])
    const ok = both.filter((r) => r.status === 'fulfilled')
    const refused = both.filter((r) => r.status === 'rejected')
    expect(ok).toHaveLength(1)
    expect((ok[0] as PromiseFulfilledResult<{ id: number }[]>).value.map((x) => x.id)).toEqual([h.id])
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['NOT_FOUND'])
    expect(await other.heldCharts()).toEqual(new Set())
  })
})
