/** Catalog migration 8: charts made inactive (DOMAIN M02), their objects moved to the archive location. */
export const name = 'inactive-charts'
export const up = `
CREATE TABLE inactive_charts (
  mrn             TEXT PRIMARY KEY,
  inactive_since  TEXT NOT NULL,
  reason          TEXT NOT NULL,
  last_activity   TEXT,
  objects         INTEGER NOT NULL DEFAULT 0,
  marked_by       TEXT NOT NULL,
  marked_at       TEXT NOT NULL
);
`
