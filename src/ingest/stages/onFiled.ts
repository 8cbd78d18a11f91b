/**
 * on-filed: what follows a filing (the chart back from the archive, routing, the chart check),
 * through the same `onFiled` step a person's settlement uses. The document is already filed;
 * a step that fails is logged and never fails it.
 */
import { onFiled as afterFiling } from '../../filing/onFiled.js'
import { CONTINUE, type Stage } from './types.js'

export const onFiled: Stage = {
  name: 'on-filed',
  appliesTo: (job) => job.status === 'filed',
  async run(job, ctx) {
    const mrn = (await ctx.catalog.documents.get(job.documentId!))?.patientMrn
    if (mrn) await afterFiling(ctx, { documentId: job.documentId!, mrn, ruleset: ctx.rules() })
    return CONTINUE
  },
}
