/**
 * A person's decision on a stack that waited in review: where each document starts. The
 * cuts they confirm, move, add or remove make the parts, each then read and filed (or left in
 * review) as any document is. Parts filed before (sure on both sides) stand: a cut cannot be
 * put inside one. Every decision is kept beside what was proposed, for learning.
 */
import { ChartclerkError } from '../errors.js'
import type { WaitingSplit } from '../ingest/stages/split.js'
import type { StageContext } from '../ingest/stages/types.js'
import { storedTextOf } from '../review/storedText.js'
import { BatchesRepo } from './batches.js'
import { partsFromStarts, type PageRange, type SplitPlan } from './boundaries.js'
import { fileParts, readingsOf, type PartOutcome } from './fileParts.js'

export type SplitDeps = Pick<StageContext, 'catalog' | 'sql' | 'store' | 'config' | 'classifier' | 'clock' | 'log' | 'rules' | 'ruleFiles'>

/** The stack waiting to be split on this review item, or null. */
export async function waitingSplit(deps: Pick<SplitDeps, 'catalog'>, documentId: number): Promise<WaitingSplit | null> {
  const doc = await deps.catalog.documents.get(documentId)
  return doc?.status === 'needs_review' && doc.details.split ? (doc.details.split as WaitingSplit) : null
}

/**
 * The parts the cuts make, the parts filed already left as they are. Throws USAGE for a cut
 * inside a part already filed, or cuts that leave nothing to file.
 */
export async function partsOfDecision(
  deps: SplitDeps,
  documentId: number,
  starts: number[],
): Promise<{ ranges: PageRange[]; filed: PartOutcome[]; pageCount: number }> {
  const { catalog } = deps
  const doc = await catalog.documents.get(documentId)
  const plan = doc?.details.split as WaitingSplit | undefined
  if (!doc || !plan)
    throw new ChartclerkError('NOT_FOUND', `Document ${documentId} is not a stack waiting to be split; someone may have split it already.`)
  if (doc.status !== 'needs_review')
    throw new ChartclerkError('USAGE', `Document ${documentId} is ${doc.status.replace('_', ' ')}, not waiting for review.`)
  const n = doc.pageCount ?? plan.pageCount
  const bad = starts.filter((s) => !Number.isInteger(s) || s < 2 || s > n)
  if (bad.length)
    throw new ChartclerkError('USAGE', `A document can start on pages 2 to ${n} of this file; ${bad.join(', ')} is not one of them.`)
  const filed = plan.filed ?? []
  const inside = starts.filter((s) => filed.some((f) => s > f.split.from && s <= f.split.to))
  if (inside.length)
    throw new ChartclerkError(
      'USAGE',
      `Page${inside.length > 1 ? 's' : ''} ${inside.join(', ')} ${inside.length > 1 ? 'are' : 'is'} inside a document already filed from this file; cut only where the pages still wait.`,
    )
  const text = await storedTextOf(deps, documentId)
  const readings = readingsOf(deps, text.pages)
  // The parts filed stand: their first page and the page after them are starts whatever the person ticked.
  const fixed = filed.flatMap((f) => [f.split.from, f.split.to + 1]).filter((s) => s >= 2 && s <= n)
  const ranges = partsFromStarts(readings, [...starts, ...fixed]).filter((r) => !filed.some((f) => f.split.from === r.from))
  if (!ranges.length) throw new ChartclerkError('USAGE', 'These cuts leave no page to file (only blank pages and separator sheets).')
  return { ranges, filed, pageCount: n }
}

/** `starts`: the pages (1-based, of the received file) where a document begins, besides the first. */
export async function settleSplit(deps: SplitDeps, documentId: number, starts: number[], by: string): Promise<PartOutcome[]> {
  const { catalog } = deps
  if (!by.trim()) throw new ChartclerkError('USAGE', 'Say who decides the split.')
  const { ranges, filed } = await partsOfDecision(deps, documentId, starts)
  const doc = (await catalog.documents.get(documentId))!
  const plan = doc.details.split as WaitingSplit
  const text = await storedTextOf(deps, documentId)
  const claimId = (await catalog.documents.receipts(documentId))[0]?.claimId ?? `review-${documentId}`
  await new BatchesRepo(deps.sql).addDecision({
    batchSha256: doc.sha256,
    proposed: plan.parts.map((p) => p.from),
    decided: [...ranges, ...filed.map((f) => f.split)].map((r) => r.from).sort((a, b) => a - b),
    decidedBy: by,
  })
  const decided: SplitPlan = { ...plan, parts: ranges, certain: true }
  return fileParts(
    deps,
    {
      documentId,
      sha256: doc.sha256,
      size: doc.size,
      contentType: doc.contentType,
      originalName: doc.originalName,
      sourceFolder: doc.sourceFolder,
      receivedAt: doc.receivedAt,
      claimId,
    },
    text,
    decided,
    ranges,
    by,
    { earlier: filed },
  )
}
