/**
 * Re-matching what waits in review: after a patient import (or when a clerk asks), every
 * document waiting in review goes through the pipeline's own deciding stages again — type,
 * patient by the two-identifier rule, fields, settle — from the text already read (no OCR
 * again). A document that now qualifies is filed, and what follows a filing runs (`onFiled`);
 * one that still waits gets today's reasons and candidates. Never filed on a guess: the
 * decision is the pipeline's, word for word.
 */
import { runPipeline } from '../ingest/pipeline.js'
import { classify } from '../ingest/stages/classify.js'
import { fields } from '../ingest/stages/fields.js'
import { identify } from '../ingest/stages/identify.js'
import { onFiled } from '../ingest/stages/onFiled.js'
import { settle } from '../ingest/stages/settle.js'
import type { Job, Stage, StageContext } from '../ingest/stages/types.js'
import { storedTextOf } from './storedText.js'

/** The stages that decide a document's fate once its text is read, in pipeline order. */
export const DECIDING_STAGES: readonly Stage[] = [classify, identify, fields, settle, onFiled]

export interface RematchResult {
  /** Documents that were waiting. */
  examined: number
  /** Filed now, by document id. */
  filed: number[]
  /** Still waiting (their reasons updated). */
  waiting: number
  /** Could not be looked at again (text unreadable, storage down): they wait as they were. */
  failed: { documentId: number; code: string }[]
}

export type RematchDeps = Pick<
  StageContext,
  | 'config'
  | 'catalog'
  | 'sql'
  | 'store'
  | 'storeWithArchive'
  | 'ocr'
  | 'log'
  | 'contentLocks'
  | 'classifier'
  | 'rules'
  | 'ruleFiles'
  | 'clock'
>

export async function waitingCount(deps: Pick<StageContext, 'catalog'>): Promise<number> {
  return (await deps.catalog.documents.countByStatus()).needs_review
}

export async function rematchWaiting(
  deps: RematchDeps,
  opts: { onDocument?: (documentId: number, status: string) => void } = {},
): Promise<RematchResult> {
  const ids = await deps.catalog.documents.idsWithStatus('needs_review')
  const result: RematchResult = { examined: 0, filed: [], waiting: 0, failed: [] }
  for (const id of ids) {
    const doc = await deps.catalog.documents.get(id)
    // Settled by a person meanwhile: nothing to do.
    if (!doc || doc.status !== 'needs_review') continue
    result.examined++
    // A stack waiting to be split is never filed whole: a person decides its cuts first.
    if (doc.details.split) {
      result.waiting++
      continue
    }
    // One job per content at a time, as in the pipeline: the same file arriving again waits for us.
    const release = await deps.contentLocks.acquire(doc.sha256)
    try {
      const job: Job = {
        id: `rematch-${id}`,
        mode: 'ingest',
        sourcePath: doc.originalName,
        workPath: '',
        originalName: doc.originalName,
        sourceFolder: doc.sourceFolder,
        receivedAt: doc.receivedAt,
        documentId: id,
        sha256: doc.sha256,
        extracted: await storedTextOf(deps, id),
      }
      await runPipeline(job, { ...deps }, DECIDING_STAGES)
      if (job.status === 'filed') result.filed.push(id)
      else result.waiting++
      opts.onDocument?.(id, job.status ?? 'needs_review')
    } catch (err) {
      // The document keeps waiting as it was; ids and codes only in the log.
      const code = (err as { code?: string }).code ?? 'INTERNAL'
      result.failed.push({ documentId: id, code })
      result.waiting++
      deps.log.warn({ documentId: id, code }, 're-match failed; the document waits in review as it was')
    } finally {
      release()
    }
  }
  if (result.examined)
    deps.log.info(
      { examined: result.examined, filed: result.filed.length, waiting: result.waiting },
      'documents waiting in review matched again',
    )
  return result
}

/** One line for people: how many were filed, how many still wait. */
export function describeRematch(r: RematchResult): string {
  if (!r.examined) return 'No documents were waiting in review.'
  const failed = r.failed.length ? ` ${r.failed.length} could not be looked at again (see the log) and wait as they were.` : ''
  return `Re-matched ${r.examined} document(s) waiting in review: ${r.filed.length} filed, ${r.waiting} still waiting.${failed}`
}
