"""Printing and saving worksheets happen together or not at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storage.database import Store
from storage.making import SheetOrder, make_worksheets, print_and_save
from tests.conftest import SCHOOL
from worksheets.model import Worksheet

TODAY = date(2026, 11, 21)
CHAPTER_12 = SheetOrder(subject="maths", chapters=(12,), count=10, seed=7)


@pytest.fixture
def sheets(store: Store) -> list[Worksheet]:
    school_class = store.classes.add({"name": "3A", "grade": 3})
    for name in ("Asha Verma", "Ravi Kumar"):
        child = store.children.add({"name": name, "grade": 3}, SCHOOL)
        store.classes.add_member(school_class.id or "", child.id or "")
    return make_worksheets(store, CHAPTER_12, class_name="3A", today=TODAY)


def _saved(store: Store) -> int:
    return len(store.query("SELECT id FROM worksheets"))


def test_the_pdf_the_key_and_the_sheets_all_arrive(
    store: Store, sheets: list[Worksheet], tmp_path: Path
) -> None:
    out, key = tmp_path / "set.pdf", tmp_path / "key.pdf"
    printed = print_and_save(store, sheets, out, key, school="Sunrise School")
    assert out.read_bytes().startswith(b"%PDF") and key.read_bytes().startswith(b"%PDF")
    assert _saved(store) == 2 and len(printed.sheets) == 2
    assert printed.rendered.sheet_pages >= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "key.pdf", "set.pdf"]


def test_a_pdf_that_cannot_be_written_saves_no_sheet(
    store: Store, sheets: list[Worksheet], tmp_path: Path
) -> None:
    with pytest.raises(OSError):  # noqa: PT011 - whatever the system says, nothing is saved
        print_and_save(store, sheets, tmp_path / "no such folder" / "set.pdf")
    assert _saved(store) == 0


def test_an_answer_key_that_cannot_be_written_leaves_no_pdf_and_no_sheet(
    store: Store, sheets: list[Worksheet], tmp_path: Path
) -> None:
    out = tmp_path / "set.pdf"
    with pytest.raises(OSError):  # noqa: PT011
        print_and_save(store, sheets, out, tmp_path / "no such folder" / "key.pdf")
    assert _saved(store) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_sheets_that_cannot_be_saved_leave_the_old_pdf_as_it_was(
    store: Store, sheets: list[Worksheet], tmp_path: Path
) -> None:
    first = print_and_save(store, sheets, tmp_path / "first.pdf")
    out = tmp_path / "set.pdf"
    out.write_bytes(b"last week's sheets")
    with pytest.raises(Exception, match=r"UNIQUE|already"):
        print_and_save(store, first.sheets, out)  # the same sheets again: the store refuses
    assert out.read_bytes() == b"last week's sheets"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "first.pdf", "set.pdf"]
    assert _saved(store) == 2


def test_a_caller_that_cancels_before_saving_gets_nothing(
    store: Store, sheets: list[Worksheet], tmp_path: Path
) -> None:
    class Cancelled(Exception):
        pass

    def cancel() -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        print_and_save(store, sheets, tmp_path / "set.pdf", before_save=cancel)
    assert _saved(store) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
