/** Catalog migration 9: the appointment schedule imported for chart prep. */
export const name = 'appointments'
export const up = `
CREATE TABLE appointments (
  id              INTEGER PRIMARY KEY,
  external_id     TEXT,
  date            TEXT NOT NULL,
  time            TEXT NOT NULL DEFAULT '',
  mrn             TEXT NOT NULL,
  provider        TEXT,
  visit_type      TEXT,
  status          TEXT,
  source          TEXT NOT NULL,
  imported_at     TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX appointments_external ON appointments(external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX appointments_slot ON appointments(date, mrn, time) WHERE external_id IS NULL;
CREATE INDEX appointments_date ON appointments(date);
CREATE INDEX appointments_mrn ON appointments(mrn);
`
