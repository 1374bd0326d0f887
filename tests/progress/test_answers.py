"""Normalising and checking written answers: the table teachers would expect."""

from __future__ import annotations

import pytest

from curriculum.question import Question, Text, WrongAnswer
from progress.answers import NeedsTeacher, check_answer, normalise


def question(
    answer: str,
    *,
    accepted: tuple[str, ...] = (),
    unit: str | None = None,
    qtype: str = "fill_blank",
    options: tuple[str, ...] = (),
    wrong: tuple[tuple[str, str], ...] = (),
    grading: str = "auto",
) -> Question:
    return Question.model_validate(
        {
            "skill_tag": "maths.c3.test",
            "qtype": qtype,
            "instruction": Text(en="Answer."),
            "prompt": Text(en="?"),
            "answer": answer,
            "accepted": accepted,
            "solution": Text(en=answer),
            "difficulty": 1,
            "wrong_answers": [WrongAnswer(answer=a, error_type=e) for a, e in wrong],
            "options": options,
            "unit": unit,
            "grading": grading,
            "key": answer,
        }
    )


HALF = question("1/2", accepted=("0.5",))
MONEY = question("45.50", unit="₹")
CM = question("16", unit="cm")
MCQ = question("banyan", qtype="multiple_choice", options=("neem", "banyan", "mango", "peepal"))
ARTICLE = question("a", qtype="choose_word", options=("an", "a", "the"))
SENTENCE = question("The dog can run.", qtype="rewrite", accepted=("The dog can run",))

MUST_MATCH = [
    (question("42"), "42"),
    (question("42"), " 42 "),
    (question("42"), "042"),
    (question("42"), "0042"),
    (question("42"), "४२"),
    (question("42"), "42."),
    (question("42"), "42.0"),
    (question("500000"), "5,00,000"),
    (question("500000"), "500,000"),
    (question("5,00,000"), "500000"),
    (question("5,00,000"), "05,00,000"),
    (question("1234"), "१२३४"),
    (question("1234"), "1,234"),
    (HALF, "1/2"),
    (HALF, "½"),
    (HALF, "0.5"),
    (HALF, "0.50"),
    (HALF, "00.5"),
    (HALF, " 1 / 2 "),
    (HALF, "१/२"),
    (question("2/3"), "⅔"),
    (question("1 1/2"), "1½"),
    (question("1 1/2"), "1 ½"),
    (MONEY, "45.50"),
    (MONEY, "45.5"),
    (MONEY, "₹45.50"),
    (MONEY, "₹ 45.50"),
    (MONEY, "Rs 45.50"),
    (MONEY, "Rs. 45.50"),
    (MONEY, "rs45.5"),
    (MONEY, "45.50 rupees"),
    (MONEY, "45 rupees 50 paise"),
    (MONEY, "4550 paise"),
    (MONEY, "45 रुपये 50 पैसे"),
    (question("364", unit="₹"), "364.00"),
    (question("364", unit="₹"), "₹364"),
    (CM, "16"),
    (CM, "16 cm"),
    (CM, "16cm"),
    (CM, "16 CM"),
    (CM, "16 centimetres"),
    (CM, "16 सेंटीमीटर"),
    (question("305", unit="seconds"), "305 sec"),
    (question("5", unit="balloons"), "5 balloons"),
    (question("peacock"), "Peacock"),
    (question("peacock"), "PEACOCK"),
    (question("are baking"), "are   baking"),
    (question("weren't"), "weren’t"),
    (question("Q = 13, R = 4"), "q=13,r=4"),
    (question("Q = 13, R = 4"), "Q = 13 , R = 4"),
    (question("4:20", accepted=("4.20",)), "4 : 20"),
    (question("4:20", accepted=("4.20",)), "4.20"),
    (question("True", accepted=("T", "true", "सही")), "t"),
    (question("True", accepted=("T", "true", "सही")), "सही"),
    (MCQ, "banyan"),
    (MCQ, "b"),
    (MCQ, "(b)"),
    (MCQ, "B"),
    (ARTICLE, "a"),
    (ARTICLE, "(b)"),
    (question(".", qtype="choose_word", options=(".", "?")), "."),
    (question("1-c, 2-d, 3-b, 4-a", qtype="match"), "1 - c, 2 - d, 3 - b, 4 - a"),
    (SENTENCE, "The dog can run."),
    (SENTENCE, "The  dog can run."),
    (SENTENCE, "The dog can run"),
    (
        question('"Whose is this?" asked Lakshmi.', qtype="rewrite"),
        "“Whose is this?” asked Lakshmi.",
    ),
    (question("1, 2, 3, 6"), "1,2,3,6"),
    (question("4"), "4."),
    (question("4"), "4 ."),
    (question("3/4"), "03/4"),  # a leading zero, where the fraction is not a decimal
    (question("3/4"), "3\u20444"),  # the fraction slash some keyboards type
    (question("5 cm", unit="cm"), "5"),  # the key may give the unit; the child need not
    (question("3", unit="pencils"), "3 pencil"),  # a unit the table does not know, singular
]

