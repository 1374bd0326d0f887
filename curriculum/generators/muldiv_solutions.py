"""Worked solutions of a division with a remainder: long-division steps, Q and R, mistakes."""

from __future__ import annotations

from typing import Any

from curriculum.generators.common import indian
from curriculum.generators.muldiv_common import Mistakes, Worked, div_key, qr_answer, qr_forms
from curriculum.question import Text


def dropped_zero(q: int) -> int:
    """The quotient a child writes who skips the 0 digit of a step where the divisor didn't go."""
    return int(str(q).replace("0", ""))


def _qr_mistakes(d: int, q: int, r: int) -> Mistakes:
    wrong: Mistakes = []
    if r:
        wrong.append((qr_answer(q, 0), "remainder_ignored"))
        wrong.append((qr_answer(q + 1, 0), "remainder_ignored"))  # the leftover made one more
    else:
        wrong.append((qr_answer(q + 1, 0), "table_fact"))
    wrong.append((qr_answer(q - 1, r + d), "off_by_one"))  # stopped one group early, R ≥ divisor
    if "0" in str(q):
        wrong.append((qr_answer(dropped_zero(q), r), "place_value"))
    return wrong


def long_division(n: int, d: int) -> tuple[str, str]:
    """The steps of long division as a child writes them, in English and Hindi."""
    en: list[str] = []
    hi: list[str] = []
    current = 0
    digits = str(n)
    for i, digit in enumerate(digits):
        current = current * 10 + int(digit)
        if not en and current < d and i < len(digits) - 1:
            continue  # the divisor does not go into the leading part: take the next digit too
        q = current // d
        step = (
            f"{current} ÷ {d} = {q}, {d} × {q} = {d * q}, {current} − {d * q} = {current - d * q}"
        )
        en.append(f"Bring down {digit}: {step}" if en else step)
        hi.append(f"{digit} नीचे उतारो: {step}" if hi else step)
        current -= d * q
    return ". ".join(en) + ".", "। ".join(hi) + "।"


def qr_worked(n: int, d: int, q: int, r: int, data: dict[str, Any]) -> Worked:
    """A division answered with Q and R: the long-division steps, then the check."""
    steps_en, steps_hi = long_division(n, d)
    check = f"{d} × {q} + {r} = {indian(n)}"
    return Worked(
        answer=qr_answer(q, r),
        solution=Text(
            en=f"{steps_en} So Q = {q}, R = {r}. Check: {check}.",
            hi=f"{steps_hi} इसलिए भागफल = {q}, शेषफल = {r}। जाँच: {check}।",
        ),
        key=div_key(n, d),
        data=data,
        wrong=_qr_mistakes(d, q, r),
        accepted=qr_forms(q, r),
    )
