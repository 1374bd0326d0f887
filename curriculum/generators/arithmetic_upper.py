"""Addition and subtraction for Classes 4 and 5: 4-digit and large numbers, estimating sums."""

from __future__ import annotations

from random import Random

from curriculum.generators.arithmetic import (
    Band,
    _across_zero,
    _borrows,
    _borrows_at_least,
    _carries,
    _carries_at_least,
    _register,
    add_question,
    subtract_question,
    word_question,
    zeros_inside,
)
from curriculum.generators.common import BLANK, fill_blank
from curriculum.generators.registry import register
from curriculum.question import Question, Text

# Class 4 (Maths Mela: Elephants, Tigers, and Leopards)
_register(
    "maths.c4.add_4digit_regroup",
    {
        1: Band((1000, 8999), (100, 8999), _carries(1, 9999)),
        2: Band((1000, 8999), (1000, 8999), _carries_at_least(2, 9999)),
        3: Band((1000, 8999), (1000, 8999), _carries_at_least(1, 9999), missing=True),
    },
    subtract=False,
)
_register(
    "maths.c4.sub_4digit_regroup",
    {
        1: Band((2000, 9999), (1000, 8999), _borrows(1)),
        2: Band((2000, 9999), (1000, 8999), _borrows_at_least(2)),
        3: Band((2000, 9009), (1000, 8999), _across_zero, shape_a=zeros_inside(4)),
    },
    subtract=True,
)

# Class 5 (Maths Mela: We the Travellers II): adding at levels 1-2, taking away at level 3
_C5_BANDS = {
    1: Band((10_000, 89_999), (1_000, 89_999), _carries_at_least(1, 99_999)),
    2: Band((100_000, 899_999), (10_000, 899_999), _carries_at_least(2, 999_999)),
    3: Band((100_000, 999_999), (10_000, 899_999), _borrows_at_least(3)),
}


def large_question(rng: Random, difficulty: int) -> Question:
    tag = "maths.c5.add_sub_large"
    if difficulty == 3:
        return subtract_question(tag, _C5_BANDS, rng, difficulty)
    return add_question(tag, _C5_BANDS, rng, difficulty)


def large_story(rng: Random, difficulty: int) -> Question:
    return word_question("maths.c5.add_sub_large", _C5_BANDS, difficulty == 3, rng, difficulty)


register("maths.c5.add_sub_large", family="arithmetic", word_problem=large_story)(large_question)


def estimate_question(rng: Random, difficulty: int) -> Question:
    """Estimate a sum by rounding each number to the nearest ten (level 1) or hundred."""
    place = 10 if difficulty == 1 else 100
    low, high = ((10, 99), (100, 999), (1000, 9999))[difficulty - 1]
    a, b = rng.randint(low, high), rng.randint(low, high)
    ra, rb = _round(a, place), _round(b, place)
    word_en, word_hi = ("ten", "दहाई") if place == 10 else ("hundred", "सैकड़े")
    prompt = Text(
        en=f"Round each number to the nearest {word_en} and estimate: {a} + {b} ≈ {BLANK}",
        hi=f"प्रत्येक संख्या को निकटतम {word_hi} तक पूर्णांकित करके अनुमान लगाओ: {a} + {b} ≈ {BLANK}",
    )
    solution = Text(
        en=f"{a} is about {ra} and {b} is about {rb} (5 and above rounds up), "
        f"so {ra} + {rb} = {ra + rb}.",
        hi=f"{a} लगभग {ra} है और {b} लगभग {rb} है (5 या अधिक हो तो ऊपर), "
        f"इसलिए {ra} + {rb} = {ra + rb}।",
    )
    wrong = [
        (a + b, "misconception"),
        ((a // place) * place + (b // place) * place, "place_value"),
        (ra + rb + place, "off_by_one"),
    ]
    return fill_blank(
        "maths.c4.estimate_sum",
        instruction=ESTIMATE,
        prompt=prompt,
        answer=ra + rb,
        solution=solution,
        difficulty=difficulty,
        key=f"estimate:{place}:{min(a, b)}:{max(a, b)}",
        data={"a": a, "b": b, "place": place},
        wrong=wrong,
    )


def _round(n: int, place: int) -> int:
    """Round half up, as taught in school: 350 -> 400, 349 -> 300."""
    return (n + place // 2) // place * place


ESTIMATE = Text(en="Estimate.", hi="अनुमान लगाओ।")
register("maths.c4.estimate_sum", family="arithmetic")(estimate_question)
