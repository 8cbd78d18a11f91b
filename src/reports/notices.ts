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
import type { Catalog, Db } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
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

function toNotice(r: Record<string, unknown>): Notice {
  return {
    id: r.id as number,
    trackingNumber: r.tracking_number as string,
    deficiencyId: r.deficiency_id as number,
    chartMrn: r.chart_mrn as string,
    documentId: (r.document_id as string | null) ?? null,
    facility: r.facility as string,
    datesOfService: JSON.parse(r.dates_of_service as string) as string[],
    documentsNeeded: JSON.parse(r.documents_needed as string) as string[],
    status: r.status as NoticeStatus,
    createdAt: r.created_at as string,
    printedAt: (r.printed_at as string | null) ?? null,
    sentAt: (r.sent_at as string | null) ?? null,
    sentBy: (r.sent_by as string | null) ?? null,
    dueDate: (r.due_date as string | null) ?? null,
    followUps: r.follow_ups as number,
    lastFollowUpAt: (r.last_follow_up_at as string | null) ?? null,
    receivedAt: (r.received_at as string | null) ?? null,
    receivedBy: (r.received_by as string | null) ?? null,
    closedReason: (r.closed_reason as string | null) ?? null,
    updatedAt: r.updated_at as string,
  }
}

const OUTSTANDING: readonly NoticeStatus[] = ['pending', 'sent']

export class NoticesRepo {
  constructor(private readonly db: Db) {}

  get(id: number): Notice | null {
    const r = this.db.prepare('SELECT * FROM records_requests WHERE id = ?').get(id) as Record<string, unknown> | undefined
    return r ? toNotice(r) : null
  }

  /** By number or tracking number (RR-000017). */
  find(ref: string): Notice | null {
    const t = ref.trim()
    if (/^\d+$/.test(t)) return this.get(Number(t))
    const r = this.db.prepare('SELECT * FROM records_requests WHERE tracking_number = ? COLLATE NOCASE').get(t) as
      Record<string, unknown> | undefined
    return r ? toNotice(r) : null
  }

  require(ref: string): Notice {
    const n = this.find(ref)
    if (!n)
      throw new ChartclerkError('NOT_FOUND', `There is no records request ${ref}.`, { cliHint: '"chartclerk notices list" shows them.' })
    return n
  }

  forDeficiency(deficiencyId: number): Notice | null {
    const r = this.db.prepare('SELECT * FROM records_requests WHERE deficiency_id = ?').get(deficiencyId) as
      Record<string, unknown> | undefined
    return r ? toNotice(r) : null
  }

  list(filter: { status?: NoticeStatus[]; mrn?: string } = {}): Notice[] {
    const where: string[] = []
    const args: unknown[] = []
    if (filter.status?.length) {
      where.push(`status IN (${filter.status.map(() => '?').join(',')})`)
      args.push(...filter.status)
    }
    if (filter.mrn) {
      where.push('chart_mrn = ?')
      args.push(filter.mrn)
    }
    return (
      this.db
        .prepare(`SELECT * FROM records_requests${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`)
        .all(...args) as Record<string, unknown>[]
    ).map(toNotice)
  }

  history(id: number): NoticeHistoryRow[] {
    return (
      this.db.prepare('SELECT * FROM records_request_history WHERE request_id = ? ORDER BY id').all(id) as Record<string, unknown>[]
    ).map((r) => ({
      id: r.id as number,
      requestId: r.request_id as number,
      at: r.at as string,
      by: r.by as string,
      action: r.action as string,
      note: (r.note as string | null) ?? null,
    }))
  }

