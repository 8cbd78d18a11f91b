/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Review of a split: a file that seems to hold several documents, with a cut in doubt, waits
 * as a strip of its pages with the cuts proposed between them. The clerk ticks where a
 * document starts (moving, adding or removing cuts) and files the parts; each part is then read
 * and filed like any document, or waits in review on its own for its patient and type.
 *
 * GET  /review/:id            (a stack waiting to be split shows this strip)
 * POST /review/:id/split      the cuts decided: starts=<page>...
 */
import type { Hono } from 'hono'
import type { DocumentRecord } from '../../catalog/documents.js'
import { ChartclerkError } from '../../errors.js'
import type { WaitingSplit } from '../../ingest/stages/split.js'
import type { WebDeps } from '../deps.js'
import { audit, userOf, type AppEnv, type Ctx } from '../env.js'
import { percent, plural, typeLabel, when } from '../format.js'
import { Badge, Csrf, Empty } from '../layout.js'
import { need } from '../middleware/session.js'
import { idParam, page } from '../render.js'

type Proposal = WaitingSplit

export function splitProposal(doc: DocumentRecord): Proposal | null {
  return doc.status === 'needs_review' && doc.details.split ? (doc.details.split as Proposal) : null
}

export async function splitPage(c: Ctx, deps: WebDeps, doc: DocumentRecord, o: { error?: string; status?: 200 | 400 | 404 | 409 } = {}) {
  const plan = splitProposal(doc)!
  const pages = await deps.catalog.documents.pages(doc.id)
  const cutAt = new Map(plan.cuts.map((k) => [k.page, k]))
  const seps = new Set(plan.separators)
  const covers = new Set(plan.covers ?? [])
  const partOf = (n: number) => plan.parts.findIndex((r) => n >= r.from && n <= r.to && !r.blank?.includes(n))
  const filedAt = (n: number) => plan.filed?.find((f) => n >= f.split.from && n <= f.split.to)
  // A page in no part (nor a separator), or left out of one, is blank: kept in the file, never filed.
  const blank = (n: number) => !seps.has(n) && partOf(n) < 0
  return page(
    c,
    { title: `Split document ${doc.id}`, active: 'review', wide: true, status: o.status },
    <>
      <h1>
        Split: {doc.originalName} <span class="muted">(document {doc.id})</span>
      </h1>
      <p class="muted">
        Received {when(doc.receivedAt, deps.clock)} · {plural(plan.pageCount, 'page')} · proposed: {plural(plan.parts.length, 'document')}
      </p>
      {o.error ? (
        <p class="flash flash-bad" role="alert">
          {o.error}
        </p>
      ) : null}
      <ul class="reasons why">
        {doc.reviewReasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
      <p class="lede">
        Tick the scissors where a new document starts: untick a cut that is wrong, tick another to move or add one. Separator sheets and
        blank pages are never filed (they stay in the received file). Parts already filed (sure cuts on both sides) stay as they are.
      </p>
      <form method="post" action={`/review/${doc.id}/split`} id="split">
        <Csrf token={c.get('csrf')} />
        <ol class="split-strip" aria-label="Pages of the file">
          {pages.map((p) => {
            const cut = cutAt.get(p.page)
            const k = partOf(p.page)
            const guess = plan.guesses?.find((g) => g.from === p.page)
            const filed = filedAt(p.page)
            // Cuts at a part already filed are fixed; none can go inside one.
            const locked = !!filed || !!filedAt(p.page - 1)
            return (
              <>
                {p.page > 1 && locked ? (
                  <li class={`cut${cut ? ' cut-sure' : ''}`}>
                    <label title={cut ? cut.reasons.join('; ') : 'Inside a document already filed'}>
                      <input type="checkbox" checked={!!cut} disabled aria-label={`A new document starts at page ${p.page} (filed)`} />
                      <span class="scissors" aria-hidden="true">
                        ✂
                      </span>
                      <span class="small">{cut ? percent(cut.confidence) : ''}</span>
                    </label>
                  </li>
                ) : p.page > 1 ? (
                  <li class={`cut${cut ? (cut.confidence >= 0.9 ? ' cut-sure' : ' cut-doubt') : ''}`}>
                    <label title={cut ? cut.reasons.join('; ') : 'No sign of a new document here'}>
                      <input
                        type="checkbox"
                        name="starts"
                        value={String(p.page)}
                        checked={!!cut}
                        aria-label={`A new document starts at page ${p.page}`}
                      />
                      <span class="scissors" aria-hidden="true">
                        ✂
                      </span>
                      <span class="small">{cut ? percent(cut.confidence) : ''}</span>
                    </label>
                  </li>
                ) : null}
                <li class={`thumb${seps.has(p.page) ? ' thumb-separator' : k >= 0 ? ` part-${k % 2 ? 'b' : 'a'}` : ''}`} data-page={p.page}>
                  <img src={`/documents/${doc.id}/pages/${p.page}`} alt={`Page ${p.page}`} loading="lazy" width={120} />
                  <span class="small">
                    Page {p.page}
                    {seps.has(p.page) ? (
                      <>
                        {' '}
                        <Badge kind="muted">separator, not filed</Badge>
                      </>
                    ) : blank(p.page) ? (
                      <>
                        {' '}
                        <Badge kind="muted">blank, not filed</Badge>
                      </>
                    ) : covers.has(p.page) ? (
                      <>
                        {' '}
                        <Badge kind="muted">fax cover sheet</Badge>
                      </>
                    ) : null}
                    {filed && filed.split.from === p.page ? (
                      <>
                        {' '}
                        <a href={filed.status === 'needs_review' ? `/review/${filed.documentId}` : `/documents/${filed.documentId}`}>
                          filed as document {filed.documentId}
                        </a>
                      </>
                    ) : null}
                  </span>
                  {guess ? (
                    <span class="small muted">
                      {typeLabel(guess.type)} {percent(guess.typeConfidence)}
                    </span>
                  ) : null}
                  {cut && !cut.reasons[0]?.startsWith('against') ? <span class="small muted why-cut">{cut.reasons[0]}</span> : null}
                </li>
              </>
            )
          })}
        </ol>
        <div class="actions">
          <button type="submit" class="primary">
            Split here and file each part
          </button>{' '}
          <span class="muted small">
            Each part is read again on its own: filed when its patient and type are sure, else it waits here in review.
          </span>
        </div>
      </form>
    </>,
  )
}

export function registerSplitRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  app.post('/review/:id/split', need('review.settle'), async (c) => {
    const u = userOf(c)
    const id = idParam(c.req.param('id'))
    const doc = id ? await deps.catalog.documents.get(id) : undefined
    if (!doc || !splitProposal(doc))
      return page(
        c,
        { title: 'Not found', status: 404 },
        <Empty>There is no stack waiting to be split here; someone may have split it already.</Empty>,
      )
    if (!deps.review.split) return c.text('Splitting is not available on this desk.', 404)
    const body = await c.req.parseBody({ all: true })
    const raw = body.starts
    const starts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => Number(v)).filter((v) => Number.isInteger(v))
    let parts: Awaited<ReturnType<NonNullable<WebDeps['review']['split']>>>
    try {
      parts = await deps.review.split(doc.id, starts, u.username)
    } catch (err) {
      if (err instanceof ChartclerkError && (err.code === 'USAGE' || err.code === 'NOT_FOUND'))
        return splitPage(c, deps, doc, { error: err.action, status: err.code === 'NOT_FOUND' ? 404 : 409 })
      throw err
    }
    const plan = splitProposal(doc)!
    await audit(c, {
      action: 'review.split',
      targetKind: 'document',
      targetId: String(doc.id),
      detail: {
        proposed: plan.parts.map((p) => p.from),
        decided: [...(plan.filed ?? []), ...parts].map((p) => p.split.from).sort((a, b) => a - b),
        documents: parts.map((p) => p.documentId),
        ...(plan.filed?.length ? { filedBefore: plan.filed.map((p) => p.documentId) } : {}),
      },
    })
    return page(
      c,
      { title: 'Split', active: 'review' },
      <>
        <h1>Split into {plural(parts.length, 'document')}</h1>
        <table class="list">
          <thead>
            <tr>
              <th>Pages of the file</th>
              <th>Document</th>
              <th>Now</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr>
                <td class="num">
                  {p.split.from}–{p.split.to}
                </td>
                <td>
                  <a href={p.status === 'needs_review' ? `/review/${p.documentId}` : `/documents/${p.documentId}`}>
                    document {p.documentId}
                  </a>
                </td>
                <td>
                  {p.status === 'filed'
                    ? 'filed in its chart'
                    : p.status === 'duplicate'
                      ? 'already on file (received again)'
                      : 'waits in review for its patient or type'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href="/review">Back to the review queue</a>
        </p>
      </>,
    )
  })
}
