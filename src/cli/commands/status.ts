/** `chartclerk status` and `chartclerk document show ID`. */
import os from 'node:os'
import type { Command } from 'commander'
import { rulesDirOf } from '../../app.js'
import { cliAudit } from './actor.js'
import { openCatalog, openDeskCatalog, type Catalog, type Db } from '../../catalog/db.js'
import { openSqlCatalog, withSqlCatalog } from '../../catalog/sql/open.js'
import { ChartclerkError } from '../../errors.js'
import { MAX_ATTEMPTS, PendingSearchable } from '../../derived/pendingSearchable.js'
import { withLabResults } from '../../extract-fields/labResults.js'
import { listInbox } from '../../ingest/inboxPath.js'
import { listQuarantine } from '../../ingest/quarantine.js'
import { nativeTesseractVersion } from '../../extract/ocr/native.js'
import type { Config } from '../../config/config.js'
import {
  agreementSummary,
  disagreementLines,
  NodesRepo,
  receivingLines,
  receivingSites,
  rulesetAgreement,
  type RulesetAgreement,
} from '../../nodes/registry.js'
import { RULE_FILE_KINDS } from '../../rules/inForce.js'
import { formatProblem, type RuleFileKind } from '../../rules/ruleFiles.js'
import { createObjectStore } from '../../storage/createStore.js'
import { openJobQueue } from '../../queue/open.js'
import { SqliteJobQueue } from '../../queue/sqlite.js'
import type { JobQueue, JobState } from '../../queue/types.js'
import { configFrom, globalOptions } from '../context.js'
import { printJson, printLine } from '../output.js'

async function inboxWaiting(inbox: string): Promise<number> {
  try {
    // Never counts what is behind a linked folder: that is not the inbox's.
    return (await listInbox(inbox)).length
  } catch {
    return 0
  }
}

/** Each kind of rule file as on disk now (a running chartclerk keeps the last good version of a broken one). */
function ruleFilesStatus(rulesDir: string): { kind: string; ok: boolean; problems: string[] }[] {
  return (RULE_FILE_KINDS as readonly RuleFileKind<unknown>[]).map((k) => {
    const r = k.load(k.locate(rulesDir), process.cwd())
    return { kind: k.title, ok: r.value !== null, problems: r.problems.slice(0, 5).map(formatProblem) }
  })
}

/** Which OCR engine reads scanned pages, and whether it is there. */
async function ocrStatus(o: {
  engine: 'tesseract.js' | 'tesseract'
  tesseractPath: string
  workers: number
}): Promise<{ engine: string; workers: number; version?: string; problem?: string }> {
  if (o.engine !== 'tesseract') return { engine: 'tesseract.js (embedded)', workers: o.workers }
  try {
    return { engine: 'tesseract (native CLI)', workers: o.workers, version: await nativeTesseractVersion(o.tesseractPath) }
  } catch (e) {
    return { engine: 'tesseract (native CLI)', workers: o.workers, problem: e instanceof ChartclerkError ? e.action : String(e) }
  }
}

/** The running nodes and whether they agree on the rule set; a catalog that cannot be reached is said, not thrown. */
async function runningNodes(config: Config, db: Db): Promise<RulesetAgreement | { problem: string }> {
  try {
    const sql = await openSqlCatalog(config.catalog, db)
    try {
      return rulesetAgreement(await new NodesRepo(sql.db).seenWithin(config.nodes.freshSeconds * 1000))
    } finally {
      await sql.close()
    }
  } catch (e) {
    return { problem: e instanceof ChartclerkError ? e.action : String(e) }
  }
}

/** The documents by status, where the desk keeps them; a catalog that cannot be reached is said, not thrown. */
async function documentCounts(config: Config): Promise<Awaited<ReturnType<Catalog['documents']['countByStatus']>> | { problem: string }> {
  try {
    const desk = await openDeskCatalog(config.catalog)
    try {
      return await desk.documents.countByStatus()
    } finally {
      desk.close()
    }
  } catch (e) {
    return { problem: e instanceof ChartclerkError ? e.action : String(e) }
  }
}

/** The configured queue's status (pg-boss's when catalog.url is set); a queue server that does not answer shows as null. */
async function queueStatusOf(config: Config, db: Db): Promise<Awaited<ReturnType<typeof queueStatus>> | null> {
  if (!config.catalog.url) return queueStatus(new SqliteJobQueue(db, config.queue))
  let queue: JobQueue | undefined
  try {
    queue = await openJobQueue(config.catalog, db, config.queue)
    return await queueStatus(queue)
  } catch {
    return null
  } finally {
    await queue?.close().catch(() => {})
  }
}