  private log(id: number, at: string, by: string, action: string, note: string | null = null): void {
    this.db
      .prepare('INSERT INTO records_request_history (request_id, at, by, action, note) VALUES (?, ?, ?, ?, ?)')
      .run(id, at, by, action, note)
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
  ): Notice | null {
    const at = opts.at ?? new Date().toISOString()
    return this.db.transaction(() => {
      if (this.forDeficiency(n.deficiencyId)) return null
      const next = (this.db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM records_requests').get() as { n: number }).n
      const tracking = `RR-${String(next).padStart(6, '0')}`
      this.db
        .prepare(
          `INSERT INTO records_requests (id, tracking_number, deficiency_id, chart_mrn, document_id, facility, dates_of_service, documents_needed, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
        )
        .run(
          next,
          tracking,
          n.deficiencyId,
          n.chartMrn,
          n.documentId,
          n.facility,
          JSON.stringify(n.datesOfService),
          JSON.stringify(n.documentsNeeded),
          at,
          at,
        )
      this.log(next, at, opts.by ?? SYSTEM_ACTOR, 'created', `for deficiency #${n.deficiencyId}`)
      return this.get(next)!
    })()
  }

  /** The letter was printed: the due date is set (the clinic's printing day + dueDays) unless it already has one. */
  markPrinted(id: number, opts: { by: string; at?: string; dueDays: number; clock: Clock }): Notice {
    const at = opts.at ?? opts.clock.nowIso()
    return this.db.transaction(() => {
      const n = this.get(id)
      if (!n) throw new ChartclerkError('NOT_FOUND', `There is no records request ${id}.`)
      this.db
        .prepare('UPDATE records_requests SET printed_at = ?, due_date = coalesce(due_date, ?), updated_at = ? WHERE id = ?')
        .run(at, addDays(opts.clock.localDate(at), opts.dueDays), at, id)
      this.log(id, at, opts.by, 'printed')
      return this.get(id)!
    })()
  }

  /** Sent (faxed or mailed); sending again counts a follow-up. The due date runs from the first sending. */
  markSent(id: number, opts: { by: string; at?: string; dueDays: number; clock: Clock }): Notice {
    const at = opts.at ?? opts.clock.nowIso()
    if (!opts.by?.trim()) throw new ChartclerkError('USAGE', 'Say who sent the request.', { cliHint: 'Give --by NAME.' })
    return this.db.transaction(() => {
      const n = this.get(id)
      if (!n) throw new ChartclerkError('NOT_FOUND', `There is no records request ${id}.`)
      if (n.status === 'received' || n.status === 'cancelled')
        throw new ChartclerkError('CONFLICT', `Records request ${n.trackingNumber} is ${n.status}; there is nothing more to send.`)
      if (n.status === 'pending') {
        this.db
          .prepare("UPDATE records_requests SET status = 'sent', sent_at = ?, sent_by = ?, due_date = ?, updated_at = ? WHERE id = ?")
          .run(at, opts.by, addDays(opts.clock.localDate(at), opts.dueDays), at, id)
        this.log(id, at, opts.by, 'sent')
      } else {
        this.db
          .prepare('UPDATE records_requests SET follow_ups = follow_ups + 1, last_follow_up_at = ?, updated_at = ? WHERE id = ?')
          .run(at, at, id)
        this.log(id, at, opts.by, 'follow_up', `follow-up ${n.followUps + 1}`)
      }
      return this.get(id)!
    })()
  }

  markReceived(id: number, opts: { by: string; at?: string; note?: string }): Notice {
    const at = opts.at ?? new Date().toISOString()
    if (!opts.by?.trim()) throw new ChartclerkError('USAGE', 'Say who received the records.', { cliHint: 'Give --by NAME.' })
    return this.db.transaction(() => {
      const n = this.get(id)
      if (!n) throw new ChartclerkError('NOT_FOUND', `There is no records request ${id}.`)
      if (n.status === 'received' || n.status === 'cancelled')
        throw new ChartclerkError('CONFLICT', `Records request ${n.trackingNumber} is already ${n.status}.`)
      this.db
        .prepare(
          "UPDATE records_requests SET status = 'received', received_at = ?, received_by = ?, closed_reason = ?, updated_at = ? WHERE id = ?",
        )
        .run(at, opts.by, opts.note ?? null, at, id)
      this.log(id, at, opts.by, 'received', opts.note ?? null)
      return this.get(id)!
    })()
  }

  cancel(id: number, opts: { by: string; at?: string; reason: string }): Notice {
    const at = opts.at ?? new Date().toISOString()
    return this.db.transaction(() => {
      const n = this.get(id)
      if (!n) throw new ChartclerkError('NOT_FOUND', `There is no records request ${id}.`)
      if (!OUTSTANDING.includes(n.status)) return n
      this.db
        .prepare("UPDATE records_requests SET status = 'cancelled', closed_reason = ?, updated_at = ? WHERE id = ?")
        .run(opts.reason, at, id)
      this.log(id, at, opts.by, 'cancelled', opts.reason)
      return this.get(id)!
    })()
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
  const repo = new NoticesRepo(catalog.db)
  const defs = new DeficienciesRepo(sql)
  const ctx = new ReportContext(catalog, opts.asOf ?? opts.clock.localDate(at), opts.clock)
  const out: SyncResult = { created: [], received: [], cancelled: [] }
  for (const d of await defs.list({ status: 'open', kind: 'missing_document', chartMrn: opts.mrn })) {
    if (repo.forDeficiency(d.id)) continue
    const c = requestContent(d, ctx)
    if (!c.facility) continue
    const created = repo.create(
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
  for (const n of repo.list({ status: [...OUTSTANDING], mrn: opts.mrn })) {
    const d = await defs.get(n.deficiencyId)
    if (!d || d.status === 'open') continue
    if (d.status === 'completed' || d.status === 'verified') {
      out.received.push(
        repo.markReceived(n.id, {
          by: d.completedBy ?? by,
          at: d.completedAt ?? at,
          note: `deficiency #${d.id} ${d.status}${d.statusReason ? `: ${d.statusReason}` : ''}`,
        }),
      )
    } else
      out.cancelled.push(
        repo.cancel(n.id, {
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
