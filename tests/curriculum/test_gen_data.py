"""Data-handling generators: each answer recomputed from `question.data`, and the list or table
in the prompt, or the tally or pictograph in the picture, read back to check it shows exactly
that data."""

from __future__ import annotations

import pytest

from curriculum.pictures import Pictograph
from curriculum.question import Question
from tests.curriculum.harness import family_tags, run_generator_checks

PLURAL = {"mango": "mangoes", "grapes": "grapes"}  # the rest add "s"


def plural(name: str) -> str:
    return PLURAL.get(name, name + "s")


def rows(q: Question) -> dict[str, str]:
    """The 'Label: marks' lines of the prompt, by label (lower case)."""
    found = {}
    for line in q.prompt.en.splitlines()[1:]:
        label, sep, marks = line.partition(": ")
        if sep and not line.endswith("?") and "____" not in line:
            found[label.lower()] = marks
    return found


def extreme(q: Question, names: list[str], counts: list[int]) -> None:
    assert len(set(counts)) == len(counts)  # a single most and a single fewest
    pick = max if q.data["kind"] == "most" else min
    assert q.answer == names[counts.index(pick(counts))]
    assert q.data["kind"] in q.prompt.en


def more(q: Question, values: dict[str, int], unit: int = 1) -> None:
    assert values[q.data["more"]] > values[q.data["fewer"]]
    assert q.answer == str((values[q.data["more"]] - values[q.data["fewer"]]) * unit)


def data_count(q: Question) -> None:
    """A list of toys at every level: Class 1 counts things one by one (no tally marks)."""
    assert "|" not in q.prompt.en, "tally marks come in Class 3"
    toys = q.prompt.en.splitlines()[0].removeprefix("Toys: ").split(", ")
    assert len(set(toys)) == (2 if q.difficulty == 1 else 3)
    assert len(toys) <= 21, "Class 1 counts within 20"
    if q.data["kind"] == "count":
        assert toys == q.data["toys"] and plural(q.data["asked"]) in q.prompt.en
        assert q.answer == str(toys.count(q.data["asked"]))
        return
    names, counts = q.data["items"], q.data["counts"]
    assert [toys.count(name) for name in names] == counts
    if q.data["kind"] == "total":
        assert q.answer == str(len(toys))
    elif q.data["kind"] == "more":
        more(q, dict(zip(names, counts, strict=True)))
    else:
        extreme(q, names, counts)


def drawn_rows(q: Question) -> dict[str, int]:
    """The pictograph's rows, label (lower case) -> number of icons; no symbols typed."""
    picture = q.picture
    assert isinstance(picture, Pictograph), "the pictograph is drawn"
    assert "*" not in q.prompt.en and "*" not in (q.prompt.hi or "")
    return {row.label.en.lower(): row.count for row in picture.rows}


def data_pictograph(q: Question) -> None:
    counts = dict(zip(q.data["items"], q.data["counts"], strict=True))
    assert drawn_rows(q) == counts
    assert isinstance(q.picture, Pictograph) and q.picture.stands_for.en == "= 1 child"
    kind = q.data["kind"]
    if kind == "count":
        assert q.answer == str(counts[q.data["asked"]])
    elif kind in ("most", "fewest"):
        extreme(q, list(counts), list(counts.values()))
    else:
        more(q, counts)


def data_table(q: Question) -> None:
    values = dict(zip(q.data["names"], q.data["values"], strict=True))
    lines = rows(q)
    assert {name.capitalize(): int(v) for name, v in lines.items()} == values
    low, high = (100, 500) if q.difficulty == 3 else (10, 100)
    assert all(low <= v < high for v in values.values())
    kind = q.data["kind"]
    if kind in ("most", "fewest"):
        extreme(q, list(values), list(values.values()))
    elif kind == "total":
        assert q.answer == str(sum(values.values()))
    else:
        more(q, values)


def pictograph_scale(q: Question) -> None:
    scale = q.data["scale"]
    stars = dict(zip(q.data["days"], q.data["stars"], strict=True))
    assert {day.capitalize(): n for day, n in drawn_rows(q).items()} == stars
    assert isinstance(q.picture, Pictograph)
    assert q.picture.stands_for.en == f"= {scale} ice creams"
    kind = q.data["kind"]
    if kind == "day":
        assert q.answer == str(q.data["stars"][q.data["asked"]] * scale)
    elif kind == "more":
        more(q, stars, scale)
    elif kind == "total":
        assert q.answer == str(sum(stars.values()) * scale)
    else:
        sunday = q.data["sunday"]
        assert sunday % scale == 0 and q.answer == str(sunday // scale)
        assert f"On Sunday {sunday} ice creams" in q.prompt.en


ORACLES = {
    "maths.c1.data_count": data_count,
    "maths.c2.data_pictograph": data_pictograph,
    "maths.c4.data_table": data_table,
    "maths.c5.pictograph_scale": pictograph_scale,
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("data")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    run_generator_checks(skill_tag, ORACLES[skill_tag])
