"""Grading what a child writes on a Hindi sheet: Hindi words, number names, letters क ख ग घ."""

from __future__ import annotations

from random import Random

import pytest

from curriculum.engine import generate
from curriculum.generators.number_names import name_question
from curriculum.generators.variants import make_match, to_multiple_choice, to_true_false
from curriculum.hindi_numbers import OTHER_SPELLINGS, hindi_spellings
from curriculum.question import Question
from progress.answers import check_answer


def numeral_free_question() -> Question:
    """100 is only asked numeral-to-name at difficulty 1-2; make its name question directly."""
    return name_question(2, 100)


def _hindi_choice() -> Question:
    for seed in range(50):
        q = generate("maths.c2.calendar_days", 1, seed, difficulty=1)[0]
        choice = to_multiple_choice(q, Random(seed))
        if len(choice.options) >= 3:
            return choice
    raise AssertionError("no calendar question with three options")


def test_a_hindi_number_name_is_right_for_every_number() -> None:
    for n in range(1, 100):
        q = name_question(3, n)
        assert check_answer(q, q.answer_hi or "").result == "correct", n


@pytest.mark.parametrize("n", sorted(OTHER_SPELLINGS))
def test_every_other_standard_spelling_of_a_hindi_number_name_is_right(n: int) -> None:
    q = name_question(3, n) if n < 100 else numeral_free_question()
    for spelling in hindi_spellings(n):
        assert check_answer(q, spelling).result == "correct", spelling


@pytest.mark.parametrize(
    ("n", "written"),
    [
        (15, "पन्द्रह"),  # न् before a consonant for the anusvara
        (34, "चौँतीस"),  # chandrabindu for the anusvara
        (38, "अडतीस"),  # no nukta
        (91, "इक्यानवे"),  # -नवे for -नबे
        (80, "  अस्सी "),
    ],
)
def test_a_hindi_number_name_spelt_another_standard_way_is_right(n: int, written: str) -> None:
    assert check_answer(name_question(3, n), written).result == "correct"


def test_the_hindi_name_of_another_number_is_wrong() -> None:
    q = name_question(3, 47)  # सैंतालीस
    assert check_answer(q, "सैंतीस").result == "incorrect"
    assert check_answer(q, "चौहत्तर").result == "incorrect"  # 74: digits reversed


def test_the_hindi_name_of_a_known_slip_names_its_mistake() -> None:
    q = name_question(3, 47)
    assert check_answer(q, "चौहत्तर") == ("incorrect", "reversed_digits")


def test_a_hindi_option_letter_chooses_its_option() -> None:
    q = _hindi_choice()
    right = q.options.index(q.answer)
    assert check_answer(q, "कखगघ"[right]).result == "correct"
    assert check_answer(q, f"({'कखगघ'[right]})").result == "correct"
    assert check_answer(q, "कखगघ"[(right + 1) % len(q.options)]).result == "incorrect"


def test_a_hindi_option_written_out_is_right() -> None:
    q = _hindi_choice()
    assert check_answer(q, q.options_hi[q.options.index(q.answer)]).result == "correct"


def test_a_hindi_day_is_right_where_the_english_day_is() -> None:
    q = generate("maths.c2.calendar_days", 1, 3, difficulty=1)[0]
    assert q.answer_hi and check_answer(q, q.answer_hi).result == "correct"


def test_sahi_and_galat_answer_a_true_false_question() -> None:
    q = generate("maths.c3.add_3digit_regroup", 1, 1, qtypes=("true_false",))[0]
    assert q.answer_hi in ("सही", "गलत")
    assert check_answer(q, q.answer_hi).result == "correct"
    other = "गलत" if q.answer_hi == "सही" else "सही"
    assert check_answer(q, other).result == "incorrect"


def test_a_match_answered_with_hindi_letters_is_right() -> None:
    parts: dict[str, Question] = {}
    for seed in range(60):
        q = generate("maths.c2.calendar_days", 1, seed, difficulty=1)[0]
        parts.setdefault(q.answer, q)
    q = make_match(list(parts.values())[:4], Random(4))
    letters = "".join(x.split("-")[1] for x in (q.answer_hi or "").split(", "))
    assert check_answer(q, letters).result == "correct"
    assert check_answer(q, q.answer_hi or "").result == "correct"


@pytest.mark.parametrize("unit", ["सेमी", "सेंटीमीटर"])
def test_a_length_with_its_hindi_unit_is_right(unit: str) -> None:
    q = generate("maths.c2.length_cm", 1, 2, difficulty=2)[0]
    assert q.unit == "cm"
    assert check_answer(q, f"{q.answer} {unit}").result == "correct"


def test_a_true_false_statement_shows_the_hindi_of_a_wrong_value() -> None:
    for seed in range(40):
        q = generate("maths.c2.calendar_days", 1, seed, difficulty=1)[0]
        statement = to_true_false(q, Random(seed))
        if statement.answer == "False":
            assert statement.prompt.hi and "day" not in statement.prompt.hi
            return
    raise AssertionError("no false statement in 40 seeds")


def test_an_english_answer_is_still_right_on_a_question_with_hindi() -> None:
    q = generate("maths.c2.calendar_days", 1, 3, difficulty=1)[0]
    assert check_answer(q, q.answer).result == "correct"
