"""Measurement generators: each answer recomputed from `data` by code independent of theirs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from curriculum.generators.common import BLANK
from curriculum.question import Question
from tests.curriculum.harness import family_tags, run_generator_checks

# 1 big unit = this many small units, and the words a prompt uses for each unit.
FACTOR = {"m-cm": 100, "km-m": 1000, "kg-g": 1000, "L-mL": 1000}
WORDS = {
    "m-cm": (("m", "cm"), ("मीटर", "सेंटीमीटर")),
    "km-m": (("km", "m"), ("किलोमीटर", "मीटर")),
    "kg-g": (("kg", "g"), ("किलोग्राम", "ग्राम")),
    "L-mL": (("L", "mL"), ("लीटर", "मिलीलीटर")),
}


def shows(q: Question, *values: object) -> None:
    """Each value is written in both prompts (a number may carry digit grouping: 14,975)."""
    for value in values:
        forms = {str(value), f"{value:,}"} if isinstance(value, int) else {str(value)}
        for text in (q.prompt.en, q.prompt.hi or ""):
            assert any(f in text for f in forms), f"{value} not shown in {text!r}"


def names_shown(q: Question, names: list[str]) -> None:
    for name in names:
        assert name in q.prompt.en


def pick(values: list[int], biggest: bool) -> int:
    """Index of the single largest (or smallest) value."""
    best = max(values) if biggest else min(values)
    assert values.count(best) == 1, "a tie has no single answer"
    return values.index(best)


def sign(a: int, b: int) -> str:
    return "<" if a < b else ">" if a > b else "="


def oracle_compare_length(q: Question) -> None:
    """Class 1 compares by looking and in paper clips: no centimetres before Class 2."""
    d = q.data
    names = d["names"]
    assert "cm" not in q.prompt.en and "सेंटीमीटर" not in (q.prompt.hi or "")
    if d["form"] == "than":
        first, second = names
        assert f"{first} is {d['said']} than {second}." in q.prompt.en
        assert q.answer == (first if d["ask"] == d["said"] else second)
        names_shown(q, names)
        return
    values = d["values"]
    if d["form"] == "pick":
        assert q.answer == names[pick(values, d["ask"] == "longest")]
        assert all(2 <= v <= 20 for v in values)
    else:
        a, b = values
        assert d["form"] == "diff" and q.answer == str(a - b)
        assert 0 < a - b < 10 and a <= 20, "Class 1: differences within 20"
    assert "clips" in q.prompt.en
    shows(q, *values)
    names_shown(q, names)


def oracle_length_cm(q: Question) -> None:
    d = q.data
    a, b = d["a"], d["b"]
    shows(q, a, b)
    if d["form"] == "compare":
        assert q.answer == sign(a, b)
        return
    ones_a, ones_b = a % 10, b % 10
    if d["form"] == "add":
        assert q.answer == str(a + b) and a + b < 100
        regrouped = ones_a + ones_b >= 10
    else:
        assert d["form"] == "sub" and q.answer == str(a - b) and a > b
        regrouped = ones_a < ones_b
    if q.qtype == "word_problem":
        assert regrouped == (q.difficulty >= 2)
    else:
        assert regrouped == (q.difficulty == 3)


def oracle_nonstandard_length(q: Question) -> None:
    d = q.data
    values, names = d["values"], d["names"]
    assert d["unit"] in ("handspan", "footstep") and d["unit"] in q.prompt.en
    form = d["form"]
    if form == "pick":
        assert q.answer == names[pick(values, d["ask"] == "longer")]
    elif form == "whose":  # fewer of your own steps across the same room: your step is longer
        assert q.answer == names[pick(values, d["ask"] != "longer")]
    elif form == "total":
        assert q.answer == str(values[0] + values[1])
    else:
        assert form == "diff" and q.answer == str(values[0] - values[1]) and values[0] > values[1]
    shows(q, *values)
    names_shown(q, names)


def oracle_capacity_weight_compare(q: Question) -> None:
    d = q.data
    if d["form"] == "diff":
        a, b = d["values"]
        assert a > b and q.answer == str(a - b)
        assert ("kg" in q.prompt.en) == (d["kind"] == "weight")
        shows(q, a, b)
        names_shown(q, d["names"])
    elif d["form"] == "pick":
        assert q.answer == d["names"][pick(d["values"], d["ask"] == "more")]
        assert ("kg" in q.prompt.en) == (d["kind"] == "weight")
        shows(q, *d["values"])
        names_shown(q, d["names"])
    elif d["form"] == "mul":
        assert q.answer == str(d["jugs"] * d["per"])
        shows(q, d["jugs"], d["per"])
    else:
        assert d["form"] == "div" and d["total"] % d["per"] == 0
        assert q.answer == str(d["total"] // d["per"])
        shows(q, d["total"], d["per"])


def shows_amount(q: Question, pair: str, amount: list[int]) -> None:
    """[3, 45] in m-cm appears as "3 m 45 cm" (a zero part may be left out)."""
    (big, small), (big_hi, small_hi) = WORDS[pair]
    for text, b, s in ((q.prompt.en, big, small), (q.prompt.hi or "", big_hi, small_hi)):
        if amount[0]:
            assert f"{amount[0]} {b}" in text, (amount, text)
        if amount[1]:
            assert f"{amount[1]:,} {s}" in text or f"{amount[1]} {s}" in text, (amount, text)


def metric_answer(q: Question) -> str:
    """The answer of any metric-units item, from its data alone."""
    d = q.data
    f = FACTOR[d["pair"]]
    form = d["form"]
    if form in ("to_small", "add", "sub", "compare", "fill"):
        a = d["a"]
        assert 0 <= a[1] < f
        shows_amount(q, d["pair"], a)
    if form == "to_small":
        return str(d["a"][0] * f + d["a"][1])
    if form == "to_big":
        assert d["x"] % f == 0
        shows(q, d["x"])
        return str(d["x"] // f)
    if form == "to_mixed":
        shows(q, d["x"], d["big"])
        rest = d["x"] - d["big"] * f
        assert 0 < rest < f
        return str(rest)
    if form == "compare":
        shows(q, d["x"])
        return sign(d["a"][0] * f + d["a"][1], d["x"])
    if form == "fill":
        total = d["a"][0] * f + d["a"][1]
        assert total % d["cup"] == 0
        shows(q, d["cup"])
        return str(total // d["cup"])
    b = d["b"]
    assert 0 <= b[1] < f
    shows_amount(q, d["pair"], b)
    first, second = d["a"][0] * f + d["a"][1], b[0] * f + b[1]
    if form == "add":
        return str(first + second)
    assert form == "sub" and first > second
    return str(first - second)


def metric_oracle(pairs: set[str]) -> Callable[[Question], None]:
    def oracle(q: Question) -> None:
        assert q.data["pair"] in pairs
        assert q.answer == metric_answer(q)

    return oracle


ORACLES = {
    "maths.c1.compare_length": oracle_compare_length,
    "maths.c2.length_cm": oracle_length_cm,
    "maths.c3.nonstandard_length": oracle_nonstandard_length,
    "maths.c3.capacity_weight_compare": oracle_capacity_weight_compare,
    "maths.c4.length_units": metric_oracle({"m-cm", "km-m"}),
    "maths.c4.weight_capacity_units": metric_oracle({"kg-g", "L-mL"}),
    "maths.c5.distance_units": metric_oracle({"km-m"}),
    "maths.c5.weight_capacity_convert": metric_oracle({"kg-g", "L-mL"}),
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("measurement")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    oracle = ORACLES[skill_tag]

    def checked(q: Question) -> None:
        assert q.prompt.en.count(BLANK) == (q.prompt.hi or "").count(BLANK) == 1
        oracle(q)

    run_generator_checks(skill_tag, checked)
