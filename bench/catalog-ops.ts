/**
 * Catalog benchmark: the ingest path's catalog writes per second on the embedded SQLite catalog
 * against a PostgreSQL catalog, in one run, through the same repositories (src/catalog/*.ts).
 * One "document" is what the record, index and settle stages write for a file:
 *
 *   record   one transaction: the document (+ its `document.stored` event) and its receipt
 *   index    one transaction: its pages (3, with the full-text index) and the page counts
 *   settle   one transaction: the document's final state and its `document.filed` event
 *
 * i.e. 3 transactions and 8 statements' worth of catalog operations. The engines alternate in
 * rounds (SQLite, PostgreSQL, SQLite, ...) so that drift on a shared machine hits both alike;
 * `workers` documents are written at once on each (as `ingest.concurrency` jobs would).
 *
 *   npx tsx bench/catalog-ops.ts [documents per round] [rounds] [workers]
 *
 * SQLite: a catalog file in a temporary folder (WAL, synchronous=NORMAL, as chartclerk opens it).
 * PostgreSQL: CHARTCLERK_TEST_PG_URL (+ CHARTCLERK_TEST_PG_PASSWORD) when set, else a throw-away
 * loopback cluster started with scripts/postgres/start.sh, which runs with fsync off (the tests'
 * cluster): a server that syncs every commit is slower than this figure says.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import pg from 'pg'
import { openCatalog } from '../src/catalog/db.js'
import { DocumentsRepo } from '../src/catalog/documents.js'
import { EventLog } from '../src/catalog/events.js'
import { CatalogScope } from '../src/catalog/scope.js'
import { connectionOf, openPostgresCatalog } from '../src/catalog/sql/open.js'
import type { PageText } from '../src/model/types.js'

const run = promisify(execFile)
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface CatalogOpsResult {
  documentsPerRound: number
  rounds: number
  workers: number
  /** Documents recorded, indexed and settled per second (3 transactions each). */
  sqliteDocsPerSecond: number
  postgresDocsPerSecond: number
  /** Catalog operations (statements) per second: 8 per document. */
  sqliteOpsPerSecond: number
  postgresOpsPerSecond: number
  /** SQLite's rate over PostgreSQL's. */
  sqliteOverPostgres: number
  postgres: string
}

const OPS_PER_DOCUMENT = 8

const words = (t: string) => t.split(' ').map((w) => ({ text: w })) as unknown as PageText['words']
const PAGE_TEXT = [
  'LAKESIDE MEDICAL LABORATORY Patient: JOHNSON, MICHAEL MRN CC-100418 DOB 03/14/1961 Hemoglobin A1c 6.1 %',
  'Lipid panel: LDL 131 mg/dL HDL 48 mg/dL Triglycerides 160 mg/dL. Reviewed by the ordering provider.',
  'Page 3 of 3. Results released 2026-12-07. Questions: call the laboratory at 555-0142.',
]

