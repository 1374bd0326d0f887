"""A class set follows the register: ordered by roll number, each sheet printing its roll number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storage.database import Store
from storage.making import SheetOrder, make_worksheets, write_pdf
from tests import pdf_reading
from tests.conftest import SCHOOL

TODAY = date(2026, 11, 21)
CHAPTER_12 = SheetOrder(subject="maths", chapters=(12,), count=5, seed=7)
ROSTER = (("Aarav Sharma", "10"), ("Zoya Ali", "2"), ("Aarav Sharma", "7"), ("Meera Iyer", None))


@pytest.fixture
def class_3a(store: Store) -> dict[str, str | None]:
    """Child id -> roll number, two of them named alike."""
    school_class = store.classes.add({"name": "3A", "grade": 3})
    rolls = {}
    for name, roll in ROSTER:
        child = store.children.add({"name": name, "grade": 3}, SCHOOL)
        store.classes.add_member(school_class.id or "", child.id or "", roll)
        rolls[child.id or ""] = roll
    return rolls


def test_a_class_set_is_in_roll_number_order_with_no_roll_last(
    store: Store, class_3a: dict[str, str | None]
) -> None:
    sheets = make_worksheets(store, CHAPTER_12, class_name="3A", today=TODAY)
    assert [class_3a[s.child_id or ""] for s in sheets] == ["2", "7", "10", None]


def test_each_sheet_of_a_class_set_prints_its_roll_number(
    store: Store, class_3a: dict[str, str | None], tmp_path: Path
) -> None:
    sheets = make_worksheets(store, CHAPTER_12, class_name="3A", today=TODAY)
    for sheet in sheets[:3]:
        pdf = tmp_path / f"{sheet.code}.pdf"
        write_pdf([sheet], pdf)
        assert f"Roll no.: {class_3a[sheet.child_id or '']}" in pdf_reading.text(pdf)
