/**
 * A desk that ran with catalog.url before its documents' side moved to PostgreSQL, on the real
 * PostgreSQL test server: its accounts and audit entries on PostgreSQL, its documents, pages,
 * receipts, events and patients (through the real ingest, OCR included) in its SQLite file.
 * Opening it on PostgreSQL is refused (CATALOG_NOT_MOVED, naming the command); `chartclerk catalog
 * migrate --finish` moves what is left into that database, verified, continues over rows already
 * there, refuses a row that differs on both sides, and replaces what a desk moved with an earlier
 * `catalog migrate` changed in SQLite since (deleted rows included).
 */
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../../src/app.js'
import { AuditLog } from '../../src/audit/log.js'
import { UsersRepo } from '../../src/auth/users.js'
import { openCatalog, openDeskCatalog } from '../../src/catalog/db.js'
import { tablesThatDiffer } from '../../src/catalog/sql/compareRows.js'
import { copyPlan } from '../../src/catalog/sql/copyPlan.js'
import { MOVED_NOTE, MOVED_TABLES } from '../../src/catalog/sql/finishMove.js'
import { openPostgresCatalog, type SqlCatalog } from '../../src/catalog/sql/open.js'
import { silentLogger } from '../../src/log.js'
import { importPatients } from '../../src/patients/importPatients.js'
import { moveCatalogToPostgres } from '../../src/setup/moveCatalog.js'
import { runCatalogCommand } from '../helpers/catalogCommand.js'
import { makeWorkspace, SAMPLE_SCANS, SAMPLES, type Workspace } from '../helpers/workspace.js'
import { freshDatabase, pgServer, type TestDatabase } from '../support/pgEnv.js'

const server = await pgServer()

const run = runCatalogCommand

/** Documents' side written the way the desk did before: into its SQLite file (no catalog.url). */
async function ingestIntoSqlite(ws: Workspace, scans: string[], withPatients: boolean): Promise<void> {
  const app = await openApp(ws.config(), { log: silentLogger() })
  try {
    if (withPatients)
      await app.catalog.patients.upsert(
        importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: '^CC-\\d{6}$' }).patients,
      )
    const results = await app.runner.ingestFiles(scans.map((s) => path.join(SAMPLE_SCANS, s)))
    for (const r of results) expect(r.status, JSON.stringify(r)).toMatch(/filed|needs_review/)
  } finally {
    await app.close()
  }
}

/** The rows of the moved tables in the SQLite file. */
function sqliteCounts(ws: Workspace): Record<string, number> {
  const c = openCatalog(ws.config().catalog.path)
  try {
    return Object.fromEntries(
      copyPlan(c.db)
        .filter((t) => (MOVED_TABLES as readonly string[]).includes(t.name))
        .map((t) => [t.name, c.db.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() as number]),
    )
  } finally {
    c.close()
  }
}

