/**
 * Searchable PDFs are built after a scanned document is settled, not while it is filed.
 * A row here says one is owed; it goes when the PDF is stored, so a stop before then
 * leaves the row for the next start to finish.
 */
export const name = 'searchable_pdf_pending'
export const up = `
CREATE TABLE searchable_pdf_pending (
  document_id INTEGER PRIMARY KEY,
  queued_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
`
