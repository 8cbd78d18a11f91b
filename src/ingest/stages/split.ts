/**
 * split: does the file hold one document or a stack of them? Read from the pages themselves
 * (src/split/). One document: on to classify as before. Several, every cut sure: each part
 * becomes a document and is read on its own (the received file stays, unaltered, as the
 * batch). A cut in doubt: the whole file waits in review with the cuts proposed, never filed
 * on a guess.
 */
import { planSplit, type SplitPlan } from '../../split/boundaries.js'
import { fileParts, readingsOf, pagesKeyOf } from '../../split/fileParts.js'
import { CONTINUE, type Stage } from './types.js'

export const split: Stage = {
  name: 'split',
  appliesTo: (job) => !!job.extracted,
  async run(job, ctx) {
    const pages = job.extracted!.pages
    // A page that could not be read is not a blank page: what it held (a cut, another patient)
    // is unknown, so such a file is never split; it goes on as one document and its review
    // reason names the page.
    if (pages.some((p) => p.unreadable)) {
      ctx.catalog.documents.update(job.documentId!, { pagesKey: pagesKeyOf(pages) })
      return CONTINUE
    }
    const plan = planSplit(readingsOf(ctx, pages))
    job.splitPlan = plan
    if (plan.parts.length <= 1 && plan.separators.length === 0 && plan.certain) {
      ctx.catalog.documents.update(job.documentId!, { pagesKey: pagesKeyOf(pages) })
      return CONTINUE
    }
    if (!plan.certain) {
      holdForReview(job, ctx, plan)
      return { kind: 'halt', reason: 'split-review' }
    }
    const doc = ctx.catalog.documents.get(job.documentId!)!
    job.parts = await fileParts(
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
      plan.parts,
      'chartclerk',
    )
    job.status = job.parts.every((p) => p.status === 'duplicate')
      ? 'duplicate'
      : job.parts.some((p) => p.status === 'needs_review')
        ? 'needs_review'
        : 'filed'
    return { kind: 'halt', reason: 'split' }
  },
}

function holdForReview(job: Parameters<Stage['run']>[0], ctx: Parameters<Stage['run']>[1], plan: SplitPlan): void {
  const doubtful = plan.cuts.filter((c) => c.confidence < 0.9)
  const reasons = [
    `This file seems to hold ${plan.parts.length} documents; ${doubtful.length === 1 ? `where one ends is not certain (before page ${doubtful[0]!.page})` : `${doubtful.length} of the cuts are not certain (before pages ${doubtful.map((c) => c.page).join(', ')})`}. Check where each document starts and file the parts.`,
  ]
  const doc = ctx.catalog.documents.get(job.documentId!)!
  // What each proposed part reads as, to show beside its pages (and for `ingest --json`).
  const guesses = plan.parts.map((r) => {
    const c = ctx.classifier.classify(
      job
        .extracted!.pages.slice(r.from - 1, r.to)
        .map((p) => p.text)
        .join('\f'),
    )
    return { ...r, type: c.type, typeConfidence: c.confidence }
  })
  ctx.catalog.tx(() => {
    ctx.catalog.documents.update(job.documentId!, {
      status: 'needs_review',
      reviewReasons: reasons,
      details: { ...doc.details, split: { ...plan, guesses } },
      errorCode: null,
      errorMessage: null,
    })
    ctx.catalog.events.append('document.needs_review', job.documentId!, { reasons: 1, split: plan.parts.length })
  })
  job.status = 'needs_review'
}
