/**
 * The chart model that rules see: plain JSON built from the catalog, so a records lead can
 * read exactly what a rule checks (`chartclerk chart show <MRN> --json`).
 *
 * Two shapes:
 * - {@link Chart}: what the catalog hands over (facts as recorded).
 * - {@link ChartFacts}: the same chart plus derived fields that make date arithmetic
 *   declarative (`daysSinceService`, `hospitalStays`, ...). Rules always see ChartFacts.
 *   Every derived field is computed in one place, {@link deriveChartFacts}, and documented
 *   there and in rules/README.md.
 *
 * Dates are `YYYY-MM-DD` strings (local calendar dates as written on the record);
 * timestamps (`receivedAt`) are ISO 8601 instants and count by their date in the clinic's
 * time zone (`timeZone`, UTC when absent).
 */
import { localDateOrNull } from '../clock/clock.js'
import type { DocumentType } from './types.js'

/** JSON values an extracted field may hold. */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue }

/** HL7-style document completion status. */
export type DocumentStatus = 'preliminary' | 'final' | 'amended' | 'entered_in_error'

/** How a document was signed. `stamped` is a rubber-stamp signature: not enough under CMS guidelines. */
export type SignatureKind = 'handwritten' | 'electronic' | 'stamped' | 'typed'

/**
 * How the document matched the chart's patient:
 * - `matched`: two identifiers agree (MRN, or name + date of birth);
 * - `partial`: only one identifier agrees;
 * - `conflict`: an identifier disagrees (wrong patient);
 * - `unmatched`: no identifier found.
 */
export type PatientMatch = 'matched' | 'partial' | 'conflict' | 'unmatched'

export type Sex = 'female' | 'male' | 'other' | 'unknown'

export interface ChartPatient {
  mrn: string
  name: { family: string; given: string }
  birthDate: string
  sex: Sex | null
  deceased: boolean
}

export interface ChartSignature {
  present: boolean
  by: string | null
  /** Date written with the signature. */
  date: string | null
  kind: SignatureKind | null
}

export interface ChartDocument {
  id: string
  type: DocumentType
  /** Classifier confidence 0..1 for `type`. */
  typeConfidence: number
  status: DocumentStatus
  dateOfService: string | null
  /** When chartclerk received the file (ISO 8601 timestamp). */
  receivedAt: string
  signed: ChartSignature
  /** Extracted elements, named as in rules/doctypes/<type>.json `fields`. */
  fields: Record<string, FieldValue>
  /** Pages received. */
  pages: number
  /** Pages the document says it has ("page 3 of 5"), null when it does not say. */
  pagesDeclared: number | null
  /** Page numbers known to be missing (from "page n of m" gaps). */
  missingPages: number[]
  /** Mean OCR confidence 0..100; null when the text came from a PDF text layer. */
  ocrConfidence: number | null
  /** Sending facility. */
  source: string | null
  /** Filed in this chart (false: still in the unfiled queue, proposed for this chart). */
  filed: boolean
  patientMatch: PatientMatch
  /** The encounter this document belongs to, when known. */
  encounterId?: string | null
  /** Whom the report was routed to for review (routing rules), when it was routed. */
  routing?: ChartRouting | null
}

/** A filed outside report's routing to clinicians (rules/routing/). */
export interface ChartRouting {
  /** Recipients (provider names). */
  to: string[]
  /** When it was first routed (ISO 8601 timestamp). */
  routedAt: string
  /** When the last recipient acknowledged it; null while any recipient has not. */
  acknowledgedAt: string | null
  /** Recipients who have not acknowledged it yet. */
  pending: string[]
}

export type EncounterKind = 'office' | 'telehealth' | 'emergency' | 'inpatient' | 'observation' | 'outside_visit'

export interface ChartEncounter {
  id: string
  kind: EncounterKind
  /** Visit date, or admission date for a hospital stay. */
  date: string
  /** Discharge date for a hospital stay; null while admitted or for a one-day visit. */
  dischargeDate: string | null
  facility: string | null
  /** The notice or record that told us about this encounter (e.g. an ADT notice). */
  documentId: string | null
}

export type ConsentKind = 'treatment' | 'release_of_information' | 'telehealth' | 'part2' | 'other'

export interface ChartConsent {
  kind: ConsentKind
  signed: boolean
  signedDate: string | null
  expiresDate: string | null
  revoked: boolean
  /** The scanned consent form, when the consent came from one. */
  documentId: string | null
}

