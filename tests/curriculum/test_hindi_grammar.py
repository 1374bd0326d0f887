"""Hindi a Hindi-medium teacher would print: number agreement, one spelling of a unit, the right
word for a shape, names that do not read as verbs. Properties over every Maths and EVS skill."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from curriculum.banks import builtin_bank
from curriculum.engine import NotEnoughQuestions, generate
from curriculum.generators.common import PEOPLE
from curriculum.generators.geometry_solids import solids_faces
from curriculum.question import QUESTION_TYPES
from curriculum.syllabus import builtin_syllabus

SEEDS = 25
# A count of 1 before a plural form: feminine plurals (-ें, -ियाँ, -एँ), oblique plurals (-ों),
# and the masculine plurals the generators use (किनारे, कोने...). "1 कदम" and "1 समूह" are
# singular already.
_FEMININE_OR_OBLIQUE = r"(?!में(?:[\s।,?:)]|$))\S*(?:ें|ियाँ|एँ|ों)"  # "1 में" is "in 1"
_MASCULINE = "किनारे|कोने|गुब्बारे|कंचे|केले|संतरे|डिब्बे|बच्चे"
ONE_PLURAL = re.compile(rf"(?<![\d,.])1 (?:{_FEMININE_OR_OBLIQUE}|{_MASCULINE})(?=[\s।,?:)]|$)")
NONE_OF_A_PART = re.compile(r"(?<![\d,.])0 (?:किनारे|कोने|फलक|भुजाएँ)")


@cache
def hindi_texts() -> tuple[tuple[str, str], ...]:
    """(skill, text) for every Hindi text of many generated questions of every form."""
    return tuple(_texts())


def _texts() -> Iterator[tuple[str, str]]:
    for skill in builtin_syllabus().skills():
        if skill.tag.startswith("english."):
            continue
        for qtype in QUESTION_TYPES:
            for seed in range(SEEDS):
                try:
                    questions = generate(skill.tag, 3, seed, qtypes=(qtype,))
                except NotEnoughQuestions:
                    continue
                for q in questions:
                    parts = [q.prompt.hi, q.solution.hi, q.answer_hi, *q.options_hi]
                    parts += [p.left.hi for p in q.pairs]
                    yield from ((skill.tag, t) for t in parts if t)


def _found(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    return sorted({(skill, m[0]) for skill, t in hindi_texts() for m in pattern.finditer(t)})


def test_one_thing_is_counted_in_the_singular() -> None:
    assert _found(ONE_PLURAL) == []  # "1 चूड़ी", "1 किनारा और 1 कोना"


def test_a_part_a_solid_lacks_is_koi_nahin_not_zero() -> None:
    assert _found(NONE_OF_A_PART) == []  # "कोई किनारा नहीं", never "0 किनारे"


def test_a_sphere_is_asked_about_in_grammatical_hindi() -> None:
    from random import Random

    asked = [
        q
        for seed in range(400)
        for q in [solids_faces(Random(seed), 3)]
        if q.answer == "sphere" and q.prompt.en.startswith("Which solid has")
    ]
    assert asked, "no seed asks which solid is a sphere"
    for q in asked:
        assert q.prompt.hi and q.prompt.hi.startswith(
            "किस ठोस का 1 फलक है, पर कोई किनारा या कोना नहीं है:"
        )


def test_a_cone_has_one_edge_and_one_corner_in_the_singular() -> None:
    from curriculum.generators.geometry_solids import _which_solid_hi

    assert _which_solid_hi(2, 1, 1) == "किस ठोस के 2 फलक, 1 किनारा और 1 कोना है:"
    assert _which_solid_hi(3, 2, 0) == "किस ठोस के 3 फलक और 2 किनारे हैं, पर कोई कोना नहीं है:"


def test_centimetres_have_one_spelling() -> None:
    assert _found(re.compile(r"\d सेमी")) == []  # सेंटीमीटर, as मीटर and किलोमीटर are written


def _bank_hindi() -> Iterator[tuple[str, str]]:
    for items in builtin_bank().values():
        for item in items:
            texts = [item.prompt_hi, item.hint_hi, item.answer_hi, *item.options_hi]
            texts += [side for pair in item.pairs_hi for side in pair]
            yield from ((item.id, t) for t in texts if t)


def test_a_circle_is_never_called_a_sphere() -> None:
    everything = [*hindi_texts(), *_bank_hindi()]
    assert [(where, t) for where, t in everything if "वृत्त (गोला)" in t] == []


def test_the_name_diya_does_not_read_as_gave() -> None:
    assert next(p for p in PEOPLE if p.en == "Diya").hi == "दीया"
    assert [t for _, t in hindi_texts() if t.startswith("दिया ने")] == []


def test_a_flower_makes_fruit_and_seeds_rather_than_becoming_them() -> None:
    """ "फल और बीज बनता है" reads "is made fruit and seeds"; the flower makes them."""
    item = next(i for i in builtin_bank()["evs.c3.getting_to_know_plants"] if i.id.endswith("017"))
    assert ("फूल", "फल और बीज बनाता है") in [tuple(pair) for pair in item.pairs_hi]
