/**
 * Chart prep for a day's appointments (a records clerk duty): for each patient on the
 * schedule, what the chart still lacks or what waits on it: open deficiencies, outstanding
 * records requests, outside reports nobody has acknowledged, and documents waiting in review
 * that name the patient as a candidate.
 */
import type { Catalog } from '../catalog/db.js'
import type { DocumentRecord } from '../catalog/documents.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { DeficienciesRepo } from '../deficiencies/repo.js'
import { getInactive } from '../inactive/inactive.js'
import { docTypeLabel } from '../release/package.js'
import { addDays } from '../clock/calendar.js'
import { localDateTimeIn, type Clock } from '../clock/clock.js'
import { esc, htmlPage } from '../reports/html.js'
import { NoticesRepo } from '../reports/notices.js'
import { AppointmentsRepo, type Appointment } from './schedule.js'
import { RoutesRepo } from '../routing/repo.js'

export interface PrepDocument {
  documentId: number
  docType: string | null
  receivedAt: string
  /** The clinic's date of receivedAt. */
  receivedOn: string
  originalName: string
}

export interface PrepPatient {
  appointment: Pick<Appointment, 'id' | 'externalId' | 'date' | 'time' | 'provider' | 'visitType' | 'status'>
  mrn: string
  /** null when the patient index does not know the MRN. */
  patient: { name: string; birthDate: string; deceased: boolean } | null
  inactive: { since: string; reason: string } | null
  deficiencies: { id: number; ruleId: string; kind: string; message: string; documentId: string | null; createdAt: string }[]
  recordsRequests: {
    id: number
    trackingNumber: string
    facility: string
    status: string
    documentsNeeded: string[]
    dueDate: string | null
  }[]
  unacknowledged: (PrepDocument & { basis: 'routing' | 'recent' })[]
  inReview: (PrepDocument & { score: number | null })[]
}

export interface PrepList {
  date: string
  generatedAt: string
  /** The clinic's time zone: `date` and every `receivedOn` are its dates. */
  timeZone: string
  patients: PrepPatient[]
}

/** Outside reports received this many days before the visit count as new (when nothing routes them). */
export const RECENT_DAYS = 30

const CANCELLED = new Set(['cancelled', 'canceled', 'noshow', 'no-show', 'entered-in-error'])

const docOf = (d: DocumentRecord, clock: Clock): PrepDocument => ({
  documentId: d.id,
  docType: d.docType,
  receivedAt: d.receivedAt,
  receivedOn: clock.localDate(d.receivedAt),
  originalName: d.originalName,
})

const truthy = (v: unknown): boolean => v === true || (typeof v === 'string' && v.length > 0) || (typeof v === 'object' && v !== null)

/**
 * Routed outside reports not acknowledged (routes table rows, or `details.routing`); where a
 * document has no routing, a filed report received in the last RECENT_DAYS days that nobody
 * acknowledged (`details.acknowledged`).
 */
async function unacknowledged(
  catalog: Catalog,
  sql: SqlCatalog,
  mrn: string,
  date: string,
  clock: Clock,
): Promise<PrepPatient['unacknowledged']> {
  const routes = await new RoutesRepo(sql).forPatient(mrn)
  const since = addDays(date, -RECENT_DAYS)
  const out: PrepPatient['unacknowledged'] = []
  for (const d of await catalog.documents.forPatient(mrn)) {
    if (d.status !== 'filed') continue
    if (truthy(d.details.acknowledged)) continue
    const rows = routes.get(d.id) ?? []
    const routing = d.details.routing as Record<string, unknown> | undefined
    if (rows.length) {
      if (rows.some((r) => !r.acknowledgedAt)) out.push({ ...docOf(d, clock), basis: 'routing' })
    } else if (routing && typeof routing === 'object') {
      if (!truthy(routing.acknowledged) && !truthy(routing.acknowledgedAt) && routing.status !== 'acknowledged')
        out.push({ ...docOf(d, clock), basis: 'routing' })
    } else if (clock.localDate(d.receivedAt) >= since && clock.localDate(d.receivedAt) <= date) {
      out.push({ ...docOf(d, clock), basis: 'recent' })
    }
  }
  return out
}

