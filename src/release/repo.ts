/**
 * Release-of-information requests, revocations of authorizations, and the
 * disclosure log behind the accounting of disclosures (45 CFR 164.528).
 */
import { addDays, addYears } from '../clock/calendar.js'
import type { Db } from '../catalog/db.js'
import { ChartclerkError } from '../errors.js'

export const REQUESTER_TYPES = ['patient', 'treatment', 'attorney', 'insurer', 'required_by_law', 'other'] as const
export type RequesterType = (typeof REQUESTER_TYPES)[number]
export const RELEASE_STATUSES = ['open', 'refused', 'packaged', 'sent', 'cancelled'] as const
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number]

/** Days a patient's own access request may take (45 CFR 164.524(b)(2)). */
export const ACCESS_DUE_DAYS = 30

export interface ReleaseRequest {
  id: number
  releaseNumber: string
  patientMrn: string
  requester: string
  requesterType: RequesterType
  recipientName: string
  recipientAddress: string
  purpose: string
  docTypes: string[]
  dateFrom: string | null
  dateTo: string | null
  documentIds: number[]
  requestDate: string
  dueDate: string | null
  authorizationId: number | null
  identityVerified: boolean
  status: ReleaseStatus
  checkResult: unknown
  packageKey: string | null
  packagePages: number | null
  packageDocuments: number[]
  packagedAt: string | null
  sentTo: string | null
  sentAt: string | null
  sentBy: string | null
  createdBy: string
  createdAt: string
  updatedAt: string
}

export type NewReleaseRequest = Pick<
  ReleaseRequest,
  'patientMrn' | 'requester' | 'requesterType' | 'recipientName' | 'purpose' | 'requestDate' | 'createdBy'
> &
  Partial<
    Pick<ReleaseRequest, 'recipientAddress' | 'docTypes' | 'dateFrom' | 'dateTo' | 'documentIds' | 'authorizationId' | 'identityVerified'>
  >

export interface Disclosure {
  id: number
  requestId: number
  releaseNumber: string
  patientMrn: string
  disclosedOn: string
  recipientName: string
  recipientAddress: string
  description: string
  purpose: string
  requesterType: RequesterType
  authorizationId: number | null
  accountable: boolean
  pages: number | null
  packageKey: string | null
  recordedBy: string
  createdAt: string
}

export interface Revocation {
  id: number
  authorizationId: number
  revokedOn: string
  recordedBy: string
  note: string | null
}

export const releaseNumber = (id: number): string => `ROI-${String(id).padStart(6, '0')}`

export function parseReleaseRef(ref: string): number {
  const m = /^(?:ROI-)?0*(\d+)$/i.exec(ref.trim())
  if (!m) throw new ChartclerkError('USAGE', `"${ref}" is not a release request (give its number, e.g. 12 or ROI-000012).`)
  return Number(m[1])
}

export class ReleaseRepo {
  constructor(private readonly db: Db) {}

