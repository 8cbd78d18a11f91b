/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Deficiencies: a filterable list (status, kind, severity, age, document type, facility, chart),
 * status changes with a reason (complete; verify, waive, reject, reopen for the records lead),
 * links to the documents, a CSV export and a printable report of the same selection.
 *
 * Ages, aging buckets and the delinquent flag come from the deficiency report model
 * (src/reports/deficiencyReport.ts), the same one `chartclerk report deficiencies` prints, and
 * the CSV is its CSV: the desk, the CLI and the printout cannot disagree.
 *
 * GET  /deficiencies                 the list
 * GET  /deficiencies/export.csv      the same selection as CSV (audited)
 * GET  /deficiencies/report          the same selection as a printable report (audited)
 * POST /deficiencies/:id/status      change status (htmx: returns the updated row)
 */
import type { Hono } from 'hono'
import { can } from '../../auth/roles.js'
import type { User } from '../../auth/users.js'
import {
  DEFICIENCY_STATUSES,
  DeficienciesRepo,
  SYSTEM_ACTOR,
  TRANSITIONS,
  type Deficiency,
  type DeficiencyStatus,
} from '../../deficiencies/repo.js'
import { RulesetVersions, type RulesetLabel } from '../../deficiencies/rulesetVersions.js'
import { actionableError } from '../../errors.js'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AGING_BUCKET_LABELS, AGING_BUCKETS, emptyBuckets, isAgingBucket, type AgingBucket } from '../../reports/aging.js'
import { ReportContext } from '../../reports/context.js'
import {
  buildDeficiencyReport,
  renderReportCsv,
  reportRow,
  reportRows,
  type DeficiencyReport,
  type ReportFilter,
  type ReportRow,
} from '../../reports/deficiencyReport.js'
import { keptUntilChanged } from '../../reports/keptUntilChanged.js'
import { DEFICIENCY_KINDS, SEVERITIES, type DeficiencyKind, type Severity } from '../../rules/types.js'
import { canSeePatient } from '../access.js'
import type { WebDeps } from '../deps.js'
import { audit, isHtmx, userOf, type AppEnv, type Ctx } from '../env.js'
import type { Clock } from '../../clock/clock.js'
import { day, plural, typeLabel, waited, when } from '../format.js'
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
  return TRANSITIONS[from].filter((to) =>
    to === 'completed' ? can(user.roles, 'deficiency.complete') : can(user.roles, 'deficiency.decide'),
  )
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
    age: pick('age', AGING_BUCKETS),
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

/** The desk's filters as the report model's filter. */
export function reportFilter(f: Filters): ReportFilter {
  const status: DeficiencyStatus[] =
    f.status === 'all' ? [...DEFICIENCY_STATUSES] : f.status === 'active' ? ['open', 'completed'] : [f.status as DeficiencyStatus]
  return {
    status,
    kind: f.kind ? [f.kind as DeficiencyKind] : undefined,
    severity: f.severity ? [f.severity as Severity] : undefined,
    ruleId: f.rule || undefined,
    mrn: f.mrn || undefined,
    documentType: f.type ? [f.type] : undefined,
    facility: f.facility || undefined,
    bucket: isAgingBucket(f.age) ? [f.age] : undefined,
  }
}

/** The deficiency report for this user: the selection, aged and bucketed, limited to the charts they may see. */
export function deskReport(deps: WebDeps, user: User, f: Filters): Promise<DeficiencyReport> {
  return buildDeficiencyReport(deps.catalog, deps.sql, reportFilter(f), {
    asOf: deps.clock.today(),
    clock: deps.clock,
    delinquentAfterDays: deps.config.deficiencies.delinquentAfterDays,
    visible: (_mrn, patient) => canSeePatient(user, patient ?? undefined),
  })
}

/** Report rows for deficiencies listed elsewhere (a chart, a document). */
export async function deficiencyRows(deps: WebDeps, defs: Deficiency[]): Promise<ReportRow[]> {
  const ctx = await new ReportContext(deps.catalog, deps.clock.today(), deps.clock).load(defs)
  return defs.map((d) => reportRow(d, ctx, deps.config.deficiencies.delinquentAfterDays))
}

/** What a row needs besides the deficiency: who looks, where to come back, how rule sets read. */
export interface RowContext {
  user: User
  csrf: string
  back: string
  versions: Map<string, RulesetLabel>
  /** The rule set in force (its hash), if one has loaded. */
  current: string | null
  /** Rule titles by id, from the rule set in force. */
  titles: Map<string, string>
  /** The clinic's clock, for the times a row shows. */
  clock: Clock
  compact?: boolean
}

