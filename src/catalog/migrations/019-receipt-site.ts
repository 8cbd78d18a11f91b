/** Several sites: each receipt names the site whose watcher received the file (null: a desk with one inbox, or `ingest`). */
export const name = 'receipt-site'
export const up = `
ALTER TABLE receipts ADD COLUMN site TEXT;
`
