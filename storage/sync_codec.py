"""Rows between this device's SQLite and the cloud's Postgres: one conversion each way.

The cloud keeps timestamps as timestamptz, flags as boolean and JSON columns as jsonb; here
they are canonical UTC text (`2026-11-21T10:00:00.000Z`), 0/1 and JSON text. Converting every
pulled value to the same canonical text on every device keeps text order equal to time order,
so replaying the attempt log in (answered_at, id) order gives the same mastery everywhere.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from storage.tables import SYNC_COLUMNS, ServerOwnedTable, SyncedTable

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_SYNC_TIMES = frozenset({"deleted_at", "created_at", "updated_at"})


class CodecError(ValueError):
    """A pulled row this version cannot store (a missing column, a value of the wrong kind)."""


def canonical_time(value: Any) -> str | None:
    """ISO-8601 text in any offset as UTC with milliseconds (microseconds only if present)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value)).astimezone(UTC)
    except ValueError as error:
        raise CodecError(f"not a timestamp: {value!r}") from error
    fraction = moment.microsecond
    digits = f"{fraction // 1000:03d}" if fraction % 1000 == 0 else f"{fraction:06d}"
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{digits}Z"


def pushed_fields(table: SyncedTable, row: dict[str, Any]) -> dict[str, Any]:
    """A whole local row (read for an append-only insert) as the fields the cloud expects."""
    fields: dict[str, Any] = {}
    for name in table.columns:
        value = row[name]
        if value is not None and name in table.json_columns:
            value = json.loads(value)
        elif value is not None and name in table.bool_columns:
            value = bool(value)
        fields[name] = value
    return fields


def local_values(table: SyncedTable, row: dict[str, Any]) -> tuple[Any, ...]:
    """A pulled row as values in `table.all_columns` order, ready for SQLite."""
    try:
        return tuple(_local(table, name, row[name]) for name in table.all_columns)
    except KeyError as error:
        raise CodecError(f"a pulled {table.name} row has no {error.args[0]}") from error


def _local(table: SyncedTable, name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _SYNC_TIMES or name in table.time_columns:
        return canonical_time(value)
    if name in table.json_columns:
        return _encode(value)
    if name in table.bool_columns:
        return int(bool(value))
    if name in SYNC_COLUMNS or isinstance(value, str | int | float):
        return value if not isinstance(value, bool) else int(value)
    raise CodecError(f"{table.name}.{name} came as {type(value).__name__}")


def server_owned_values(table: ServerOwnedTable, row: dict[str, Any]) -> tuple[Any, ...]:
    """A pulled server-owned row as values in `table.columns` order."""
    values = []
    for name in table.columns:
        if name not in row:
            raise CodecError(f"a pulled {table.name} row has no {name}")
        value = row[name]
        values.append(canonical_time(value) if name in table.time_columns else value)
    return tuple(values)
