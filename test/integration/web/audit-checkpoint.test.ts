/**
 * Truncation of the audit log is caught: the newest entries and the id sequence deleted from the
 * SQLite file (triggers dropped, as someone with the data folder could) still verify by the chain
 * alone, but not against the latest checkpoint in the object store. Through the real program
 * (src/cli/main.ts) and the desk's own checkpoints.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHECKPOINT_EVERY, CHECKPOINT_PREFIX, latestCheckpoint, writeCheckpoint } from '../../../src/audit/checkpoint.js'
import { sqliteSqlCatalog } from '../../../src/catalog/sql/open.js'
import { AuditLog } from '../../../src/audit/log.js'
import { openCatalog } from '../../../src/catalog/db.js'
import { main } from '../../../src/cli/main.js'
import { FilesystemObjectStore } from '../../../src/storage/fsStore.js'
import { makeWorkspace, type Workspace } from '../../helpers/workspace.js'
import { makeDesk } from './helpers.js'

const workspaces: Workspace[] = []
afterEach(async () => {
  for (const w of workspaces.splice(0)) await w.cleanup()
})

async function cli(data: string, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true))
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  process.exitCode = undefined
  try {
    return { code: await main(['node', 'chartclerk', '--data', data, ...args]), out }
  } finally {
    o.mockRestore()
    e.mockRestore()
    process.exitCode = undefined
  }
}

function truncate(file: string, fromId: number): void {
  const db = new Database(file)
  db.exec(
    `DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id >= ${fromId}; DELETE FROM sqlite_sequence WHERE name = 'audit_log';`,
  )
  db.close()
}

describe('audit truncation', () => {
  it('the newest entries and the sequence row deleted: verify against the checkpoint exits 1 naming the missing rows', async () => {
    const ws = makeWorkspace()
    workspaces.push(ws)
    const file = path.join(ws.data, 'catalog.sqlite')
    const catalog = openCatalog(file)
    const audit = new AuditLog(sqliteSqlCatalog(catalog.db))
    for (let i = 0; i < 6; i++)
      await audit.append({
        actor: 'clerk1',
        action: 'chart.view',
        targetKind: 'chart',
        targetId: 'CC-100418',
        patientMrn: 'CC-100418',
        source: '127.0.0.1',
      })
    catalog.close()
    const cp = await cli(ws.data, 'audit', 'checkpoint')
    expect(cp.code).toBe(0)
    expect(cp.out).toMatch(/checkpoint written: row 6, hash [0-9a-f]{64}/)

    truncate(file, 4)
    // the chain alone cannot tell (this is the hole)
    expect(await cli(ws.data, 'audit', 'verify', '--no-checkpoint')).toMatchObject({ code: 0 })
    const r = await cli(ws.data, 'audit', 'verify')
    expect(r.code).toBe(1)
    // (row 4 is now the first verify's own audit row)
    expect(r.out).toContain('audit log BROKEN at entry 5: rows 5-6 are missing (deleted): the checkpoint')
    // verify's own audit rows since then (ids 4, 5 again) do not hide it: row 6 is still not the one the checkpoint saw
    const again = await cli(ws.data, '--json', 'audit', 'verify')
    expect(again.code).toBe(1)
    expect(JSON.parse(again.out).firstBroken.problem).toMatch(/missing|rewritten/)
  })

  it('the desk writes checkpoints every N entries and when it stops; an intact log verifies against them', async () => {
    const desk = await makeDesk()
    try {
      const store = desk.app.store
      for (let i = 0; i < CHECKPOINT_EVERY; i++) await desk.deps.audit.append({ actor: 'clerk1', action: 'search', source: 'in-process' })
      await vi.waitFor(async () => expect((await latestCheckpoint(store))?.seq).toBe(CHECKPOINT_EVERY), { timeout: 5000 })
      await desk.deps.audit.append({ actor: 'clerk1', action: 'search', source: 'in-process' })
      expect((await desk.deps.audit.verify(await latestCheckpoint(store))).ok).toBe(true)
      expect(await writeCheckpoint(store, desk.deps.audit)).toMatchObject({ seq: CHECKPOINT_EVERY + 1 })
      expect(await writeCheckpoint(store, desk.deps.audit)).toBeNull() // one per head
      const keys: string[] = []
      for await (const o of store.list(CHECKPOINT_PREFIX)) keys.push(o.key)
      expect(keys).toHaveLength(2)
      // a row rewritten in place after the checkpoint (same id, other content, chain re-hashed) is caught too
      const cp = (await latestCheckpoint(store))!
      const fake = { ...cp, hash: 'f'.repeat(64) }
      expect(await desk.deps.audit.verify(fake)).toMatchObject({
        ok: false,
        firstBroken: { id: cp.seq, problem: expect.stringMatching(/rewritten/) },
      })
    } finally {
      await desk.close()
    }
  })

  it('a checkpoint that is not one is reported, not taken', async () => {
    const ws = makeWorkspace()
    workspaces.push(ws)
    const store = new FilesystemObjectStore(path.join(ws.data, 'objects'))
    await store.init()
    await store.put(`${CHECKPOINT_PREFIX}000000000009.json`, { buffer: Buffer.from('{"seq":"nine"}') })
    await expect(latestCheckpoint(store)).rejects.toMatchObject({ code: 'STORAGE_VERIFY_FAILED' })
  })
})
