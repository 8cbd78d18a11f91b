/**
 * The command line of the web desk: `chartclerk user ...` and `chartclerk audit verify`, through
 * the real program (src/cli/main.ts). The audit test tampers with the SQLite file directly, with
 * the triggers dropped, as someone with access to the data folder would.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { sqliteSqlCatalog } from '../../../src/catalog/sql/open.js'
import { AuditLog } from '../../../src/audit/log.js'
import { openCatalog } from '../../../src/catalog/db.js'
import { main } from '../../../src/cli/main.js'
import { makeWorkspace, type Workspace } from '../../helpers/workspace.js'

let ws: Workspace
let catalogFile: string

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return cliIn(ws.data, ...args)
}

async function cliIn(data: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true))
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true))
  process.exitCode = undefined
  try {
    const code = await main(['node', 'chartclerk', '--data', data, ...args])
    return { code, out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
    process.exitCode = undefined
  }
}

beforeAll(() => {
  ws = makeWorkspace()
  catalogFile = path.join(ws.data, 'catalog.sqlite')
})

afterEach(() => {
  process.exitCode = undefined
})

afterAll(async () => {
  await ws?.cleanup()
})

describe('chartclerk user', () => {
  it('add prints a one-time password once; passwd makes a new one; disable and enable; list', async () => {
    const add = await cli('user', 'add', 'mlopez', '--role', 'clerk,lead', '--name', 'Maria Lopez')
    expect(add.code).toBe(0)
    const otp = /one-time password: ([a-z0-9-]+)/.exec(add.out)![1]!
    expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
    const list = await cli('--json', 'user', 'list')
    expect(JSON.parse(list.out.trim())).toMatchObject({
      username: 'mlopez',
      roles: ['clerk', 'lead'],
      mustChangePassword: true,
      disabled: false,
    })
    expect(list.out).not.toContain(otp)

    const pw = await cli('--json', 'user', 'passwd', 'mlopez')
    expect(JSON.parse(pw.out).oneTimePassword).toMatch(/^[a-z2-9-]{19}$/)
    expect(JSON.parse(pw.out).oneTimePassword).not.toBe(otp)

    expect((await cli('user', 'disable', 'mlopez')).out).toContain('mlopez is disabled')
    expect((await cli('user', 'enable', 'mlopez')).out).toContain('mlopez is enabled')
  })

  it('bad roles and unknown accounts are usage errors (exit 2) or not found (exit 1)', async () => {
    expect((await cli('user', 'add', 'x1', '--role', 'superuser')).code).toBe(2)
    const missing = await cli('user', 'disable', 'nobody')
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('no account named nobody')
  })

  it('account changes from the command line are in the audit log', async () => {
    const catalog = openCatalog(catalogFile)
    try {
      const actions = (await new AuditLog(sqliteSqlCatalog(catalog.db)).search({ actor: undefined, limit: 50 })).rows.map((r) => r.action)
      expect(actions).toEqual(expect.arrayContaining(['user.add', 'user.password_reset', 'user.disable', 'user.enable']))
      expect((await new AuditLog(sqliteSqlCatalog(catalog.db)).search({ action: 'user.add' })).rows[0]!.source).toMatch(/^cli@/)
    } finally {
      catalog.close()
    }
  })
})

describe('chartclerk audit verify', () => {
  async function addEntries(n: number): Promise<void> {
    const catalog = openCatalog(catalogFile)
    const audit = new AuditLog(sqliteSqlCatalog(catalog.db))
    for (let i = 0; i < n; i++)
      await audit.append({
        actor: 'clerk1',
        action: 'document.view',
        targetKind: 'document',
        targetId: String(100 + i),
        patientMrn: 'CC-100418',
        source: '127.0.0.1',
      })
    catalog.close()
  }

  function attacker(sql: string): void {
    const db = new Database(catalogFile)
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;')
    db.exec(sql)
    db.close()
  }

  function restoreTriggers(): void {
    const db = new Database(catalogFile)
    db.exec(`CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
             CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`)
    db.close()
  }

  it('an intact log verifies (exit 0) and prints the head hash', async () => {
    await addEntries(5)
    const r = await cli('audit', 'verify')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/audit log intact: \d+ entries, each chained to the one before; head [0-9a-f]{64}/)
  })

  it('GIVEN an entry edited in the SQLite file THEN verify exits 1 naming that entry', async () => {
    const id =
      (new Database(catalogFile, { readonly: true })
        .prepare("SELECT max(id) FROM audit_log WHERE action = 'document.view'")
        .pluck()
        .get() as number) - 2
    attacker(`UPDATE audit_log SET actor = 'someone-else' WHERE id = ${id}`)
    const r = await cli('audit', 'verify')
    expect(r.code).toBe(1)
    expect(r.out).toContain(`audit log BROKEN at entry ${id}: its content was changed`)
    const json = await cli('--json', 'audit', 'verify')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, firstBroken: { id } })
    attacker(`UPDATE audit_log SET actor = 'clerk1' WHERE id = ${id}`)
    restoreTriggers()
    expect((await cli('audit', 'verify')).code).toBe(0)
  })

  it('GIVEN an entry deleted from the SQLite file THEN verify exits 1 at the entry after it', async () => {
    const id = (new Database(catalogFile, { readonly: true }).prepare('SELECT max(id) FROM audit_log').pluck().get() as number) - 1
    attacker(`DELETE FROM audit_log WHERE id = ${id}`)
    const r = await cli('audit', 'verify')
    expect(r.code).toBe(1)
    expect(r.out).toContain(`audit log BROKEN at entry ${id + 1}: row ${id} is missing (deleted)`)
  })

  it('GIVEN the newest entries deleted THEN verify still notices', async () => {
    const other = makeWorkspace()
    try {
      const file = path.join(other.data, 'catalog.sqlite')
      const catalog = openCatalog(file)
      const audit = new AuditLog(sqliteSqlCatalog(catalog.db))
      for (let i = 0; i < 4; i++)
        await audit.append({
          actor: 'clerk1',
          action: 'chart.view',
          targetKind: 'chart',
          targetId: 'CC-100418',
          patientMrn: 'CC-100418',
          source: '127.0.0.1',
        })
      catalog.close()
      expect((await cliIn(other.data, 'audit', 'verify')).code).toBe(0)
      const db = new Database(file)
      db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id >= 3;')
      db.close()
      const r = await cliIn(other.data, 'audit', 'verify')
      expect(r.code).toBe(1)
      // rows 3-4, and row 5: the first verify's own audit row
      expect(r.out).toContain('audit log BROKEN at entry 3: the last rows (3-5) are missing (deleted)')
    } finally {
      await other.cleanup()
    }
  })

  it('audit list shows entries, newest first', async () => {
    const r = await cli('audit', 'list', '--action', 'user', '--limit', '2')
    expect(r.code).toBe(0)
    expect(r.out.trim().split('\n')).toHaveLength(2)
    expect(r.out).toMatch(/user\.(enable|disable)/)
  })
})
