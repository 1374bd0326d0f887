"""Making worksheets from a teacher's order: the one way the command line and the desktop share."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storage.database import Store
from storage.errors import InvalidInput
from storage.making import SheetOrder, make_worksheets, school_name, write_pdf
from tests import pdf_reading
from tests.conftest import SCHOOL

TODAY = date(2026, 11, 21)
CHAPTER_12 = SheetOrder(subject="maths", chapters=(12,), count=10, seed=7)


@pytest.fixture
def class_3a(store: Store) -> list[str]:
    school_class = store.classes.add({"name": "3A", "grade": 3})
    ids = []
    for name in ("Asha Verma", "Ravi Kumar", "Fatima Khan"):
        child = store.children.add({"name": name, "grade": 3}, SCHOOL)
        store.classes.add_member(school_class.id or "", child.id or "")
        ids.append(child.id or "")
    return ids


def test_a_class_set_has_one_sheet_per_child_with_their_own_numbers(
    store: Store, class_3a: list[str]
) -> None:
    sheets = make_worksheets(store, CHAPTER_12, class_name="3A", today=TODAY)
    assert sorted(s.child_id or "" for s in sheets) == sorted(class_3a)
    assert len({s.verification_hash for s in sheets}) == 3
    assert all(s.settings["class_name"] == "3A" for s in sheets)


def test_making_saves_nothing_until_the_caller_does(store: Store, class_3a: list[str]) -> None:
    make_worksheets(store, CHAPTER_12, class_name="3A", today=TODAY)
    assert store.worksheets.for_child(class_3a[0]) == []


def test_progress_is_reported_after_each_child(store: Store, class_3a: list[str]) -> None:
    calls: list[tuple[int, int]] = []
    make_worksheets(
        store, CHAPTER_12, class_name="3A", today=TODAY, progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_a_progress_callback_that_raises_stops_the_making(
    store: Store, class_3a: list[str]
) -> None:
    class Stop(Exception):
        pass

    def stop(done: int, _total: int) -> None:
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        make_worksheets(store, CHAPTER_12, class_name="3A", today=TODAY, progress=stop)


def test_one_child_asking_for_versions_gets_each_version(store: Store, class_3a: list[str]) -> None:
    order = SheetOrder(subject="maths", chapters=(12,), count=10, mode="versions", versions=3)
    sheets = make_worksheets(store, order, child_id=class_3a[0], today=TODAY)
    assert [s.version_label for s in sheets] == ["A", "B", "C"]


def test_a_chapter_number_brings_its_skills(store: Store, class_3a: list[str]) -> None:
    chapter = store.custom_content.syllabus().grade("maths", 3)
    assert chapter is not None
    expected = {s.tag for s in chapter.chapters[11].skills}
    (sheet,) = make_worksheets(store, CHAPTER_12, child_id=class_3a[0], today=TODAY)
    assert set(sheet.settings["skills"]) <= expected


def test_a_chapter_the_book_does_not_have_is_refused(store: Store, class_3a: list[str]) -> None:
    order = SheetOrder(subject="maths", chapters=(99,))
    with pytest.raises(InvalidInput, match="no chapter 99"):
        make_worksheets(store, order, child_id=class_3a[0], today=TODAY)


def test_versions_of_no_skills_are_refused_with_what_to_do(
    store: Store, class_3a: list[str]
) -> None:
    order = SheetOrder(subject="maths", mode="versions")
    with pytest.raises(InvalidInput, match="choose at least one skill"):
        make_worksheets(store, order, child_id=class_3a[0], today=TODAY)


def test_chosen_skills_with_none_chosen_are_refused_with_what_to_do(
    store: Store, class_3a: list[str]
) -> None:
    """The window's "chosen skills" with nothing ticked asks for a choice (its Please check)."""
    order = SheetOrder(subject="maths", mode="chosen")
    with pytest.raises(InvalidInput, match="choose at least one skill"):
        make_worksheets(store, order, child_id=class_3a[0], today=TODAY)