/** Documents waiting for review that name the patient among their match candidates, by id, with the candidate's score. */
async function inReview(catalog: Catalog, mrn: string, clock: Clock): Promise<PrepPatient['inReview']> {
  const out: PrepPatient['inReview'] = []
  const waiting = await catalog.documents.getMany(await catalog.documents.idsWithStatus('needs_review'))
  for (const d of waiting) {
    const candidates = (d.details.match as { candidates?: unknown } | undefined)?.candidates
    if (d.status !== 'needs_review' || !Array.isArray(candidates)) continue
    const hit = (candidates as { mrn?: unknown; score?: unknown }[]).find((c) => c?.mrn === mrn)
    if (hit) out.push({ ...docOf(d, clock), score: typeof hit.score === 'number' ? hit.score : null })
  }
  return out
}

/** Chart prep for the visits of `date` (a clinic date); documents count by the clinic's date they arrived. */
/** `sql`: the catalog through the query builder, where deficiencies are (src/catalog/sql/open.ts). */
export async function buildPrepList(catalog: Catalog, sql: SqlCatalog, date: string, clock: Clock): Promise<PrepList> {
  const defs = new DeficienciesRepo(sql)
  const notices = new NoticesRepo(sql)
  const patients: PrepPatient[] = []
  for (const a of await new AppointmentsRepo(sql).forDate(date)) {
    if (a.status && CANCELLED.has(a.status)) continue
    const p = await catalog.patients.get(a.mrn)
    const ia = await getInactive({ sql }, a.mrn)
    patients.push({
      appointment: {
        id: a.id,
        externalId: a.externalId,
        date: a.date,
        time: a.time,
        provider: a.provider,
        visitType: a.visitType,
        status: a.status,
      },
      mrn: a.mrn,
      patient: p ? { name: `${p.familyName}, ${p.givenName}`, birthDate: p.birthDate, deceased: !!(p.deceased || p.deceasedDate) } : null,
      inactive: ia ? { since: ia.inactiveSince, reason: ia.reason } : null,
      deficiencies: (await defs.list({ chartMrn: a.mrn, status: 'open' })).map((d) => ({
        id: d.id,
        ruleId: d.ruleId,
        kind: d.kind,
        message: d.message,
        documentId: d.documentId,
        createdAt: d.createdAt,
      })),
      recordsRequests: (await notices.list({ status: ['pending', 'sent'], mrn: a.mrn })).map((n) => ({
        id: n.id,
        trackingNumber: n.trackingNumber,
        facility: n.facility,
        status: n.status,
        documentsNeeded: n.documentsNeeded,
        dueDate: n.dueDate,
      })),
      unacknowledged: await unacknowledged(catalog, sql, a.mrn, date, clock),
      inReview: await inReview(catalog, a.mrn, clock),
    })
  }
  return { date, generatedAt: clock.nowIso(), timeZone: clock.timeZone, patients }
}

/** Plain lines for the terminal. */
export function prepText(list: PrepList): string[] {
  const lines = [`Chart prep for ${list.date}: ${list.patients.length} patient(s) on the schedule`]
  for (const p of list.patients) {
    lines.push('')
    lines.push(
      `${p.appointment.time || '--:--'} ${p.mrn} ${p.patient?.name ?? '(not in the patient index)'}${p.appointment.provider ? ` with ${p.appointment.provider}` : ''}${p.appointment.visitType ? ` (${p.appointment.visitType})` : ''}`,
    )
    if (p.inactive) lines.push(`  chart inactive since ${p.inactive.since}: run "chartclerk inactive restore ${p.mrn}"`)
    for (const d of p.deficiencies) lines.push(`  deficiency #${d.id} ${d.ruleId} ${d.kind}: ${d.message}`)
    for (const n of p.recordsRequests)
      lines.push(`  records request ${n.trackingNumber} to ${n.facility} (${n.status}${n.dueDate ? `, due ${n.dueDate}` : ''})`)
    for (const d of p.unacknowledged)
      lines.push(`  not acknowledged: document ${d.documentId} ${docTypeLabel(d.docType)} received ${d.receivedOn}`)
    for (const d of p.inReview) lines.push(`  in review, may be this patient: document ${d.documentId} received ${d.receivedOn}`)
    if (!p.deficiencies.length && !p.recordsRequests.length && !p.unacknowledged.length && !p.inReview.length)
      lines.push('  nothing outstanding')
  }
  return lines
}

