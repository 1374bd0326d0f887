"""Sync's view of the store: the outbox to push, pages to apply, counts, notices, adoption.

`sync/` calls these (SQL stays in `storage/`); each method is one transaction or one read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage import sync_apply, sync_outbox
from storage.sync_apply import FULL_RESYNC_KEY, AppliedPage
from storage.sync_outbox import PushOutcome
from storage.tables import SERVER_OWNED_TABLES, SYNCED_TABLES
from storage.writer import utc_now

DEVICE_KEY = "sync.device_id"
LAST_SUCCESS_KEY = "sync.last_success"


@dataclass(frozen=True)
class Notice:
    """A change the server refused: what it was, and why."""

    mutation_id: str
    table: str
    row_id: str
    op: str
    reason: str
    noticed_at: str


class SyncRepository:
    def __init__(self, store: Any) -> None:
        self.store = store

    # Push

    def next_batch(self, limit: int) -> list[dict[str, Any]]:
        return sync_outbox.next_batch(self.store, limit)

    def record_answers(
        self, batch: Sequence[dict[str, Any]], results: Sequence[dict[str, Any]]
    ) -> PushOutcome:
        return sync_outbox.record_answers(self.store, batch, results)

    def note_failure(self, batch: Sequence[dict[str, Any]], error: str) -> None:
        sync_outbox.note_failure(self.store, batch, error)

    def pending_count(self) -> int:
        return sync_outbox.pending_count(self.store)

    # Pull

    def cursor(self) -> str:
        return sync_apply.cursor(self.store)

    def apply_page(self, changes: Sequence[dict[str, Any]], next_cursor: str) -> AppliedPage:
        return sync_apply.apply_page(self.store, changes, next_cursor)

    def finish_pull(self) -> set[str]:
        return sync_apply.finish_pull(self.store)

    # The device and its account

    def device_id(self) -> str:
        """This database's id for the server's records of who pushed what (the clock node)."""
        return str(self.store.clock.node)

    def adopt(self, owner_id: str) -> int:
        """Mark rows made before the first sign-in as this account's; returns how many."""
        changed = 0
        with self.store.write():
            for name in SYNCED_TABLES:
                cursor = self.store.conn.execute(
                    f"UPDATE {name} SET owner_id = ? WHERE owner_id IS NULL", (owner_id,)
                )
                changed += cursor.rowcount
        return changed

    def mark_success(self) -> str:
        now = utc_now()
        with self.store.write():
            self.store.set_state(LAST_SUCCESS_KEY, now)
        return now

    def last_success(self) -> str | None:
        value = self.store.state(LAST_SUCCESS_KEY)
        return str(value) if value else None

    # After a sync: counts, and the full re-sync a mismatch offers

    def counts(self) -> dict[str, dict[str, int]]:
        """Live and deleted rows per table, as `sync_counts` answers for the server.

        Rows whose insert the server refused are left out: the server will never hold them.
        """
        counts = {}
        for name in SYNCED_TABLES:
            live, deleted = self.store.conn.execute(
                f"SELECT count(*) FILTER (WHERE deleted_at IS NULL), "
                f"count(*) FILTER (WHERE deleted_at IS NOT NULL) FROM {name} t "
                "WHERE NOT EXISTS (SELECT 1 FROM sync_notices n WHERE n.table_name = ? "
                "AND n.row_id = t.id AND n.op = 'insert')",
                (name,),
            ).fetchone()
            counts[name] = {"live": int(live), "deleted": int(deleted)}
        for name in SERVER_OWNED_TABLES:
            (live,) = self.store.conn.execute(f"SELECT count(*) FROM {name}").fetchone()
            counts[name] = {"live": int(live), "deleted": 0}
        return counts

    def begin_full_resync(self) -> None:
        """Pull everything again from the start, remembering which rows the server has."""
        with self.store.write():
            if self.store.state(FULL_RESYNC_KEY) is None:
                self.store.conn.execute("DELETE FROM sync_seen")
            self.store.set_state(FULL_RESYNC_KEY, utc_now())
            self.store.set_state(sync_apply.CURSOR_KEY, "")

    def full_resync_running(self) -> bool:
        return self.store.state(FULL_RESYNC_KEY) is not None

    def end_full_resync(self) -> int:
        """Queue again every row the server did not send (and no queued change covers)."""
        queued = 0
        with self.store.write() as writer:
            for name, table in SYNCED_TABLES.items():
                for (row_id,) in self.store.conn.execute(_UNSEEN.format(table=name), (name,)):
                    writer.requeue(table, row_id)
                    queued += 1
            self.store.conn.execute("DELETE FROM sync_seen")
            self.store.conn.execute("DELETE FROM sync_state WHERE key = ?", (FULL_RESYNC_KEY,))
        return queued

    # Notices of refused changes

    def notices(self, include_dismissed: bool = False) -> list[Notice]:
        where = "" if include_dismissed else "WHERE dismissed_at IS NULL"
        rows = self.store.query(
            "SELECT mutation_id, table_name, row_id, op, reason, noticed_at FROM sync_notices "
            f"{where} ORDER BY noticed_at, mutation_id"
        )
        return [Notice(*tuple(row)) for row in rows]

    def dismiss(self, mutation_ids: Sequence[str]) -> None:
        now = utc_now()
        with self.store.write():
            self.store.conn.executemany(
                "UPDATE sync_notices SET dismissed_at = ? WHERE mutation_id = ?",
                [(now, m) for m in mutation_ids],
            )


_UNSEEN = (
    "SELECT t.id FROM {table} t WHERE NOT EXISTS "
    "(SELECT 1 FROM sync_seen s WHERE s.table_name = ? AND s.row_id = t.id) "
    "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.table_name = '{table}' AND o.row_id = t.id) "
    "AND NOT EXISTS (SELECT 1 FROM sync_notices n WHERE n.table_name = '{table}' "
    "AND n.row_id = t.id AND n.op = 'insert')"
)
