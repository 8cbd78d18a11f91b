/**
 * `chartclerk storage verify [--json]`, `chartclerk storage get ORIGINAL --out FILE` and
 * `chartclerk storage migrate --to FILE [--json]` (--json is the global option).
 *
 * verify: re-reads every original, proves it by its SHA-256, compares the store with
 *   the catalog (and with the originals on the job queue or kept for quarantined files); exit 1
 *   when anything is missing, corrupt or orphaned.
 * get: one original out of the store into a file, proven by its SHA-256.
 * migrate: copies every object to the storage that another configuration file
 *   describes (filesystem -> S3, bucket -> bucket), each copy read back and proven;
 *   resumable (run it again after an interruption); when everything is there, the
 *   `storage` section of this configuration file is switched to the target's (the old
 *   file is kept beside it).
 */
import { randomBytes, createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import cliProgress from 'cli-progress'
import type { Command } from 'commander'
import { openCatalog, type Db } from '../../catalog/db.js'
import { originalsWithoutDocument } from '../../ingest/originals.js'
import { openJobQueue } from '../../queue/open.js'
import { loadConfig, type Config } from '../../config/config.js'
import { ChartclerkError } from '../../errors.js'
import { ArchiveAwareStore } from '../../storage/archiveAwareStore.js'
import { createArchiveStore, createObjectStore } from '../../storage/createStore.js'
import { migrateStore, type MigrateResult } from '../../storage/migrateStore.js'
import { originalKey, type ObjectStore } from '../../storage/objectStore.js'
import { shaFromKey } from '../../storage/hashObject.js'
import { getVerified, verifiedCopy } from '../../storage/verified.js'
import { verifyStore, type VerifyReport } from '../../storage/verifyStore.js'
import { configFrom, globalOptions } from '../context.js'
import { isInteractive, printJson, printLine } from '../output.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'
import { InactiveChartsRepo } from '../../inactive/repo.js'

export type CatalogShas = AsyncIterable<{ sha256: string; id?: number }> | Iterable<{ sha256: string; id?: number }>

/** What the storage commands need from the rest of chartclerk (replaceable in tests). */
export interface StorageCommandDeps {
  /** This invocation's configuration (global options are parsed by then). */
  config(cmd: Command): Readonly<Config>
  /** The configuration a `--to` file describes (secrets from the environment, as always). */
  targetConfig(file: string): Readonly<Config>
  createStore(config: Readonly<Config>): Promise<ObjectStore>
  /**
   * The SHA-256 of every document in the catalog (documents.sha256), and of the originals stored
   * for files that are no document (yet): on the job queue, or set aside in quarantine.
   */
  catalogOriginals(config: Readonly<Config>): CatalogShas
}

/**
 * The originals the catalog expects in one location: the main store holds every document's
 * original except those of inactive charts (in the archive) and destroyed ones (gone).
 */
async function* catalogShas(
  config: Readonly<Config>,
  location: 'main' | 'archive' = 'main',
): AsyncGenerator<{ sha256: string; id?: number }> {
  const catalog = openCatalog(config.catalog.path)
  let shas: string[]
  try {
    // Collected first: a long read-back must not hold the catalog open for reading.
    shas = await withSqlCatalog(config.catalog, catalog.db, (sql) => new InactiveChartsRepo(sql).originalsIn(location))
    // Stored by a watcher and not (yet) a document: queued, or set aside in quarantine.
    if (location === 'main') shas = [...new Set([...shas, ...(await receivedOnly(config, catalog.db))])]
  } finally {
    catalog.close()
  }
  yield* shas.map((sha256) => ({ sha256 }))
}

async function receivedOnly(config: Readonly<Config>, db: Db): Promise<string[]> {
  const queue = await openJobQueue(config.catalog, db, config.queue)
  try {
    return await originalsWithoutDocument(queue, config.quarantineDir)
  } finally {
    await queue.close()
  }
}

export const defaultStorageDeps: StorageCommandDeps = {
  config: (cmd) => configFrom(cmd),
  targetConfig: (file) => loadConfig({ configPath: file }),
  createStore: (config) => createObjectStore(config),
  catalogOriginals: catalogShas,
}

function progressBar(label: string, enabled: boolean): cliProgress.SingleBar | null {
  if (!enabled) return null
  return new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {percentage}% | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  )
}

