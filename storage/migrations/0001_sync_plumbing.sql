-- The device's own bookkeeping: the transactional outbox, sync state and device settings.

-- One row per local change not yet acknowledged by the server, written in the same transaction
-- as the change itself. Keyed by the change's clock stamp: unique on this device, and in the
-- order the changes were made, which is the order they are pushed.
CREATE TABLE IF NOT EXISTS outbox (
    hlc TEXT PRIMARY KEY NOT NULL,
    mutation_id TEXT NOT NULL,          -- UUIDv7; the server records it so a retried push changes nothing
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields TEXT,                        -- JSON object of the fields written; NULL = the whole row of an append-only table
    created_at TEXT NOT NULL,
    push_attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
) STRICT, WITHOUT ROWID;

-- Key/value state of this device's sync: node id, clock high-water mark, cursors.
CREATE TABLE IF NOT EXISTS sync_state (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Settings that belong to this device, never synced (telemetry opt-in, data folder, ...).
CREATE TABLE IF NOT EXISTS device_settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
