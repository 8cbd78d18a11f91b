/**
 * `chartclerk review split <batch>`: a stack waiting to be split, from the command line. The same
 * service as the web strip (src/split/settleSplit.ts): without options it shows the pages, the
 * cuts proposed (with their confidence and why) and the parts they make; `--add`, `--remove`,
 * `--move` and `--cuts` change the cuts and show the parts they would make; `--file` files them.
 * Viewing is audited as review.view, filing as review.split.
 */
import type { Command } from 'commander'
import { openApp } from '../../app.js'
import { ChartclerkError } from '../../errors.js'
import type { WaitingSplit } from '../../ingest/stages/split.js'
import { silentLogger } from '../../log.js'
import { pagesOf, type PageRange } from '../../split/boundaries.js'
import { partsOfDecision, settleSplit, waitingSplit } from '../../split/settleSplit.js'
import { actingPerson, cliAudit } from './actor.js'
import { configFrom, globalOptions } from '../context.js'
import { printJson, printLine, terminalSafe } from '../output.js'
import { DeskQueries } from '../../web/desk.js'

interface SplitOptions {
  add?: string
  remove?: string
  move?: string
  cuts?: string
  file?: boolean
  by?: string
}

/** "3,7 9" -> [3, 7, 9]; a page that is not a whole number is a usage error. */
export function pageList(v: string | undefined, what: string): number[] {
  if (v === undefined || v.trim() === '' || v.trim() === 'none') return []
  return v
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((t) => {
      const n = Number(t)
      if (!Number.isInteger(n)) throw new ChartclerkError('USAGE', `${what}: "${t}" is not a page number.`)
      return n
    })
}

