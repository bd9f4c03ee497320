-- Migration 9: files on parts, operations and issues (drawings, CAD, photos). The bytes live in
-- the hub's blob store under their SHA-256 (server/files/blobstore.h); these rows are what a
-- tenant sees of them. One row per attachment: the same bytes attached twice are two rows and one
-- blob. owner_kind 'tenant' is a loose file uploaded through a signed upload URL
-- (/functions/v1/api-upload-url), referenced by its path from a part's file_paths or an issue's
-- image_paths as in the original. path is the original's storage path, unique per tenant.
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('part','operation','issue','tenant')),
  owner_id TEXT NOT NULL,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
  sha256 TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX files_path ON files(tenant_id, path);
CREATE INDEX files_owner ON files(tenant_id, owner_kind, owner_id);
CREATE INDEX files_sha256 ON files(sha256);

-- Signed URLs: the URL carries a random token, the hub keeps only its SHA-256. An upload link is
-- single-use (used_at is set once, compare-and-set) and names the path it writes; a download link
-- names the file and may be used until it expires.
CREATE TABLE file_links (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL CHECK (purpose IN ('upload','download')),
  path TEXT NOT NULL,
  content_type TEXT,
  file_id TEXT REFERENCES files(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX file_links_expiry ON file_links(expires_at)
