/**
 * `chartclerk catalog migrate --to postgres://USER@HOST:5432/DATABASE [--password-file FILE]`:
 * copies this desk's embedded (SQLite) catalog into a PostgreSQL database (see
 * src/catalog/sql/copyToPostgres.ts), verifies the copy (row counts, the audit chain and its head),
 * and says what to change in the configuration. It does not change the configuration itself, and
 * leaves the SQLite file's records as they were (it notes in it that they moved, ./finishMove.ts). The desk must be stopped: the data folder's lock is taken for
 * the whole copy, and a web desk or worker heard from lately (the nodes table) refuses it too.
 * Interrupted (Ctrl-C, a lost connection), it continues where it stopped when run again; run
 * after a finished copy, it copies nothing and verifies again.
 *
 * `chartclerk catalog migrate --finish`: for a desk that already runs with catalog.url, moves
 * what it still kept in its SQLite file (documents, patients, events, ...) into that same
 * database and verifies it (src/catalog/sql/finishMove.ts).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { openCatalog } from '../../catalog/db.js'
import type { Config } from '../../config/config.js'
import { moveCatalogToPostgres, type MoveResult } from '../../setup/moveCatalog.js'
import { openPostgresCatalog, sqliteSqlCatalog, type SqlCatalog } from '../../catalog/sql/open.js'
import { finishMoveToPostgres, type FinishResult } from '../../catalog/sql/finishMove.js'
import { nodeName, NodesRepo } from '../../nodes/registry.js'
import { ChartclerkError } from '../../errors.js'
import { liveHolders, lockDataFolder, type DataLock } from '../../ingest/dataLock.js'
import { configFrom, globalOptions } from '../context.js'
import { isInteractive, printJson, printLine } from '../output.js'

export function registerCatalogCommands(program: Command): void {
  const catalog = program.command('catalog').description('The catalog database: move an embedded desk to PostgreSQL')

  catalog
    .command('migrate')
    .description(
      "Copy this desk's embedded catalog into an empty PostgreSQL database, verify the copy, and say what to set in the configuration",
    )
    .option('--to <url>', 'the PostgreSQL database: postgres://USER@HOST:5432/DATABASE (no password in it)')
    .option(
      '--finish',
      'for a desk already on PostgreSQL (catalog.url): move its documents, patients, events and the rest still in its embedded file into that database',
    )
    .option(
      '--password-file <file>',
      'file holding the PostgreSQL password (else catalog.passwordFile or CHARTCLERK_CATALOG_PASSWORD(_FILE))',
    )
    .option('--batch-size <n>', 'rows copied per transaction', '500')
    .option('--no-compare-rows', 'check the copy by counts and the audit chain only, not row for row')
    .action(async (o: { to?: string; finish?: boolean; passwordFile?: string; batchSize: string; compareRows: boolean }, cmd: Command) => {
      const json = Boolean(globalOptions(cmd).json)
      const batchSize = Number(o.batchSize)
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new ChartclerkError('USAGE', '--batch-size wants a whole number above 0.')
      const here = configFrom(cmd)
      if (o.finish) {
        if (o.to)
          throw new ChartclerkError('USAGE', '--finish moves into the database catalog.url names; give no --to with it.', {
            detail: '--finish with --to',
          })
        return finishMove(here, json)
      }
      if (!o.to)
        throw new ChartclerkError('USAGE', '--to is needed: the PostgreSQL database to copy into (or --finish for a desk already on it).', {
          detail: 'no --to',
        })
      if (here.catalog.url)
        throw new ChartclerkError(
          'USAGE',
          `This desk's catalog is already on PostgreSQL (catalog.url). "catalog migrate" copies an embedded catalog.`,
          {
            detail: 'catalog already on postgres',
          },
        )
      const to = o.to
      refusePasswordInUrl(to)
      const passwordFile = o.passwordFile ? path.resolve(o.passwordFile) : undefined
      // The target as the desk will read it: the same checks of the address, the password from the same places.
      const there = configFrom(cmd, { 'catalog.url': to, ...(passwordFile ? { 'catalog.passwordFile': passwordFile } : {}) })
      const url = there.catalog.url!
      if (!existsSync(here.catalog.path))
        throw new ChartclerkError(
          'NOT_FOUND',
          `There is no embedded catalog at ${here.catalog.path}. Give the desk's data folder with --data or its configuration with --config.`,
          {
            detail: 'no sqlite catalog',
          },
        )

      const lock = await lockDesk(here.dataDir)
      const source = openCatalog(here.catalog.path)
      try {
        await refuseWhileNodesRun(sqliteSqlCatalog(source.db).db, here.nodes.freshSeconds)
      } catch (err) {
        source.close()
        await lock.release()
        throw err
      }
      const ac = new AbortController()
      const onSigint = (): void => {
        if (!json) process.stderr.write('\nstopping after the batch in hand; run the same command again to continue\n')
        ac.abort()
      }
      process.once('SIGINT', onSigint)
      try {
        const target = await openPostgresCatalog({ url, password: there.catalog.password, maxConnections: 2 })
        try {
          if (!json) process.stderr.write(`copying the catalog ${here.catalog.path}\n             to ${target.where}\n`)
          const live = !json && isInteractive()
          const result = await moveCatalogToPostgres(source.db, target, {
            batchSize,
            compareRows: o.compareRows,
            signal: ac.signal,
            onBatch: live ? (p) => process.stderr.write(`\r  ${p.table}: ${p.rowsCopied} rows   `) : undefined,
          })
          if (live) process.stderr.write('\n')
          report(result, { json, url, passwordFile, configFile: here.configFile, sqlitePath: here.catalog.path })
          if (!result.verified) process.exitCode = 1
        } finally {
          await target.close()
        }
      } finally {
        process.off('SIGINT', onSigint)
        source.close()
        await lock.release()
      }
    })
}

function refusePasswordInUrl(to: string): void {
  let u: URL
  try {
    u = new URL(to)
  } catch {
    throw new ChartclerkError('USAGE', '--to is not a valid address: write it as postgres://USER@HOST:5432/DATABASE.', {
      detail: '--to unparsable',
    })
  }
  if (u.password)
    throw new ChartclerkError(
      'CONFIG_INVALID',
      '--to contains a password. Remove it from the address (postgres://USER@HOST:5432/DATABASE) and give it in a file with --password-file, or in CHARTCLERK_CATALOG_PASSWORD_FILE or CHARTCLERK_CATALOG_PASSWORD.',
      { detail: 'password in --to' },
    )
}

/** The data folder's lock, so that no `chartclerk start` runs on this desk while its catalog moves. */
async function lockDesk(dataDir: string): Promise<DataLock> {
  try {
    const lock = await lockDataFolder(dataDir)
    // Site watchers and workers hold locks of their own.
    const others = await liveHolders(dataDir, { except: lock.file })
    if (others.length) {
      await lock.release()
      throw new ChartclerkError(
        'DATA_FOLDER_IN_USE',
        `Another chartclerk (${others.join('; ')}) is running on the data folder ${dataDir}.`,
        { detail: 'data folder locked' },
      )
    }
    return lock
  } catch (err) {
    if (err instanceof ChartclerkError && err.code === 'DATA_FOLDER_IN_USE')
      throw new ChartclerkError(
        'DATA_FOLDER_IN_USE',
        `${err.action.replace(/ Only one "chartclerk start".*$/, '')} Stop the desk before moving its catalog (nothing may change it during the copy), then run this command again.`,
        { cause: err, detail: 'desk running during catalog migrate' },
      )
    throw err
  }
}

