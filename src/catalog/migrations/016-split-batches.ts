/**
 * Stacks scanned as one file. A received file that held several documents is a batch:
 * kept once under originals/<sha256>, recorded here with its receipts, and each document it
 * held points back at it with its page range. `pages_key` fingerprints a document's page
 * text, so a part whose pages equal a document already on file is a repeat receipt of it.
 * `split_decisions` keeps every cut a person made or confirmed (for learning).
 */
export const name = 'split_batches'
export const up = `
ALTER TABLE documents ADD COLUMN batch_sha256 TEXT;
ALTER TABLE documents ADD COLUMN page_from INTEGER;
ALTER TABLE documents ADD COLUMN page_to INTEGER;
ALTER TABLE documents ADD COLUMN pages_key TEXT;
CREATE INDEX documents_batch ON documents(batch_sha256);
CREATE INDEX documents_pages_key ON documents(pages_key);

CREATE TABLE batches (
  sha256          TEXT PRIMARY KEY,
  size            INTEGER NOT NULL,
  content_type    TEXT NOT NULL,
  original_name   TEXT NOT NULL,
  received_at     TEXT NOT NULL,
  page_count      INTEGER NOT NULL,
  plan            TEXT NOT NULL,
  split_by        TEXT NOT NULL,
  created_at      TEXT NOT NULL
);

CREATE TABLE batch_receipts (
  id              INTEGER PRIMARY KEY,
  batch_sha256    TEXT NOT NULL REFERENCES batches(sha256),
  claim_id        TEXT NOT NULL UNIQUE,
  received_at     TEXT NOT NULL,
  original_name   TEXT NOT NULL,
  source_folder   TEXT NOT NULL DEFAULT '',
  is_repeat       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX batch_receipts_batch ON batch_receipts(batch_sha256);

CREATE TABLE split_decisions (
  id              INTEGER PRIMARY KEY,
  batch_sha256    TEXT NOT NULL,
  proposed        TEXT NOT NULL,
  decided         TEXT NOT NULL,
  decided_by      TEXT NOT NULL,
  decided_at      TEXT NOT NULL
);
CREATE INDEX split_decisions_batch ON split_decisions(batch_sha256);
`
