/**
 * The catalog's tables as the query builder sees them (Kysely's `Database` type): those whose
 * repositories run on both engines, one definition each (the rest, such as the job rows, are still
 * reached with better-sqlite3, see ./open.ts).
 *
 * Column types are what both engines return: integers as numbers (PostgreSQL's int8 is read as
 * a number, see ./open.ts), flags as 0/1, times as ISO-8601 text.
 */
import type { Generated } from 'kysely'

export interface UsersTable {
  id: Generated<number>
  username: string
  display_name: string | null
  /** Comma-separated roles. */
  roles: string
  provider_name: string | null
  password_hash: string
  must_change_password: Generated<number>
  disabled: Generated<number>
  created_at: string
  updated_at: string
  password_changed_at: string | null
  last_login_at: string | null
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token. */
  id: string
  user_id: number
  csrf_token: string
  created_at: string
  last_seen_at: string
  expires_at: string
  ip: string | null
}

/** One failed sign-in per count it belongs to (migration 21); see src/auth/loginLimiter.ts. */
export interface LoginFailuresTable {
  id: Generated<number>
  /** 'account' or 'address'. */
  kind: string
  /** The user name as typed, trimmed and lower-cased; or the client's real address. */
  subject: string
  failed_at: string
}

/** Append-only (a trigger refuses UPDATE, DELETE and, on PostgreSQL, TRUNCATE); see src/audit/log.ts. */
export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor: string
  action: string
  target_kind: string | null
  target_id: string | null
  patient_mrn: string | null
  /** Stable JSON (keys sorted): hashed as written. */
  detail: string
  source: string | null
  outcome: string
  prev_hash: string
  hash: string
}

/** One row per chartclerk process (`host:role:pid`), refreshed by its heartbeat; see src/nodes/. */
export interface NodesTable {
  id: string
  host: string
  role: string
  pid: number
  site: string | null
  ruleset_version: string | null
  started_at: string
  last_seen_at: string
  stopped_at: string | null
}

/** One row per deficiency; at most one active (open or completed) per chart, rule and subject; see src/deficiencies/repo.ts. */
export interface DeficienciesTable {
  id: Generated<number>
  chart_mrn: string
  rule_id: string
  /** '' for the chart itself. */
  subject: string
  document_id: string | null
  kind: string
  severity: string
  message: string
  page: number | null
  rule_version: number
  ruleset_version: string
  status: string
  assigned_to: string | null
  created_at: string
  updated_at: string
  last_seen_at: string | null
  last_seen_ruleset: string | null
  completed_by: string | null
  completed_at: string | null
  decided_by: string | null
  decided_at: string | null
  status_reason: string | null
}

/** Append-only (triggers refuse UPDATE and DELETE). */
export interface DeficiencyHistoryTable {
  id: Generated<number>
  deficiency_id: number
  at: string
  by: string
  from_status: string | null
  to_status: string
  reason: string | null
  ruleset_version: string | null
}

/** Rule set versions numbered for people ("rule set 3 of 2026-12-01"); see src/deficiencies/rulesetVersions.ts. */
export interface RulesetVersionsTable {
  number: Generated<number>
  version: string
  first_used_at: string
}

/** Each chart's last check: when, by whom, under which rule set (also when it found nothing). */
export interface ChartChecksTable {
  chart_mrn: string
  checked_at: string
  checked_by: string
  ruleset_version: string
}

/** Records requests to outside facilities (src/reports/notices.ts); one per deficiency. */
export interface RecordsRequestsTable {
  /** Given by the repository (the tracking number is made from it). */
  id: number
  tracking_number: string
  deficiency_id: number
  chart_mrn: string
  document_id: string | null
  facility: string
  /** JSON array of strings. */
  dates_of_service: string
  /** JSON array of strings. */
  documents_needed: string
  status: string
  created_at: string
  printed_at: string | null
  sent_at: string | null
  sent_by: string | null
  due_date: string | null
  follow_ups: Generated<number>
  last_follow_up_at: string | null
  received_at: string | null
  received_by: string | null
  closed_reason: string | null
  updated_at: string
}

/** Append-only (triggers refuse UPDATE and DELETE). */
export interface RecordsRequestHistoryTable {
  id: Generated<number>
  request_id: number
  at: string
  by: string
  action: string
  note: string | null
}

