"""The muldiv generators, checked for 5,000 seeds each against independent oracles.

Each oracle recomputes the answer from `question.data` with plain arithmetic (divmod, *, //),
never with generator code, parses the canonical remainder answer "Q = 12, R = 3" itself, checks
the constraints each skill promises at each difficulty, and that the prompt shows the numbers
the child needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from curriculum.question import Question
from tests.curriculum.harness import family_tags, run_generator_checks

Oracle = Callable[[Question], None]
QR = re.compile(r"Q = (\d+), R = (\d+)")


def grouped(n: int) -> str:
    """n as a prompt prints it: plain below 10,000, else Indian grouping (12,34,567)."""
    digits = str(n)
    if n < 10_000:
        return digits
    head, parts = digits[:-3], [digits[-3:]]
    while head:
        parts.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(parts)


def shows(q: Question, *numbers: int) -> None:
    """Both prompts show every given number, and each has exactly one blank."""
    assert q.prompt.hi is not None
    for text in (q.prompt.en, q.prompt.hi):
        assert text.count("____") == 1, text
        for n in numbers:
            # a whole number: no digit (or digit group after a comma) joined on either side
            pattern = rf"(?<!\d)(?<!\d,){re.escape(grouped(n))}(?!\d)(?!,\d)"
            assert re.search(pattern, text), (n, text)


def is_word(q: Question) -> bool:
    """A word problem: its data names a person who appears in the story."""
    if q.qtype != "word_problem":
        return False
    assert q.data["name"] in q.prompt.en
    assert q.data["form"].startswith("word")
    return True


def assert_quotient_remainder(q: Question, quotient: int, remainder: int) -> None:
    match = QR.fullmatch(q.answer)
    assert match, f"not the canonical 'Q = .., R = ..' form: {q.answer!r}"
    assert (int(match[1]), int(match[2])) == (quotient, remainder)
    for form in (f"{quotient} R {remainder}", f"{quotient} r {remainder}"):
        assert form in q.accepted_answers
    assert (str(quotient) in q.accepted_answers) == (remainder == 0)


# --- Class 1-3 ---------------------------------------------------------------------------------


def oracle_repeated_addition(q: Question) -> None:
    groups, size = q.data["groups"], q.data["size"]
    assert int(q.answer) == groups * size
    # Class 1 adds small equal groups, and groups of ten: no "5 groups of 9".
    most_groups, sizes, largest = {
        1: (4, {1, 2, 3, 4, 5}, 12),
        2: (5, {2, 3, 4, 5}, 20),
        3: (5, {2, 3, 4, 5, 10}, 50),
    }[q.difficulty]
    assert 2 <= groups <= most_groups and size in sizes and groups * size <= largest
    shows(q, size)
    if is_word(q):
        assert size >= 2
        shows(q, groups)
    elif q.data["form"] == "sum":
        assert q.prompt.en == " + ".join([str(size)] * groups) + " = ____"
    else:
        assert q.prompt.en.startswith(f"{groups} groups of {size} ")


def oracle_equal_groups(q: Question) -> None:
    groups, size, product = q.data["groups"], q.data["size"], q.data["product"]
    assert product == groups * size <= 50
    if is_word(q) or q.data["form"] == "product":
        assert int(q.answer) == groups * size
        shows(q, groups, size)
    else:
        assert product % size == 0 and int(q.answer) == product // size
        shows(q, size)
        if q.data["form"] == "missing":
            shows(q, product)
        else:
            assert q.prompt.en.startswith(" + ".join([str(size)] * groups) + " =")


def oracle_equal_sharing(q: Question) -> None:
    n, d = q.data["dividend"], q.data["divisor"]
    quotient, remainder = divmod(n, d)
    assert remainder == 0 and n <= 50 and d >= 2
    assert int(q.answer) == quotient
    shows(q, n, d)


def oracle_mult_tables(q: Question) -> None:
    table, times, product = q.data["table"], q.data["times"], q.data["product"]
    assert 2 <= table <= 10 and 1 <= times <= 10 and product == table * times
    if q.difficulty == 1:
        assert table in (2, 3, 4, 5, 10)
    if is_word(q) or q.data["form"] == "product":
        assert int(q.answer) == table * times
        shows(q, table, times)
    else:
        assert product % table == 0 and int(q.answer) == product // table
        shows(q, table, product)


def oracle_div_sharing(q: Question) -> None:
    n, d, quotient = q.data["dividend"], q.data["divisor"], q.data["quotient"]
    assert 2 <= d <= 10 and 1 <= quotient <= 10 and n % d == 0 and n // d == quotient
    if q.data["form"] == "missing":
        assert int(q.answer) == d * quotient
        shows(q, d, quotient)
    else:
        assert int(q.answer) == n // d
        shows(q, n, d)
    is_word(q)


# --- Class 4 -----------------------------------------------------------------------------------


def oracle_mult_2digit_by_1digit(q: Question) -> None:
    n, m = q.data["number"], q.data["multiplier"]
    assert 10 <= n <= 99 and 2 <= m <= 9
    assert int(q.answer) == n * m
    assert (n % 10) * m >= 10, "promised: the ones always carry"
    if q.difficulty == 1:
        assert n * m < 100
    if q.difficulty == 3:
        assert (n // 10) * m + (n % 10) * m // 10 >= 10, "promised: the tens carry too"
    shows(q, n, m)
    is_word(q)


def oracle_div_by_1digit(q: Question) -> None:
    n, d = q.data["dividend"], q.data["divisor"]
    quotient, remainder = divmod(n, d)
    assert 2 <= d <= 9
    assert 100 <= n <= 999 if q.difficulty == 3 else 10 <= n <= 99
    if q.difficulty == 1:
        assert remainder == 0 and q.answer == str(quotient)
    else:
        assert_quotient_remainder(q, quotient, remainder)
    shows(q, n, d)
    is_word(q)


def oracle_mult_by_10_100(q: Question) -> None:
    n, factor, product = q.data["number"], q.data["factor"], q.data["product"]
    assert factor in (10, 100) and product == n * factor
    form = q.data["form"]
    if form == "missing_factor":
        assert int(q.answer) == product // n
        shows(q, n, product)
    elif form == "missing_number":
        assert int(q.answer) == product // factor
        shows(q, factor, product)
    else:
        assert int(q.answer) == n * factor
        shows(q, n, factor)
    is_word(q)


def oracle_mult_split(q: Question) -> None:
    n, m = q.data["number"], q.data["multiplier"]
    tens, ones = q.data["tens"], q.data["ones"]
    assert tens + ones == n and tens % 10 == 0 and 0 < ones < 10
    expected = {"ones_factor": ones, "tens_part": tens * m, "ones_part": ones * m}
    assert int(q.answer) == expected.get(q.data["form"], n * m)
    if is_word(q):
        shows(q, n, m, tens, ones)
        return
    assert q.prompt.en.startswith(f"{n} × {m} = {tens} × {m} + ")
    if q.data["form"] != "ones_factor":
        assert f"{tens} × {m} + {ones} × {m}" in q.prompt.en


def oracle_long_division(q: Question) -> None:
    n, d = q.data["dividend"], q.data["divisor"]
    quotient, remainder = divmod(n, d)
    assert 100 <= n <= 999 and 2 <= d <= 9
    assert_quotient_remainder(q, quotient, remainder)
    if q.difficulty >= 2:
        assert remainder > 0
    if q.difficulty == 3:
        assert "0" in str(quotient), "promised: a 0 digit in the quotient"
    shows(q, n, d)
    is_word(q)


# --- Class 5 -----------------------------------------------------------------------------------


def oracle_mult_by_10_100_1000(q: Question) -> None:
    n, factor, product = q.data["number"], q.data["factor"], q.data["product"]
    assert product == n * factor
    if q.data["form"] == "missing_factor":
        assert factor in (10, 100, 1000) and int(q.answer) == product // n
        shows(q, n, product)
        return
    digit = int(str(factor).rstrip("0"))  # 300 -> 3; a power of ten -> 1
    assert factor in (10, 100, 1000) or (q.difficulty == 3 and 2 <= digit <= 9 and factor < 1000)
    assert int(q.answer) == n * factor
    shows(q, n, factor)
    is_word(q)


def oracle_mult_3digit_by_2digit(q: Question) -> None:
    a, b = q.data["number"], q.data["multiplier"]
    assert 100 <= a <= 999 and 11 <= b <= 99 and b % 10 != 0
    assert int(q.answer) == a * b
    shows(q, a, b)
    is_word(q)


def oracle_doubling_halving(q: Question) -> None:
    a, b, scale = q.data["first"], q.data["second"], q.data["scale"]
    assert scale in (2, 4, 8) and b % scale == 0
    assert (a * scale) % 10 == 0, "doubling must make a round number, or the trick does not help"
    expected = {"halved": b // scale, "doubled": a * scale}
    assert int(q.answer) == expected.get(q.data["form"], a * b)
    shows(q, a, b)
    if q.data["form"] == "halved":
        assert f"{a * scale} × ____" in q.prompt.en
    is_word(q)


def oracle_division_remainder(q: Question) -> None:
    n, d = q.data["dividend"], q.data["divisor"]
    quotient, remainder = divmod(n, d)
    assert remainder > 0
    if q.data["form"] in ("find_n", "word_find_n"):
        q_given, r_given = q.data["quotient"], q.data["remainder"]
        assert 0 < r_given < d
        assert int(q.answer) == d * q_given + r_given
        shows(q, d, q_given, r_given)
    else:
        assert_quotient_remainder(q, quotient, remainder)
        shows(q, n, d)
    assert 11 <= d <= 25 if q.difficulty == 3 else 2 <= d <= 9
    is_word(q)


def oracle_div_by_10_100(q: Question) -> None:
    n, f, quotient = q.data["dividend"], q.data["divisor"], q.data["quotient"]
    assert f in (10, 100) and n % f == 0 and n == f * quotient
    form = q.data["form"]
    if form == "missing_n":
        assert int(q.answer) == quotient * f
        shows(q, f, quotient)
    elif form == "missing_f":
        assert int(q.answer) == n // quotient
        shows(q, n, quotient)
    else:
        assert int(q.answer) == n // f
        shows(q, n, f)
    is_word(q)


def with_common_checks(oracle: Oracle) -> Oracle:
    """Every muldiv question also lists 2-4 likely mistakes, as the family promises."""

    def check(q: Question) -> None:
        assert 2 <= len(q.wrong_answers) <= 4, [w.answer for w in q.wrong_answers]
        oracle(q)

    return check


_ORACLES: dict[str, Oracle] = {
    "maths.c1.repeated_addition": oracle_repeated_addition,
    "maths.c2.equal_groups": oracle_equal_groups,
    "maths.c2.equal_sharing": oracle_equal_sharing,
    "maths.c3.mult_tables": oracle_mult_tables,
    "maths.c3.div_sharing": oracle_div_sharing,
    "maths.c4.mult_2digit_by_1digit": oracle_mult_2digit_by_1digit,
    "maths.c4.div_by_1digit": oracle_div_by_1digit,
    "maths.c4.mult_by_10_100": oracle_mult_by_10_100,
    "maths.c4.mult_split": oracle_mult_split,
    "maths.c4.long_division": oracle_long_division,
    "maths.c5.mult_by_10_100_1000": oracle_mult_by_10_100_1000,
    "maths.c5.mult_3digit_by_2digit": oracle_mult_3digit_by_2digit,
    "maths.c5.doubling_halving": oracle_doubling_halving,
    "maths.c5.division_remainder": oracle_division_remainder,
    "maths.c5.div_by_10_100": oracle_div_by_10_100,
}
ORACLES = {tag: with_common_checks(oracle) for tag, oracle in _ORACLES.items()}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("muldiv")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    run_generator_checks(skill_tag, ORACLES[skill_tag])
