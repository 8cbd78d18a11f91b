/**
 * Roles and what each may do at the web desk. A user holds one or more roles; what they may
 * do is the union.
 *
 * - clerk: the review queue (settle type and patient), charts, deficiencies (mark completed),
 *   quarantine (retry), search, CSV export.
 * - lead: what a clerk may, plus the rule set page and deficiency decisions (verify, waive, reject, reopen).
 *   Clerk and lead also handle release of information requests (release.manage).
 * - provider: charts of the patients whose documents are routed to them (their own patients), and
 *   marking those deficiencies completed.
 * - auditor: read-only everywhere a clerk or lead reads, plus the audit log.
 * - admin: accounts (add, disable, reset passwords); no patient records unless also given another role.
 */
export const ROLES = ['clerk', 'lead', 'provider', 'auditor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'desk.view', // dashboard counts (no patient data)
  'records.view', // documents, charts, review queue, deficiencies, search (provider: their patients only)
  'review.settle',
  'deficiency.complete',
  'deficiency.decide', // verify, waive, reject, reopen
  'export', // CSV and printable reports
  'rules.view',
  'quarantine.view',
  'quarantine.retry',
  'quarantine.discard', // move a file that will never be read to the discard folder, with a reason
  'audit.view',
  'users.manage',
  'routing.acknowledge', // a clinician's queue of reports routed to them, marked reviewed
  'routing.oversee', // reports routed and not acknowledged in time (escalations)
  'release.manage', // release of information: requests, packages, sent, accounting of disclosures
] as const
export type Permission = (typeof PERMISSIONS)[number]

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  clerk: [
    'desk.view',
    'records.view',
    'review.settle',
    'deficiency.complete',
    'export',
    'quarantine.view',
    'quarantine.retry',
    'release.manage',
  ],
  lead: [
    'desk.view',
    'records.view',
    'review.settle',
    'deficiency.complete',
    'deficiency.decide',
    'export',
    'rules.view',
    'quarantine.view',
    'quarantine.retry',
    'quarantine.discard',
    'routing.oversee',
    'release.manage',
  ],
  provider: ['desk.view', 'records.view', 'deficiency.complete', 'routing.acknowledge'],
  auditor: ['desk.view', 'records.view', 'export', 'rules.view', 'quarantine.view', 'audit.view'],
  admin: ['desk.view', 'users.manage'],
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s)
}

export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  return new Set(roles.flatMap((r) => GRANTS[r]))
}

export function can(roles: readonly Role[], p: Permission): boolean {
  return roles.some((r) => GRANTS[r].includes(p))
}

/**
 * Whether the user's view of records is limited to their own patients (a provider who holds
 * no wider role).
 */
export function limitedToOwnPatients(roles: readonly Role[]): boolean {
  return roles.includes('provider') && !roles.some((r) => r === 'clerk' || r === 'lead' || r === 'auditor')
}

/** Parses `clerk,lead` (or several --role options) into roles; throws on an unknown one. */
export function parseRoles(input: string | readonly string[]): Role[] {
  const parts = (Array.isArray(input) ? input : [input])
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
  const bad = parts.filter((p) => !isRole(p))
  if (bad.length) throw new Error(`unknown role ${bad.join(', ')}; roles are ${ROLES.join(', ')}`)
  return [...new Set(parts)] as Role[]
}
