/**
 * Records-request notices (DOMAIN.md "Records request"): for each open missing_document deficiency
 * whose sending facility is known (the hospital whose ED or discharge record led to it), a letter
 * to that facility asking for the missing record, tracked from printing and sending to receipt.
 *
 *   pending ──print/sent──> sent ──(record arrives: deficiency completes)──> received
 *      └──────────────(deficiency waived or rejected)──────────────────────> cancelled
 *
 * `syncNotices` runs at the end of every check (src/charts/checkChart.ts, `chartclerk check`) and
 * before `chartclerk notices list`: it opens notices for new deficiencies and closes the ones whose
 * record arrived.
 */
import type { Selectable } from 'kysely'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { RecordsRequestsTable } from '../catalog/sql/tables.js'
import { writeTransaction, type CatalogHandle } from '../catalog/sql/write.js'
import { DeficienciesRepo, SYSTEM_ACTOR, type Deficiency } from '../deficiencies/repo.js'
import { ChartclerkError } from '../errors.js'
import type { HospitalStay } from '../model/chart.js'
import type { Patient } from '../model/types.js'
import { addDays } from '../clock/calendar.js'
import type { Clock } from '../clock/clock.js'
import { daysBetween } from './aging.js'
import { ReportContext } from './context.js'
import { esc, htmlPage } from './html.js'

export const NOTICE_STATUSES = ['pending', 'sent', 'received', 'cancelled'] as const
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]

export interface Notice {
  id: number
  trackingNumber: string
  deficiencyId: number
  chartMrn: string
  documentId: string | null
  facility: string
  datesOfService: string[]
  documentsNeeded: string[]
  status: NoticeStatus
  createdAt: string
  printedAt: string | null
  sentAt: string | null
  sentBy: string | null
  dueDate: string | null
  followUps: number
  lastFollowUpAt: string | null
  receivedAt: string | null
  receivedBy: string | null
  closedReason: string | null
  updatedAt: string
}

export interface NoticeHistoryRow {
  id: number
  requestId: number
  at: string
  by: string
  action: string
  note: string | null
}

export interface ClinicInfo {
  name: string
  address: string
  phone: string
  fax: string
}

function toNotice(r: Selectable<RecordsRequestsTable>): Notice {
  return {
    id: Number(r.id),
    trackingNumber: r.tracking_number,
    deficiencyId: Number(r.deficiency_id),
    chartMrn: r.chart_mrn,
    documentId: r.document_id ?? null,
    facility: r.facility,
    datesOfService: JSON.parse(r.dates_of_service) as string[],
    documentsNeeded: JSON.parse(r.documents_needed) as string[],
    status: r.status as NoticeStatus,
    createdAt: r.created_at,
    printedAt: r.printed_at ?? null,
    sentAt: r.sent_at ?? null,
    sentBy: r.sent_by ?? null,
    dueDate: r.due_date ?? null,
    followUps: Number(r.follow_ups),
    lastFollowUpAt: r.last_follow_up_at ?? null,
    receivedAt: r.received_at ?? null,
    receivedBy: r.received_by ?? null,
    closedReason: r.closed_reason ?? null,
    updatedAt: r.updated_at,
  }
}

const OUTSTANDING: readonly NoticeStatus[] = ['pending', 'sent']

async function getIn(db: CatalogHandle, id: number): Promise<Notice | null> {
  const r = await db.selectFrom('records_requests').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? toNotice(r) : null
}

async function logIn(db: CatalogHandle, id: number, at: string, by: string, action: string, note: string | null = null): Promise<void> {
  await db.insertInto('records_request_history').values({ request_id: id, at, by, action, note }).execute()
}

/** Requests take turns with each other (tracking numbers are counted), on either engine. */
const LOCK = 'records requests'

/**
 * Records requests on either catalog engine (src/catalog/sql/open.ts): the embedded SQLite file,
 * or the PostgreSQL catalog several desks and workers share.
 *
 * @example
 *   const repo = new NoticesRepo(app.sql)
 *   const n = await repo.require('RR-000017')
 *   await repo.markSent(n.id, { by: 'clerk.one', dueDays: 14, clock })
 */
