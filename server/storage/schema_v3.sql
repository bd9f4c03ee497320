-- Migration 3: indexes in the order of each list's default sort, so a page is read in order and
-- stops after `limit` rows instead of sorting every row of the tenant (ORDER BY <sort>, id). On the
-- soft-deleted tables deleted_at comes second: the same index then answers the page's COUNT(*)
-- without visiting a row.
CREATE INDEX jobs_list ON jobs(tenant_id, deleted_at, created_at, id);
CREATE INDEX parts_list ON parts(tenant_id, deleted_at, created_at, id);
CREATE INDEX operations_list ON operations(tenant_id, deleted_at, sequence, id);
CREATE INDEX resources_list ON resources(tenant_id, deleted_at, name, id);
CREATE INDEX issues_list ON issues(tenant_id, created_at, id);
CREATE INDEX time_entries_list ON time_entries(tenant_id, start_time, id);
CREATE INDEX operation_quantities_list ON operation_quantities(tenant_id, recorded_at, id);
CREATE INDEX webhook_deliveries_list ON webhook_deliveries(tenant_id, created_at, id);
CREATE INDEX webhook_logs_list ON webhook_logs(tenant_id, created_at, id);
CREATE INDEX mqtt_logs_list ON mqtt_logs(tenant_id, created_at, id);

-- MQTT 5 as well as 3.1.1, per publisher.
ALTER TABLE mqtt_publishers ADD COLUMN protocol_version TEXT NOT NULL DEFAULT '3.1.1' CHECK (protocol_version IN ('3.1.1', '5'));

-- Nesting batches: operations cut or processed together (one sheet, one saw run), started and
-- completed as one, with the batch's time split over its operations.
CREATE TABLE operation_batches (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  batch_number TEXT NOT NULL,
  batch_type TEXT NOT NULL DEFAULT 'general' CHECK (batch_type IN ('laser_nesting','tube_batch','saw_batch','finishing_batch','general')),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','in_progress','completed','cancelled','blocked')),
  cell_id TEXT NOT NULL REFERENCES cells(id),
  material TEXT,
  thickness_mm DOUBLE PRECISION,
  notes TEXT,
  production_mode TEXT NOT NULL DEFAULT 'manual' CHECK (production_mode IN ('manual','automated')),
  nesting_metadata TEXT,
  nesting_image_url TEXT,
  layout_image_url TEXT,
  parent_batch_id TEXT REFERENCES operation_batches(id) ON DELETE SET NULL,
  operations_count INTEGER NOT NULL DEFAULT 0,
  estimated_time INTEGER,
  actual_time INTEGER,
  created_by TEXT,
  started_by TEXT,
  completed_by TEXT,
  started_at TEXT,
  completed_at TEXT,
  external_id TEXT,
  external_source TEXT,
  synced_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX operation_batches_number ON operation_batches(tenant_id, batch_number);
CREATE INDEX operation_batches_list ON operation_batches(tenant_id, created_at, id);

-- An operation sits in at most one batch.
CREATE TABLE batch_operations (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  batch_id TEXT NOT NULL REFERENCES operation_batches(id) ON DELETE CASCADE,
  operation_id TEXT NOT NULL UNIQUE REFERENCES operations(id) ON DELETE CASCADE,
  sequence_in_batch INTEGER NOT NULL,
  quantity_in_batch INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX batch_operations_batch ON batch_operations(batch_id, sequence_in_batch);
