"""Multiplication strategy generators: splitting a number into tens and ones, doubling, halving."""

from __future__ import annotations

from random import Random

from curriculum.generators import muldiv_words as words
from curriculum.generators.common import BLANK, indian, person, sample
from curriculum.generators.muldiv_common import (
    FAMILY,
    Mistakes,
    Worked,
    ask,
    ask_word,
    pick,
    same,
)
from curriculum.generators.registry import register
from curriculum.question import Question, Text

SPLIT = Text(
    en="Multiply by splitting the number. Fill in the blank.",
    hi="संख्या को तोड़कर गुणा करो। रिक्त स्थान भरो।",
)

DOUBLE_HALVE = Text(
    en="Use doubling and halving. Fill in the blank.",
    hi="दोगुना और आधा करके हल करो। रिक्त स्थान भरो।",
)


# --- Class 4: multiplying by splitting ----------------------------------------------------------

C4_SPLIT = "maths.c4.mult_split"

# (numbers split into tens and ones, multipliers, forms) by difficulty: teens by small numbers,
# any 2-digit number by one digit, then by a 2-digit number.
_SPLIT: dict[int, tuple[tuple[int, int], tuple[int, int], tuple[str, ...]]] = {
    1: ((11, 19), (2, 5), ("ones_factor", "ones_part", "result")),
    2: ((21, 99), (3, 9), ("tens_part", "ones_part", "result")),
    3: ((11, 99), (11, 25), ("tens_part", "ones_part", "result")),
}


def _add_without_carry(x: int, y: int) -> int:
    """What a child gets who adds column by column and drops every carry."""
    total, place = 0, 1
    while x or y:
        total += (x % 10 + y % 10) % 10 * place
        x, y, place = x // 10, y // 10, place * 10
    return total


def _split_values(rng: Random, difficulty: int) -> tuple[int, int]:
    numbers, multipliers, _ = _SPLIT[difficulty]
    values: tuple[int, int] = sample(
        rng, lambda r: (r.randint(*numbers), r.randint(*multipliers)), lambda v: v[0] % 10 > 0
    )
    return values


