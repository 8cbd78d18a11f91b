/** The patient index (master patient index), its phonetic lookup keys, and people's review settlements. */
export const up = `
CREATE TABLE patients (
  mrn              TEXT PRIMARY KEY,
  mrn_key          TEXT NOT NULL,
  family_name      TEXT NOT NULL,
  given_name       TEXT NOT NULL,
  middle_name      TEXT,
  birth_date       TEXT NOT NULL,
  sex              TEXT,
  deceased         INTEGER NOT NULL DEFAULT 0,
  deceased_date    TEXT,
  primary_provider TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX patients_mrn_key ON patients(mrn_key);
CREATE INDEX patients_birth_date ON patients(birth_date);

CREATE TABLE patient_name_keys (
  key              TEXT NOT NULL,
  mrn              TEXT NOT NULL REFERENCES patients(mrn) ON DELETE CASCADE,
  PRIMARY KEY (key, mrn)
);

CREATE TABLE settlements (
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES documents(id),
  doc_type         TEXT NOT NULL,
  patient_mrn      TEXT NOT NULL,
  proposed_type    TEXT,
  proposed_mrn     TEXT,
  settled_by       TEXT NOT NULL,
  settled_at       TEXT NOT NULL,
  note             TEXT
);
CREATE INDEX settlements_document ON settlements(document_id);
`
