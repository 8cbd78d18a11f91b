/**
 * The catalog's schema on both engines: a fresh SQLite catalog and a fresh PostgreSQL catalog
 * have the same tables with the same columns, and the same migrations recorded, so the two
 * cannot drift (a new SQLite migration needs its PostgreSQL twin in
 * src/catalog/sql/postgres/). The only differences are the full-text index, named here.
 * Also: what a person is told when the PostgreSQL catalog cannot be used.
 */
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCatalog } from '../../../src/catalog/db.js'
import { openPostgresCatalog, type SqlCatalog } from '../../../src/catalog/sql/open.js'
import { PG_MIGRATIONS } from '../../../src/catalog/sql/postgres/migrations.js'
import { freePort } from '../../support/backgroundServer.js'
import { freshDatabase, pgServer, type TestDatabase } from '../../support/pgEnv.js'

const server = await pgServer()

/** SQLite's FTS5 table (and its shadow tables) is PostgreSQL's pages.text_search column with a GIN index. */
const SQLITE_ONLY_TABLES = /^(sqlite_|pages_fts($|_))/
const PG_ONLY_COLUMNS = new Set(['pages.text_search'])

function sqliteSchema(): Map<string, string[]> {
  const catalog = openCatalog(':memory:')
  try {
    const tables = catalog.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
    return new Map(
      tables
        .filter((t) => !SQLITE_ONLY_TABLES.test(t))
        .map((t) => [t, (catalog.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).sort()]),
    )
  } finally {
    catalog.close()
  }
}

describe.skipIf(!server)('the catalog schema on PostgreSQL', () => {
  let db: TestDatabase
  let pg: SqlCatalog
  beforeAll(async () => {
    db = await freshDatabase(server!)
    pg = await openPostgresCatalog({ url: db.url, password: db.password })
  })
  afterAll(async () => {
    await pg?.close()
    await db?.drop()
  })

  it('has every table and column of a fresh SQLite catalog, and nothing else but the full-text column', async () => {
    const cols = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`.execute(
      pg.db,
    )
    const onPg = new Map<string, string[]>()
    for (const r of cols.rows) {
      if (PG_ONLY_COLUMNS.has(`${r.table_name}.${r.column_name}`)) continue
      onPg.set(r.table_name, [...(onPg.get(r.table_name) ?? []), r.column_name].sort())
    }
    const onSqlite = sqliteSchema()
    expect(onSqlite.size).toBeGreaterThan(25)
    expect([...onPg.keys()].sort()).toEqual([...onSqlite.keys()].sort())
    for (const [table, columns] of onSqlite) expect(onPg.get(table), table).toEqual(columns)
  })

  it('records the same migrations as SQLite', async () => {
    const catalog = openCatalog(':memory:')
    const sqlite = catalog.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()
    catalog.close()
    const rows = await sql<{ version: number; name: string }>`SELECT version, name FROM schema_migrations ORDER BY version`.execute(pg.db)
    expect(rows.rows).toEqual(sqlite)
  })

  it('searches page text with a tsvector and a GIN index, stemmed like FTS5', async () => {
    const idx = await sql<{
      indexdef: string
    }>`SELECT indexdef FROM pg_indexes WHERE tablename = 'pages' AND indexname = 'pages_text_search'`.execute(pg.db)
    expect(idx.rows[0]?.indexdef).toMatch(/USING gin \(text_search\)/)
    const now = new Date().toISOString()
    await sql`INSERT INTO documents (sha256, size, content_type, original_name, received_at, status, created_at, updated_at)
              VALUES ('ab', 1, 'application/pdf', 'a.pdf', ${now}, 'filed', ${now}, ${now})`.execute(pg.db)
    await sql`INSERT INTO pages (document_id, page_no, source, text) VALUES (1, 1, 'ocr', 'Hemoglobin A1c results were reviewed by the cardiologist')`.execute(
      pg.db,
    )
    const hit = await sql<{
      document_id: number
    }>`SELECT document_id FROM pages WHERE text_search @@ websearch_to_tsquery('english', 'review result')`.execute(pg.db)
    expect(hit.rows).toEqual([{ document_id: 1 }])
    const miss = await sql`SELECT 1 FROM pages WHERE text_search @@ websearch_to_tsquery('english', 'discharge')`.execute(pg.db)
    expect(miss.rows).toEqual([])
  })

  it('keeps the audit log and the event log append-only, as SQLite does', async () => {
    const now = new Date().toISOString()
    await sql`INSERT INTO events (at, kind) VALUES (${now}, 'test')`.execute(pg.db)
    await expect(sql`UPDATE events SET kind = 'changed'`.execute(pg.db)).rejects.toThrow(/events are append-only/)
    await expect(sql`DELETE FROM events`.execute(pg.db)).rejects.toThrow(/events are append-only/)
    await sql`INSERT INTO audit_log (at, actor, action, prev_hash, hash) VALUES (${now}, 'test', 'view', '0', '1')`.execute(pg.db)
    await expect(sql`DELETE FROM audit_log`.execute(pg.db)).rejects.toThrow(/the audit log is append-only/)
    // TRUNCATE skips row triggers on PostgreSQL (SQLite has none): refused as well.
    await expect(sql`TRUNCATE audit_log`.execute(pg.db)).rejects.toThrow(/the audit log is append-only/)
    await expect(sql`TRUNCATE disclosures CASCADE`.execute(pg.db)).rejects.toThrow(/the disclosure log is append-only/)
  })

  it('two desks opening a new catalog at once migrate it once', async () => {
    const fresh = await freshDatabase(server!)
    try {
      const opened = await Promise.all([0, 1, 2].map(() => openPostgresCatalog({ url: fresh.url, password: fresh.password })))
      const n = await sql<{ n: number }>`SELECT count(*) AS n FROM schema_migrations`.execute(opened[0]!.db)
      // each migration once, not once per desk
      expect(n.rows[0]!.n).toBe(PG_MIGRATIONS.length)
      await Promise.all(opened.map((o) => o.close()))
    } finally {
      await fresh.drop()
    }
  })
})

describe.skipIf(!server)('when the PostgreSQL catalog cannot be used, the message says what to do', () => {
  it('no password given', async () => {
    await expect(openPostgresCatalog({ url: server!.url })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      action: expect.stringMatching(/asks for a password and none was given.*catalog\.passwordFile.*CHARTCLERK_CATALOG_PASSWORD/),
    })
  })

  it('a wrong password', async () => {
    await expect(openPostgresCatalog({ url: server!.url, password: 'not-it' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      action: expect.stringMatching(/refused the password/),
    })
  })

  it('a database that does not exist', async () => {
    const url = new URL(server!.url)
    url.pathname = `/nope_${randomBytes(3).toString('hex')}`
    await expect(openPostgresCatalog({ url: url.toString(), password: server!.password })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      action: expect.stringMatching(/no database named/),
    })
  })

  it('a server that does not answer', async () => {
    const port = await freePort()
    const err = await openPostgresCatalog({ url: `postgres://chartclerk@127.0.0.1:${port}/catalog`, password: 'x' }).catch(
      (e: unknown) => e,
    )
    expect(err).toMatchObject({
      code: 'CATALOG_UNREACHABLE',
      transient: true,
      action: expect.stringMatching(/chartclerk@127\.0\.0\.1:\d+\/catalog does not answer \(ECONNREFUSED\)/),
    })
    expect(String((err as { action: string }).action)).not.toContain('password')
  })
})
