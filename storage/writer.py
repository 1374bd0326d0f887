"""The one way to change a synced table: row and outbox mutation in the same transaction.

A `Writer` exists only inside `Store.write()`. Each method stamps the change with the device's
clock, writes the row, and appends exactly one outbox mutation per row, so either both are
committed or neither is. Repositories call these methods; nothing else writes synced tables.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from storage.clock import HybridLogicalClock
from storage.errors import NotFoundError
from storage.ids import uuid7
from storage.tables import Kind, SyncedTable

OUTBOX_INSERT = (
    "INSERT INTO outbox (hlc, mutation_id, table_name, row_id, op, fields, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def utc_now() -> str:
    """Current UTC time as ISO-8601 text with milliseconds, e.g. 2026-11-21T10:00:00.000Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_json(value: Any) -> str:
    return _encode(value)


class Writer:
    """Writes for one transaction. Not thread-safe: it belongs to the thread that opened it."""

    def __init__(self, conn: sqlite3.Connection, clock: HybridLogicalClock) -> None:
        self._conn = conn
        self._clock = clock
        self.stamped = False

    def insert(
        self,
        table: SyncedTable,
        rows: Sequence[Sequence[Any]],
        ids: Sequence[str | None] | None = None,
    ) -> list[str]:
        """Insert rows given as values in `table.columns` order; returns their ids.

        Editable rows carry their values in the outbox. Append-only rows never change after
        this insert, so their mutation names the row instead of copying it (fields = NULL).
        """
        now = utc_now()
        tick = self._clock.now
        copy_fields = table.kind is Kind.EDITABLE
        json_at = [i for i, name in enumerate(table.columns) if name in table.json_columns]
        stored, mutations, new_ids = [], [], []
        for index, values in enumerate(rows):
            row_id = (ids[index] if ids else None) or uuid7()
            hlc = tick()
            fields = _encode(dict(zip(table.columns, values, strict=True))) if copy_fields else None
            if json_at:
                values = [_encode(v) if i in json_at else v for i, v in enumerate(values)]
            stored.append((row_id, None, hlc, None, now, now, *values))
            mutations.append((hlc, uuid7(), table.name, row_id, "insert", fields, now))
            new_ids.append(row_id)
        self._conn.executemany(table.insert_sql, stored)
        self._conn.executemany(OUTBOX_INSERT, mutations)
        self.stamped = self.stamped or bool(rows)
        return new_ids

    def update(self, table: SyncedTable, row_id: str, changes: Mapping[str, Any]) -> str:
        """Write changed fields of a live row; returns the change's clock stamp."""
        unknown = set(changes) - set(table.columns)
        if unknown or not changes:
            raise ValueError(f"cannot update {table.name} fields {sorted(unknown) or 'none'}")
        if table.kind is Kind.APPEND_ONLY:
            raise ValueError(f"{table.name} is append-only: rows are never updated")
        now, hlc = utc_now(), self._clock.now()
        assignments = ", ".join(f"{name} = ?" for name in changes)
        values = [_encode(v) if k in table.json_columns else v for k, v in changes.items()]
        cursor = self._conn.execute(
            f"UPDATE {table.name} SET {assignments}, hlc = ?, updated_at = ? "
            "WHERE id = ? AND deleted_at IS NULL",
            (*values, hlc, now, row_id),
        )
        if cursor.rowcount != 1:
            raise NotFoundError(f"no {table.name} row {row_id}")
        self._append(hlc, table, row_id, "update", _encode(dict(changes)), now)
        return hlc

    def delete(self, table: SyncedTable, row_id: str) -> str:
        """Tombstone a row: it stays, marked deleted, until the server has the tombstone."""
        now, hlc = utc_now(), self._clock.now()
        cursor = self._conn.execute(
            f"UPDATE {table.name} SET deleted_at = ?, hlc = ?, updated_at = ? "
            "WHERE id = ? AND deleted_at IS NULL",
            (now, hlc, now, row_id),
        )
        if cursor.rowcount != 1:
            raise NotFoundError(f"no {table.name} row {row_id}")
        self._append(hlc, table, row_id, "delete", _encode({"deleted_at": now}), now)
        return hlc

    def sent(self, table: SyncedTable, row_id: str) -> bool:
        """Has the server (or may it have) received this row? Only a row whose insert is still
        queued here has never left this device."""
        queued = self._conn.execute(
            "SELECT 1 FROM outbox WHERE table_name = ? AND row_id = ? AND op = 'insert'",
            (table.name, row_id),
        ).fetchone()
        return queued is None

    def forget_unsent(self, table: SyncedTable, row_id: str) -> None:
        """Remove a row that never left this device, with its queued mutations.

        No server or other device has it, so there is no one to tell with a tombstone (and the
        server never counts it). Call only when `sent()` is False, in the same transaction.
        """
        self._conn.execute(
            "DELETE FROM outbox WHERE table_name = ? AND row_id = ?", (table.name, row_id)
        )
        cursor = self._conn.execute(f"DELETE FROM {table.name} WHERE id = ?", (row_id,))
        if cursor.rowcount != 1:
            raise NotFoundError(f"no {table.name} row {row_id}")

    def requeue(self, table: SyncedTable, row_id: str) -> str:
        """Queue an existing row again as an insert (the server lacks it); returns its stamp.

        A tombstoned row is queued as an insert followed by its delete, so the server ends up
        holding the same tombstone as this device.
        """
        names = ", ".join(("deleted_at", *table.columns))
        row = self._conn.execute(
            f"SELECT {names} FROM {table.name} WHERE id = ?", (row_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no {table.name} row {row_id}")
        deleted_at, values = row[0], row[1:]
        now, hlc = utc_now(), self._clock.now()
        fields = None
        if table.kind is Kind.EDITABLE:
            decoded = [
                json.loads(v) if k in table.json_columns and v is not None else v
                for k, v in zip(table.columns, values, strict=True)
            ]
            fields = _encode(dict(zip(table.columns, decoded, strict=True)))
        self._append(hlc, table, row_id, "insert", fields, now)
        if deleted_at is not None:
            hlc = self._clock.now()
            self._append(hlc, table, row_id, "delete", _encode({"deleted_at": deleted_at}), now)
        self._conn.execute(f"UPDATE {table.name} SET hlc = ? WHERE id = ?", (hlc, row_id))
        return hlc

    def _append(
        self, hlc: str, table: SyncedTable, row_id: str, op: str, fields: str | None, now: str
    ) -> None:
        self._conn.execute(OUTBOX_INSERT, (hlc, uuid7(), table.name, row_id, op, fields, now))
        self.stamped = True