export interface Chart {
  patient: ChartPatient
  documents: ChartDocument[]
  encounters: ChartEncounter[]
  /** Consents recorded at the health center (its own register). Consent forms among `documents` are added by deriveChartFacts. */
  consents: ChartConsent[]
  /** The day the chart is checked ("today" for the rules), a date in the clinic's time zone. */
  asOf: string
  /** The clinic's IANA time zone: a timestamp (`receivedAt`, `routedAt`) counts by its date there. UTC when absent. */
  timeZone?: string
}

/* ---------- derived facts ---------- */

export interface DocumentFacts extends ChartDocument {
  /** asOf − dateOfService in days; null without a date of service. Negative when in the future. */
  daysSinceService: number | null
  /** asOf − date received, in days. */
  daysSinceReceived: number | null
  /** dateOfService − admission date (fields.admissionDate, else the linked encounter's date); negative = before admission. */
  daysAfterAdmission: number | null
  /** signed.date − dateOfService in days; null when either is missing. */
  signedDaysAfterService: number | null
  routing?: RoutingFacts | null
}

export interface RoutingFacts extends ChartRouting {
  /** asOf − date part of routedAt, in days. */
  routedDaysAgo: number | null
}

export interface PatientFacts extends ChartPatient {
  /** Whole years of age on asOf; null without a valid birth date. */
  ageYears: number | null
}

export type HospitalStayKind = 'emergency' | 'inpatient' | 'observation'

/** One emergency visit or hospital stay and the summary that should follow it. */
export interface HospitalStay {
  /** The notice or ED/hospital record that told us of the stay; null when only an encounter exists. */
  documentId: string | null
  encounterId: string | null
  kind: HospitalStayKind
  facility: string | null
  admissionDate: string | null
  /** Discharge date; for an ED visit without one, the visit date. */
  dischargeDate: string | null
  /** asOf − dischargeDate in days. */
  daysSinceDischarge: number | null
  /** The discharge or visit summary on file for this stay, null when none. */
  summaryDocumentId: string | null
  /** Date the summary was received. */
  summaryReceivedAt: string | null
  /** Days from discharge to receipt of the summary; null when no summary is on file. */
  summaryWithinDays: number | null
}

export interface ConsentFacts extends ChartConsent {
  /** Where this consent comes from: the health center's register or a scanned consent form. */
  from: 'register' | 'document'
}

export interface ChartFacts extends Omit<Chart, 'patient' | 'documents' | 'consents'> {
  patient: PatientFacts
  documents: DocumentFacts[]
  consents: ConsentFacts[]
  hospitalStays: HospitalStay[]
}

/* ---------- dates ---------- */

const MS_PER_DAY = 86_400_000
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function digits(s: string, at: number, n: number): number {
  let v = 0
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(at + k) - 48
    if (c < 0 || c > 9) return -1
    v = v * 10 + c
  }
  return v
}

/**
 * Day number (days since 1970-01-01) of a `YYYY-MM-DD` date or of the date part of an ISO
 * timestamp; null for anything else, including impossible dates like 2025-02-30.
 * (Hand-parsed: it runs for every date of every document of every chart checked.)
 */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string' || value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null
  let y = digits(value, 0, 4)
  const m = digits(value, 5, 2)
  const d = digits(value, 8, 2)
  if (y < 0 || m < 1 || m > 12 || d < 1) return null
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!)) return null
  // days from civil (H. Hinnant)
  if (m <= 2) y -= 1
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/**
 * Adds whole months/years to a date, clamping to the month's last day (2024-02-29 + 1 year =
 * 2025-02-28). Returns a day number, or null for an invalid date.
 */
export function addCalendar(value: string, months: number): number | null {
  const base = dayNumber(value)
  if (base === null) return null
  const d = new Date(base * MS_PER_DAY)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY
}

function diffDays(later: unknown, earlier: unknown): number | null {
  const a = dayNumber(later)
  if (a === null) return null
  const b = dayNumber(earlier)
  return b === null ? null : a - b
}

function daysSince(today: number | null, earlier: unknown): number | null {
  if (today === null) return null
  const b = dayNumber(earlier)
  return b === null ? null : today - b
}

function wholeYears(birth: string, on: string): number | null {
  const b = dayNumber(birth)
  const o = dayNumber(on)
  if (b === null || o === null || o < b) return null
  const by = Number(birth.slice(0, 4))
  const bmd = birth.slice(5, 10)
  const oy = Number(on.slice(0, 4))
  const omd = on.slice(5, 10)
  return oy - by - (omd < bmd ? 1 : 0)
}

/** A field value that counts as absent: null, blank text, an empty list or object. */
function isBlank(v: FieldValue | undefined): boolean {
  if (v === null || v === undefined) return true
  if (typeof v === 'string') return v.trim() === ''
  if (Array.isArray(v)) return v.length === 0
  if (typeof v === 'object') return Object.keys(v).length === 0
  return false
}