MUST_NOT_MATCH = [
    (question("42"), "24"),
    (question("42"), "421"),
    (question("42"), ""),
    (question("42"), "   "),
    (question("42"), "42 cm"),
    (question("500000"), "50,000"),
    (question("1/2"), "0.5"),  # the key asks for a fraction and does not accept decimals
    (question("1/2"), "2/4"),  # not in lowest terms, not accepted
    (question("0.5"), "1/2"),  # converting to a decimal is the point of the question
    (question("2/3"), "3/2"),
    (HALF, "0.25"),
    (MONEY, "45"),
    (MONEY, "50 paise"),
    (MONEY, "45 rupees 5 paise"),
    (CM, "16 m"),
    (CM, "16 mm"),
    (CM, "160"),
    (question("peacock"), "peacocks"),
    (MCQ, "e"),
    (MCQ, "a"),
    (ARTICLE, "an"),
    (SENTENCE, "the dog can run."),
    (SENTENCE, "The dog can run?"),
    (question("1, 2, 3, 6"), "1236"),
    (question("True", accepted=("T", "true", "सही")), "f"),
    (question("4:20", accepted=("4.20",)), "4:02"),
    (question("10"), "1e1"),  # a number is digits (and a decimal point), as a child writes it
    (question("1", accepted=("one",)), "\u1369"),  # a digit sign with no decimal value
]


@pytest.mark.parametrize(("q", "given"), MUST_MATCH)
def test_equivalent_answer_is_correct(q: Question, given: str) -> None:
    assert check_answer(q, given).result == "correct", (q.answer, given)


@pytest.mark.parametrize(("q", "given"), MUST_NOT_MATCH)
def test_different_answer_is_incorrect(q: Question, given: str) -> None:
    assert check_answer(q, given).result == "incorrect", (q.answer, given)


def test_the_table_is_large_enough() -> None:
    assert len(MUST_MATCH) >= 40
    assert len(MUST_NOT_MATCH) >= 20


def test_known_wrong_answer_names_its_mistake() -> None:
    q = question("957", wrong=(("847", "forgot_to_carry"), ("967", "place_value")))
    assert check_answer(q, "0847").error_type == "forgot_to_carry"
    assert check_answer(q, "967").error_type == "place_value"


def test_known_wrong_answer_written_with_its_unit_names_its_mistake() -> None:
    q = question("957", unit="cm", wrong=(("847", "forgot_to_carry"),))
    assert check_answer(q, "847 cm").error_type == "forgot_to_carry"


def test_unknown_wrong_answer_has_no_mistake_named() -> None:
    q = question("957", wrong=(("847", "forgot_to_carry"),))
    assert check_answer(q, "100") == ("incorrect", None)


def test_answer_in_another_unit_is_a_wrong_unit_mistake() -> None:
    assert check_answer(CM, "16 m").error_type == "wrong_unit"


def test_a_wrong_number_in_the_right_unit_is_not_a_wrong_unit_mistake() -> None:
    assert check_answer(CM, "17 cm") == ("incorrect", None)
    assert check_answer(question("5", unit="hours"), "6 hrs") == ("incorrect", None)


def test_a_known_mistake_in_a_rewrite_is_found_with_its_capitals_kept() -> None:
    q = question("Asha is here.", qtype="rewrite", wrong=(("asha is here.", "capital_letter"),))
    assert check_answer(q, "asha is here.") == ("incorrect", "capital_letter")


def test_a_digit_sign_with_no_decimal_value_is_kept_as_written() -> None:
    assert normalise("\u1369") == "\u1369"  # Ethiopic digit one: a digit, but not a decimal


def test_open_response_needs_a_teacher() -> None:
    with pytest.raises(NeedsTeacher, match=r"^an open-response question needs a teacher's mark$"):
        check_answer(question("Any answer", qtype="open_response", grading="teacher"), "x")


def test_rewrite_keeps_capitals_and_punctuation() -> None:
    assert normalise("The Dog.", keep_case=True) == "The Dog."
    assert normalise("The Dog.") == "the dog"


def _generated() -> list[Question]:
    from curriculum.engine import generate
    from curriculum.syllabus import builtin_syllabus

    made = []
    for skill in builtin_syllabus().skills():
        for seed in range(3):
            try:
                made += generate(skill.tag, 8, seed)
            except ValueError:  # a small item bank: fewer than 8 different questions
                made += generate(skill.tag, 2, seed)
    return [q for q in made if q.grading == "auto"]


def test_every_generated_key_and_accepted_form_is_marked_right() -> None:
    wrong = [
        (q.skill_tag, form)
        for q in _generated()
        for form in q.accepted_answers
        if check_answer(q, form).result != "correct"
    ]
    assert wrong == []


def test_every_known_wrong_answer_is_marked_wrong_with_its_mistake() -> None:
    mismatched = [
        (q.skill_tag, w.answer, w.error_type, check_answer(q, w.answer))
        for q in _generated()
        for w in q.wrong_answers
        if check_answer(q, w.answer) != ("incorrect", w.error_type)
    ]
    assert mismatched == []
