-- Migration 7: idempotent retries. A POST sent with an Idempotency-Key is answered once; a retry
-- with the same key gets the first answer back instead of doing the work again (docs/api.md
-- "Idempotent retries"). Keys are a tenant's own and kept for a day.
CREATE TABLE idempotency_keys (
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