export class NoticesRepo {
  private readonly db: CatalogHandle

  constructor(private readonly catalog: SqlCatalog) {
    this.db = catalog.db
  }

  get(id: number): Promise<Notice | null> {
    return getIn(this.db, id)
  }

  /** By number or tracking number (RR-000017, any case). */
  async find(ref: string): Promise<Notice | null> {
    const t = ref.trim()
    if (/^\d+$/.test(t)) return this.get(Number(t))
    // Tracking numbers are made upper case (RR-000017), so an upper-cased match is a case-blind one.
    const r = await this.db.selectFrom('records_requests').selectAll().where('tracking_number', '=', t.toUpperCase()).executeTakeFirst()
    return r ? toNotice(r) : null
  }

  async require(ref: string): Promise<Notice> {
    const n = await this.find(ref)
    if (!n)
      throw new ChartclerkError('NOT_FOUND', `There is no records request ${ref}.`, { cliHint: '"chartclerk notices list" shows them.' })
    return n
  }

  async forDeficiency(deficiencyId: number): Promise<Notice | null> {
    const r = await this.db.selectFrom('records_requests').selectAll().where('deficiency_id', '=', deficiencyId).executeTakeFirst()
    return r ? toNotice(r) : null
  }

  async list(filter: { status?: NoticeStatus[]; mrn?: string } = {}): Promise<Notice[]> {
    let q = this.db.selectFrom('records_requests').selectAll()
    if (filter.status?.length) q = q.where('status', 'in', filter.status)
    if (filter.mrn) q = q.where('chart_mrn', '=', filter.mrn)
    return (await q.orderBy('id').execute()).map(toNotice)
  }

  async history(id: number): Promise<NoticeHistoryRow[]> {
    const rows = await this.db.selectFrom('records_request_history').selectAll().where('request_id', '=', id).orderBy('id').execute()
    return rows.map((r) => ({
      id: Number(r.id),
      requestId: Number(r.request_id),
      at: r.at,
      by: r.by,
      action: r.action,
      note: r.note ?? null,
    }))
  }

  /** Opens a request for a deficiency; null when it already has one (another process was first). */
  create(
    n: {
      deficiencyId: number
      chartMrn: string
      documentId: string | null
      facility: string
      datesOfService: string[]
      documentsNeeded: string[]
    },
    opts: { at?: string; by?: string } = {},
  ): Promise<Notice | null> {
    const at = opts.at ?? new Date().toISOString()
    return writeTransaction(this.catalog, LOCK, async (trx) => {
      const had = await trx.selectFrom('records_requests').select('id').where('deficiency_id', '=', n.deficiencyId).executeTakeFirst()
      if (had) return null
      const { last } = await trx
        .selectFrom('records_requests')
        .select((eb) => eb.fn.max('id').as('last'))
        .executeTakeFirstOrThrow()
      const next = Number(last ?? 0) + 1
      await trx
        .insertInto('records_requests')
        .values({
          id: next,
          tracking_number: `RR-${String(next).padStart(6, '0')}`,
          deficiency_id: n.deficiencyId,
          chart_mrn: n.chartMrn,
          document_id: n.documentId,
          facility: n.facility,
          dates_of_service: JSON.stringify(n.datesOfService),
          documents_needed: JSON.stringify(n.documentsNeeded),
          status: 'pending',
          created_at: at,
          updated_at: at,
        })
        .execute()
      await logIn(trx, next, at, opts.by ?? SYSTEM_ACTOR, 'created', `for deficiency #${n.deficiencyId}`)
      return (await getIn(trx, next))!
    })
  }

  /** Runs `fn` on request `id` as it is now, in a transaction that takes its turn; NOT_FOUND when there is none. */
  private change(id: number, fn: (trx: CatalogHandle, n: Notice) => Promise<Notice | void>): Promise<Notice> {
    return writeTransaction(this.catalog, LOCK, async (trx) => {
      const n = await getIn(trx, id)
      if (!n) throw new ChartclerkError('NOT_FOUND', `There is no records request ${id}.`)
      return (await fn(trx, n)) ?? (await getIn(trx, id))!
    })
  }

