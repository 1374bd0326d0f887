"""Stored worksheets: the snapshot that re-renders identically forever."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storage.errors import NotFoundError
from storage.repositories.base import Repository
from storage.tables import WORKSHEETS
from worksheets.model import Worksheet


class WorksheetRepository(Repository[Worksheet]):
    table = WORKSHEETS
    model = Worksheet

    def add(self, worksheet: Worksheet | Mapping[str, Any]) -> Worksheet:
        return self._insert([worksheet])[0]

    def by_code(self, code: str) -> Worksheet:
        found = self._select("code = ? AND deleted_at IS NULL", (code.strip().upper(),))
        if not found:
            raise NotFoundError(f"no worksheet with code {code.strip().upper()}")
        return found[0]

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