  create(r: NewReleaseRequest): ReleaseRequest {
    const now = new Date().toISOString()
    const due = r.requesterType === 'patient' ? addDays(r.requestDate, ACCESS_DUE_DAYS) : null
    const info = this.db
      .prepare(
        `INSERT INTO release_requests (patient_mrn, requester, requester_type, recipient_name, recipient_address, purpose, doc_types, date_from, date_to,
           document_ids, request_date, due_date, authorization_id, identity_verified, status, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(
        r.patientMrn,
        r.requester,
        r.requesterType,
        r.recipientName,
        r.recipientAddress ?? '',
        r.purpose,
        JSON.stringify(r.docTypes ?? []),
        r.dateFrom ?? null,
        r.dateTo ?? null,
        JSON.stringify(r.documentIds ?? []),
        r.requestDate,
        due,
        r.authorizationId ?? null,
        r.identityVerified ? 1 : 0,
        r.createdBy,
        now,
        now,
      )
    return this.get(Number(info.lastInsertRowid))!
  }

  get(id: number): ReleaseRequest | undefined {
    const row = this.db.prepare('SELECT * FROM release_requests WHERE id = ?').get(id)
    return row ? toRequest(row) : undefined
  }

  require(id: number): ReleaseRequest {
    const r = this.get(id)
    if (!r)
      throw new ChartclerkError('NOT_FOUND', `There is no release request ${releaseNumber(id)}.`, {
        cliHint: '"chartclerk release list --all" shows them.',
      })
    return r
  }

  list(opts: { status?: ReleaseStatus[]; mrn?: string } = {}): ReleaseRequest[] {
    const where: string[] = []
    const args: unknown[] = []
    if (opts.status?.length) {
      where.push(`status IN (${opts.status.map(() => '?').join(',')})`)
      args.push(...opts.status)
    }
    if (opts.mrn) {
      where.push('patient_mrn = ?')
      args.push(opts.mrn)
    }
    const sql = `SELECT * FROM release_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`
    return (this.db.prepare(sql).all(...args) as any[]).map(toRequest)
  }

  /** Requests still to be answered whose deadline is within `withinDays` days of `asOf`, or past it. */
  due(asOf: string, withinDays = 5): ReleaseRequest[] {
    const limit = addDays(asOf, withinDays)
    return (
      this.db
        .prepare(
          `SELECT * FROM release_requests WHERE status IN ('open','packaged') AND due_date IS NOT NULL AND due_date <= ? ORDER BY due_date, id`,
        )
        .all(limit) as any[]
    ).map(toRequest)
  }

  recordCheck(id: number, result: unknown, refused: boolean): void {
    this.db
      .prepare(
        `UPDATE release_requests SET check_result = ?, status = CASE WHEN status IN ('open','refused') THEN ? ELSE status END, updated_at = ? WHERE id = ?`,
      )
      .run(JSON.stringify(result), refused ? 'refused' : 'open', new Date().toISOString(), id)
  }

  recordPackage(id: number, p: { key: string; pages: number; documentIds: number[]; authorizationId: number | null }): void {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `UPDATE release_requests SET status = 'packaged', package_key = ?, package_pages = ?, package_documents = ?, packaged_at = ?, authorization_id = ?, updated_at = ? WHERE id = ?`,
      )
      .run(p.key, p.pages, JSON.stringify(p.documentIds), now, p.authorizationId, now, id)
  }

  /** Records that the requester's identity was checked (a patient or their representative). */
  recordIdentityVerified(id: number): void {
    this.db.prepare('UPDATE release_requests SET identity_verified = 1, updated_at = ? WHERE id = ?').run(new Date().toISOString(), id)
  }

  recordSent(id: number, s: { to: string; on: string; by: string }): void {
    this.db
      .prepare(`UPDATE release_requests SET status = 'sent', sent_to = ?, sent_at = ?, sent_by = ?, updated_at = ? WHERE id = ?`)
      .run(s.to, s.on, s.by, new Date().toISOString(), id)
  }

  revoke(authorizationId: number, revokedOn: string, by: string, note?: string): Revocation {
    const info = this.db
      .prepare('INSERT INTO roi_revocations (authorization_id, revoked_on, recorded_by, note, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(authorizationId, revokedOn, by, note ?? null, new Date().toISOString())
    return { id: Number(info.lastInsertRowid), authorizationId, revokedOn, recordedBy: by, note: note ?? null }
  }

  /** The earliest revocation of the authorization in force on `asOf`, if any. */
  revocation(authorizationId: number, asOf: string): Revocation | undefined {
    const r = this.db
      .prepare('SELECT * FROM roi_revocations WHERE authorization_id = ? AND revoked_on <= ? ORDER BY revoked_on, id LIMIT 1')
      .get(authorizationId, asOf) as any
    return r
      ? { id: r.id, authorizationId: r.authorization_id, revokedOn: r.revoked_on, recordedBy: r.recorded_by, note: r.note }
      : undefined
  }

  logDisclosure(d: Omit<Disclosure, 'id' | 'createdAt' | 'releaseNumber'>): Disclosure {
    const now = new Date().toISOString()
    const info = this.db
      .prepare(
        `INSERT INTO disclosures (request_id, patient_mrn, disclosed_on, recipient_name, recipient_address, description, purpose, requester_type,
           authorization_id, accountable, pages, package_key, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.requestId,
        d.patientMrn,
        d.disclosedOn,
        d.recipientName,
        d.recipientAddress,
        d.description,
        d.purpose,
        d.requesterType,
        d.authorizationId,
        d.accountable ? 1 : 0,
        d.pages,
        d.packageKey,
        d.recordedBy,
        now,
      )
    return { ...d, id: Number(info.lastInsertRowid), releaseNumber: releaseNumber(d.requestId), createdAt: now }
  }

  /** Every logged disclosure of the chart (accountable or not), oldest first. */
  disclosures(mrn: string): Disclosure[] {
    return (this.db.prepare('SELECT * FROM disclosures WHERE patient_mrn = ? ORDER BY disclosed_on, id').all(mrn) as any[]).map(
      toDisclosure,
    )
  }

  /** The accounting of disclosures: accountable disclosures from `asOf` back `years` years (default six). */
  accounting(mrn: string, asOf: string, years = 6): Disclosure[] {
    const from = addYears(asOf, -years)
    return (
      this.db
        .prepare(
          'SELECT * FROM disclosures WHERE patient_mrn = ? AND accountable = 1 AND disclosed_on >= ? AND disclosed_on <= ? ORDER BY disclosed_on, id',
        )
        .all(mrn, from, asOf) as any[]
    ).map(toDisclosure)
  }
}

function toRequest(r: any): ReleaseRequest {
  return {
    id: r.id,
    releaseNumber: releaseNumber(r.id),
    patientMrn: r.patient_mrn,
    requester: r.requester,
    requesterType: r.requester_type,
    recipientName: r.recipient_name,
    recipientAddress: r.recipient_address,
    purpose: r.purpose,
    docTypes: JSON.parse(r.doc_types),
    dateFrom: r.date_from,
    dateTo: r.date_to,
    documentIds: JSON.parse(r.document_ids),
    requestDate: r.request_date,
    dueDate: r.due_date,
    authorizationId: r.authorization_id,
    identityVerified: !!r.identity_verified,
    status: r.status,
    checkResult: r.check_result ? JSON.parse(r.check_result) : null,
    packageKey: r.package_key,
    packagePages: r.package_pages,
    packageDocuments: r.package_documents ? JSON.parse(r.package_documents) : [],
    packagedAt: r.packaged_at,
    sentTo: r.sent_to,
    sentAt: r.sent_at,
    sentBy: r.sent_by,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function toDisclosure(r: any): Disclosure {
  return {
    id: r.id,
    requestId: r.request_id,
    releaseNumber: releaseNumber(r.request_id),
    patientMrn: r.patient_mrn,
    disclosedOn: r.disclosed_on,
    recipientName: r.recipient_name,
    recipientAddress: r.recipient_address,
    description: r.description,
    purpose: r.purpose,
    requesterType: r.requester_type,
    authorizationId: r.authorization_id,
    accountable: !!r.accountable,
    pages: r.pages,
    packageKey: r.package_key,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  }
}
