/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Full-text search over filed documents (the catalog's FTS index), limited to what the user may
 * see. Each search is an audit row (the words searched and how many documents were shown).
 *
 * GET /search?q=
 */
import type { Hono } from 'hono'
import type { DocumentRecord } from '../../catalog/documents.js'
import type { Patient } from '../../model/types.js'
import { canSeeDocument } from '../access.js'
import type { WebDeps } from '../deps.js'
import { documentFacts } from '../documentFacts.js'
import { audit, userOf, type AppEnv } from '../env.js'
import { day, plural, typeLabel } from '../format.js'
import { Empty } from '../layout.js'
import { need } from '../middleware/session.js'
import { page } from '../render.js'

/** The FTS snippet marks hits with [ and ]; show them as <mark>. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\[\]]*\])/)
  return (
    <span class="snippet">
      {parts.map((p) => (p.startsWith('[') && p.endsWith(']') && p.length > 2 ? <mark>{p.slice(1, -1)}</mark> : p))}
    </span>
  )
}

export function registerSearchRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  app.get('/search', need('records.view'), async (c) => {
    const u = userOf(c)
    // Control characters (a NUL most of all) are never search words; the full-text index refuses them.
    const q = (c.req.query('q') ?? '')
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
      .slice(0, 200)
    const hits: { doc: DocumentRecord; patient: Patient | undefined; pages: { page: number; snippet: string }[] }[] = []
    if (q) {
      const byDoc = new Map<number, { page: number; snippet: string }[]>()
      for (const h of await deps.catalog.documents.search(q, 500))
        byDoc.set(h.documentId, [...(byDoc.get(h.documentId) ?? []), { page: h.page, snippet: h.snippet }])
      for (const [id, pages] of byDoc) {
        const doc = await deps.catalog.documents.get(id)
        if (!doc || doc.status !== 'filed') continue
        const patient = doc.patientMrn ? await deps.patients.get(doc.patientMrn) : undefined
        if (!canSeeDocument(u, doc, patient)) continue
        hits.push({ doc, patient, pages })
        if (hits.length >= 100) break
      }
      await audit(c, { action: 'search', detail: { q, documents: hits.length, mrns: [...new Set(hits.map((h) => h.doc.patientMrn))] } })
    }
    return page(
      c,
      { title: q ? `Search: ${q}` : 'Search', active: 'search' },
      <>
        <h1>Search filed documents</h1>
        <form method="get" action="/search" class="filters" role="search">
          <label>
            Words to find
            <input
              type="search"
              name="q"
              value={q}
              autofocus
              size={40}
              data-key="/"
              placeholder="e.g. potassium, chest x-ray, Tri-County"
            />
          </label>
          <button type="submit">Search</button>
        </form>
        {q ? (
          hits.length ? (
            <>
              <p class="muted">{plural(hits.length, 'document')} found.</p>
              <ol class="hits">
                {hits.map((h) => {
                  const f = documentFacts(h.doc)
                  return (
                    <li>
                      <a href={`/documents/${h.doc.id}`}>
                        {typeLabel(h.doc.docType)}
                        {f.dateOfService ? ` · ${f.dateOfService}` : ` · received ${day(h.doc.receivedAt, deps.clock)}`}
                      </a>{' '}
                      <span class="muted">
                        · chart {h.doc.patientMrn}
                        {h.patient ? ` (${h.patient.familyName}, ${h.patient.givenName})` : ''}
                        {f.facility ? ` · ${f.facility}` : ''}
                      </span>
                      {h.pages.slice(0, 3).map((p) => (
                        <div class="small">
                          <span class="muted">p. {p.page}: </span>
                          <Snippet text={p.snippet} />
                        </div>
                      ))}
                    </li>
                  )
                })}
              </ol>
            </>
          ) : (
            <Empty>No filed document you may see contains “{q}”.</Empty>
          )
        ) : null}
      </>,
    )
  })
}
