"""Addition and subtraction, Classes 1–5: facts, column sums with and without regrouping,
missing numbers, estimation, and word problems.

Each skill is a table of bands, one per difficulty: operand ranges plus a constraint (how many
columns carry or borrow). Operands are drawn by rejection sampling, the answer is computed from
them, and missing-number forms are built from a chosen answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from random import Random

from curriculum.generators import columns, counting
from curriculum.generators.common import (
    ADD,
    BLANK,
    SOLVE,
    SUBTRACT,
    fill_blank,
    indian,
    number_forms,
    sample,
)
from curriculum.generators.registry import register
from curriculum.generators.wording import add_story, subtract_story
from curriculum.question import Question, Text

Check = Callable[[int, int], bool]


@dataclass(frozen=True)
class Band:
    """Operands for one difficulty: a from a_range, b from b_range, kept if `check(a, b)`."""

    a_range: tuple[int, int]
    b_range: tuple[int, int]
    check: Check
    missing: bool = False  # ask for the second number: a + ____ = sum / a - ____ = difference
    step: tuple[int, int] = (1, 1)  # draw in tens for mental sums like 40 + 30: step (10, 10)
    shape_a: Callable[[Random], int] | None = None  # build `a` directly when its shape is rare


def _draw(band: Band, rng: Random) -> tuple[int, int]:
    def pair(r: Random) -> tuple[int, int]:
        a = band.shape_a(r) if band.shape_a else r.randint(*band.a_range) * band.step[0]
        return a, r.randint(*band.b_range) * band.step[1]

    result: tuple[int, int] = sample(rng, pair, lambda ab: band.check(*ab))
    return result


def _fmt(n: int) -> str:
    return indian(n)


def _addition_steps(tag: str, a: int, b: int) -> tuple[str, str]:
    """Class 1 counts on and makes 10; from Class 2 the columns carry."""
    return counting.add_steps(a, b) if tag.startswith("maths.c1.") else columns.addition_steps(a, b)


def _subtraction_steps(tag: str, a: int, b: int) -> tuple[str, str]:
    """Class 1 counts back and goes through 10; from Class 2 the columns borrow."""
    if tag.startswith("maths.c1."):
        return counting.subtract_steps(a, b)
    return columns.subtraction_steps(a, b)


def add_question(tag: str, bands: dict[int, Band], rng: Random, difficulty: int) -> Question:
    band = bands[difficulty]
    a, b = _draw(band, rng)
    total = a + b
    steps_en, steps_hi = _addition_steps(tag, a, b)
    data = {"op": "+", "a": a, "b": b}
    if band.missing:
        prompt = f"{_fmt(a)} + {BLANK} = {_fmt(total)}"
        wrong = [
            (_fmt(total + a), "operation_swap"),
            (_fmt(b + 1), "off_by_one"),
            (_fmt(b - 1), "off_by_one"),
            (_fmt(columns.subtract_smaller_digit(total, a)), "forgot_to_borrow"),
        ]
        hint = (f"Think: {total} - {a} = {b}.", f"सोचो: {total} - {a} = {b}।")
        return fill_blank(
            tag,
            instruction=ADD,
            prompt=Text(en=prompt, hi=prompt),
            answer=_fmt(b),
            accepted=number_forms(b),
            solution=Text(en=hint[0], hi=hint[1]),
            difficulty=difficulty,
            key=f"add-missing:{a}:{total}",
            data={**data, "missing": "b"},
            wrong=wrong,
        )
    prompt = f"{_fmt(a)} + {_fmt(b)} = {BLANK}"
    wrong = [
        (_fmt(columns.add_without_carrying(a, b)), "forgot_to_carry"),
        (_fmt(abs(a - b)), "operation_swap"),
        (_fmt(total + 10), "place_value"),
        (_fmt(total - 1), "off_by_one"),
    ]
    return fill_blank(
        tag,
        instruction=ADD,
        prompt=Text(en=prompt, hi=prompt),
        answer=_fmt(total),
        accepted=number_forms(total),
        solution=Text(en=steps_en, hi=steps_hi),
        difficulty=difficulty,
        key=f"add:{min(a, b)}:{max(a, b)}",
        data=data,
        wrong=wrong,
    )


def subtract_question(tag: str, bands: dict[int, Band], rng: Random, difficulty: int) -> Question:
    band = bands[difficulty]
    a, b = _draw(band, rng)
    difference = a - b
    steps_en, steps_hi = _subtraction_steps(tag, a, b)
    data = {"op": "-", "a": a, "b": b}
    if band.missing:
        prompt = f"{_fmt(a)} - {BLANK} = {_fmt(difference)}"
        wrong = [
            (_fmt(a + difference), "operation_swap"),
            (_fmt(b + 1), "off_by_one"),
            (_fmt(b - 1), "off_by_one"),
        ]
        hint = (f"Think: {a} - {difference} = {b}.", f"सोचो: {a} - {difference} = {b}।")
        return fill_blank(
            tag,
            instruction=SUBTRACT,
            prompt=Text(en=prompt, hi=prompt),
            answer=_fmt(b),
            accepted=number_forms(b),
            solution=Text(en=hint[0], hi=hint[1]),
            difficulty=difficulty,
            key=f"sub-missing:{a}:{difference}",
            data={**data, "missing": "b"},
            wrong=wrong,
        )
    prompt = f"{_fmt(a)} - {_fmt(b)} = {BLANK}"
    wrong = [
        (_fmt(columns.subtract_smaller_digit(a, b)), "forgot_to_borrow"),
        (_fmt(columns.borrow_without_reducing(a, b)), "borrow_from_zero"),
        (_fmt(a + b), "operation_swap"),
        (_fmt(difference + 1), "off_by_one"),
    ]
    return fill_blank(
        tag,
        instruction=SUBTRACT,
        prompt=Text(en=prompt, hi=prompt),
        answer=_fmt(difference),
        accepted=number_forms(difference),
        solution=Text(en=steps_en, hi=steps_hi),
        difficulty=difficulty,
        key=f"sub:{a}:{b}",
        data=data,
        wrong=wrong,
    )


def word_question(
    tag: str, bands: dict[int, Band], subtract: bool, rng: Random, difficulty: int
) -> Question:
    """A story around the same numbers as the plain question of this skill and difficulty."""
    band = bands[difficulty]
    a, b = _draw(band, rng)
    if subtract:
        story, answer, steps = subtract_story(rng, a, b), a - b, _subtraction_steps(tag, a, b)
        key = f"sub:{a}:{b}"
    else:
        story, answer, steps = add_story(rng, a, b), a + b, _addition_steps(tag, a, b)
        key = f"add:{min(a, b)}:{max(a, b)}"
    return fill_blank(
        tag,
        qtype="word_problem",
        instruction=SOLVE,
        prompt=story.prompt,
        answer=_fmt(answer),
        accepted=(*number_forms(answer), f"{answer} {story.unit_en}"),
        unit=story.unit_en,
        solution=Text(en=steps[0], hi=steps[1]),
        difficulty=difficulty,
        key=key,
        data={"op": "-" if subtract else "+", "a": a, "b": b},
    )


def _no_carry(a: int, b: int) -> bool:
    return columns.carries(a, b) == 0


def _no_borrow(a: int, b: int) -> bool:
    return a > b and columns.borrows(a, b) == 0


def _carries(n: int, at_most: int = 9999) -> Check:
    return lambda a, b: columns.carries(a, b) == n and a + b <= at_most


def _borrows(n: int) -> Check:
    return lambda a, b: a > b and columns.borrows(a, b) == n


def _carries_at_least(n: int, at_most: int) -> Check:
    return lambda a, b: columns.carries(a, b) >= n and a + b <= at_most


def _borrows_at_least(n: int) -> Check:
    return lambda a, b: a > b and columns.borrows(a, b) >= n


def _across_zero(a: int, b: int) -> bool:
    """Needs a borrow from a zero: the tens digit of `a` is 0 and the ones must borrow."""
    return a > b and (a // 10) % 10 == 0 and a % 10 < b % 10


def zeros_inside(digits: int) -> Callable[[Random], int]:
    """A number like 503 or 4006: a leading digit, zeros, then a ones digit below 9."""
    return lambda r: r.randint(3, 9) * 10 ** (digits - 1) + r.randint(0, 8)


def _sum_at_most(limit: int, at_least: int = 0) -> Check:
    return lambda a, b: at_least <= a + b <= limit


def _register(tag: str, bands: dict[int, Band], subtract: bool, word: bool = True) -> None:
    make = partial(subtract_question if subtract else add_question, tag, bands)
    story = partial(word_question, tag, bands, subtract) if word else None
    register(tag, family="arithmetic", word_problem=story)(make)


def _always(a: int, b: int) -> bool:
    return True


# Class 1 (Joyful Mathematics 1: How Many?, Vegetable Farm)
_register(
    "maths.c1.add_within_9",
    {
        1: Band((1, 6), (1, 6), _sum_at_most(7)),  # 12 different sums: half a chapter sheet
        2: Band((1, 8), (1, 8), _sum_at_most(9, 6)),
        3: Band((1, 8), (1, 8), _sum_at_most(9), missing=True),
    },
    subtract=False,
)
_register(
    "maths.c1.sub_within_9",
    {
        1: Band((2, 6), (1, 5), lambda a, b: a > b),
        2: Band((5, 9), (1, 8), lambda a, b: a > b),
        3: Band((3, 9), (1, 8), lambda a, b: a > b, missing=True),
    },
    subtract=True,
)
_register(
    "maths.c1.add_within_20",
    {
        1: Band((10, 18), (1, 9), lambda a, b: _no_carry(a, b) and a + b <= 20),
        2: Band((2, 9), (2, 9), _sum_at_most(18, 11)),
        3: Band((3, 15), (2, 9), _sum_at_most(20, 11), missing=True),
    },
    subtract=False,
)
_register(
    "maths.c1.sub_within_20",
    {
        1: Band((11, 20), (1, 9), _no_borrow),
        2: Band((11, 18), (2, 9), _borrows(1)),
        3: Band((11, 20), (2, 9), lambda a, b: a > b, missing=True),
    },
    subtract=True,
)

# Class 2 (Joyful Mathematics 2: Decoration for Festival)
_register(
    "maths.c2.add_2digit",
    {
        1: Band((10, 88), (10, 88), lambda a, b: _no_carry(a, b) and a + b <= 99),
        2: Band((10, 89), (10, 89), _carries(1, 99)),
        3: Band((10, 80), (10, 80), _sum_at_most(99, 30), missing=True),
    },
    subtract=False,
)
_register(
    "maths.c2.sub_2digit",
    {
        1: Band((20, 99), (10, 89), _no_borrow),
        2: Band((20, 99), (10, 89), _borrows(1)),
        3: Band((30, 99), (10, 80), lambda a, b: a > b, missing=True),
    },
    subtract=True,
)

# Class 3 (Maths Mela: Vacation with My Nani Maa; House of Hundreds II; Give and Take)
_register(
    "maths.c3.add_2digit_mental",
    {
        1: Band((1, 9), (1, 9), _sum_at_most(100), step=(10, 10)),
        2: Band((11, 89), (1, 8), _sum_at_most(99), step=(1, 10)),
        3: Band((11, 89), (11, 89), _carries(1, 100)),
    },
    subtract=False,
)
_register(
    "maths.c3.sub_2digit_mental",
    {
        1: Band((2, 10), (1, 9), lambda a, b: a > b, step=(10, 10)),
        2: Band((21, 99), (1, 8), lambda a, b: a > b, step=(1, 10)),
        3: Band((21, 99), (11, 89), _borrows(1)),
    },
    subtract=True,
)
_register(
    "maths.c3.add_3digit_no_regroup",
    {
        1: Band((100, 899), (10, 88), lambda a, b: _no_carry(a, b)),
        2: Band((100, 888), (100, 888), lambda a, b: _no_carry(a, b) and a + b <= 999),
        3: Band(
            (100, 888), (100, 888), lambda a, b: _no_carry(a, b) and a + b <= 999, missing=True
        ),
    },
    subtract=False,
)
_register(
    "maths.c3.sub_3digit_no_regroup",
    {
        1: Band((111, 999), (10, 99), _no_borrow),
        2: Band((211, 999), (100, 888), _no_borrow),
        3: Band((211, 999), (100, 888), _no_borrow, missing=True),
    },
    subtract=True,
)
_register(
    "maths.c3.add_3digit_regroup",
    {
        1: Band((100, 899), (100, 899), _carries(1, 999)),
        2: Band((100, 899), (100, 899), _carries(2, 999)),
        3: Band((100, 899), (100, 899), _carries_at_least(1, 999), missing=True),
    },
    subtract=False,
)
_register(
    "maths.c3.sub_3digit_regroup",
    {
        1: Band((200, 999), (100, 899), _borrows(1)),
        2: Band((200, 999), (100, 899), _borrows(2)),
        3: Band((300, 909), (100, 899), _across_zero, shape_a=zeros_inside(3)),
    },
    subtract=True,
)


def story_question(rng: Random, difficulty: int) -> Question:
    """Give and Take: 3-digit word problems, adding or taking away, with regrouping."""
    tag = "maths.c3.add_sub_word_problems"
    if rng.random() < 0.5:
        return word_question(tag, _C3_ADD_STORIES, False, rng, difficulty)
    return word_question(tag, _C3_SUB_STORIES, True, rng, difficulty)


_C3_ADD_STORIES = {
    1: Band((100, 899), (10, 99), lambda a, b: a + b <= 999),
    2: Band((100, 899), (100, 899), _carries(1, 999)),
    3: Band((100, 899), (100, 899), _carries(2, 999)),
}
_C3_SUB_STORIES = {
    1: Band((111, 999), (10, 99), lambda a, b: a > b),
    2: Band((200, 999), (100, 899), _borrows(1)),
    3: Band((200, 999), (100, 899), _borrows_at_least(2)),
}
register("maths.c3.add_sub_word_problems", family="arithmetic", variants=False)(story_question)
