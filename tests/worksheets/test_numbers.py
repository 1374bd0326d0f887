"""One digit grouping everywhere a number is printed: the Indian one, from 1,000 up, on sheets
and keys alike — and a key's printed answer is still graded right."""

from __future__ import annotations

import re
from random import Random

import pytest

from curriculum.engine import generate
from curriculum.generators import all_generators
from curriculum.syllabus import builtin_syllabus
from progress.answers import check_answer
from tests.worksheets.sheets import many_sheets, printed_pages
from worksheets.render.layout import Figure, Text
from worksheets.render.numbers import group_digits


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("+ 40,000 + 4000 + 300", "+ 40,000 + 4,000 + 300"),  # the line
        ("10290", "10,290"),  # the key
        ("1234567", "12,34,567"),
        ("1,234,567 = ____", "12,34,567 = ____"),  # international grouping becomes Indian
        ("₹ 10290.50", "₹ 10,290.50"),  # paise stay as they are
        ("999 + 1 = 1000", "999 + 1 = 1,000"),
        ("4000, 5000, ____, 7000", "4,000, 5,000, ____, 7,000"),
        ("The year is 2024 (a leap year).", "The year is 2024 (a leap year)."),
        ("on 3 May 2028 (a leap year)", "on 3 May 2028 (a leap year)"),
        ("वर्ष 2024 (लीप वर्ष) है।", "वर्ष 2024 (लीप वर्ष) है।"),
        ("3 मई 2024 को", "3 मई 2024 को"),
        ("India became free in the year 1947.", "India became free in the year 1947."),
        ("सन् 1947 में", "सन् 1947 में"),
        (
            "In 1703, the digit in the thousands place is ____.",
            "In 1,703, the digit in the thousands place is ____.",
        ),
        (
            "at 10:30, on 3/5/2024, code C3-1200, 0.12345",
            "at 10:30, on 3/5/2024, code C3-1200, 0.12345",
        ),
    ],
)
def test_numbers_are_printed_in_indian_grouping_and_years_times_and_dates_are_not(
    written: str, printed: str
) -> None:
    assert group_digits(written) == printed
    assert group_digits(printed) == printed  # printing twice changes nothing


# A standalone number of four or more digits (not part of a time, date, code or decimal part).
_NUMBER = re.compile(r"(?<![\w.:/,-])\d[\d,]*\d(?![\w:/-]|,\d)")
_INDIAN = re.compile(r"\d{1,3}|\d{1,2}(,\d\d)*,\d{3}")
_YEAR_BEFORE = re.compile(
    r"(?:year(?: is)?|वर्ष|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[a-z]+ber|uary|ch|il|"
    r"ne|ly|ust|मई|जनवरी|फ़रवरी|मार्च|अप्रैल|जून|जुलाई|अगस्त|सितंबर|अक्टूबर|नवंबर|दिसंबर|सन्)\s*$"
)


# a year before what says it is one: "2027 (not a leap year)" (a wrapped line starts with it)
_YEAR_AFTER = re.compile(r"^\s*\((?:not a\b|a leap|leap|लीप)")


def _printed(pages) -> list[str]:  # type: ignore[no-untyped-def]
    texts: list[str] = []
    for page in pages:
        for op in page.ops:
            if isinstance(op, Text):
                texts.append(op.text)
            elif isinstance(op, Figure):
                texts += [t.text for t in op.texts]
    return texts


def test_every_number_on_sheets_and_keys_is_grouped_the_indian_way() -> None:
    for worksheet, options in many_sheets(400, layouts_each=1):
        for kind, pages in printed_pages(worksheet, options).items():
            for text in _printed(pages):
                for found in _NUMBER.finditer(text):
                    number = found.group(0)
                    if _INDIAN.fullmatch(number):
                        continue
                    before, after = text[: found.start()], text[found.end() :]
                    is_year = _YEAR_BEFORE.search(before) or _YEAR_AFTER.match(after)
                    assert len(number) == 4 and is_year, (kind, text)


def _auto_graded_questions() -> list:  # type: ignore[type-arg]
    questions = []
    for generator in all_generators():
        for difficulty in generator.difficulties:
            questions += [generator.make(Random(seed), difficulty) for seed in range(30)]
    for skill in builtin_syllabus().skills():
        try:
            questions += generate(skill.tag, 10, 3)
        except ValueError:
            continue  # a small bank: its items come up through the generators' seeds anyway
    return [q for q in questions if q.grading == "auto"]


def test_the_answer_a_key_prints_is_graded_as_right() -> None:
    for question in _auto_graded_questions():
        printed = group_digits(question.answer)
        verdict = check_answer(question, printed)
        assert verdict.result == "correct", (question.skill_tag, question.answer, printed)


def test_a_grouped_number_followed_by_a_comma_is_still_that_number_when_graded() -> None:
    make = next(g for g in all_generators() if g.skill_tag == "maths.c5.division_remainder").make
    question = next(
        q for q in (make(Random(s), 2) for s in range(200)) if len(q.answer.split(",")[0]) > 7
    )
    quotient = question.answer.split(",")[0].removeprefix("Q = ")
    grouped = question.answer.replace(quotient, group_digits(quotient))
    assert "," in grouped.split(", R")[0], grouped
    assert check_answer(question, grouped).result == "correct"
