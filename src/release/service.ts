/** What the release commands do, over an open App (used by the CLI and the tests alike). */
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import { writeTransaction } from '../catalog/sql/write.js'
import type { Clock } from '../clock/clock.js'
import type { Config } from '../config/config.js'
import { rulesDirOf } from '../rules/rulesDir.js'
import { dateOption } from '../cli/dates.js'
import { ChartclerkError } from '../errors.js'
import { checkRelease, type ReleaseCheck } from './check.js'
import { buildReleasePackage, docTypeLabel, type BuiltPackage, type PackageDeps } from './package.js'
import { loadProtectedCategories, type ProtectedCategory } from './protected.js'
import { REQUESTER_TYPES, ReleaseRepo, type Disclosure, type NewReleaseRequest, type ReleaseRequest, type RequesterType } from './repo.js'

/** `clock`: "today" for a check, a package or a sending is the clinic's date. */
export type ReleaseDeps = PackageDeps & CatalogDeps
/** What the commands that touch no object need; a running desk passes its rule files in force. */
export interface CatalogDeps {
  catalog: Catalog
  /** The catalog through the query builder (the same SQLite file, or PostgreSQL): where release requests and disclosures are. */
  sql: SqlCatalog
  config: Readonly<Config>
  clock: Clock
  ruleFiles?: { protectedCategoryList(): ProtectedCategory[] } | null
}

/** The protected categories in force where chartclerk runs (last good kept), else read now. */
export function protectedCategoriesOf(deps: CatalogDeps): ProtectedCategory[] {
  return deps.ruleFiles ? deps.ruleFiles.protectedCategoryList() : loadProtectedCategories(rulesDirOf(deps.config))
}

export function requesterType(v: string): RequesterType {
  const t = v.toLowerCase().replace(/[\s-]+/g, '_')
  const alias: Record<string, RequesterType> = {
    provider: 'treatment',
    law_enforcement: 'required_by_law',
    law: 'required_by_law',
    court: 'required_by_law',
  }
  const r = (alias[t] ?? t) as RequesterType
  if (!REQUESTER_TYPES.includes(r))
    throw new ChartclerkError('USAGE', `Requester type "${v}" is not one of: ${REQUESTER_TYPES.join(', ')} (or provider, law_enforcement).`)
  return r
}

/** A date option (YYYY-MM-DD, a real calendar day) or USAGE naming the option; see cli/dates.ts. */
export function isoDate(v: string | undefined, what: string): string | undefined {
  return dateOption(v, what)
}

export async function createRelease(deps: CatalogDeps, r: NewReleaseRequest): Promise<ReleaseRequest> {
  if (!(await deps.catalog.patients.get(r.patientMrn)))
    throw new ChartclerkError('NOT_FOUND', `There is no patient ${r.patientMrn} in the patient index.`)
  const needed = [
    ['requester', 'the requester', r.requester],
    ['recipient', 'the recipient', r.recipientName],
    ['purpose', 'the purpose', r.purpose],
    ['by', 'who records it', r.createdBy],
  ] as const
  for (const [flag, what, v] of needed)
    if (!v?.trim()) throw new ChartclerkError('USAGE', `A release request needs ${what}.`, { cliHint: `Give --${flag}.` })
  const req = await new ReleaseRepo(deps.sql).create(r)
  await deps.catalog.events.append('release.created', null, {
    release: req.releaseNumber,
    requesterType: req.requesterType,
    by: r.createdBy,
  })
  return req
}

/** Checks the request (as of `asOf`, default the clinic's today) and records the result: refused with reasons, or open. */
export async function checkReleaseRequest(
  deps: CatalogDeps,
  id: number,
  asOf = deps.clock.today(),
): Promise<{ request: ReleaseRequest; check: ReleaseCheck }> {
  const repo = new ReleaseRepo(deps.sql)
  const request = await repo.require(id)
  const check = await checkRelease(deps.catalog, repo, request, protectedCategoriesOf(deps), asOf, deps.clock.timeZone)
  if (request.status === 'open' || request.status === 'refused') {
    await repo.recordCheck(id, check, !check.allowed)
    await deps.catalog.events.append(check.allowed ? 'release.checked' : 'release.refused', null, {
      release: request.releaseNumber,
      allowed: check.allowed,
      missingElements: check.missingElements,
      authorizationId: check.authorizationId,
    })
  }
  return { request: await repo.require(id), check }
}

/**
 * Records to the patient, or to whoever asks as the patient (a personal representative), go
 * out only once the requester's identity is verified: until then the request is held.
 */
export function needsIdentity(r: Pick<ReleaseRequest, 'requesterType' | 'identityVerified'>): boolean {
  return r.requesterType === 'patient' && !r.identityVerified
}

function requireIdentity(r: ReleaseRequest, step: string): void {
  if (!needsIdentity(r)) return
  throw new ChartclerkError(
    'REFUSED',
    `Release ${r.releaseNumber} is held: it goes to the patient or their representative (${r.requester}), and their identity is not verified, so it cannot be ${step}. ` +
      `Check the requester's photo ID (and, for a representative, the papers that make them one), then record it with "Identity verified" on the request's page.`,
    { cliHint: `On the command line: "chartclerk release verify-identity ${r.id} --by NAME".` },
  )
}