/** The searchable PDFs owed and those no longer tried; a catalog that cannot be reached is said, not thrown. */
async function searchablePdfsOwed(config: Config, db: Db): Promise<{ owed: number; givenUp: number } | { problem: string }> {
  try {
    return await withSqlCatalog(config.catalog, db, async (sql) => {
      const owed = new PendingSearchable(sql)
      return { owed: await owed.count(), givenUp: await owed.givenUp() }
    })
  } catch (e) {
    return { problem: e instanceof ChartclerkError ? e.action : String(e) }
  }
}

/** The work queue between watchers and workers: how many jobs wait, run (and on which workers), wait to be tried again, or failed every attempt. */
async function queueStatus(
  queue: JobQueue,
): Promise<Record<Exclude<JobState, 'completed' | 'quarantined'>, number> & { workers: string[] }> {
  const counts = await queue.counts()
  const workers = [...new Set((await queue.inProgress()).map((j) => j.worker).filter((w): w is string => !!w))].sort()
  return { queued: counts.queued, running: counts.running, retry: counts.retry, dead: counts.dead, workers }
}

export function registerStatusCommands(program: Command): void {
  program
    .command('status')
    .description('Inbox, pipeline, storage and catalog at a glance')
    .action(async (_o, cmd: Command) => {
      const config = configFrom(cmd)
      // The job rows are in the embedded file; the documents where the desk keeps them (documentCounts).
      const catalog = openCatalog(config.catalog.path)
      // Held for the whole command, so that what reads the catalog below shares one pool (sharedPostgresCatalog).
      const held = config.catalog.url ? await openSqlCatalog(config.catalog, catalog.db).catch(() => undefined) : undefined
      try {
        const store = await createObjectStore(config)
        const storage = await store
          .health()
          .catch((e) => ({ reachable: false, description: config.storage.backend, detail: String(e?.code ?? e) }))
        await store.close()
        const docs = await documentCounts(config)
        const jobs = catalog.jobs.countByState()
        const queue = await queueStatusOf(config, catalog.db)
        const ocr = await ocrStatus(config.ocr)
        const agreement = await runningNodes(config, catalog.db)
        const receivers = 'problem' in agreement ? [] : receivingSites(agreement.nodes)
        // On a desk with site watchers or watchers on other machines, this machine's configured inbox is one of several.
        const sitesElsewhere = receivers.some((s) => s.site !== null || s.nodes.some((n) => n.host !== os.hostname()))
        const status = {
          ocr,
          inbox: { path: config.watch.inbox, waiting: await inboxWaiting(config.watch.inbox) },
          receiving: receivers.map((s) => ({ site: s.site, nodes: s.nodes.map((n) => n.id) })),
          inProgress: (jobs.claiming ?? 0) + (jobs.claimed ?? 0),
          queue,
          quarantined: (await listQuarantine(config.quarantineDir)).length,
          storage,
          documents: docs,
          reviewBacklog: 'problem' in docs ? null : docs.needs_review,
          searchablePdfs: await searchablePdfsOwed(config, catalog.db),
          ruleFiles: ruleFilesStatus(rulesDirOf(config)),
          nodes: 'problem' in agreement ? agreement : agreementSummary(agreement, config.nodes.freshSeconds),
        }
        if (globalOptions(cmd).json) printJson(status)
        else {
          printLine(
            `ocr engine    ${ocr.engine}${ocr.version ? ` (${ocr.version})` : ''}${ocr.problem ? `: NOT AVAILABLE. ${ocr.problem}` : ''}`,
          )
          printLine(
            `inbox         ${status.inbox.path}: ${status.inbox.waiting} file(s) waiting${sitesElsewhere ? " (this machine's configured inbox; each site's watcher below watches its own)" : ''}`,
          )
          if (sitesElsewhere && !('problem' in agreement))
            for (const line of receivingLines(agreement.nodes)) printLine(`receiving     ${line}`)
          printLine(`in progress   ${status.inProgress}`)
          printLine(
            queue
              ? `queue         ${queue.queued} queued, ${queue.running} being read by ${queue.workers.length} worker(s), ${queue.retry} waiting to be tried again${queue.dead ? `, ${queue.dead} failed every attempt (being set aside in quarantine)` : ''}`
              : `queue         the queue server (catalog.url) does not answer`,
          )
          printLine(`quarantined   ${status.quarantined} (see ${config.quarantineDir})`)
          const h = storage as { versioning?: string; objectLock?: boolean }
          const extras = [h.versioning && h.versioning !== 'off' ? `versioning ${h.versioning}` : '', h.objectLock ? 'object lock on' : '']
            .filter(Boolean)
            .join(', ')
          printLine(
            `storage       ${storage.reachable ? 'reachable' : 'UNREACHABLE'}: ${storage.description}${storage.detail ? ` (${storage.detail})` : ''}${extras ? `; ${extras}` : ''}`,
          )
          printLine(
            'problem' in docs
              ? `documents     cannot be counted: ${docs.problem}`
              : `documents     ${docs.filed} filed, ${docs.needs_review} waiting for review, ${docs.failed} failed, ${docs.received} being read`,
          )
          const sp = status.searchablePdfs
          if ('problem' in sp) printLine(`searchable    cannot be counted: ${sp.problem}`)
          else if (sp.owed)
            printLine(
              `searchable    ${sp.owed} scanned document(s) still owe a searchable PDF (built in the background by a running chartclerk start)${sp.givenUp ? `; ${sp.givenUp} failed ${MAX_ATTEMPTS} times and are no longer tried: see the log` : ''}`,
            )
          const broken = status.ruleFiles.filter((k) => !k.ok)
          if (!broken.length) printLine(`rule files    all ${status.ruleFiles.length} kinds load`)
          for (const k of broken)
            printLine(`rule files    ${k.kind} BROKEN (a running chartclerk keeps the last good version): ${k.problems.join('; ')}`)
          const n = 'problem' in agreement ? 0 : agreement.nodes.length
          if ('problem' in agreement) printLine(`nodes         UNKNOWN: ${agreement.problem}`)
          else if (agreement.agree)
            printLine(
              `nodes         ${n ? `${n} running, ${n === 1 ? 'with' : 'all with'} ${agreement.versions[0]!.version ?? 'no rule set loaded'}` : 'none running'} (heard from in the last ${config.nodes.freshSeconds} s)`,
            )
          else {
            printLine(
              `nodes         WARNING: the ${n} running nodes disagree on the rule set in force; the same document may be judged differently:`,
            )
            for (const line of disagreementLines(agreement)) printLine(`                ${line}`)
          }
        }
        if (!storage.reachable || ocr.problem || status.ruleFiles.some((k) => !k.ok) || 'problem' in agreement || 'problem' in docs)
          process.exitCode = 1
      } finally {
        await held?.close()
        catalog.close()
      }
    })

  const doc = program.command('document').description('Documents in the catalog')
  doc
    .command('show')
    .description('A document record and its extracted text, page by page')
    .argument('<id>', 'document id')
    .action(async (idArg: string, _o, cmd: Command) => {
      const id = Number(idArg)
      if (!Number.isInteger(id) || id < 1)
        throw new ChartclerkError('USAGE', `"${idArg}" is not a document id (a whole number, as printed by ingest).`)
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const d = await catalog.documents.get(id)
        if (!d) throw new ChartclerkError('NOT_FOUND', `There is no document ${id}. "chartclerk status" shows what the catalog holds.`)
        const receipts = await catalog.documents.receipts(id)
        const pages = await catalog.documents.pages(id)
        await cliAudit(config, catalog.db, null, {
          action: 'document.view',
          targetKind: 'document',
          targetId: String(d.id),
          patientMrn: d.patientMrn,
          detail: { from: 'cli' },
        })
        if (globalOptions(cmd).json) {
          // Lab results as rows, also for documents stored before rows existed.
          const fields = d.details.fields as Record<string, unknown> | undefined
          const details = fields ? { ...d.details, fields: withLabResults(fields) } : d.details
          printJson({ ...d, details, receipts, pages })
          return
        }
        printLine(`document ${d.id}  ${d.status}`)
        printLine(`  file           ${d.originalName}${d.sourceFolder ? `  (from ${d.sourceFolder}/)` : ''}`)
        printLine(`  received       ${d.receivedAt}`)
        printLine(`  sha256         ${d.sha256}`)
        printLine(
          `  type           ${d.contentType}, ${d.size} bytes, ${d.pageCount ?? '?'} page(s), text from ${d.textSource ?? '?'}${d.ocrConfidence != null ? `, OCR confidence ${d.ocrConfidence}` : ''}`,
        )
        if (d.docType)
          printLine(`  document type  ${d.docType}${d.typeConfidence != null ? ` (${Math.round(d.typeConfidence * 100)}%)` : ''}`)
        if (d.patientMrn) printLine(`  patient        ${d.patientMrn}`)
        for (const r of d.reviewReasons) printLine(`  review         ${r}`)
        if (d.errorCode) printLine(`  error          ${d.errorCode}: ${d.errorMessage}`)
        const repeats = receipts.filter((r) => r.isRepeat)
        if (repeats.length) {
          printLine(`  received again ${repeats.length} time(s):`)
          for (const r of repeats)
            printLine(`                 ${r.receivedAt}  ${r.originalName}${r.sourceFolder ? `  (from ${r.sourceFolder}/)` : ''}`)
        }
        for (const p of pages) {
          printLine('')
          printLine(
            `--- page ${p.page} (${p.source}${p.ocrConfidence != null ? `, confidence ${p.ocrConfidence}` : ''}${p.deskewAngle ? `, straightened ${p.deskewAngle}°` : ''}) ---`,
          )
          printLine(p.text)
        }
      } finally {
        catalog.close()
      }
    })
}
