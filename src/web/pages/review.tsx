/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The review queue: documents chartclerk would not file on a guess. Each shows its pages, the
 * extracted text, the proposed type and the candidate patients with the reasons for each; a
 * clerk settles it by choosing the patient and the type. Keyboard: 1-9 choose a candidate,
 * t the type, f find another patient, s file, j / k next / previous item.
 *
 * GET  /review                 the queue, oldest first
 * GET  /review/:id             one item
 * POST /review/:id/settle      file it (patient + type)
 * POST /review/rematch         match every waiting document against the patient index again
 * GET  /patients/lookup?q=     patients matching what was typed (htmx fragment of choices)
 */
import type { Hono } from 'hono'
import type { DocumentRecord } from '../../catalog/documents.js'
import { actionableError } from '../../errors.js'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DOCUMENT_TYPES, type Patient } from '../../model/types.js'
import type { SettleResult, WebDeps } from '../deps.js'
import { DeskQueries } from '../desk.js'
import { reviewProposal, type Candidate } from '../documentFacts.js'
import { audit, userOf, type AppEnv, type Ctx } from '../env.js'
import { ageDays, isDocumentType, percent, plural, typeLabel, waited, when } from '../format.js'
import { Badge, Csrf, Empty, Flash } from '../layout.js'
import { need } from '../middleware/session.js'
import { field, idParam, page } from '../render.js'
import { PageImages, PageTexts } from './document.js'
import { splitPage, splitProposal } from './split.js'

function PatientChoice({
  n,
  mrn,
  name,
  birthDate,
  sex,
  deceased,
  reasons,
  score,
  checked,
}: {
  n: number | null
  mrn: string
  name: string | null
  birthDate: string | null
  sex?: string | null
  deceased?: boolean
  reasons: string[]
  score?: number | null
  checked?: boolean
}) {
  return (
    <label class="choice">
      <input type="radio" name="mrn" value={mrn} checked={checked} data-choice={n ?? undefined} required />
      <span class="choice-body">
        <span class="choice-head">
          {n ? <kbd>{n}</kbd> : null} <strong>{name ?? 'Name not in the index'}</strong>
          <span class="muted">
            {' '}
            born {birthDate ?? '?'}
            {sex ? ` · ${sex}` : ''} · MRN {mrn}
          </span>
          {deceased ? <Badge kind="bad">deceased</Badge> : null}
        </span>
        {reasons.length ? (
          <ul class="reasons">
            {reasons.map((r) => (
              <li class={/differs|disagree|missing|not /.test(r) ? 'reason-bad' : /match|agree/.test(r) ? 'reason-ok' : undefined}>{r}</li>
            ))}
          </ul>
        ) : null}
      </span>
    </label>
  )
}

/** The outcome of "Match again", from the redirect's numbers (counts only, nothing else is echoed). */
function RematchFlash({ c }: { c: Ctx }) {
  if (c.req.query('msg') !== 'rematched') return null
  const n = (k: string) => Math.max(0, Number.parseInt(c.req.query(k) ?? '0', 10) || 0)
  const failed = n('failed')
  return (
    <p class="flash" role="status">
      Matched again: {plural(n('filed'), 'document')} filed, {n('waiting')} still waiting.
      {failed ? ` ${plural(failed, 'document')} could not be looked at again and wait as they were.` : ''}
    </p>
  )
}

function patientName(p: Patient): string {
  return `${p.familyName}, ${p.givenName}${p.middleName ? ` ${p.middleName}` : ''}`
}

async function candidateView(deps: WebDeps, c: Candidate): Promise<{ c: Candidate; p: Patient | undefined }> {
  return { c, p: await deps.patients.get(c.mrn) }
}

