"""Building blocks every generator uses: blanks, bilingual instructions, names, number formats."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from random import Random
from typing import Any

from curriculum.hindi import has_latin
from curriculum.question import Question, QuestionType, Text, WrongAnswer

BLANK = "____"
# How a generator gives the Hindi of its values: a table ("Tuesday" -> "मंगलवार") or a function
# ("half past 12" -> "साढ़े 12 बजे"); None where a value needs none (a number).
Hindi = Mapping[str, str] | Callable[[str], str | None]
MAX_TRIES = 200  # rejection sampling bound: a generator that cannot satisfy its constraints fails


class GenerationError(RuntimeError):
    """A generator could not meet its constraints within the rejection bound."""


def fill_blank(
    skill_tag: str,
    *,
    instruction: Text,
    prompt: Text,
    answer: Any,
    solution: Text,
    difficulty: int,
    key: str,
    data: dict[str, Any],
    wrong: Iterable[tuple[Any, str]] = (),
    accepted: Iterable[Any] = (),
    unit: str | None = None,
    qtype: QuestionType = "fill_blank",
    hindi: Hindi | None = None,
    answer_hi: str | None = None,
) -> Question:
    """A question whose answer is written in a blank. Wrong answers equal to the answer, or
    repeated, are dropped, so every listed wrong answer is really wrong and distinct.

    `hindi` gives the Hindi of the answer and of each wrong answer, so a Hindi sheet can show
    them (as options, or in a true/false statement); `answer_hi` overrides it for the answer."""
    answer_text = str(answer)
    translate = _translator(hindi)
    seen = {answer_text}
    wrong_answers = []
    for value, error_type in wrong:
        text = str(value)
        if text not in seen and not text.startswith("-"):
            seen.add(text)
            wrong_answers.append(
                WrongAnswer(answer=text, error_type=error_type, hi=translate(text))
            )
    answer_hi = answer_hi or translate(answer_text)
    return Question(
        skill_tag=skill_tag,
        qtype=qtype,
        instruction=instruction,
        prompt=prompt,
        answer=answer_text,
        accepted=tuple(dict.fromkeys(str(a) for a in accepted if str(a) != answer_text)),
        solution=solution,
        difficulty=difficulty,
        wrong_answers=tuple(wrong_answers),
        unit=unit,
        key=key,
        data=data,
        # kept when it names a Latin value on purpose (a letter studied as a shape: "H")
        answer_hi=answer_hi if answer_hi != answer_text or has_latin(answer_text) else None,
    )


def _translator(hindi: Hindi | None) -> Callable[[str], str | None]:
    if hindi is None:
        return lambda _text: None
    if isinstance(hindi, Mapping):
        return hindi.get
    return hindi


def sample(rng: Random, draw: Any, accept: Any) -> Any:
    """Draw until `accept(value)`; give up after MAX_TRIES with a GenerationError."""
    for _ in range(MAX_TRIES):
        value = draw(rng)
        if accept(value):
            return value
    raise GenerationError("constraints could not be met")


def indian(n: int) -> str:
    """Indian digit grouping: 1234567 -> 12,34,567 (numbers below 10,000 stay plain: 4567)."""
    if n < 10_000:
        return str(n)
    text = str(n)
    head, tail = text[:-3], text[-3:]
    start = len(head) % 2  # an odd-length head keeps its first digit alone: 1,23,456
    groups = [head[:start]] if start else []
    groups += [head[i : i + 2] for i in range(start, len(head), 2)]
    return ",".join(groups) + "," + tail


def number_forms(n: int) -> tuple[str, ...]:
    """Ways a child may write a number: 12345, 12,345 (Indian and international grouping)."""
    forms = [str(n), indian(n), f"{n:,}"]
    return tuple(dict.fromkeys(forms))


@dataclass(frozen=True)
class Person:
    en: str
    hi: str
    female: bool


PEOPLE = (
    Person("Asha", "आशा", True),
    Person("Ravi", "रवि", False),
    Person("Meera", "मीरा", True),
    Person("Kabir", "कबीर", False),
    Person("Priya", "प्रिया", True),
    Person("Arjun", "अर्जुन", False),
    Person("Fatima", "फ़ातिमा", True),
    Person("Gurpreet", "गुरप्रीत", False),
    Person("Lakshmi", "लक्ष्मी", True),
    Person("Murugan", "मुरुगन", False),
    Person("Ananya", "अनन्या", True),
    Person("Rohan", "रोहन", False),
    Person("Diya", "दीया", True),  # दिया would read "gave"
    Person("Imran", "इमरान", False),
    Person("Sneha", "स्नेहा", True),
    Person("Tenzing", "तेनज़िंग", False),
)

PEOPLE_HI = {p.en: p.hi for p in PEOPLE}


def person(rng: Random) -> Person:
    return rng.choice(PEOPLE)


def two_people(rng: Random) -> tuple[Person, Person]:
    first, second = rng.sample(PEOPLE, 2)
    return first, second


# Instructions used across families, in English and Hindi.
ADD = Text(en="Add.", hi="जोड़ो।")
SUBTRACT = Text(en="Subtract.", hi="घटाओ।")
MULTIPLY = Text(en="Multiply.", hi="गुणा करो।")
DIVIDE = Text(en="Divide.", hi="भाग दो।")
FILL = Text(en="Fill in the blank.", hi="रिक्त स्थान भरो।")
SOLVE = Text(en="Solve.", hi="हल करो।")

# The mistakes generators name for their wrong answers (grading copies them to last_error_type).
ERROR_TYPES = frozenset(
    {
        "forgot_to_carry",  # added without carrying a ten/hundred
        "forgot_to_borrow",  # subtracted the smaller digit from the larger in each column
        "borrow_from_zero",  # borrowed across a zero wrongly
        "place_value",  # digits in the wrong place / value of a digit confused
        "operation_swap",  # did the other operation (added instead of subtracting, ...)
        "off_by_one",  # counted one too many or too few
        "counted_wrong",  # miscounted a set of objects or marks
        "reversed_digits",  # 47 written as 74
        "table_fact",  # wrong multiplication-table fact
        "partial_product",  # multiplied only part of a number
        "remainder_ignored",  # dropped or mishandled the remainder
        "unit_conversion",  # wrong factor between units (10 for 100, ...)
        "wrong_unit",  # answered in the other unit
        "compared_wrong",  # chose the smaller for the larger, or the wrong sign
        "fraction_part",  # confused numerator and denominator, or parts and whole
        "half_double_confused",  # doubled instead of halving or the reverse
        "misread_clock",  # hour and minute hands swapped or misread
        "calendar_count",  # counted days or months wrongly
        "pattern_rule",  # continued a pattern with the wrong rule
        "shape_property",  # wrong count of sides, corners, faces or edges
        "grammar_rule",  # applied a grammar rule where it does not hold
        "spelling",  # right idea, wrong spelling
        "misconception",  # a common wrong idea (item banks)
    }
)