async function pgCounts(pg: SqlCatalog, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of tables) out[t] = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(t)}`.execute(pg.db)).rows[0]!.n)
  return out
}

/** The moved tables whose rows are not the same on both sides (row for row, as `catalog migrate` compares). */
async function movedTablesThatDiffer(ws: Workspace, pg: SqlCatalog): Promise<string[]> {
  const c = openCatalog(ws.config().catalog.path)
  try {
    return await tablesThatDiffer(
      c.db,
      pg,
      copyPlan(c.db).filter((t) => (MOVED_TABLES as readonly string[]).includes(t.name)),
    )
  } finally {
    c.close()
  }
}

describe.skipIf(!server)('a desk that ran with catalog.url before its documents moved there', () => {
  const dbs: TestDatabase[] = []
  const spaces: Workspace[] = []
  let passwordFile: string

  async function deskOnPg(): Promise<{ ws: Workspace; d: TestDatabase; pg: SqlCatalog; configFile: string; pgConfig: () => any }> {
    const ws = makeWorkspace({ CHARTCLERK_MRN_PATTERN: '^CC-\\d{6}$' })
    spaces.push(ws)
    const d = await freshDatabase(server!)
    dbs.push(d)
    passwordFile = path.join(ws.dir, 'pg-password')
    await writeFile(passwordFile, server!.password ?? '', { mode: 0o600 })
    const configFile = path.join(ws.dir, 'pg.config.json')
    await writeFile(configFile, JSON.stringify({ dataDir: './data', log: { level: 'warn' }, catalog: { url: d.url, passwordFile } }))
    const pg = await openPostgresCatalog({ url: d.url, password: d.password })
    return { ws, d, pg, configFile, pgConfig: () => ws.config({ 'catalog.url': d.url, 'catalog.passwordFile': passwordFile }) }
  }

  afterAll(async () => {
    for (const d of dbs) await d.drop()
    for (const ws of spaces) await ws.cleanup()
  })

  describe('accounts and audit on PostgreSQL, documents in SQLite (the split of the earlier version)', () => {
    let desk: Awaited<ReturnType<typeof deskOnPg>>
    beforeAll(async () => {
      desk = await deskOnPg()
      // What the earlier version wrote to PostgreSQL: the accounts and the audit chain.
      await new UsersRepo(desk.pg.db).add({ username: 'lead1', roles: ['lead'], password: 'made-up passphrase 4 lead' })
      for (let i = 0; i < 5; i++)
        await new AuditLog(desk.pg).append({ actor: 'lead1', action: 'document.view', targetKind: 'document', targetId: String(i + 1) })
      // ... and to its SQLite file: the documents' side.
      await ingestIntoSqlite(desk.ws, ['lab-report-text.pdf', 'consult-note.png'], true)
    }, 300_000)
    afterAll(async () => desk?.pg.close())

    it('start, serve and worker (openApp) and every command (openDeskCatalog) refuse it, naming the command to run', async () => {
      const n = sqliteCounts(desk.ws)
      expect(n.documents).toBe(2)
      expect(n.patients).toBeGreaterThan(5)
      expect(await pgCounts(desk.pg, ['documents', 'patients'])).toEqual({ documents: 0, patients: 0 })
      for (const open of [() => openApp(desk.pgConfig(), { log: silentLogger() }), () => openDeskCatalog(desk.pgConfig().catalog)]) {
        const err = await open().then(
          () => null,
          (e: unknown) => e,
        )
        expect(err).toMatchObject({ code: 'CATALOG_NOT_MOVED' })
        expect((err as { action: string }).action).toContain('chartclerk catalog migrate --finish')
        expect((err as { action: string }).action).toMatch(/documents 2 here, 0 on PostgreSQL/)
      }
    })

    it('a row on both sides that differs is refused, and nothing is moved', async () => {
      // Someone else's patient under one of this desk's MRNs.
      const c = openCatalog(desk.ws.config().catalog.path)
      const p = c.db.prepare('SELECT * FROM patients ORDER BY mrn LIMIT 1').get() as Record<string, unknown>
      c.close()
      await desk.pg.db
        .insertInto('patients')
        .values({ ...(p as any), family_name: 'Otherdesk' })
        .execute()
      await expect(run(['--json', '--config', desk.configFile, 'catalog', 'migrate', '--finish'])).rejects.toMatchObject({
        code: 'CONFLICT',
        action: expect.stringContaining('patients ["'),
      })
      expect(await pgCounts(desk.pg, ['documents', 'patients'])).toEqual({ documents: 0, patients: 1 })
      await expect(openDeskCatalog(desk.pgConfig().catalog)).rejects.toMatchObject({ code: 'CATALOG_NOT_MOVED' })
      // The same row as here instead: taken as already moved (as after an interrupted run).
      await desk.pg.db.deleteFrom('patients').execute()
      await desk.pg.db
        .insertInto('patients')
        .values(p as any)
        .execute()
    })

    it('catalog migrate --finish moves the rest, verified; the desk then opens on PostgreSQL and finds its documents', async () => {
      const before = sqliteCounts(desk.ws)
      const r = await run(['--json', '--config', desk.configFile, 'catalog', 'migrate', '--finish'])
      expect(r.code, r.out).toBe(0)
      expect(r.json).toMatchObject({ type: 'catalog.finish', verified: true, alreadyMoved: false, problems: [] })
      const copied = r.json.tables.reduce((a: number, t: any) => a + t.copied, 0)
      expect(copied).toBe(Object.values(before).reduce((a, b) => a + b, 0) - 1) // the patient already there
      expect(await movedTablesThatDiffer(desk.ws, desk.pg)).toEqual([])
      expect(await pgCounts(desk.pg, Object.keys(before))).toEqual(before)

      const app = await openApp(desk.pgConfig(), { log: silentLogger() })
      try {
        expect(app.sql.engine).toBe('postgres')
        const counts = await app.catalog.documents.countByStatus()
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2)
        // The identity sequences continue after the ids moved.
        await app.catalog.events.append('test.after-move', null, {})
        const last = await app.sql.db.selectFrom('events').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()
        expect(Number(last.id)).toBe(before.events! + 1)
      } finally {
        await app.close()
      }
      // The audit chain on PostgreSQL is untouched and intact.
      expect(await new AuditLog(desk.pg).verify()).toMatchObject({ ok: true, rows: 5 })
      // A second run moves nothing and checks again; the desk keeps running on PostgreSQL.
      const again = await run(['--json', '--config', desk.configFile, 'catalog', 'migrate', '--finish'])
      expect(again.code).toBe(0)
      expect(again.json).toMatchObject({ verified: true, alreadyMoved: true })
      expect(again.json.tables.every((t: any) => t.copied === 0 && t.replaced === 0 && t.deleted === 0)).toBe(true)
    })
  })

  it('a desk moved by an earlier `catalog migrate` that then wrote documents to SQLite: its own old copy is replaced, rows it deleted go', async () => {
    const desk = await deskOnPg()
    try {
      await ingestIntoSqlite(desk.ws, ['lab-report-text.pdf'], true)
      // The whole file copied, as the earlier version's `catalog migrate` did (it noted nothing in the file).
      const src = openCatalog(desk.ws.config().catalog.path)
      try {
        expect((await moveCatalogToPostgres(src.db, desk.pg)).verified).toBe(true)
        src.db.exec(`DROP TABLE ${MOVED_NOTE}`)
      } finally {
        src.close()
      }
      // Then the split run: a new document, a changed one, a patient gone, all in SQLite only.
      await ingestIntoSqlite(desk.ws, ['consult-note.png'], false)
      const c = openCatalog(desk.ws.config().catalog.path)
      const gone = c.db
        .prepare("SELECT mrn FROM patients WHERE mrn NOT IN (SELECT coalesce(patient_mrn, '') FROM documents) ORDER BY mrn LIMIT 1")
        .pluck()
        .get() as string
      c.db.prepare('DELETE FROM patients WHERE mrn = ?').run(gone)
      c.db.prepare("UPDATE documents SET updated_at = '2026-12-01T10:00:00.000Z' WHERE id = (SELECT min(id) FROM documents)").run()
      c.close()
      await expect(openApp(desk.pgConfig(), { log: silentLogger() })).rejects.toMatchObject({ code: 'CATALOG_NOT_MOVED' })

      const r = await run(['--json', '--config', desk.configFile, 'catalog', 'migrate', '--finish'])
      expect(r.code, r.out).toBe(0)
      expect(r.json.verified).toBe(true)
      const t = Object.fromEntries(r.json.tables.map((x: any) => [x.table, x]))
      expect(t.documents).toMatchObject({ copied: 1, replaced: 1 })
      expect(t.patients.deleted).toBe(1)
      expect(t.patient_name_keys.deleted).toBeGreaterThan(0)
      expect(await movedTablesThatDiffer(desk.ws, desk.pg)).toEqual([])
      const app = await openApp(desk.pgConfig(), { log: silentLogger() })
      await app.close()
    } finally {
      await desk.pg.close()
    }
  })

  it('a desk that never ran on PostgreSQL (its accounts only in the file) is told to use `catalog migrate --to`, and --finish refuses it', async () => {
    const desk = await deskOnPg()
    try {
      const app = await openApp(desk.ws.config(), { log: silentLogger() })
      try {
        await new UsersRepo(app.sql.db).add({ username: 'lead1', roles: ['lead'], password: 'made-up passphrase 4 lead' })
        await app.catalog.patients.upsert(
          importPatients(readFileSync(path.join(SAMPLES, 'patients.csv')), { mrnPattern: '^CC-\\d{6}$' }).patients,
        )
      } finally {
        await app.close()
      }
      await expect(openApp(desk.pgConfig(), { log: silentLogger() })).rejects.toMatchObject({
        code: 'CATALOG_NOT_MOVED',
        action: expect.stringContaining('chartclerk catalog migrate --to postgres://'),
      })
      await expect(run(['--json', '--config', desk.configFile, 'catalog', 'migrate', '--finish'])).rejects.toMatchObject({
        code: 'USAGE',
      })
      expect(await pgCounts(desk.pg, ['patients', 'users'])).toEqual({ patients: 0, users: 0 })
    } finally {
      await desk.pg.close()
    }
  })
})