  /** The letter was printed: the due date is set (the clinic's printing day + dueDays) unless it already has one. */
  markPrinted(id: number, opts: { by: string; at?: string; dueDays: number; clock: Clock }): Promise<Notice> {
    const at = opts.at ?? opts.clock.nowIso()
    return this.change(id, async (trx) => {
      const due = addDays(opts.clock.localDate(at), opts.dueDays)
      await trx
        .updateTable('records_requests')
        .set((eb) => ({ printed_at: at, due_date: eb.fn.coalesce('due_date', eb.val(due)), updated_at: at }))
        .where('id', '=', id)
        .execute()
      await logIn(trx, id, at, opts.by, 'printed')
    })
  }

  /** Sent (faxed or mailed); sending again counts a follow-up. The due date runs from the first sending. */
  markSent(id: number, opts: { by: string; at?: string; dueDays: number; clock: Clock }): Promise<Notice> {
    const at = opts.at ?? opts.clock.nowIso()
    if (!opts.by?.trim()) return Promise.reject(new ChartclerkError('USAGE', 'Say who sent the request.', { cliHint: 'Give --by NAME.' }))
    return this.change(id, async (trx, n) => {
      if (n.status === 'received' || n.status === 'cancelled')
        throw new ChartclerkError('CONFLICT', `Records request ${n.trackingNumber} is ${n.status}; there is nothing more to send.`)
      if (n.status === 'pending') {
        await trx
          .updateTable('records_requests')
          .set({ status: 'sent', sent_at: at, sent_by: opts.by, due_date: addDays(opts.clock.localDate(at), opts.dueDays), updated_at: at })
          .where('id', '=', id)
          .execute()
        await logIn(trx, id, at, opts.by, 'sent')
      } else {
        await trx
          .updateTable('records_requests')
          .set((eb) => ({ follow_ups: eb('follow_ups', '+', 1), last_follow_up_at: at, updated_at: at }))
          .where('id', '=', id)
          .execute()
        await logIn(trx, id, at, opts.by, 'follow_up', `follow-up ${n.followUps + 1}`)
      }
    })
  }

  markReceived(id: number, opts: { by: string; at?: string; note?: string }): Promise<Notice> {
    const at = opts.at ?? new Date().toISOString()
    if (!opts.by?.trim())
      return Promise.reject(new ChartclerkError('USAGE', 'Say who received the records.', { cliHint: 'Give --by NAME.' }))
    return this.change(id, async (trx, n) => {
      if (n.status === 'received' || n.status === 'cancelled')
        throw new ChartclerkError('CONFLICT', `Records request ${n.trackingNumber} is already ${n.status}.`)
      await trx
        .updateTable('records_requests')
        .set({ status: 'received', received_at: at, received_by: opts.by, closed_reason: opts.note ?? null, updated_at: at })
        .where('id', '=', id)
        .execute()
      await logIn(trx, id, at, opts.by, 'received', opts.note ?? null)
    })
  }

  cancel(id: number, opts: { by: string; at?: string; reason: string }): Promise<Notice> {
    const at = opts.at ?? new Date().toISOString()
    return this.change(id, async (trx, n) => {
      if (!OUTSTANDING.includes(n.status)) return n
      await trx
        .updateTable('records_requests')
        .set({ status: 'cancelled', closed_reason: opts.reason, updated_at: at })
        .where('id', '=', id)
        .execute()
      await logIn(trx, id, at, opts.by, 'cancelled', opts.reason)
    })
  }
}

/* ---------- what to request ---------- */

function fmtStay(s: HospitalStay): string {
  if (s.admissionDate && s.dischargeDate && s.admissionDate !== s.dischargeDate) return `${s.admissionDate} to ${s.dischargeDate}`
  return s.admissionDate ?? s.dischargeDate ?? ''
}

