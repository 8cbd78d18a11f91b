/**
 * Page search gives the same hits on both engines. SQLite's FTS5 table pages_fts (migration 1)
 * already splits text on anything but letters and digits, folds case and accents (unicode61) and
 * stems with Porter's algorithm; nothing changes here. The PostgreSQL twin makes pages.text_search
 * do the same (see src/catalog/sql/postgres/migrations.ts).
 */
export const name = 'search-like-fts5'
export const up = `
-- FTS5 pages_fts (tokenize = 'porter unicode61') is the reference: nothing to change on SQLite.
`
