/**
 * Catalog migration 12 (registered in src/catalog/migrations/index.ts): routes of outside
 * reports to clinicians (DOMAIN: "distributes outside reports to the right medical personnel";
 * C06/C07). One row per document and recipient; acknowledged when the recipient marked it reviewed.
 */
export const name = 'routing'

export const up = `
CREATE TABLE routes (
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  provider         TEXT NOT NULL,
  rule_id          TEXT,
  routed_at        TEXT NOT NULL,
  acknowledged_at  TEXT,
  acknowledged_by  TEXT,
  UNIQUE (document_id, provider)
);
CREATE INDEX routes_provider ON routes(provider, acknowledged_at);
CREATE INDEX routes_open ON routes(acknowledged_at, routed_at);
`
