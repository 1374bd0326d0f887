"""Exporting a child: every row about them from every table, a spreadsheet-safe CSV of their
answers, the one-page report, in a private zip written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from progress.grading import grade
from storage.child_export import (
    CHILD_COLUMNS,
    ExportNotWritten,
    attempts_csv,
    export_child,
    write_progress_report,
)
from storage.database import Store
from storage.errors import NotFoundError
from tests.conftest import SCHOOL
from tests.pdf_reading import page_count, page_size, text
from tests.storage.test_progress_store import make_sheet, questions, right_answers


@pytest.fixture
def asha(store: Store) -> str:
    """A child with a class, topics, a graded sheet (progress, stars) — and a classmate."""
    child = store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL).id or ""
    other = store.children.add({"name": "Ravi Kumar", "grade": 3}, SCHOOL).id or ""
    school_class = store.classes.add({"name": "3A", "grade": 3})
    for who in (child, other):
        store.classes.add_member(school_class.id or "", who)
        sheet = make_sheet(store, who, seed=1 if who == child else 2)
        store.progress.grade(sheet, who, grade(questions(sheet), right_answers(sheet)))
    store.topic_preferences.set(child, "maths", ["maths.c3.add_3digit_regroup"])
    return child


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rows_naming(store: Store, child_id: str) -> dict[str, int]:
    """Rows, per table, whose child column holds the child's id: read here independently."""
    found: dict[str, int] = {"children": 1}
    tables = store.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    for (table,) in tables:
        columns = {c["name"] for c in store.query(f'PRAGMA table_info("{table}")')}
        for column in set(CHILD_COLUMNS) & columns:
            n = store.query(f'SELECT count(*) FROM "{table}" WHERE "{column}" = ?', (child_id,))
            found[table] = n[0][0]
    return found


def test_the_export_holds_every_row_about_the_child_from_every_table(
    store: Store, asha: str, tmp_path: Path
) -> None:
    members = _zip(export_child(store, asha, tmp_path / "asha.zip"))
    tables: dict[str, list[dict[str, Any]]] = json.loads(members["data.json"])["tables"]
    expected = _rows_naming(store, asha)
    assert {t: len(tables[t]) for t in expected} == expected
    assert all(expected[t] > 0 for t in ("attempt_events", "worksheets", "mastery_state"))
    assert all(expected[t] > 0 for t in ("class_members", "topic_preferences"))
    assert all(expected[t] > 0 for t in ("guardian_consents", "child_engagement"))
    assert "Ravi Kumar" not in members["data.json"].decode()


def test_the_export_includes_the_childs_changes_waiting_to_sync(
    store: Store, asha: str, tmp_path: Path
) -> None:
    members = _zip(export_child(store, asha, tmp_path / "asha.zip"))
    waiting = json.loads(members["data.json"])["tables"]["outbox"]
    assert {"children", "attempt_events"} <= {row["table_name"] for row in waiting}


def test_the_attempts_csv_neutralises_cells_a_spreadsheet_would_run(
    store: Store, tmp_path: Path
) -> None:
    child = store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL).id or ""
    sheet = make_sheet(store, child)
    typed = ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "=1+1", "-"]
    store.progress.grade(sheet, child, grade(questions(sheet), typed))
    members = _zip(export_child(store, child, tmp_path / "asha.zip"))
    assert members["attempts.csv"].startswith(b"\xef\xbb\xbf")  # UTF-8 that Excel recognises
    rows = list(csv.DictReader(io.StringIO(members["attempts.csv"].decode("utf-8-sig"))))
    assert sorted(row["given_answer"] for row in rows) == sorted("'" + t for t in typed)


def test_csv_cells_starting_with_a_tab_or_a_carriage_return_are_neutralised() -> None:
    written = attempts_csv(
        [{"id": "a", "given_answer": "\t=1+1"}, {"id": "b", "given_answer": "\r7"}]
    )
    rows = list(csv.DictReader(io.StringIO(written)))
    assert [row["given_answer"] for row in rows] == ["'\t=1+1", "'\r7"]


def test_the_export_has_the_one_page_progress_report(
    store: Store, asha: str, tmp_path: Path
) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(
        _zip(export_child(store, asha, tmp_path / "asha.zip"))["progress-report.pdf"]
    )
    assert page_count(report) == 1 and "Asha Verma" in text(report)


def test_the_export_is_readable_by_its_owner_only(store: Store, asha: str, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        made = export_child(store, asha, tmp_path / "asha.zip")
    finally:
        os.umask(old)
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_an_export_that_cannot_be_written_leaves_no_file(
    store: Store, asha: str, tmp_path: Path
) -> None:
    with pytest.raises(ExportNotWritten, match="nothing was written"):
        export_child(store, asha, tmp_path / "no-such-folder" / "asha.zip")
    assert not (tmp_path / "no-such-folder").exists()


def test_a_failed_export_keeps_the_file_it_would_have_replaced(
    store: Store, asha: str, tmp_path: Path
) -> None:
    out = tmp_path / "asha.zip"
    out.write_bytes(b"the earlier export")
    (tmp_path / ".asha.zip.partial").mkdir()  # the temporary name is taken: writing fails
    with pytest.raises(ExportNotWritten):
        export_child(store, asha, out)
    assert out.read_bytes() == b"the earlier export"


def test_an_unknown_child_is_not_exported(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        export_child(store, "no-such-child", tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_the_report_is_printed_on_the_paper_the_profile_chose(
    store: Store, asha: str, tmp_path: Path
) -> None:
    # A school on Letter paper got an A4 report from the window (the paper was never asked).
    store.profiles.save({"role": "parent", "active_role": "parent", "paper_size": "Letter"})
    write_progress_report(store, asha, tmp_path / "letter.pdf")
    assert page_size(tmp_path / "letter.pdf") == (612.0, 792.0)
    write_progress_report(store, asha, tmp_path / "a4.pdf", paper="A4")  # asked for: it wins
    assert page_size(tmp_path / "a4.pdf") == (595.28, 841.89)
