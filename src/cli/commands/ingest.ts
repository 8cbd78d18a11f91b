/** `chartclerk ingest FILE...` and `chartclerk start`: the pipeline from the command line. */
import path from 'node:path'
import cliProgress from 'cli-progress'
import type { Command } from 'commander'
import { openApp, type App } from '../../app.js'
import { ChartclerkError } from '../../errors.js'
import type { IngestResult } from '../../ingest/runner.js'
import { lockDataFolder } from '../../ingest/dataLock.js'
import { InboxWatcher } from '../../ingest/watcher.js'
import { configFrom, globalOptions } from '../context.js'
import { serveDesk } from './serve.js'
import type { Desk } from '../../web/server.js'
import { consoleSafe, isInteractive, printJson, printLine } from '../output.js'

export function describeResult(r: IngestResult): string {
  const name = path.basename(r.file)
  if (r.status === 'failed' || r.status === 'released') return `${r.status.padEnd(12)} ${name}\n             ${r.error?.code}: ${r.error?.message}`
  const conf = r.ocrConfidence != null ? `, OCR confidence ${r.ocrConfidence}` : ''
  const what = r.status === 'duplicate' ? `already received as document ${r.documentId}` : `document ${r.documentId} (${r.pages} page${r.pages === 1 ? '' : 's'}${conf})`
  const type = r.documentType ? ` ${r.documentType}${r.typeConfidence != null ? ` ${Math.round(r.typeConfidence * 100)}%` : ''}` : ''
  const where = r.status === 'filed' && r.patient ? ` filed in chart ${r.patient.mrn}` : ''
  const why = r.status === 'needs_review' && r.reviewReasons.length ? `\n             review: ${r.reviewReasons[0]}` : ''
  return `${r.status.padEnd(12)} ${name} -> ${what}${type}${where}${why}`
}

export function resultJson(r: IngestResult): Record<string, unknown> {
  const { jobId: _jobId, ...out } = r
  return out
}

export function registerIngestCommands(program: Command): void {
  program
    .command('ingest')
    .description('Run the pipeline on the given files, leaving them where they are')
    .argument('<files...>', 'PDF, TIFF, PNG or JPEG files')
    .action(async (files: string[], _opts, cmd: Command) => {
      const json = !!globalOptions(cmd).json
      const app = await openApp(configFrom(cmd))
      const bar = !json && isInteractive() && files.length > 1 ? new cliProgress.SingleBar({ format: 'ingesting [{bar}] {value}/{total} files', stream: process.stderr }, cliProgress.Presets.shades_classic) : null
      bar?.start(files.length, 0)
      let failed = 0
      try {
        await app.runner.ingestFiles(files, (r) => {
          if (r.status === 'failed') failed++
          bar?.increment()
          if (json) printJson(resultJson(r))
          if (!json) printLine(describeResult(r))
        })
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
    .action(async (opts: { web?: boolean }, cmd: Command) => {
      const json = !!globalOptions(cmd).json
      const config = configFrom(cmd)
      // One start per data folder: a second would claim the same files and run the same jobs.
      const lock = await lockDataFolder(config.dataDir)
      let app: App
      try {
        app = await openApp(config, { storageMayBeDown: true })
      } catch (err) {
        await lock.release()
        throw err
      }
      const { runner, log } = app
      runner.on('result', (r: IngestResult) => {
        if (json) printJson(resultJson(r))
        else printLine(describeResult(r))
      })
      let desk: Desk | null
      try {
        await app.rules.start()
        // The web desk first: a port already in use stops here, before the inbox is touched.
        desk = opts.web === false ? null : await serveDesk(app, { quiet: json })
      } catch (err) {
        await app.close()
        await lock.release()
        throw err
      }
      if (!app.storageReady) {
        // Storage did not answer at start: the desk runs (it shows storage as down), files wait in the inbox.
        let lastCode = ''
        runner.pauseForStorage('storage unreachable', async () => {
          try {
            await app.store.init()
            return true
          } catch (err) {
            const code = (err as { code?: string }).code ?? 'INTERNAL'
            if (code !== lastCode) log.warn({ code }, 'storage still not ready')
            lastCode = code
            return false
          }
        })
        if (!json) process.stderr.write('chartclerk: the document storage does not answer yet; files wait in the inbox and are taken as soon as it does.\n')
      }
      await runner.recover()
      const watcher = new InboxWatcher(config.watch, (f, o) => runner.offer(f, o), (f) => runner.has(f), log)
      runner.on('unstable', (f: string) => watcher.retrack(f))
      runner.on('resumed', () => void watcher.rescan())
      await watcher.start()
      log.info({ inbox: config.watch.inbox, polling: config.watch.polling, workers: config.ocr.workers }, 'watching the inbox')
      if (!json) process.stderr.write(`chartclerk is watching ${consoleSafe(config.watch.inbox)} (Ctrl-C to stop)\n`)
      await new Promise<void>((resolve) => {
        let stopping = false
        const stop = async (signal: string) => {
          if (stopping) return
          stopping = true
          log.info({ signal }, 'stopping: finishing the files in hand')
          await desk?.close()
          await watcher.stop()
          await runner.stop(config.ocr.pageTimeoutMs > 10_000 ? 10_000 : config.ocr.pageTimeoutMs)
          // Closing OCR abandons what is still in hand; those files go back to the inbox untouched.
          await app.ocr.close()
          await runner.idle()
          await app.close()
          await lock.release()
          resolve()
        }
        process.once('SIGINT', () => void stop('SIGINT'))
        process.once('SIGTERM', () => void stop('SIGTERM'))
      })
    })
}
