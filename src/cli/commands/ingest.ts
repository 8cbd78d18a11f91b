/** `chartclerk ingest FILE...` and `chartclerk start`: the pipeline from the command line (the running daemon is src/daemon/). */
import path from 'node:path'
import cliProgress from 'cli-progress'
import type { Command } from 'commander'
import { openApp } from '../../app.js'
import { startDaemon, type Daemon, type DaemonRole } from '../../daemon/daemon.js'
import type { IngestResult } from '../../ingest/runner.js'
import { configFrom, globalOptions } from '../context.js'
import { serveDesk } from './serve.js'
import { consoleSafe, isInteractive, printJson, printLine } from '../output.js'

export interface ConsoleOptions {
  /** log.includePatientData: file names, MRNs and review reasons may be shown (debugging only). */
  patientData: boolean
  /** How to name the file without its name, e.g. "file 2 of 5" (default: the job). */
  label?: string
}

/**
 * One result as a line for people. The console gets the log's discipline: document ids,
 * types and codes only. File names (they often hold a patient's name), MRNs and review
 * reasons (names, birth dates) appear only with log.includePatientData.
 */
export function describeResult(r: IngestResult, opts: ConsoleOptions = { patientData: false }): string {
  const name = opts.patientData ? consoleSafe(path.basename(r.file)) : (opts.label ?? `job ${r.jobId.slice(0, 8)}`)
  if (r.status === 'failed' || r.status === 'released') {
    const where = r.quarantinedAs ? ' (quarantined)' : r.status === 'released' ? ' (given back untouched)' : ''
    return `${r.status.padEnd(12)} ${name}${where}\n             ${r.error?.code}: ${r.error?.message}`
  }
  const conf = r.ocrConfidence != null ? `, OCR confidence ${r.ocrConfidence}` : ''
  const part =
    r.split && r.pages != null && (r.split.from !== 1 || r.split.to !== r.pages) ? `, pages ${r.split.from}-${r.split.to} of the file` : ''
  const what = r.splitProposed
    ? `proposed part, pages ${r.split!.from}-${r.split!.to} of the file (split waits in review as document ${r.documentId})`
    : r.status === 'duplicate'
      ? `already received as document ${r.documentId}${part}`
      : `document ${r.documentId} (${r.pages} page${r.pages === 1 ? '' : 's'}${conf}${part})`
  const type = r.documentType ? ` ${r.documentType}${r.typeConfidence != null ? ` ${Math.round(r.typeConfidence * 100)}%` : ''}` : ''
  const where =
    r.status === 'filed' && r.patient ? (opts.patientData ? ` filed in chart ${consoleSafe(r.patient.mrn)}` : ' filed in its chart') : ''
  const n = r.reviewReasons.length
  const why =
    r.status === 'needs_review' && n
      ? opts.patientData
        ? `\n             review: ${consoleSafe(r.reviewReasons[0]!)}`
        : `\n             review: ${n} reason${n === 1 ? '' : 's'}, on the desk's review queue`
      : ''
  return `${r.status.padEnd(12)} ${name} -> ${what}${type}${where}${why}`
}

/** The full result (`ingest --json`: the output the command was asked for). */
export function resultJson(r: IngestResult): Record<string, unknown> {
  const { jobId: _jobId, ...out } = r
  return out
}

/**
 * A result line of `start --json`. start is a service whose output ends in the system
 * journal, so it carries ids, hashes, types and codes, not file names, MRNs, fields or
 * reasons (all there with log.includePatientData).
 */
export function serviceResultJson(r: IngestResult, patientData: boolean): Record<string, unknown> {
  if (patientData) return { ...r }
  return {
    jobId: r.jobId,
    status: r.status,
    documentId: r.documentId,
    sha256: r.sha256,
    pages: r.pages,
    ocrConfidence: r.ocrConfidence,
    textLength: r.textLength,
    textSource: r.textSource,
    documentType: r.documentType,
    typeConfidence: r.typeConfidence,
    matched: r.patient !== null,
    matchConfidence: r.matchConfidence,
    signed: r.signed,
    pagesDeclared: r.pagesDeclared,
    missingPages: r.missingPages,
    reviewReasonCount: r.reviewReasons.length,
    split: r.split,
    ...(r.blankPages ? { blankPages: r.blankPages } : {}),
    batchSha256: r.batchSha256,
    ...(r.error ? { error: r.error } : {}),
    ...(r.quarantinedAs ? { quarantined: true } : {}),
  }
}

