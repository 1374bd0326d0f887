"""Erasing a child on this device: no row, no byte of the file, no backup keeps them."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from curriculum.question import Question
from progress.grading import grade
from storage.database import Store
from storage.erasure import child_digest
from storage.making import SheetOrder, make_worksheets
from tests.conftest import SCHOOL

NAME = "Zarina Quixote"  # a name no question or label of the app could hold
TODAY = date(2026, 11, 21)


def child_with_history(store: Store) -> str:
    """A child in a class, with a graded worksheet, topic choices and derived progress."""
    school_class = store.classes.add({"name": "3A", "grade": 3})
    child = store.children.add({"name": NAME, "grade": 3, "date_of_birth": "2018-04-01"}, SCHOOL)
    child_id = child.id or ""
    store.classes.add_member(school_class.id or "", child_id)
    order = SheetOrder(subject="maths", chapters=(12,), count=5, seed=7)
    (sheet,) = store.worksheets.add_many(
        make_worksheets(store, order, child_id=child_id, today=TODAY)
    )
    questions = [Question.model_validate(q) for q in sheet.questions]
    store.progress.grade(sheet, child_id, grade(questions, [q.answer for q in questions]))
    return child_id


def rows_mentioning(path: Path, *needles: str) -> list[str]:
    """Every row of every table of the file that holds one of `needles`, as 'table: row'."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found = []
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                text = json.dumps([str(v) for v in row], ensure_ascii=False)
                if any(needle in text for needle in needles):
                    found.append(f"{table}: {text[:120]}")
        return found
    finally:
        conn.close()


def files_holding(folder: Path, *needles: str) -> list[str]:
    """Every file under `folder` whose bytes hold one of `needles` (UTF-8)."""
    wanted = [needle.encode() for needle in needles]
    return [
        str(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and any(needle in path.read_bytes() for needle in wanted)
    ]


@pytest.fixture
def erased(store: Store) -> tuple[Store, str]:
    child_id = child_with_history(store)
    store.children.erase(child_id)
    return store, child_id


def test_erasing_leaves_no_row_about_the_child_in_any_table(erased: tuple[Store, str]) -> None:
    store, child_id = erased
    assert rows_mentioning(store.path, child_id, NAME) == []


def test_erasing_leaves_no_byte_of_the_child_in_the_file_or_its_log(
    erased: tuple[Store, str],
) -> None:
    store, child_id = erased
    assert files_holding(store.path.parent, child_id, NAME) == []


def test_the_queued_erasure_names_the_child_only_by_its_digest(erased: tuple[Store, str]) -> None:
    store, child_id = erased
    queued = store.query("SELECT table_name, op, fields FROM outbox")
    assert {q["table_name"] for q in queued} == {"teacher_classes", "child_erasures"}
    (erasure,) = [q for q in queued if q["table_name"] == "child_erasures"]
    assert erasure["op"] == "insert"
    assert json.loads(erasure["fields"])["child_digest"] == child_digest(child_id)


def test_other_children_keep_everything(store: Store) -> None:
    child_id = child_with_history(store)
    other = store.children.add({"name": "Asha", "grade": 3}, SCHOOL).id or ""
    store.children.erase(child_id)
    assert store.children.get(other).name == "Asha"
    assert store.consents.has_consent(other)


def test_backups_holding_the_child_are_rewritten_without_them(store: Store) -> None:
    child_id = child_with_history(store)
    other = store.children.add({"name": "Asha", "grade": 3}, SCHOOL).id or ""
    backup = store.backup()
    assert store.children.backups_holding(child_id) == [backup]
    rewrite = store.children.erase(child_id)
    assert rewrite.rewritten == [backup]
    assert files_holding(store.path.parent, child_id, NAME) == []
    kept = sqlite3.connect(backup)
    assert kept.execute("SELECT id FROM children").fetchall() == [(other,)]
    kept.close()


def test_a_backup_that_cannot_be_read_is_deleted(store: Store) -> None:
    child_id = child_with_history(store)
    backup = store.backup()
    with backup.open("r+b") as handle:  # keep the header, damage everything after it
        handle.seek(100)
        handle.write(b"\xff" * 4000)
    rewrite = store.children.erase(child_id)
    assert rewrite.deleted == [backup] and not backup.exists()


def test_erasing_leaves_no_word_of_the_childs_name_in_the_worksheet_search_index(
    store: Store,
) -> None:
    # The search index keeps each word lower-cased in its own segments, where a deleted row's
    # words stay until the segments are merged: look in the index's own pages.
    child_id = child_with_history(store)
    other = store.children.add({"name": "Meera Pillai", "grade": 3}, SCHOOL).id or ""
    order = SheetOrder(subject="maths", chapters=(12,), count=5, seed=8)
    store.worksheets.add_many(make_worksheets(store, order, child_id=other, today=TODAY))

    def index_bytes() -> bytes:
        return b"".join(r[0] for r in store.conn.execute("SELECT block FROM worksheet_search_data"))

    assert b"zarina" in index_bytes() and b"pillai" in index_bytes()  # the scan can see words
    store.children.erase(child_id)
    assert b"zarina" not in index_bytes() and b"quixote" not in index_bytes()
    assert b"pillai" in index_bytes()
