/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Routed outside reports (DOMAIN C07): each clinician's work queue, and the records lead's list
 * of reports not acknowledged in time. Every view and acknowledgement is an audit row.
 *
 * GET  /inbox               the signed-in clinician's reports waiting for review (?all=1: also reviewed ones)
 * GET  /inbox/:id           one routed report: facts, page images, "Mark reviewed"
 * POST /inbox/:id/ack       acknowledge it (CSRF like every change)
 * GET  /routing/overdue     open routes older than routing.escalateAfterDays (records lead)
 */
import type { Hono } from 'hono'
import type { User } from '../../auth/users.js'
import type { DocumentRecord } from '../../catalog/documents.js'
import type { Patient } from '../../model/types.js'
import { actionableError } from '../../errors.js'
import { acknowledgeRoute } from '../../routing/acknowledge.js'
import { RoutesRepo, type RouteListing } from '../../routing/repo.js'
import { sameProvider } from '../access.js'
import type { WebDeps } from '../deps.js'
import { documentFacts } from '../documentFacts.js'
import { audit, userOf, type AppEnv } from '../env.js'
import { typeLabel, when } from '../format.js'
import { Badge, Csrf, Empty, Flash } from '../layout.js'
import { need } from '../middleware/session.js'
import { idParam, page } from '../render.js'
import { PagesBesideText } from './document.js'

const FLASH = { ack: 'Marked reviewed.' }

/** The documents and patients of the routes listed, read before the table is drawn. */
interface RouteLookups {
  docs: Map<number, DocumentRecord>
  patients: Map<string, Patient | undefined>
}

async function lookupsOf(deps: WebDeps, rows: RouteListing[]): Promise<RouteLookups> {
  const docs = new Map((await deps.catalog.documents.getMany([...new Set(rows.map((r) => r.documentId))])).map((d) => [d.id, d]))
  const patients = new Map<string, Patient | undefined>()
  for (const r of rows) if (r.patientMrn && !patients.has(r.patientMrn)) patients.set(r.patientMrn, await deps.patients.get(r.patientMrn))
  return { docs, patients }
}

