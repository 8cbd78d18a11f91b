/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Deficiencies: a filterable list (status, kind, severity, age, document type, facility, chart),
 * status changes with a reason (complete; verify, waive, reject, reopen for the records lead),
 * links to the documents, a CSV export and a printable report of the same selection.
 *
 * GET  /deficiencies                 the list
 * GET  /deficiencies/export.csv      the same selection as CSV (audited)
 * GET  /deficiencies/report          the same selection as a printable report (audited)
 * POST /deficiencies/:id/status      change status (htmx: returns the updated row)
 */
import type { Clock } from '../../clock/clock.js'
import type { Hono } from 'hono'
import { can } from '../../auth/roles.js'
import type { User } from '../../auth/users.js'
import type { DocumentRecord } from '../../catalog/documents.js'
import { DEFICIENCY_STATUSES, DeficienciesRepo, TRANSITIONS, type Deficiency, type DeficiencyStatus } from '../../deficiencies/repo.js'
import { ChartclerkError } from '../../errors.js'
import type { Patient } from '../../model/types.js'
import { DEFICIENCY_KINDS, SEVERITIES } from '../../rules/types.js'
import { canSeePatient } from '../access.js'
import { csvLine } from '../csv.js'
import type { WebDeps } from '../deps.js'
import { DeskQueries } from '../desk.js'
import { documentFacts } from '../documentFacts.js'
import { audit, isHtmx, userOf, type AppEnv, type Ctx } from '../env.js'
import { AGE_BUCKETS, ageBucket, ageDays, day, plural, typeLabel, waited, when } from '../format.js'
import { Badge, Csrf, Empty, Flash } from '../layout.js'
import { need } from '../middleware/session.js'
import { field, idParam, localPath, page } from '../render.js'

const ACTION_LABEL: Record<DeficiencyStatus, string> = {
  completed: 'Mark completed',
  verified: 'Verify',
  waived: 'Waive',
  rejected: 'Reject (not a deficiency)',
  open: 'Reopen',
}

/** Status changes this user may make from this status. */
export function allowedChanges(user: User, from: DeficiencyStatus): DeficiencyStatus[] {
  return TRANSITIONS[from].filter((to) => (to === 'completed' ? can(user.roles, 'deficiency.complete') : can(user.roles, 'deficiency.decide')))
}

export interface Filters {
  status: string
  kind: string
  severity: string
  age: string
  type: string
  facility: string
  mrn: string
  rule: string
}

export function readFilters(q: (k: string) => string | undefined): Filters {
  const pick = (k: string, allowed: readonly string[], dflt = '') => {
    const v = q(k) ?? ''
    return allowed.includes(v) ? v : dflt
  }
  return {
    status: pick('status', ['active', 'all', ...DEFICIENCY_STATUSES], 'active'),
    kind: pick('kind', DEFICIENCY_KINDS),
    severity: pick('severity', SEVERITIES),
    age: pick('age', AGE_BUCKETS.map((b) => b.key)),
    type: (q('type') ?? '').slice(0, 40),
    facility: (q('facility') ?? '').slice(0, 120),
    mrn: (q('mrn') ?? '').trim().slice(0, 40),
    rule: (q('rule') ?? '').trim().slice(0, 80),
  }
}

export function filterQuery(f: Filters): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v && !(k === 'status' && v === 'active')) p.set(k, v)
  const s = p.toString()
  return s ? `?${s}` : ''
}

export interface Row {
  d: Deficiency
  doc: DocumentRecord | undefined
  patient: Patient | undefined
  age: number
  facility: string | null
}