/**
 * The lock covers `chartclerk start` only; a web desk (`serve`) or a worker changes the catalog
 * too. Each heartbeats into the nodes table, so one heard from lately is taken as running.
 */
async function refuseWhileNodesRun(catalog: SqlCatalog['db'], freshSeconds: number): Promise<void> {
  const running = await new NodesRepo(catalog).seenWithin(freshSeconds * 1000)
  if (!running.length) return
  throw new ChartclerkError(
    'DATA_FOLDER_IN_USE',
    `This desk is in use: ${running.map(nodeName).join(', ')} ${running.length === 1 ? 'was' : 'were'} heard from in the last ${freshSeconds} s. Stop ${running.length === 1 ? 'it' : 'them'} before moving the catalog (nothing may change it during the copy), then run this command again. A process stopped without closing counts as running for ${freshSeconds} s after it was last heard from.`,
    { detail: 'nodes running during catalog migrate' },
  )
}

function report(
  r: MoveResult,
  o: { json: boolean; url: string; passwordFile?: string; configFile: string | null; sqlitePath: string },
): void {
  const settings = { url: o.url, ...(o.passwordFile ? { passwordFile: o.passwordFile } : {}) }
  if (o.json) {
    printJson({ type: 'catalog.migrate', ...r, set: r.verified ? { catalog: settings } : null })
    return
  }
  const copiedNow = r.tables.reduce((n, t) => n + t.copiedNow, 0)
  if (r.stopped) {
    printLine(`stopped after ${copiedNow} rows; run the same command again to continue where it stopped`)
    return
  }
  printLine(r.alreadyDone ? 'already copied: nothing to copy, checked again' : `copied ${copiedNow} rows`)
  for (const t of r.tables)
    printLine(
      `  ${t.table.padEnd(26)} ${String(t.source).padStart(8)} here ${String(t.target).padStart(8)} on PostgreSQL${t.source === t.target ? '' : '   DIFFERENT'}`,
    )
  printLine(`  pages with PostgreSQL's search column: ${r.searchablePages}`)
  printLine(
    r.audit.targetOk && r.audit.targetHead === r.audit.sourceHead
      ? `audit log: ${r.audit.rows} entries, intact on PostgreSQL, same head ${r.audit.sourceHead}`
      : `audit log: head here ${r.audit.sourceHead}, on PostgreSQL ${r.audit.targetHead || '-'}${r.audit.problem ? ` (${r.audit.problem})` : ''}`,
  )
  if (!r.verified) {
    printLine('The copy does NOT match:')
    for (const p of r.problems) printLine(`  ${p}`)
    printLine('Keep the desk on its embedded catalog. Copy into a new, empty database and compare again; report this if it repeats.')
    return
  }
  printLine('')
  printLine(`The copy is complete and verified. The configuration was not changed. In ${o.configFile ?? 'chartclerk.config.json'}, set:`)
  printLine(`  "catalog": ${JSON.stringify(settings)}`)
  if (!o.passwordFile)
    printLine(
      'and keep giving the password as for this command (catalog.passwordFile, or CHARTCLERK_CATALOG_PASSWORD(_FILE) for every chartclerk process).',
    )
  printLine(
    `Leave catalog.path as it is and keep ${o.sqlitePath}: it is the catalog as it was before the move (now noted as moved), and the runner's job rows stay in it. Then start the desk again.`,
  )
}

