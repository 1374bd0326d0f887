-- What sync needs on the device beyond the outbox: notices of rejected changes, and the rows a
-- full re-sync has seen on the server (so an interrupted one resumes where it stopped).

-- A change the server refused (too large, not allowed, ...). It left the outbox so it never
-- blocks the queue; the notice says what and why until the user dismisses it.
CREATE TABLE IF NOT EXISTS sync_notices (
    mutation_id TEXT PRIMARY KEY NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
    reason TEXT NOT NULL,
    hlc TEXT NOT NULL,
    noticed_at TEXT NOT NULL,
    dismissed_at TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sync_notices_by_row ON sync_notices (table_name, row_id);

-- During a full re-sync: every row id the server sent. Rows the server lacks are queued again.
CREATE TABLE IF NOT EXISTS sync_seen (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS outbox_by_row ON outbox (table_name, row_id);
