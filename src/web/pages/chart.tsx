/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * Charts: find a patient's chart, and the chart itself: the patient header, the documents filed
 * in it by date and type, and its deficiencies. Every chart view is an audit row.
 *
 * GET /charts            find a chart (MRN or name); recent charts
 * GET /charts/:mrn       the chart
 */
import type { Hono } from 'hono'
import { limitedToOwnPatients } from '../../auth/roles.js'
import { DeficienciesRepo } from '../../deficiencies/repo.js'
import type { Patient } from '../../model/types.js'
import { canSeeDocument, canSeePatient } from '../access.js'
import type { WebDeps } from '../deps.js'
import { DeskQueries } from '../desk.js'
import { documentFacts } from '../documentFacts.js'
import { audit, userOf, type AppEnv } from '../env.js'
import { day, plural, typeLabel, when } from '../format.js'
import { isCalendarDate, yearsBetween } from '../../clock/calendar.js'
import { Badge, Empty } from '../layout.js'
import { need } from '../middleware/session.js'
import { page } from '../render.js'
import { DeficiencyTable, deficiencyRows, rowContext, RulesetName } from './deficiencies.js'

/** Age in whole years on the clinic's today. */
function ageYears(birthDate: string, today: string): number | null {
  return isCalendarDate(birthDate) ? yearsBetween(today, birthDate) : null
}

