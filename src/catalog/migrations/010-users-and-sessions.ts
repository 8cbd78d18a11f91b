/**
 * Catalog migration 10 (registered in src/catalog/migrations/index.ts): people who sign in to
 * the web desk, and their sessions.
 *
 * Passwords are stored only as scrypt hashes (src/auth/passwords.ts); sessions only as the
 * SHA-256 of the cookie's token, so a copy of the catalog lets nobody sign in as anyone.
 */
export const name = 'users and sessions'

export const up = `
CREATE TABLE users (
  id                    INTEGER PRIMARY KEY,
  username              TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name          TEXT,
  roles                 TEXT NOT NULL,
  provider_name         TEXT,
  password_hash         TEXT NOT NULL,
  must_change_password  INTEGER NOT NULL DEFAULT 1,
  disabled              INTEGER NOT NULL DEFAULT 0,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  password_changed_at   TEXT,
  last_login_at         TEXT
);

CREATE TABLE sessions (
  id                    TEXT PRIMARY KEY,
  user_id               INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token            TEXT NOT NULL,
  created_at            TEXT NOT NULL,
  last_seen_at          TEXT NOT NULL,
  expires_at            TEXT NOT NULL,
  ip                    TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
`
