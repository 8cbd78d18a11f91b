/** The audit log's hash chain: append-only by trigger, and every edit or deletion found by verify(). */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditLog, GENESIS_HASH, rowHash } from '../../../src/audit/log.js'
import { openCatalog, type Catalog } from '../../../src/catalog/db.js'

let catalog: Catalog
let audit: AuditLog

beforeEach(() => {
  catalog = openCatalog(':memory:')
  audit = new AuditLog(catalog.db)
  for (let i = 1; i <= 6; i++)
    audit.append({
      actor: `clerk${i % 2}`,
      action: 'document.view',
      targetKind: 'document',
      targetId: String(i),
      patientMrn: 'CC-100418',
      source: '127.0.0.1',
      detail: { page: i, b: 1, a: 2 },
    })
})

afterEach(() => catalog.close())

/** What an attacker with the database file does: drop the triggers, then edit. */
function tamper(db: Database.Database, sql: string): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
  db.exec(sql)
}

describe('audit chain', () => {
  it('each row carries the hash of the one before; the first follows the genesis hash', () => {
    const rows = audit.search({ limit: 10 }).rows.reverse()
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH)
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash)
    expect(audit.verify()).toMatchObject({ ok: true, rows: 6, head: rows[5]!.hash })
  })

  it('refuses UPDATE and DELETE through SQL', () => {
    expect(() => catalog.db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 1").run()).toThrow(/append-only/)
    expect(() => catalog.db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/)
  })

  it('GIVEN a row edited with the triggers dropped THEN verify names that row', () => {
    tamper(catalog.db, "UPDATE audit_log SET actor = 'nobody' WHERE id = 3")
    expect(audit.verify()).toMatchObject({
      ok: false,
      rows: 2,
      firstBroken: { id: 3, problem: expect.stringMatching(/content was changed/) },
    })
  })

  it('GIVEN a row edited and its own hash recomputed THEN the next row no longer follows it', () => {
    const r = audit.search({ limit: 10 }).rows.find((x) => x.id === 2)!
    // recompute row 2's hash as an attacker would, with its new content
    const detailText = catalog.db.prepare('SELECT detail FROM audit_log WHERE id = 2').pluck().get() as string
    const forged = rowHash({ ...r, actor: 'nobody', detailText })
    tamper(catalog.db, `UPDATE audit_log SET actor = 'nobody', hash = '${forged}' WHERE id = 2`)
    expect(audit.verify().firstBroken).toMatchObject({ id: 3, problem: expect.stringMatching(/does not follow row 2/) })
  })

  it('GIVEN a row deleted from the middle THEN verify reports it missing at the next row', () => {
    tamper(catalog.db, 'DELETE FROM audit_log WHERE id = 4')
    expect(audit.verify()).toMatchObject({ ok: false, firstBroken: { id: 5, problem: 'row 4 is missing (deleted)' } })
  })

  it('GIVEN the newest rows deleted THEN verify reports them missing', () => {
    tamper(catalog.db, 'DELETE FROM audit_log WHERE id >= 5')
    expect(audit.verify()).toMatchObject({
      ok: false,
      rows: 4,
      firstBroken: { id: 5, problem: expect.stringMatching(/last rows \(5-6\) are missing/) },
    })
  })

  it('GIVEN the first row deleted THEN verify notices', () => {
    tamper(catalog.db, 'DELETE FROM audit_log WHERE id = 1')
    expect(audit.verify()).toMatchObject({ ok: false, firstBroken: { id: 2 } })
  })

  it('detail is hashed in a stable form (key order does not matter) and kept as JSON', () => {
    const row = audit.search({ limit: 1 }).rows[0]!
    expect(row.detail).toEqual({ a: 2, b: 1, page: 6 })
    expect(catalog.db.prepare('SELECT detail FROM audit_log WHERE id = ?').pluck().get(row.id)).toBe('{"a":2,"b":1,"page":6}')
  })

  it('search filters by person, action group, chart and dates', () => {
    audit.append({
      actor: 'lead1',
      action: 'deficiency.status',
      targetKind: 'deficiency',
      targetId: '9',
      patientMrn: 'CC-101902',
      source: 'x',
    })
    audit.append({ actor: 'lead1', action: 'login', source: 'x' })
    audit.append({ actor: 'lead1', action: 'login.failed', source: 'x', outcome: 'failed' })
    expect(audit.search({ actor: 'lead1' }).total).toBe(3)
    expect(audit.search({ action: 'login' }).total).toBe(2)
    expect(audit.search({ action: 'document' }).total).toBe(6)
    expect(audit.search({ patientMrn: 'CC-101902' }).rows[0]!.action).toBe('deficiency.status')
    const today = new Date().toISOString().slice(0, 10)
    expect(audit.search({ from: today, to: today }).total).toBe(9)
    expect(audit.search({ to: '2000-01-01' }).total).toBe(0)
    expect(audit.search({ action: 'doc%' }).total).toBe(0)
  })
})