function RouteTable({
  rows,
  deps,
  lookups,
  link,
  showProvider,
}: {
  rows: RouteListing[]
  deps: WebDeps
  lookups: RouteLookups
  link: (r: RouteListing) => string
  showProvider?: boolean
}) {
  return (
    <table class="list">
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">Patient</th>
          <th scope="col">From</th>
          {showProvider ? <th scope="col">Routed to</th> : null}
          <th scope="col">Routed</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const doc = lookups.docs.get(r.documentId)
          const f = doc ? documentFacts(doc) : null
          const p = r.patientMrn ? lookups.patients.get(r.patientMrn) : undefined
          return (
            <tr data-document={String(r.documentId)}>
              <td>
                <a href={link(r)}>
                  {typeLabel(r.docType)} · document {r.documentId}
                </a>
                {f?.dateOfService ? <span class="muted"> · {f.dateOfService}</span> : null}
              </td>
              <td>
                {r.patientMrn}
                {p ? ` · ${p.familyName}, ${p.givenName}` : ''}
              </td>
              <td>{f?.facility ?? <span class="muted">unknown</span>}</td>
              {showProvider ? <td>{r.provider}</td> : null}
              <td>
                {when(r.routedAt, deps.clock)} <span class="muted">({r.daysOpen} d)</span>
              </td>
              <td>
                {r.acknowledgedAt ? (
                  <Badge kind="filed">reviewed {when(r.acknowledgedAt, deps.clock)}</Badge>
                ) : r.overdue ? (
                  <Badge kind="failed">overdue</Badge>
                ) : (
                  <Badge kind="needs_review">new</Badge>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function registerRoutingRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const routes = () => new RoutesRepo(deps.sql)
  const days = () => deps.config.routing?.escalateAfterDays ?? 7
  const providerOf = (u: User): string | null => u.providerName?.trim() || null

  app.get('/inbox', need('routing.acknowledge'), async (c) => {
    const u = userOf(c)
    const provider = providerOf(u)
    const all = c.req.query('all') === '1'
    const rows = provider ? await routes().list({ provider, open: !all, escalateAfterDays: days() }, deps.clock) : []
    const lookups = await lookupsOf(deps, rows)
    await audit(c, { action: 'routing.queue', detail: { all, shown: rows.length } })
    return page(
      c,
      { title: 'My reports', active: 'inbox' },
      <>
        <h1>Reports routed to you</h1>
        <Flash code={c.req.query('done')} messages={FLASH} />
        <p class="muted">
          Outside reports for your review{provider ? ` (${provider})` : ''}. Open one, read it, and mark it reviewed. Reports not reviewed
          within {days()} days go to the records lead.{' '}
          {all ? <a href="/inbox">Show only new reports</a> : <a href="/inbox?all=1">Show reviewed reports too</a>}
        </p>
        {!provider ? (
          <Empty>Your account has no provider name; ask the administrator to set it.</Empty>
        ) : rows.length ? (
          <RouteTable rows={rows} deps={deps} lookups={lookups} link={(r) => `/inbox/${r.documentId}`} />
        ) : (
          <Empty>Nothing waits for your review.</Empty>
        )}
      </>,
    )
  })

  app.get('/inbox/:id{[0-9]{1,12}}', need('routing.acknowledge'), async (c) => {
    const u = userOf(c)
    const provider = providerOf(u)
    const id = idParam(c.req.param('id'))
    const doc = id ? await deps.catalog.documents.get(id) : undefined
    const mine = doc && provider ? (await routes().forDocument(doc.id)).filter((r) => sameProvider(r.provider, provider)) : []
    if (!doc || doc.status !== 'filed' || !mine.length)
      return page(c, { title: 'Not found', status: 404 }, <Empty>There is no such report routed to you.</Empty>)
    await audit(c, {
      action: 'document.view',
      targetKind: 'document',
      targetId: String(doc.id),
      patientMrn: doc.patientMrn,
      detail: { from: 'inbox' },
    })
    const f = documentFacts(doc)
    const p = doc.patientMrn ? await deps.patients.get(doc.patientMrn) : undefined
    const pages = await deps.catalog.documents.pages(doc.id)
    const open = mine.some((r) => !r.acknowledgedAt)
    return page(
      c,
      { title: `${typeLabel(doc.docType)} · document ${doc.id}`, active: 'inbox', wide: true },
      <>
        <div class="item-head">
          <div>
            <p class="crumbs">
              <a href="/inbox">← My reports</a>
            </p>
            <h1>
              {typeLabel(doc.docType)}
              {f.dateOfService ? <span class="muted"> · {f.dateOfService}</span> : null}
              {f.facility ? <span class="muted"> · {f.facility}</span> : null}
            </h1>
            <p>
              Patient {doc.patientMrn}
              {p ? ` · ${p.familyName}, ${p.givenName} · born ${p.birthDate}` : ''} ·{' '}
              <a href={`/documents/${doc.id}`}>full document view</a>
            </p>
          </div>
          <div class="actions">
            {open ? (
              <form method="post" action={`/inbox/${doc.id}/ack`} class="inline">
                <Csrf token={c.get('csrf')} />
                <button type="submit" class="primary" id="acknowledge">
                  Mark reviewed
                </button>
              </form>
            ) : (
              <Badge kind="filed">reviewed {when(mine.find((r) => r.acknowledgedAt)?.acknowledgedAt, deps.clock)}</Badge>
            )}
          </div>
        </div>
        <dl class="facts">
          <dt>Author</dt>
          <dd>{f.author ?? <span class="muted">not found</span>}</dd>
          <dt>Routed</dt>
          <dd>{when(mine[0]!.routedAt, deps.clock)}</dd>
        </dl>
        <section>
          <h2>Pages</h2>
          <PagesBesideText doc={doc} pages={pages} />
        </section>
      </>,
    )
  })

  app.post('/inbox/:id{[0-9]{1,12}}/ack', need('routing.acknowledge'), async (c) => {
    const u = userOf(c)
    const provider = providerOf(u)
    const id = idParam(c.req.param('id'))
    const doc = id ? await deps.catalog.documents.get(id) : undefined
    const mine = doc && provider ? (await routes().forDocument(doc.id)).filter((r) => sameProvider(r.provider, provider)) : []
    if (!doc || !provider || !mine.length) {
      await audit(c, { action: 'routing.acknowledge', targetKind: 'document', targetId: String(id ?? ''), outcome: 'denied' })
      return c.text('There is no such report routed to you.', 404)
    }
    try {
      await acknowledgeRoute(deps.catalog, deps.sql, deps.rules?.current ?? null, doc.id, provider, u.username, deps.clock)
    } catch (err) {
      const known = actionableError(err)
      if (!known) throw err
      return c.text(known.error.action, known.http)
    }
    await audit(c, {
      action: 'routing.acknowledge',
      targetKind: 'document',
      targetId: String(doc.id),
      patientMrn: doc.patientMrn,
      detail: { provider },
    })
    return c.redirect('/inbox?done=ack', 303)
  })

  app.get('/routing/overdue', need('routing.oversee'), async (c) => {
    const rows = await routes().list({ overdue: true, escalateAfterDays: days() }, deps.clock)
    const lookups = await lookupsOf(deps, rows)
    await audit(c, { action: 'routing.overdue', detail: { shown: rows.length } })
    return page(
      c,
      { title: 'Overdue reports', active: 'routing' },
      <>
        <h1>Routed reports not reviewed in {days()} days</h1>
        <p class="muted">
          Outside reports a clinician has not marked reviewed within {days()} days of routing (setting routing.escalateAfterDays). Remind
          the clinician, or route the report to someone else.
        </p>
        {rows.length ? (
          <RouteTable rows={rows} deps={deps} lookups={lookups} link={(r) => `/documents/${r.documentId}`} showProvider />
        ) : (
          <Empty>None: every routed report was reviewed in time.</Empty>
        )}
      </>,
    )
  })
}
