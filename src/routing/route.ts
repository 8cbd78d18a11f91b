/**
 * Routing one filed document: the routing rules in force decide who reviews it; the routes
 * table and `details.routing` record it. Called by the pipeline's `route` stage and after a
 * person files a document (settleDocument), with the rules in force from the rule-file loader
 * (read once and hot-reloaded; a broken edit keeps the last good rules). A document not filed
 * has no routes.
 */
import type { Clock } from '../clock/clock.js'
import type { ExtractionDetails } from '../charts/buildChart.js'
import type { Catalog } from '../catalog/db.js'
import type { Logger } from '../log.js'
import { RoutesRepo, syncRoutingDetails } from './repo.js'
import { routeTargets, type RouteTarget, type RoutingRule } from './rules.js'

export async function routeDocument(
  catalog: Catalog,
  rules: readonly RoutingRule[],
  documentId: number,
  _log?: Logger,
  clock?: Clock,
): Promise<RouteTarget[]> {
  const doc = await catalog.documents.get(documentId)
  if (!doc) return []
  const repo = new RoutesRepo(catalog.db)
  let targets: RouteTarget[] = []
  if (doc.status === 'filed' && doc.patientMrn) {
    const x = (doc.details.extraction ?? null) as Partial<ExtractionDetails> | null
    const patient = await catalog.patients.get(doc.patientMrn)
    targets = routeTargets(rules, {
      docType: doc.docType,
      facility: x?.facility ?? null,
      author: x?.author ?? null,
      primaryProvider: patient?.primaryProvider ?? null,
    })
  }
  await catalog.tx(async (c) => {
    const { added, removed } = repo.setRoutes(documentId, targets, clock?.nowIso())
    if (added || removed) {
      await syncRoutingDetails({ db: catalog.db, documents: c.documents }, documentId)
      await c.events.append('document.routed', documentId, {
        recipients: targets.length,
        added,
        removed,
        rules: [...new Set(targets.map((t) => t.ruleId))],
      })
    }
  }, `document ${documentId}`)
  return targets
}
