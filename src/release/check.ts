/**
 * Is a release request allowed, and what goes in it? A disclosure that is not
 * for treatment, not to the patient and not required by law needs a valid
 * authorization (45 CFR 164.508(c)) on the patient's chart: every required
 * element present, not expired, not revoked, naming this recipient and
 * covering these records. Specially protected records are left out unless the
 * authorization names them.
 */
import type { Catalog } from '../catalog/db.js'
import type { DocumentRecord } from '../catalog/documents.js'
import { localDateIn } from '../clock/clock.js'
import { missingAuthorizationElements, REQUIRED_ELEMENTS, type AuthorizationElements } from '../model/authorization.js'
import { categoriesOf, namedBy, type ProtectedCategory } from './protected.js'
import type { ReleaseRepo, ReleaseRequest, RequesterType } from './repo.js'

/** Required elements of 164.508(c), by the names `roiElements` uses, with words a person reads. */
export { REQUIRED_ELEMENTS }

/** The extracted elements as filed in documents.details.fields.roi: the 164.508(c) elements and who signed. */
export interface FiledRoi extends AuthorizationElements {
  signedBy?: string | null
}

const NO_AUTHORIZATION_NEEDED: RequesterType[] = ['patient', 'treatment', 'required_by_law']
/** Disclosures left out of the accounting (164.528(a)(1)): treatment, to the patient, under an authorization. */
const NOT_ACCOUNTABLE: RequesterType[] = ['patient', 'treatment']

export interface AuthorizationFinding {
  documentId: number
  valid: boolean
  reasons: string[]
  missingElements: string[]
}

export interface ReleaseDocument {
  id: number
  docType: string | null
  date: string | null
  pages: number
  categories: string[]
}

export interface ReleaseCheck {
  requestId: number
  asOf: string
  allowed: boolean
  needsAuthorization: boolean
  /** The authorization relied on (valid), or the one examined when none is. */
  authorizationId: number | null
  reasons: string[]
  missingElements: string[]
  documents: ReleaseDocument[]
  excluded: (ReleaseDocument & { reason: string })[]
  part2: boolean
  accountable: boolean
}

/** Elements of 164.508(c) the filed authorization lacks. */
export const missingElements = (roi: FiledRoi): string[] => missingAuthorizationElements(roi)

const STOP = new Set([
  'the',
  'and',
  'for',
  'of',
  'inc',
  'llc',
  'llp',
  'pc',
  'pllc',
  'ltd',
  'co',
  'corp',
  'company',
  'attn',
  'attention',
  'dept',
  'department',
  'to',
])
const words = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length >= 2 && !STOP.has(w))

/** The authorization's "who may receive" names the request's recipient: every word of the recipient's name is in it. */
export function recipientCovered(authorizationRecipient: string, recipientName: string): boolean {
  const have = new Set(words(authorizationRecipient))
  const want = words(recipientName)
  return want.length > 0 && want.every((w) => have.has(w))
}

const ALL_RECORDS = /\b(?:all|any\s+and\s+all|entire|complete|whole)\b[^.;\n]{0,40}\b(?:records?|information|chart|file)\b/i
const TYPE_WORDS: Record<string, RegExp> = {
  lab_report: /\blab(?:oratory)?\b|\blabs\b|\btest results?\b/i,
  radiology_report: /\bradiology\b|\bimaging\b|\bx-?rays?\b|\bmri\b|\bct\b|\bultrasound\b/i,
  discharge_summary: /\bdischarge\b/i,
  history_and_physical: /\bhistory\s+(?:and|&)\s+physical\b|\bh\s*&\s*p\b/i,
  consult_note: /\bconsult(?:ation)?s?\b/i,
  operative_report: /\boperative\b|\bsurg(?:ical|ery)\b/i,
  progress_note: /\bprogress\b|\boffice\s+(?:visit|notes?)\b|\bclinic(?:al)?\s+notes?\b/i,
  referral_letter: /\breferrals?\b|\bcorrespondence\b|\bletters?\b/i,
  emergency_report: /\bemergency\b|\bER\b|\bED\b/,
  immunization_record: /\bimmuni[sz]ations?\b|\bvaccin/i,
  consent_form: /\bconsents?\b/i,
  roi_authorization: /\bauthori[sz]ations?\b/i,
}

