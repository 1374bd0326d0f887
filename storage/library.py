"""The Worksheets library: every sheet ever made, found by words and filters, newest first.

Words are matched through the FTS5 index `worksheet_search` (migration 0009), which triggers
keep current; filters (child, class, code, date, state) are plain SQL on `worksheets`. The
window, the command line (`worksheet list`) and the Grade page's list all read through here.

A sheet's state: *graded* once any of its answers is marked, else *printed* once it was printed
or saved as a PDF (`settings.printed_at`, which syncs with the sheet), else *not printed*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from worksheets.codes import normalise_code

if TYPE_CHECKING:
    from storage.database import Store

SheetState = Literal["not printed", "printed", "graded"]
STATES: tuple[SheetState, ...] = ("not printed", "printed", "graded")
SUBJECT_NAMES = {"maths": "Maths", "evs": "EVS", "english": "English", "hindi": "Hindi"}

_MARKED = (
    "(SELECT count(DISTINCT a.question_id) FROM attempt_events AS a "
    "WHERE a.worksheet_id = w.id AND a.deleted_at IS NULL)"
)
WALK_FROM = 1000  # matches beyond which the newest-first index is walked (see `_where`)
_STATE_SQL: dict[SheetState, str] = {
    "graded": "w.graded = 1",
    "printed": "w.printed_at IS NOT NULL AND w.graded = 0",
    "not printed": "w.printed_at IS NULL AND w.graded = 0",
}
# `worksheet_catalog` (migration 0009) holds what a listing shows; names are read live.
_COLUMNS = (
    "w.id AS worksheet_id, w.code, w.title, w.subject, w.grade, w.child_id, w.class_id, "
    "w.created_at AS made_at, w.version_label, "
    "coalesce(c.name, w.child_name, '') AS child_name, "
    "coalesce(k.name, w.class_name, '') AS class_name, "
    "coalesce(w.sheet_date, '') AS sheet_date, coalesce(w.chapters, '') AS chapters, "
    "w.questions, "
    f"{_MARKED} AS marked, w.printed_at"
)
_FROM = (
    "FROM worksheet_catalog AS w LEFT JOIN children AS c ON c.id = w.child_id "
    "LEFT JOIN teacher_classes AS k ON k.id = w.class_id"
)


@dataclass(frozen=True)
class LibraryQuery:
    """What to look for; every part is optional. `text` matches any word of the sheet's
    child, class, code, subject, chapters and date, each word as a prefix ("frac" finds
    "Fractions")."""

    text: str = ""
    child_id: str | None = None
    class_id: str | None = None
    code: str | None = None
    since: date | None = None
    state: SheetState | None = None
    limit: int | None = 500


@dataclass(frozen=True)
class LibrarySheet:
    worksheet_id: str
    code: str
    title: str
    subject: str
    grade: int
    child_id: str | None
    child_name: str
    class_id: str | None
    class_name: str
    made_at: str  # UTC ISO text
    sheet_date: str  # as printed on the sheet, e.g. "2 Nov 2026"
    chapters: str  # "Fractions; Give and Take" (once the index knows the syllabus)
    version_label: str | None
    questions: int
    marked: int
    printed_at: str | None

    @property
    def state(self) -> SheetState:
        if self.marked:
            return "graded"
        return "printed" if self.printed_at else "not printed"

    @property
    def deletable(self) -> bool:
        return self.state == "not printed"

    @property
    def who(self) -> str:
        """The child and the class, as a teacher says it: "Asha Verma (3A)"."""
        if self.child_name and self.class_name:
            return f"{self.child_name} ({self.class_name})"
        return self.child_name or (f"Class {self.class_name}" if self.class_name else "")

    @property
    def what(self) -> str:
        """The title, with the chapters when the title does not name them."""
        what = self.title
        if self.chapters and self.chapters not in self.title:
            what += f" ({self.chapters})"
        return what + (f", version {self.version_label}" if self.version_label else "")

    @property
    def heading(self) -> str:
        """One line that tells sheets apart: who, what, when, and the code."""
        what = self.what
        parts = [p for p in (self.who, what, self.sheet_date or self.made_at[:10]) if p]
        return " — ".join(parts) + f" · {self.code}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.worksheet_id, "code": self.code, "title": self.title,
            "subject": self.subject, "grade": self.grade, "child_id": self.child_id,
            "child": self.child_name or None, "class_id": self.class_id,
            "class": self.class_name or None, "made_at": self.made_at,
            "date": self.sheet_date or None, "chapters": self.chapters or None,
            "version": self.version_label,
            "questions": self.questions, "marked": self.marked, "state": self.state,
        }  # fmt: skip


@dataclass(frozen=True)
class Found:
    sheets: list[LibrarySheet]
    total: int  # how many match, beyond the limit too


def search(store: Store, query: LibraryQuery) -> Found:
    """The sheets that match, newest first (at most `query.limit`), and how many match."""
    words = match_expression(query.text)
    matches = _word_matches(store, words) if words else None
    where, params = _where(query, words, walk=matches is not None and matches > WALK_FROM)
    limit = "" if query.limit is None else f" LIMIT {int(query.limit)}"
    # Choose the page's sheets on the narrow columns first, then read what they show: the
    # marks are counted for the rows shown, not for every match.
    newest = "ORDER BY w.created_at DESC, w.id DESC"
    rows = store.query(
        f"SELECT {_COLUMNS} {_FROM} WHERE w.sheet IN (SELECT w.sheet FROM worksheet_catalog "
        f"AS w WHERE {where} {newest}{limit}) {newest}",
        params,
    )
    sheets = [LibrarySheet(**dict(row)) for row in rows]
    if query.limit is None or len(sheets) < query.limit:
        return Found(sheets, len(sheets))
    if matches is not None and query == LibraryQuery(text=query.text, limit=query.limit):
        return Found(sheets, matches)  # words alone: the index counted them (live sheets only)
    sql = f"SELECT count(*) FROM worksheet_catalog AS w WHERE {where}"
    (total,) = store.conn.execute(sql, params).fetchone()
    return Found(sheets, int(total))


def _word_matches(store: Store, words: str) -> int:
    sql = "SELECT count(*) FROM worksheet_search WHERE worksheet_search MATCH ?"
    (count,) = store.conn.execute(sql, (words,)).fetchone()
    return int(count)


def sheet(store: Store, worksheet_id: str) -> LibrarySheet | None:
    rows = store.query(f"SELECT {_COLUMNS} {_FROM} WHERE w.id = ?", (worksheet_id,))
    return LibrarySheet(**dict(rows[0])) if rows else None


def _where(query: LibraryQuery, words: str, walk: bool) -> tuple[str, list[Any]]:
    """The filters as SQL. With `walk` (words matching many sheets), the newest-first index is
    walked, testing each sheet against the matches ("+" keeps SQLite from fetching and sorting
    every match instead); a few matches are fetched directly."""
    clauses: list[str] = ["1"]
    params: list[Any] = []
    if words:
        sheet = "+w.sheet" if walk else "w.sheet"
        clauses.append(
            f"{sheet} IN (SELECT rowid FROM worksheet_search WHERE worksheet_search MATCH ?)"
        )
        params.append(words)
    for column, value in (("child_id", query.child_id), ("class_id", query.class_id)):
        if value:
            clauses.append(f"w.{column} = ?")
            params.append(value)
    if query.code:
        clauses.append("w.code = ?")
        params.append(normalise_code(query.code))
    if query.since is not None:
        clauses.append("w.created_at >= ?")
        params.append(query.since.isoformat())
    if query.state is not None:
        clauses.append(_STATE_SQL[query.state])
    return " AND ".join(clauses), params


def match_expression(text: str) -> str:
    """The user's words as an FTS5 query: every word must match, each as a prefix. Quoting
    each word keeps FTS5's syntax (AND, NEAR, "-", ":") from being read into what was typed."""
    words = re.findall(r"[^\s\"]+", text)
    return " ".join(f'"{word}"*' for word in words)
