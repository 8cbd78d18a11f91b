/** Retention and destruction: legal holds, destruction certificates, and tombstones of destroyed documents. */
export const name = 'retention-and-destruction'
export const up = `
CREATE TABLE legal_holds (
  id                  INTEGER PRIMARY KEY,
  patient_mrn         TEXT NOT NULL,
  reason              TEXT NOT NULL,
  placed_by           TEXT NOT NULL,
  placed_at           TEXT NOT NULL,
  removed_at          TEXT,
  removed_by          TEXT,
  removal_reason      TEXT
);
CREATE INDEX legal_holds_patient ON legal_holds(patient_mrn);

CREATE TABLE destruction_certificates (
  id                  INTEGER PRIMARY KEY,
  certificate_number  TEXT NOT NULL UNIQUE,
  destroyed_on        TEXT NOT NULL,
  destroyed_by        TEXT NOT NULL,
  approved_by         TEXT NOT NULL,
  method              TEXT NOT NULL,
  schedule            TEXT NOT NULL,
  html_key            TEXT,
  data                TEXT NOT NULL,
  created_at          TEXT NOT NULL
);

CREATE TABLE destroyed_documents (
  document_id         INTEGER PRIMARY KEY,
  patient_mrn         TEXT NOT NULL,
  doc_type            TEXT,
  sha256              TEXT NOT NULL,
  original_name       TEXT NOT NULL,
  date_of_service     TEXT,
  received_at         TEXT NOT NULL,
  retain_until        TEXT NOT NULL,
  certificate_id      INTEGER NOT NULL REFERENCES destruction_certificates(id),
  destroyed_at        TEXT NOT NULL
);
CREATE INDEX destroyed_documents_patient ON destroyed_documents(patient_mrn);
`
