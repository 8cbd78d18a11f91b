/**
 * Rule set versions as the records lead knows them: each version (the `rs-<hash>` of what is
 * checked) gets a running number and the time chartclerk first used it, so the desk can say
 * "rule set 3 of 2026-12-01" and keep the hash for hover. Versions already in the deficiency
 * history are numbered in the order they first appeared.
 */
export const name = 'desk_ruleset_versions'

export const up = `
CREATE TABLE ruleset_versions (
  number         INTEGER PRIMARY KEY AUTOINCREMENT,
  version        TEXT NOT NULL UNIQUE,
  first_used_at  TEXT NOT NULL
);
INSERT INTO ruleset_versions (version, first_used_at)
  SELECT ruleset_version, min(at) FROM deficiency_history WHERE ruleset_version IS NOT NULL
  GROUP BY ruleset_version ORDER BY min(at), ruleset_version;
`
