/**
 * `chartclerk catalog migrate --to postgres://...` on the real PostgreSQL test server: a real desk
 * (the sample lab report and consult note through the real ingest, OCR included; accounts,
 * audit entries, deficiencies with their history) copied, counted and its audit chain verified on
 * PostgreSQL; an interrupted copy continues where it stopped; a second run copies nothing; a
 * target holding another desk's records, a password in the address and a running desk are refused.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../../src/app.js'
import { AuditLog } from '../../src/audit/log.js'
import { UsersRepo } from '../../src/auth/users.js'
import { openCatalog } from '../../src/catalog/db.js'
import { copyPlan } from '../../src/catalog/sql/copyPlan.js'
import { PROGRESS_TABLE } from '../../src/catalog/sql/copyToPostgres.js'
import { moveCatalogToPostgres } from '../../src/setup/moveCatalog.js'
import { openPostgresCatalog, sqliteSqlCatalog, type SqlCatalog } from '../../src/catalog/sql/open.js'
import { DeficienciesRepo } from '../../src/deficiencies/repo.js'
import { LOCK_NAME, lockNameFor, workerLockName } from '../../src/ingest/dataLock.js'
import { NodesRepo } from '../../src/nodes/registry.js'
import { silentLogger } from '../../src/log.js'
import { importPatients } from '../../src/patients/importPatients.js'
import type { Finding } from '../../src/rules/types.js'
import { runCatalogCommand } from '../helpers/catalogCommand.js'
import { makeWorkspace, ROOT, SAMPLE_SCANS, SAMPLES, type Workspace } from '../helpers/workspace.js'
import { freshDatabase, pgServer, type TestDatabase } from '../support/pgEnv.js'

const server = await pgServer()
const MRN = 'CC-100418'

const run = runCatalogCommand

/** A desk made the way desks are made: patients imported, two sample scans ingested, people and their work. */
async function makeDesk(ws: Workspace, scans: string[]): Promise<void> {
  const app = await openApp(ws.config(), { log: silentLogger() })
  try {
    await app.catalog.patients.upsert(
      importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: '^CC-\\d{6}$' }).patients,
    )
    const results = await app.runner.ingestFiles(scans.map((s) => path.join(SAMPLE_SCANS, s)))
    for (const r of results) expect(r.status, JSON.stringify(r)).toMatch(/filed|needs_review/)
    const users = new UsersRepo(app.sql.db)
    await users.add({ username: 'lead1', roles: ['lead'], password: 'made-up passphrase 4 lead' })
    await users.add({ username: 'clerk1', roles: ['clerk'], displayName: 'Made Up Clerk' })
    const audit = new AuditLog(app.sql)
    for (let i = 0; i < 23; i++)
      await audit.append({
        actor: i % 2 ? 'clerk1' : 'lead1',
        action: 'document.view',
        targetKind: 'document',
        targetId: String(results[i % results.length]!.documentId),
        patientMrn: MRN,
        source: '127.0.0.1',
      })
    const defs = new DeficienciesRepo(app.sql)
    const finding = (ruleId: string, subject: string): Finding => ({
      ruleId,
      ruleVersion: 1,
      kind: 'missing_signature',
      severity: 'error',
      documentId: subject,
      subject,
      message: 'The note is not signed (made up).',
      rulesetVersion: 'test-1',
    })
    const ids = await defs.apply(
      await defs.plan(MRN, [finding('D02', String(results[0]!.documentId)), finding('D03', 'chart')], { version: 'test-1', rules: [] }),
    )
    await defs.transition(ids[0]!, 'completed', { by: 'clerk1', reason: 'signed' })
  } finally {
    await app.close()
  }
}

