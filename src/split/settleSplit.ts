/**
 * A person's decision on a stack that waited in review: where each document starts. The
 * cuts they confirm, move, add or remove make the parts, each then read and filed (or left in
 * review) as any document is. Every decision is kept beside what was proposed, for learning.
 */
import { ChartclerkError } from '../errors.js'
import type { StageContext } from '../ingest/stages/types.js'
import { storedTextOf } from '../review/storedText.js'
import { BatchesRepo } from './batches.js'
import { partsFromStarts, type SplitPlan } from './boundaries.js'
import { fileParts, readingsOf, type PartOutcome } from './fileParts.js'

export type SplitDeps = Pick<StageContext, 'catalog' | 'store' | 'config' | 'classifier' | 'clock' | 'log' | 'rules' | 'ruleFiles'>

/** `starts`: the pages (1-based, of the received file) where a document begins, besides the first. */
export async function settleSplit(deps: SplitDeps, documentId: number, starts: number[], by: string): Promise<PartOutcome[]> {
  const { catalog } = deps
  const doc = catalog.documents.get(documentId)
  const plan = doc?.details.split as SplitPlan | undefined
  if (!doc || !plan)
    throw new ChartclerkError('NOT_FOUND', `Document ${documentId} is not a stack waiting to be split; someone may have split it already.`)
  if (doc.status !== 'needs_review')
    throw new ChartclerkError('USAGE', `Document ${documentId} is ${doc.status.replace('_', ' ')}, not waiting for review.`)
  if (!by.trim()) throw new ChartclerkError('USAGE', 'Say who decides the split.')
  const n = doc.pageCount ?? plan.pageCount
  const bad = starts.filter((s) => !Number.isInteger(s) || s < 2 || s > n)
  if (bad.length)
    throw new ChartclerkError('USAGE', `A document can start on pages 2 to ${n} of this file; ${bad.join(', ')} is not one of them.`)
  const text = await storedTextOf(deps, documentId)
  const readings = readingsOf(deps, text.pages)
  const ranges = partsFromStarts(readings, starts)
  if (!ranges.length) throw new ChartclerkError('USAGE', 'These cuts leave no page to file (only blank pages and separator sheets).')
  const claimId = catalog.documents.receipts(documentId)[0]?.claimId ?? `review-${documentId}`
  new BatchesRepo(catalog.db).addDecision({
    batchSha256: doc.sha256,
    proposed: plan.parts.map((p) => p.from),
    decided: ranges.map((r) => r.from),
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
  )
}