/** `catalog migrate --finish`: the desk stopped, its embedded file's remaining tables into its own PostgreSQL catalog. */
async function finishMove(here: Readonly<Config>, json: boolean): Promise<void> {
  if (!here.catalog.url)
    throw new ChartclerkError(
      'USAGE',
      'This desk has no catalog.url: --finish is for a desk already on PostgreSQL. To move an embedded desk, give --to postgres://... instead.',
      { detail: '--finish without catalog.url' },
    )
  if (!existsSync(here.catalog.path))
    throw new ChartclerkError('NOT_FOUND', `There is no embedded catalog at ${here.catalog.path}: nothing to move.`, {
      detail: 'no sqlite catalog',
    })
  const lock = await lockDesk(here.dataDir)
  const source = openCatalog(here.catalog.path)
  try {
    const target = await openPostgresCatalog({ url: here.catalog.url, password: here.catalog.password, maxConnections: 2 })
    try {
      // Every desk on this catalog, not only this one: another could write the same tables meanwhile.
      await refuseWhileNodesRun(target.db, here.nodes.freshSeconds)
      if (!json) process.stderr.write(`moving what is left in ${here.catalog.path}\n                  to ${target.where}\n`)
      const r = await finishMoveToPostgres(source.db, target)
      reportFinish(r, json)
      if (!r.verified) process.exitCode = 1
    } finally {
      await target.close()
    }
  } finally {
    source.close()
    await lock.release()
  }
}

function reportFinish(r: FinishResult, json: boolean): void {
  if (json) {
    printJson({ type: 'catalog.finish', ...r })
    return
  }
  const n = (k: 'copied' | 'replaced' | 'deleted') => r.tables.reduce((a, t) => a + t[k], 0)
  printLine(
    r.alreadyMoved && !n('copied') && !n('replaced') && !n('deleted')
      ? 'already moved: nothing to copy, checked again'
      : `copied ${n('copied')} rows, replaced ${n('replaced')} and deleted ${n('deleted')} left from an earlier copy`,
  )
  for (const t of r.tables)
    printLine(
      `  ${t.table.padEnd(26)} ${String(t.sqlite).padStart(8)} here ${String(t.postgres).padStart(8)} on PostgreSQL${t.copied ? `   (${t.copied} copied)` : ''}`,
    )
  if (!r.verified) {
    printLine('The move does NOT match:')
    for (const p of r.problems) printLine(`  ${p}`)
    printLine('The desk stays refused until it does. Run the same command again; report this if it repeats.')
    return
  }
  printLine(
    'Every record of the embedded catalog is on PostgreSQL. The embedded file notes that they moved and is kept as it was; start the desk again.',
  )
}
