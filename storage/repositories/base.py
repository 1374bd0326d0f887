"""What every repository shares: typed reads of one synced table and writes through `Writer`."""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar, get_args

from pydantic import BaseModel

from storage.errors import InvalidInput, NotFoundError
from storage.ids import uuid7
from storage.records import from_row, validated
from storage.tables import SyncedTable

if TYPE_CHECKING:
    from storage.database import Store

R = TypeVar("R", bound=BaseModel)


class Repository(Generic[R]):
    """Reads and writes of one aggregate. Subclasses name `table` and `model`."""

    table: SyncedTable
    model: type[R]
    noun = "record"  # what a teacher or parent calls one row, for messages

    def __init__(self, store: Store) -> None:
        self.store = store
        self._columns = operator.attrgetter(*self.table.columns)
        self._date_at = [
            i
            for i, name in enumerate(self.table.columns)
            if _is_date(self.model.model_fields[name].annotation)
        ]

    def get(self, row_id: str) -> R:
        rows = self._select("id = ? AND deleted_at IS NULL", (row_id,))
        if not rows:
            raise NotFoundError(f"there is no {self.noun} with id {row_id}")
        return rows[0]

    def delete(self, row_id: str) -> None:
        """Tombstone the row (sync carries the deletion to every device)."""
        with self.store.write() as writer:
            writer.delete(self.table, row_id)

    def _insert(self, records: Sequence[R | Mapping[str, Any]]) -> list[R]:
        """Validate every record first, then write them all in one transaction.

        Ids are given before validation, so the returned records are the validated ones.
        """
        models = [self._with_id(r) for r in records]
        rows = [self._values(m) for m in models]
        with self.store.write() as writer:
            writer.insert(self.table, rows, [getattr(m, "id") for m in models])  # noqa: B009
        return models

    def _with_id(self, record: R | Mapping[str, Any]) -> R:
        if isinstance(record, Mapping):
            return validated(self.model, {**record, "id": record.get("id") or uuid7()})
        if getattr(record, "id", None) is None:
            return record.model_copy(update={"id": uuid7()})
        return record

    def _update(self, row_id: str, changes: Mapping[str, Any]) -> R:
        """Validate the edited record as a whole, then write only the fields that changed."""
        current = self.get(row_id)
        unknown = set(changes) - set(self.table.columns)
        if unknown:
            raise InvalidInput(f"unknown field(s): {', '.join(sorted(unknown))}")
        edited = validated(self.model, {**current.model_dump(), **changes})
        before, after = current.model_dump(mode="json"), edited.model_dump(mode="json")
        changed = {k: after[k] for k in self.table.columns if before.get(k) != after.get(k)}
        if changed:
            with self.store.write() as writer:
                writer.update(self.table, row_id, changed)
        return edited

    def _values(self, record: R) -> tuple[Any, ...]:
        """The record's column values as SQLite and JSON take them (dates as ISO text)."""
        values = self._columns(record)
        if not self._date_at:
            return values
        return tuple(
            v.isoformat() if i in self._date_at and v is not None else v
            for i, v in enumerate(values)
        )

    def _select(self, where: str, params: Sequence[Any] = (), order: str = "") -> list[R]:
        columns = ", ".join(("id", *self.table.columns))
        sql = f"SELECT {columns} FROM {self.table.name} WHERE {where}"
        if order:
            sql += f" ORDER BY {order}"
        return [self._record(row) for row in self.store.query(sql, params)]

    def _record(self, row: sqlite3.Row) -> R:
        data = dict(row)
        for name in self.table.json_columns:
            data[name] = json.loads(data[name])
        return from_row(self.model, data)


def _is_date(annotation: Any) -> bool:
    return annotation is date or date in get_args(annotation)