function presentFields(fields: Record<string, FieldValue> | undefined): Record<string, FieldValue> {
  if (!fields) return {}
  let blank = false
  for (const k in fields) {
    if (isBlank(fields[k])) {
      blank = true
      break
    }
  }
  if (!blank) return fields
  const out: Record<string, FieldValue> = {}
  for (const k in fields) if (!isBlank(fields[k])) out[k] = fields[k]!
  return out
}

const STAY_KINDS: ReadonlySet<string> = new Set(['emergency', 'inpatient', 'observation'])

function str(v: FieldValue | undefined): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}

/**
 * Derives the facts rules see from a chart. Pure: returns new objects, never changes `chart`.
 *
 * Per document (every field of the document is kept):
 * - `fields`: a field that is null, blank text, or an empty list/object is dropped, so a rule's
 *   `required` means "present and not blank".
 * - `daysSinceService` = asOf − dateOfService (days; negative when in the future; null without a date).
 * - `daysSinceReceived` = asOf − the clinic's date of receivedAt.
 * - `daysAfterAdmission` = dateOfService − admission date, where the admission date is the
 *   document's own `fields.admissionDate`, else the date of the encounter named by `encounterId`.
 * - `signedDaysAfterService` = signed.date − dateOfService.
 * - `routing.routedDaysAgo` = asOf − the clinic's date of routing.routedAt (only on routed documents).
 *
 * Patient: `ageYears` on asOf.
 *
 * Consents: the register's consents (`from: "register"`) plus one per `consent_form` document
 * (`from: "document"`): kind from `fields.consentKind` (default `treatment`), signed when the
 * document's signature is present and not stamped, signedDate from `signed.date`, else
 * `fields.signatureDate`, else the date of service; expiresDate from `fields.expiresDate`;
 * revoked when `fields.revoked` is true.
 *
 * Hospital stays (for "followed by its discharge summary within 30 days"):
 * - one per encounter of kind emergency, inpatient or observation;
 * - one per `emergency_report` document not already named by such an encounter's `documentId`
 *   (kind `inpatient` when the document has `fields.admissionDate`/`fields.dischargeDate`, else
 *   `emergency`; visit date from `fields.visitDate`, else the date of service).
 * - dischargeDate: the encounter's dischargeDate / the document's `fields.dischargeDate`; for a
 *   stay without one, an emergency visit uses its visit date, an admission stays null (still admitted).
 * - the summary is the earliest-received `discharge_summary` document (other than the stay's own
 *   document) whose `fields.dischargeDate` equals the stay's discharge date, or whose
 *   `fields.admissionDate` equals its admission date, or (with neither field) whose date of service
 *   falls between admission and discharge + 1 day. For an emergency visit, an `emergency_report`
 *   with `fields.visitSummary: true` and the same visit date also counts.
 * - `summaryWithinDays` = date the summary was received − dischargeDate; `daysSinceDischarge` = asOf − dischargeDate.
 */