export async function rowContext(deps: WebDeps, c: Ctx, back: string, compact = false): Promise<RowContext> {
  const rs = deps.rules?.current ?? null
  return {
    user: userOf(c),
    csrf: c.get('csrf'),
    back,
    versions: await new RulesetVersions(deps.sql).all(),
    current: rs?.version ?? null,
    titles: new Map((rs?.rules ?? []).map((r) => [r.id, r.title])),
    clock: deps.clock,
    compact,
  }
}

function label(versions: Map<string, RulesetLabel>, version: string): RulesetLabel {
  return versions.get(version) ?? { version, number: null, since: null, text: `rule set ${version}` }
}

/** A rule set by its number and date; the hash only on hover. */
export function RulesetName({ version, versions }: { version: string; versions: Map<string, RulesetLabel> }) {
  const l = label(versions, version)
  return <abbr title={`rule set version ${l.version}`}>{l.text}</abbr>
}

/** Text that may name rule sets by hash (stored reasons), with each hash read as its number and date. */
export function WithRulesets({ text, versions }: { text: string; versions: Map<string, RulesetLabel> }) {
  const parts: (string | ReturnType<typeof RulesetName>)[] = []
  let last = 0
  for (const m of text.matchAll(/(?:rule set )?(rs-[0-9a-f]{12})/g)) {
    parts.push(text.slice(last, m.index))
    parts.push(<RulesetName version={m[1]!} versions={versions} />)
    last = m.index! + m[0].length
  }
  parts.push(text.slice(last))
  return <>{parts}</>
}

const patientLabel = (r: ReportRow) => r.patientName

/**
 * Marking a deficiency completed tells chartclerk the chart was fixed; the next check of the
 * chart decides. Say so before (the chart still fails the rule at the last check) so nobody
 * is surprised when it reopens.
 */
function StillFails({ r, rc }: { r: ReportRow; rc: RowContext }) {
  const title = rc.titles.get(r.ruleId)
  const changed = r.lastSeenRuleset && rc.current && r.lastSeenRuleset !== rc.current
  return (
    <p class="small form-note" data-still-fails>
      The chart still fails rule {r.ruleId}
      {title ? ` (${title})` : ''}
      {r.lastSeenAt ? (
        <>
          {' '}
          at the last check, {when(r.lastSeenAt, rc.clock)}
          {r.lastSeenRuleset ? (
            <>
              {' '}
              with <RulesetName version={r.lastSeenRuleset} versions={rc.versions} />
            </>
          ) : null}
        </>
      ) : null}
      . Fix the chart first: if the rule still finds this, the next check reopens it.
      {changed ? (
        <>
          {' '}
          The rules have changed since (now <RulesetName version={rc.current!} versions={rc.versions} />
          ); the next check decides again.
        </>
      ) : null}
    </p>
  )
}

function StatusForm({ r, rc, chosen, reason }: { r: ReportRow; rc: RowContext; chosen?: DeficiencyStatus; reason?: string }) {
  const changes = allowedChanges(rc.user, r.status)
  if (!changes.length) return null
  return (
    <form
      method="post"
      action={`/deficiencies/${r.id}/status`}
      class="status-form"
      hx-post={`/deficiencies/${r.id}/status`}
      hx-target="closest tr"
      hx-swap="outerHTML"
    >
      <Csrf token={rc.csrf} />
      <input type="hidden" name="back" value={rc.back} />
      <select name="to" aria-label={`New status of deficiency ${r.id}`} required>
        {changes.map((to) => (
          <option value={to} selected={to === chosen}>
            {ACTION_LABEL[to]}
          </option>
        ))}
      </select>
      <input name="reason" placeholder="Reason" aria-label={`Reason for deficiency ${r.id}`} maxlength={500} value={reason ?? ''} />
      <button type="submit">Apply</button>
      {r.status === 'open' && changes.includes('completed') ? <StillFails r={r} rc={rc} /> : null}
    </form>
  )
}

