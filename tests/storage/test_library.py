"""The Worksheets library in the store: found by words and filters, states, deleting unused sheets."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from progress.attempts import AttemptEvent
from storage import entitlement
from storage.database import Store
from storage.library import LibraryQuery, search
from storage.making import SheetOrder, make_worksheets
from storage.migrate import migrate
from storage.repositories.worksheets import SheetInUse
from storage.search_index import refresh_chapters
from storage.sync_apply import apply_page
from storage.sync_outbox import next_batch, record_answers
from tests.conftest import SCHOOL, outbox
from worksheets.model import Worksheet

TODAY = date(2026, 11, 21)


@pytest.fixture
def class_3a(store: Store) -> str:
    school_class = store.classes.add({"name": "3A", "grade": 3})
    for name in ("Asha Verma", "Ravi Kumar", "Fatima Khan"):
        child = store.children.add({"name": name, "grade": 3}, SCHOOL)
        store.classes.add_member(school_class.id or "", child.id or "")
    return school_class.id or ""


def chapter_title(store: Store, number: int) -> str:
    entry = store.custom_content.syllabus().grade("maths", 3)
    assert entry is not None
    return entry.chapters[number - 1].title


def class_set(store: Store, *chapters: int) -> list[Worksheet]:
    order = SheetOrder(subject="maths", chapters=chapters, count=6, seed=7)
    return store.worksheets.add_many(make_worksheets(store, order, class_name="3A", today=TODAY))


def codes(store: Store, query: LibraryQuery) -> set[str]:
    return {sheet.code for sheet in search(store, query).sheets}


def test_a_sheet_is_found_by_the_start_of_its_childs_name(store: Store, class_3a: str) -> None:
    sheets = class_set(store, 12)
    asha = next(s for s in sheets if s.settings["child_name"] == "Asha Verma")
    assert codes(store, LibraryQuery(text="ash")) == {asha.code}


def test_a_class_set_is_found_by_its_class_name(store: Store, class_3a: str) -> None:
    sheets = class_set(store, 12)
    assert codes(store, LibraryQuery(text="3a")) == {s.code for s in sheets}


def test_a_sheet_is_found_by_its_code_typed_in_any_case(store: Store, class_3a: str) -> None:
    sheet = class_set(store, 12)[0]
    assert codes(store, LibraryQuery(text=sheet.code.lower())) == {sheet.code}


def test_a_sheet_of_two_chapters_is_found_by_each_chapter_title(
    store: Store, class_3a: str
) -> None:
    sheets = class_set(store, 2, 12)
    refresh_chapters(store, store.custom_content.syllabus())
    for number in (2, 12):
        first_word = chapter_title(store, number).split()[0]
        assert codes(store, LibraryQuery(text=first_word)) >= {s.code for s in sheets}


def test_chapter_titles_reach_sheets_made_after_the_index_learnt_them(
    store: Store, class_3a: str
) -> None:
    refresh_chapters(store, store.custom_content.syllabus())
    sheets = class_set(store, 2, 12)
    words = chapter_title(store, 2).split()[0]
    assert codes(store, LibraryQuery(text=words)) == {s.code for s in sheets}


def test_words_are_matched_together_child_and_subject(store: Store, class_3a: str) -> None:
    sheets = class_set(store, 12)
    ravi = {s.code for s in sheets if s.settings["child_name"] == "Ravi Kumar"}
    assert codes(store, LibraryQuery(text="ravi maths")) == ravi
    assert codes(store, LibraryQuery(text="ravi english")) == set()


def test_typed_search_syntax_is_taken_as_words(store: Store, class_3a: str) -> None:
    class_set(store, 12)
    for text in ('AND "', "NEAR(", "-ravi", "code:*", "3A OR"):
        search(store, LibraryQuery(text=text))  # no FTS5 syntax error reaches the user


def test_a_renamed_child_is_found_by_the_new_name(store: Store, class_3a: str) -> None:
    sheet = next(s for s in class_set(store, 12) if s.settings["child_name"] == "Ravi Kumar")
    store.children.update(sheet.child_id or "", name="Ravindra Kumar")
    assert codes(store, LibraryQuery(text="ravindra")) == {sheet.code}


def test_filters_by_child_class_code_and_date(store: Store, class_3a: str) -> None:
    sheets = class_set(store, 12)
    first = sheets[0]
    assert codes(store, LibraryQuery(child_id=first.child_id)) == {first.code}
    assert codes(store, LibraryQuery(class_id=class_3a)) == {s.code for s in sheets}
    assert codes(store, LibraryQuery(code=first.code.lower())) == {first.code}
    assert codes(store, LibraryQuery(since=date(2999, 1, 1))) == set()
    assert len(codes(store, LibraryQuery(since=date(2000, 1, 1)))) == 3


def test_each_sheet_is_not_printed_then_printed_then_graded(store: Store, class_3a: str) -> None:
    fresh, printed, graded = class_set(store, 12)
    store.worksheets.mark_printed([printed.id or "", graded.id or ""])
    grade_one_answer(store, graded)
    assert codes(store, LibraryQuery(state="not printed")) == {fresh.code}
    assert codes(store, LibraryQuery(state="printed")) == {printed.code}
    assert codes(store, LibraryQuery(state="graded")) == {graded.code}


def test_the_total_counts_every_match_beyond_the_limit(store: Store, class_3a: str) -> None:
    class_set(store, 12)
    found = search(store, LibraryQuery(limit=2))
    assert (len(found.sheets), found.total) == (2, 3)


def test_a_listing_heading_names_child_class_title_date_and_code(
    store: Store, class_3a: str
) -> None:
    sheet = next(s for s in class_set(store, 12) if s.settings["child_name"] == "Asha Verma")
    (listing,) = search(store, LibraryQuery(code=sheet.code)).sheets
    assert listing.heading == f"Asha Verma (3A) — {sheet.title} — 21 Nov 2026 · {sheet.code}"


def test_sheets_made_before_the_library_are_found_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    migrate(conn, target=7)
    conn.execute(
        "INSERT INTO worksheets (id, hlc, created_at, updated_at, child_id, code, title, subject, "
        "grade, mode, seed, generator_version, questions, settings, verification_hash) VALUES "
        "('w1', '1', '2026-11-02T10:00:00.000Z', '2026-11-02T10:00:00.000Z', NULL, 'OLDK7Q', "
        "'Maths — Addition', 'maths', 3, 'chosen', 1, 'v', '[]', "
        """'{"child_name": "Meera Iyer"}', 'h123456789abcdef')"""
    )
    conn.commit()
    migrate(conn)
    conn.close()
    store = Store.open(path)
    try:
        assert codes(store, LibraryQuery(text="meera")) == {"OLDK7Q"}
    finally:
        store.close()


def test_deleting_a_sheet_never_synced_gives_its_free_worksheet_back(
    store: Store, class_3a: str
) -> None:
    sheets = class_set(store, 12)
    used = entitlement.current(store).used
    store.worksheets.delete_unused([s.id or "" for s in sheets])
    assert entitlement.current(store).used == used - 3


def test_deleting_a_sheet_never_synced_leaves_nothing_to_send(store: Store, class_3a: str) -> None:
    sheet = class_set(store, 12)[0]
    store.worksheets.delete_unused([sheet.id or ""])
    assert [m for m in outbox(store) if m["row_id"] == sheet.id] == []
    assert codes(store, LibraryQuery()) == set(codes(store, LibraryQuery())) - {sheet.code}


def test_deleting_a_synced_sheet_sends_a_tombstone(store: Store, class_3a: str) -> None:
    sheet = class_set(store, 12)[0]
    send_everything(store)
    store.worksheets.delete_unused([sheet.id or ""])
    (mutation,) = outbox(store)
    assert (mutation["row_id"], mutation["op"]) == (sheet.id, "delete")
    assert sheet.code not in codes(store, LibraryQuery())


def test_a_printed_sheet_is_not_deleted(store: Store, class_3a: str) -> None:
    sheets = class_set(store, 12)
    store.worksheets.mark_printed([sheets[1].id or ""])
    with pytest.raises(SheetInUse, match="printed"):
        store.worksheets.delete_unused([s.id or "" for s in sheets])
    assert len(codes(store, LibraryQuery())) == 3  # all or none


def test_a_graded_sheet_is_not_deleted(store: Store, class_3a: str) -> None:
    sheet = class_set(store, 12)[0]
    grade_one_answer(store, sheet)
    with pytest.raises(SheetInUse, match="graded"):
        store.worksheets.delete_unused([sheet.id or ""])


def test_printing_again_keeps_the_first_printed_time(store: Store, class_3a: str) -> None:
    sheet = class_set(store, 12)[0]
    assert store.worksheets.mark_printed([sheet.id or ""]) == 1
    assert store.worksheets.mark_printed([sheet.id or ""]) == 0


def send_everything(store: Store) -> None:
    """What a sync push does when the server applies every mutation."""
    batch = next_batch(store, 1000)
    record_answers(store, batch, [{"mutation_id": m["mutation_id"], "status": "applied"}
                                  for m in batch])  # fmt: skip


def grade_one_answer(store: Store, sheet: Worksheet) -> None:
    question = sheet.questions[0]
    store.attempts.record_many(
        [
            AttemptEvent(
                student_id=sheet.child_id or "",
                worksheet_id=sheet.id,
                question_id=question["key"],
                skill_tag=question["skill_tag"],
                given_answer=question["answer"],
                result="correct",
                answered_at="2026-11-22T10:00:00.000Z",
                mastery_before="unknown",
                mastery_after="learning",
            )
        ]
    )


def _rows(store: Store, table: str, **changes: object) -> list[dict[str, object]]:
    """A table's rows as a pull page would carry them, with `changes` applied to each."""
    return [
        {"table": table, "row": dict(row) | changes}
        for row in store.query(f"SELECT * FROM {table}")
    ]


