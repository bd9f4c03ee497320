-- Migration 6: indexes for the shop's figures (the dashboard and QRM), so they read an index
-- instead of every operation's row.

-- Status counts (GROUP BY status) from the index alone; a page of one status's operations in the
-- list's default order (sequence, id), as operations_list is without the filter.
CREATE INDEX operations_status ON operations(tenant_id, deleted_at, status, sequence, id);
CREATE INDEX parts_status ON parts(tenant_id, deleted_at, status);

-- A cell's work in progress (distinct jobs with an open operation there) from the index alone up to
-- the part: operations_cell gains deleted_at and part_id. It still answers what the narrower one did.
DROP INDEX operations_cell;
CREATE INDEX operations_cell ON operations(tenant_id, cell_id, status, deleted_at, part_id);
