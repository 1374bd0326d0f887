"""Grading into the store: one transaction, idempotent, and derived state that converges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from curriculum.engine import generate
from curriculum.question import Question, worksheet_hash
from progress.grading import grade
from storage.database import Store
from storage.errors import InvalidInput
from tests.conftest import SCHOOL
from worksheets.model import Worksheet

SKILL = "maths.c3.add_3digit_regroup"
MONDAY = datetime(2026, 11, 2, 5, 0, tzinfo=UTC)


def make_sheet(store: Store, child_id: str, count: int = 6, seed: int = 1) -> Worksheet:
    questions = generate(SKILL, count, seed)
    sheet = Worksheet(
        child_id=child_id,
        code=f"TEST-{seed:04d}",
        title="Adding",
        subject="maths",
        grade=3,
        mode="chosen",
        seed=seed,
        generator_version="test",
        questions=[q.model_dump(mode="json") for q in questions],
        settings={"skills": {SKILL: count}},
        verification_hash=worksheet_hash(questions),
    )
    return store.worksheets.add(sheet)


def questions(sheet: Worksheet) -> list[Question]:
    return [Question.model_validate(q) for q in sheet.questions]


def right_answers(sheet: Worksheet) -> list[str]:
    return [q.answer for q in questions(sheet)]


@pytest.fixture
def child(store: Store) -> str:
    return store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL).id or ""


def count(store: Store, sql: str) -> int:
    return int(store.query(sql)[0][0])


def test_grading_records_one_attempt_per_question_with_its_outbox_mutation(
    store: Store, child: str
) -> None:
    sheet = make_sheet(store, child)
    outbox_before = count(store, "SELECT count(*) FROM outbox")
    outcome = store.progress.grade(sheet, child, grade(questions(sheet), right_answers(sheet)))
    assert outcome.recorded == 6 and outcome.correct == 6
    assert count(store, "SELECT count(*) FROM attempt_events") == 6
    assert count(store, "SELECT count(*) FROM outbox") - outbox_before == 6
    row = store.query("SELECT * FROM mastery_state WHERE student_id = ?", (child,))[0]
    assert (row["mastery_level"], row["streak"], row["attempts_count"]) == ("improving", 6, 6)


def test_grading_the_same_sheet_twice_does_not_double_the_attempts(
    store: Store, child: str
) -> None:
    sheet = make_sheet(store, child)
    graded = grade(questions(sheet), right_answers(sheet))
    store.progress.grade(sheet, child, graded)
    again = store.progress.grade(sheet, child, graded)
    assert again.recorded == 0 and again.stars_after == again.stars_before
    assert count(store, "SELECT count(*) FROM attempt_events") == 6


def test_a_teacher_override_supersedes_the_first_mark(store: Store, child: str) -> None:
    sheet = make_sheet(store, child)
    store.progress.grade(sheet, child, grade(questions(sheet), right_answers(sheet)))
    outcome = store.progress.grade(sheet, child, grade(questions(sheet), marks={2: "incorrect"}))
    assert outcome.recorded == 1 and outcome.correct == 5
    row = store.query("SELECT * FROM mastery_state")[0]
    assert row["attempts_count"] == 6  # the override replaced question 2's mark
    assert row["streak"] == 4  # questions 3-6 after the miss


def test_attempts_record_mastery_before_and_after(store: Store, child: str) -> None:
    sheet = make_sheet(store, child)
    store.progress.grade(sheet, child, grade(questions(sheet), right_answers(sheet)))
    levels = store.query(
        "SELECT mastery_before, mastery_after FROM attempt_events ORDER BY answered_at"
    )
    assert [tuple(r) for r in levels][:3] == [
        ("unknown", "learning"),
        ("learning", "learning"),
        ("learning", "improving"),
    ]


def test_grading_another_childs_sheet_is_refused_and_changes_nothing(
    store: Store, child: str
) -> None:
    other = store.children.add({"name": "Ravi", "grade": 3}, SCHOOL).id or ""
    sheet = make_sheet(store, child)
    with pytest.raises(InvalidInput, match="another child"):
        store.progress.grade(sheet, other, grade(questions(sheet), right_answers(sheet)))
    assert count(store, "SELECT count(*) FROM attempt_events") == 0


def test_a_failed_write_leaves_the_log_and_mastery_as_they_were(
    store: Store, child: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = make_sheet(store, child)
    store.progress.grade(sheet, child, grade(questions(sheet), right_answers(sheet)))
    before = [tuple(r) for r in store.query("SELECT * FROM mastery_state")]

    def broken(*_: object, **__: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store.progress, "_save", broken)
    with pytest.raises(OSError, match="disk full"):
        store.progress.grade(sheet, child, grade(questions(sheet), marks={1: "incorrect"}))
    assert count(store, "SELECT count(*) FROM attempt_events") == 6
    assert [tuple(r) for r in store.query("SELECT * FROM mastery_state")] == before


def test_erasing_a_child_drops_their_derived_state(store: Store, child: str) -> None:
    sheet = make_sheet(store, child)
    store.progress.grade(sheet, child, grade(questions(sheet), right_answers(sheet)))
    store.children.delete(child)
    for table in ("mastery_state", "child_engagement", "achievements"):
        assert count(store, f"SELECT count(*) FROM {table}") == 0


def derived(store: Store) -> list[tuple[object, ...]]:
    rows = store.query(
        "SELECT student_id, skill_tag, mastery_level, streak, last_error_type, attempts_count, "
        "correct_count, p_known, last_attempt_at, review_due_at FROM mastery_state "
        "ORDER BY student_id, skill_tag"
    )
    engagement = store.query(
        "SELECT child_id, total_stars, current_streak, longest_streak, last_active_date, "
        "worksheets_completed FROM child_engagement ORDER BY child_id"
    )
    unlocked = store.query("SELECT * FROM achievements ORDER BY child_id, achievement_key")
    return [tuple(r) for r in [*rows, *engagement, *unlocked]]


def test_two_devices_that_graded_the_same_child_converge(tmp_path: Path) -> None:
    """Device A and B grade different sheets (and the same sheet) offline, then exchange logs."""
    a, b = Store.open(tmp_path / "a" / "db.sqlite3"), Store.open(tmp_path / "b" / "db.sqlite3")
    child = a.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    b.children.add(child, SCHOOL)
    shared = make_sheet(a, child.id or "", seed=1)
    b.worksheets.add(shared)
    only_b = make_sheet(b, child.id or "", seed=2)
    a.worksheets.add(only_b)
    wrong = {1: "incorrect", 4: "incorrect"}
    a.progress.grade(
        shared, child.id or "", grade(questions(shared), right_answers(shared)), MONDAY
    )
    b.progress.grade(
        shared, child.id or "", grade(questions(shared), marks=wrong), MONDAY + timedelta(hours=1)
    )
    b.progress.grade(
        only_b,
        child.id or "",
        grade(questions(only_b), right_answers(only_b)),
        MONDAY + timedelta(days=1),
    )
    for source, target in ((a, b), (b, a)):
        rows = source.attempts.for_child(child.id or "")
        mine = {r.id for r in target.attempts.for_child(child.id or "")}
        target.attempts.record_many([r._asdict() for r in rows if r.id not in mine])
        target.progress.recompute([child.id or ""])
    assert derived(a) == derived(b)
    assert derived(a)  # something was derived
    a.close()
    b.close()


def test_recomputing_everything_gives_what_grading_kept(store: Store, child: str) -> None:
    for seed, day in ((1, 0), (2, 1), (3, 2)):
        sheet = make_sheet(store, child, seed=seed)
        graded = grade(questions(sheet), marks={1: "incorrect"}, answers=right_answers(sheet))
        store.progress.grade(sheet, child, graded, MONDAY + timedelta(days=day))
    kept = derived(store)
    assert store.progress.recompute_all() == 1
    assert derived(store) == kept


def test_recent_sheets_are_newest_first_and_skip_archived_children(
    store: Store, child: str
) -> None:
    first, second = make_sheet(store, child, seed=1), make_sheet(store, child, seed=2)
    archived = store.children.add({"name": "Ravi", "grade": 3}, SCHOOL).id or ""
    make_sheet(store, archived, seed=3)
    store.children.archive(archived)
    assert [s.id for s in store.worksheets.recent(10)] == [second.id, first.id]
    assert [s.id for s in store.worksheets.recent(1)] == [second.id]


def test_questions_marked_counts_a_remarked_question_once(store: Store, child: str) -> None:
    sheet = make_sheet(store, child)
    store.progress.grade(sheet, child, grade(questions(sheet), marks={1: "correct", 2: "correct"}))
    store.progress.grade(sheet, child, grade(questions(sheet), marks={2: "incorrect"}))
    assert store.attempts.questions_marked([sheet.id or "", "no-such-sheet"]) == {sheet.id: 2}
