"""Addition and subtraction: every answer recomputed here, every promised constraint checked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from curriculum.question import Question
from tests.curriculum.harness import family_tags, run_generator_checks


def _column_events(a: int, b: int, subtract: bool) -> int:
    """Count carries (or borrows) the long way, digit by digit, independently of the generator."""
    a_digits, b_digits = str(a)[::-1], str(b)[::-1]
    events = carry = 0
    for i in range(max(len(a_digits), len(b_digits))):
        x = int(a_digits[i]) if i < len(a_digits) else 0
        y = int(b_digits[i]) if i < len(b_digits) else 0
        if subtract:
            carry = 1 if x - carry < y else 0
        else:
            carry = 1 if x + y + carry > 9 else 0
        events += carry
    return events


def _number(text: str) -> int:
    return int(text.replace(",", ""))


Constraint = Callable[[int, int, int], bool]  # (a, b, difficulty) -> holds?

CONSTRAINTS: dict[str, Constraint] = {
    "maths.c1.add_within_9": lambda a, b, d: a + b <= (7 if d == 1 else 9),
    "maths.c1.sub_within_9": lambda a, b, d: a - b > 0 and a <= 9,
    "maths.c1.add_within_20": lambda a, b, d: a + b <= 20 and (d != 2 or a + b > 10),
    "maths.c1.sub_within_20": lambda a, b, d: a - b > 0 and a <= 20 and (d != 2 or a % 10 < b),
    "maths.c2.add_2digit": lambda a, b, d: (
        a + b <= 99 and (d == 3 or _column_events(a, b, False) == (d == 2))
    ),
    "maths.c2.sub_2digit": lambda a, b, d: (
        a > b and (d == 3 or _column_events(a, b, True) == (d == 2))
    ),
    "maths.c3.add_2digit_mental": lambda a, b, d: (
        a + b <= 100 and (d != 1 or a % 10 == b % 10 == 0)
    ),
    "maths.c3.sub_2digit_mental": lambda a, b, d: a > b and (d != 2 or b % 10 == 0),
    "maths.c3.add_3digit_no_regroup": lambda a, b, d: (
        _column_events(a, b, False) == 0 and a + b <= 999
    ),
    "maths.c3.sub_3digit_no_regroup": lambda a, b, d: a > b and _column_events(a, b, True) == 0,
    "maths.c3.add_3digit_regroup": lambda a, b, d: (
        a + b <= 999
        and _column_events(a, b, False) == {1: 1, 2: 2}.get(d, _column_events(a, b, False) or -1)
    ),
    "maths.c3.sub_3digit_regroup": lambda a, b, d: (
        a > b
        and (_column_events(a, b, True) == d if d < 3 else str(a)[1] == "0" and a % 10 < b % 10)
    ),
    "maths.c3.add_sub_word_problems": lambda a, b, d: a <= 999 and b <= 999,
    "maths.c4.add_4digit_regroup": lambda a, b, d: (
        a + b <= 9999 and _column_events(a, b, False) >= 1
    ),
    "maths.c4.sub_4digit_regroup": lambda a, b, d: (
        a > b >= 1000 and _column_events(a, b, True) >= 1
    ),
    "maths.c5.add_sub_large": lambda a, b, d: (
        a >= 10_000 and (a + b <= 999_999 if d < 3 else a > b)
    ),
}


def arithmetic_oracle(question: Question) -> None:
    data = question.data
    a, b, op = data["a"], data["b"], data["op"]
    expected = b if data.get("missing") == "b" else (a + b if op == "+" else a - b)
    assert _number(question.answer) == expected
    assert expected >= 0
    assert CONSTRAINTS[question.skill_tag](a, b, question.difficulty), (a, b, question.difficulty)
    shown = question.prompt.en.replace(",", "")
    assert str(a) in shown and (str(b) in shown or str(a + b if op == "+" else a - b) in shown)


def estimate_oracle(question: Question) -> None:
    a, b, place = question.data["a"], question.data["b"], question.data["place"]

    def nearest(n: int) -> int:
        low = n - n % place
        return low + place if n % place * 2 >= place else low

    assert int(question.answer) == nearest(a) + nearest(b)
    assert f"{a} + {b}" in question.prompt.en


ORACLES = {tag: arithmetic_oracle for tag in CONSTRAINTS} | {
    "maths.c4.estimate_sum": estimate_oracle
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("arithmetic")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    run_generator_checks(skill_tag, ORACLES[skill_tag])
