-- Migration 1: the whole domain. Dialect tokens: {{SERIAL}} (auto-increment primary key).
-- Ids are UUID text, timestamps UTC ISO-8601 text with milliseconds, JSON as text, booleans 0/1.
CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  company_name TEXT,
  abbreviation TEXT,
  next_operator_number INTEGER NOT NULL DEFAULT 1,
  timezone TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
  plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free','pro','premium','enterprise')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','cancelled','suspended','trial')),
  max_jobs INTEGER,
  max_parts_per_month INTEGER,
  max_storage_mb INTEGER,
  rate_limit_per_minute INTEGER,
  factory_opening_time TEXT NOT NULL DEFAULT '07:00',
  factory_closing_time TEXT NOT NULL DEFAULT '17:00',
  working_days_mask INTEGER NOT NULL DEFAULT 31,
  auto_stop_tracking INTEGER NOT NULL DEFAULT 0,
  enterprise TEXT NOT NULL DEFAULT 'eryxon',
  site TEXT NOT NULL DEFAULT 'main',
  area TEXT NOT NULL DEFAULT 'production',
  feature_flags TEXT,
  is_sandbox INTEGER NOT NULL DEFAULT 0,
  sandbox_of TEXT UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin','operator')),
  username TEXT,
  full_name TEXT NOT NULL,
  email TEXT,
  employee_id TEXT,
  password_hash TEXT,
  pin_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  is_machine INTEGER NOT NULL DEFAULT 0,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_login_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX users_username ON users(tenant_id, username) WHERE username IS NOT NULL;
CREATE UNIQUE INDEX users_employee ON users(tenant_id, employee_id) WHERE employee_id IS NOT NULL;

