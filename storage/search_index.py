"""Keeping the Worksheets library's full-text index (`worksheet_search`, migration 0009) current.

Triggers do it for every write, whoever makes it: the repositories, a sync pull (an upsert, so
the update trigger fires), renaming a child or a class. They are installed when the store opens
rather than in the migration, so that migrations stay purely additive. Chapter titles come from
the syllabus, which lives in JSON files: `refresh_chapters` copies them into `skill_chapters`
when they change (a new version of the app, the teacher's own chapters) and rebuilds the index
and the catalog (which lists each sheet's chapters).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING

from curriculum.syllabus import Syllabus

if TYPE_CHECKING:
    from storage.database import Store

CHAPTERS_KEY = "library.chapters"  # fingerprint of the chapter titles the index was built with

_COLUMNS = "code, child, class, subject, chapters, date"
_INDEX = (
    f"INSERT INTO worksheet_search (rowid, {_COLUMNS}) "
    f"SELECT rowid, {_COLUMNS} FROM worksheet_search_source"
)


def _reindex(sheets: str) -> str:
    """Statements that index again the sheets whose rowids `sheets` selects."""
    return (
        f"DELETE FROM worksheet_search WHERE rowid IN ({sheets}); "
        f"{_INDEX} WHERE rowid IN ({sheets});"
    )


_CATALOG = "INSERT INTO worksheet_catalog SELECT * FROM worksheet_catalog_source"
_FORGET = (
    "DELETE FROM worksheet_search WHERE rowid = old.rowid; "
    "DELETE FROM worksheet_catalog WHERE sheet = old.rowid;"
)

TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS worksheet_search_insert AFTER INSERT ON worksheets "
    f"BEGIN {_INDEX} WHERE rowid = new.rowid; {_CATALOG} WHERE sheet = new.rowid; END",
    "CREATE TRIGGER IF NOT EXISTS worksheet_search_update AFTER UPDATE ON worksheets "
    f"BEGIN {_FORGET} {_INDEX} WHERE rowid = new.rowid; "
    f"{_CATALOG} WHERE sheet = new.rowid; END",
    f"CREATE TRIGGER IF NOT EXISTS worksheet_search_delete AFTER DELETE ON worksheets "
    f"BEGIN {_FORGET} END",
    # Grading marks a sheet graded; erasing a child's answers (a tombstone) may unmark it.
    "CREATE TRIGGER IF NOT EXISTS worksheet_catalog_graded AFTER INSERT ON attempt_events "
    "WHEN new.worksheet_id IS NOT NULL AND new.deleted_at IS NULL "
    "BEGIN UPDATE worksheet_catalog SET graded = 1 WHERE id = new.worksheet_id; END",
    "CREATE TRIGGER IF NOT EXISTS worksheet_catalog_ungraded AFTER UPDATE OF deleted_at "
    "ON attempt_events WHEN new.worksheet_id IS NOT NULL "
    "BEGIN UPDATE worksheet_catalog SET graded = EXISTS (SELECT 1 FROM attempt_events AS a "
    "WHERE a.worksheet_id = new.worksheet_id AND a.deleted_at IS NULL) "
    "WHERE id = new.worksheet_id; END",
    "CREATE TRIGGER IF NOT EXISTS worksheet_search_child_renamed AFTER UPDATE OF name ON children "
    f"BEGIN {_reindex('SELECT rowid FROM worksheets WHERE child_id = new.id')} END",
    "CREATE TRIGGER IF NOT EXISTS worksheet_search_class_renamed AFTER UPDATE OF name "
    "ON teacher_classes "
    f"BEGIN {_reindex('SELECT rowid FROM worksheets WHERE class_id = new.id')} END",
)


# The two triggers that follow answers. A pull writes tens of thousands of answers at once, and
# a row trigger of any kind roughly doubles SQLite's cost per inserted answer: `answers_in_bulk`
# sets the same `graded` flags once per page instead.
ANSWER_TRIGGERS = ("worksheet_catalog_graded", "worksheet_catalog_ungraded")


@contextlib.contextmanager
def answers_in_bulk(conn: sqlite3.Connection, worksheet_ids: set[str]) -> Iterator[None]:
    """Write answers for `worksheet_ids` without the answer triggers, then mark those sheets
    graded or not as the triggers would have.

    Only inside a transaction: the triggers are dropped and created again in it, so a write that
    fails rolls back with them in place, and no other connection ever sees them missing.
    """
    if not conn.in_transaction:
        raise RuntimeError("answers_in_bulk needs a transaction")
    for name in ANSWER_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    yield
    conn.executemany(
        "UPDATE worksheet_catalog SET graded = EXISTS (SELECT 1 FROM attempt_events AS a "
        "WHERE a.worksheet_id = worksheet_catalog.id AND a.deleted_at IS NULL) WHERE id = ?",
        [(sheet,) for sheet in sorted(worksheet_ids)],
    )
    install(conn)


def install(conn: sqlite3.Connection) -> None:
    """Create the index's triggers where they are missing (cheap when they exist)."""
    for statement in TRIGGERS:
        conn.execute(statement)


def chapter_titles(syllabus: Syllabus) -> dict[str, tuple[str, str]]:
    """By skill tag: its chapter's title, and the words a search may type (the chapter's
    titles in English and Hindi, and the skill's own title)."""
    titles = {}
    for skill in syllabus.skills():
        chapter = syllabus.chapter_of(skill.tag)
        words = (chapter.title, chapter.title_hi, skill.title)
        titles[skill.tag] = (chapter.title, " ".join(w for w in words if w))
    return titles


def refresh_chapters(store: Store, syllabus: Syllabus) -> bool:
    """Give the index the syllabus's chapter titles when they changed; returns whether it
    rebuilt. A read-only store keeps the index it has."""
    titles = chapter_titles(syllabus)
    fingerprint = hashlib.sha256(json.dumps(titles, sort_keys=True).encode()).hexdigest()
    if store.read_only or store.state(CHAPTERS_KEY) == fingerprint:
        return False
    with store.write():
        store.conn.execute("DELETE FROM skill_chapters")
        store.conn.executemany(
            "INSERT INTO skill_chapters (tag, chapter, words) VALUES (?, ?, ?)",
            [(tag, chapter, words) for tag, (chapter, words) in titles.items()],
        )
        store.conn.execute("DELETE FROM worksheet_search")
        store.conn.execute(_INDEX)
        store.conn.execute("DELETE FROM worksheet_catalog")
        store.conn.execute(_CATALOG)
        store.set_state(CHAPTERS_KEY, fingerprint)
    return True
