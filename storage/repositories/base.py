"""What every repository shares: typed reads of one synced table and writes through `Writer`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from storage.errors import InvalidInput, NotFoundError
from storage.records import validated
from storage.tables import SyncedTable

if TYPE_CHECKING:
    from storage.database import Store

R = TypeVar("R", bound=BaseModel)


class Repository(Generic[R]):
    """Reads and writes of one aggregate. Subclasses name `table` and `model`."""

    table: SyncedTable
    model: type[R]

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, row_id: str) -> R:
        rows = self._select("id = ? AND deleted_at IS NULL", (row_id,))
        if not rows:
            raise NotFoundError(f"no {self.table.name} row with id {row_id}")
        return rows[0]

    def delete(self, row_id: str) -> None:
        """Tombstone the row (sync carries the deletion to every device)."""
        with self.store.write() as writer:
            writer.delete(self.table, row_id)

    def _insert(self, records: Sequence[R | Mapping[str, Any]]) -> list[R]:
        """Validate every record first, then write them all in one transaction."""
        models = [validated(self.model, dict(r) if isinstance(r, Mapping) else r) for r in records]
        rows = [self._values(m) for m in models]
        with self.store.write() as writer:
            ids = writer.insert(self.table, rows, [getattr(m, "id", None) for m in models])
        return [m.model_copy(update={"id": i}) for m, i in zip(models, ids, strict=True)]

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
        data = record.model_dump(mode="json")
        return tuple(data[name] for name in self.table.columns)

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
        return self.model.model_validate(data)
