"""Rows between this device's SQLite and the cloud's Postgres: one conversion each way.

The cloud keeps timestamps as timestamptz, flags as boolean and JSON columns as jsonb; here
they are canonical UTC text (`2026-11-21T10:00:00.000Z`), 0/1 and JSON text. Converting every
pulled value to the same canonical text on every device keeps text order equal to time order,
so replaying the attempt log in (answered_at, id) order gives the same mastery everywhere.
"""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from storage.tables import ServerOwnedTable, SyncedTable

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_SYNC_TIMES = frozenset({"deleted_at", "created_at", "updated_at"})


class CodecError(ValueError):
    """A pulled row this version cannot store (a missing column, a value of the wrong kind)."""


def canonical_time(value: Any) -> str | None:
    """ISO-8601 text in any offset as UTC with exactly three fraction digits (milliseconds).

    Fixed width keeps text order equal to time order. The app stamps in milliseconds; a server
    default (`now()`, microseconds) loses its last three digits, the same way on every device.
    """
    if value is None:
        return None
    text = str(value)
    if len(text) >= 25 and text.endswith("+00:00") and text[10] == "T":
        whole, _, fraction = text[:-6].partition(".")  # UTC as Postgres sends it: no parsing
        return f"{whole}.{fraction[:3].ljust(3, '0')}Z"
    try:
        moment = datetime.fromisoformat(text).astimezone(UTC)
    except ValueError as error:
        raise CodecError(f"not a timestamp: {value!r}") from error
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


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
    """A pulled row as values in `table.all_columns` order, ready for SQLite.

    Text and numbers go as they came: a value of another kind is refused by the STRICT table.
    """
    take, conversions = _plan(table)
    try:
        values = list(take(row))
    except KeyError as error:
        raise CodecError(f"a pulled {table.name} row has no {error.args[0]}") from error
    for index, convert in conversions:
        value = values[index]
        if value is not None:
            values[index] = convert(value)
    return tuple(values)


@functools.cache
def _plan(
    table: SyncedTable,
) -> tuple[
    Callable[[dict[str, Any]], tuple[Any, ...]], tuple[tuple[int, Callable[[Any], Any]], ...]
]:
    """How to read a table's pulled rows: the getter of its columns, and which to convert."""
    conversions: list[tuple[int, Callable[[Any], Any]]] = []
    for index, name in enumerate(table.all_columns):
        if name in _SYNC_TIMES or name in table.time_columns:
            conversions.append((index, canonical_time))
        elif name in table.json_columns:
            conversions.append((index, _encode))
        elif name in table.bool_columns:
            conversions.append((index, _flag))
    return operator.itemgetter(*table.all_columns), tuple(conversions)


def _flag(value: Any) -> int:
    return int(bool(value))


def server_owned_values(table: ServerOwnedTable, row: dict[str, Any]) -> tuple[Any, ...]:
    """A pulled server-owned row as values in `table.columns` order."""
    values = []
    for name in table.columns:
        if name not in row:
            raise CodecError(f"a pulled {table.name} row has no {name}")
        value = row[name]
        values.append(canonical_time(value) if name in table.time_columns else value)
    return tuple(values)
