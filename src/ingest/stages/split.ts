/**
 * split: does the file hold one document or a stack of them? Read from the pages themselves
 * (src/split/). One document: on to classify as before. Several, every cut sure: each part
 * becomes a document and is read on its own (the received file stays, unaltered, as the
 * batch). A cut in doubt: the parts with sure cuts on both sides are filed as documents all
 * the same; the parts touching a doubtful cut wait in review on the file's own row, never
 * filed on a guess.
 */
import { partsByCertainty, planSplit, SURE, type PageRange, type SplitPlan } from '../../split/boundaries.js'
import { fileParts, readingsOf, pagesKeyOf, type PartOutcome } from '../../split/fileParts.js'
import { CONTINUE, type Job, type Stage, type StageContext } from './types.js'

export const split: Stage = {
  name: 'split',
  appliesTo: (job) => !!job.extracted,
  async run(job, ctx) {
    const pages = job.extracted!.pages
    // A page that could not be read is not a blank page: what it held (a cut, another patient)
    // is unknown, so such a file is never split; it goes on as one document and its review
    // reason names the page.
    if (pages.some((p) => p.unreadable)) {
      await ctx.catalog.documents.update(job.documentId!, { pagesKey: pagesKeyOf(pages) })
      return CONTINUE
    }
    const plan = planSplit(readingsOf(ctx, pages), { faxCover: ctx.config.split.faxCover })
    job.splitPlan = plan
    if (plan.parts.length <= 1 && plan.separators.length === 0 && plan.certain) {
      await ctx.catalog.documents.update(job.documentId!, { pagesKey: pagesKeyOf(pages) })
      return CONTINUE
    }
    const { file, wait } = plan.certain ? { file: plan.parts, wait: [] } : partsByCertainty(plan)
    if (file.length === 0) {
      await holdForReview(job, ctx, plan, [])
      return { kind: 'halt', reason: 'split-review' }
    }
    const doc = (await ctx.catalog.documents.get(job.documentId!))!
    const parts = await fileParts(
      ctx,
      {
        documentId: doc.id,
        sha256: doc.sha256,
        size: doc.size,
        contentType: doc.contentType,
        originalName: job.originalName,
        sourceFolder: job.sourceFolder,
        receivedAt: job.receivedAt,
        claimId: job.id,
      },
      job.extracted!,
      plan,
      file,
      'chartclerk',
      { wait: wait.length > 0 },
    )
    job.parts = parts
    if (wait.length) {
      await holdForReview(job, ctx, plan, parts)
      job.splitWaiting = true
      return { kind: 'halt', reason: 'split-review' }
    }
    job.status = parts.every((p) => p.status === 'duplicate')
      ? 'duplicate'
      : parts.some((p) => p.status === 'needs_review')
        ? 'needs_review'
        : 'filed'
    return { kind: 'halt', reason: 'split' }
  },
}

/** What a stack waiting in review keeps on its row: the plan, and the parts already filed from it. */
export type WaitingSplit = SplitPlan & {
  guesses?: (PageRange & { type: string; typeConfidence: number })[]
  filed?: PartOutcome[]
}

const span = (r: PageRange) => (r.from === r.to ? `page ${r.from}` : `pages ${r.from}-${r.to}`)

async function holdForReview(job: Job, ctx: StageContext, plan: SplitPlan, filed: PartOutcome[]): Promise<void> {
  const doubtful = plan.cuts.filter((c) => c.confidence < SURE)
  const adrift = plan.adrift ?? []
  const unsure = [
    ...(doubtful.length === 1 ? [`where one ends is not certain (before page ${doubtful[0]!.page})`] : []),
    ...(doubtful.length > 1
      ? [`${doubtful.length} of the cuts are not certain (before pages ${doubtful.map((c) => c.page).join(', ')})`]
      : []),
    ...(adrift.length
      ? [
          `page${adrift.length > 1 ? 's' : ''} ${adrift.join(', ')} name${adrift.length > 1 ? '' : 's'} no patient and may not belong to the document ${adrift.length > 1 ? 'they are' : 'it is'} in (another may start there)`,
        ]
      : []),
  ]
  const reasons = [
    `This file seems to hold ${plan.parts.length} documents; ${unsure.join('; ')}. Check where each document starts and file the parts.`,
  ]
  if (filed.length)
    reasons.push(
      `Sure on both sides, ${filed.map((p) => span(p.split)).join(', ')} ${filed.length === 1 ? 'was' : 'were'} filed as ${filed.length === 1 ? 'a document' : 'documents'} of ${filed.length === 1 ? 'its' : 'their'} own; the rest waits here.`,
    )
  const doc = (await ctx.catalog.documents.get(job.documentId!))!
  const filedFrom = new Set(filed.map((p) => p.split.from))
  // What each proposed part still waiting reads as, to show beside its pages (and for `ingest --json`).
  const guesses = plan.parts
    .filter((r) => !filedFrom.has(r.from))
    .map((r) => {
      const c = ctx.classifier.classify(
        job
          .extracted!.pages.slice(r.from - 1, r.to)
          .map((p) => p.text)
          .join('\f'),
      )
      return { ...r, type: c.type, typeConfidence: c.confidence }
    })
  const waiting: WaitingSplit = { ...plan, guesses, ...(filed.length ? { filed } : {}) }
  await ctx.catalog.tx(async (c) => {
    await c.documents.update(job.documentId!, {
      status: 'needs_review',
      reviewReasons: reasons,
      details: { ...doc.details, split: waiting },
      errorCode: null,
      errorMessage: null,
    })
    await c.events.append('document.needs_review', job.documentId!, {
      reasons: reasons.length,
      split: plan.parts.length,
      filed: filed.length,
    })
  }, `document ${job.documentId!}`)
  job.status = 'needs_review'
}