export function deriveChartFacts(chart: Chart): ChartFacts {
  const asOf = chart.asOf
  const today = dayNumber(asOf)
  const zone = chart.timeZone ?? 'UTC'
  const localDay = (instant: unknown): string | null => localDateOrNull(zone, instant)
  const encounterById = new Map<string, ChartEncounter>()
  for (const e of chart.encounters) encounterById.set(e.id, e)

  const documents: DocumentFacts[] = new Array(chart.documents.length)
  for (let i = 0; i < chart.documents.length; i++) {
    const d = chart.documents[i]!
    const fields = presentFields(d.fields)
    let admission: unknown = fields.admissionDate
    if (admission === undefined && d.encounterId) admission = encounterById.get(d.encounterId)?.date
    // Built property by property: `{ ...d, extra }` makes V8 fall back to slow dictionary
    // objects here, which cost more than every rule's validation together.
    const o: DocumentFacts = {
      id: d.id,
      type: d.type,
      typeConfidence: d.typeConfidence,
      status: d.status,
      dateOfService: d.dateOfService,
      receivedAt: d.receivedAt,
      signed: d.signed,
      fields,
      pages: d.pages,
      pagesDeclared: d.pagesDeclared,
      missingPages: d.missingPages,
      ocrConfidence: d.ocrConfidence,
      source: d.source,
      filed: d.filed,
      patientMatch: d.patientMatch,
      encounterId: d.encounterId ?? null,
      daysSinceService: daysSince(today, d.dateOfService),
      daysSinceReceived: daysSince(today, localDay(d.receivedAt)),
      daysAfterAdmission: admission === undefined ? null : diffDays(d.dateOfService, admission),
      signedDaysAfterService: diffDays(d.signed?.date, d.dateOfService),
    }
    if (d.routing)
      o.routing = {
        to: d.routing.to,
        routedAt: d.routing.routedAt,
        acknowledgedAt: d.routing.acknowledgedAt,
        pending: d.routing.pending ?? [],
        routedDaysAgo: daysSince(today, localDay(d.routing.routedAt)),
      }
    for (const k in d) if (!(k in o)) (o as unknown as Record<string, unknown>)[k] = (d as unknown as Record<string, unknown>)[k]
    documents[i] = o
  }

  const consents: ConsentFacts[] = chart.consents.map((c) => ({
    kind: c.kind,
    signed: c.signed,
    signedDate: c.signedDate,
    expiresDate: c.expiresDate,
    revoked: c.revoked,
    documentId: c.documentId,
    from: 'register' as const,
  }))
  for (const d of documents) {
    if (d.type !== 'consent_form') continue
    const f = d.fields
    const signed = d.signed?.present === true && d.signed.kind !== 'stamped'
    consents.push({
      kind: (str(f.consentKind) as ConsentKind | null) ?? 'treatment',
      signed,
      signedDate: d.signed?.date ?? str(f.signatureDate) ?? d.dateOfService,
      expiresDate: str(f.expiresDate),
      revoked: f.revoked === true,
      documentId: d.id,
      from: 'document',
    })
  }

  const p = chart.patient
  return {
    patient: {
      mrn: p.mrn,
      name: p.name,
      birthDate: p.birthDate,
      sex: p.sex,
      deceased: p.deceased,
      ageYears: wholeYears(p.birthDate, asOf),
    },
    documents,
    encounters: chart.encounters,
    consents,
    asOf,
    hospitalStays: hospitalStays(chart, documents, asOf, localDay),
  }
}

function hospitalStays(
  chart: Chart,
  documents: DocumentFacts[],
  asOf: string,
  localDay: (instant: unknown) => string | null,
): HospitalStay[] {
  const stays: Omit<HospitalStay, 'daysSinceDischarge' | 'summaryDocumentId' | 'summaryReceivedAt' | 'summaryWithinDays'>[] = []
  const named = new Set<string>()
  for (const e of chart.encounters) {
    if (!STAY_KINDS.has(e.kind)) continue
    if (e.documentId) named.add(e.documentId)
    const kind = e.kind as HospitalStayKind
    stays.push({
      documentId: e.documentId,
      encounterId: e.id,
      kind,
      facility: e.facility,
      admissionDate: e.date,
      dischargeDate: e.dischargeDate ?? (kind === 'emergency' ? e.date : null),
    })
  }
  for (const d of documents) {
    if (d.type !== 'emergency_report' || named.has(d.id) || d.fields.visitSummary === true) continue
    const f = d.fields
    const admitted = str(f.admissionDate) !== null || str(f.dischargeDate) !== null
    const visit = str(f.admissionDate) ?? str(f.visitDate) ?? d.dateOfService
    stays.push({
      documentId: d.id,
      encounterId: null,
      kind: admitted ? 'inpatient' : 'emergency',
      facility: d.source,
      admissionDate: visit,
      dischargeDate: str(f.dischargeDate) ?? (admitted ? null : visit),
    })
  }
  if (stays.length === 0) return []

  const summaries = documents
    .filter((d) => d.type === 'discharge_summary' || (d.type === 'emergency_report' && d.fields.visitSummary === true))
    .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0))

  return stays.map((s) => {
    const adm = dayNumber(s.admissionDate)
    const dis = dayNumber(s.dischargeDate)
    const summary = summaries.find((d) => {
      if (d.id === s.documentId) return false
      const f = d.fields
      if (d.type === 'emergency_report') {
        const v = str(f.visitDate) ?? d.dateOfService
        return s.kind === 'emergency' && v !== null && v === s.admissionDate
      }
      const fd = str(f.dischargeDate)
      const fa = str(f.admissionDate)
      if (fd !== null || fa !== null) return (fd !== null && fd === s.dischargeDate) || (fa !== null && fa === s.admissionDate)
      const dos = dayNumber(d.dateOfService)
      if (dos === null || adm === null) return false
      return dos >= adm && dos <= (dis ?? adm) + 1
    })
    return {
      ...s,
      daysSinceDischarge: diffDays(asOf, s.dischargeDate),
      summaryDocumentId: summary?.id ?? null,
      summaryReceivedAt: summary ? localDay(summary.receivedAt) : null,
      summaryWithinDays: summary ? diffDays(localDay(summary.receivedAt), s.dischargeDate) : null,
    }
  })
}
