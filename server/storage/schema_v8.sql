-- Migration 8: terminal keys. A floor terminal is registered with an API key of the `terminal`
-- scope, which can do nothing but sign operators in with their PIN (POST /api/v1/auth/pin); the
-- operator's session does the rest. A CHECK constraint cannot be changed in place in SQLite, so
-- the table is copied into one with the wider check (the same statements work on PostgreSQL).
CREATE TABLE api_keys_v8 (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  key_prefix TEXT NOT NULL,
  key_last4 TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT 'read_write' CHECK (scope IN ('read','read_write','admin','terminal')),
  environment TEXT NOT NULL DEFAULT 'live' CHECK (environment IN ('live','test')),
  created_by TEXT,
  last_used_at TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  revoked_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO api_keys_v8 (id, tenant_id, name, key_hash, key_prefix, key_last4, scope, environment, created_by, last_used_at,
                         active, revoked_at, created_at, updated_at)
  SELECT id, tenant_id, name, key_hash, key_prefix, key_last4, scope, environment, created_by, last_used_at,
         active, revoked_at, created_at, updated_at FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_v8 RENAME TO api_keys;
