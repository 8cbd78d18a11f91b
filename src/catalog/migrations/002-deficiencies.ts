/**
 * Catalog migration for deficiencies (registered in src/catalog/migrations/index.ts).
 *
 * One row per deficiency; at most one active (open or completed) row per chart, rule and
 * subject, so a re-check never duplicates. Every status change is a row in the append-only
 * deficiency_history (who, when, why, under which rule set).
 */
export const name = 'deficiencies'

export const up = `
CREATE TABLE deficiencies (
  id               INTEGER PRIMARY KEY,
  chart_mrn        TEXT NOT NULL,
  rule_id          TEXT NOT NULL,
  subject          TEXT NOT NULL DEFAULT '',
  document_id      TEXT,
  kind             TEXT NOT NULL CHECK (kind IN ('missing_signature','missing_field','missing_document','missing_pages','invalid_date','illegible','misfiled','other')),
  severity         TEXT NOT NULL CHECK (severity IN ('error','warning')),
  message          TEXT NOT NULL,
  page             INTEGER,
  rule_version     INTEGER NOT NULL,
  ruleset_version  TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('open','completed','verified','waived','rejected')),
  assigned_to      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  last_seen_at     TEXT,
  last_seen_ruleset TEXT,
  completed_by     TEXT,
  completed_at     TEXT,
  decided_by       TEXT,
  decided_at       TEXT,
  status_reason    TEXT
);
CREATE UNIQUE INDEX deficiencies_active ON deficiencies(chart_mrn, rule_id, subject) WHERE status IN ('open','completed');
CREATE INDEX deficiencies_chart ON deficiencies(chart_mrn, rule_id, subject);
CREATE INDEX deficiencies_status ON deficiencies(status, created_at);

CREATE TABLE deficiency_history (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  deficiency_id    INTEGER NOT NULL REFERENCES deficiencies(id),
  at               TEXT NOT NULL,
  by               TEXT NOT NULL,
  from_status      TEXT,
  to_status        TEXT NOT NULL,
  reason           TEXT,
  ruleset_version  TEXT
);
CREATE INDEX deficiency_history_deficiency ON deficiency_history(deficiency_id);
CREATE TRIGGER deficiency_history_no_update BEFORE UPDATE ON deficiency_history BEGIN SELECT RAISE(ABORT, 'deficiency history is append-only'); END;
CREATE TRIGGER deficiency_history_no_delete BEFORE DELETE ON deficiency_history BEGIN SELECT RAISE(ABORT, 'deficiency history is append-only'); END;
`
