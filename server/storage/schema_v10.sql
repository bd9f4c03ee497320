-- Migration 10: an operation may wait for its cell. A routing step imported or created before the
-- shop has decided where it runs (the original accepted it) has no cell_id; it shows in no cell's
-- queue or WIP and cannot be started until a PATCH gives it one (docs/api.md "Operations without
-- a cell"). Dropping NOT NULL changes nothing stored: PostgreSQL alters the column in place, and
-- SQLite, which cannot alter a column, gets the table's declaration rewritten as its documentation
-- allows for removing a NOT NULL constraint (copying the table would cascade-delete every row that
-- references an operation).
{{POSTGRES}}ALTER TABLE operations ALTER COLUMN cell_id DROP NOT NULL;
{{SQLITE}}PRAGMA writable_schema = ON;
{{SQLITE}}UPDATE sqlite_master SET sql = replace(sql, 'cell_id TEXT NOT NULL REFERENCES cells(id)', 'cell_id TEXT REFERENCES cells(id)')
  WHERE type = 'table' AND name = 'operations';
{{SQLITE}}PRAGMA writable_schema = RESET
