/**
 * Catalog migration for records requests (notices of missing records to outside providers),
 * registered in src/catalog/migrations/index.ts as version 4.
 *
 * One request per deficiency (an open missing_document deficiency whose sending facility is
 * known). Its life: pending (created) -> sent (faxed/mailed; follow-ups counted) -> received
 * (the record arrived), or cancelled (the deficiency was waived or rejected). Every step is a row
 * in the append-only records_request_history.
 */
export const name = 'records_requests'

export const up = `
CREATE TABLE records_requests (
  id                  INTEGER PRIMARY KEY,
  tracking_number     TEXT NOT NULL UNIQUE,
  deficiency_id       INTEGER NOT NULL REFERENCES deficiencies(id),
  chart_mrn           TEXT NOT NULL,
  document_id         TEXT,
  facility            TEXT NOT NULL,
  dates_of_service    TEXT NOT NULL DEFAULT '[]',
  documents_needed    TEXT NOT NULL DEFAULT '[]',
  status              TEXT NOT NULL CHECK (status IN ('pending','sent','received','cancelled')),
  created_at          TEXT NOT NULL,
  printed_at          TEXT,
  sent_at             TEXT,
  sent_by             TEXT,
  due_date            TEXT,
  follow_ups          INTEGER NOT NULL DEFAULT 0,
  last_follow_up_at   TEXT,
  received_at         TEXT,
  received_by         TEXT,
  closed_reason       TEXT,
  updated_at          TEXT NOT NULL
);
CREATE UNIQUE INDEX records_requests_deficiency ON records_requests(deficiency_id);
CREATE INDEX records_requests_status ON records_requests(status, due_date);

CREATE TABLE records_request_history (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id          INTEGER NOT NULL REFERENCES records_requests(id),
  at                  TEXT NOT NULL,
  by                  TEXT NOT NULL,
  action              TEXT NOT NULL,
  note                TEXT
);
CREATE INDEX records_request_history_request ON records_request_history(request_id);
CREATE TRIGGER records_request_history_no_update BEFORE UPDATE ON records_request_history BEGIN SELECT RAISE(ABORT, 'records request history is append-only'); END;
CREATE TRIGGER records_request_history_no_delete BEFORE DELETE ON records_request_history BEGIN SELECT RAISE(ABORT, 'records request history is append-only'); END;
`