export function registerChartRoutes(app: Hono<AppEnv>, deps: WebDeps): void {
  const desk = new DeskQueries(deps.catalog)
  const deficiencies = new DeficienciesRepo(deps.sql)

  app.get('/charts', need('records.view'), async (c) => {
    const u = userOf(c)
    const q = (c.req.query('q') ?? '').trim().slice(0, 80)
    const found = q ? (await deps.patients.find(q, 50)).filter((p) => canSeePatient(u, p)) : []
    const charts = await desk.recentCharts(limitedToOwnPatients(u.roles) ? 200 : 25)
    const withPatients = []
    for (const r of charts) withPatients.push({ ...r, patient: await deps.patients.get(r.mrn) })
    const recent = withPatients.filter((r) => canSeePatient(u, r.patient)).slice(0, 25)
    if (q) await audit(c, { action: 'patient.lookup', detail: { q, found: found.map((p) => p.mrn) } })
    await audit(c, { action: 'chart.list', detail: { shown: recent.length, mrns: recent.map((r) => r.mrn) } })
    return page(
      c,
      { title: 'Charts', active: 'charts' },
      <>
        <h1>Charts</h1>
        <form method="get" action="/charts" class="filters">
          <label>
            Find a chart
            <input type="search" name="q" value={q} placeholder="MRN, or family name, given name" autofocus size={36} />
          </label>
          <button type="submit">Find</button>
        </form>
        {q ? (
          found.length ? (
            <PatientTable patients={found} />
          ) : (
            <Empty>
              No patient in the index matches “{q}”{limitedToOwnPatients(u.roles) ? ' among your patients' : ''}.
            </Empty>
          )
        ) : null}
        <h2>Recently filed</h2>
        {recent.length ? (
          <table class="list">
            <thead>
              <tr>
                <th>MRN</th>
                <th>Patient</th>
                <th>Born</th>
                <th>Documents</th>
                <th>Latest received</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r) => (
                <tr>
                  <td>
                    <a href={`/charts/${encodeURIComponent(r.mrn)}`}>{r.mrn}</a>
                  </td>
                  <td>
                    {r.patient ? `${r.patient.familyName}, ${r.patient.givenName}` : <span class="muted">not in the patient index</span>}
                  </td>
                  <td>{r.patient?.birthDate ?? ''}</td>
                  <td class="num">{r.documents}</td>
                  <td>{when(r.latest, deps.clock)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>Nothing has been filed yet.</Empty>
        )}
      </>,
    )
  })

  app.get('/charts/:mrn{[A-Za-z0-9][A-Za-z0-9-]{0,39}}', need('records.view'), async (c) => {
    const u = userOf(c)
    const mrn = c.req.param('mrn')
    const patient = await deps.patients.get(mrn)
    const docs = (await desk.chartDocuments(mrn)).filter((d) => canSeeDocument(u, d, patient))
    if ((!patient && !docs.length) || (!canSeePatient(u, patient) && !docs.length))
      return page(c, { title: 'Not found', status: 404 }, <Empty>There is no chart {mrn}, or it is not one you may see.</Empty>)
    await audit(c, { action: 'chart.view', targetKind: 'chart', targetId: mrn, patientMrn: mrn, detail: { documents: docs.length } })
    const typeFilter = c.req.query('type') ?? ''
    const rows = docs
      .map((d) => ({ d, f: documentFacts(d) }))
      .sort((a, b) =>
        (b.f.dateOfService ?? day(b.d.receivedAt, deps.clock)).localeCompare(a.f.dateOfService ?? day(a.d.receivedAt, deps.clock)),
      )
    const types = new Map<string, number>()
    for (const r of rows) types.set(r.d.docType ?? 'other', (types.get(r.d.docType ?? 'other') ?? 0) + 1)
    const shown = typeFilter ? rows.filter((r) => (r.d.docType ?? 'other') === typeFilter) : rows
    // A clinician who sees this chart only through documents routed to them sees only those documents' deficiencies.
    const visibleIds = new Set(docs.map((d) => String(d.id)))
    const concerns = canSeePatient(u, patient)
      ? () => true
      : (d: { documentId: string | null }) => d.documentId !== null && visibleIds.has(d.documentId)
    const allDefs = (await deficiencies.list({ chartMrn: mrn })).filter(concerns)
    const defs = allDefs.filter((d) => d.status === 'open' || d.status === 'completed' || c.req.query('closed') === '1')
    const defRows = await deficiencyRows(deps, defs)
    const closedCount = allDefs.filter((d) => d.status !== 'open' && d.status !== 'completed').length
    const back = c.req.path
    const rc = await rowContext(deps, c, back, true)
    const lastCheck = await deficiencies.lastCheck(mrn)
    return page(
      c,
      {
        title: patient ? `${patient.familyName}, ${patient.givenName} · ${mrn}` : `Chart ${mrn}`,
        active: 'charts',
        wide: true,
        printTitle: `Chart ${mrn}`,
      },
      <>
        <PatientHeader mrn={mrn} patient={patient} today={deps.clock.today()} />
        <section>
          <h2>Documents</h2>
          {types.size > 1 ? (
            <p class="chips" aria-label="Filter by type">
              <a href={back} class={typeFilter ? 'chip' : 'chip chip-on'}>
                all {rows.length}
              </a>
              {[...types].sort().map(([t, n]) => (
                <a href={`${back}?type=${encodeURIComponent(t)}`} class={typeFilter === t ? 'chip chip-on' : 'chip'}>
                  {typeLabel(t)} {n}
                </a>
              ))}
            </p>
          ) : null}
          {shown.length ? (
            <table class="list">
              <thead>
                <tr>
                  <th>Date of service</th>
                  <th>Type</th>
                  <th>From</th>
                  <th>Author</th>
                  <th>Pages</th>
                  <th>Signed</th>
                  <th>Received</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ d, f }) => (
                  <tr>
                    <td class="nowrap">{f.dateOfService ?? <span class="muted">unknown</span>}</td>
                    <td>
                      <a href={`/documents/${d.id}`}>{typeLabel(d.docType)}</a>
                    </td>
                    <td>{f.facility ?? ''}</td>
                    <td>{f.author ?? ''}</td>
                    <td class="num">{d.pageCount ?? ''}</td>
                    <td>{f.signed ? f.signed.present ? 'yes' : <Badge kind="warning">no</Badge> : ''}</td>
                    <td class="nowrap">{when(d.receivedAt, deps.clock)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>No documents are filed in this chart{typeFilter ? ' of this type' : ''}.</Empty>
          )}
        </section>
        <section>
          <h2>Deficiencies</h2>
          {lastCheck ? (
            <p class="muted small" data-last-check>
              Last checked {when(lastCheck.checkedAt, deps.clock)} under{' '}
              <RulesetName version={lastCheck.rulesetVersion} versions={rc.versions} />
              {rc.current && rc.current !== lastCheck.rulesetVersion ? '; the rules in force have changed since' : ''}.
            </p>
          ) : null}
          {defs.length ? <DeficiencyTable rows={defRows} rc={rc} /> : <Empty>No open deficiencies.</Empty>}
          {closedCount && c.req.query('closed') !== '1' ? (
            <p class="small no-print">
              <a href={`${back}?closed=1`}>Show {plural(closedCount, 'closed deficiency', 'closed deficiencies')} too</a>
            </p>
          ) : null}
        </section>
      </>,
    )
  })
}

function PatientHeader({ mrn, patient, today }: { mrn: string; patient: Patient | undefined; today: string }) {
  if (!patient)
    return (
      <header class="patient">
        <h1>Chart {mrn}</h1>
        <p class="muted">This MRN is not in the patient index.</p>
      </header>
    )
  const age = ageYears(patient.birthDate, today)
  return (
    <header class="patient">
      <h1>
        {patient.familyName}, {patient.givenName}
        {patient.middleName ? ` ${patient.middleName}` : ''}
      </h1>
      <dl class="patient-facts">
        <div>
          <dt>MRN</dt>
          <dd>{patient.mrn}</dd>
        </div>
        <div>
          <dt>Born</dt>
          <dd>
            {patient.birthDate}
            {age != null ? ` (${age} y)` : ''}
          </dd>
        </div>
        {patient.sex ? (
          <div>
            <dt>Sex</dt>
            <dd>{patient.sex}</dd>
          </div>
        ) : null}
        {patient.primaryProvider ? (
          <div>
            <dt>Primary provider</dt>
            <dd>{patient.primaryProvider}</dd>
          </div>
        ) : null}
        {patient.deceased || patient.deceasedDate ? (
          <div>
            <dt>Deceased</dt>
            <dd>
              <Badge kind="bad">{patient.deceasedDate ?? 'yes'}</Badge>
            </dd>
          </div>
        ) : null}
      </dl>
    </header>
  )
}

function PatientTable({ patients }: { patients: Patient[] }) {
  return (
    <table class="list">
      <thead>
        <tr>
          <th>MRN</th>
          <th>Patient</th>
          <th>Born</th>
          <th>Sex</th>
          <th>Primary provider</th>
        </tr>
      </thead>
      <tbody>
        {patients.map((p) => (
          <tr>
            <td>
              <a href={`/charts/${encodeURIComponent(p.mrn)}`}>{p.mrn}</a>
            </td>
            <td>
              {p.familyName}, {p.givenName}
              {p.deceased || p.deceasedDate ? <Badge kind="bad">deceased</Badge> : null}
            </td>
            <td>{p.birthDate}</td>
            <td>{p.sex ?? ''}</td>
            <td>{p.primaryProvider ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
