/** Small formatting helpers shared by the pages. */
import { DOCUMENT_TYPES, type DocumentType } from '../model/types.js'

const TYPE_LABELS: Record<DocumentType, string> = {
  lab_report: 'Lab report',
  radiology_report: 'Radiology report',
  discharge_summary: 'Discharge summary',
  history_and_physical: 'History and physical',
  consult_note: 'Consult note',
  operative_report: 'Operative report',
  progress_note: 'Progress note',
  referral_letter: 'Referral letter',
  emergency_report: 'Emergency report',
  immunization_record: 'Immunization record',
  consent_form: 'Consent form',
  roi_authorization: 'Release-of-information authorization',
  other: 'Other',
}

export function typeLabel(t: string | null | undefined): string {
  if (!t) return 'Not yet known'
  return (TYPE_LABELS as Record<string, string>)[t] ?? t.replace(/_/g, ' ')
}

export function isDocumentType(t: unknown): t is DocumentType {
  return typeof t === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(t)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `2025-06-18 14:02` in the server's time zone. */
export function when(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function day(iso: string | null | undefined): string {
  if (!iso) return ''
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : when(iso).slice(0, 10)
}

/** Whole days between an ISO time and now. */
export function ageDays(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000))
}

/** "today", "1 day", "12 days": how long something has waited. */
export function waited(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? '1 day' : `${days} days`
}

export function percent(p: number | null | undefined): string {
  return p == null ? '' : `${Math.round(p * 100)}%`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Local midnight today as ISO (for "today's filings"). */
export function startOfToday(now: Date = new Date()): string {
  const d = new Date(now)
  d.setHours(0, 0, 0, 0)
  return d.toISOString()
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