/** Dates of service and the documents needed for a missing-document deficiency. */
export function requestContent(
  d: Deficiency,
  ctx: ReportContext,
): { facility: string | null; datesOfService: string[]; documentsNeeded: string[] } {
  const doc = ctx.document(d.documentId)
  const stay = ctx.stayOf(d)
  const facility = doc?.facility ?? stay?.facility ?? null
  const datesOfService: string[] = []
  const documentsNeeded: string[] = []
  if (stay) {
    const when = fmtStay(stay)
    if (when) datesOfService.push(when)
    if (stay.kind === 'emergency')
      documentsNeeded.push(
        `Emergency department record / visit summary for the visit of ${when || 'the date above'} (provider notes, diagnoses, results, medications and discharge instructions)`,
      )
    else
      documentsNeeded.push(
        `Discharge summary for the ${stay.kind} stay ${when ? `of ${when}` : ''} (reason for admission, significant findings, procedures, condition and medications at discharge, follow-up plan)`.replace(
          '  ',
          ' ',
        ),
      )
  } else {
    if (doc?.dateOfService) datesOfService.push(doc.dateOfService)
    documentsNeeded.push(`The record still missing from our chart: ${d.message.replace(/\s*Send a records request[^.]*\.?/i, '').trim()}`)
  }
  return { facility, datesOfService, documentsNeeded }
}

export interface SyncResult {
  created: Notice[]
  received: Notice[]
  cancelled: Notice[]
}

/**
 * Opens a notice for each open missing_document deficiency with a known sending facility that
 * has none yet, and closes outstanding notices whose deficiency is closed: completed or verified
 * (the record arrived, or a person found it) -> received; waived or rejected -> cancelled.
 */
export async function syncNotices(
  catalog: Catalog,
  sql: SqlCatalog,
  opts: { clock: Clock; at?: string; by?: string; asOf?: string; mrn?: string },
): Promise<SyncResult> {
  const at = opts.at ?? opts.clock.nowIso()
  const by = opts.by ?? SYSTEM_ACTOR
  const repo = new NoticesRepo(sql)
  const defs = new DeficienciesRepo(sql)
  const ctx = new ReportContext(catalog, opts.asOf ?? opts.clock.localDate(at), opts.clock)
  const out: SyncResult = { created: [], received: [], cancelled: [] }
  for (const d of await defs.list({ status: 'open', kind: 'missing_document', chartMrn: opts.mrn })) {
    if (await repo.forDeficiency(d.id)) continue
    await ctx.load([d])
    const c = requestContent(d, ctx)
    if (!c.facility) continue
    const created = await repo.create(
      {
        deficiencyId: d.id,
        chartMrn: d.chartMrn,
        documentId: d.documentId,
        facility: c.facility,
        datesOfService: c.datesOfService,
        documentsNeeded: c.documentsNeeded,
      },
      { at, by },
    )
    if (created) out.created.push(created)
  }
  for (const n of await repo.list({ status: [...OUTSTANDING], mrn: opts.mrn })) {
    const d = await defs.get(n.deficiencyId)
    if (!d || d.status === 'open') continue
    if (d.status === 'completed' || d.status === 'verified') {
      out.received.push(
        await repo.markReceived(n.id, {
          by: d.completedBy ?? by,
          at: d.completedAt ?? at,
          note: `deficiency #${d.id} ${d.status}${d.statusReason ? `: ${d.statusReason}` : ''}`,
        }),
      )
    } else
      out.cancelled.push(
        await repo.cancel(n.id, {
          by: d.decidedBy ?? by,
          at: d.decidedAt ?? at,
          reason: `deficiency #${d.id} ${d.status}${d.statusReason ? `: ${d.statusReason}` : ''}`,
        }),
      )
  }
  return out
}

/* ---------- the letter ---------- */

const LETTER_CSS = `
  body { max-width: 42em; font-size: 11.5pt; }
  .letterhead { border-bottom: 2px solid #000; padding-bottom: .4em; margin-bottom: 1em; }
  .letterhead .name { font-size: 15pt; font-weight: bold; }
  dl.fields { display: grid; grid-template-columns: 12em 1fr; gap: .15em .8em; margin: .6em 0 1em; }
  dl.fields dt { font-weight: bold; }
  dl.fields dd { margin: 0; }
  .purpose { border: 1px solid #000; padding: .5em .7em; margin: 1em 0; }
  .signature { margin-top: 2.5em; }
  .confidential { font-size: 9pt; margin-top: 2em; border-top: 1px solid #000; padding-top: .4em; }
`

