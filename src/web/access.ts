/**
 * Who may see which records. Everyone with `records.view` sees every chart, except a provider
 * who holds no wider role: they see the charts of their own patients (the patient index's
 * primary provider is their provider name) and documents routed to them.
 */
import { limitedToOwnPatients } from '../auth/roles.js'
import type { User } from '../auth/users.js'
import type { DocumentRecord } from '../catalog/documents.js'
import type { Patient } from '../model/types.js'
import { sameProvider } from '../routing/names.js'

export { sameProvider }

export function canSeePatient(user: User, patient: Patient | undefined): boolean {
  if (!limitedToOwnPatients(user.roles)) return true
  return !!patient && sameProvider(patient.primaryProvider, user.providerName)
}

/** The document's routing targets, when routing has named them (`details.routing.to`: a list, or one name). */
export function routedTo(doc: DocumentRecord): string[] {
  const r = doc.details.routing as { to?: unknown } | undefined
  if (typeof r?.to === 'string') return [r.to]
  return Array.isArray(r?.to) ? r.to.filter((t): t is string => typeof t === 'string') : []
}

export function canSeeDocument(user: User, doc: DocumentRecord, patient: Patient | undefined): boolean {
  if (!limitedToOwnPatients(user.roles)) return true
  if (doc.status !== 'filed') return false
  return routedTo(doc).some((t) => sameProvider(t, user.providerName)) || canSeePatient(user, patient)
}
