/**
 * Contract of the audit log (src/audit/log.ts) on SQLite and on PostgreSQL: the hash chain,
 * append-only, every edit or deletion found by verify(), the same searches, and one chain
 * under concurrent writers (on PostgreSQL: two desks with their own connections at once).
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditLog, GENESIS_HASH, rowHash, type AuditEntry } from '../../../src/audit/log.js'
import { openCatalog } from '../../../src/catalog/db.js'
import { sqliteSqlCatalog, type SqlCatalog } from '../../../src/catalog/sql/open.js'
import { catalogEngines, type OpenedCatalog } from './engines.js'

const engines = await catalogEngines()

const VIEW: AuditEntry = {
  actor: 'clerk1',
  action: 'document.view',
  targetKind: 'document',
  targetId: '1',
  patientMrn: 'CC-100418',
  source: '127.0.0.1',
}

/** What an attacker with the database does: remove the append-only triggers, then edit. */
async function tamper(s: SqlCatalog, statement: string): Promise<void> {
  if (s.engine === 'sqlite') await sql.raw('DROP TRIGGER audit_log_no_update').execute(s.db)
  else await sql.raw('ALTER TABLE audit_log DISABLE TRIGGER USER').execute(s.db)
  if (s.engine === 'sqlite') await sql.raw('DROP TRIGGER audit_log_no_delete').execute(s.db)
  await sql.raw(statement).execute(s.db)
}