def test_no_skills_chosen_makes_what_the_child_should_practise_next(
    store: Store, class_3a: list[str]
) -> None:
    """As the window does: with nothing chosen, the adaptive mix of the child's class."""
    (sheet,) = make_worksheets(
        store, SheetOrder(subject="maths"), child_id=class_3a[0], today=TODAY
    )
    assert sheet.mode == "adaptive" and len(sheet.questions) == 20
    assert all(tag.startswith("maths.c3.") for tag in sheet.settings["skills"])


def test_exactly_one_of_child_and_class_is_needed(store: Store) -> None:
    with pytest.raises(InvalidInput, match="one child or one class"):
        make_worksheets(store, CHAPTER_12, today=TODAY)


def test_an_empty_class_is_refused(store: Store) -> None:
    store.classes.add({"name": "4B", "grade": 4})
    with pytest.raises(InvalidInput, match="has no children yet"):
        make_worksheets(store, CHAPTER_12, class_name="4B", today=TODAY)


def test_the_header_names_the_school_or_else_the_family(store: Store) -> None:
    assert school_name(store) == ""
    store.profiles.save(
        {"role": "parent", "active_role": "parent", "display_name": "The Rao family"}
    )
    assert school_name(store) == "The Rao family"
    store.profiles.save(
        {"role": "teacher", "active_role": "teacher", "school_name": "Sunrise School"}
    )
    assert school_name(store) == "Sunrise School"


def test_write_pdf_prints_the_sheets_and_their_key(
    store: Store, class_3a: list[str], tmp_path: Path
) -> None:
    sheets = make_worksheets(store, CHAPTER_12, class_name="3A", today=TODAY)
    out, key = tmp_path / "set.pdf", tmp_path / "key.pdf"
    rendered = write_pdf(sheets, out, key, school="Sunrise School")
    assert rendered.sheet_pages >= 3 and rendered.key_pages >= 3
    text = pdf_reading.text(out)
    assert "Sunrise School" in text and "Fatima Khan" in text


def test_asking_for_more_questions_than_a_skill_has_says_what_to_change(
    store: Store, class_3a: list[str]
) -> None:
    order = SheetOrder(subject="evs", skills=("evs.c3.family_and_friends",), count=60)
    with pytest.raises(InvalidInput, match="ask for fewer questions"):
        make_worksheets(store, order, child_id=class_3a[0], today=TODAY)


def test_the_same_order_again_never_gives_a_child_a_sheet_they_already_had(
    store: Store, class_3a: list[str]
) -> None:
    # The second line behind tests/worksheets/test_assembly.py: here the sheets a child had are
    # read back from the store, so a path that forgot them would print the same sheet again.
    asha = class_3a[0]
    order = SheetOrder(subject="maths", chapters=(12,), count=10, seed=7)
    had: set[str] = set()
    for _ in range(3):
        (sheet,) = make_worksheets(store, order, child_id=asha, today=TODAY)
        assert sheet.verification_hash not in had
        had.add(sheet.verification_hash)
        store.worksheets.add(sheet)


def test_a_sheet_of_a_teachers_own_skill_is_made_from_the_questions_they_imported(
    tmp_path: Path, store: Store, class_3a: list[str]
) -> None:
    bank = tmp_path / "trees.jsonl"
    items = [
        {"id": f"trees-{i}", "skill": "custom.c3.trees", "type": "true_false",
         "prompt": f"Tree {i} grows in Pune?", "answer": "True", "chapter": "Trees of Pune",
         "skill_title": "Our trees"}
        for i in range(4)
    ]  # fmt: skip
    bank.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    store.custom_content.import_file(bank)
    order = SheetOrder(subject="custom", skills=("custom.c3.trees",), count=4, seed=1)
    (sheet,) = make_worksheets(store, order, child_id=class_3a[0], today=TODAY)
    prompts = sorted(q["prompt"]["en"] for q in sheet.questions)
    assert prompts == sorted(i["prompt"] for i in items)
