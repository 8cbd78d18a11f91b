/**
 * Routing one filed document: the routing rules in force decide who reviews it; the routes
 * table and `details.routing` record it. Called by the pipeline's `route` stage and after a
 * person files a document (settleDocument). A document not filed has no routes.
 */
import type { Clock } from '../clock/clock.js'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { ExtractionDetails } from '../charts/buildChart.js'
import { packageRoot } from '../classify/paths.js'
import type { Catalog } from '../catalog/db.js'
import type { Config } from '../config/config.js'
import type { Logger } from '../log.js'
import { RoutesRepo, syncRoutingDetails } from './repo.js'
import { loadRoutingRules, routeTargets, type RouteTarget } from './rules.js'

/** The records lead's `rules/routing/`, else the starter set shipped with chartclerk. */
export function routingDirOf(config: Pick<Config, 'rulesDir'>): string {
  const own = path.join(config.rulesDir, 'routing')
  return existsSync(own) ? own : path.join(packageRoot(), 'rules', 'routing')
}

export function routeDocument(catalog: Catalog, config: Pick<Config, 'rulesDir'>, documentId: number, log?: Logger, clock?: Clock): RouteTarget[] {
  const doc = catalog.documents.get(documentId)
  if (!doc) return []
  const repo = new RoutesRepo(catalog.db)
  const set = loadRoutingRules(routingDirOf(config))
  // Problems name files and rule ids only, never a patient.
  if (set.problems.length) log?.warn({ problems: set.problems.slice(0, 10) }, 'routing rule files with problems were left out')
  let targets: RouteTarget[] = []
  if (doc.status === 'filed' && doc.patientMrn) {
    const x = (doc.details.extraction ?? null) as Partial<ExtractionDetails> | null
    const patient = catalog.patients.get(doc.patientMrn)
    targets = routeTargets(set.rules, { docType: doc.docType, facility: x?.facility ?? null, author: x?.author ?? null, primaryProvider: patient?.primaryProvider ?? null })
  }
  catalog.tx(() => {
    const { added, removed } = repo.setRoutes(documentId, targets, clock?.nowIso())
    if (added || removed) {
      syncRoutingDetails(catalog, documentId)
      catalog.events.append('document.routed', documentId, { recipients: targets.length, added, removed, rules: [...new Set(targets.map((t) => t.ruleId))] })
    }
  })
  return targets
}