const PREP_CSS = `
  section.chart { border-top: 2px solid #000; padding-top: .3em; margin-top: 1em; }
  section.chart h2 { border: 0; margin: 0; }
  .none { font-style: italic; color: #333; }
  ul { margin: .2em 0 .6em 1.2em; padding: 0; }
  .box::before { content: '\\2610  '; }
  @media print { section.chart { break-inside: avoid; } }
`

/** Printable chart-prep list (one shared print stylesheet, no external assets). */
export function renderPrepHtml(list: PrepList, clinic = ''): string {
  const sections = list.patients
    .map((p) => {
      const items = (title: string, rows: string[]): string =>
        rows.length ? `<h3>${esc(title)}</h3><ul>${rows.map((r) => `<li class="box">${r}</li>`).join('')}</ul>` : ''
      const body = [
        items(
          'Open deficiencies',
          p.deficiencies.map((d) => `#${d.id} ${esc(d.ruleId)} ${esc(d.kind.replace(/_/g, ' '))}: ${esc(d.message)}`),
        ),
        items(
          'Outstanding records requests',
          p.recordsRequests.map(
            (n) =>
              `${esc(n.trackingNumber)} to ${esc(n.facility)} (${esc(n.status)}${n.dueDate ? `, due ${esc(n.dueDate)}` : ''}): ${esc(n.documentsNeeded.join('; '))}`,
          ),
        ),
        items(
          'Outside reports not acknowledged',
          p.unacknowledged.map(
            (d) =>
              `Document ${d.documentId} ${esc(docTypeLabel(d.docType))}, received ${esc(d.receivedOn)}${d.basis === 'recent' ? ' (new)' : ''}`,
          ),
        ),
        items(
          'Waiting in review, may be this patient',
          p.inReview.map((d) => `Document ${d.documentId}, received ${esc(d.receivedOn)}`),
        ),
      ].join('')
      return `<section class="chart" data-mrn="${esc(p.mrn)}">
<h2>${esc(p.appointment.time || '--:--')} ${esc(p.patient?.name ?? 'Not in the patient index')} <span class="meta">MRN ${esc(p.mrn)}${p.patient ? `, born ${esc(p.patient.birthDate)}` : ''}</span></h2>
<p class="meta">${esc(p.appointment.provider ?? '')}${p.appointment.visitType ? ` &middot; ${esc(p.appointment.visitType)}` : ''}${p.inactive ? ` &middot; <span class="flag">chart inactive since ${esc(p.inactive.since)}</span>` : ''}${p.patient?.deceased ? ' &middot; <span class="flag">deceased</span>' : ''}</p>
${body || '<p class="none">Nothing outstanding.</p>'}
</section>`
    })
    .join('\n')
  const title = `Chart prep for ${list.date}`
  return htmlPage(
    title,
    `<h1>${esc(title)}</h1>
<p class="meta">${clinic ? `${esc(clinic)} &middot; ` : ''}${list.patients.length} patient(s) on the schedule &middot; made ${esc(localDateTimeIn(list.timeZone, list.generatedAt))} ${esc(list.timeZone)}</p>
${sections || '<p class="none">No appointments on the schedule for this date. Import it with "chartclerk schedule import FILE".</p>'}`,
    PREP_CSS,
  )
}