def _triggers(store: Store) -> set[str]:
    return {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type='trigger'")}


def test_answers_pulled_from_another_device_mark_and_unmark_its_sheets_graded(
    store: Store, class_3a: str, tmp_path: Path
) -> None:
    sheets = class_set(store, 12)
    grade_one_answer(store, sheets[0])
    grade_one_answer(store, sheets[1])
    other = Store.open(tmp_path / "other.sqlite3", create=True)
    triggers = _triggers(other)
    page = [*_rows(store, "children"), *_rows(store, "worksheets")]
    apply_page(other, [*page, *_rows(store, "attempt_events")], "cursor-1")
    assert codes(other, LibraryQuery(state="graded")) == {sheets[0].code, sheets[1].code}
    erased = _rows(store, "attempt_events", deleted_at="2026-11-23T00:00:00.000Z")
    apply_page(other, [c for c in erased if c["row"]["worksheet_id"] == sheets[0].id], "cursor-2")
    assert codes(other, LibraryQuery(state="graded")) == {sheets[1].code}
    assert codes(other, LibraryQuery(state="not printed")) == {sheets[0].code, sheets[2].code}
    assert _triggers(other) == triggers  # the library keeps following every later write
    grade_one_answer(other, sheets[2])
    assert codes(other, LibraryQuery(state="graded")) == {sheets[1].code, sheets[2].code}


def test_a_pulled_page_that_fails_leaves_the_library_and_its_triggers_as_they_were(
    store: Store, class_3a: str, tmp_path: Path
) -> None:
    sheets = class_set(store, 12)
    grade_one_answer(store, sheets[0])
    other = Store.open(tmp_path / "other.sqlite3", create=True)
    triggers = _triggers(other)
    page = [*_rows(store, "children"), *_rows(store, "worksheets")]
    broken = _rows(store, "attempt_events", result="half right")  # refused by the table
    with pytest.raises(sqlite3.IntegrityError):
        apply_page(other, [*page, *broken], "cursor-1")
    assert _triggers(other) == triggers
    assert other.sync.cursor() == "" and other.query("SELECT * FROM worksheet_catalog") == []
