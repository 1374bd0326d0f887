"""Pattern generators: each answer recomputed from `question.data`, independently."""

from __future__ import annotations

import pytest

from curriculum.generators.common import BLANK
from curriculum.pictures import SHAPE_NAMES, Growing, Pattern
from curriculum.question import Question
from tests.curriculum.harness import family_tags, run_generator_checks

# Sides of one shape in a matchstick row; each new shape shares one side with the last.
SIDES = {"triangle": 3, "square": 4, "pentagon": 5, "hexagon": 6}
UNIT_SIZE = {1: {2}, 2: {3}, 3: {4}}


def repeating(q: Question) -> None:
    unit, shown = q.data["unit"], q.data["shown"]
    assert len(unit) in UNIT_SIZE[q.difficulty] and len(set(unit)) >= 2
    assert shown >= 2 * len(unit)  # the unit is seen at least twice
    sequence = [unit[i % len(unit)] for i in range(shown + 2)]
    assert q.answer == ", ".join(sequence[-2:])
    assert q.picture == Pattern(shapes=tuple(sequence[:-2]), next_shapes=tuple(sequence[-2:]))
    assert set(unit) <= set(SHAPE_NAMES)


def number_patterns(q: Question) -> None:
    d = q.data
    terms = [d["start"]]
    for _ in range(d["terms"] - 1):
        last = terms[-1]
        terms.append(
            {"add": last + d["step"], "subtract": last - d["step"], "double": 2 * last}[d["rule"]]
        )
    assert min(terms) >= 0 and 0 < d["blank"] < len(terms)
    assert q.answer == str(terms[d["blank"]])
    shown = [BLANK if i == d["blank"] else str(t) for i, t in enumerate(terms)]
    assert q.prompt.en == ", ".join(shown)
    if q.difficulty == 1:
        assert d["blank"] == len(terms) - 1 and d["rule"] == "add"


def shape_patterns(q: Question) -> None:
    n = q.data["step"]
    if q.data["kind"] == "sticks":
        sides = SIDES[q.data["shape"]]
        count = sides + (n - 1) * (sides - 1)
        assert q.picture == Growing(style="sticks", shape=q.data["shape"], steps=(1, 2, 3))
        assert n in (range(4, 8), range(5, 11), range(11, 31))[q.difficulty - 1]
    else:
        count = n * n if q.data["shape"] == "square" else sum(range(1, n + 1))
        assert q.picture == Growing(style="dots", shape=q.data["shape"], steps=(1, 2, 3, 4))
        assert q.difficulty in (1, 3) and n in (range(4, 8) if q.difficulty == 1 else range(5, 13))
    assert q.answer == str(count) and f"Step {n}: {BLANK}" in q.prompt.en


ORACLES = {
    "maths.c1.patterns": repeating,
    "maths.c4.number_patterns": number_patterns,
    "maths.c5.shape_patterns": shape_patterns,
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("patterns")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    run_generator_checks(skill_tag, ORACLES[skill_tag])
