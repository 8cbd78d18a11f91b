/**
 * Who may see which records. Everyone with `records.view` sees every chart, except a provider
 * who holds no wider role: they see the charts of their own patients (the patient index's
 * primary provider is their provider name) and documents routed to them.
 */
import { limitedToOwnPatients } from '../auth/roles.js'
import type { User } from '../auth/users.js'
import type { DocumentRecord } from '../catalog/documents.js'
import type { Patient } from '../model/types.js'

const TITLES = new Set(['md', 'do', 'np', 'pa', 'dr', 'rn', 'phd', 'mph', 'fnp', 'aprn'])
const nameParts = (s: string | null | undefined): string =>
  (s ?? '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((p) => p && !TITLES.has(p))
    .sort()
    .join(' ')

/** Same person however the name is written: "Webb, Marcus DO" and "Dr. Marcus Webb" agree. */
export function sameProvider(a: string | null | undefined, b: string | null | undefined): boolean {
  const pa = nameParts(a)
  return pa !== '' && pa === nameParts(b)
}

export function canSeePatient(user: User, patient: Patient | undefined): boolean {
  if (!limitedToOwnPatients(user.roles)) return true
  return !!patient && sameProvider(patient.primaryProvider, user.providerName)
}

/** The document's routing target, when routing has named one (`details.routing.to`). */
export function routedTo(doc: DocumentRecord): string | null {
  const r = doc.details.routing as { to?: unknown } | undefined
  return typeof r?.to === 'string' ? r.to : null
}

export function canSeeDocument(user: User, doc: DocumentRecord, patient: Patient | undefined): boolean {
  if (!limitedToOwnPatients(user.roles)) return true
  if (doc.status !== 'filed') return false
  return sameProvider(routedTo(doc), user.providerName) || canSeePatient(user, patient)
}
