/**
 * One rule set across nodes. `nodes`: every long-running chartclerk process (`start`, `serve`, a
 * worker), on any machine sharing the catalog, says every so often which rule set it has in
 * force; `status` and the dashboard warn when the nodes seen lately disagree (src/nodes/).
 * `chart_checks`: each chart's last check, when, by whom and under which rule set, also when it
 * found nothing (deficiencies and their history already carry the rule set that judged them).
 */
export const name = 'one-rule-set'

export const up = `
CREATE TABLE nodes (
  id               TEXT PRIMARY KEY,
  host             TEXT NOT NULL,
  role             TEXT NOT NULL,
  pid              INTEGER NOT NULL,
  site             TEXT,
  ruleset_version  TEXT,
  started_at       TEXT NOT NULL,
  last_seen_at     TEXT NOT NULL,
  stopped_at       TEXT
);
CREATE INDEX nodes_last_seen ON nodes(last_seen_at);

CREATE TABLE chart_checks (
  chart_mrn        TEXT PRIMARY KEY,
  checked_at       TEXT NOT NULL,
  checked_by       TEXT NOT NULL,
  ruleset_version  TEXT NOT NULL
);
CREATE INDEX chart_checks_ruleset ON chart_checks(ruleset_version);
`