export function selectRows(deps: WebDeps, user: User, f: Filters): Row[] {
  const repo = new DeficienciesRepo(deps.catalog.db)
  const status: DeficiencyStatus[] | undefined =
    f.status === 'all' ? undefined : f.status === 'active' ? ['open', 'completed'] : [f.status as DeficiencyStatus]
  const list = repo.list({ status, chartMrn: f.mrn || undefined, ruleId: f.rule || undefined, kind: (f.kind || undefined) as Deficiency['kind'] | undefined })
  const docs = new DeskQueries(deps.catalog).documents(list.map((d) => Number(d.documentId)).filter((n) => Number.isInteger(n) && n > 0))
  const patients = new Map<string, Patient | undefined>()
  const rows: Row[] = []
  for (const d of list) {
    if (!patients.has(d.chartMrn)) patients.set(d.chartMrn, deps.patients.get(d.chartMrn))
    const patient = patients.get(d.chartMrn)
    if (!canSeePatient(user, patient)) continue
    const doc = d.documentId ? docs.get(Number(d.documentId)) : undefined
    const age = ageDays(d.createdAt, deps.clock)
    const facility = doc ? documentFacts(doc).facility : null
    if (f.severity && d.severity !== f.severity) continue
    if (f.age && ageBucket(age) !== f.age) continue
    if (f.type && (doc?.docType ?? '') !== f.type) continue
    if (f.facility && (facility ?? '').toLowerCase() !== f.facility.toLowerCase()) continue
    rows.push({ d, doc, patient, age, facility })
  }
  return rows
}

const patientLabel = (p: Patient | undefined) => (p ? `${p.familyName}, ${p.givenName}` : '')

function StatusForm({ d, user, csrf, back }: { d: Deficiency; user: User; csrf: string; back: string }) {
  const changes = allowedChanges(user, d.status)
  if (!changes.length) return null
  return (
    <form method="post" action={`/deficiencies/${d.id}/status`} class="status-form" hx-post={`/deficiencies/${d.id}/status`} hx-target="closest tr" hx-swap="outerHTML">
      <Csrf token={csrf} />
      <input type="hidden" name="back" value={back} />
      <select name="to" aria-label={`New status of deficiency ${d.id}`} required>
        {changes.map((to) => (
          <option value={to}>{ACTION_LABEL[to]}</option>
        ))}
      </select>
      <input name="reason" placeholder="Reason" aria-label={`Reason for deficiency ${d.id}`} maxlength={500} />
      <button type="submit">Apply</button>
    </form>
  )
}

export function DeficiencyRow({ r, user, csrf, back, compact, error }: { r: Row; user: User; csrf: string; back: string; compact?: boolean; error?: string }) {
  const d = r.d
  return (
    <tr id={`def-${d.id}`} class={r.age > 30 && d.status === 'open' ? 'late' : undefined}>
      <td class="num">{d.id}</td>
      <td class="num nowrap">{waited(r.age)}</td>
      {compact ? null : (
        <td>
          <a href={`/charts/${encodeURIComponent(d.chartMrn)}`} class="nowrap">
            {d.chartMrn}
          </a>
          <div class="small">{patientLabel(r.patient)}</div>
        </td>
      )}
      <td>
        {d.documentId && r.doc ? <a href={`/documents/${r.doc.id}`}>{typeLabel(r.doc.docType)}</a> : d.documentId ? `document ${d.documentId}` : <span class="muted">chart</span>}
        {r.facility && !compact ? <div class="small muted">{r.facility}</div> : null}
      </td>
      <td>
        <Badge kind={d.severity}>{d.severity}</Badge> <span class="small">{d.kind.replace(/_/g, ' ')}</span>
        <div class="small muted">{d.ruleId}</div>
      </td>
      <td class="message">
        {d.message}
        {d.page ? <span class="muted small"> (page {d.page})</span> : null}
      </td>
      <td>
        <Badge kind={d.status}>{d.status}</Badge>
        {d.statusReason ? <div class="small muted">{d.statusReason}</div> : null}
        {d.decidedBy || d.completedBy ? <div class="small muted">by {d.decidedBy ?? d.completedBy}</div> : null}
        {error ? (
          <div class="small error" role="alert">
            {error}
          </div>
        ) : null}
      </td>
      <td class="no-print">
        <StatusForm d={d} user={user} csrf={csrf} back={back} />
      </td>
    </tr>
  )
}

