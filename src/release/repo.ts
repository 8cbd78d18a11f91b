/**
 * Release-of-information requests, revocations of authorizations, and the
 * disclosure log behind the accounting of disclosures (45 CFR 164.528).
 */
import { addDays, addYears } from '../clock/calendar.js'
import type { Selectable } from 'kysely'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { DisclosuresTable, ReleaseRequestsTable } from '../catalog/sql/tables.js'
import type { CatalogHandle } from '../catalog/sql/write.js'
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

/**
 * On either catalog engine (src/catalog/sql/open.ts). `handle`: a transaction to work in
 * (src/catalog/sql/write.ts), when a step writes the request and the disclosure log together.
 *
 * @example
 *   const repo = new ReleaseRepo(app.sql)
 *   const r = await repo.create({ patientMrn: 'CC-100418', requester: 'Michael Johnson', requesterType: 'patient', ... })
 *   await repo.accounting('CC-100418', '2026-12-07')
 */
export class ReleaseRepo {
  private readonly db: CatalogHandle

  constructor(catalog: SqlCatalog, handle?: CatalogHandle) {
    this.db = handle ?? catalog.db
  }

  async create(r: NewReleaseRequest): Promise<ReleaseRequest> {
    const now = new Date().toISOString()
    const due = r.requesterType === 'patient' ? addDays(r.requestDate, ACCESS_DUE_DAYS) : null
    const { id } = await this.db
      .insertInto('release_requests')
      .values({
        patient_mrn: r.patientMrn,
        requester: r.requester,
        requester_type: r.requesterType,
        recipient_name: r.recipientName,
        recipient_address: r.recipientAddress ?? '',
        purpose: r.purpose,
        doc_types: JSON.stringify(r.docTypes ?? []),
        date_from: r.dateFrom ?? null,
        date_to: r.dateTo ?? null,
        document_ids: JSON.stringify(r.documentIds ?? []),
        request_date: r.requestDate,
        due_date: due,
        authorization_id: r.authorizationId ?? null,
        identity_verified: r.identityVerified ? 1 : 0,
        status: 'open',
        created_by: r.createdBy,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return (await this.get(Number(id)))!
  }

  async get(id: number): Promise<ReleaseRequest | undefined> {
    const row = await this.db.selectFrom('release_requests').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? toRequest(row) : undefined
  }

  async require(id: number): Promise<ReleaseRequest> {
    const r = await this.get(id)
    if (!r)
      throw new ChartclerkError('NOT_FOUND', `There is no release request ${releaseNumber(id)}.`, {
        cliHint: '"chartclerk release list --all" shows them.',
      })
    return r
  }

  async list(opts: { status?: ReleaseStatus[]; mrn?: string } = {}): Promise<ReleaseRequest[]> {
    let q = this.db.selectFrom('release_requests').selectAll()
    if (opts.status?.length) q = q.where('status', 'in', opts.status)
    if (opts.mrn) q = q.where('patient_mrn', '=', opts.mrn)
    return (await q.orderBy('id').execute()).map(toRequest)
  }

  /** Requests still to be answered whose deadline is within `withinDays` days of `asOf`, or past it. */
  async due(asOf: string, withinDays = 5): Promise<ReleaseRequest[]> {
    const rows = await this.db
      .selectFrom('release_requests')
      .selectAll()
      .where('status', 'in', ['open', 'packaged'])
      .where('due_date', 'is not', null)
      .where('due_date', '<=', addDays(asOf, withinDays))
      .orderBy('due_date')
      .orderBy('id')
      .execute()
    return rows.map(toRequest)
  }

  async recordCheck(id: number, result: unknown, refused: boolean): Promise<void> {
    await this.db
      .updateTable('release_requests')
      .set((eb) => ({
        check_result: JSON.stringify(result),
        status: eb
          .case()
          .when('status', 'in', ['open', 'refused'])
          .then(refused ? 'refused' : 'open')
          .else(eb.ref('status'))
          .end(),
        updated_at: new Date().toISOString(),
      }))
      .where('id', '=', id)
      .execute()
  }

  async recordPackage(id: number, p: { key: string; pages: number; documentIds: number[]; authorizationId: number | null }): Promise<void> {
    const now = new Date().toISOString()
    await this.db
      .updateTable('release_requests')
      .set({
        status: 'packaged',
        package_key: p.key,
        package_pages: p.pages,
        package_documents: JSON.stringify(p.documentIds),
        packaged_at: now,
        authorization_id: p.authorizationId,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
  }

  /** Records that the requester's identity was checked (a patient or their representative). */
  async recordIdentityVerified(id: number): Promise<void> {
    await this.db
      .updateTable('release_requests')
      .set({ identity_verified: 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute()
  }

  async recordSent(id: number, s: { to: string; on: string; by: string }): Promise<void> {
    await this.db
      .updateTable('release_requests')
      .set({ status: 'sent', sent_to: s.to, sent_at: s.on, sent_by: s.by, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute()
  }

  async revoke(authorizationId: number, revokedOn: string, by: string, note?: string): Promise<Revocation> {
    const { id } = await this.db
      .insertInto('roi_revocations')
      .values({
        authorization_id: authorizationId,
        revoked_on: revokedOn,
        recorded_by: by,
        note: note ?? null,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id: Number(id), authorizationId, revokedOn, recordedBy: by, note: note ?? null }
  }

  /** The earliest revocation of the authorization in force on `asOf`, if any. */
  async revocation(authorizationId: number, asOf: string): Promise<Revocation | undefined> {
    const r = await this.db
      .selectFrom('roi_revocations')
      .selectAll()
      .where('authorization_id', '=', authorizationId)
      .where('revoked_on', '<=', asOf)
      .orderBy('revoked_on')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
    return r
      ? { id: Number(r.id), authorizationId: Number(r.authorization_id), revokedOn: r.revoked_on, recordedBy: r.recorded_by, note: r.note }
      : undefined
  }

  async logDisclosure(d: Omit<Disclosure, 'id' | 'createdAt' | 'releaseNumber'>): Promise<Disclosure> {
    const now = new Date().toISOString()
    const { id } = await this.db
      .insertInto('disclosures')
      .values({
        request_id: d.requestId,
        patient_mrn: d.patientMrn,
        disclosed_on: d.disclosedOn,
        recipient_name: d.recipientName,
        recipient_address: d.recipientAddress,
        description: d.description,
        purpose: d.purpose,
        requester_type: d.requesterType,
        authorization_id: d.authorizationId,
        accountable: d.accountable ? 1 : 0,
        pages: d.pages,
        package_key: d.packageKey,
        recorded_by: d.recordedBy,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { ...d, id: Number(id), releaseNumber: releaseNumber(d.requestId), createdAt: now }
  }

  /** Every logged disclosure of the chart (accountable or not), oldest first. */
  async disclosures(mrn: string): Promise<Disclosure[]> {
    const rows = await this.db
      .selectFrom('disclosures')
      .selectAll()
      .where('patient_mrn', '=', mrn)
      .orderBy('disclosed_on')
      .orderBy('id')
      .execute()
    return rows.map(toDisclosure)
  }

  /** The accounting of disclosures: accountable disclosures from `asOf` back `years` years (default six). */
  async accounting(mrn: string, asOf: string, years = 6): Promise<Disclosure[]> {
    const rows = await this.db
      .selectFrom('disclosures')
      .selectAll()
      .where('patient_mrn', '=', mrn)
      .where('accountable', '=', 1)
      .where('disclosed_on', '>=', addYears(asOf, -years))
      .where('disclosed_on', '<=', asOf)
      .orderBy('disclosed_on')
      .orderBy('id')
      .execute()
    return rows.map(toDisclosure)
  }
}

function toRequest(r: Selectable<ReleaseRequestsTable>): ReleaseRequest {
  return {
    id: Number(r.id),
    releaseNumber: releaseNumber(Number(r.id)),
    patientMrn: r.patient_mrn,
    requester: r.requester,
    requesterType: r.requester_type as RequesterType,
    recipientName: r.recipient_name,
    recipientAddress: r.recipient_address,
    purpose: r.purpose,
    docTypes: JSON.parse(r.doc_types) as string[],
    dateFrom: r.date_from ?? null,
    dateTo: r.date_to ?? null,
    documentIds: JSON.parse(r.document_ids) as number[],
    requestDate: r.request_date,
    dueDate: r.due_date ?? null,
    authorizationId: r.authorization_id === null ? null : Number(r.authorization_id),
    identityVerified: !!Number(r.identity_verified),
    status: r.status as ReleaseStatus,
    checkResult: r.check_result ? (JSON.parse(r.check_result) as unknown) : null,
    packageKey: r.package_key ?? null,
    packagePages: r.package_pages === null ? null : Number(r.package_pages),
    packageDocuments: r.package_documents ? (JSON.parse(r.package_documents) as number[]) : [],
    packagedAt: r.packaged_at ?? null,
    sentTo: r.sent_to ?? null,
    sentAt: r.sent_at ?? null,
    sentBy: r.sent_by ?? null,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

function toDisclosure(r: Selectable<DisclosuresTable>): Disclosure {
  return {
    id: Number(r.id),
    requestId: Number(r.request_id),
    releaseNumber: releaseNumber(Number(r.request_id)),
    patientMrn: r.patient_mrn,
    disclosedOn: r.disclosed_on,
    recipientName: r.recipient_name,
    recipientAddress: r.recipient_address,
    description: r.description,
    purpose: r.purpose,
    requesterType: r.requester_type as RequesterType,
    authorizationId: r.authorization_id === null ? null : Number(r.authorization_id),
    accountable: !!Number(r.accountable),
    pages: r.pages === null ? null : Number(r.pages),
    packageKey: r.package_key ?? null,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  }
}
