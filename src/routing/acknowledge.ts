/**
 * A clinician marks a routed report reviewed: their open routes of the document are
 * acknowledged, `details.routing` follows, the event log has it, and the chart is checked
 * again so a C07 deficiency closes by itself.
 */
import { checkChart } from '../charts/checkChart.js'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { Clock } from '../clock/clock.js'
import { ChartclerkError } from '../errors.js'
import type { RuleSet } from '../rules/types.js'
import { sameProvider } from './names.js'
import { RoutesRepo, syncRoutingDetails, type Route } from './repo.js'

/** `sql`: the catalog through the query builder, where the routes are and the chart check records deficiencies. */
export async function acknowledgeRoute(
  catalog: Catalog,
  sql: SqlCatalog,
  ruleset: RuleSet | null,
  documentId: number,
  provider: string,
  by: string,
  clock: Clock,
): Promise<Route[]> {
  const doc = await catalog.documents.get(documentId)
  if (!doc)
    throw new ChartclerkError('NOT_FOUND', `There is no document ${documentId}.`, {
      cliHint: '"chartclerk route list" shows what is routed.',
    })
  const repo = new RoutesRepo(sql)
  const routes = await repo.forDocument(documentId)
  if (!routes.length) throw new ChartclerkError('CONFLICT', `Document ${documentId} is not routed to anyone.`)
  const done = await catalog.tx(async (c) => {
    const marked = await repo.acknowledge(documentId, provider, by, clock)
    if (marked.length) {
      await syncRoutingDetails(c, sql, documentId)
      await c.events.append('document.acknowledged', documentId, { by, routes: marked.length })
    }
    return marked
  }, `document ${documentId}`)
  if (!done.length) {
    const mine = routes.filter((r) => sameProvider(r.provider, provider) || r.provider === provider)
    const already = mine.length > 0 && mine.every((r) => r.acknowledgedAt)
    throw new ChartclerkError(
      'CONFLICT',
      already
        ? `Document ${documentId} was already acknowledged.`
        : `Document ${documentId} is not waiting for ${provider}'s review; it is routed to ${routes.map((r) => r.provider).join(', ')}.`,
    )
  }
  if (ruleset && doc.patientMrn) await checkChart(catalog, sql, ruleset, doc.patientMrn, clock, by)
  return done
}