export function DeficiencyRow({
  r,
  rc,
  error,
  chosen,
  reason,
}: {
  r: ReportRow
  rc: RowContext
  error?: string
  chosen?: DeficiencyStatus
  reason?: string
}) {
  const compact = rc.compact
  const byPerson = r.status === 'completed' && r.decidedBy && r.decidedBy !== SYSTEM_ACTOR
  return (
    <tr id={`def-${r.id}`} class={r.delinquent ? 'late' : undefined} data-bucket={r.agingBucket}>
      <td class="num">{r.id}</td>
      <td class="num nowrap" title={`aged from ${r.agingFrom}`}>
        {waited(r.ageDays)}
        {r.delinquent ? <div class="small bad">delinquent</div> : null}
      </td>
      {compact ? null : (
        <td>
          <a href={`/charts/${encodeURIComponent(r.mrn)}`} class="nowrap">
            {r.mrn}
          </a>
          <div class="small">{patientLabel(r)}</div>
        </td>
      )}
      <td>
        {r.documentId && r.documentType ? (
          <a href={`/documents/${r.documentId}`}>{typeLabel(r.documentType)}</a>
        ) : r.documentId ? (
          `document ${r.documentId}`
        ) : (
          <span class="muted">chart</span>
        )}
        {r.facility && !compact ? <div class="small muted">{r.facility}</div> : null}
      </td>
      <td>
        <Badge kind={r.severity}>{r.severity}</Badge> <span class="small">{r.kind.replace(/_/g, ' ')}</span>
        <div class="small muted">{r.ruleId}</div>
      </td>
      <td class="message">
        {r.message}
        {r.page ? <span class="muted small"> (page {r.page})</span> : null}
      </td>
      <td class="assignee">{r.assignedTo ?? <span class="muted">nobody</span>}</td>
      <td>
        <Badge kind={r.status}>{r.status}</Badge>
        {r.statusReason ? (
          <div class="small muted">
            <WithRulesets text={r.statusReason} versions={rc.versions} />
          </div>
        ) : null}
        {r.decidedBy ? <div class="small muted">by {r.decidedBy}</div> : null}
        {byPerson ? (
          <div class="small form-note" data-after-complete>
            Waiting for verification. The next check of the chart reopens it if rule {r.ruleId} still finds this.
          </div>
        ) : null}
        {error ? (
          <div class="small error" role="alert">
            {error}
          </div>
        ) : null}
      </td>
      <td class="no-print">
        <StatusForm r={r} rc={rc} chosen={chosen} reason={reason} />
      </td>
    </tr>
  )
}

function Head({ compact }: { compact?: boolean }) {
  return (
    <thead>
      <tr>
        <th>#</th>
        <th>Age</th>
        {compact ? null : <th>Chart</th>}
        <th>Document</th>
        <th>Kind</th>
        <th>What is wrong</th>
        <th>Assigned to</th>
        <th>Status</th>
        <th class="no-print">Change</th>
      </tr>
    </thead>
  )
}

/** Deficiencies on a chart or document page (same rows as the list). */
export function DeficiencyTable({ rows, rc }: { rows: ReportRow[]; rc: RowContext }) {
  return (
    <table class="list deficiencies">
      <Head compact={rc.compact} />
      <tbody>
        {rows.map((r) => (
          <DeficiencyRow r={r} rc={rc} />
        ))}
      </tbody>
    </table>
  )
}

