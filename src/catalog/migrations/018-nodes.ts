/**
 * The nodes of one desk: every long-running chartclerk process (`start`, `serve`, a worker), on
 * any machine sharing the catalog, says every so often which rule set it has in force. `status`
 * and the dashboard warn when the nodes seen lately disagree (src/nodes/).
 */
export const name = 'nodes'

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
`