export function DeficiencyTable(p: { defs: Deficiency[]; user: User; csrf: string; back: string; docs: Map<number, DocumentRecord>; patients: Map<string, Patient | undefined>; compact?: boolean; clock: Clock }) {
  return (
    <table class="list deficiencies">
      <thead>
        <tr>
          <th>#</th>
          <th>Age</th>
          {p.compact ? null : <th>Chart</th>}
          <th>Document</th>
          <th>Kind</th>
          <th>What is wrong</th>
          <th>Status</th>
          <th class="no-print">Change</th>
        </tr>
      </thead>
      <tbody>
        {p.defs.map((d) => {
          const doc = d.documentId ? p.docs.get(Number(d.documentId)) : undefined
          return <DeficiencyRow r={{ d, doc, patient: p.patients.get(d.chartMrn), age: ageDays(d.createdAt, p.clock), facility: doc ? documentFacts(doc).facility : null }} user={p.user} csrf={p.csrf} back={p.back} compact={p.compact} />
        })}
      </tbody>
    </table>
  )
}

function FilterForm({ f, types, facilities, action }: { f: Filters; types: string[]; facilities: string[]; action: string }) {
  return (
    <form method="get" action={action} class="filters no-print">
      <label>
        Status
        <select name="status">
          <option value="active" selected={f.status === 'active'}>
            open or completed
          </option>
          {DEFICIENCY_STATUSES.map((s) => (
            <option value={s} selected={f.status === s}>
              {s}
            </option>
          ))}
          <option value="all" selected={f.status === 'all'}>
            all
          </option>
        </select>
      </label>
      <label>
        Kind
        <select name="kind">
          <option value="">any</option>
          {DEFICIENCY_KINDS.map((k) => (
            <option value={k} selected={f.kind === k}>
              {k.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity
        <select name="severity">
          <option value="">any</option>
          {SEVERITIES.map((s) => (
            <option value={s} selected={f.severity === s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Age
        <select name="age">
          <option value="">any</option>
          {AGE_BUCKETS.map((b) => (
            <option value={b.key} selected={f.age === b.key}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Document type
        <select name="type">
          <option value="">any</option>
          {types.map((t) => (
            <option value={t} selected={f.type === t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Facility
        <select name="facility">
          <option value="">any</option>
          {facilities.map((x) => (
            <option value={x} selected={f.facility.toLowerCase() === x.toLowerCase()}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <label>
        Chart (MRN)
        <input name="mrn" value={f.mrn} size={12} />
      </label>
      <button type="submit">Show</button>
      <a href={action}>Clear</a>
    </form>
  )
}

function summary(f: Filters): string {
  const parts = [f.status === 'active' ? 'open or completed' : f.status === 'all' ? 'any status' : f.status]
  if (f.kind) parts.push(`kind ${f.kind.replace(/_/g, ' ')}`)
  if (f.severity) parts.push(`severity ${f.severity}`)
  if (f.age) parts.push(`age ${AGE_BUCKETS.find((b) => b.key === f.age)?.label}`)
  if (f.type) parts.push(typeLabel(f.type))
  if (f.facility) parts.push(`from ${f.facility}`)
  if (f.mrn) parts.push(`chart ${f.mrn}`)
  if (f.rule) parts.push(`rule ${f.rule}`)
  return parts.join(' · ')
}

export function registerDeficiencyRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const repo = new DeficienciesRepo(deps.catalog.db)

  /** Types and facilities seen among the user's deficiencies, for the filter menus. */
  const menus = (c: Ctx) => {
    const all = selectRows(deps, userOf(c), { ...readFilters(() => undefined), status: 'all' })
    const types = [...new Set(all.map((r) => r.doc?.docType).filter((t): t is string => !!t))].sort()
    const facilities = [...new Set(all.map((r) => r.facility).filter((x): x is string => !!x))].sort()
    return { types, facilities }
  }

  app.get('/deficiencies', need('records.view'), (c) => {
    const u = userOf(c)
    const f = readFilters((k) => c.req.query(k))
    const rows = selectRows(deps, u, f)
    const { types, facilities } = menus(c)
    audit(c, { action: 'deficiency.list', detail: { filters: summary(f), rows: rows.length } })
    const back = c.req.path + filterQuery(f)
    return page(
      c,
      { title: 'Deficiencies', active: 'deficiencies', wide: true },
      <>
        <div class="item-head">
          <h1>Deficiencies</h1>
          {can(u.roles, 'export') ? (
            <div class="actions no-print">
              <a class="button" href={`/deficiencies/export.csv${filterQuery(f)}`}>
                Export CSV
              </a>
              <a class="button" href={`/deficiencies/report${filterQuery(f)}`}>
                Printable report
              </a>
            </div>
          ) : null}
        </div>
        <Flash code={c.req.query('msg')} messages={{ changed: 'Status changed.', 'error-change': 'That change was not made; see the row.' }} />
        <FilterForm f={f} types={types} facilities={facilities} action="/deficiencies" />
        <p class="muted">
          {plural(rows.length, 'deficiency', 'deficiencies')}: {summary(f)}
        </p>
        {rows.length ? (
          <table class="list deficiencies">
            <thead>
              <tr>
                <th>#</th>
                <th>Age</th>
                <th>Chart</th>
                <th>Document</th>
                <th>Kind</th>
                <th>What is wrong</th>
                <th>Status</th>
                <th class="no-print">Change</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <DeficiencyRow r={r} user={u} csrf={c.get('csrf')} back={back} />
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No deficiencies match.</Empty>
        )}
      </>,
    )
  })

  app.get('/deficiencies/export.csv', need('records.view'), need('export'), (c) => {
    const f = readFilters((k) => c.req.query(k))
    const rows = selectRows(deps, userOf(c), f)
    let out = csvLine(['id', 'chart_mrn', 'patient', 'document_id', 'document_type', 'facility', 'date_of_service', 'rule_id', 'kind', 'severity', 'status', 'age_days', 'created_at', 'assigned_to', 'message', 'status_reason', 'decided_by', 'decided_at'])
    for (const r of rows) {
      const d = r.d
      out += csvLine([
        d.id, d.chartMrn, patientLabel(r.patient), d.documentId ?? '', r.doc?.docType ?? '', r.facility ?? '', r.doc ? (documentFacts(r.doc).dateOfService ?? '') : '',
        d.ruleId, d.kind, d.severity, d.status, r.age, d.createdAt, d.assignedTo ?? '', d.message, d.statusReason ?? '', d.decidedBy ?? d.completedBy ?? '', d.decidedAt ?? d.completedAt ?? '',
      ])
    }
    audit(c, { action: 'deficiency.export', targetKind: 'report', detail: { format: 'csv', filters: summary(f), rows: rows.length, mrns: [...new Set(rows.map((r) => r.d.chartMrn))].slice(0, 500) } })
    const stamp = deps.clock.today()
    return c.body(out, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="deficiencies-${stamp}.csv"` })
  })

  app.get('/deficiencies/report', need('records.view'), need('export'), (c) => {
    const u = userOf(c)
    const f = readFilters((k) => c.req.query(k))
    const rows = selectRows(deps, u, f)
    audit(c, { action: 'deficiency.report', targetKind: 'report', detail: { format: 'print', filters: summary(f), rows: rows.length, mrns: [...new Set(rows.map((r) => r.d.chartMrn))].slice(0, 500) } })
    const buckets = AGE_BUCKETS.map((b) => ({ ...b, n: rows.filter((r) => ageBucket(r.age) === b.key).length }))
    return page(
      c,
      { title: 'Deficiency report', active: 'deficiencies', wide: true, printTitle: `Deficiency report: ${summary(f)}` },
      <>
        <div class="item-head">
          <div>
            <h1>Deficiency report</h1>
            <p>
              {summary(f)} · {plural(rows.length, 'deficiency', 'deficiencies')} · as of {when(deps.clock.nowIso(), deps.clock)}
            </p>
          </div>
          <div class="actions no-print">
            <button type="button" data-print class="primary">
              Print
            </button>
            <a class="button" href={`/deficiencies${filterQuery(f)}`}>
              Back to the list
            </a>
          </div>
        </div>
        <table class="buckets report-buckets">
          <tbody>
            <tr>
              {buckets.map((b) => (
                <th scope="col">{b.label}</th>
              ))}
            </tr>
            <tr>
              {buckets.map((b) => (
                <td class="num">{b.n}</td>
              ))}
            </tr>
          </tbody>
        </table>
        {rows.length ? (
          <table class="list report">
            <thead>
              <tr>
                <th>#</th>
                <th>Chart</th>
                <th>Patient</th>
                <th>Document</th>
                <th>From</th>
                <th>Rule</th>
                <th>What is wrong</th>
                <th>Status</th>
                <th>Age</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td class="num">{r.d.id}</td>
                  <td class="nowrap">{r.d.chartMrn}</td>
                  <td>{patientLabel(r.patient)}</td>
                  <td>
                    {r.doc ? typeLabel(r.doc.docType) : r.d.documentId ? `document ${r.d.documentId}` : 'chart'}
                    {r.doc ? <div class="small">{documentFacts(r.doc).dateOfService ?? ''}</div> : null}
                  </td>
                  <td class="small">{r.facility ?? ''}</td>
                  <td class="small">
                    {r.d.ruleId} ({r.d.severity})
                  </td>
                  <td>{r.d.message}</td>
                  <td>
                    {r.d.status}
                    {r.d.statusReason ? <div class="small">{r.d.statusReason}</div> : null}
                  </td>
                  <td class="num nowrap">{waited(r.age)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No deficiencies match.</Empty>
        )}
      </>,
    )
  })

  app.post('/deficiencies/:id{[0-9]{1,12}}/status', need('records.view'), async (c) => {
    const u = userOf(c)
    const id = idParam(c.req.param('id'))
    const d = id ? repo.get(id) : null
    if (!d || !canSeePatient(u, deps.patients.get(d.chartMrn))) return c.text('No such deficiency.', 404)
    const body = await c.req.parseBody()
    const to = field(body, 'to') as DeficiencyStatus
    const reason = field(body, 'reason').slice(0, 500)
    const back = localPath(field(body, 'back'), '/deficiencies')
    let error: string | undefined
    let status: 200 | 400 | 403 = 200
    if (!(DEFICIENCY_STATUSES as readonly string[]).includes(to)) (error = 'Choose what to do.'), (status = 400)
    else if (!allowedChanges(u, d.status).includes(to)) (error = `Your role may not make a ${d.status} deficiency ${to}.`), (status = 403)
    else {
      try {
        repo.transition(d.id, to, { by: u.username, reason: reason || undefined })
        audit(c, { action: 'deficiency.status', targetKind: 'deficiency', targetId: String(d.id), patientMrn: d.chartMrn, detail: { from: d.status, to, reason: reason || null, documentId: d.documentId } })
      } catch (err) {
        if (!(err instanceof ChartclerkError)) throw err
        error = err.action.replace(/ \(--reason "\.\.\."\)/, '').replace(/\(--by NAME\)/, '')
        status = 400
      }
    }
    if (isHtmx(c)) {
      const fresh = repo.get(d.id)!
      const doc = fresh.documentId ? deps.catalog.documents.get(Number(fresh.documentId)) : undefined
      const compact = back.startsWith('/documents/') || back.startsWith('/charts/')
      return c.html(
        <DeficiencyRow r={{ d: fresh, doc, patient: deps.patients.get(fresh.chartMrn), age: ageDays(fresh.createdAt, deps.clock), facility: doc ? documentFacts(doc).facility : null }} user={u} csrf={c.get('csrf')} back={back} compact={compact} error={error} />,
        // the desk's htmx config swaps 4xx responses too: the row shows the error
        status,
      )
    }
    if (error) return c.text(error, status)
    return c.redirect(`${back}${back.includes('?') ? '&' : '?'}msg=changed#def-${d.id}`, 303)
  })
}