export function registerStorageCommands(program: Command, overrides: Partial<StorageCommandDeps> = {}): Command {
  const deps: StorageCommandDeps = { ...defaultStorageDeps, ...overrides }
  const storage = program.command('storage').description('The document store: verify every original, move to other storage')

  storage
    .command('verify')
    .description(
      'Read every stored original back, check its SHA-256, and compare the store with the catalog (exit 1 when anything is wrong)',
    )
    .option('--concurrency <n>', 'originals read at the same time', '4')
    .action(async (opts: { concurrency: string }, cmd: Command) => {
      const json = Boolean(globalOptions(cmd).json)
      const config = deps.config(cmd)
      const store = await deps.createStore(config)
      try {
        await assertReachable(store)
        const bar = progressBar('verifying', !json && isInteractive())
        let started = false
        const report = await verifyStore(
          store,
          deps.catalogOriginals(config),
          (p) => {
            if (!bar) return
            if (!started) {
              bar.start(p.total, 0)
              started = true
            }
            bar.update(p.done)
          },
          { concurrency: positiveInt(opts.concurrency, '--concurrency') },
        )
        bar?.stop()
        printVerify(report, json, store)
        if (!report.ok) process.exitCode = 1
        // Inactive charts' originals live in the archive location: prove those too.
        const archived: { sha256: string }[] = []
        for await (const r of catalogShas(config, 'archive')) archived.push(r)
        if (archived.length) {
          const both = new ArchiveAwareStore(store, () => createArchiveStore(config, store))
          try {
            const archive = await both.archive()
            const inArchive = await verifyStore(archive, archived, undefined, {
              concurrency: positiveInt(opts.concurrency, '--concurrency'),
            })
            printVerify(inArchive, json, archive)
            if (!inArchive.ok) process.exitCode = 1
          } finally {
            await both.close()
          }
        }
      } finally {
        await store.close()
      }
    })

  storage
    .command('get')
    .description(
      'Copy one stored original out of the store into a file, checked by its SHA-256 (the original a quarantine note names as storedAs, on any machine)',
    )
    .argument('<original>', 'originals/<sha256>, or the SHA-256 alone')
    .requiredOption('--out <file>', 'the file to write (refused if it exists)')
    .action(async (original: string, opts: { out: string }, cmd: Command) => {
      const sha = shaFromKey(original) ?? (/^[0-9a-f]{64}$/.test(original) ? original : undefined)
      if (!sha)
        throw new ChartclerkError('USAGE', 'Name the original as originals/<sha256> (as a quarantine note gives it) or by its SHA-256.', {
          detail: 'storage get: not an original',
        })
      const out = path.resolve(opts.out)
      if (existsSync(out))
        throw new ChartclerkError('USAGE', `${out} exists already; name a new file.`, { detail: 'storage get: --out exists' })
      const store = await deps.createStore(deps.config(cmd))
      try {
        await assertReachable(store)
        const r = await getVerified(store, originalKey(sha), out, sha)
        if (globalOptions(cmd).json) printJson({ key: r.key, sha256: r.sha256, size: r.size, file: out })
        else printLine(`${out}: ${r.size} bytes, SHA-256 checked`)
      } finally {
        await store.close()
      }
    })

  storage
    .command('migrate')
    .description('Copy every object to the storage another configuration file names, prove each copy, then switch this configuration to it')
    .requiredOption('--to <config-file>', 'configuration file whose "storage" section is the target')
    .option('--no-switch', 'copy and verify, but leave this configuration as it is')
    .option('--concurrency <n>', 'objects copied at the same time', '2')
    .action(async (opts: { to: string; switch: boolean; concurrency: string }, cmd: Command) => {
      const json = Boolean(globalOptions(cmd).json)
      const config = deps.config(cmd)
      const targetFile = path.resolve(opts.to)
      const target = deps.targetConfig(targetFile)
      const from = await deps.createStore(config)
      const to = await deps.createStore(target)
      const ac = new AbortController()
      const onSigint = (): void => {
        if (!json) process.stderr.write('\nstopping after the objects in hand; run the same command again to continue\n')
        ac.abort()
      }
      process.once('SIGINT', onSigint)
      try {
        const fromDesc = (await assertReachable(from)).description
        await to.init()
        const toDesc = (await assertReachable(to)).description
        if (fromDesc === toDesc) {
          throw new ChartclerkError(
            'USAGE',
            `The target configuration names the same storage (${toDesc}). Give a configuration file whose "storage" section names the new location.`,
            { detail: 'same storage' },
          )
        }
        const progressFile = path.join(
          config.dataDir,
          'migrate',
          `${createHash('sha256').update(`${fromDesc}\n${toDesc}`).digest('hex').slice(0, 16)}.progress.jsonl`,
        )
        if (!json) process.stderr.write(`copying from ${fromDesc}\n          to ${toDesc}\n`)
        const bar = progressBar('copying', !json && isInteractive())
        let started = false
        const result = await migrateStore(from, to, {
          progressFile,
          signal: ac.signal,
          concurrency: positiveInt(opts.concurrency, '--concurrency'),
          onProgress: (p) => {
            if (!bar) return
            if (!started) {
              bar.start(p.total, 0)
              started = true
            }
            bar.update(p.done)
          },
        })
        bar?.stop()
        const missing = result.aborted || result.failed.length ? [] : await catchUp(deps.catalogOriginals(config), from, to)
        const ok = !result.aborted && result.failed.length === 0 && missing.length === 0
        let switched = false
        let backup: string | undefined
        if (ok && opts.switch) {
          backup = await switchStorage(config, targetFile)
          switched = true
        }
        printMigrate(result, {
          json,
          fromDesc,
          toDesc,
          missing,
          switched,
          backup,
          configFile: config.configFile,
          progressFile,
          switchWanted: opts.switch,
        })
        if (!ok) process.exitCode = 1
      } finally {
        process.removeListener('SIGINT', onSigint)
        await Promise.all([from.close(), to.close()])
      }
    })
  return storage
}

