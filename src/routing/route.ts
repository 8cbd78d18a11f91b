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
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { Logger } from '../log.js'
import { RoutesRepo, syncRoutingDetails } from './repo.js'
import { routeTargets, type RouteTarget, type RoutingRule } from './rules.js'

/** `sql`: the catalog through the query builder, where the routes are (src/catalog/sql/open.ts). */
export async function routeDocument(
  catalog: Catalog,
  sql: SqlCatalog,
  rules: readonly RoutingRule[],
  documentId: number,
  _log?: Logger,
  clock?: Clock,
): Promise<RouteTarget[]> {
  const doc = await catalog.documents.get(documentId)
  if (!doc) return []
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
  // The routes, details.routing and the event in one write transaction (the routes repository joins it when the
  // routes are in the same catalog); details.routing is read from the routes again, so routing again mends a crash
  // in between otherwise.
  await catalog.tx(async (c) => {
    const { added, removed } = await new RoutesRepo(sql).setRoutes(documentId, targets, clock?.nowIso())
    if (added || removed) {
      await syncRoutingDetails(c, sql, documentId)
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