/** The cuts (first pages of documents, besides page 1) after the person's changes to the ones proposed. */
export function editedCuts(proposed: number[], o: SplitOptions): number[] {
  let cuts = o.cuts !== undefined ? pageList(o.cuts, '--cuts') : [...proposed]
  const remove = pageList(o.remove, '--remove')
  const missing = remove.filter((p) => !cuts.includes(p))
  if (missing.length) throw new ChartclerkError('USAGE', `--remove: there is no cut before page ${missing.join(', ')}.`)
  cuts = cuts.filter((p) => !remove.includes(p))
  for (const m of (o.move ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [a, b] = m.split(':').map(Number)
    if (!Number.isInteger(a) || !Number.isInteger(b)) throw new ChartclerkError('USAGE', `--move: "${m}" is not FROM:TO (e.g. 5:6).`)
    if (!cuts.includes(a!)) throw new ChartclerkError('USAGE', `--move: there is no cut before page ${a}.`)
    cuts = cuts.map((p) => (p === a ? b! : p))
  }
  cuts.push(...pageList(o.add, '--add'))
  return [...new Set(cuts)].sort((x, y) => x - y)
}

const span = (r: PageRange) =>
  `${r.from === r.to ? `page ${r.from}` : `pages ${r.from}-${r.to}`}${r.blank ? ` (blank page ${r.blank.join(', ')} left out)` : ''}`

export function registerReviewSplitCommand(review: Command): void {
  review
    .command('split')
    .description(
      'A stack waiting to be split: show its pages and proposed cuts; --add/--remove/--move/--cuts change the cuts, --file files the parts',
    )
    .argument('<batch>', 'the review item (document id) of the stack, or the SHA-256 of the received file (at least 8 characters of it)')
    .option('--add <pages>', 'add cuts: a document starts at these pages (e.g. 5 or 5,9)')
    .option('--remove <pages>', 'remove the cuts before these pages')
    .option('--move <from:to>', 'move a cut (e.g. 5:6; several with commas)')
    .option('--cuts <pages>', 'the cuts, all of them, instead of the ones proposed ("none" for one document)')
    .option('--file', 'file the parts the cuts make (each is read on its own and filed, or waits in review)')
    .option('--by <name>', 'who decides (default: you, the system user)')
    .action(async (batchArg: string, o: SplitOptions, cmd: Command) => {
      const json = !!globalOptions(cmd).json
      const app = await openApp(configFrom(cmd), { log: silentLogger() })
      try {
        const id = await findWaiting(app, batchArg)
        const doc = (await app.catalog.documents.get(id))!
        const plan = (await waitingSplit(app, id))!
        const proposed = plan.parts.slice(1).map((p) => p.from)
        const fixed = (plan.filed ?? []).map((f) => f.split.from)
        const changed = o.add !== undefined || o.remove !== undefined || o.move !== undefined || o.cuts !== undefined
        const cuts = editedCuts(
          [...new Set([...proposed, ...fixed])].filter((p) => p > 1),
          o,
        )
        if (o.file) {
          const by = actingPerson(o.by)
          const parts = await settleSplit(app.ctx, id, cuts, by)
          await cliAudit(app.config, app.catalog.db, o.by, {
            action: 'review.split',
            targetKind: 'document',
            targetId: String(id),
            detail: {
              batchSha256: doc.sha256,
              proposed: plan.parts.map((p) => p.from),
              decided: cuts,
              documents: parts.map((p) => p.documentId),
            },
          })
          for (const p of parts) {
            if (json)
              printJson({
                type: 'part',
                documentId: p.documentId,
                status: p.status,
                split: { from: p.split.from, to: p.split.to },
                ...(p.split.blank ? { blankPages: p.split.blank } : {}),
                batchSha256: doc.sha256,
              })
            else
              printLine(
                `${p.status.padEnd(12)} ${span(p.split)} -> document ${p.documentId}${p.status === 'filed' ? ' filed in its chart' : p.status === 'duplicate' ? ' (already on file)' : ' waits in review for its patient or type'}`,
              )
          }
          if (!json) printLine(`stack ${id} split into ${parts.length + (plan.filed?.length ?? 0)} document(s) by ${terminalSafe(by)}`)
          if (parts.some((p) => p.status === 'needs_review')) process.exitCode = 1
          return
        }
        // A look (and, with changes, the parts they would make): nothing is filed.
        const { ranges } = changed
          ? await partsOfDecision(app.ctx, id, cuts)
          : { ranges: plan.parts.filter((r) => !fixed.includes(r.from)) }
        await cliAudit(app.config, app.catalog.db, o.by, {
          action: 'review.view',
          targetKind: 'document',
          targetId: String(id),
          detail: { split: true },
        })
        show(json, id, doc.sha256, plan, ranges, changed)
        // Something waits for a person: exit 1 as `review list` findings do.
        process.exitCode = 1
      } finally {
        await app.close()
      }
    })
}

/** The review item of the stack named by a document id or a (prefix of the) received file's SHA-256. */
async function findWaiting(app: Awaited<ReturnType<typeof openApp>>, arg: string): Promise<number> {
  const a = arg.trim().toLowerCase()
  let id: number | undefined
  if (/^\d+$/.test(a) && a.length < 8) id = Number(a)
  else if (/^[0-9a-f]{8,64}$/.test(a)) {
    const ids = await app.catalog.documents.idsBySha256Prefix(a, 2)
    if (ids.length > 1) throw new ChartclerkError('USAGE', `"${arg}" starts the SHA-256 of more than one file; give more of it.`)
    id = ids[0]
  } else throw new ChartclerkError('USAGE', `"${arg}" is neither a document id nor a SHA-256.`)
  if (id === undefined || !(await waitingSplit(app, id)))
    throw new ChartclerkError(
      'NOT_FOUND',
      `No stack waiting to be split is "${arg}"; it may have been split already (review list shows what waits).`,
    )
  return id
}

function show(json: boolean, id: number, sha: string, plan: WaitingSplit, ranges: PageRange[], changed: boolean): void {
  const filed = plan.filed ?? []
  const inPart = (n: number) => [...ranges, ...filed.map((f) => f.split)].some((r) => pagesOf(r).includes(n))
  if (json) {
    printJson({
      type: 'split',
      documentId: id,
      batchSha256: sha,
      pages: plan.pageCount,
      cuts: plan.cuts.map((c) => ({ page: c.page, confidence: c.confidence, sure: c.confidence >= 0.9, reasons: c.reasons })),
      separators: plan.separators,
      covers: plan.covers ?? [],
      blankPages: Array.from({ length: plan.pageCount }, (_v, i) => i + 1).filter((n) => !plan.separators.includes(n) && !inPart(n)),
      filed: filed.map((f) => ({ documentId: f.documentId, status: f.status, split: { from: f.split.from, to: f.split.to } })),
      parts: ranges.map((r) => ({
        split: { from: r.from, to: r.to },
        ...(r.blank ? { blankPages: r.blank } : {}),
        ...(changed ? {} : guessOf(plan, r)),
      })),
      changed,
    })
    return
  }
  printLine(`stack ${id} (received file ${sha.slice(0, 12)}), ${plan.pageCount} pages`)
  for (const c of plan.cuts)
    printLine(
      `  cut before page ${String(c.page).padEnd(3)} ${Math.round(c.confidence * 100)}% ${c.confidence >= 0.9 ? 'sure' : 'in doubt'}: ${c.reasons.join('; ')}`,
    )
  for (const s of plan.separators) printLine(`  page ${s}: separator sheet, not filed`)
  for (const c of plan.covers ?? []) printLine(`  page ${c}: fax cover sheet, the first page of the document it announces`)
  for (const f of filed) printLine(`  filed        ${span(f.split)} -> document ${f.documentId} (${f.status.replace('_', ' ')})`)
  for (const r of ranges) {
    const g = changed ? {} : guessOf(plan, r)
    printLine(
      `  ${changed ? 'would file' : 'waits'}${changed ? '   ' : '        '}${span(r)}${g.documentType ? `, reads as ${g.documentType}` : ''}`,
    )
  }
  printLine(
    changed
      ? 'Nothing filed yet: add --file to file these parts.'
      : 'Change the cuts with --add/--remove/--move/--cuts, and add --file to file the parts.',
  )
}

function guessOf(plan: WaitingSplit, r: PageRange): { documentType?: string; typeConfidence?: number } {
  const g = plan.guesses?.find((x) => x.from === r.from)
  return g ? { documentType: g.type, typeConfidence: g.typeConfidence } : {}
}
