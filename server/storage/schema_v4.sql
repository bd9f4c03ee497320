-- Migration 4: a shop of its own — shop-wide settings, the hubs serving this database, and where it
-- was last run.

-- The shop-wide switch for WIP limits: a cell's limit is enforced when this and the cell's own
-- enforce_wip_limit are both on.
ALTER TABLE tenants ADD COLUMN enforce_wip_limits INTEGER NOT NULL DEFAULT 1;

-- The processes serving this database (`eryxon-server serve`, a desktop with its API): one row per
-- running process, its heartbeat refreshed every few seconds and the row removed on a clean stop. A
-- row whose heartbeat is old belongs to a process that died.
CREATE TABLE hubs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  machine TEXT NOT NULL,
  host_name TEXT NOT NULL,
  pid INTEGER NOT NULL,
  api_url TEXT,
  started_at TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL
);

-- The installation (one row, id 1): the path and machine that last ran this database, and whether its
-- outgoing integrations (webhooks, MQTT) are paused — they are when a copy is opened elsewhere.
CREATE TABLE installation (
  id INTEGER PRIMARY KEY,
  db_path TEXT NOT NULL,
  machine TEXT NOT NULL,
  host_name TEXT NOT NULL,
  last_run_at TEXT NOT NULL,
  integrations_paused INTEGER NOT NULL DEFAULT 0,
  paused_reason TEXT,
  paused_at TEXT,
  updated_at TEXT NOT NULL
);