/** Release-of-information requests (src/release/repo.ts). */
export interface ReleaseRequestsTable {
  id: Generated<number>
  patient_mrn: string
  requester: string
  requester_type: string
  recipient_name: string
  recipient_address: string
  purpose: string
  /** JSON array. */
  doc_types: string
  date_from: string | null
  date_to: string | null
  /** JSON array. */
  document_ids: string
  request_date: string
  due_date: string | null
  authorization_id: number | null
  /** 0 or 1. */
  identity_verified: number
  status: string
  check_result: string | null
  package_key: string | null
  package_pages: number | null
  package_documents: string | null
  packaged_at: string | null
  sent_to: string | null
  sent_at: string | null
  sent_by: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export interface RoiRevocationsTable {
  id: Generated<number>
  authorization_id: number
  revoked_on: string
  recorded_by: string
  note: string | null
  created_at: string
}

/** The disclosure log behind the accounting of disclosures; refuses DELETE. */
export interface DisclosuresTable {
  id: Generated<number>
  request_id: number
  patient_mrn: string
  disclosed_on: string
  recipient_name: string
  recipient_address: string
  description: string
  purpose: string
  requester_type: string
  authorization_id: number | null
  /** 0 or 1. */
  accountable: number
  pages: number | null
  package_key: string | null
  recorded_by: string
  created_at: string
}

/** Legal holds (src/retention/holds.ts): a hold is lifted by setting removed_*, never deleted. */
export interface LegalHoldsTable {
  id: Generated<number>
  patient_mrn: string
  reason: string
  placed_by: string
  placed_at: string
  removed_at: string | null
  removed_by: string | null
  removal_reason: string | null
}

/** The appointment schedule for chart prep (src/prep/schedule.ts). */
export interface AppointmentsTable {
  id: Generated<number>
  /** The scheduling system's id; unique when given. Without one, (date, mrn, time) is unique. */
  external_id: string | null
  date: string
  /** HH:MM, or '' when the export has no time. */
  time: string
  mrn: string
  provider: string | null
  visit_type: string | null
  status: string | null
  source: string
  imported_at: string
  updated_at: string
}

/** Documents (src/catalog/documents.ts). */
export interface DocumentsTable {
  id: Generated<number>
  sha256: string
  size: number
  content_type: string
  original_name: string
  source_folder: Generated<string>
  received_at: string
  status: string
  page_count: number | null
  text_source: string | null
  text_length: number | null
  ocr_confidence: number | null
  doc_type: string | null
  type_confidence: number | null
  patient_mrn: string | null
  /** JSON array of strings. */
  review_reasons: string | null
  /** JSON object. */
  details: string | null
  error_code: string | null
  error_message: string | null
  batch_sha256: string | null
  page_from: number | null
  page_to: number | null
  pages_key: string | null
  created_at: string
  updated_at: string
}

/** A document's pages and their text. On PostgreSQL also `text_search` (tsvector), kept by the server. */
export interface PagesTable {
  document_id: number
  page_no: number
  source: string
  text: string
  ocr_confidence: number | null
  deskew_angle: number | null
  width: number | null
  height: number | null
  word_count: Generated<number>
}

/** SQLite only: the FTS5 index of page text (PostgreSQL searches pages.text_search). */
export interface PagesFtsTable {
  text: string
  document_id: number
  page_no: number
}

export interface ReceiptsTable {
  id: Generated<number>
  document_id: number
  claim_id: string
  received_at: string
  original_name: string
  source_folder: Generated<string>
  /** 0 or 1. */
  is_repeat: Generated<number>
  site: string | null
}

/** The append-only event log (src/catalog/events.ts). */
export interface EventsTable {
  id: Generated<number>
  at: string
  kind: string
  document_id: number | null
  /** JSON object. */
  data: Generated<string>
}

/** The patient index (src/catalog/patients.ts). */
export interface PatientsTable {
  mrn: string
  mrn_key: string
  family_name: string
  given_name: string
  middle_name: string | null
  birth_date: string
  sex: string | null
  /** 0 or 1. */
  deceased: Generated<number>
  deceased_date: string | null
  primary_provider: string | null
  created_at: string
  updated_at: string
}

export interface PatientNameKeysTable {
  key: string
  mrn: string
}

/** What people decided in review (src/catalog/settlements.ts). */
export interface SettlementsTable {
  id: Generated<number>
  document_id: number
  doc_type: string
  patient_mrn: string
  proposed_type: string | null
  proposed_mrn: string | null
  settled_by: string
  settled_at: string
  note: string | null
}

/** Outside reports routed to clinicians (src/routing/repo.ts); one per document and provider. */
export interface RoutesTable {
  id: Generated<number>
  document_id: number
  provider: string
  rule_id: string | null
  routed_at: string
  acknowledged_at: string | null
  acknowledged_by: string | null
}

/** Charts made inactive, their objects moved to the archive (src/inactive/repo.ts); the row goes when the chart comes back. */
export interface InactiveChartsTable {
  mrn: string
  /** YYYY-MM-DD. */
  inactive_since: string
  /** 'no_activity' or 'deceased'. */
  reason: string
  last_activity: string | null
  objects: Generated<number>
  marked_by: string
  marked_at: string
}

/** Certificates of destruction (src/retention/destroyed.ts); `data` is the certificate as JSON. */
export interface DestructionCertificatesTable {
  id: Generated<number>
  certificate_number: string
  destroyed_on: string
  destroyed_by: string
  approved_by: string
  method: string
  /** The retention schedule's jurisdiction. */
  schedule: string
  html_key: string | null
  data: string
  created_at: string
}

/** What is kept of a destroyed document (its tombstone): enough to know it existed and when it was seen. */
export interface DestroyedDocumentsTable {
  document_id: number
  patient_mrn: string
  doc_type: string | null
  sha256: string
  original_name: string
  date_of_service: string | null
  received_at: string
  retain_until: string
  certificate_id: number
  destroyed_at: string
}

/** Received files that held several documents (src/split/batches.ts); the documents are their parts. */
export interface BatchesTable {
  sha256: string
  size: number
  content_type: string
  original_name: string
  received_at: string
  page_count: number
  /** JSON: the cuts as made and the parts. */
  plan: string
  split_by: string
  created_at: string
}

/** Every receipt of a batch, the first and each repeat; one per claim. */
export interface BatchReceiptsTable {
  id: Generated<number>
  batch_sha256: string
  claim_id: string
  received_at: string
  original_name: string
  source_folder: Generated<string>
  /** 0 or 1. */
  is_repeat: Generated<number>
}

/** The cuts people decided on the review page, beside those proposed (training data). */
export interface SplitDecisionsTable {
  id: Generated<number>
  batch_sha256: string
  /** JSON array of first pages. */
  proposed: string
  /** JSON array of first pages. */
  decided: string
  decided_by: string
  decided_at: string
}

/** The searchable PDFs owed: one row per scanned document until its PDF is stored (src/derived/pendingSearchable.ts). */
export interface SearchablePdfPendingTable {
  document_id: number
  queued_at: string
  attempts: Generated<number>
  last_error: string | null
}

export interface CatalogTables {
  users: UsersTable
  sessions: SessionsTable
  login_failures: LoginFailuresTable
  audit_log: AuditLogTable
  nodes: NodesTable
  deficiencies: DeficienciesTable
  deficiency_history: DeficiencyHistoryTable
  ruleset_versions: RulesetVersionsTable
  chart_checks: ChartChecksTable
  records_requests: RecordsRequestsTable
  records_request_history: RecordsRequestHistoryTable
  release_requests: ReleaseRequestsTable
  roi_revocations: RoiRevocationsTable
  disclosures: DisclosuresTable
  legal_holds: LegalHoldsTable
  appointments: AppointmentsTable
  documents: DocumentsTable
  pages: PagesTable
  pages_fts: PagesFtsTable
  receipts: ReceiptsTable
  events: EventsTable
  patients: PatientsTable
  patient_name_keys: PatientNameKeysTable
  settlements: SettlementsTable
  routes: RoutesTable
  inactive_charts: InactiveChartsTable
  destruction_certificates: DestructionCertificatesTable
  destroyed_documents: DestroyedDocumentsTable
  batches: BatchesTable
  batch_receipts: BatchReceiptsTable
  split_decisions: SplitDecisionsTable
  searchable_pdf_pending: SearchablePdfPendingTable
}
