"""Grading drafts: what a teacher has typed on a sheet and not saved yet (local, never synced).

Each put is its own small transaction, so what was typed a moment ago survives a crash. Saving
the marks removes the draft in the same transaction as the attempts (`discard` inside the
grading write).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storage.writer import to_json, utc_now

if TYPE_CHECKING:
    from storage.database import Store


@dataclass(frozen=True)
class GradingDraft:
    worksheet_id: str
    child_id: str  # '' for a class sheet whose child was not chosen yet
    entries: list[dict[str, Any]]  # per question: {"typed": str, "result": ..., "by": ...}
    done_on: str | None
    updated_at: str


class GradingDraftRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def put(
        self, worksheet_id: str, child_id: str, entries: list[dict[str, Any]], done_on: str | None
    ) -> None:
        with self.store.write():
            self.store.conn.execute(
                "INSERT INTO grading_drafts (worksheet_id, child_id, entries, done_on, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (worksheet_id, child_id) DO UPDATE SET "
                "entries = excluded.entries, done_on = excluded.done_on, "
                "updated_at = excluded.updated_at",
                (worksheet_id, child_id, to_json(entries), done_on, utc_now()),
            )

    def discard(self, worksheet_id: str, child_id: str) -> None:
        with self.store.write():
            self.store.conn.execute(
                "DELETE FROM grading_drafts WHERE worksheet_id = ? AND child_id = ?",
                (worksheet_id, child_id),
            )

    def forget_child(self, child_id: str) -> None:
        """Erasing a child erases what was typed for them too."""
        with self.store.write():
            self.store.conn.execute("DELETE FROM grading_drafts WHERE child_id = ?", (child_id,))

    def for_worksheet(self, worksheet_id: str) -> dict[str, GradingDraft]:
        """The sheet's drafts by child id ('' for one not yet given a child)."""
        rows = self.store.query(_SELECT + " WHERE worksheet_id = ?", (worksheet_id,))
        return {row["child_id"]: _draft(row) for row in rows}

    def all(self) -> list[GradingDraft]:
        """Every draft, the most recently typed first (the Today page lists them)."""
        return [_draft(row) for row in self.store.query(_SELECT + " ORDER BY updated_at DESC")]


_SELECT = "SELECT worksheet_id, child_id, entries, done_on, updated_at FROM grading_drafts"


def _draft(row: Any) -> GradingDraft:
    return GradingDraft(
        row["worksheet_id"],
        row["child_id"],
        json.loads(row["entries"]),
        row["done_on"],
        row["updated_at"],
    )