/** The requester's identity was checked: the request is no longer held. */
export async function verifyReleaseIdentity(deps: CatalogDeps, id: number, v: { by: string; how?: string }): Promise<ReleaseRequest> {
  const repo = new ReleaseRepo(deps.sql)
  const request = await repo.require(id)
  if (!v.by.trim()) throw new ChartclerkError('USAGE', 'Say who verified the identity.', { cliHint: 'Give --by NAME.' })
  if (request.status === 'sent' || request.status === 'cancelled')
    throw new ChartclerkError('CONFLICT', `Release ${request.releaseNumber} is ${request.status}; there is nothing to verify.`)
  if (!request.identityVerified) {
    await repo.recordIdentityVerified(id)
    await deps.catalog.events.append('release.identity_verified', null, { release: request.releaseNumber, by: v.by, how: v.how ?? null })
  }
  return repo.require(id)
}

export async function packageRelease(
  deps: ReleaseDeps,
  id: number,
  asOf = deps.clock.today(),
): Promise<{ request: ReleaseRequest; check: ReleaseCheck; pkg: BuiltPackage }> {
  const { request, check } = await checkReleaseRequest(deps, id, asOf)
  if (request.status === 'sent' || request.status === 'cancelled')
    throw new ChartclerkError('CONFLICT', `Release ${request.releaseNumber} is ${request.status}; it is not packaged again.`)
  requireIdentity(request, 'packaged')
  const pkg = await buildReleasePackage(deps, request, check, { on: asOf })
  const repo = new ReleaseRepo(deps.sql)
  await repo.recordPackage(id, { key: pkg.key, pages: pkg.pages, documentIds: pkg.documentIds, authorizationId: check.authorizationId })
  await deps.catalog.events.append('release.packaged', null, {
    release: request.releaseNumber,
    pages: pkg.pages,
    documents: pkg.documentIds,
    key: pkg.key,
  })
  return { request: await repo.require(id), check, pkg }
}

/** The package went out: when, to whom; the disclosure is logged (accountable or not). */
export async function markReleaseSent(
  deps: CatalogDeps,
  id: number,
  s: { to?: string; on?: string; by: string },
): Promise<{ request: ReleaseRequest; disclosure: Disclosure }> {
  const repo = new ReleaseRepo(deps.sql)
  const request = await repo.require(id)
  if (request.status !== 'packaged')
    throw new ChartclerkError('CONFLICT', `Release ${request.releaseNumber} is ${request.status}; build its package first.`, {
      cliHint: `"chartclerk release package ${id}" builds it.`,
    })
  requireIdentity(request, 'sent')
  if (!s.by.trim()) throw new ChartclerkError('USAGE', 'Say who sent it.', { cliHint: 'Give --by NAME.' })
  const on = s.on ?? deps.clock.today()
  const to = s.to?.trim() || request.recipientName
  const check = request.checkResult as ReleaseCheck
  const sentDocs = new Set(request.packageDocuments)
  const description =
    check.documents
      .filter((d) => sentDocs.has(d.id))
      .map((d) => `${docTypeLabel(d.docType)}${d.date ? ` (${d.date})` : ''}`)
      .join('; ') || 'records'
  // The request marked sent and its disclosure logged together (or neither). On SQLite the event
  // joins the same transaction (one connection); on PostgreSQL it follows the commit's turn.
  const disclosure = await writeTransaction(deps.sql, `release ${id}`, async (trx) => {
    const inTrx = new ReleaseRepo(deps.sql, trx)
    await inTrx.recordSent(id, { to, on, by: s.by })
    const logged = await inTrx.logDisclosure({
      requestId: id,
      patientMrn: request.patientMrn,
      disclosedOn: on,
      recipientName: to,
      recipientAddress: request.recipientAddress,
      description,
      purpose: request.purpose,
      requesterType: request.requesterType,
      authorizationId: check.authorizationId,
      accountable: check.accountable,
      pages: request.packagePages,
      packageKey: request.packageKey,
      recordedBy: s.by,
    })
    await deps.catalog.events.append('release.sent', null, { release: request.releaseNumber, on, by: s.by, accountable: check.accountable })
    return logged
  })
  return { request: await repo.require(id), disclosure }
}

export async function revokeAuthorization(deps: CatalogDeps, authorizationId: number, r: { on?: string; by: string; note?: string }) {
  const doc = await deps.catalog.documents.get(authorizationId)
  if (!doc || doc.docType !== 'roi_authorization')
    throw new ChartclerkError('NOT_FOUND', `Document ${authorizationId} is not an authorization.`)
  if (!r.by.trim()) throw new ChartclerkError('USAGE', 'Say who records the revocation.', { cliHint: 'Give --by NAME.' })
  const rev = await new ReleaseRepo(deps.sql).revoke(authorizationId, r.on ?? deps.clock.today(), r.by, r.note)
  await deps.catalog.events.append('release.authorization_revoked', authorizationId, { on: rev.revokedOn, by: r.by })
  return rev
}
