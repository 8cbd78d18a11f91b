/**
 * What the web desk is built from. `buildWebApp(deps)` takes these and nothing else, so tests
 * build the whole desk in-process over a scratch catalog and call `app.request()`.
 */
import type { AuditLog } from '../audit/log.js'
import type { LoginLimiter } from '../auth/loginLimiter.js'
import type { SessionStore } from '../auth/sessions.js'
import type { UserAccounts } from '../auth/users.js'
import type { Catalog } from '../catalog/db.js'
import type { SqlCatalog } from '../catalog/sql/open.js'
import type { Clock } from '../clock/clock.js'
import type { Config } from '../config/config.js'
import type { Logger } from '../log.js'
import type { NodesRepo } from '../nodes/registry.js'
import type { DocumentType, Patient } from '../model/types.js'
import type { RuleSetStatus } from '../rules/hotReload.js'
import type { RulesInForce } from '../rules/inForce.js'
import type { RuleSet } from '../rules/types.js'
import type { ObjectStore } from '../storage/objectStore.js'
import type { TrustedProxies } from './proxy.js'

/** The patient index as the desk reads it. */
export interface PatientDirectory {
  get(mrn: string): Promise<Patient | undefined>
  /** Patients whose MRN, family name or "family, given" starts with what was typed. */
  find(query: string, limit: number): Promise<Patient[]>
}

/** What a person decided about a document in the review queue. */
export interface SettleChoice {
  mrn: string
  docType: DocumentType
  /** The user name of who settled it. */
  by: string
  note?: string | null
}

/**
 * Settling a review item: the document is filed in the chosen chart with the chosen type
 * (`patient_mrn`, `doc_type`, status `filed`, an event). Throws ChartclerkError USAGE, CONFLICT
 * or NOT_FOUND with what to do when it cannot file it; once filed it never throws.
 */
export interface ReviewActions {
  settle(documentId: number, choice: SettleChoice): SettleResult | Promise<SettleResult>
  /** Matches every document waiting in review again (src/review/rematch.ts); absent when the desk cannot. */
  rematch?(): Promise<{ examined: number; filed: number[]; waiting: number; failed: readonly unknown[] }>
  /** Splits a stack that waits in review at the pages given (src/split/settleSplit.ts); absent when the desk cannot. */
  split?(
    documentId: number,
    starts: number[],
    by: string,
  ): Promise<{ documentId: number; split: { from: number; to: number }; status: string }[]>
}

/** What did not follow the filing (routing, the chart check...): the document stays filed; each message says what to do. */
export type SettleResult = void | { problems: readonly { step: string; message: string }[] }

/** The rule set in force and the last refused edit (a RuleSetWatcher fits). */
export interface RuleStatusSource {
  readonly current: RuleSet | null
  status(): RuleSetStatus
}

export interface WebDeps {
  config: Readonly<Config>
  catalog: Catalog
  /** The catalog through the query builder (the same SQLite file, or the PostgreSQL catalog desks share): deficiencies and rule set versions. */
  sql: SqlCatalog
  store: ObjectStore
  /** The main store and the archive of inactive charts as one: what the viewer and releases read from. */
  storeWithArchive: ObjectStore
  log: Logger
  rules: RuleStatusSource | null
  /** Every kind of rule file in force (protected categories for releases, refused edits for the rules page). */
  ruleFiles?: RulesInForce | null
  patients: PatientDirectory
  review: ReviewActions
  /** Accounts and sessions: in the catalog, shared by every desk on the same PostgreSQL catalog. */
  users: UserAccounts
  sessions: SessionStore
  audit: AuditLog
  /** Failed sign-ins: counted in the catalog, shared by every desk on the same PostgreSQL catalog. */
  limiter: LoginLimiter
  /** Mark cookies Secure (when the desk is served over HTTPS, e.g. behind a TLS proxy). Default false. */
  secureCookies?: boolean
  /** Proxies whose X-Forwarded-For names the client (web.trustProxy); none by default. */
  trustProxy?: TrustedProxies
  /** The clinic's clock: every date and time the desk shows or counts by. */
  clock: Clock
  /** The running chartclerk processes and their rule sets (absent: the dashboard does not compare them). */
  nodes?: NodesRepo | null
}
