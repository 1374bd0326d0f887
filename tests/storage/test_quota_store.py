"""The quota on the device: making new sheets stops at it; work already made never does."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from curriculum.question import Question
from progress.grading import grade
from storage import entitlement
from storage.database import Store
from storage.making import SheetOrder, make_worksheets, print_sheets
from tests.conftest import SCHOOL, paid_until
from worksheets.quota import QuotaExceeded

TODAY = date(2026, 11, 21)
ORDER = SheetOrder(subject="maths", chapters=(12,), count=5, seed=7)


@pytest.fixture
def child(store: Store) -> str:
    return store.children.add({"name": "Asha", "grade": 3}, SCHOOL).id or ""


def make_and_save(store: Store, child: str, seed: int) -> None:
    order = SheetOrder(subject="maths", chapters=(12,), count=5, seed=seed)
    store.worksheets.add_many(make_worksheets(store, order, child_id=child, today=TODAY))


def test_the_twenty_first_free_sheet_this_month_is_refused_and_nothing_is_saved(
    store: Store, child: str
) -> None:
    for seed in range(20):
        make_and_save(store, child, seed)
    with pytest.raises(QuotaExceeded, match="20 free worksheets"):
        make_worksheets(store, ORDER, child_id=child, today=TODAY)
    assert len(store.worksheets.for_child(child)) == 20


def test_a_paid_account_makes_as_many_as_it_likes(store: Store, child: str) -> None:
    paid_until(store, datetime.now(UTC) + timedelta(days=30))
    for seed in range(25):
        make_and_save(store, child, seed)
    assert entitlement.current(store).quota is None


def test_printing_again_and_grading_never_stop_at_the_quota(
    store: Store, child: str, tmp_path: Path
) -> None:
    for seed in range(20):
        make_and_save(store, child, seed)
    sheet = store.worksheets.for_child(child)[0]
    print_sheets([sheet], tmp_path / "again.pdf")
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
    questions = [Question.model_validate(q) for q in sheet.questions]
    outcome = store.progress.grade(sheet, child, grade(questions, [q.answer for q in questions]))
    assert outcome.recorded == len(questions)


def test_a_servers_answer_that_is_not_the_contract_changes_nothing(store: Store) -> None:
    with pytest.raises((KeyError, ValueError)):
        entitlement.remember(store, {"tier": "paid"}, datetime.now(UTC))
    assert entitlement.cached(store) is None
