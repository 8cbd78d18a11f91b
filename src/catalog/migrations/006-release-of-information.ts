/** Release of information: requests, authorization revocations, and the disclosure log (accounting of disclosures). */
export const name = 'release-of-information'
export const up = `
CREATE TABLE release_requests (
  id                  INTEGER PRIMARY KEY,
  patient_mrn         TEXT NOT NULL,
  requester           TEXT NOT NULL,
  requester_type      TEXT NOT NULL CHECK (requester_type IN ('patient','treatment','attorney','insurer','required_by_law','other')),
  recipient_name      TEXT NOT NULL,
  recipient_address   TEXT NOT NULL DEFAULT '',
  purpose             TEXT NOT NULL,
  doc_types           TEXT NOT NULL DEFAULT '[]',
  date_from           TEXT,
  date_to             TEXT,
  document_ids        TEXT NOT NULL DEFAULT '[]',
  request_date        TEXT NOT NULL,
  due_date            TEXT,
  authorization_id    INTEGER,
  identity_verified   INTEGER NOT NULL DEFAULT 0,
  status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','refused','packaged','sent','cancelled')),
  check_result        TEXT,
  package_key         TEXT,
  package_pages       INTEGER,
  package_documents   TEXT,
  packaged_at         TEXT,
  sent_to             TEXT,
  sent_at             TEXT,
  sent_by             TEXT,
  created_by          TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX release_requests_patient ON release_requests(patient_mrn);
CREATE INDEX release_requests_status ON release_requests(status);

CREATE TABLE roi_revocations (
  id                  INTEGER PRIMARY KEY,
  authorization_id    INTEGER NOT NULL,
  revoked_on          TEXT NOT NULL,
  recorded_by         TEXT NOT NULL,
  note                TEXT,
  created_at          TEXT NOT NULL
);
CREATE INDEX roi_revocations_authorization ON roi_revocations(authorization_id);

CREATE TABLE disclosures (
  id                  INTEGER PRIMARY KEY,
  request_id          INTEGER NOT NULL REFERENCES release_requests(id),
  patient_mrn         TEXT NOT NULL,
  disclosed_on        TEXT NOT NULL,
  recipient_name      TEXT NOT NULL,
  recipient_address   TEXT NOT NULL DEFAULT '',
  description         TEXT NOT NULL,
  purpose             TEXT NOT NULL,
  requester_type      TEXT NOT NULL,
  authorization_id    INTEGER,
  accountable         INTEGER NOT NULL,
  pages               INTEGER,
  package_key         TEXT,
  recorded_by         TEXT NOT NULL,
  created_at          TEXT NOT NULL
);
CREATE INDEX disclosures_patient ON disclosures(patient_mrn, disclosed_on);
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures BEGIN SELECT RAISE(ABORT, 'the disclosure log is append-only'); END;
`