export interface LetterInput {
  notice: Notice
  patient: Patient | null
  clinic: ClinicInfo
  /** The day the letter is dated. */
  date: string
  /** The due date to print when the notice has none yet (default date + 14). */
  dueDate?: string
}

export function renderNoticeHtml(input: LetterInput): string {
  const { notice: n, patient: p, clinic } = input
  const date = input.date
  const due = n.dueDate ?? input.dueDate ?? addDays(date, 14)
  const clinicName = clinic.name || 'Community Health Center'
  const returnTo = [clinic.fax ? `fax ${clinic.fax}` : '', clinic.address ? `mail to ${clinic.address}` : ''].filter(Boolean).join(', or ')
  const body = `<div class="letterhead">
<div class="name">${esc(clinicName)}</div>
${clinic.address ? `<div>${esc(clinic.address)}</div>` : ''}
<div>${clinic.phone ? `Phone ${esc(clinic.phone)}` : ''}${clinic.phone && clinic.fax ? ' · ' : ''}${clinic.fax ? `Fax ${esc(clinic.fax)}` : ''}</div>
</div>
<p>${esc(date)}</p>
<p>To: Health Information Management / Medical Records<br>${esc(n.facility)}</p>
<h1>Request for medical records</h1>
<dl class="fields">
<dt>Tracking number</dt><dd data-field="tracking">${esc(n.trackingNumber)}</dd>
<dt>Patient</dt><dd data-field="patient">${esc(p ? `${p.givenName}${p.middleName ? ` ${p.middleName}` : ''} ${p.familyName}` : '')}</dd>
<dt>Date of birth</dt><dd data-field="birthDate">${esc(p?.birthDate ?? '')}</dd>
<dt>Our MRN</dt><dd data-field="mrn">${esc(n.chartMrn)}</dd>
<dt>Dates of service</dt><dd data-field="dates">${n.datesOfService.length ? n.datesOfService.map(esc).join('; ') : 'see below'}</dd>
<dt>Please reply by</dt><dd data-field="due">${esc(due)}</dd>
${p?.primaryProvider ? `<dt>Requesting provider</dt><dd data-field="provider">${esc(p.primaryProvider)}</dd>` : ''}
</dl>
<p>Our patient was seen at your facility. To continue the patient's care, please send us the following:</p>
<ul class="needed">
${n.documentsNeeded.map((d) => `<li>${esc(d)}</li>`).join('\n')}
</ul>
<div class="purpose">
<p><strong>Purpose: continuity of care.</strong> ${esc(clinicName)} is the patient's treating provider. This is a disclosure for treatment purposes,
for which no patient authorization is required under HIPAA, 45 CFR 164.506(c). The minimum necessary standard does not apply to disclosures to a provider for treatment (45 CFR 164.502(b)(2)(i)).</p>
</div>
<p>Please return the records${returnTo ? ` by ${esc(returnTo)}` : ''}, quoting tracking number <strong>${esc(n.trackingNumber)}</strong>, by ${esc(due)}. Questions: ${esc(clinic.phone || clinic.fax || 'call our medical records desk')}.</p>
<p class="signature">Medical Records Department<br>${esc(clinicName)}</p>
<p class="confidential">CONFIDENTIAL: this request contains protected health information. If you received it in error, please notify the sender${clinic.phone ? ` at ${esc(clinic.phone)}` : ''} and destroy it.</p>`
  return htmlPage(`Records request ${n.trackingNumber}`, body, LETTER_CSS)
}

/** Days a sent request has been outstanding, as of a day (the clinic's date). */
export function outstandingDays(n: Notice, asOf: string, clock: Clock): number | null {
  return n.sentAt && (n.status === 'sent' || n.status === 'pending') ? daysBetween(clock.localDate(n.sentAt), asOf) : null
}
