/**
 * Failed sign-ins, counted in the catalog (src/auth/loginLimiter.ts), so every desk on one
 * PostgreSQL catalog refuses a guesser after the same number of attempts. One row per failure
 * and per count it belongs to: `kind` 'account' (subject: the user name as typed, trimmed and
 * lower-cased) or 'address' (subject: the client's real address). No password, nothing else;
 * rows older than the window, and those beyond the limit on one subject, are deleted as failures
 * are recorded.
 */
export const name = 'sign-in-failures'
export const up = `
CREATE TABLE login_failures (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  failed_at  TEXT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures(kind, subject, failed_at);
CREATE INDEX login_failures_at ON login_failures(failed_at);
`