def _split_mistakes(n: int, m: int, form: str) -> Mistakes:
    tens, ones = n - n % 10, n % 10
    if form == "ones_factor":
        return [(ones - 1, "off_by_one"), (ones + 1, "off_by_one"), (n, "place_value")]
    if form == "tens_part":
        return [
            (tens * m // 10, "place_value"),  # dropped the zero of the tens
            ((tens + 10) * m, "table_fact"),  # one ten too many: the neighbouring fact
            (tens + m, "operation_swap"),
        ]
    if form == "ones_part":
        return [
            ((ones - 1) * m, "table_fact"),
            ((ones + 1) * m, "table_fact"),
            (ones + m, "operation_swap"),
        ]
    return [
        (tens * m + ones, "partial_product"),  # multiplied only the tens
        (tens + ones * m, "partial_product"),  # multiplied only the ones
        (_add_without_carry(tens * m, ones * m), "forgot_to_carry"),
    ]


def _split_worked(n: int, m: int, form: str) -> Worked:
    tens, ones = n - n % 10, n % 10
    parts = {"ones_factor": ones, "tens_part": tens * m, "ones_part": ones * m}
    steps = f"{n} × {m} = {tens} × {m} + {ones} × {m} = {tens * m} + {ones * m} = {n * m}"
    return Worked(
        answer=parts.get(form, n * m),
        solution=Text(
            en=f"Split {n} into {tens} and {ones}: {steps}.",
            hi=f"{n} को {tens} और {ones} में तोड़ो: {steps}।",
        ),
        key=f"split:{n}:{m}:{form}",
        data={"number": n, "multiplier": m, "tens": tens, "ones": ones, "form": form},
        wrong=_split_mistakes(n, m, form),
    )


def _split_prompt(n: int, m: int, form: str) -> Text:
    tens, ones = n - n % 10, n % 10
    if form == "ones_factor":
        return same(f"{n} × {m} = {tens} × {m} + {BLANK} × {m}")
    split = f"{n} × {m} = {tens} × {m} + {ones} × {m}"
    if form == "tens_part":
        return same(f"{split} = {BLANK} + {ones * m}")
    if form == "ones_part":
        return same(f"{split} = {tens * m} + {BLANK}")
    return same(f"{split} = {BLANK}")


def _split_word(rng: Random, difficulty: int) -> Question:
    # The story counts "the other ONES rows": at least 2, so the plural reads right.
    n, m = sample(rng, lambda r: _split_values(r, difficulty), lambda v: v[0] % 10 >= 2)
    who = person(rng)
    prompt = words.chairs_split(who, n, m, n - n % 10, n % 10)
    return ask_word(C4_SPLIT, difficulty, _split_worked(n, m, "word"), prompt, who)


@register(C4_SPLIT, family=FAMILY, word_problem=_split_word)
def mult_split(rng: Random, difficulty: int) -> Question:
    n, m = _split_values(rng, difficulty)
    form = pick(rng, _SPLIT[difficulty][2])
    return ask(C4_SPLIT, difficulty, _split_worked(n, m, form), _split_prompt(n, m, form), SPLIT)


# --- Class 5: doubling and halving --------------------------------------------------------------

C5_DOUBLE = "maths.c5.doubling_halving"

# (first factors, range of the second factor ÷ the scaling, forms) by difficulty: one doubling,
# then the halved or doubled factor left blank, then doubling twice (25 → 100) or three times
# (125 → 1000).
_DOUBLING: dict[int, tuple[tuple[int, ...], tuple[int, int], tuple[str, ...]]] = {
    1: ((5, 15, 25, 35, 45), (2, 12), ("result",)),
    2: ((5, 15, 25, 35, 45), (3, 20), ("halved", "doubled")),
    3: ((25, 75, 125), (2, 12), ("halved", "result")),
}

_HOW_OFTEN = {2: ("", ""), 4: (" twice", " दो बार"), 8: (" three times", " तीन बार")}


def _doubling_values(rng: Random, difficulty: int) -> tuple[int, int, int, str]:
    """(a, b, scale, form): a × b = (a × scale) × (b ÷ scale), b a multiple of the scale."""
    firsts, multiples, forms = _DOUBLING[difficulty]
    a = rng.choice(firsts)
    scale = 2 if difficulty < 3 else (8 if a == 125 else 4)
    return a, scale * rng.randint(*multiples), scale, pick(rng, forms)


def _doubling_chain(a: int, b: int, scale: int) -> list[str]:
    chain = [f"{a} × {b}"]
    while scale > 1:
        a, b, scale = a * 2, b // 2, scale // 2
        chain.append(f"{a} × {b}")
    return chain


def _doubling_mistakes(a: int, b: int, scale: int, form: str) -> Mistakes:
    if form == "halved":
        return [
            (b * 2, "half_double_confused"),  # doubled the number that should be halved
            (b, "half_double_confused"),  # left it as it was
            (b // 2, "half_double_confused"),  # halved once only (scale 4 or 8)
        ]
    if form == "doubled":
        return [(a, "half_double_confused"), (a + 2, "operation_swap")]
    return [
        (a * scale * b, "half_double_confused"),  # doubled without halving
        (a * (b // scale), "half_double_confused"),  # halved without doubling
        (a * b * 10, "place_value"),
    ]


def _doubling_worked(a: int, b: int, scale: int, form: str) -> Worked:
    chain = " = ".join(_doubling_chain(a, b, scale))
    often_en, often_hi = _HOW_OFTEN[scale]
    answers = {"halved": b // scale, "doubled": a * scale}
    return Worked(
        answer=answers.get(form, a * b),
        solution=Text(
            en=f"Double {a}{often_en} and halve {b}{often_en}: {chain} = {indian(a * b)}.",
            hi=f"{a} को{often_hi} दोगुना करो और {b} को{often_hi} आधा करो: "
            f"{chain} = {indian(a * b)}।",
        ),
        key=f"dh:{a}:{b}:{form}",
        data={"first": a, "second": b, "scale": scale, "form": form},
        wrong=_doubling_mistakes(a, b, scale, form),
    )


def _doubling_prompt(a: int, b: int, scale: int, form: str) -> Text:
    if form == "halved":
        return same(f"{a} × {b} = {a * scale} × {BLANK}")
    if form == "doubled":
        return same(f"{a} × {b} = {BLANK} × {b // scale}")
    return same(" = ".join(_doubling_chain(a, b, scale)) + f" = {BLANK}")


def _doubling_word(rng: Random, difficulty: int) -> Question:
    a, b, scale, _ = _doubling_values(rng, difficulty)
    who = person(rng)
    hint = f"{a} × {b} = {a * scale} × {b // scale}"
    prompt = words.milk_cans(who, a, b, hint)
    return ask_word(C5_DOUBLE, difficulty, _doubling_worked(a, b, scale, "word"), prompt, who)


@register(C5_DOUBLE, family=FAMILY, word_problem=_doubling_word)
def doubling_halving(rng: Random, difficulty: int) -> Question:
    a, b, scale, form = _doubling_values(rng, difficulty)
    worked = _doubling_worked(a, b, scale, form)
    return ask(C5_DOUBLE, difficulty, worked, _doubling_prompt(a, b, scale, form), DOUBLE_HALVE)