async function assertReachable(store: ObjectStore): Promise<{ description: string }> {
  const h = await store.health()
  if (!h.reachable) {
    const code = h.detail === 'STORAGE_BUCKET_MISSING' || h.detail === 'STORAGE_ACCESS_DENIED' ? h.detail : 'STORAGE_UNAVAILABLE'
    throw new ChartclerkError(
      code,
      `The document store (${h.description}) cannot be used right now (${h.detail ?? 'unreachable'}). Check that it is running and that chartclerk's keys are right, then run this again.`,
      {
        detail: h.detail,
      },
    )
  }
  return h
}

/**
 * After the bulk copy: every original the catalog knows must be at the target. Ones
 * that arrived at the source during the copy are copied now; ones the source lacks
 * too are reported (run "storage verify" on the source).
 */
async function catchUp(shas: CatalogShas, from: ObjectStore, to: ObjectStore): Promise<string[]> {
  const missing: string[] = []
  for await (const { sha256 } of shas) {
    const key = originalKey(sha256)
    if (await to.stat(key)) continue
    if (await from.stat(key)) await verifiedCopy(from, key, to, key)
    else missing.push(key)
  }
  return missing
}

/** Rewrites this configuration file's `storage` section with the target file's; returns the backup's path. */
async function switchStorage(config: Readonly<Config>, targetFile: string): Promise<string | undefined> {
  const targetRaw = JSON.parse(await fs.readFile(targetFile, 'utf8')) as Record<string, unknown>
  const storage = targetRaw.storage as Record<string, any> | undefined
  if (!storage || typeof storage !== 'object') {
    throw new ChartclerkError('USAGE', `The target configuration ${targetFile} has no "storage" section to switch to.`, {
      detail: 'no storage section',
    })
  }
  // Paths in the target file are relative to it; written elsewhere they must be absolute.
  const base = path.dirname(targetFile)
  const rebased = structuredClone(storage)
  if (typeof rebased.filesystem?.dir === 'string') rebased.filesystem.dir = path.resolve(base, rebased.filesystem.dir)
  for (const k of ['accessKeyFile', 'secretKeyFile'])
    if (typeof rebased.s3?.[k] === 'string') rebased.s3[k] = path.resolve(base, rebased.s3[k])

  const file = config.configFile ?? path.resolve('chartclerk.config.json')
  let current: Record<string, unknown> = {}
  let backup: string | undefined
  if (existsSync(file)) {
    const text = await fs.readFile(file, 'utf8')
    current = JSON.parse(text) as Record<string, unknown>
    backup = `${file}.before-migrate-${new Date().toISOString().replace(/[:.]/g, '-')}`
    await fs.writeFile(backup, text)
  } else {
    // No file yet: keep the data folder where it was found.
    current = { dataDir: config.dataDir }
  }
  current.storage = rebased
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  await fs.writeFile(tmp, `${JSON.stringify(current, null, 2)}\n`)
  await fs.rename(tmp, file)
  return backup
}

