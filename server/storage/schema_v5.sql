-- Migration 5: users signed in to the API, and the MCP usage log's lookup by key.

-- A session of a signed-in user (POST /api/v1/auth/login): only the hashes of its access and
-- refresh tokens are stored. A refresh hands out a new pair and ends this row; a logout ends it.
CREATE TABLE user_sessions (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  refresh_hash TEXT NOT NULL UNIQUE,
  expires_at TEXT NOT NULL,
  refresh_expires_at TEXT NOT NULL,
  ended_at TEXT,
  client TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX user_sessions_user ON user_sessions(user_id, ended_at);

CREATE INDEX mcp_key_usage_key ON mcp_key_usage(key_id, created_at);
