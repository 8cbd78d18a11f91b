/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Release of information at the desk (clerk and records lead, permission `release.manage`):
 * requests with their deadlines, the validity check, the package PDF, "sent", and the
 * accounting of disclosures. Every view and change is an audit row (release.*).
 *
 * GET  /releases                      open requests (?all=1: every status), the form for a new one
 * POST /releases                      record a request (then checks it)
 * GET  /releases/:id                  the request, its validity check (reasons, missing elements), package and sent
 * POST /releases/:id/check            check again and record the result
 * POST /releases/:id/package          build the package PDF and store it under releases/
 * GET  /releases/:id/package.pdf      download the package
 * POST /releases/:id/sent             record that it went out (the disclosure log)
 * GET  /releases/accounting/:mrn      the accounting of disclosures (printable)
 */
import type { Hono } from 'hono'
import type { Patient } from '../../model/types.js'
import { actionableError, ChartclerkError } from '../../errors.js'
import { DOCUMENT_TYPES } from '../../model/types.js'
import { checkRelease, REQUIRED_ELEMENTS, type ReleaseCheck } from '../../release/check.js'
import { addDays } from '../../clock/calendar.js'
import { releaseNumber, REQUESTER_TYPES, ReleaseRepo, type ReleaseRequest } from '../../release/repo.js'
import {
  checkReleaseRequest,
  createRelease,
  protectedCategoriesOf,
  markReleaseSent,
  needsIdentity,
  packageRelease,
  requesterType,
  verifyReleaseIdentity,
} from '../../release/service.js'
import type { WebDeps } from '../deps.js'
import { audit, userOf, type AppEnv, type Ctx } from '../env.js'
import { typeLabel, when } from '../format.js'
import { Badge, Csrf, Empty, Flash } from '../layout.js'
import { need } from '../middleware/session.js'
import { field, idParam, page } from '../render.js'
import { attachment } from './document.js'

const FLASH = {
  created: 'Request recorded and checked.',
  checked: 'Checked again.',
  packaged: 'Package built.',
  sent: 'Recorded as sent; the disclosure is logged.',
  identity: "The requester's identity is recorded as verified.",
}
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DUE_SOON_DAYS = 5
const ID = ':id{[0-9]{1,12}}'

const requesterLabel = (t: string): string => t.replace(/_/g, ' ')

/** 'overdue' | 'soon' | null for a request not yet sent. */
function deadline(r: ReleaseRequest, asOf: string): 'overdue' | 'soon' | null {
  if (!r.dueDate || r.status === 'sent' || r.status === 'cancelled') return null
  if (r.dueDate < asOf) return 'overdue'
  return r.dueDate <= addDays(asOf, DUE_SOON_DAYS) ? 'soon' : null
}

function StatusBadge({ status }: { status: string }) {
  const kind =
    status === 'sent'
      ? 'filed'
      : status === 'refused'
        ? 'failed'
        : status === 'packaged'
          ? 'completed'
          : status === 'cancelled'
            ? 'muted'
            : 'needs_review'
  return <Badge kind={kind}>{status}</Badge>
}

function Due({ r, asOf }: { r: ReleaseRequest; asOf: string }) {
  if (!r.dueDate) return <span class="muted">none</span>
  const d = deadline(r, asOf)
  return (
    <span class={d ? `due-${d}` : undefined}>
      {r.dueDate} {d === 'overdue' ? <Badge kind="failed">overdue</Badge> : d === 'soon' ? <Badge kind="warning">due soon</Badge> : null}
    </span>
  )
}

