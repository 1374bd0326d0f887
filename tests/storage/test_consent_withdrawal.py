"""Withdrawing consent: one call, a versioned record, and no further use of the child's data."""

from __future__ import annotations

from datetime import date

import pytest

from curriculum.question import Question
from progress.grading import grade
from storage.consent import WITHDRAWAL_NOTICE, WITHDRAWAL_NOTICE_VERSION, ConsentWithdrawn
from storage.database import Store
from storage.making import SheetOrder, make_worksheets
from storage.records import notice_sha256
from tests.conftest import SCHOOL

TODAY = date(2026, 11, 21)
ORDER = SheetOrder(subject="maths", chapters=(12,), count=5, seed=7)


@pytest.fixture
def class_of_two(store: Store) -> tuple[str, str]:
    school_class = store.classes.add({"name": "3A", "grade": 3})
    kept = store.children.add({"name": "Asha", "grade": 3}, SCHOOL).id or ""
    leaving = store.children.add({"name": "Ravi", "grade": 3}, SCHOOL).id or ""
    for child in (kept, leaving):
        store.classes.add_member(school_class.id or "", child)
    return kept, leaving


def test_withdrawal_is_recorded_with_the_notice_version_and_its_sha256(
    store: Store, class_of_two: tuple[str, str]
) -> None:
    _kept, leaving = class_of_two
    store.consents.withdraw(leaving, by="Meera Rao")
    latest = store.consents.for_child(leaving)[-1]
    assert (latest.consent_given, latest.guardian_name) == (False, "Meera Rao")
    assert latest.notice_version == WITHDRAWAL_NOTICE_VERSION
    assert latest.notice_sha256 == notice_sha256(WITHDRAWAL_NOTICE)
    assert not store.consents.has_consent(leaving)


def test_a_child_without_active_consent_is_left_out_of_class_sets(
    store: Store, class_of_two: tuple[str, str]
) -> None:
    kept, leaving = class_of_two
    store.consents.withdraw(leaving, by="Meera Rao")
    sheets = make_worksheets(store, ORDER, class_name="3A", today=TODAY)
    assert [sheet.child_id for sheet in sheets] == [kept]


def test_no_worksheet_is_made_for_a_child_after_withdrawal(
    store: Store, class_of_two: tuple[str, str]
) -> None:
    _kept, leaving = class_of_two
    store.consents.withdraw(leaving, by="Meera Rao")
    with pytest.raises(ConsentWithdrawn, match="consent for Ravi was withdrawn"):
        make_worksheets(store, ORDER, child_id=leaving, today=TODAY)


def test_a_sheet_made_before_withdrawal_is_not_graded_after_it(
    store: Store, class_of_two: tuple[str, str]
) -> None:
    _kept, leaving = class_of_two
    (sheet,) = store.worksheets.add_many(
        make_worksheets(store, ORDER, child_id=leaving, today=TODAY)
    )
    store.consents.withdraw(leaving, by="Meera Rao")
    questions = [Question.model_validate(q) for q in sheet.questions]
    with pytest.raises(ConsentWithdrawn):
        store.progress.grade(sheet, leaving, grade(questions, [q.answer for q in questions]))
    assert store.attempts.for_child(leaving) == []


def test_consent_given_again_lets_the_child_back_in(
    store: Store, class_of_two: tuple[str, str]
) -> None:
    _kept, leaving = class_of_two
    store.consents.withdraw(leaving, by="Meera Rao")
    store.consents.record_basis([leaving], SCHOOL)
    assert len(make_worksheets(store, ORDER, class_name="3A", today=TODAY)) == 2


def test_withdrawing_twice_keeps_one_withdrawal(
    store: Store, class_of_two: tuple[str, str]
) -> None:
    _kept, leaving = class_of_two
    store.consents.withdraw(leaving, by="Meera Rao")
    store.consents.withdraw(leaving, by="Meera Rao")
    assert [r.consent_given for r in store.consents.for_child(leaving)] == [True, False]


def test_only_the_withdrawal_is_pushed_of_a_withdrawn_childs_waiting_changes(
    store: Store, class_of_two: tuple[str, str]
) -> None:
    kept, leaving = class_of_two
    store.conn.execute("DELETE FROM outbox")
    store.children.update(leaving, roll_number="9")
    store.children.update(kept, roll_number="4")
    store.consents.withdraw(leaving, by="Meera Rao")
    batch = store.sync.next_batch(100)
    assert [(m["table"], m["row_id"]) for m in batch] == [
        ("children", kept),
        ("guardian_consents", store.consents.for_child(leaving)[-1].id),
    ]
