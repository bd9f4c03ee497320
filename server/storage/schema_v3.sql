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
