"""Stored worksheets: the snapshot that re-renders identically forever."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storage.errors import InvalidInput, NotFoundError
from storage.repositories.base import Repository
from storage.tables import WORKSHEETS
from storage.writer import utc_now
from worksheets.codes import normalise_code
from worksheets.model import Worksheet


class SheetInUse(InvalidInput):
    """A sheet that was printed or graded cannot be deleted: a child may hand it back."""


@dataclass(frozen=True)
class Deleted:
    forgotten: int  # never left this device: gone, and no longer counted
    tombstoned: int  # already sent: deleted everywhere by sync

    @property
    def count(self) -> int:
        return self.forgotten + self.tombstoned


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

    def mark_printed(self, worksheet_ids: Sequence[str]) -> int:
        """Note that these sheets were printed or saved as a PDF (the first time counts); the
        mark syncs with the sheet, so no device offers to delete a sheet a child may have."""
        now, marked = utc_now(), 0
        with self.store.write() as writer:
            for sheet in self._select_ids(worksheet_ids):
                if "printed_at" not in sheet.settings:
                    settings = {**sheet.settings, "printed_at": now}
                    writer.update(self.table, sheet.id or "", {"settings": settings})
                    marked += 1
        return marked

    def delete_unused(self, worksheet_ids: Sequence[str]) -> Deleted:
        """Delete sheets never printed nor graded, all or none (SheetInUse names the first
        that is). A sheet still waiting to sync is forgotten, so it is not counted against the
        month's free worksheets; one already sent becomes a tombstone that sync carries to the
        server and every device (the server has counted it already)."""
        sheets = self._select_ids(worksheet_ids)
        if len(sheets) != len(set(worksheet_ids)):
            raise NotFoundError("some of these worksheets no longer exist; refresh the list")
        forgotten = 0
        with self.store.write() as writer:
            for sheet in sheets:
                self._refuse_if_used(sheet)
                if writer.sent(self.table, sheet.id or ""):
                    writer.delete(self.table, sheet.id or "")
                else:
                    writer.forget_unsent(self.table, sheet.id or "")
                    forgotten += 1
        return Deleted(forgotten, len(sheets) - forgotten)

    def _refuse_if_used(self, sheet: Worksheet) -> None:
        graded = self.store.conn.execute(
            "SELECT 1 FROM attempt_events WHERE worksheet_id = ? AND deleted_at IS NULL LIMIT 1",
            (sheet.id,),
        ).fetchone()
        if graded or "printed_at" in sheet.settings:
            done = "graded" if graded else "printed"
            raise SheetInUse(
                f"worksheet {sheet.code} was {done}, so it is kept: a child may still hand it "
                "back; nothing was deleted"
            )

    def _select_ids(self, worksheet_ids: Sequence[str]) -> list[Worksheet]:
        found: list[Worksheet] = []
        unique = list(dict.fromkeys(worksheet_ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found += self._select(f"id IN ({marks}) AND deleted_at IS NULL", chunk)
        return found