/** Counts by aging bucket, with the total and the delinquent count (the desk list, the printout, the dashboard). */
export function BucketTable({
  buckets,
  total,
  delinquent,
  link,
}: {
  buckets: Record<AgingBucket, number>
  total: number
  delinquent: number
  link?: (b: AgingBucket) => string
}) {
  return (
    <table class="buckets report-buckets" data-aging>
      <tbody>
        <tr>
          {AGING_BUCKETS.map((b) => (
            <th scope="col">{AGING_BUCKET_LABELS[b]}</th>
          ))}
          <th scope="col">Total</th>
          <th scope="col">Delinquent</th>
        </tr>
        <tr>
          {AGING_BUCKETS.map((b) => (
            <td class="num" data-bucket={b}>
              {link && buckets[b] ? <a href={link(b)}>{buckets[b]}</a> : buckets[b]}
            </td>
          ))}
          <td class="num" data-total>
            {total}
          </td>
          <td class={delinquent ? 'num late' : 'num'} data-delinquent>
            {delinquent}
          </td>
        </tr>
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
          {AGING_BUCKETS.map((b) => (
            <option value={b} selected={f.age === b}>
              {AGING_BUCKET_LABELS[b]}
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
  if (isAgingBucket(f.age)) parts.push(`age ${AGING_BUCKET_LABELS[f.age]}`)
  if (f.type) parts.push(typeLabel(f.type))
  if (f.facility) parts.push(`from ${f.facility}`)
  if (f.mrn) parts.push(`chart ${f.mrn}`)
  if (f.rule) parts.push(`rule ${f.rule}`)
  return parts.join(' · ')
}

export function registerDeficiencyRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const repo = new DeficienciesRepo(deps.sql)

  /** Types and facilities seen among the user's deficiencies, for the filter menus. */
  const menus = async (c: Ctx) => {
    const all = reportRows(await deskReport(deps, userOf(c), { ...readFilters(() => undefined), status: 'all' }))
    const types = [...new Set(all.map((r) => r.documentType).filter((t): t is string => !!t))].sort()
    const facilities = [...new Set(all.map((r) => r.facility).filter((x): x is string => !!x))].sort()
    return { types, facilities }
  }

  const mrnsOf = (rows: ReportRow[]) => [...new Set(rows.map((r) => r.mrn))].slice(0, 500)

  app.get('/deficiencies', need('records.view'), async (c) => {
    const u = userOf(c)
    const f = readFilters((k) => c.req.query(k))
    const report = await deskReport(deps, u, f)
    const rows = reportRows(report)
    const { types, facilities } = await menus(c)
    await audit(c, { action: 'deficiency.list', detail: { filters: summary(f), rows: rows.length } })
    const back = c.req.path + filterQuery(f)
    const rc = await rowContext(deps, c, back)
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
        <Flash
          code={c.req.query('msg')}
          messages={{ changed: 'Status changed.', 'error-change': 'That change was not made; see the row.' }}
        />
        <FilterForm f={f} types={types} facilities={facilities} action="/deficiencies" />
        <p class="muted">
          {plural(rows.length, 'deficiency', 'deficiencies')}: {summary(f)} · aged as of {report.asOf}; delinquent when open more than{' '}
          {report.delinquentAfterDays} days
        </p>
        <BucketTable buckets={report.totals.buckets} total={report.totals.deficiencies} delinquent={report.totals.delinquent} />
        {rows.length ? <DeficiencyTable rows={rows} rc={rc} /> : <Empty>No deficiencies match.</Empty>}
      </>,
    )
  })

  app.get('/deficiencies/export.csv', need('records.view'), need('export'), async (c) => {
    const f = readFilters((k) => c.req.query(k))
    const report = await deskReport(deps, userOf(c), f)
    const rows = reportRows(report)
    await audit(c, {
      action: 'deficiency.export',
      targetKind: 'report',
      detail: { format: 'csv', filters: summary(f), rows: rows.length, mrns: mrnsOf(rows) },
    })
    const stamp = deps.clock.today()
    return c.body(renderReportCsv(report), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="deficiencies-${stamp}.csv"`,
    })
  })

  app.get('/deficiencies/report', need('records.view'), need('export'), async (c) => {
    const u = userOf(c)
    const f = readFilters((k) => c.req.query(k))
    const report = await deskReport(deps, u, f)
    const rows = reportRows(report)
    await audit(c, {
      action: 'deficiency.report',
      targetKind: 'report',
      detail: { format: 'print', filters: summary(f), rows: rows.length, mrns: mrnsOf(rows) },
    })
    const versions = await new RulesetVersions(deps.sql).all()
    const t = report.totals
    return page(
      c,
      { title: 'Deficiency report', active: 'deficiencies', wide: true, printTitle: `Deficiency report: ${summary(f)}` },
      <>
        <div class="item-head">
          <div>
            <h1>Deficiency report</h1>
            <p>
              {summary(f)} · {plural(t.deficiencies, 'deficiency', 'deficiencies')} in {plural(t.charts, 'chart')}; {t.delinquent}{' '}
              delinquent in {plural(t.delinquentCharts, 'chart')} · as of {report.asOf}; delinquent when open more than{' '}
              {report.delinquentAfterDays} days
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
        <BucketTable buckets={t.buckets} total={t.deficiencies} delinquent={t.delinquent} />
        {report.charts.length ? (
          report.charts.map((g) => (
            <section class="report-chart" data-mrn={g.mrn}>
              <h2>
                {g.inPatientIndex ? g.patientName : '(not in the patient index)'} · MRN {g.mrn}
                {g.birthDate ? ` · born ${g.birthDate}` : ''}
              </h2>
              <table class="list report">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Document</th>
                    <th>From</th>
                    <th>Rule</th>
                    <th>What is wrong</th>
                    <th>Assigned to</th>
                    <th>Status</th>
                    <th>Age</th>
                  </tr>
                </thead>
                <tbody>
                  {g.rows.map((r) => (
                    <tr class={r.delinquent ? 'late' : undefined} data-bucket={r.agingBucket}>
                      <td class="num">{r.id}</td>
                      <td>
                        {r.documentType ? typeLabel(r.documentType) : r.documentId ? `document ${r.documentId}` : 'chart'}
                        {r.dateOfService ? <div class="small">{r.dateOfService}</div> : null}
                      </td>
                      <td class="small">{r.facility ?? ''}</td>
                      <td class="small">
                        {r.ruleId} ({r.severity})
                      </td>
                      <td>{r.message}</td>
                      <td class="small">{r.assignedTo ?? ''}</td>
                      <td>
                        {r.status}
                        {r.statusReason ? (
                          <div class="small">
                            <WithRulesets text={r.statusReason} versions={versions} />
                          </div>
                        ) : null}
                      </td>
                      <td class="num nowrap">
                        {waited(r.ageDays)}
                        {r.delinquent ? <div class="small">delinquent</div> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))
        ) : (
          <Empty>No deficiencies match.</Empty>
        )}
      </>,
    )
  })

  app.post('/deficiencies/:id{[0-9]{1,12}}/status', need('records.view'), async (c) => {
    const u = userOf(c)
    const id = idParam(c.req.param('id'))
    const d = id ? await repo.get(id) : null
    if (!d || !canSeePatient(u, await deps.patients.get(d.chartMrn))) return c.text('No such deficiency.', 404)
    const body = await c.req.parseBody()
    const to = field(body, 'to') as DeficiencyStatus
    const reason = field(body, 'reason').slice(0, 500)
    const back = localPath(field(body, 'back'), '/deficiencies')
    let error: string | undefined
    let status: ContentfulStatusCode = 200
    if (!(DEFICIENCY_STATUSES as readonly string[]).includes(to)) ((error = 'Choose what to do.'), (status = 400))
    else if (!allowedChanges(u, d.status).includes(to)) ((error = `Your role may not make a ${d.status} deficiency ${to}.`), (status = 403))
    else {
      try {
        await repo.transition(d.id, to, { by: u.username, reason: reason || undefined })
        await audit(c, {
          action: 'deficiency.status',
          targetKind: 'deficiency',
          targetId: String(d.id),
          patientMrn: d.chartMrn,
          detail: { from: d.status, to, reason: reason || null, documentId: d.documentId },
        })
      } catch (err) {
        const known = actionableError(err)
        if (!known) throw err
        error = known.error.action
        status = known.http
      }
    }
    if (isHtmx(c)) {
      const fresh = (await repo.get(d.id))!
      const compact = back.startsWith('/documents/') || back.startsWith('/charts/')
      const [row] = await deficiencyRows(deps, [fresh])
      // A refused change keeps what was chosen and typed, so the clerk only adds what was missing.
      return c.html(
        <DeficiencyRow
          r={row!}
          rc={await rowContext(deps, c, back, compact)}
          error={error}
          chosen={error ? to : undefined}
          reason={error ? reason : undefined}
        />,
        status,
      )
    }
    if (error) return c.text(error, status)
    return c.redirect(`${back}${back.includes('?') ? '&' : '?'}msg=changed#def-${d.id}`, 303)
  })
}

/** Open deficiencies by aging bucket (the dashboard's panel), from the same report model. */
export function openByAge(deps: WebDeps): Promise<{
  buckets: Record<AgingBucket, number>
  open: number
  delinquent: number
  delinquentAfterDays: number
}> {
  const asOf = deps.clock.today()
  const after = deps.config.deficiencies.delinquentAfterDays
  return keptUntilChanged(deps.catalog, deps.sql, `open by age ${asOf} ${after}`, async () => {
    const r = await buildDeficiencyReport(
      deps.catalog,
      deps.sql,
      { status: ['open'] },
      { asOf, clock: deps.clock, delinquentAfterDays: after },
    )
    return {
      buckets: r.charts.length ? r.totals.buckets : emptyBuckets(),
      open: r.totals.deficiencies,
      delinquent: r.totals.delinquent,
      delinquentAfterDays: r.delinquentAfterDays,
    }
  })
}
