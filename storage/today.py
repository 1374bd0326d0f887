"""What the Today page reads: sheets waiting to be graded, marks typed but not saved, and who
is in which class.

A sheet is waiting once it was printed (`printed_at` in its settings: sent to a printer or saved
as a PDF) and nothing on it has been graded; sheets of children archived or deleted are left
out. A sheet with marks typed but not saved is listed with its draft instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.database import Store


@dataclass(frozen=True)
class WaitingSheet:
    worksheet_id: str
    code: str
    title: str
    child_name: str  # '' for a sheet made for a whole class
    class_id: str | None
    class_name: str  # '' for a child's own sheet
    date: str  # as printed on the sheet


@dataclass(frozen=True)
class UnsavedMarks:
    worksheet_id: str
    code: str
    title: str
    child_name: str  # '' when the teacher had not yet chosen whose class sheet it is
    typed_at: str  # UTC stamp of the last keystroke kept


_WAITING = """
SELECT w.id, w.code, w.title, w.class_id, coalesce(c.name, '') AS child_name,
       coalesce(k.name, '') AS class_name, coalesce(w.settings ->> '$.date', '') AS date
FROM worksheets w
LEFT JOIN children c ON c.id = w.child_id
LEFT JOIN teacher_classes k ON k.id = w.class_id
WHERE w.deleted_at IS NULL
  AND w.settings ->> '$.printed_at' IS NOT NULL
  AND (w.child_id IS NULL OR (c.deleted_at IS NULL AND c.archived_at IS NULL))
  AND NOT EXISTS (SELECT 1 FROM attempt_events a
                  WHERE a.worksheet_id = w.id AND a.deleted_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM grading_drafts d WHERE d.worksheet_id = w.id)
ORDER BY w.id
"""

_UNSAVED = """
SELECT d.worksheet_id, w.code, w.title, coalesce(c.name, '') AS child_name, d.updated_at
FROM grading_drafts d
JOIN worksheets w ON w.id = d.worksheet_id AND w.deleted_at IS NULL
LEFT JOIN children c ON c.id = nullif(d.child_id, '')
WHERE d.child_id = '' OR c.deleted_at IS NULL
ORDER BY d.updated_at DESC
"""


def waiting_sheets(store: Store) -> list[WaitingSheet]:
    """Printed sheets nobody has graded yet, oldest first (ids sort by when they were made)."""
    return [
        WaitingSheet(
            r["id"],
            r["code"],
            r["title"],
            r["child_name"],
            r["class_id"],
            r["class_name"],
            r["date"],
        )
        for r in store.query(_WAITING)
    ]


def unsaved_marks(store: Store) -> list[UnsavedMarks]:
    """Sheets with marks typed and not saved (grading drafts), the most recently typed first."""
    return [
        UnsavedMarks(r[0], r["code"], r["title"], r["child_name"], r["updated_at"])
        for r in store.query(_UNSAVED)
    ]


def class_members(store: Store) -> dict[str, list[str]]:
    """Class id -> ids of the children in it now."""
    rows = store.query(
        "SELECT class_id, child_id FROM class_members WHERE left_at IS NULL "
        "AND deleted_at IS NULL ORDER BY class_id"
    )
    members: dict[str, list[str]] = {}
    for row in rows:
        members.setdefault(row["class_id"], []).append(row["child_id"])
    return members


def sheet_count(store: Store) -> int:
    """How many worksheets were ever made (and not deleted)."""
    return int(store.query("SELECT count(*) FROM worksheets WHERE deleted_at IS NULL")[0][0])
