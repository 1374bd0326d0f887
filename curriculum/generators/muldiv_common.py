"""Shared pieces of the muldiv generators: the worked answer, asking, keys and answer formats."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random
from typing import Any, Literal

from curriculum.generators.common import FILL, SOLVE, Person, fill_blank, number_forms
from curriculum.question import Question, Text

FAMILY = "muldiv"
Mistakes = list[tuple[int | str, str]]
Remainder = Literal["none", "any", "some"]


@dataclass(frozen=True, slots=True)
class Worked:
    """Everything a question needs besides its wording: answer, solution, key, data, mistakes."""

    answer: int | str
    solution: Text
    key: str
    data: dict[str, Any]
    wrong: Mistakes
    accepted: tuple[str, ...] = ()


def _mistakes(worked: Worked) -> Mistakes:
    """At most four distinct mistakes; a mistake giving 0 or less is not one a child writes."""
    seen = {str(worked.answer)}
    kept: Mistakes = []
    for value, error_type in worked.wrong:
        if (isinstance(value, int) and value <= 0) or str(value) in seen:
            continue
        seen.add(str(value))
        kept.append((value, error_type))
    return kept[:4]


def ask(
    tag: str, difficulty: int, worked: Worked, prompt: Text, instruction: Text = FILL
) -> Question:
    """The fill-in-the-blank question of a worked answer; a whole number accepts its groupings."""
    accepted = number_forms(worked.answer) if isinstance(worked.answer, int) else worked.accepted
    return fill_blank(
        tag,
        instruction=instruction,
        prompt=prompt,
        answer=worked.answer,
        solution=worked.solution,
        difficulty=difficulty,
        key=worked.key,
        data=worked.data,
        wrong=_mistakes(worked),
        accepted=accepted,
        hindi=qr_answer_hi,
    )


def ask_word(tag: str, difficulty: int, worked: Worked, prompt: Text, who: Person) -> Question:
    """The same question told as a story: its own key space, and the person kept in `data`."""
    question = ask(tag, difficulty, worked, prompt, SOLVE)
    return question.model_copy(
        update={
            "qtype": "word_problem",
            "key": f"word:{worked.key}",
            "data": {**worked.data, "name": who.en},
        }
    )


def same(text: str) -> Text:
    """A prompt of numbers and signs only reads the same in both languages."""
    return Text(en=text, hi=text)


def pick(rng: Random, options: Sequence[str]) -> str:
    """One of the forms; a single form draws no random number."""
    return options[0] if len(options) == 1 else rng.choice(options)


def repeat(n: int, times: int) -> str:
    """`n` added `times` times: "4 + 4 + 4"."""
    return " + ".join([str(n)] * times)


# --- Keys and answer formats --------------------------------------------------------------------


def mul_key(a: int, b: int) -> str:
    """6 × 7 and 7 × 6 are one item."""
    return f"mul:{min(a, b)}:{max(a, b)}"


def div_key(dividend: int, divisor: int) -> str:
    """One item per dividend and divisor."""
    return f"div:{dividend}:{divisor}"


def qr_answer(quotient: int, remainder: int) -> str:
    """The canonical answer of a division with remainder."""
    return f"Q = {quotient}, R = {remainder}"


_QR = re.compile(r"^Q = (\d+), R = (\d+)$")


def qr_answer_hi(answer: str) -> str | None:
    """ "Q = 12, R = 3" as a Hindi sheet writes it: "भागफल = 12, शेषफल = 3"."""
    found = _QR.match(answer)
    return f"भागफल = {found[1]}, शेषफल = {found[2]}" if found else None


def qr_forms(q: int, r: int) -> tuple[str, ...]:
    """Other ways of writing `qr_answer(q, r)` that the key accepts."""
    forms = (
        f"Q={q}, R={r}",
        f"Q = {q} R = {r}",
        f"{q} R {r}",
        f"{q} r {r}",
        f"{q}R{r}",
        f"{q} remainder {r}",
        f"भागफल {q}, शेषफल {r}",
    )
    return (*forms, str(q)) if r == 0 else forms


# --- Choosing a division ------------------------------------------------------------------------


def divide(
    rng: Random, divisors: tuple[int, int], dividends: tuple[int, int], remainder: Remainder
) -> tuple[int, int, int, int]:
    """(dividend, divisor, quotient, remainder): divisor, remainder and quotient are chosen
    first, the quotient from the range that puts the dividend within `dividends`."""
    d = rng.randint(*divisors)
    r = {"none": 0, "any": rng.randint(0, d - 1), "some": rng.randint(1, d - 1)}[remainder]
    low, high = dividends
    q = rng.randint(max(2, -(-(low - r) // d)), (high - r) // d)
    return d * q + r, d, q, r
