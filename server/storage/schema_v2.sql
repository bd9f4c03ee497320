-- Migration 2: durable event delivery (webhooks and MQTT).
-- Loopback webhook targets are refused unless the tenant's admin allows them.
ALTER TABLE tenants ADD COLUMN allow_loopback_webhooks INTEGER NOT NULL DEFAULT 0;

-- One row per attempt (status, time, response excerpt, error); deliveries keep the schedule.
ALTER TABLE webhook_logs ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
ALTER TABLE webhook_deliveries ADD COLUMN last_attempt_at TEXT;
ALTER TABLE webhooks ADD COLUMN disabled_reason TEXT;

-- MQTT messages waiting for their broker's acknowledgement (QoS 1 PUBACK / QoS 2 PUBCOMP);
-- they survive a restart and are sent again after a reconnect.
CREATE TABLE mqtt_messages (
  id {{SERIAL}},
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  publisher_id TEXT NOT NULL REFERENCES mqtt_publishers(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  topic TEXT NOT NULL,
  payload TEXT NOT NULL,
  qos INTEGER NOT NULL DEFAULT 1,
  retain INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX mqtt_messages_publisher ON mqtt_messages(publisher_id, id);

ALTER TABLE mqtt_publishers ADD COLUMN cell_state_topics INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mqtt_publishers ADD COLUMN client_cert_file TEXT;
ALTER TABLE mqtt_publishers ADD COLUMN client_key_file TEXT;
