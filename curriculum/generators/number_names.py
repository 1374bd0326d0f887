"""Number names up to 100, Class 2 (family "numbers"): 47 -> "forty-seven" and back.

Wrong answers are the real confusions: teens and tens (fourteen, forty), reversed digits
(seventy-four), "forty seven" written as 407, and the common misspellings (fourty, ninty).
Each sheet asks for the names of its own language: an English sheet "forty-seven", a Hindi
sheet "सैंतालीस" (every standard spelling accepted); a misspelling is an English slip only.
"""

from __future__ import annotations

from random import Random

from curriculum.generators.common import BLANK, fill_blank
from curriculum.generators.registry import register
from curriculum.generators.slips import Slip, likeliest
from curriculum.hindi_numbers import hindi_name, hindi_spellings
from curriculum.question import Question, Text

ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
TENS = ("", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
MISSPELT = {
    "forty": "fourty",
    "ninety": "ninty",
    "nineteen": "ninteen",
    "fifteen": "fiveteen",
    "eighteen": "eightteen",
    "fifty": "fivety",
    "twelve": "twelf",
}
TO_WORDS = Text(en="Write the number name in words.", hi="संख्या का नाम शब्दों में लिखो।")
TO_NUMERAL = Text(en="Write the number in numerals.", hi="संख्या को अंकों में लिखो।")


def number_name(n: int) -> str:
    if n == 100:
        return "one hundred"
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def misspelt(name: str) -> str | None:
    parts = name.split("-")
    for i, part in enumerate(parts):
        if part in MISSPELT:
            return "-".join([*parts[:i], MISSPELT[part], *parts[i + 1 :]])
    return None


def confusions(n: int) -> list[tuple[int, str]]:
    """Numbers children mix n up with, the likeliest first; then one more and one less."""
    tens, ones = divmod(n, 10)
    if n == 100:
        slips = [(10, "place_value"), (1000, "place_value")]
    elif n <= 10:
        slips = [(n + 10, "place_value"), (n * 10, "place_value")]  # seven: seventeen, seventy
        if n == 10:
            slips = [(1, "place_value"), (100, "place_value")]
    elif n < 20:
        slips = [(ones * 10 + 1, "reversed_digits"), (ones * 10, "place_value")]  # 14: 41, 40
    elif ones == 0:
        slips = [(tens + 10, "place_value"), (tens, "place_value")]  # forty: fourteen, four
    else:
        slips = [(ones * 10 + tens, "reversed_digits"), (tens * 100 + ones, "place_value")]
    return [*slips, (n + 1, "off_by_one"), (n - 1, "off_by_one")]


def sum_of_parts(n: int) -> str:
    """47 -> "40 + 7"; 14 -> "10 + 4"; 7, 40, 100 -> "" (nothing to add)."""
    tens, ones = divmod(n, 10)
    return f"{tens * 10} + {ones}" if tens and ones and n < 100 else ""


@register("maths.c2.number_names_100", family="numbers")
def make_number_names(rng: Random, difficulty: int) -> Question:
    """d1: 1–20 either way; d2: names of 21–100 into numerals; d3: 21–99 into names."""
    if difficulty == 1:
        n, to_words = rng.randint(1, 20), rng.random() < 0.5
    elif difficulty == 2:
        n, to_words = rng.randint(21, 100), False
    else:
        n, to_words = rng.randint(21, 99), True
    return name_question(difficulty, n) if to_words else numeral_question(difficulty, n)


def name_question(difficulty: int, n: int) -> Question:
    name = number_name(n)
    slips: list[Slip] = [(number_name(v), error) for v, error in confusions(n) if 0 < v < 100]
    spelling = misspelt(name)
    if spelling:
        slips.insert(1, (spelling, "spelling"))
    parts, hindi = sum_of_parts(n), hindi_name(n)
    return fill_blank(
        "maths.c2.number_names_100",
        instruction=TO_WORDS,
        prompt=Text(en=f"{n} = {BLANK}", hi=f"{n} = {BLANK}"),
        answer=name,
        answer_hi=hindi,
        accepted=[name.replace("-", " "), *hindi_spellings(n)[1:]],
        hindi=_hindi_of_name,
        solution=Text(
            en=f"{n} = {parts}: {name}." if parts else f"{n} is {name}.",
            hi=f"{n} = {parts}: {hindi}।" if parts else f"{n} को {hindi} लिखते हैं।",
        ),
        difficulty=difficulty,
        key=f"to_words:{n}",
        data={"form": "to_words", "number": n},
        wrong=likeliest(name, slips),
    )


def numeral_question(difficulty: int, n: int) -> Question:
    name, hindi = number_name(n), hindi_name(n)
    parts = sum_of_parts(n)
    worked = f"{name} = {parts} = {n}" if parts else f"{name} = {n}"
    worked_hi = f"{hindi} = {parts} = {n}" if parts else f"{hindi} = {n}"
    return fill_blank(
        "maths.c2.number_names_100",
        instruction=TO_NUMERAL,
        prompt=Text(en=f"{name} = {BLANK}", hi=f"{hindi} = {BLANK}"),
        answer=n,
        solution=Text(en=f"{worked}.", hi=f"{worked_hi}।"),
        difficulty=difficulty,
        key=f"to_numeral:{n}",
        data={"form": "to_numeral", "number": n},
        wrong=likeliest(n, confusions(n)),
    )


_BY_NAME = {number_name(n): n for n in range(1, 101)}


def _hindi_of_name(name: str) -> str | None:
    """The Hindi of a (wrong) English number name; a misspelling has none."""
    n = _BY_NAME.get(name)
    return hindi_name(n) if n is not None else None
