/**
 * check: a filed document and its chart against the rule set in force. The
 * document is already filed, so a problem here is logged and never fails it.
 */
import { checkChart } from '../../charts/checkChart.js'
import { CONTINUE, type Stage } from './types.js'

export const check: Stage = {
  name: 'check',
  appliesTo: (job) => job.status === 'filed',
  async run(job, ctx) {
    const ruleset = ctx.rules()
    const mrn = ctx.catalog.documents.get(job.documentId!)?.patientMrn
    if (!ruleset || !mrn) return CONTINUE
    try {
      const run = checkChart(ctx.catalog, ruleset, mrn, ctx.clock)
      if (run) ctx.log.debug({ documentId: job.documentId, rulesetVersion: run.rulesetVersion, opened: run.totals.opened, closed: run.totals.autoCompleted }, 'chart checked')
    } catch (err) {
      ctx.log.warn({ documentId: job.documentId, err: (err as Error).message?.slice(0, 200) }, 'chart check failed; the document stays filed; run "chartclerk check" later')
    }
    return CONTINUE
  },
}
