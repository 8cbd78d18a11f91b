/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * One document: its facts, its pages as images beside their text, extracted fields, its
 * deficiencies, and the untouched original to download. Every view, page image and download
 * is an audit row.
 *
 * GET /documents/:id                 the viewer
 * GET /documents/:id/pages/:n        page n as PNG (derived/<id>/page-000n.png, drawn on first view)
 * GET /documents/:id/original        the original file as received (attachment)
 */
import type { Hono } from 'hono'
import { stream } from 'hono/streaming'
import type { DocumentRecord, PageRecord } from '../../catalog/documents.js'
import { DeficienciesRepo } from '../../deficiencies/repo.js'
import { ChartclerkError } from '../../errors.js'
import { pageImage } from '../../derived/pageImages.js'
import { safeName } from '../../ingest/quarantine.js'
import { originalKey } from '../../storage/objectStore.js'
import { canSeeDocument } from '../access.js'
import type { WebDeps } from '../deps.js'
import { documentFacts } from '../documentFacts.js'
import type { LabResultRow } from '../../extract-fields/labResults.js'
import { audit, userOf, type AppEnv, type Ctx } from '../env.js'
import { humanSize, plural, typeLabel, when } from '../format.js'
import { Badge, Empty } from '../layout.js'
import { need } from '../middleware/session.js'
import { idParam, page } from '../render.js'
import { DeficiencyTable, deficiencyRows, rowContext } from './deficiencies.js'

export function PageImages({ doc, pages, total }: { doc: DocumentRecord; pages: PageRecord[]; total?: number }) {
  if (!pages.length) return <Empty>No page images (the document has not been read yet).</Empty>
  return (
    <>
      {pages.map((p) => (
        <figure class="page-image">
          <img
            src={`/documents/${doc.id}/pages/${p.page}`}
            alt={`Page ${p.page} of document ${doc.id}`}
            loading="lazy"
            width={p.width ?? undefined}
            height={p.height ?? undefined}
          />
          <figcaption>
            Page {p.page} of {total ?? pages.length}
            {p.source === 'ocr'
              ? ` · read by OCR${p.ocrConfidence != null ? `, confidence ${Math.round(p.ocrConfidence)}` : ''}`
              : ' · PDF text'}
            {p.deskewAngle ? ` · straightened ${p.deskewAngle.toFixed(1)}°` : ''}
          </figcaption>
        </figure>
      ))}
    </>
  )
}