CREATE TABLE cells (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  color TEXT,
  icon_name TEXT,
  image_url TEXT,
  sequence INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  wip_limit INTEGER,
  wip_warning_threshold INTEGER,
  enforce_wip_limit INTEGER NOT NULL DEFAULT 0,
  show_capacity_warning INTEGER NOT NULL DEFAULT 1,
  capacity_hours_per_day DOUBLE PRECISION NOT NULL DEFAULT 8,
  external_id TEXT, external_source TEXT, synced_at TEXT, sync_hash TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX cells_name ON cells(tenant_id, name);
CREATE UNIQUE INDEX cells_external ON cells(tenant_id, external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE resources (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT 'machine',
  description TEXT,
  identifier TEXT,
  location TEXT,
  status TEXT NOT NULL DEFAULT 'available',
  metadata TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  external_id TEXT, external_source TEXT, synced_at TEXT, sync_hash TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX resources_name ON resources(tenant_id, name);
CREATE UNIQUE INDEX resources_external ON resources(tenant_id, external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE materials (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  color TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX materials_name ON materials(tenant_id, name);

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  job_number TEXT NOT NULL,
  customer TEXT,
  due_date TEXT,
  due_date_override TEXT,
  status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','on_hold','completed')),
  current_cell_id TEXT REFERENCES cells(id) ON DELETE SET NULL,
  notes TEXT,
  metadata TEXT,
  delivery_address TEXT, delivery_city TEXT, delivery_postal_code TEXT, delivery_country TEXT DEFAULT 'NL',
  delivery_lat DOUBLE PRECISION, delivery_lng DOUBLE PRECISION,
  total_weight_kg DOUBLE PRECISION, total_volume_m3 DOUBLE PRECISION, package_count INTEGER,
  started_at TEXT,
  completed_at TEXT,
  external_id TEXT, external_source TEXT, synced_at TEXT, sync_hash TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
);
CREATE UNIQUE INDEX jobs_number ON jobs(tenant_id, job_number);
CREATE UNIQUE INDEX jobs_external ON jobs(tenant_id, external_source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX jobs_status ON jobs(tenant_id, status);

CREATE TABLE parts (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  parent_part_id TEXT REFERENCES parts(id) ON DELETE SET NULL,
  part_number TEXT NOT NULL,
  material TEXT NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),
  status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','on_hold','completed')),
  current_cell_id TEXT REFERENCES cells(id) ON DELETE SET NULL,
  file_paths TEXT,
  image_paths TEXT,
  material_lot TEXT, material_supplier TEXT, material_cert_number TEXT,
  weight_kg DOUBLE PRECISION, length_mm DOUBLE PRECISION, width_mm DOUBLE PRECISION, height_mm DOUBLE PRECISION,
  drawing_no TEXT,
  cnc_program_name TEXT,
  is_bullet_card INTEGER NOT NULL DEFAULT 0,
  notes TEXT,
  metadata TEXT,
  completed_at TEXT,
  external_id TEXT, external_source TEXT, synced_at TEXT, sync_hash TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
);
CREATE UNIQUE INDEX parts_number ON parts(tenant_id, part_number);
CREATE UNIQUE INDEX parts_external ON parts(tenant_id, external_source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX parts_job ON parts(job_id);

CREATE TABLE operations (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  part_id TEXT NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
  cell_id TEXT NOT NULL REFERENCES cells(id),
  assigned_operator_id TEXT REFERENCES users(id) ON DELETE SET NULL,
  operation_name TEXT NOT NULL,
  sequence INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','on_hold','completed')),
  status_before_hold TEXT CHECK (status_before_hold IN ('not_started','in_progress','on_hold','completed')),
  completion_percentage INTEGER NOT NULL DEFAULT 0,
  started_at TEXT,
  completed_at TEXT,
  notes TEXT,
  metadata TEXT,
  icon_name TEXT,
  estimated_time INTEGER NOT NULL DEFAULT 0,
  actual_time INTEGER NOT NULL DEFAULT 0,
  setup_time DOUBLE PRECISION, run_time_per_unit DOUBLE PRECISION, wait_time DOUBLE PRECISION, changeover_time DOUBLE PRECISION,
  planned_start TEXT, planned_end TEXT,
  external_id TEXT, external_source TEXT, synced_at TEXT, sync_hash TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT
);
CREATE UNIQUE INDEX operations_external ON operations(tenant_id, external_source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX operations_part ON operations(part_id);
CREATE INDEX operations_cell ON operations(tenant_id, cell_id, status);

CREATE TABLE operation_resources (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
  resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
  quantity INTEGER NOT NULL DEFAULT 1,
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX operation_resources_pair ON operation_resources(operation_id, resource_id);

CREATE TABLE time_entries (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  operator_id TEXT NOT NULL REFERENCES users(id),
  operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
  start_time TEXT NOT NULL,
  end_time TEXT,
  duration INTEGER,
  is_paused INTEGER NOT NULL DEFAULT 0,
  time_type TEXT NOT NULL DEFAULT 'run' CHECK (time_type IN ('setup','run','rework','wait','breakdown')),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- A worker has at most one open entry: the rule holds even against a racing second writer.
CREATE UNIQUE INDEX time_entries_one_open ON time_entries(tenant_id, operator_id) WHERE end_time IS NULL;
CREATE INDEX time_entries_operation ON time_entries(operation_id);

CREATE TABLE time_entry_pauses (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  time_entry_id TEXT NOT NULL REFERENCES time_entries(id) ON DELETE CASCADE,
  paused_at TEXT NOT NULL,
  resumed_at TEXT,
  duration INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX time_entry_pauses_entry ON time_entry_pauses(time_entry_id);

CREATE TABLE substeps (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  sequence INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','completed','blocked')),
  notes TEXT,
  completed_at TEXT,
  completed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  icon_name TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX substeps_operation ON substeps(operation_id);

CREATE TABLE substep_templates (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  operation_type TEXT,
  is_global INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX substep_templates_name ON substep_templates(tenant_id, name);

CREATE TABLE substep_template_items (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  template_id TEXT NOT NULL REFERENCES substep_templates(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  notes TEXT,
  sequence INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX substep_template_items_seq ON substep_template_items(template_id, sequence);

CREATE TABLE scrap_reasons (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  description TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT 'other' CHECK (category IN ('material','process','equipment','operator','design','other')),
  active INTEGER NOT NULL DEFAULT 1,
  metadata TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX scrap_reasons_code ON scrap_reasons(tenant_id, code);

CREATE TABLE operation_quantities (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
  recorded_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  quantity_produced INTEGER NOT NULL,
  quantity_good INTEGER NOT NULL DEFAULT 0,
  quantity_scrap INTEGER NOT NULL DEFAULT 0,
  quantity_rework INTEGER NOT NULL DEFAULT 0,
  scrap_reason_id TEXT REFERENCES scrap_reasons(id),
  material_lot TEXT, material_supplier TEXT, material_cert_number TEXT,
  recorded_at TEXT NOT NULL,
  notes TEXT,
  metadata TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (quantity_good >= 0 AND quantity_scrap >= 0 AND quantity_rework >= 0),
  CHECK (quantity_produced = quantity_good + quantity_scrap + quantity_rework)
);
CREATE INDEX operation_quantities_operation ON operation_quantities(operation_id);

CREATE TABLE operation_quantity_scrap_reasons (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  operation_quantity_id TEXT NOT NULL REFERENCES operation_quantities(id) ON DELETE CASCADE,
  scrap_reason_id TEXT NOT NULL REFERENCES scrap_reasons(id) ON DELETE RESTRICT,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX oqsr_pair ON operation_quantity_scrap_reasons(operation_quantity_id, scrap_reason_id);

CREATE TABLE issue_categories (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  description TEXT NOT NULL,
  severity_default TEXT NOT NULL DEFAULT 'medium' CHECK (severity_default IN ('low','medium','high','critical')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX issue_categories_code ON issue_categories(tenant_id, code);

CREATE TABLE issues (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
  created_by TEXT NOT NULL REFERENCES users(id),
  reported_by_id TEXT REFERENCES users(id) ON DELETE SET NULL,
  title TEXT,
  description TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low','medium','high','critical')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','closed')),
  issue_type TEXT NOT NULL DEFAULT 'general' CHECK (issue_type IN ('general','ncr')),
  ncr_number TEXT,
  image_paths TEXT,
  reviewed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  reviewed_at TEXT,
  resolution_notes TEXT,
  ncr_category TEXT CHECK (ncr_category IN ('material_defect','dimensional','surface_finish','process_error','other')),
  disposition TEXT CHECK (disposition IN ('scrap','rework','use_as_is','return_to_supplier')),
  root_cause TEXT, corrective_action TEXT, preventive_action TEXT,
  affected_quantity INTEGER,
  verification_required INTEGER NOT NULL DEFAULT 0,
  verified_at TEXT,
  verified_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  current_cell_id TEXT REFERENCES cells(id) ON DELETE SET NULL,
  intended_next_cell_id TEXT REFERENCES cells(id) ON DELETE SET NULL,
  causes_standstill INTEGER NOT NULL DEFAULT 0,
  closed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX issues_operation ON issues(operation_id, status);
CREATE INDEX issues_tenant_status ON issues(tenant_id, status);

CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  part_id TEXT NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
  job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  operator_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  assigned_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned','accepted','in_progress','completed')),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assignments_operator ON assignments(tenant_id, operator_id);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('issue','job_due','new_part','new_user','assignment','part_completed','operation_completed','system')),
  severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('high','medium','low')),
  title TEXT NOT NULL,
  message TEXT,
  link TEXT,
  reference_type TEXT CHECK (reference_type IN ('issue','job','part','user','assignment','operation')),
  reference_id TEXT,
  read INTEGER NOT NULL DEFAULT 0, read_at TEXT,
  pinned INTEGER NOT NULL DEFAULT 0, pinned_at TEXT,
  dismissed INTEGER NOT NULL DEFAULT 0, dismissed_at TEXT,
  metadata TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notifications_user ON notifications(tenant_id, user_id, read);

CREATE TABLE activity_log (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  user_id TEXT,
  user_name TEXT,
  user_email TEXT,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT,
  entity_name TEXT,
  description TEXT,
  changes TEXT,
  metadata TEXT,
  ip TEXT, user_agent TEXT, session_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX activity_log_tenant ON activity_log(tenant_id, created_at);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  key_prefix TEXT NOT NULL,
  key_last4 TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT 'read_write' CHECK (scope IN ('read','read_write','admin')),
  environment TEXT NOT NULL DEFAULT 'live' CHECK (environment IN ('live','test')),
  created_by TEXT,
  last_used_at TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  revoked_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE mcp_keys (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  key_hash TEXT NOT NULL UNIQUE,
  key_prefix TEXT NOT NULL,
  environment TEXT NOT NULL DEFAULT 'live' CHECK (environment IN ('live','test')),
  allowed_tools TEXT,
  rate_limit INTEGER NOT NULL DEFAULT 100,
  enabled INTEGER NOT NULL DEFAULT 1,
  usage_count INTEGER NOT NULL DEFAULT 0,
  last_used_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX mcp_keys_name ON mcp_keys(tenant_id, name);

CREATE TABLE mcp_key_usage (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  key_id TEXT NOT NULL REFERENCES mcp_keys(id) ON DELETE CASCADE,
  tool_name TEXT NOT NULL,
  arguments_digest TEXT,
  success INTEGER NOT NULL,
  error_message TEXT,
  response_time_ms INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at TEXT,
  description TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  failing_since TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_status_code INTEGER,
  last_error TEXT,
  delivered_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries(webhook_id, event_id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);

CREATE TABLE webhook_logs (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  delivery_id TEXT REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  event_type TEXT NOT NULL,
  status_code INTEGER,
  duration_ms INTEGER,
  response_excerpt TEXT,
  error_message TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE mqtt_publishers (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  broker_url TEXT NOT NULL,
  port INTEGER NOT NULL DEFAULT 1883,
  username TEXT,
  password TEXT,
  client_id TEXT,
  use_tls INTEGER NOT NULL DEFAULT 0,
  ca_file TEXT,
  topic_pattern TEXT NOT NULL DEFAULT '{enterprise}/{site}/{area}/{cell}/{event}',
  default_enterprise TEXT NOT NULL DEFAULT 'eryxon',
  default_site TEXT NOT NULL DEFAULT 'main',
  default_area TEXT NOT NULL DEFAULT 'production',
  events TEXT NOT NULL,
  qos INTEGER NOT NULL DEFAULT 1 CHECK (qos IN (0,1,2)),
  active INTEGER NOT NULL DEFAULT 1,
  last_connected_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE mqtt_logs (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  publisher_id TEXT NOT NULL REFERENCES mqtt_publishers(id) ON DELETE CASCADE,
  event_type TEXT NOT NULL,
  topic TEXT NOT NULL,
  payload TEXT,
  success INTEGER NOT NULL,
  error_message TEXT,
  latency_ms INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sync_imports (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  entity_type TEXT NOT NULL,
  operation TEXT NOT NULL DEFAULT 'upsert',
  source TEXT NOT NULL,
  status TEXT NOT NULL,
  total_records INTEGER NOT NULL DEFAULT 0,
  created_count INTEGER NOT NULL DEFAULT 0,
  updated_count INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  error_count INTEGER NOT NULL DEFAULT 0,
  errors TEXT,
  sync_hash TEXT,
  completed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The event bus and its source of truth: written in the same transaction as the change.
CREATE TABLE outbox (
  id {{SERIAL}},
  event_id TEXT NOT NULL UNIQUE,
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('event','change')),
  topic TEXT NOT NULL,
  entity_id TEXT,
  payload TEXT NOT NULL,
  occurred_at TEXT NOT NULL
);

-- Durable sinks keep their position here, advanced in the same transaction as their own bookkeeping.
CREATE TABLE outbox_cursors (
  sink TEXT PRIMARY KEY,
  last_id BIGINT NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
