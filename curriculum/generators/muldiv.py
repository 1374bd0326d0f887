"""Multiplication and division generators, Classes 1-5 (NCERT), family "muldiv".

Repeated addition and equal groups, sharing equally, the tables 2-10, multiplying with carrying,
by 10/100/1000, by splitting a number and by doubling and halving, and division from equal
sharing to long division with a remainder.

Every generator chooses its answer first: a division picks its divisor, remainder and quotient
and only then builds dividend = divisor × quotient + remainder; a missing-factor question picks
both factors and hides one. All arithmetic is on integers, so every key is exact.

A division with a remainder has one canonical answer, "Q = 12, R = 3". `qr_forms` lists the
other ways a child may write it and the key accepts: "Q=12, R=3", "Q = 12 R = 3", "12 R 3",
"12 r 3", "12R3", "12 remainder 3", "भागफल 12, शेषफल 3", and the bare quotient "12" when the
remainder is 0. A whole-number answer also accepts its comma-grouped forms (`number_forms`).

Word problems reuse the numbers, answer, mistakes and worked solution of the bare-number
question; their stories, in English and Hindi, are in `muldiv_words`.

This module only gathers the family; importing it registers every generator. The code lives in:

- `muldiv_common`: the worked answer, asking a question, keys and the Q/R answer formats;
- `muldiv_solutions`: long-division steps and the worked solution of a division with remainder;
- `muldiv_multiply`: repeated addition, equal groups, the tables, carrying, 3-digit × 2-digit;
- `muldiv_strategies`: multiplying by splitting a number, and by doubling and halving;
- `muldiv_powers`: multiplying and dividing by 10, 100 and 1000;
- `muldiv_divide`: equal sharing, division facts, by one digit, long division, remainders.
"""

from __future__ import annotations

from curriculum.generators.muldiv_common import (
    FAMILY,
    Mistakes,
    Remainder,
    Worked,
    div_key,
    mul_key,
    qr_answer,
    qr_forms,
)
from curriculum.generators.muldiv_divide import (
    C2_SHARING,
    C3_DIVISION,
    C4_DIVIDE,
    C4_LONG,
    C5_REMAINDER,
    FIND_QR,
    LONG_DIVISION,
    QR_INSTRUCTION,
    div_by_1digit,
    div_sharing,
    division_remainder,
    equal_sharing,
    long_division_question,
)
from curriculum.generators.muldiv_multiply import (
    C1_REPEATED,
    C2_GROUPS,
    C3_TABLES,
    C4_MULT,
    C5_BIG,
    equal_groups,
    mult_2digit_by_1digit,
    mult_3digit_by_2digit,
    mult_tables,
    repeated_addition,
)
from curriculum.generators.muldiv_powers import (
    C4_TENS,
    C5_DIV_TENS,
    C5_POWERS,
    ZEROS,
    div_by_10_100,
    mult_by_10_100,
    mult_by_10_100_1000,
)
from curriculum.generators.muldiv_solutions import long_division
from curriculum.generators.muldiv_strategies import (
    C4_SPLIT,
    C5_DOUBLE,
    DOUBLE_HALVE,
    SPLIT,
    doubling_halving,
    mult_split,
)

__all__ = [
    "C1_REPEATED",
    "C2_GROUPS",
    "C2_SHARING",
    "C3_DIVISION",
    "C3_TABLES",
    "C4_DIVIDE",
    "C4_LONG",
    "C4_MULT",
    "C4_SPLIT",
    "C4_TENS",
    "C5_BIG",
    "C5_DIV_TENS",
    "C5_DOUBLE",
    "C5_POWERS",
    "C5_REMAINDER",
    "DOUBLE_HALVE",
    "FAMILY",
    "FIND_QR",
    "LONG_DIVISION",
    "QR_INSTRUCTION",
    "SPLIT",
    "ZEROS",
    "Mistakes",
    "Remainder",
    "Worked",
    "div_by_1digit",
    "div_by_10_100",
    "div_key",
    "div_sharing",
    "division_remainder",
    "doubling_halving",
    "equal_groups",
    "equal_sharing",
    "long_division",
    "long_division_question",
    "mul_key",
    "mult_2digit_by_1digit",
    "mult_3digit_by_2digit",
    "mult_by_10_100",
    "mult_by_10_100_1000",
    "mult_split",
    "mult_tables",
    "qr_answer",
    "qr_forms",
    "repeated_addition",
]