/** The authorization's description of the information covers a document of this type. */
export function typeCovered(description: string, docType: string | null): boolean {
  if (ALL_RECORDS.test(description)) return true
  if (!docType) return false
  const re = TYPE_WORDS[docType] ?? new RegExp(`\\b${docType.replace(/_/g, '[\\s_-]+')}s?\\b`, 'i')
  return re.test(description)
}

export function dateOf(doc: DocumentRecord): string | null {
  const dos = (doc.details.extraction as { dateOfService?: string | null } | undefined)?.dateOfService
  return dos && /^\d{4}-\d{2}-\d{2}/.test(dos) ? dos.slice(0, 10) : null
}

export function roiOf(doc: DocumentRecord): FiledRoi | null {
  const fields = doc.details.fields as { roi?: FiledRoi } | undefined
  return fields?.roi ?? null
}

/** Everything wrong with one authorization for this request. */
export async function examineAuthorization(
  catalog: Catalog,
  releases: ReleaseRepo,
  req: ReleaseRequest,
  documentId: number,
  asOf: string,
): Promise<AuthorizationFinding> {
  const reasons: string[] = []
  const doc = await catalog.documents.get(documentId)
  const f = (valid: boolean, missing: string[] = []): AuthorizationFinding => ({ documentId, valid, reasons, missingElements: missing })
  if (!doc) {
    reasons.push(`there is no document ${documentId}`)
    return f(false)
  }
  if (doc.status !== 'filed' || doc.docType !== 'roi_authorization') {
    reasons.push(
      `document ${documentId} is not a filed authorization (it is ${doc.status === 'filed' ? `a ${doc.docType ?? 'document'}` : doc.status.replace('_', ' ')})`,
    )
    return f(false)
  }
  if (doc.patientMrn !== req.patientMrn) {
    reasons.push(`authorization ${documentId} is filed to another chart`)
    return f(false)
  }
  const roi = roiOf(doc)
  if (!roi) {
    reasons.push(`authorization ${documentId} has no elements read from it; settle it again in review`)
    return f(
      false,
      Object.keys(REQUIRED_ELEMENTS).filter((k) => k !== 'representativeAuthority'),
    )
  }
  const missing = missingElements(roi)
  if (missing.length)
    reasons.push(`authorization ${documentId} lacks ${missing.map((m) => REQUIRED_ELEMENTS[m]).join('; ')} (45 CFR 164.508(c))`)
  const exp = roi.expiration?.date ?? null
  if (exp && exp < asOf) reasons.push(`authorization ${documentId} expired on ${exp}`)
  if (roi.signatureDate && /^\d{4}-\d{2}-\d{2}/.test(roi.signatureDate) && roi.signatureDate.slice(0, 10) > asOf)
    reasons.push(`authorization ${documentId} is signed on ${roi.signatureDate.slice(0, 10)}, after ${asOf}`)
  const rev = await releases.revocation(documentId, asOf)
  if (rev) reasons.push(`authorization ${documentId} was revoked on ${rev.revokedOn}`)
  if (roi.recipient && !recipientCovered(roi.recipient, req.recipientName))
    reasons.push(`authorization ${documentId} does not name ${req.recipientName} as a recipient (it names: ${roi.recipient})`)
  return f(reasons.length === 0, missing)
}

async function selectDocuments(catalog: Catalog, req: ReleaseRequest, timeZone: string): Promise<DocumentRecord[]> {
  const filed = (await catalog.documents.forPatient(req.patientMrn)).filter((d) => d.status === 'filed')
  if (req.documentIds.length) return filed.filter((d) => req.documentIds.includes(d.id))
  return filed.filter((d) => {
    if (d.docType === 'roi_authorization') return false
    if (req.docTypes.length && !req.docTypes.includes(d.docType ?? '')) return false
    const date = dateOf(d) ?? localDateIn(timeZone, d.receivedAt)
    if (req.dateFrom && date < req.dateFrom) return false
    if (req.dateTo && date > req.dateTo) return false
    return true
  })
}