export function registerIngestCommands(program: Command): void {
  program
    .command('ingest')
    .description('Run the pipeline on the given files, leaving them where they are')
    .argument('<files...>', 'PDF, TIFF, PNG or JPEG files')
    .action(async (files: string[], _opts, cmd: Command) => {
      const json = !!globalOptions(cmd).json
      // PDF readers are started ahead only for the PDFs there are (by name: a hint, the bytes decide what a file is).
      const pdfs = files.filter((f) => /\.pdf$/i.test(f)).length
      const app = await openApp(configFrom(cmd), { prewarmReaders: Math.min(2, pdfs) })
      const patientData = app.config.log.includePatientData
      // Without the names, a result is known by its place on the command line.
      const place = new Map(files.map((f, i) => [path.resolve(f), `file ${i + 1} of ${files.length}`]))
      const bar =
        !json && isInteractive() && files.length > 1
          ? new cliProgress.SingleBar(
              { format: 'ingesting [{bar}] {value}/{total} files', stream: process.stderr },
              cliProgress.Presets.shades_classic,
            )
          : null
      bar?.start(files.length, 0)
      let failed = 0
      try {
        await app.runner.ingestFiles(files, (r) => {
          if (r.status === 'failed') failed++
          bar?.increment()
          if (json) printJson(resultJson(r))
          if (!json) printLine(describeResult(r, { patientData, label: place.get(r.file) }))
        })
        // After every file is filed: the searchable PDFs of the scans (what is not built now is built by the next start).
        await app.searchablePdfs
          .drain()
          .catch((err: unknown) => app.log.warn({ code: (err as { code?: string }).code }, 'searchable PDFs left for the next start'))
      } finally {
        bar?.stop()
        await app.close()
      }
      process.exitCode = failed ? 1 : 0
    })

  program
    .command('start')
    .description('Watch the inbox and file what arrives, until stopped (Ctrl-C)')
    .option('--no-web', 'do not start the web desk')
    .option('--no-workers', 'only receive: queue what arrives for `chartclerk worker` processes to read and file')
    .action(async (opts: { web?: boolean; workers?: boolean }, cmd: Command) => {
      await runDaemon(cmd, opts.workers === false ? 'watcher' : 'start', opts.web !== false)
    })

  program
    .command('worker')
    .description('Read and file the files that `start --no-workers` queued, until stopped (Ctrl-C); several may run at once')
    .action(async (_opts: unknown, cmd: Command) => {
      await runDaemon(cmd, 'worker', false)
    })
}

async function runDaemon(cmd: Command, role: DaemonRole, web: boolean): Promise<void> {
  const json = !!globalOptions(cmd).json
  const config = configFrom(cmd)
  const patientData = config.log.includePatientData
  // The stop signals are taken before the daemon starts: starting already takes up the jobs an
  // earlier run left, so a Ctrl-C then must be the ordinary stop (those go back untouched), never
  // the process killed by the signal (a file being read would count as one that took the desk down).
  let daemon: Daemon | null = null
  let asked: NodeJS.Signals | null = null
  const onSignal = (signal: NodeJS.Signals) => {
    if (daemon) void daemon.stop(signal)
    else asked ??= signal
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    daemon = await startDaemon(config, {
      role,
      onResult: (r) => (json ? printJson(serviceResultJson(r, patientData)) : printLine(describeResult(r, { patientData }))),
      desk: web ? (app) => serveDesk(app, { quiet: json }) : undefined,
      say: json ? undefined : (text) => process.stderr.write(`chartclerk: ${text}\n`),
    })
  } catch (err) {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    throw err
  }
  if (asked) void daemon.stop(asked)
  else if (!json)
    process.stderr.write(
      role === 'worker'
        ? 'chartclerk is working the queue (Ctrl-C to stop)\n'
        : `chartclerk is watching ${consoleSafe(config.watch.inbox)}${role === 'watcher' ? ' for the workers' : ''} (Ctrl-C to stop)\n`,
    )
  await daemon.stopped
}
