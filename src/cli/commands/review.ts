/** `chartclerk review list`, `review resolve ID --patient MRN --type TYPE` and `review rematch`. */
import type { Command } from 'commander'
import { actingPerson, cliAudit } from './actor.js'
import { registerReviewSplitCommand } from './reviewSplit.js'
import { openApp } from '../../app.js'
import type { Config } from '../../config/config.js'
import { silentLogger } from '../../log.js'
import { describeRematch, rematchWaiting, waitingCount, type RematchResult } from '../../review/rematch.js'
import { openDeskCatalog } from '../../catalog/db.js'
import { ChartclerkError } from '../../errors.js'
import { settleDocument } from '../../review/settle.js'
import type { MatchSummary } from '../../patients/matchSummary.js'
import { configFrom, globalOptions } from '../context.js'
import { printJson, printLine, terminalSafe } from '../output.js'
import { withSqlCatalog } from '../../catalog/sql/open.js'

export const rematchJson = (r: RematchResult) => ({
  type: 'rematch',
  examined: r.examined,
  filed: r.filed.length,
  filedDocuments: r.filed,
  waiting: r.waiting,
  failed: r.failed,
})

/**
 * Re-matches the documents waiting in review and prints how many were filed and how many still
 * wait (also after `patients import`). Audited as review.rematch with the documents filed.
 */
export async function rematchFromCli(
  config: Readonly<Config>,
  o: { json: boolean; by?: string; trigger: 'request' | 'patients.import'; quiet?: boolean },
): Promise<RematchResult> {
  const catalog = await openDeskCatalog(config.catalog)
  let waiting: number
  try {
    waiting = await waitingCount({ catalog })
  } finally {
    catalog.close()
  }
  let r: RematchResult = { examined: 0, filed: [], waiting: 0, failed: [] }
  if (waiting) {
    const app = await openApp(config, { log: silentLogger() })
    try {
      r = await rematchWaiting(app.ctx)
      await cliAudit(app.config, app.catalog.db, o.by, {
        action: 'review.rematch',
        detail: {
          trigger: o.trigger,
          examined: r.examined,
          filed: r.filed.length,
          waiting: r.waiting,
          failed: r.failed.length,
          documents: r.filed.slice(0, 500),
        },
      })
    } finally {
      await app.close()
    }
  }
  if (o.quiet) return r
  if (o.json) printJson(rematchJson(r))
  else printLine(describeRematch(r))
  return r
}

export function registerReviewCommands(program: Command): void {
  const review = program.command('review').description('Documents chartclerk could not file on its own')
  review
    .command('list')
    .description('What waits for review, oldest first, with the proposed type and candidate patients')
    .action(async (_o, cmd: Command) => {
      const config = configFrom(cmd)
      const catalog = await openDeskCatalog(config.catalog)
      try {
        const docs = (await catalog.documents.list({ status: 'needs_review', limit: 10_000 })).reverse()
        for (const d of docs) {
          const cls = d.details.classification as { type: string; confidence: number } | undefined
          const match = d.details.match as MatchSummary | undefined
          if (globalOptions(cmd).json) {
            printJson({
              id: d.id,
              file: d.originalName,
              receivedAt: d.receivedAt,
              pages: d.pageCount,
              proposedType: cls?.type ?? null,
              typeConfidence: cls?.confidence ?? null,
              candidates: (match?.candidates ?? []).map((c) => ({ mrn: c.mrn, name: c.name, birthDate: c.birthDate, reasons: c.reasons })),
              reasons: d.reviewReasons,
            })
            continue
          }
          printLine(
            `document ${d.id}  ${d.originalName}  received ${d.receivedAt.slice(0, 16).replace('T', ' ')}  ${d.pageCount ?? '?'} page(s)`,
          )
          if (cls) printLine(`  proposed type  ${cls.type} (${Math.round(cls.confidence * 100)}%)`)
          for (const c of (match?.candidates ?? []).slice(0, 3))
            printLine(`  candidate      ${c.mrn}  ${c.name}  born ${c.birthDate}: ${c.reasons.join('; ')}`)
          for (const r of d.reviewReasons) printLine(`  why            ${r}`)
          if (d.details.split) printLine(`  split it       chartclerk review split ${d.id}`)
        }
        if (!globalOptions(cmd).json) printLine(`${docs.length} document(s) waiting for review`)
        await cliAudit(config, catalog.db, null, {
          action: 'review.list',
          detail: { shown: docs.length, documents: docs.slice(0, 500).map((d) => d.id) },
        })
      } finally {
        catalog.close()
      }
    })

  review
    .command('resolve')
    .description('File a document into a chart as a given type (kept as training data and in the event log)')
    .argument('<id>', 'document id')
    .requiredOption('--patient <mrn>', "the patient's MRN")
    .requiredOption('--type <type>', 'the document type, e.g. lab_report')
    .option('--by <name>', 'who settles it (default: you, the system user)')
    .option('--note <text>', 'why, for the record')
    .action(async (idArg: string, o: { patient: string; type: string; by?: string; note?: string }, cmd: Command) => {
      const id = Number(idArg)
      if (!Number.isInteger(id) || id < 1) throw new ChartclerkError('USAGE', `"${idArg}" is not a document id.`)
      const app = await openApp(configFrom(cmd))
      try {
        const before = await app.catalog.documents.get(id)
        const outcome = await settleDocument(app, id, { mrn: o.patient, docType: o.type, by: actingPerson(o.by), note: o.note })
        await cliAudit(app.config, app.catalog.db, o.by, {
          action: 'review.settle',
          targetKind: 'document',
          targetId: String(id),
          patientMrn: o.patient,
          detail: { docType: o.type, from: before?.patientMrn ?? null, note: o.note ?? null },
        })
        const problems = outcome.problems.map((p) => ({ step: p.step, code: p.code, message: p.message }))
        if (globalOptions(cmd).json) printJson({ id, status: 'filed', patient: { mrn: o.patient }, documentType: o.type, problems })
        else {
          printLine(`document ${id} filed in chart ${o.patient} as ${o.type}`)
          for (const p of problems) process.stderr.write(terminalSafe(`chartclerk: ${p.message}`) + '\n')
        }
        // Filed either way; what did not follow is something to act on.
        if (problems.length) process.exitCode = 1
      } finally {
        await app.close()
      }
    })

  registerReviewSplitCommand(review)

  review
    .command('rematch')
    .description(
      'Match the documents waiting in review against the patient index again; file those that now qualify (two agreeing identifiers), update the reasons of the rest',
    )
    .option('--by <name>', 'who asks (default: you, the system user)')
    .action(async (o: { by?: string }, cmd: Command) => {
      const r = await rematchFromCli(configFrom(cmd), { json: !!globalOptions(cmd).json, by: o.by, trigger: 'request' })
      if (r.failed.length) process.exitCode = 1
    })
}