/** `asOf` and `timeZone`: the clinic's day of the check and its zone (a document without a date of service counts by the day it arrived there). */
export async function checkRelease(
  catalog: Catalog,
  releases: ReleaseRepo,
  req: ReleaseRequest,
  cats: ProtectedCategory[],
  asOf: string,
  timeZone: string,
): Promise<ReleaseCheck> {
  const needsAuthorization = !NO_AUTHORIZATION_NEEDED.includes(req.requesterType)
  const reasons: string[] = []
  let authorizationId: number | null = req.authorizationId
  let missing: string[] = []
  let authorizationDescription = ''

  if (!(await catalog.patients.get(req.patientMrn))) reasons.push(`there is no patient ${req.patientMrn} in the patient index`)

  // The authorization relied on: the one named, or else the patient's filed authorizations, newest first, the first valid one.
  const candidates =
    req.authorizationId !== null
      ? [req.authorizationId]
      : (await catalog.documents.forPatient(req.patientMrn))
          .filter((d) => d.status === 'filed' && d.docType === 'roi_authorization')
          .map((d) => d.id)
          .reverse()
  let finding: AuthorizationFinding | undefined
  for (const id of candidates) {
    const x = await examineAuthorization(catalog, releases, req, id, asOf)
    if (!finding || x.valid) finding = x
    if (x.valid) break
  }
  if (finding) {
    authorizationId = finding.documentId
    if (finding.valid) authorizationDescription = roiOf((await catalog.documents.get(finding.documentId))!)?.informationDescription ?? ''
  }
  if (needsAuthorization) {
    if (!finding)
      reasons.push(
        `a disclosure to ${req.requesterType.replace(/_/g, ' ')} needs the patient's authorization, and none is filed to the chart`,
      )
    else if (!finding.valid) {
      reasons.push(...finding.reasons)
      missing = finding.missingElements
    }
  }
  const authorizationUsed = !!finding?.valid && (needsAuthorization || req.authorizationId !== null)

  const documents: ReleaseDocument[] = []
  const excluded: (ReleaseDocument & { reason: string })[] = []
  let part2 = false
  for (const d of await selectDocuments(catalog, req, timeZone)) {
    const text = (await catalog.documents.pages(d.id)).map((p) => p.text).join('\n')
    const inCats = categoriesOf(d.docType, text, cats)
    const rd: ReleaseDocument = {
      id: d.id,
      docType: d.docType,
      date: dateOf(d),
      pages: d.pageCount ?? 0,
      categories: inCats.map((c) => c.id),
    }
    const unnamed = inCats.filter((c) => !(authorizationUsed && namedBy(authorizationDescription, c)))
    if (unnamed.length) {
      excluded.push({ ...rd, reason: `specially protected (${unnamed.map((c) => c.label).join(', ')}) and not named by an authorization` })
      continue
    }
    if (needsAuthorization && authorizationUsed && !typeCovered(authorizationDescription, d.docType)) {
      reasons.push(
        `document ${d.id} (${(d.docType ?? 'document').replace(/_/g, ' ')}) is not within the authorization's description of the information ("${authorizationDescription}")`,
      )
      continue
    }
    if (inCats.some((c) => c.part2)) part2 = true
    documents.push(rd)
  }
  if (reasons.length === 0 && documents.length === 0) reasons.push('no filed document of the chart matches the request')
  return {
    requestId: req.id,
    asOf,
    allowed: reasons.length === 0,
    needsAuthorization,
    authorizationId: authorizationUsed || needsAuthorization ? authorizationId : null,
    reasons,
    missingElements: missing,
    documents,
    excluded,
    part2,
    accountable: !NOT_ACCOUNTABLE.includes(req.requesterType) && !authorizationUsed,
  }
}