describe.skipIf(!server)('chartclerk catalog migrate', () => {
  let ws: Workspace
  let configFile: string
  let passwordFile: string
  const dbs: TestDatabase[] = []
  const fresh = async (): Promise<TestDatabase> => {
    const d = await freshDatabase(server!)
    dbs.push(d)
    return d
  }
  const target = (d: TestDatabase): Promise<SqlCatalog> => openPostgresCatalog({ url: d.url, password: d.password })

  beforeAll(async () => {
    ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
    await makeDesk(ws, ['lab-report-text.pdf', 'consult-note.png'])
    configFile = path.join(ws.dir, 'chartclerk.config.json')
    await writeFile(configFile, JSON.stringify({ dataDir: './data', log: { level: 'warn' } }))
    passwordFile = path.join(ws.dir, 'pg-password')
    await writeFile(passwordFile, server!.password ?? '', { mode: 0o600 })
  }, 300_000)

  afterAll(async () => {
    for (const d of dbs) await d.drop()
    await ws?.cleanup()
  })

  /** Rows per table on the desk, read from the SQLite file itself. */
  function sourceCounts(): Record<string, number> {
    const c = openCatalog(ws.config().catalog.path)
    try {
      return Object.fromEntries(
        copyPlan(c.db).map((t) => [t.name, c.db.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() as number]),
      )
    } finally {
      c.close()
    }
  }
  async function targetCounts(s: SqlCatalog): Promise<Record<string, number>> {
    const out: Record<string, number> = {}
    for (const t of Object.keys(sourceCounts()))
      out[t] = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(t)}`.execute(s.db)).rows[0]!.n)
    return out
  }
  async function sourceAuditHead(): Promise<{ rows: number; head: string }> {
    const c = openCatalog(ws.config().catalog.path)
    try {
      const v = await new AuditLog(sqliteSqlCatalog(c.db)).verify()
      expect(v.ok).toBe(true)
      return { rows: v.rows, head: v.head }
    } finally {
      c.close()
    }
  }
  const migrate = (d: TestDatabase, ...extra: string[]) =>
    run(['--json', '--config', configFile, 'catalog', 'migrate', '--to', d.url, '--password-file', passwordFile, ...extra])

  it('the desk has documents, pages, accounts, audit entries and deficiencies to copy', () => {
    const n = sourceCounts()
    expect(n.documents).toBe(2)
    expect(n.pages).toBeGreaterThanOrEqual(2)
    expect(n.users).toBe(2)
    expect(n.audit_log).toBeGreaterThanOrEqual(23)
    expect(n.deficiencies).toBeGreaterThanOrEqual(2)
    expect(n.deficiency_history).toBeGreaterThanOrEqual(3)
    expect(n.patients).toBeGreaterThan(5)
  })

  it('an interrupted copy continues where it stopped, ends equal, and a second run copies nothing', async () => {
    const d = await fresh()
    // Interrupted the way Ctrl-C does it: after the third batch commits.
    const pg = await target(d)
    const src = openCatalog(ws.config().catalog.path)
    const ac = new AbortController()
    let batches = 0
    try {
      const first = await moveCatalogToPostgres(src.db, pg, {
        batchSize: 4,
        signal: ac.signal,
        onBatch: () => {
          if (++batches === 3) ac.abort()
        },
      })
      expect(first.stopped).toBe(true)
      expect(first.verified).toBe(false)
    } finally {
      src.close()
    }
    const partial = await targetCounts(pg)
    const copiedSoFar = Object.values(partial).reduce((a, b) => a + b, 0)
    expect(copiedSoFar).toBe(12) // three batches of four, each committed with its progress row
    const progress = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(PROGRESS_TABLE)} WHERE done_at IS NULL`.execute(pg.db)
    expect(Number(progress.rows[0]!.n)).toBeGreaterThan(0)

    const second = await migrate(d, '--batch-size', '4')
    expect(second.code, second.out).toBe(0)
    expect(second.json.verified).toBe(true)
    expect(second.json.stopped).toBe(false)
    expect(second.json.tables.reduce((n: number, t: any) => n + t.copiedNow, 0)).toBe(
      Object.values(sourceCounts()).reduce((a, b) => a + b, 0) - copiedSoFar,
    )
    expect(second.json.set).toEqual({ catalog: { url: d.url, passwordFile } })

    // Counted independently on both sides; the audit chain walks intact to the same head.
    expect(await targetCounts(pg)).toEqual(sourceCounts())
    const onPg = await new AuditLog(pg).verify()
    const onSqlite = await sourceAuditHead()
    expect(onPg).toMatchObject({ ok: true, rows: onSqlite.rows, head: onSqlite.head })
    // Ids kept, and PostgreSQL's own search column filled from the OCR'd text.
    const src2 = openCatalog(ws.config().catalog.path)
    const ids = src2.db.prepare('SELECT id, sha256 FROM documents ORDER BY id').all()
    src2.close()
    expect((await sql`SELECT id, sha256 FROM documents ORDER BY id`.execute(pg.db)).rows).toEqual(ids)
    const hits = await sql<{
      n: number
    }>`SELECT count(*) AS n FROM pages WHERE text_search @@ websearch_to_tsquery('english', 'patient')`.execute(pg.db)
    expect(Number(hits.rows[0]!.n)).toBeGreaterThan(0)

    // Again: nothing copied, checked again, still equal.
    const third = await migrate(d)
    expect(third.code).toBe(0)
    expect(third.json).toMatchObject({ alreadyDone: true, verified: true })
    expect(third.json.tables.every((t: any) => t.copiedNow === 0)).toBe(true)
    expect(await targetCounts(pg)).toEqual(sourceCounts())

    // The desk on PostgreSQL goes on from there: the next audit entry and account take the next ids.
    const audit = new AuditLog(pg)
    const next = await audit.append({ actor: 'lead1', action: 'document.view', targetKind: 'document', targetId: '1', patientMrn: MRN })
    expect(next).toBe(onSqlite.rows + 1)
    expect((await audit.verify()).ok).toBe(true)
    const u = await new UsersRepo(pg.db).add({ username: 'clerk2', roles: ['clerk'] })
    expect(u.user.id).toBe(3)
    await pg.close()
  })

  it('a copy killed mid-way (SIGKILL) leaves only whole batches behind, and the next run finishes it', async () => {
    // A desk with a long audit log, copied one row per transaction by the real command in its own process.
    const big = makeWorkspace()
    try {
      const app = await openApp(big.config(), { log: silentLogger() })
      const audit = new AuditLog(app.sql)
      for (let i = 0; i < 4000; i++)
        await audit.append({ actor: 'clerk1', action: 'document.view', targetKind: 'document', targetId: String(i) })
      await app.close()
      const bigConfig = path.join(big.dir, 'chartclerk.config.json')
      await writeFile(bigConfig, JSON.stringify({ dataDir: './data', log: { level: 'warn' } }))
      const d = await fresh()
      const pg = await target(d)
      const copied = async (): Promise<number> =>
        Number(
          (
            await sql<{ n: number }>`SELECT coalesce(sum(rows_copied), 0) AS n FROM ${sql.id(PROGRESS_TABLE)}`
              .execute(pg.db)
              .catch(() => ({ rows: [{ n: 0 }] }))
          ).rows[0]!.n,
        )
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(ROOT, 'src/cli/run.ts'),
          '--config',
          bigConfig,
          'catalog',
          'migrate',
          '--to',
          d.url,
          '--password-file',
          passwordFile,
          '--batch-size',
          '1',
        ],
        // From the repository, where tsx is found.
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      )
      let stderr = ''
      child.stderr!.on('data', (b) => (stderr += b))
      let gone = false
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => {
          gone = true
          resolve(signal)
        }),
      )
      const deadline = Date.now() + 60_000
      while (!gone && (await copied()) < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(gone, stderr).toBe(false)
      child.kill('SIGKILL')
      expect(await exited).toBe('SIGKILL')
      const atKill = await copied()
      expect(atKill).toBeGreaterThanOrEqual(300)
      // Only whole batches: what the progress table says was copied is exactly what is there.
      const c = openCatalog(big.config().catalog.path)
      const tables = copyPlan(c.db).map((t) => t.name)
      const total = c.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number
      let there = 0
      for (const t of tables) there += Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(t)}`.execute(pg.db)).rows[0]!.n)
      expect(there).toBe(atKill)
      expect(atKill).toBeLessThan(total)

      const r = await run(['--json', '--config', bigConfig, 'catalog', 'migrate', '--to', d.url, '--password-file', passwordFile])
      expect(r.code, r.out).toBe(0)
      expect(r.json.verified).toBe(true)
      expect(r.json.tables.reduce((n: number, t: any) => n + t.copiedNow, 0)).toBe(
        r.json.tables.reduce((n: number, t: any) => n + t.source, 0) - atKill,
      )
      const v = await new AuditLog(pg).verify()
      const s = await new AuditLog(sqliteSqlCatalog(c.db)).verify()
      c.close()
      expect(v).toMatchObject({ ok: true, rows: total, head: s.head })
      await pg.close()
    } finally {
      await big.cleanup()
    }
  })

  it('the text output says what to set in the configuration, and does not change it', async () => {
    const d = await fresh()
    const before = readFileSync(configFile, 'utf8')
    const r = await run(['--config', configFile, 'catalog', 'migrate', '--to', d.url, '--password-file', passwordFile])
    expect(r.code, r.out).toBe(0)
    expect(r.out).toContain(`"catalog": ${JSON.stringify({ url: d.url, passwordFile })}`)
    expect(r.out).toMatch(/audit log: \d+ entries, intact on PostgreSQL, same head [0-9a-f]{64}/)
    expect(readFileSync(configFile, 'utf8')).toBe(before)
  })

  it("refuses a target that holds another desk's records, and says to use an empty database", async () => {
    const d = await fresh()
    const pg = await target(d)
    await new UsersRepo(pg.db).add({ username: 'someone', roles: ['admin'] })
    await pg.close()
    await expect(migrate(d)).rejects.toMatchObject({ code: 'CONFLICT', action: expect.stringMatching(/createdb/) })

    // A copy of another desk.
    const other = makeWorkspace()
    try {
      const app = await openApp(other.config(), { log: silentLogger() })
      await new AuditLog(app.sql).append({ actor: 'x', action: 'document.view', targetKind: 'document', targetId: '9' })
      await app.close()
      const d2 = await fresh()
      const pg2 = await target(d2)
      const c = openCatalog(other.config().catalog.path)
      expect((await moveCatalogToPostgres(c.db, pg2)).verified).toBe(true)
      c.close()
      await pg2.close()
      await expect(migrate(d2)).rejects.toMatchObject({ code: 'CONFLICT', action: expect.stringMatching(/another desk/) })
    } finally {
      await other.cleanup()
    }
  })

  it('refuses a password in the address', async () => {
    const u = new URL(dbs[0]?.url ?? server!.url)
    u.password = 'secret'
    await expect(run(['--config', configFile, 'catalog', 'migrate', '--to', u.toString()])).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      action: expect.stringMatching(/--password-file/),
    })
  })

  it('refuses while the desk runs (a data folder lock is held by a live chartclerk: start, a site’s watcher, a worker)', async () => {
    const d = await fresh()
    // A process whose command line names chartclerk, as `chartclerk start` does.
    const desk: ChildProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'chartclerk-start'], { stdio: 'ignore' })
    try {
      for (const name of [LOCK_NAME, lockNameFor('North clinic'), workerLockName(desk.pid)]) {
        const lockFile = path.join(ws.data, name)
        await writeFile(lockFile, JSON.stringify({ pid: desk.pid, host: os.hostname(), startedAt: new Date().toISOString() }))
        await expect(migrate(d), name).rejects.toMatchObject({
          code: 'DATA_FOLDER_IN_USE',
          action: expect.stringMatching(new RegExp(`process ${desk.pid} .*Stop the desk`)),
        })
        await rm(lockFile)
        expect(existsSync(path.join(ws.data, LOCK_NAME)), 'its own lock given back').toBe(false)
      }
      const pg = await target(d)
      expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM documents`.execute(pg.db)).rows[0]!.n)).toBe(0)
      await pg.close()
    } finally {
      desk.kill()
    }
  })

  it('refuses while a web desk on this catalog is heard from, and copies once it has stopped', async () => {
    const d = await fresh()
    const c = openCatalog(ws.config().catalog.path)
    const nodes = new NodesRepo(sqliteSqlCatalog(c.db).db)
    const serve = { id: 'desk2:serve:4242', host: 'desk2', role: 'serve', pid: 4242, site: null }
    try {
      await nodes.report({ ...serve, rulesetVersion: null, startedAt: new Date().toISOString() })
      await expect(migrate(d)).rejects.toMatchObject({
        code: 'DATA_FOLDER_IN_USE',
        action: expect.stringMatching(/serve on desk2 \(pid 4242\).*Stop it/),
      })
      const pg = await target(d)
      expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM documents`.execute(pg.db)).rows[0]!.n)).toBe(0)
      await pg.close()
      await nodes.stopped(serve.id)
      const r = await migrate(d)
      expect(r.code).toBe(0)
      expect(r.json.verified).toBe(true)
    } finally {
      await nodes.forgetOlderThan(-1000)
      c.close()
    }
  })

  // Last: it changes the desk.
  it('a row changed here after it was copied shows on the next run, though every count still matches', async () => {
    const d = await fresh()
    expect((await migrate(d)).json.verified).toBe(true)
    // The desk was started again on its SQLite file and a chart's provider changed.
    const c = openCatalog(ws.config().catalog.path)
    expect(c.db.prepare("UPDATE patients SET primary_provider = 'Made Up Provider, MD' WHERE mrn = ?").run(MRN).changes).toBe(1)
    c.close()
    const again = await migrate(d)
    expect(again.code).toBe(1)
    expect(again.json).toMatchObject({ alreadyDone: true, verified: false, set: null })
    expect(again.json.tables.every((t: any) => t.source === t.target)).toBe(true)
    expect(again.json.problems).toEqual([expect.stringMatching(/^patients: the same number of rows, but not the same rows/)])
  })
})
