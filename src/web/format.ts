/** Small formatting helpers shared by the pages. */
import { daysBetween } from '../clock/calendar.js'
import type { Clock } from '../clock/clock.js'
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

/** `2025-06-18 14:02` in the clinic's time zone. */
export function when(iso: string | null | undefined, clock: Clock): string {
  if (!iso) return ''
  if (Number.isNaN(Date.parse(iso))) return iso
  return clock.localDateTime(iso)
}

/** The clinic's date of a time (a bare date stays as it is). */
export function day(iso: string | null | undefined, clock: Clock): string {
  if (!iso) return ''
  if (Number.isNaN(Date.parse(iso))) return iso
  return clock.localDate(iso)
}

/** Calendar days from the clinic's date of an ISO time to its today (0 for today or later). */
export function ageDays(iso: string, clock: Clock): number {
  return Math.max(0, daysBetween(clock.today(), clock.localDate(iso)))
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

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
