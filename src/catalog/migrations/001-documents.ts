/** Documents, their pages and receipts, ingest jobs, the append-only event log, full-text index. */
export const up = `
CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  sha256          TEXT NOT NULL UNIQUE,
  size            INTEGER NOT NULL,
  content_type    TEXT NOT NULL,
  original_name   TEXT NOT NULL,
  source_folder   TEXT NOT NULL DEFAULT '',
  received_at     TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('received','needs_review','filed','failed')),
  page_count      INTEGER,
  text_source     TEXT,
  text_length     INTEGER,
  ocr_confidence  REAL,
  doc_type        TEXT,
  type_confidence REAL,
  patient_mrn     TEXT,
  review_reasons  TEXT,
  details         TEXT,
  error_code      TEXT,
  error_message   TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX documents_status ON documents(status);
CREATE INDEX documents_patient ON documents(patient_mrn);

CREATE TABLE pages (
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no         INTEGER NOT NULL,
  source          TEXT NOT NULL,
  text            TEXT NOT NULL,
  ocr_confidence  REAL,
  deskew_angle    REAL,
  width           INTEGER,
  height          INTEGER,
  word_count      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, page_no)
);

CREATE TABLE receipts (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  claim_id        TEXT NOT NULL UNIQUE,
  received_at     TEXT NOT NULL,
  original_name   TEXT NOT NULL,
  source_folder   TEXT NOT NULL DEFAULT '',
  is_repeat       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX receipts_document ON receipts(document_id);

CREATE TABLE jobs (
  id              TEXT PRIMARY KEY,
  mode            TEXT NOT NULL CHECK (mode IN ('watch','ingest')),
  inbox_path      TEXT NOT NULL,
  work_path       TEXT NOT NULL,
  original_name   TEXT NOT NULL,
  source_folder   TEXT NOT NULL DEFAULT '',
  received_at     TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('claiming','claimed','done','quarantined','released')),
  stage           TEXT,
  document_id     INTEGER,
  outcome         TEXT,
  error_code      TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX jobs_state ON jobs(state);

CREATE TABLE events (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  at              TEXT NOT NULL,
  kind            TEXT NOT NULL,
  document_id     INTEGER,
  data            TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_document ON events(document_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE VIRTUAL TABLE pages_fts USING fts5(text, document_id UNINDEXED, page_no UNINDEXED, tokenize = 'porter unicode61');
`