/** A lab report's results, a row per test; flagged results stand out. */
export function LabResultsTable({ rows }: { rows: LabResultRow[] }) {
  return (
    <table class="lab-results">
      <caption>Lab results</caption>
      <thead>
        <tr>
          <th scope="col">Test</th>
          <th scope="col">Value</th>
          <th scope="col">Units</th>
          <th scope="col">Reference range</th>
          <th scope="col">Flag</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr class={r.flag ? 'flagged' : undefined}>
            <th scope="row">{r.test}</th>
            <td>{r.flag ? <strong>{r.value}</strong> : r.value}</td>
            <td>{r.units ?? ''}</td>
            <td>{r.referenceRange ?? ''}</td>
            <td>{r.flag ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Each page's image beside its text: the document viewer and the clinician's queue. */
export function PagesBesideText({ doc, pages }: { doc: DocumentRecord; pages: PageRecord[] }) {
  if (!pages.length) return <Empty>No pages have been read yet.</Empty>
  return (
    <>
      {pages.map((p) => (
        <div class="viewer-row">
          <PageImages doc={doc} pages={[p]} total={pages.length} />
          <div class="page-text">
            <h3>Text of page {p.page}</h3>
            <pre>{p.text || '(no text on this page)'}</pre>
          </div>
        </div>
      ))}
    </>
  )
}

export function PageTexts({ pages }: { pages: PageRecord[] }) {
  if (!pages.length) return <Empty>No text.</Empty>
  return (
    <div class="texts">
      {pages.map((p) => (
        <section class="page-text">
          <h3>Page {p.page}</h3>
          <pre>{p.text || '(no text on this page)'}</pre>
        </section>
      ))}
    </div>
  )
}

/** Content-Disposition for a download: an ASCII fallback plus the UTF-8 name. */
export function attachment(name: string): string {
  const clean = safeName(name)
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`
}

export function registerDocumentRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const deficiencies = new DeficienciesRepo(deps.sql)

  /** The document if it exists and this user may see it; else null (404 either way: no probing). */
  const visible = async (c: Ctx, idText: string | undefined): Promise<DocumentRecord | null> => {
    const id = idParam(idText)
    const doc = id ? await deps.catalog.documents.get(id) : undefined
    if (!doc) return null
    const patient = doc.patientMrn ? await deps.patients.get(doc.patientMrn) : undefined
    return canSeeDocument(userOf(c), doc, patient) ? doc : null
  }

  app.get('/documents/:id{[0-9]{1,12}}', need('records.view'), async (c) => {
    const doc = await visible(c, c.req.param('id'))
    if (!doc) return page(c, { title: 'Not found', status: 404 }, <Empty>There is no such document, or it is not one you may see.</Empty>)
    await audit(c, { action: 'document.view', targetKind: 'document', targetId: String(doc.id), patientMrn: doc.patientMrn })
    const u = userOf(c)
    const f = documentFacts(doc)
    const pages = await deps.catalog.documents.pages(doc.id)
    const patient = doc.patientMrn ? await deps.patients.get(doc.patientMrn) : undefined
    const defs = doc.patientMrn
      ? (await deficiencies.list({ chartMrn: doc.patientMrn })).filter((d) => d.documentId === String(doc.id))
      : []
    const rc = defs.length ? await rowContext(deps, c, c.req.path, true) : null
    const receipts = await deps.catalog.documents.receipts(doc.id)
    const defRows = await deficiencyRows(deps, defs)
    return page(
      c,
      { title: `${typeLabel(doc.docType)} · document ${doc.id}`, active: 'charts', wide: true },
      <>
        <div class="item-head">
          <div>
            <p class="crumbs">
              {doc.patientMrn ? (
                <a href={`/charts/${encodeURIComponent(doc.patientMrn)}`}>
                  ← Chart {doc.patientMrn}
                  {patient ? ` · ${patient.familyName}, ${patient.givenName}` : ''}
                </a>
              ) : doc.status === 'needs_review' ? (
                <a href={`/review/${doc.id}`}>← Review queue</a>
              ) : null}
            </p>
            <h1>
              {typeLabel(doc.docType)}
              {f.dateOfService ? <span class="muted"> · {f.dateOfService}</span> : null}
              {f.facility ? <span class="muted"> · {f.facility}</span> : null}
            </h1>
          </div>
          <div class="actions">
            <a class="button" href={`/documents/${doc.id}/original`} download>
              Download the original
            </a>
          </div>
        </div>
        <div class="doc-grid">
          <section class="panel">
            <h2>About this document</h2>
            <dl class="facts">
              <dt>Status</dt>
              <dd>
                <Badge kind={doc.status}>{doc.status.replace('_', ' ')}</Badge>
              </dd>
              <dt>Chart</dt>
              <dd>{doc.patientMrn ?? <span class="muted">not filed</span>}</dd>
              <dt>Type</dt>
              <dd>
                {typeLabel(doc.docType)}
                {doc.typeConfidence != null ? <span class="muted"> ({Math.round(doc.typeConfidence * 100)}%)</span> : null}
              </dd>
              <dt>Date of service</dt>
              <dd>{f.dateOfService ?? <span class="muted">not found</span>}</dd>
              <dt>From</dt>
              <dd>{f.facility ?? <span class="muted">not found</span>}</dd>
              <dt>Author</dt>
              <dd>{f.author ?? <span class="muted">not found</span>}</dd>
              <dt>Signed</dt>
              <dd>
                {f.signed ? (
                  f.signed.present ? (
                    `yes${f.signed.by ? `, ${f.signed.by}` : ''}${f.signed.date ? `, ${f.signed.date}` : ''}`
                  ) : (
                    <strong>no signature found</strong>
                  )
                ) : (
                  <span class="muted">not checked</span>
                )}
              </dd>
              <dt>Received</dt>
              <dd>
                {when(doc.receivedAt, deps.clock)} as “{doc.originalName}”{doc.sourceFolder ? ` (from ${doc.sourceFolder}/)` : ''}
                {receipts.length > 1 ? <span class="muted"> · received {receipts.length} times</span> : null}
                {doc.batchSha256 && doc.pageFrom != null ? (
                  <span class="muted" title={`received file SHA-256 ${doc.batchSha256}`}>
                    {' '}
                    · pages {doc.pageFrom}–{doc.pageTo} of that file (a scanned stack)
                    {blankLeftOut(doc).length
                      ? `; blank page${blankLeftOut(doc).length > 1 ? 's' : ''} ${blankLeftOut(doc).join(', ')} of the file left out (kept in the received file, not filed)`
                      : ''}
                  </span>
                ) : null}
              </dd>
              <dt>File</dt>
              <dd>
                {doc.contentType}, {humanSize(doc.size)}, {plural(doc.pageCount ?? pages.length, 'page')}
                {doc.ocrConfidence != null ? `, OCR confidence ${Math.round(doc.ocrConfidence)}` : ''}
              </dd>
              <dt>SHA-256</dt>
              <dd>
                <code class="hash">{doc.sha256}</code>
              </dd>
            </dl>
          </section>
          <section class="panel">
            <h2>Extracted fields</h2>
            {f.fields.length ? (
              <table class="fields">
                <tbody>
                  {f.fields.map((x) => (
                    <tr>
                      <th scope="row">{x.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}</th>
                      <td>
                        {x.value}
                        {x.page ? <span class="muted small"> (p. {x.page})</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <Empty>No fields were extracted.</Empty>
            )}
            {f.labResults.length ? <LabResultsTable rows={f.labResults} /> : null}
            {f.missing.length ? <p class="small">Not found on the document: {f.missing.join(', ')}</p> : null}
          </section>
        </div>
        <section>
          <h2>Deficiencies of this document</h2>
          {defs.length ? <DeficiencyTable rows={defRows} rc={rc!} /> : <Empty>None.</Empty>}
        </section>
        <section>
          <h2>Pages</h2>
          <PagesBesideText doc={doc} pages={pages} />
        </section>
      </>,
    )
  })

  app.get('/documents/:id{[0-9]{1,12}}/pages/:n{[0-9]{1,5}}', need('records.view'), async (c) => {
    const doc = await visible(c, c.req.param('id'))
    const n = idParam(c.req.param('n'))
    if (!doc || !n || (doc.pageCount != null && n > doc.pageCount)) return c.text('No such page.', 404)
    let png: Buffer
    try {
      // Drawn on first view and kept; an inactive chart's page images are in the archive location.
      png = await pageImage(deps, doc, n)
    } catch (err) {
      if (err instanceof ChartclerkError && err.code === 'STORAGE_NOT_FOUND') return c.text('No image of this page.', 404)
      throw err
    }
    await audit(c, {
      action: 'document.page',
      targetKind: 'document',
      targetId: String(doc.id),
      patientMrn: doc.patientMrn,
      detail: { page: n },
    })
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Content-Length': String(png.length) })
  })

  app.get('/documents/:id{[0-9]{1,12}}/original', need('records.view'), async (c) => {
    const doc = await visible(c, c.req.param('id'))
    if (!doc) return c.text('No such document.', 404)
    let body: AsyncIterable<unknown> | Iterable<unknown>
    try {
      body = await deps.store.getStream(originalKey(doc.sha256))
    } catch (err) {
      if (!(err instanceof ChartclerkError && err.code === 'STORAGE_NOT_FOUND')) throw err
      // An inactive chart's original is in the archive location.
      body = [await deps.storeWithArchive.get(originalKey(doc.sha256))]
    }
    await audit(c, {
      action: 'document.download',
      targetKind: 'document',
      targetId: String(doc.id),
      patientMrn: doc.patientMrn,
      detail: { sha256: doc.sha256, name: doc.originalName },
    })
    c.header('Content-Type', doc.contentType || 'application/octet-stream')
    c.header('Content-Disposition', attachment(doc.originalName))
    c.header('Content-Length', String(doc.size))
    return stream(c, async (s) => {
      for await (const chunk of body) await s.write(chunk as Uint8Array)
    })
  })
}

/** Blank pages of a stack inside this part's range that are not its pages. */
function blankLeftOut(doc: { details: Record<string, unknown> }): number[] {
  const b = doc.details.blankPagesLeftOut
  return Array.isArray(b) ? (b as number[]) : []
}