function printVerify(r: VerifyReport, json: boolean, store: ObjectStore): void {
  if (json) {
    for (const key of r.missing) printJson({ type: 'missing', key })
    for (const c of r.corrupt) printJson({ type: 'corrupt', key: c.key, expected: c.expected, actual: c.actual })
    for (const key of r.orphans) printJson({ type: 'orphan', key })
    printJson({
      type: 'summary',
      backend: store.backend,
      checked: r.checked,
      missing: r.missing.length,
      corrupt: r.corrupt.length,
      orphans: r.orphans.length,
      ok: r.ok,
    })
    return
  }
  for (const key of r.missing) printLine(`missing   ${key}   the catalog has this document but the store has no original`)
  for (const c of r.corrupt) printLine(`corrupt   ${c.key}   stored bytes hash to ${c.actual.slice(0, 16)}…`)
  for (const key of r.orphans) printLine(`orphan    ${key}   in the store, unknown to the catalog`)
  printLine(`checked ${r.checked} original(s): ${r.missing.length} missing, ${r.corrupt.length} corrupt, ${r.orphans.length} orphaned`)
  if (!r.ok) {
    printLine('Tell the system administrator: missing or corrupt originals must be restored from backup or received again;')
    printLine('orphans are usually left from an interrupted intake and can be checked with "chartclerk document show".')
  }
}

function printMigrate(
  r: MigrateResult,
  o: {
    json: boolean
    fromDesc: string
    toDesc: string
    missing: string[]
    switched: boolean
    backup?: string
    configFile: string | null
    progressFile: string
    switchWanted: boolean
  },
): void {
  if (o.json) {
    for (const f of r.failed) printJson({ type: 'failed', key: f.key, code: f.code, message: f.action })
    for (const key of o.missing) printJson({ type: 'missing', key })
    printJson({
      type: 'summary',
      from: o.fromDesc,
      to: o.toDesc,
      total: r.total,
      copied: r.copied,
      skipped: r.skipped,
      failed: r.failed.length,
      missing: o.missing.length,
      bytesCopied: r.bytesCopied,
      aborted: r.aborted,
      switched: o.switched,
      backup: o.backup ?? null,
    })
    return
  }
  for (const f of r.failed) printLine(`failed    ${f.key}   ${f.code}: ${f.action}`)
  for (const key of o.missing) printLine(`missing   ${key}   not in the old store either; run "chartclerk storage verify" there`)
  printLine(
    `${r.total} object(s): ${r.copied} copied and verified, ${r.skipped} already there and verified, ${r.failed.length} failed (${(r.bytesCopied / 1024 / 1024).toFixed(1)} MB)`,
  )
  if (r.aborted) printLine(`Stopped before the end. Run the same command again to continue (progress: ${o.progressFile}).`)
  else if (r.failed.length || o.missing.length) printLine('Not switched: fix the objects above, then run the same command again.')
  else if (o.switched) {
    printLine(
      `Switched ${o.configFile ?? 'chartclerk.config.json'} to ${o.toDesc}${o.backup ? ` (the old file is kept as ${o.backup})` : ''}.`,
    )
    printLine(
      'Restart "chartclerk start" to use it. Environment variables (CHARTCLERK_STORAGE_BACKEND, CHARTCLERK_S3_*) still override the file.',
    )
  } else if (!o.switchWanted) printLine('Copied and verified; the configuration was left as it is (--no-switch).')
}

function positiveInt(v: string, name: string): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new ChartclerkError('USAGE', `${name} must be a whole number from 1 to 64.`, { detail: `${name} ${v}` })
  return n
}
