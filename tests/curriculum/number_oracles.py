"""Oracles for the place-value and comparing skills of the numbers family.

Independent of the generators: numbers are grouped and read back here, digits are found by
their position in the numeral, and "the greatest number from these digits" is found by trying
every arrangement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import permutations

from curriculum.generators.common import BLANK
from curriculum.question import Question
from tests.curriculum.harness import Oracle


def indian(n: int) -> str:
    """12,34,567 — left plain below 10,000 (4567), as the app writes numbers."""
    text = str(n)
    if n < 10_000:
        return text
    head, last = text[:-3], text[-3:]
    head = head.zfill(len(head) + len(head) % 2)
    pairs = [head[i : i + 2] for i in range(0, len(head), 2)]
    return ",".join([pairs[0].lstrip("0"), *pairs[1:], last])


def number(text: str) -> int:
    """A number as shown: plain, or with commas in Indian or international grouping."""
    assert re.fullmatch(r"\d+|\d{1,3}(,\d{2,3})+", text), f"not a number: {text!r}"
    return int(text.replace(",", ""))


def shows(q: Question, *values: object) -> None:
    """Each value is printed in the English and in the Hindi prompt."""
    for value in values:
        assert str(value) in q.prompt.en, f"{value} not shown in {q.prompt.en!r}"
        assert str(value) in (q.prompt.hi or ""), f"{value} not shown in {q.prompt.hi!r}"


def digit_form(q: Question) -> tuple[int, int]:
    n = q.data["number"]
    shows(q, indian(n))
    return int(str(n)[-1 - q.data["place"]]), n


def value_form(q: Question) -> tuple[int, int]:
    n, digit = q.data["number"], str(q.data["digit"])
    assert str(n).count(digit) == 1, "the digit names one place"
    shows(q, indian(n), digit)
    return int(digit) * 10 ** (len(str(n)) - 1 - str(n).index(digit)), n


def expanded_form(q: Question) -> tuple[int, int]:
    n, place = q.data["number"], q.data["place"]
    answer = int(str(n)[-1 - place]) * 10**place
    left, right = q.prompt.en.split(" = ")
    terms = [number(t) for t in right.split(" + ") if t != BLANK]
    assert number(left) == n and sum(terms) + answer == n and answer
    return answer, n


def compose_form(q: Question) -> tuple[int, int]:
    parts = q.data["parts"]
    assert len({p for _, p in parts}) == len(parts) and all(1 <= d <= 9 for d, _ in parts)
    n = sum(d * 10**p for d, p in parts)
    assert "0" in str(n)[1:-1] and n % 10, "the number has a zero to write inside it"
    return n, n


def regroup_form(q: Question) -> tuple[int, int]:
    tens, ones = q.data["tens"], q.data["ones"]
    assert 10 <= ones <= 19 and 10 * tens + ones <= 100
    shows(q, f"{ones} ")
    return 10 * tens + ones, 10 * tens + ones


def lakh_words_form(q: Question) -> tuple[int, int]:
    lakhs, thousands, rest = q.data["lakhs"], q.data["thousands"], q.data["rest"]
    assert q.prompt.en.startswith(f"{lakhs} lakh {thousands} thousand {rest} =")
    assert (q.prompt.hi or "").startswith(f"{lakhs} लाख {thousands} हज़ार {rest} =")
    n = lakhs * 100_000 + thousands * 1000 + rest
    return n, n


# form -> (answer, the number the question is about), recomputed from the data
PLACE_VALUE_FORMS: dict[str, Callable[[Question], tuple[int, int]]] = {
    "digit": digit_form,
    "value": value_form,
    "expanded": expanded_form,
    "compose": compose_form,
    "regroup": regroup_form,
    "lakh_words": lakh_words_form,
}


def place_value_oracle(low: int, high: int, forms: tuple[set[str], ...]) -> Oracle:
    def oracle(q: Question) -> None:
        answer, n = PLACE_VALUE_FORMS[q.data["form"]](q)
        if q.data["form"] == "digit":
            assert q.answer == str(answer)
        else:
            assert q.answer == indian(answer)
            assert all(number(a) == answer for a in q.accepted_answers)
            assert f"{answer:,}" in q.accepted_answers, "international grouping accepted"
        assert q.data["form"] in forms[q.difficulty - 1]
        assert low <= n <= high or q.data["form"] == "regroup"

    return oracle


PLACE_VALUE_ORACLES: dict[str, Oracle] = {
    "maths.c2.place_value_100": place_value_oracle(21, 99, ({"expanded"}, {"value"}, {"regroup"})),
    "maths.c3.place_value_3digit": place_value_oracle(
        100, 999, ({"digit"}, {"value", "expanded"}, {"compose"})
    ),
    "maths.c4.place_value_4digit": place_value_oracle(
        1000, 9999, ({"digit"}, {"value", "expanded", "compose"}, {"compose"})
    ),
    "maths.c5.place_value_large": place_value_oracle(
        100_000, 9_999_999, ({"digit", "value"}, {"expanded"}, {"lakh_words"})
    ),
}


def sign(a: int, b: int) -> str:
    return ">" if a > b else "<" if a < b else "="


def check_sign(q: Question) -> tuple[int, int]:
    a, b = q.data["left"], q.data["right"]
    assert q.answer == sign(a, b)
    assert q.prompt.en == q.prompt.hi == f"{indian(a)} {BLANK} {indian(b)}"
    return a, b


def check_extreme(q: Question) -> list[int]:
    numbers = q.data["numbers"]
    want = q.data["form"]
    assert q.answer == indian(max(numbers) if want == "greatest" else min(numbers))
    shows(q, ", ".join(indian(v) for v in numbers))
    assert want in q.prompt.en
    return list(numbers)


def check_from_digits(q: Question) -> None:
    digits, want = q.data["digits"], q.data["want"]
    made = [int("".join(map(str, p))) for p in permutations(digits) if p[0] != 0]
    assert q.answer == str(max(made) if want == "greatest" else min(made))
    assert len(set(digits)) == 4
    shows(q, ", ".join(map(str, digits)))


def check_compare_9(q: Question) -> None:
    a, b = check_sign(q)
    low = 1 if q.difficulty == 1 else 0
    high = 5 if q.difficulty == 1 else 9
    assert low <= min(a, b) and max(a, b) <= high
    assert q.difficulty != 3 or abs(a - b) <= 1


def check_compare_100(q: Question) -> None:
    a, b = check_sign(q)
    if q.difficulty < 3:
        assert min(a, b) >= 10 and max(a, b) <= 99
        assert (a // 10 == b // 10) == (q.difficulty == 2)
    else:
        assert a == b or str(a) == str(b)[::-1] or min(a, b) < 10, "a d3 trap pair"


def check_compare_3digit(q: Question) -> None:
    if q.difficulty == 3:
        numbers = check_extreme(q)
        assert 3 <= len(numbers) <= 4 and len({tuple(sorted(str(v))) for v in numbers}) == 1
        assert len(set(str(numbers[0]))) == 3 and "0" not in str(numbers[0])
        return
    a, b = check_sign(q)
    assert min(a, b) >= 100 and max(a, b) <= 999
    assert (a // 100 == b // 100) == (q.difficulty == 2)


def check_compare_order_4digit(q: Question) -> None:
    if q.difficulty == 1:
        a, b = check_sign(q)
        assert 1000 <= max(a, b) <= 9999 and min(a, b) >= 100
    elif q.difficulty == 2:
        numbers = check_extreme(q)
        assert len(numbers) == 4 and len({v // 1000 for v in numbers}) == 1
        assert all(1000 <= v <= 9999 for v in numbers)
    else:
        check_from_digits(q)


def check_compare_large(q: Question) -> None:
    a, b = check_sign(q)
    sizes = sorted((len(str(a)), len(str(b))))
    if q.difficulty == 1:
        assert sizes == [5, 6]
    elif q.difficulty == 2:
        assert sizes[0] == sizes[1] in (6, 7)
        assert str(a)[0] == str(b)[0] and str(a)[1] != str(b)[1]
    else:
        assert sizes[0] == sizes[1] >= 6 and str(a)[:-2] == str(b)[:-2]
        assert a == b or str(a)[-2:] == str(b)[-2:][::-1]


COMPARING_ORACLES: dict[str, Oracle] = {
    "maths.c1.compare_9": check_compare_9,
    "maths.c2.compare_100": check_compare_100,
    "maths.c3.compare_3digit": check_compare_3digit,
    "maths.c4.compare_order_4digit": check_compare_order_4digit,
    "maths.c5.compare_large": check_compare_large,
}
