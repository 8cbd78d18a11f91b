/**
 * route: a filed outside report goes to the clinicians the routing rules name (rules/routing/),
 * into their work queues. A problem here is logged and never fails the filing.
 */
import { routeDocument } from '../../routing/route.js'
import { CONTINUE, type Stage } from './types.js'

export const route: Stage = {
  name: 'route',
  appliesTo: (job) => job.status === 'filed',
  async run(job, ctx) {
    try {
      routeDocument(ctx.catalog, ctx.ruleFiles.routingRules(), job.documentId!, ctx.log, ctx.clock)
    } catch (err) {
      ctx.log.warn({ documentId: job.documentId, err: (err as Error).message?.slice(0, 200) }, 'routing failed; the document stays filed')
    }
    return CONTINUE
  },
}
