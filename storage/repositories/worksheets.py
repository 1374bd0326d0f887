"""Stored worksheets: the snapshot that re-renders identically forever."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from storage.errors import NotFoundError
from storage.repositories.base import Repository
from storage.tables import WORKSHEETS
from worksheets.codes import normalise_code
from worksheets.model import Worksheet


class WorksheetRepository(Repository[Worksheet]):
    table = WORKSHEETS
    model = Worksheet
    noun = "worksheet"

    def add(self, worksheet: Worksheet | Mapping[str, Any]) -> Worksheet:
        return self._insert([worksheet])[0]

    def add_many(self, worksheets: Sequence[Worksheet]) -> list[Worksheet]:
        """A class set in one transaction: all sheets or none."""
        return self._insert(worksheets)

    def find(self, id_or_code: str) -> Worksheet:
        """By id, or by the code printed on the sheet."""
        found = self._select("id = ? AND deleted_at IS NULL", (id_or_code,))
        return found[0] if found else self.by_code(id_or_code)

    def hashes_for_child(self, child_id: str) -> frozenset[str]:
        rows = self.store.query(
            "SELECT verification_hash FROM worksheets WHERE child_id = ? AND deleted_at IS NULL",
            (child_id,),
        )
        return frozenset(r["verification_hash"] for r in rows)

    def by_code(self, code: str) -> Worksheet:
        wanted = normalise_code(code)
        found = self._select("code = ? AND deleted_at IS NULL", (wanted,))
        if not found:
            raise NotFoundError(f"there is no worksheet with the code or id {code.strip()}")
        return found[0]

    def recent(self, limit: int) -> list[Worksheet]:
        """The newest sheets made for children still on the lists, newest first."""
        return self._select(
            "deleted_at IS NULL AND child_id IN (SELECT id FROM children "
            "WHERE deleted_at IS NULL AND archived_at IS NULL)",
            order=f"id DESC LIMIT {int(limit)}",  # UUIDv7 ids sort by time
        )

    def for_child(self, child_id: str) -> list[Worksheet]:
        return self._select("child_id = ? AND deleted_at IS NULL", (child_id,), order="created_at")

    def exists_for_child(self, child_id: str, verification_hash: str) -> bool:
        """Has this child already been given an identical worksheet?"""
        rows = self.store.query(
            "SELECT 1 FROM worksheets WHERE child_id = ? AND verification_hash = ? "
            "AND deleted_at IS NULL LIMIT 1",
            (child_id, verification_hash),
        )
        return bool(rows)