async function ingestWrites(scope: CatalogScope, n: number, workers: number, tag: string): Promise<number> {
  let next = 0
  const one = async (i: number) => {
    const sha = `${tag}-${String(i).padStart(8, '0')}`.padEnd(64, '0')
    const receivedAt = new Date().toISOString()
    const id = await scope.atomically(`document ${sha}`, async (trx) => {
      const docs = new DocumentsRepo(trx)
      const id = await docs.create({
        sha256: sha,
        size: 48_000,
        contentType: 'application/pdf',
        originalName: `scan-${i}.pdf`,
        sourceFolder: 'fax',
        receivedAt,
      })
      await docs.addReceipt({
        documentId: id,
        claimId: `${tag}-${i}`,
        receivedAt,
        originalName: `scan-${i}.pdf`,
        sourceFolder: 'fax',
        isRepeat: false,
      })
      return id
    })
    const pages: PageText[] = PAGE_TEXT.map((text, p) => ({
      page: p + 1,
      text,
      source: 'ocr',
      ocrConfidence: 91,
      deskewAngle: 0.3,
      width: 2550,
      height: 3300,
      words: words(text),
    }))
    await scope.atomically(`document ${id}`, async (trx) => {
      const docs = new DocumentsRepo(trx)
      await docs.savePages(id, pages)
      await docs.update(id, { pageCount: 3, textSource: 'ocr', textLength: PAGE_TEXT.join('\f').length, ocrConfidence: 91 })
    })
    await scope.atomically(`document ${id}`, async (trx) => {
      await new DocumentsRepo(trx).update(id, {
        status: 'filed',
        docType: 'lab_report',
        typeConfidence: 0.97,
        patientMrn: 'CC-100418',
        reviewReasons: [],
        details: { fields: {} },
      })
      await new EventLog(trx).append('document.filed', id, { by: 'chartclerk', docType: 'lab_report' })
    })
  }
  const started = performance.now()
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < n; i = next++) await one(i)
    }),
  )
  return (performance.now() - started) / 1000
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** The PostgreSQL server to measure on, and how to put it away. */
async function postgresServer(): Promise<{ url: string; password?: string; stop(): Promise<void> }> {
  if (process.env.CHARTCLERK_TEST_PG_URL)
    return { url: process.env.CHARTCLERK_TEST_PG_URL, password: process.env.CHARTCLERK_TEST_PG_PASSWORD || undefined, stop: async () => {} }
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'ccpg-bench-'))
  await fs.chmod(base, 0o755)
  const dir = path.join(base, 'c')
  const pwfile = path.join(base, 'password')
  const password = randomBytes(18).toString('base64url')
  await fs.writeFile(pwfile, password, { mode: 0o600 })
  const scripts = path.join(ROOT, 'scripts/postgres')
  const stop = async () => {
    await run('bash', [path.join(scripts, 'stop.sh'), '--dir', dir, '--remove']).catch(() => {})
    await fs.rm(base, { recursive: true, force: true })
  }
  try {
    const { stdout } = await run('bash', [
      path.join(scripts, 'start.sh'),
      '--dir',
      dir,
      '--port',
      String(await freePort()),
      '--password-file',
      pwfile,
    ])
    return { url: stdout.trim().split('\n').at(-1)!, password, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/** A database of its own on the server, dropped after. */
async function scratchDatabase(server: { url: string; password?: string }): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cc_bench_${randomBytes(4).toString('hex')}`
  const admin = async (q: string) => {
    const c = new pg.Client({ ...connectionOf(server.url), password: server.password })
    await c.connect()
    try {
      await c.query(q)
    } finally {
      await c.end()
    }
  }
  await admin(`CREATE DATABASE ${name}`)
  const u = new URL(server.url)
  u.pathname = `/${name}`
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

export async function runCatalogOpsBench(opts: { documents?: number; rounds?: number; workers?: number } = {}): Promise<CatalogOpsResult> {
  const n = opts.documents ?? 200
  const rounds = opts.rounds ?? 3
  const workers = opts.workers ?? 4
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-catalog-bench-'))
  const server = await postgresServer()
  const db = await scratchDatabase(server)
  const sqlite = openCatalog(path.join(tmp, 'catalog.sqlite'))
  const postgres = await openPostgresCatalog({ url: db.url, password: server.password })
  const seconds = { sqlite: 0, postgres: 0 }
  try {
    const engines = { sqlite: new CatalogScope(sqlite.sql), postgres: new CatalogScope(postgres) }
    for (let r = 0; r < rounds; r++)
      for (const name of r % 2 ? (['postgres', 'sqlite'] as const) : (['sqlite', 'postgres'] as const))
        seconds[name] += await ingestWrites(engines[name], n, workers, `r${r}${name[0]}`)
  } finally {
    await postgres.close()
    sqlite.close()
    await db.drop().catch(() => {})
    await server.stop()
    await fs.rm(tmp, { recursive: true, force: true })
  }
  const total = n * rounds
  const rate = (s: number) => Math.round((total / s) * 10) / 10
  return {
    documentsPerRound: n,
    rounds,
    workers,
    sqliteDocsPerSecond: rate(seconds.sqlite),
    postgresDocsPerSecond: rate(seconds.postgres),
    sqliteOpsPerSecond: Math.round((total * OPS_PER_DOCUMENT) / seconds.sqlite),
    postgresOpsPerSecond: Math.round((total * OPS_PER_DOCUMENT) / seconds.postgres),
    sqliteOverPostgres: Math.round((seconds.postgres / seconds.sqlite) * 100) / 100,
    postgres: process.env.CHARTCLERK_TEST_PG_URL ? 'CHARTCLERK_TEST_PG_URL' : 'loopback cluster, fsync off (scripts/postgres/start.sh)',
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [documents, rounds, workers] = process.argv.slice(2).map(Number)
  const r = await runCatalogOpsBench({ documents: documents || undefined, rounds: rounds || undefined, workers: workers || undefined })
  process.stdout.write(JSON.stringify(r, null, 2) + '\n')
}
