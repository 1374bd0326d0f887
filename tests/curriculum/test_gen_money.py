"""Money generators: each answer recomputed from `data` by code independent of theirs."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from curriculum.generators.common import BLANK
from curriculum.pictures import Money
from curriculum.question import Question
from tests.curriculum.harness import family_tags, run_generator_checks


def rupees(paise: int) -> str:
    """4550 -> "45.50", 4500 -> "45" (whole rupees are written without paise)."""
    text = f"{Decimal(paise) / 100:.2f}"
    return text.removesuffix(".00")


def answer_and_total(q: Question) -> tuple[int, int]:
    d = q.data
    assert len(d["prices"]) == len(d["qty"]) >= 1
    total = sum(price * n for price, n in zip(d["prices"], d["qty"], strict=True))
    if d["paid"]:
        assert d["paid"] > total, "the note must cover the bill"
        return d["paid"] - total, total
    return total, total


def shows_prices(q: Question) -> None:
    for price in [*q.data["prices"], q.data["paid"]]:
        if price:
            for text in (q.prompt.en, q.prompt.hi or ""):
                assert f"₹ {rupees(price)}" in text, (price, text)
    for name in q.data.get("items", []):
        assert name in q.prompt.en


def money_oracle(most: int, notes: tuple[int, ...], whole: bool) -> Callable[[Question], None]:
    """Totals up to `most` rupees, paid with one of `notes`; `whole`: no paise anywhere."""

    def oracle(q: Question) -> None:
        answer, total = answer_and_total(q)
        assert q.answer == rupees(answer)
        assert q.unit == "₹" and f"₹{q.answer}" in q.accepted
        assert total <= most * 100
        assert q.data["paid"] in (0, *(n * 100 for n in notes))
        if whole:
            assert all(p % 100 == 0 for p in q.data["prices"])
        if q.data["form"] == "count":  # counted coins and notes: only real denominations
            assert set(q.data["prices"]) <= {100, 200, 500, 1000, 2000, 5000, 10000}
            pieces = tuple(
                (p // 100, n) for p, n in zip(q.data["prices"], q.data["qty"], strict=True)
            )
            assert q.picture == Money(pieces=pieces), "the coins and notes are drawn"
        else:
            shows_prices(q)

    return oracle


ORACLES = {
    "maths.c1.money_coins": money_oracle(20, (), whole=True),
    "maths.c2.money_100": money_oracle(100, (50, 100), whole=True),
    "maths.c4.money_change": money_oracle(2000, (100, 200, 500), whole=False),
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("money")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    oracle = ORACLES[skill_tag]

    def checked(q: Question) -> None:
        assert q.prompt.en.count(BLANK) == (q.prompt.hi or "").count(BLANK) == 1
        oracle(q)

    run_generator_checks(skill_tag, checked)


def test_amounts_are_written_with_paise_and_accept_the_usual_forms() -> None:
    from random import Random

    from curriculum.generators import get_generator

    make = get_generator("maths.c4.money_change").make
    with_paise = [q for q in (make(Random(s), 2) for s in range(200)) if "." in q.answer]
    assert with_paise, "difficulty 2 bills have paise"
    q = with_paise[0]
    whole, paise = q.answer.split(".")
    assert len(paise) == 2
    assert f"₹ {q.answer}" in q.accepted and f"{whole} rupees {int(paise)} paise" in q.accepted
