/**
 * Catalog migration 11 (registered in src/catalog/migrations/index.ts): the audit log.
 *
 * Append-only (triggers refuse UPDATE and DELETE) and tamper-evident: each row carries the
 * SHA-256 of the row before it (`prev_hash`) and its own (`hash`, over its content and
 * `prev_hash`), so an edited or deleted row breaks the chain at that point
 * (`chartclerk audit verify`). Rows name documents and charts by id and MRN and are never
 * removed when a document is purged: the audit log outlives what it describes.
 */
export const name = 'audit log'

export const up = `
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  target_kind  TEXT,
  target_id    TEXT,
  patient_mrn  TEXT,
  detail       TEXT NOT NULL DEFAULT '{}',
  source       TEXT,
  outcome      TEXT NOT NULL DEFAULT 'ok',
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor, at);
CREATE INDEX audit_log_patient ON audit_log(patient_mrn, at);
CREATE INDEX audit_log_target ON audit_log(target_kind, target_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`
