/** classify: what kind of document this is, with a calibrated confidence (never a bare guess). */
import { CONTINUE, type Stage } from './types.js'

export const classify: Stage = {
  name: 'classify',
  appliesTo: (job) => !!job.extracted,
  async run(job, ctx) {
    const c = ctx.classifier.classify(job.extracted!.fullText)
    job.classification = c
    if (c.needsReview) {
      const pct = (x: number) => `${Math.round(x * 100)}%`
      const alts = c.alternatives
        .slice(0, 2)
        .map((a) => `${a.type} ${pct(a.confidence)}`)
        .join(', ')
      ;(job.reviewReasons ??= []).push(
        `Document type uncertain: ${c.type} at ${pct(c.confidence)} (filing needs ${pct(c.threshold)})${alts ? `; also possible: ${alts}` : ''}.`,
      )
    }
    return CONTINUE
  },
}