describe.each(engines)('the audit log on $name', (engine) => {
  let cat: OpenedCatalog
  let audit: AuditLog
  // The log is append-only (no reset): a new catalog for each test.
  beforeEach(async () => {
    cat = await engine.open()
    audit = new AuditLog(cat.sql)
    for (let i = 1; i <= 6; i++)
      await audit.append({ ...VIEW, actor: `clerk${i % 2}`, targetId: String(i), detail: { page: i, b: 1, a: 2 } })
  })
  afterEach(async () => cat?.close())

  it('each row carries the hash of the one before; the first follows the genesis hash; ids run 1..n', async () => {
    const rows = (await audit.search({ limit: 10 })).rows.reverse()
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6])
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH)
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash)
    expect(await audit.verify()).toMatchObject({ ok: true, rows: 6, head: rows[5]!.hash })
    expect(await audit.head()).toEqual({ seq: 6, hash: rows[5]!.hash })
    expect(await audit.count()).toBe(6)
  })

  it('append returns the new id and tells the listeners', async () => {
    const seen: number[] = []
    audit.onAppend((id) => seen.push(id))
    expect(await audit.append(VIEW)).toBe(7)
    expect(seen).toEqual([7])
  })

  it('refuses UPDATE and DELETE through SQL', async () => {
    await expect(sql`UPDATE audit_log SET actor = 'x' WHERE id = 1`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_log WHERE id = 1`.execute(cat.sql.db)).rejects.toThrow(/append-only/)
    expect(await audit.count()).toBe(6)
  })

  it('GIVEN a row edited with the triggers dropped THEN verify names that row', async () => {
    await tamper(cat.sql, "UPDATE audit_log SET actor = 'nobody' WHERE id = 3")
    expect(await audit.verify()).toMatchObject({
      ok: false,
      rows: 2,
      firstBroken: { id: 3, problem: expect.stringMatching(/content was changed/) },
    })
  })

  it('GIVEN a row edited and its own hash recomputed THEN the next row no longer follows it', async () => {
    const r = (await audit.search({ limit: 10 })).rows.find((x) => x.id === 2)!
    const { detail } = await cat.sql.db.selectFrom('audit_log').select('detail').where('id', '=', 2).executeTakeFirstOrThrow()
    // recompute row 2's hash as an attacker would, with its new content
    const forged = rowHash({ ...r, actor: 'nobody', detailText: detail })
    await tamper(cat.sql, `UPDATE audit_log SET actor = 'nobody', hash = '${forged}' WHERE id = 2`)
    expect((await audit.verify()).firstBroken).toMatchObject({ id: 3, problem: expect.stringMatching(/does not follow row 2/) })
  })

  it('GIVEN a row deleted from the middle THEN verify reports it missing at the next row', async () => {
    await tamper(cat.sql, 'DELETE FROM audit_log WHERE id = 4')
    expect(await audit.verify()).toMatchObject({ ok: false, firstBroken: { id: 5, problem: 'row 4 is missing (deleted)' } })
  })

  it('GIVEN the first row deleted THEN verify notices', async () => {
    await tamper(cat.sql, 'DELETE FROM audit_log WHERE id = 1')
    expect(await audit.verify()).toMatchObject({ ok: false, firstBroken: { id: 2 } })
  })

  it('GIVEN the newest rows deleted THEN verify against the checkpoint reports them missing', async () => {
    const cp = { ...(await audit.head())!, at: '2025-06-01T08:00:00.000Z' }
    expect(await audit.verify(cp)).toMatchObject({ ok: true, checkpoint: { seq: 6 } })
    await tamper(cat.sql, 'DELETE FROM audit_log WHERE id >= 5')
    expect(await audit.verify(cp)).toMatchObject({
      ok: false,
      rows: 4,
      firstBroken: { id: 5, problem: expect.stringMatching(/missing \(deleted\)/) },
    })
    if (cat.sql.engine === 'sqlite')
      // SQLite's AUTOINCREMENT remembers the highest id: noticed without a checkpoint too.
      expect(await audit.verify()).toMatchObject({
        ok: false,
        firstBroken: { id: 5, problem: expect.stringMatching(/last rows \(5-6\) are missing/) },
      })
  })

  it('GIVEN the log rewritten from a row on THEN the checkpoint of that row no longer fits', async () => {
    const cp = { ...(await audit.head())!, at: '2025-06-01T08:00:00.000Z' }
    const r = (await audit.search({ limit: 1 })).rows[0]!
    const { detail } = await cat.sql.db.selectFrom('audit_log').select('detail').where('id', '=', 6).executeTakeFirstOrThrow()
    const forged = rowHash({ ...r, actor: 'nobody', detailText: detail })
    await tamper(cat.sql, `UPDATE audit_log SET actor = 'nobody', hash = '${forged}' WHERE id = 6`)
    expect(await audit.verify(cp)).toMatchObject({ ok: false, firstBroken: { id: 6, problem: expect.stringMatching(/rewritten/) } })
  })

  it('detail is hashed in a stable form (key order does not matter) and kept as JSON', async () => {
    const row = (await audit.search({ limit: 1 })).rows[0]!
    expect(row.detail).toEqual({ a: 2, b: 1, page: 6 })
    const { detail } = await cat.sql.db.selectFrom('audit_log').select('detail').where('id', '=', row.id).executeTakeFirstOrThrow()
    expect(detail).toBe('{"a":2,"b":1,"page":6}')
  })

  it('search filters by person, action group, chart and dates, newest first, with paging', async () => {
    await audit.append({
      actor: 'lead1',
      action: 'deficiency.status',
      targetKind: 'deficiency',
      targetId: '9',
      patientMrn: 'CC-101902',
      source: 'x',
    })
    await audit.append({ actor: 'lead1', action: 'login', source: 'x' })
    await audit.append({ actor: 'lead1', action: 'login.failed', source: 'x', outcome: 'failed' })
    expect((await audit.search({ actor: 'lead1' })).total).toBe(3)
    expect((await audit.search({ action: 'login' })).total).toBe(2)
    expect((await audit.search({ action: 'document' })).total).toBe(6)
    expect((await audit.search({ action: 'document.view' })).total).toBe(6)
    expect((await audit.search({ patientMrn: 'CC-101902' })).rows[0]!.action).toBe('deficiency.status')
    expect((await audit.search({ targetKind: 'document', targetId: '3' })).rows.map((r) => r.id)).toEqual([3])
    const today = new Date().toISOString().slice(0, 10)
    expect((await audit.search({ from: today, to: today })).total).toBe(9)
    expect((await audit.search({ to: '2000-01-01' })).total).toBe(0)
    // LIKE's wildcards in the filter are taken literally
    expect((await audit.search({ action: 'doc%' })).total).toBe(0)
    expect((await audit.search({ action: 'd_cument' })).total).toBe(0)
    const page = await audit.search({ limit: 4, offset: 2 })
    expect(page.total).toBe(9)
    expect(page.rows.map((r) => r.id)).toEqual([7, 6, 5, 4])
    expect((await audit.search({ actor: 'lead1' })).rows.find((r) => r.outcome === 'failed')).toMatchObject({
      action: 'login.failed',
      targetKind: null,
      patientMrn: null,
      detail: {},
    })
  })

  it('verify walks a chain longer than one read batch', async () => {
    for (let i = 0; i < 1100; i++) await audit.append({ ...VIEW, targetId: String(i) })
    expect(await audit.verify()).toMatchObject({ ok: true, rows: 1106 })
  })

  it('many appends at once from one desk stay one chain', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => audit.append({ ...VIEW, targetId: `c${i}` })))
    expect(await audit.verify()).toMatchObject({ ok: true, rows: 46 })
  })

  it.runIf(engine.name === 'postgres')(
    'two desks appending at the same moment, each over its own connections, keep one chain',
    async () => {
      const other = new AuditLog(await cat.another!())
      const third = new AuditLog(await cat.another!())
      const writers = [audit, other, third]
      const ids = await Promise.all(
        Array.from({ length: 90 }, (_, i) => writers[i % 3]!.append({ ...VIEW, actor: `desk${i % 3}`, targetId: String(i) })),
      )
      expect(new Set(ids).size).toBe(90)
      expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 7))
      const r = await other.verify()
      expect(r).toMatchObject({ ok: true, rows: 96 })
      expect(await audit.head()).toEqual({ seq: 96, hash: r.head })
      // each desk's rows are there, interleaved in one chain
      for (const d of ['desk0', 'desk1', 'desk2']) expect((await third.search({ actor: d })).total).toBe(30)
    },
  )

  it.runIf(engine.name === 'postgres')('an append that rolls back leaves no gap in the ids', async () => {
    // A row whose hash text breaks the insert (a NUL byte is refused by PostgreSQL's text) fails after the id is chosen.
    await expect(audit.append({ ...VIEW, actor: 'bad\u0000actor' })).rejects.toThrow()
    expect(await audit.append(VIEW)).toBe(7)
    expect(await audit.verify()).toMatchObject({ ok: true, rows: 7 })
  })
})

describe('the audit log in one SQLite file written by several processes', () => {
  it('three processes appending at the same moment keep one chain (BEGIN IMMEDIATE)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-audit-'))
    try {
      const file = path.join(dir, 'catalog.sqlite')
      openCatalog(file).close()
      const run = promisify(execFile)
      const script = path.resolve('test/support/appendAudit.ts')
      const go = path.join(dir, 'go')
      const who = ['p1', 'p2', 'p3']
      const done = Promise.all(who.map((w) => run('npx', ['tsx', script, file, '300', w, go], { timeout: 120_000 })))
      // all three open and ready, then they start together
      while (!who.every((w) => existsSync(`${go}.${w}`))) await new Promise((r) => setTimeout(r, 20))
      writeFileSync(go, '')
      await done
      const catalog = openCatalog(file)
      try {
        const audit = new AuditLog(sqliteSqlCatalog(catalog.db))
        expect(await audit.verify()).toMatchObject({ ok: true, rows: 900 })
        const { rows } = await audit.search({ limit: 900 })
        for (const w of who) expect(rows.filter((r) => r.actor === w)).toHaveLength(300)
        // they did write at the same time: the chain passes from one writer to another many times
        const turns = rows.filter((r, i) => i > 0 && r.actor !== rows[i - 1]!.actor).length
        expect(turns).toBeGreaterThan(10)
      } finally {
        catalog.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
