"""Halves, quarters and fractions: every answer recomputed here with `Fraction`, every promised
range checked, and every accepted form really equal to the answer (no wrong answer is).
"""

from __future__ import annotations

from fractions import Fraction
from random import Random

import pytest

from curriculum.generators import get_generator
from curriculum.generators.common import BLANK
from curriculum.pictures import Strip
from curriculum.question import Question
from tests.curriculum.harness import Oracle, check_variety, family_tags, run_generator_checks
from tests.curriculum.number_oracles import shows

SINGLE_CHARACTERS = {
    "½": Fraction(1, 2), "⅓": Fraction(1, 3), "⅔": Fraction(2, 3), "¼": Fraction(1, 4),
    "¾": Fraction(3, 4), "⅕": Fraction(1, 5), "⅖": Fraction(2, 5), "⅗": Fraction(3, 5),
    "⅘": Fraction(4, 5), "⅙": Fraction(1, 6), "⅚": Fraction(5, 6), "⅛": Fraction(1, 8),
    "⅜": Fraction(3, 8), "⅝": Fraction(5, 8), "⅞": Fraction(7, 8),
}  # fmt: skip


def value(text: str) -> Fraction:
    """What a written answer is worth: "3/8", "1" or "⅜"."""
    if text in SINGLE_CHARACTERS:
        return SINGLE_CHARACTERS[text]
    top, _, bottom = text.partition("/")
    return Fraction(int(top), int(bottom or "1"))


def check_fraction_key(q: Question, expected: Fraction) -> None:
    """The answer is worth `expected`, so is every accepted form, and no wrong answer is."""
    assert all(value(a) == expected for a in q.accepted_answers)
    assert all(value(w.answer) != expected for w in q.wrong_answers)


def check_half_quarter(q: Question) -> None:
    form, n = q.data["form"], q.data["number"]
    shows(q, n)
    if form == "double":
        assert q.answer == str(2 * n)
        assert n in (range(1, 11), range(11, 51), range(51, 101))[q.difficulty - 1]
        return
    parts = 2 if form == "half" else 4
    assert n % parts == 0 and q.answer == str(n // parts), "half and quarter come out whole"
    if form == "half":
        assert n // 2 in (range(1, 11), range(6, 51), range(50, 101))[q.difficulty - 1]
    else:
        assert q.difficulty > 1 and n <= (40 if q.difficulty == 2 else 100)


def check_fraction_of_collection(q: Question) -> None:
    top, bottom, total = q.data["numerator"], q.data["denominator"], q.data["total"]
    part = Fraction(top, bottom) * total
    assert part.denominator == 1 and q.answer == str(part.numerator)
    shows(q, f"{top}/{bottom}", total)
    allowed = ({(1, 2)}, {(1, 3), (1, 4)}, {(3, 4), (1, 3), (1, 4)})[q.difficulty - 1]
    assert (top, bottom) in allowed
    assert total <= (20, 40, 100)[q.difficulty - 1]


def check_fraction_name(q: Question) -> None:
    parts = q.data["parts"]
    if q.data["form"] == "coloured":
        coloured = q.data["coloured"]
        strip = q.picture
        assert isinstance(strip, Strip), "the strip is drawn, not typed as boxes"
        assert (len(strip.coloured), sum(strip.coloured)) == (parts, coloured)
        if q.difficulty == 1:
            assert strip.coloured == (True,) * coloured + (False,) * (parts - coloured)
        assert q.answer == f"{coloured}/{parts}"
        assert parts <= (6 if q.difficulty == 1 else 10)
        told = f"{coloured} of the {parts} equal parts" in q.prompt.en
        assert told == (q.difficulty == 1), "only d1 says the counts in words"
        expected = Fraction(coloured, parts)
    else:
        eaten = q.data["eaten"]
        shows(q, parts, eaten)
        assert q.difficulty == 3 and 1 <= eaten < parts
        assert q.answer == f"{parts - eaten}/{parts}"
        expected = Fraction(parts - eaten, parts)
    assert 0 < expected < 1
    check_fraction_key(q, expected)


def check_equivalent(q: Question) -> None:
    (a, b), given = q.data["left"], q.data["given"]
    if q.data["blank"] == "numerator":
        answer = Fraction(a, b) * given
        assert q.prompt.en == f"{a}/{b} = {BLANK}/{given}"
    else:
        answer = given / Fraction(a, b)
        assert q.prompt.en == f"{a}/{b} = {given}/{BLANK}"
        assert q.difficulty == 3
    assert answer.denominator == 1 and q.answer == str(answer.numerator)
    assert q.prompt.hi == q.prompt.en and a < b
    lowest = Fraction(a, b).denominator == b
    assert lowest == (q.difficulty == 1), "only d1 starts from a fraction in lowest terms"


def check_compare_fractions(q: Question) -> None:
    (a, b), (c, d) = q.data["left"], q.data["right"]
    left, right = Fraction(a, b), Fraction(c, d)
    assert q.answer == (">" if left > right else "<" if left < right else "=")
    assert q.prompt.en == q.prompt.hi == f"{a}/{b} {BLANK} {c}/{d}"
    assert 0 < left < 1 and 0 < right < 1
    if q.difficulty == 1:
        assert b == d
    elif q.difficulty == 2:
        assert a == c and b != d
    else:
        assert b != d and (a != c or left == right)


def check_add_like(q: Question) -> None:
    (a, b), n = q.data["addends"], q.data["denominator"]
    total = Fraction(a + b, n)
    simplest = (
        str(total.numerator) if total.denominator == 1 else f"{total.numerator}/{total.denominator}"
    )
    assert q.answer == simplest
    assert f"{a + b}/{n}" in q.accepted_answers, "the unsimplified sum is accepted"
    check_fraction_key(q, total)
    assert q.prompt.en == q.prompt.hi == f"{a}/{n} + {b}/{n} = {BLANK}"
    assert total <= 1 and n <= (10, 12, 20)[q.difficulty - 1]
    needs_simplifying = Fraction(a + b, n).denominator != n
    assert needs_simplifying == (q.difficulty > 1)


ORACLES: dict[str, Oracle] = {
    "maths.c3.half_quarter": check_half_quarter,
    "maths.c4.fraction_of_collection": check_fraction_of_collection,
    "maths.c4.fraction_name": check_fraction_name,
    "maths.c5.equivalent_fractions": check_equivalent,
    "maths.c5.compare_fractions": check_compare_fractions,
    "maths.c5.add_like_fractions": check_add_like,
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("fractions")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    run_generator_checks(skill_tag, ORACLES[skill_tag])


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_each_difficulty_gives_many_different_items(skill_tag: str) -> None:
    check_variety(skill_tag, minimum=8)


def test_a_sum_that_simplifies_accepts_the_simplest_and_the_unsimplified_form() -> None:
    make = get_generator("maths.c5.add_like_fractions").make
    question = make(Random(1), 2)
    (a, b), n = question.data["addends"], question.data["denominator"]
    assert question.answer != f"{a + b}/{n}"
    assert f"{a + b}/{n}" in question.accepted


def test_same_numerator_comparisons_are_never_equal() -> None:
    make = get_generator("maths.c5.compare_fractions").make
    assert {make(Random(seed), 2).answer for seed in range(200)} == {"<", ">"}