function CheckView({ check }: { check: ReleaseCheck }) {
  return (
    <section id="check">
      <h2>
        Validity check <span class="muted small">as of {check.asOf}</span>
      </h2>
      <p id="check-result">
        {check.allowed ? <Badge kind="ok">allowed</Badge> : <Badge kind="failed">refused</Badge>}{' '}
        {check.needsAuthorization
          ? check.authorizationId !== null
            ? `Authorization: document ${check.authorizationId}.`
            : 'Needs an authorization; none is filed.'
          : 'No authorization needed.'}{' '}
        Accountable disclosure: {check.accountable ? 'yes' : 'no'}.{check.part2 ? ' Carries the 42 CFR 2.32 notice.' : ''}
      </p>
      {check.reasons.length ? (
        <>
          <h3>Reasons</h3>
          <ul id="reasons">
            {check.reasons.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {check.missingElements.length ? (
        <>
          <h3>Missing elements of the authorization</h3>
          <ul id="missing">
            {check.missingElements.map((m) => (
              <li>{REQUIRED_ELEMENTS[m] ?? m}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Would release</h3>
      {check.documents.length ? (
        <ul id="release-documents">
          {check.documents.map((d) => (
            <li>
              <a href={`/documents/${d.id}`}>
                {typeLabel(d.docType)} · document {d.id}
              </a>{' '}
              <span class="muted">
                {d.date ?? ''} ({d.pages} p.)
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>No documents match the request.</Empty>
      )}
      {check.excluded.length ? (
        <>
          <h3>Left out</h3>
          <ul id="excluded">
            {check.excluded.map((d) => (
              <li>
                {typeLabel(d.docType)} · document {d.id}: {d.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

export function registerReleaseRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const repo = () => new ReleaseRepo(deps.sql)
  const today = () => deps.clock.today()
  const problem = (c: Ctx, err: unknown, back: string) => {
    const known = actionableError(err)
    if (known)
      return page(
        c,
        { title: 'Release not done', active: 'releases', status: known.http },
        <>
          <h1>That could not be done</h1>
          <p class="flash flash-bad" role="alert">
            {known.error.action}
          </p>
          <p>
            <a href={back}>Back</a>
          </p>
        </>,
      )
    throw err
  }

  app.get('/releases', need('release.manage'), async (c) => {
    const all = c.req.query('all') === '1'
    const asOf = today()
    const rows = await repo().list({ status: all ? undefined : ['open', 'refused', 'packaged'] })
    const patients = new Map<string, Patient | undefined>()
    for (const r of rows) if (!patients.has(r.patientMrn)) patients.set(r.patientMrn, await deps.patients.get(r.patientMrn))
    await audit(c, { action: 'release.list', detail: { all, shown: rows.length } })
    return page(
      c,
      { title: 'Releases', active: 'releases' },
      <>
        <h1>Release of information</h1>
        <Flash code={c.req.query('done')} messages={FLASH} />
        <p class="muted">
          {all ? 'Every request.' : 'Requests not yet sent.'} A patient's own request is due {30} days after it was made; due within{' '}
          {DUE_SOON_DAYS} days is flagged.{' '}
          {all ? <a href="/releases">Show only requests not yet sent</a> : <a href="/releases?all=1">Show every request</a>}
        </p>
        {rows.length ? (
          <table class="list" id="releases">
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Patient</th>
                <th scope="col">Recipient</th>
                <th scope="col">Requested</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const p = patients.get(r.patientMrn)
                const d = deadline(r, asOf)
                return (
                  <tr data-release={r.releaseNumber} class={d ? `due-${d}` : undefined}>
                    <td>
                      <a href={`/releases/${r.id}`}>{r.releaseNumber}</a>
                    </td>
                    <td>
                      {r.patientMrn}
                      {p ? ` · ${p.familyName}, ${p.givenName}` : ''}
                    </td>
                    <td>
                      {r.recipientName} <span class="muted">({requesterLabel(r.requesterType)})</span>
                    </td>
                    <td>{r.requestDate}</td>
                    <td>
                      <Due r={r} asOf={asOf} />
                    </td>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ) : (
          <Empty>No release requests{all ? '' : ' waiting'}.</Empty>
        )}
        <section class="panel narrowish">
          <h2>Accounting of disclosures</h2>
          <form method="get" action="/releases/accounting" class="filters">
            <label>
              Patient MRN
              <input name="mrn" required maxlength={40} autocomplete="off" />
            </label>
            <button type="submit">Show</button>
          </form>
        </section>
        <section class="panel narrowish">
          <h2>New request</h2>
          <form method="post" action="/releases" class="stack" id="new-release">
            <Csrf token={c.get('csrf')} />
            <label>
              Patient MRN
              <input name="mrn" required maxlength={40} autocomplete="off" />
            </label>
            <label>
              Requester
              <input name="requester" required maxlength={200} autocomplete="off" />
            </label>
            <label>
              Requester type
              <select name="requesterType" required>
                {REQUESTER_TYPES.map((t) => (
                  <option value={t}>{requesterLabel(t)}</option>
                ))}
              </select>
            </label>
            <label>
              Recipient
              <input name="recipient" required maxlength={200} autocomplete="off" />
            </label>
            <label>
              Recipient's address <span class="muted small">(optional)</span>
              <input name="address" maxlength={300} autocomplete="off" />
            </label>
            <label>
              Purpose
              <input name="purpose" required maxlength={300} autocomplete="off" />
            </label>
            <fieldset>
              <legend>Document types (none ticked: all)</legend>
              {DOCUMENT_TYPES.map((t) => (
                <label class="check">
                  <input type="checkbox" name="types" value={t} /> {typeLabel(t)}
                </label>
              ))}
            </fieldset>
            <label>
              Dates of service from <span class="muted small">(optional)</span>
              <input type="date" name="from" />
            </label>
            <label>
              to <span class="muted small">(optional)</span>
              <input type="date" name="to" />
            </label>
            <label class="check">
              <input type="checkbox" name="identityVerified" value="1" /> The requester's identity was verified
            </label>
            <button type="submit" class="primary">
              Record the request
            </button>
          </form>
        </section>
      </>,
    )
  })

  app.post('/releases', need('release.manage'), async (c) => {
    const u = userOf(c)
    const body = await c.req.parseBody({ all: true })
    const one = (k: string) => field(body as Record<string, unknown>, k)
    const raw = body.types
    const types = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (t): t is string => typeof t === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(t),
    )
    try {
      for (const k of ['from', 'to'])
        if (one(k) && !DATE.test(one(k))) throw new ChartclerkError('USAGE', `The ${k} date wants the form 2026-03-31.`)
      const r = await createRelease(deps, {
        patientMrn: one('mrn'),
        requester: one('requester'),
        requesterType: requesterType(one('requesterType')),
        recipientName: one('recipient'),
        recipientAddress: one('address'),
        purpose: one('purpose'),
        docTypes: types,
        dateFrom: one('from') || null,
        dateTo: one('to') || null,
        requestDate: today(),
        identityVerified: one('identityVerified') === '1',
        createdBy: u.username,
      })
      await audit(c, {
        action: 'release.create',
        targetKind: 'release',
        targetId: r.releaseNumber,
        patientMrn: r.patientMrn,
        detail: { requesterType: r.requesterType, docTypes: types },
      })
      const { check } = await checkReleaseRequest(deps, r.id, today())
      await audit(c, {
        action: 'release.check',
        targetKind: 'release',
        targetId: r.releaseNumber,
        patientMrn: r.patientMrn,
        detail: { allowed: check.allowed },
      })
      return c.redirect(`/releases/${r.id}?done=created`, 303)
    } catch (err) {
      return problem(c, err, '/releases')
    }
  })

  app.get(`/releases/${ID}`, need('release.manage'), async (c) => {
    const id = idParam(c.req.param('id'))
    const r = id ? await repo().get(id) : undefined
    if (!r) return page(c, { title: 'Not found', active: 'releases', status: 404 }, <Empty>There is no such release request.</Empty>)
    const asOf = today()
    // What the request would be now (read-only); the recorded check changes only on a POST.
    const check =
      r.status === 'sent' || r.status === 'cancelled'
        ? (r.checkResult as ReleaseCheck | null)
        : await checkRelease(deps.catalog, repo(), r, protectedCategoriesOf(deps), asOf, deps.clock.timeZone)
    await audit(c, { action: 'release.view', targetKind: 'release', targetId: r.releaseNumber, patientMrn: r.patientMrn })
    const p = await deps.patients.get(r.patientMrn)
    const csrf = c.get('csrf')
    return page(
      c,
      { title: r.releaseNumber, active: 'releases' },
      <>
        <p class="crumbs">
          <a href="/releases">← Releases</a>
        </p>
        <h1>
          {r.releaseNumber} <StatusBadge status={r.status} />
        </h1>
        <Flash code={c.req.query('done')} messages={FLASH} />
        <dl class="facts">
          <dt>Patient</dt>
          <dd>
            <a href={`/charts/${encodeURIComponent(r.patientMrn)}`}>{r.patientMrn}</a>
            {p ? ` · ${p.familyName}, ${p.givenName} · born ${p.birthDate}` : ''}
          </dd>
          <dt>Requester</dt>
          <dd>
            {r.requester} ({requesterLabel(r.requesterType)}){r.identityVerified ? ' · identity verified' : ''}
          </dd>
          <dt>Recipient</dt>
          <dd>
            {r.recipientName}
            {r.recipientAddress ? ` · ${r.recipientAddress}` : ''}
          </dd>
          <dt>Purpose</dt>
          <dd>{r.purpose}</dd>
          <dt>Records</dt>
          <dd>
            {r.docTypes.length ? r.docTypes.map(typeLabel).join(', ') : 'all types'}
            {r.dateFrom || r.dateTo ? ` · ${r.dateFrom ?? '…'} to ${r.dateTo ?? '…'}` : ''}
          </dd>
          <dt>Requested</dt>
          <dd>
            {r.requestDate} by {r.createdBy}
          </dd>
          <dt>Due</dt>
          <dd>
            <Due r={r} asOf={asOf} />
          </dd>
          {r.packageKey ? (
            <>
              <dt>Package</dt>
              <dd id="package">
                {r.packagePages} pages, {r.packageDocuments.length} documents, built {when(r.packagedAt, deps.clock)} ·{' '}
                <a href={`/releases/${r.id}/package.pdf`}>Download the package (PDF)</a>
              </dd>
            </>
          ) : null}
          {r.sentAt ? (
            <>
              <dt>Sent</dt>
              <dd id="sent">
                {r.sentAt} to {r.sentTo} by {r.sentBy}
              </dd>
            </>
          ) : null}
        </dl>
        {needsIdentity(r) && r.status !== 'sent' && r.status !== 'cancelled' ? (
          <div class="flash flash-bad" role="alert" id="identity-held">
            <p>
              Held: these records go to the patient or their representative, and the requester's identity is not verified. Check their photo
              ID (and, for a representative, the papers that make them one) before the package is built or sent.
            </p>
            <form method="post" action={`/releases/${r.id}/identity`} class="inline">
              <Csrf token={csrf} />
              <button type="submit" id="identity-verified">
                Identity verified
              </button>
            </form>
          </div>
        ) : null}
        <div class="actions">
          {r.status === 'open' || r.status === 'refused' ? (
            <form method="post" action={`/releases/${r.id}/check`} class="inline">
              <Csrf token={csrf} />
              <button type="submit" id="check-again">
                Check again
              </button>
            </form>
          ) : null}{' '}
          {(r.status === 'open' || r.status === 'packaged') && check?.allowed && !needsIdentity(r) ? (
            <form method="post" action={`/releases/${r.id}/package`} class="inline">
              <Csrf token={csrf} />
              <button type="submit" class={r.status === 'open' ? 'primary' : undefined} id="build-package">
                {r.status === 'packaged' ? 'Build the package again' : 'Build package'}
              </button>
            </form>
          ) : null}{' '}
          {r.status === 'packaged' && !needsIdentity(r) ? (
            <form method="post" action={`/releases/${r.id}/sent`} class="inline">
              <Csrf token={csrf} />
              <button type="submit" class="primary" id="mark-sent">
                Mark sent
              </button>
            </form>
          ) : null}{' '}
          <a href={`/releases/accounting/${encodeURIComponent(r.patientMrn)}`}>Accounting of disclosures</a>
        </div>
        {check ? <CheckView check={check} /> : <Empty>Not checked.</Empty>}
      </>,
    )
  })

  const withRequest = async (c: Ctx): Promise<ReleaseRequest | undefined> => {
    const id = idParam(c.req.param('id'))
    return id ? repo().get(id) : undefined
  }

  app.post(`/releases/${ID}/check`, need('release.manage'), async (c) => {
    const r = await withRequest(c)
    if (!r) return c.text('There is no such release request.', 404)
    const { check } = await checkReleaseRequest(deps, r.id, today())
    await audit(c, {
      action: 'release.check',
      targetKind: 'release',
      targetId: r.releaseNumber,
      patientMrn: r.patientMrn,
      detail: { allowed: check.allowed },
    })
    return c.redirect(`/releases/${r.id}?done=checked`, 303)
  })

  app.post(`/releases/${ID}/identity`, need('release.manage'), async (c) => {
    const r = await withRequest(c)
    if (!r) return c.text('There is no such release request.', 404)
    try {
      await verifyReleaseIdentity(deps, r.id, { by: userOf(c).username, how: 'desk' })
      await audit(c, { action: 'release.identity', targetKind: 'release', targetId: r.releaseNumber, patientMrn: r.patientMrn })
      return c.redirect(`/releases/${r.id}?done=identity`, 303)
    } catch (err) {
      return problem(c, err, `/releases/${r.id}`)
    }
  })

  app.post(`/releases/${ID}/package`, need('release.manage'), async (c) => {
    const r = await withRequest(c)
    if (!r) return c.text('There is no such release request.', 404)
    try {
      const { pkg } = await packageRelease(deps, r.id, today())
      await audit(c, {
        action: 'release.package',
        targetKind: 'release',
        targetId: r.releaseNumber,
        patientMrn: r.patientMrn,
        detail: { pages: pkg.pages, documents: pkg.documentIds, key: pkg.key },
      })
      return c.redirect(`/releases/${r.id}?done=packaged`, 303)
    } catch (err) {
      await audit(c, {
        action: 'release.package',
        targetKind: 'release',
        targetId: r.releaseNumber,
        patientMrn: r.patientMrn,
        outcome: 'failed',
      })
      return problem(c, err, `/releases/${r.id}`)
    }
  })

  app.get(`/releases/${ID}/package.pdf`, need('release.manage'), async (c) => {
    const r = await withRequest(c)
    if (!r?.packageKey) return c.text('This request has no package.', 404)
    const pdf = await deps.store.get(r.packageKey)
    await audit(c, {
      action: 'release.download',
      targetKind: 'release',
      targetId: r.releaseNumber,
      patientMrn: r.patientMrn,
      detail: { key: r.packageKey, bytes: pdf.length },
    })
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': attachment(`${r.releaseNumber}.pdf`),
    })
  })

  app.post(`/releases/${ID}/sent`, need('release.manage'), async (c) => {
    const r = await withRequest(c)
    if (!r) return c.text('There is no such release request.', 404)
    try {
      const { disclosure } = await markReleaseSent(deps, r.id, { on: today(), by: userOf(c).username })
      await audit(c, {
        action: 'release.sent',
        targetKind: 'release',
        targetId: r.releaseNumber,
        patientMrn: r.patientMrn,
        detail: { to: disclosure.recipientName, on: disclosure.disclosedOn, accountable: disclosure.accountable },
      })
      return c.redirect(`/releases/${r.id}?done=sent`, 303)
    } catch (err) {
      return problem(c, err, `/releases/${r.id}`)
    }
  })

  app.get('/releases/accounting', need('release.manage'), (c) => {
    const mrn = (c.req.query('mrn') ?? '').trim()
    return c.redirect(mrn ? `/releases/accounting/${encodeURIComponent(mrn)}` : '/releases', 303)
  })

  app.get('/releases/accounting/:mrn', need('release.manage'), async (c) => {
    const mrn = c.req.param('mrn')
    const p = await deps.patients.get(mrn)
    if (!p)
      return page(c, { title: 'Not found', active: 'releases', status: 404 }, <Empty>There is no such patient in the patient index.</Empty>)
    const asOf = today()
    const rows = await repo().accounting(mrn, asOf)
    await audit(c, {
      action: 'release.accounting',
      targetKind: 'chart',
      targetId: mrn,
      patientMrn: mrn,
      detail: { asOf, shown: rows.length },
    })
    return page(
      c,
      { title: `Accounting of disclosures · ${mrn}`, active: 'releases', printTitle: `Accounting of disclosures for ${mrn}` },
      <>
        <p class="crumbs">
          <a href="/releases">← Releases</a>
        </p>
        <h1>Accounting of disclosures</h1>
        <p>
          {mrn} · {p.familyName}, {p.givenName} · born {p.birthDate}. Accountable disclosures in the six years to {asOf} (45 CFR 164.528).
          Print this page to give it to the patient.
        </p>
        {rows.length ? (
          <table class="list" id="accounting">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Recipient</th>
                <th scope="col">Address</th>
                <th scope="col">Description of information</th>
                <th scope="col">Purpose</th>
                <th scope="col">Request</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr>
                  <td>{d.disclosedOn}</td>
                  <td>{d.recipientName}</td>
                  <td>{d.recipientAddress || <span class="muted">address unknown</span>}</td>
                  <td>{d.description}</td>
                  <td>{d.purpose}</td>
                  <td>
                    <a href={`/releases/${d.requestId}`}>{d.releaseNumber || releaseNumber(d.requestId)}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No accountable disclosures in these six years.</Empty>
        )}
      </>,
    )
  })
}
