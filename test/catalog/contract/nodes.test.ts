/**
 * Contract of the nodes repository (src/nodes/registry.ts) and the heartbeat over it
 * (src/nodes/heartbeat.ts): the same tests on SQLite and on PostgreSQL, where several processes
 * on several machines report into one catalog.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startHeartbeat } from '../../../src/nodes/heartbeat.js'
import { NodesRepo, rulesetAgreement, type NodeIdentity } from '../../../src/nodes/registry.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const node = (host: string, role: string, pid: number, site: string | null = null): NodeIdentity => ({
  id: `${host}:${role}:${pid}`,
  host,
  role,
  pid,
  site,
})
const T0 = Date.parse('2026-12-07T09:00:00.000Z')
const STARTED = '2026-12-07T08:59:00.000Z'

describe.each(engines)('nodes on $name', (engine) => {
  let cat: OpenedCatalog
  let t: number
  let nodes: NodesRepo
  beforeAll(async () => {
    cat = await engine.open()
  })
  beforeEach(async () => {
    await cat.sql.db.deleteFrom('nodes').execute()
    t = T0
    nodes = new NodesRepo(cat.sql.db, () => t)
  })
  afterAll(async () => cat?.close())

  it('a report records the node once; a later one refreshes its rule set and when it was heard from', async () => {
    const desk = node('desk1', 'serve', 4242, 'north')
    await nodes.report({ ...desk, rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED })
    t += 30_000
    await nodes.report({ ...desk, rulesetVersion: 'rs-bbbbbbbbbbbb', startedAt: STARTED })
    expect(await nodes.all()).toEqual([
      {
        ...desk,
        rulesetVersion: 'rs-bbbbbbbbbbbb',
        startedAt: STARTED,
        lastSeenAt: new Date(T0 + 30_000).toISOString(),
        stoppedAt: null,
      },
    ])
  })

  it('only running nodes heard from within the window are compared; a stopped one no longer counts', async () => {
    await nodes.report({ ...node('scan1', 'start', 7), rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED })
    t += 60_000
    await nodes.report({ ...node('desk1', 'serve', 42), rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED })
    await nodes.report({ ...node('work1', 'worker', 9), rulesetVersion: null, startedAt: STARTED })
    t += 60_000
    // scan1 was last heard from 120 s ago, the others 60 s ago.
    expect((await nodes.seenWithin(90_000)).map((n) => n.id)).toEqual(['desk1:serve:42', 'work1:worker:9'])
    expect((await nodes.seenWithin(120_000)).map((n) => n.id)).toEqual(['desk1:serve:42', 'scan1:start:7', 'work1:worker:9'])
    await nodes.stopped('work1:worker:9')
    expect((await nodes.seenWithin(120_000)).map((n) => n.id)).toEqual(['desk1:serve:42', 'scan1:start:7'])
    // A process that comes back under the same id counts again.
    await nodes.report({ ...node('work1', 'worker', 9), rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED })
    expect((await nodes.seenWithin(1_000)).map((n) => n.id)).toEqual(['work1:worker:9'])
  })

  it('nodes with two rule sets in force disagree, grouped by version, most nodes first', async () => {
    await nodes.report({ ...node('scan1', 'start', 7, 'north'), rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED })
    await nodes.report({ ...node('scan2', 'start', 8, 'south'), rulesetVersion: 'rs-bbbbbbbbbbbb', startedAt: STARTED })
    await nodes.report({ ...node('desk1', 'serve', 42), rulesetVersion: 'rs-bbbbbbbbbbbb', startedAt: STARTED })
    const a = rulesetAgreement(await nodes.seenWithin(60_000))
    expect(a.agree).toBe(false)
    expect(a.versions.map((v) => [v.version, v.nodes.map((n) => n.id)])).toEqual([
      ['rs-bbbbbbbbbbbb', ['desk1:serve:42', 'scan2:start:8']],
      ['rs-aaaaaaaaaaaa', ['scan1:start:7']],
    ])
    await nodes.report({ ...node('scan1', 'start', 7, 'north'), rulesetVersion: 'rs-bbbbbbbbbbbb', startedAt: STARTED })
    expect(rulesetAgreement(await nodes.seenWithin(60_000)).agree).toBe(true)
  })

  it('nodes long gone are forgotten', async () => {
    await nodes.report({ ...node('old', 'serve', 1), rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED })
    t += 8 * 86_400_000
    await nodes.report({ ...node('new', 'serve', 2), rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED })
    expect(await nodes.forgetOlderThan(7 * 86_400_000)).toBe(1)
    expect((await nodes.all()).map((n) => n.id)).toEqual(['new:serve:2'])
  })

  it('a heartbeat reports at once, again on each beat and after a swap, and records its stop', async () => {
    const live = new NodesRepo(cat.sql.db)
    let version: string | null = 'rs-aaaaaaaaaaaa'
    const hb = await startHeartbeat({ nodes: live, node: node('desk9', 'serve', 99), version: () => version, intervalMs: 100 })
    const first = (await live.seenWithin(10_000))[0]!
    expect(first).toMatchObject({ id: 'desk9:serve:99', rulesetVersion: 'rs-aaaaaaaaaaaa', stoppedAt: null })
    await new Promise((r) => setTimeout(r, 350))
    const later = (await live.seenWithin(10_000))[0]!
    expect(Date.parse(later.lastSeenAt)).toBeGreaterThan(Date.parse(first.lastSeenAt))
    version = 'rs-cccccccccccc'
    await hb.beat()
    expect((await live.seenWithin(10_000))[0]!.rulesetVersion).toBe('rs-cccccccccccc')
    await hb.stop()
    expect(await live.seenWithin(10_000)).toEqual([])
    expect((await live.all())[0]!.stoppedAt).not.toBeNull()
  })

  it('reports of the same and of other nodes at once (from two connection pools on PostgreSQL) keep one row each', async () => {
    const other = cat.another ? new NodesRepo((await cat.another()).db, () => t) : nodes
    const reports = []
    for (let i = 0; i < 20; i++) {
      const repo = i % 2 ? other : nodes
      reports.push(repo.report({ ...node('desk1', 'serve', 42), rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED }))
      reports.push(repo.report({ ...node(`work${i % 4}`, 'worker', i % 4), rulesetVersion: 'rs-aaaaaaaaaaaa', startedAt: STARTED }))
    }
    await Promise.all(reports)
    expect((await nodes.all()).map((n) => n.id).sort()).toEqual([
      'desk1:serve:42',
      'work0:worker:0',
      'work1:worker:1',
      'work2:worker:2',
      'work3:worker:3',
    ])
  })
})