export function registerReviewRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const desk = new DeskQueries(deps.catalog)

  app.get('/review', need('review.settle'), async (c) => {
    const queue = await desk.reviewQueue()
    await audit(c, { action: 'review.list', detail: { shown: queue.length, documents: queue.slice(0, 500).map((d) => d.id) } })
    return page(
      c,
      { title: 'Review queue', active: 'review' },
      <>
        <h1>Review queue</h1>
        <Flash code={c.req.query('msg')} messages={{ filed: 'Filed. The queue is empty now.' }} />
        <RematchFlash c={c} />
        <p class="lede">
          Documents chartclerk would not file on a guess. Open one, check the pages, choose the patient and the type.{' '}
          {plural(queue.length, 'document')} waiting.
        </p>
        {queue.length && deps.review.rematch ? (
          <form method="post" action="/review/rematch" class="rematch">
            <Csrf token={c.get('csrf')} />
            <button type="submit">Match again against the patient index</button>{' '}
            <span class="muted small">
              Files those that now have two agreeing identifiers (after a patient import, say); the rest keep waiting with up-to-date
              reasons.
            </span>
          </form>
        ) : null}
        {queue.length ? (
          <table class="list" data-keynav>
            <thead>
              <tr>
                <th>Received</th>
                <th>Waiting</th>
                <th>File</th>
                <th>Pages</th>
                <th>Proposed type</th>
                <th>Best candidate</th>
                <th>Why it needs review</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((d) => {
                const p = reviewProposal(d)
                const best = p.candidates[0]
                return (
                  <tr data-href={`/review/${d.id}`}>
                    <td class="nowrap">{when(d.receivedAt, deps.clock)}</td>
                    <td class="num nowrap">{waited(ageDays(d.receivedAt, deps.clock))}</td>
                    <td>
                      <a href={`/review/${d.id}`}>{d.originalName}</a>
                    </td>
                    <td class="num">{d.pageCount ?? '?'}</td>
                    <td>
                      {typeLabel(p.docType)} {p.typeConfidence != null ? <span class="muted">({percent(p.typeConfidence)})</span> : null}
                    </td>
                    <td>{best ? `${best.name ?? ''} ${best.mrn}` : <span class="muted">none found</span>}</td>
                    <td class="small">
                      {d.reviewReasons[0] ?? ''}
                      {d.reviewReasons.length > 1 ? ` (+${d.reviewReasons.length - 1} more)` : ''}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ) : (
          <Empty>Nothing waits for review.</Empty>
        )}
      </>,
    )
  })

  const itemPage = async (
    c: Ctx,
    doc: DocumentRecord,
    o: { error?: string; warnings?: string[]; status?: ContentfulStatusCode; chosenMrn?: string; chosenType?: string } = {},
  ) => {
    const p = reviewProposal(doc)
    const nb = await desk.reviewNeighbours(doc.id)
    const pages = await deps.catalog.documents.pages(doc.id)
    const candidates = await Promise.all(p.candidates.map((x) => candidateView(deps, x)))
    const chosenType = o.chosenType ?? p.docType ?? ''
    const filedMsg = c.req.query('msg') === 'filed' ? idParam(c.req.query('doc')) : null
    return page(
      c,
      { title: `Review document ${doc.id}`, active: 'review', wide: true, status: o.status },
      <>
        <div class="item-head">
          <div>
            <h1>
              Review: {doc.originalName} <span class="muted">(document {doc.id})</span>
            </h1>
            <p class="muted">
              Received {when(doc.receivedAt, deps.clock)}
              {doc.sourceFolder ? ` from ${doc.sourceFolder}/` : ''} · {plural(doc.pageCount ?? pages.length, 'page')}
              {doc.ocrConfidence != null
                ? ` · OCR confidence ${Math.round(doc.ocrConfidence)}`
                : doc.textSource === 'text-layer'
                  ? ' · text from the PDF'
                  : ''}
            </p>
          </div>
          <nav class="pager" aria-label="Queue">
            {nb.position > 0 ? (
              <span class="muted">
                {nb.position} of {nb.total} in the queue
              </span>
            ) : (
              <span class="muted">not in the queue</span>
            )}
            {nb.prev ? (
              <a href={`/review/${nb.prev}`} rel="prev" data-key="k">
                ← previous <kbd>k</kbd>
              </a>
            ) : null}
            {nb.next ? (
              <a href={`/review/${nb.next}`} rel="next" data-key="j">
                next <kbd>j</kbd> →
              </a>
            ) : null}
            <a href="/review">queue</a>
          </nav>
        </div>
        {filedMsg ? (
          <p class="flash" role="status">
            Document {filedMsg} filed. This is the next one in the queue.
          </p>
        ) : null}
        {o.error ? (
          <p class="flash flash-bad" role="alert">
            {o.error}
          </p>
        ) : null}
        {(o.warnings ?? []).map((w) => (
          <p class="flash flash-bad" role="alert">
            {w}
          </p>
        ))}
        <div class="review-grid">
          <section class="pages" aria-label="Pages">
            <PageImages doc={doc} pages={pages} />
          </section>
          <section class="decide" aria-label="Decision">
            {doc.status !== 'needs_review' ? (
              <p class="flash">
                This document is {doc.status.replace('_', ' ')}
                {doc.patientMrn ? ` in chart ${doc.patientMrn}` : ''}. <a href={`/documents/${doc.id}`}>Open it</a>
              </p>
            ) : null}
            <h2>Why it needs review</h2>
            <ul class="reasons why">
              {doc.reviewReasons.map((r) => (
                <li>{r}</li>
              ))}
            </ul>
            {p.identifiers.length ? (
              <p class="small">
                <span class="muted">Read on the document:</span> {p.identifiers.join(' · ')}
              </p>
            ) : null}
            <form method="post" action={`/review/${doc.id}/settle`} class="stack" id="settle">
              <Csrf token={c.get('csrf')} />
              <fieldset>
                <legend>Patient</legend>
                {candidates.length ? (
                  candidates.map(({ c: cand, p: pat }, i) => (
                    <PatientChoice
                      n={i < 9 ? i + 1 : null}
                      mrn={cand.mrn}
                      name={pat ? patientName(pat) : cand.name}
                      birthDate={pat?.birthDate ?? cand.birthDate}
                      sex={pat?.sex}
                      deceased={!!(pat?.deceased || pat?.deceasedDate)}
                      reasons={cand.reasons}
                      score={cand.score}
                      checked={o.chosenMrn ? o.chosenMrn === cand.mrn : false}
                    />
                  ))
                ) : (
                  <p class="muted">No candidate patients were found for this document. Find the patient below.</p>
                )}
                <label class="lookup">
                  Find another patient <kbd>f</kbd>
                  <input
                    type="search"
                    name="q"
                    placeholder="MRN, or family name, given name"
                    autocomplete="off"
                    data-key="f"
                    data-noenter
                    hx-get="/patients/lookup"
                    hx-trigger="input changed delay:250ms, search"
                    hx-target="#lookup-results"
                    hx-swap="innerHTML"
                  />
                </label>
                <div id="lookup-results" aria-live="polite"></div>
              </fieldset>
              <div class="type-row">
                <label>
                  Document type <kbd>t</kbd>
                  <select name="docType" required data-key="t">
                    <option value="">Choose…</option>
                    {DOCUMENT_TYPES.map((t) => (
                      <option value={t} selected={t === chosenType}>
                        {typeLabel(t)}
                        {t === p.docType && p.typeConfidence != null
                          ? ` (proposed, ${percent(p.typeConfidence)})`
                          : t === p.docType
                            ? ' (proposed)'
                            : ''}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Note <span class="muted small">(optional, kept with the decision)</span>
                  <input name="note" maxlength={500} />
                </label>
              </div>
              {p.alternatives.some((a) => a.probability >= 0.05) ? (
                <p class="small muted">
                  Also considered:{' '}
                  {p.alternatives
                    .filter((a) => a.probability >= 0.05)
                    .map((a) => `${typeLabel(a.type)} ${percent(a.probability)}`)
                    .join(', ')}
                </p>
              ) : null}
              <div class="actions">
                <button type="submit" class="primary" data-key="s" disabled={doc.status !== 'needs_review'}>
                  File in this chart <kbd>s</kbd>
                </button>
                {nb.next ? <a href={`/review/${nb.next}`}>Skip for now</a> : null}
              </div>
            </form>
            <h2>Extracted text</h2>
            <PageTexts pages={pages} />
          </section>
        </div>
      </>,
    )
  }

  app.get('/review/:id', need('review.settle'), async (c) => {
    const id = idParam(c.req.param('id'))
    const doc = id ? await deps.catalog.documents.get(id) : undefined
    if (!doc) return page(c, { title: 'Not found', status: 404 }, <Empty>There is no such document.</Empty>)
    await audit(c, { action: 'review.view', targetKind: 'document', targetId: String(doc.id), patientMrn: doc.patientMrn })
    // A stack with a cut in doubt: first where its documents start, then each part on its own.
    if (splitProposal(doc)) return splitPage(c, deps, doc)
    return itemPage(c, doc)
  })

  app.post('/review/:id/settle', need('review.settle'), async (c) => {
    const u = userOf(c)
    const id = idParam(c.req.param('id'))
    const doc = id ? await deps.catalog.documents.get(id) : undefined
    if (!doc) return c.text('There is no such document.', 404)
    const body = await c.req.parseBody()
    const mrn = field(body, 'mrn')
    const docType = field(body, 'docType')
    const note = field(body, 'note').slice(0, 500) || null
    const retry = (error: string, status: ContentfulStatusCode) => itemPage(c, doc, { error, status, chosenMrn: mrn, chosenType: docType })
    // Refiling a filed document (a misfile) is a deliberate correction, not a review decision.
    if (doc.status !== 'needs_review')
      return retry(
        `This document is no longer waiting for review (it is ${doc.status.replace('_', ' ')}); someone may have settled it already.`,
        409,
      )
    if (!mrn) return retry('Choose the patient whose chart this document belongs in.', 400)
    if (!isDocumentType(docType)) return retry('Choose the document type.', 400)
    let settled: SettleResult
    try {
      settled = await deps.review.settle(doc.id, { mrn, docType, by: u.username, note })
    } catch (err) {
      const known = actionableError(err)
      if (!known) throw err
      return retry(known.error.action, known.http)
    }
    await audit(c, {
      action: 'review.settle',
      targetKind: 'document',
      targetId: String(doc.id),
      patientMrn: mrn,
      detail: { docType, proposedType: doc.docType, proposedMrn: reviewProposal(doc).candidates[0]?.mrn ?? null, note },
    })
    // Filed, but something that follows did not: the clerk sees it filed and what to do, on this page.
    const problems = settled ? settled.problems : []
    if (problems.length) return itemPage(c, (await deps.catalog.documents.get(doc.id))!, { warnings: problems.map((p) => p.message) })
    const [next] = await desk.reviewQueue(1)
    return c.redirect(next ? `/review/${next.id}?msg=filed&doc=${doc.id}` : '/review?msg=filed', 303)
  })

  app.post('/review/rematch', need('review.settle'), async (c) => {
    if (!deps.review.rematch) return c.text('Re-matching is not available on this desk.', 404)
    const r = await deps.review.rematch()
    await audit(c, {
      action: 'review.rematch',
      detail: {
        trigger: 'request',
        examined: r.examined,
        filed: r.filed.length,
        waiting: r.waiting,
        failed: r.failed.length,
        documents: r.filed.slice(0, 500),
      },
    })
    return c.redirect(`/review?msg=rematched&filed=${r.filed.length}&waiting=${r.waiting}&failed=${r.failed.length}`, 303)
  })

  app.get('/patients/lookup', need('review.settle'), async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 80)
    if (q.length < 2) return c.html(<p class="muted small">Type at least two letters or digits.</p>)
    const found = await deps.patients.find(q, 10)
    await audit(c, { action: 'patient.lookup', detail: { q, found: found.map((p) => p.mrn) } })
    return c.html(
      found.length ? (
        <>
          {found.map((p) => (
            <PatientChoice
              n={null}
              mrn={p.mrn}
              name={patientName(p)}
              birthDate={p.birthDate}
              sex={p.sex}
              deceased={!!(p.deceased || p.deceasedDate)}
              reasons={[]}
            />
          ))}
        </>
      ) : (
        <p class="muted small">No patient in the index matches “{q}”.</p>
      ),
    )
  })
}
