"""English opposites generators: opposite words, and opposites made with a prefix."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from curriculum.generators import english_words as W
from curriculum.generators.common import BLANK
from curriculum.generators.english_common import (
    FAMILY,
    GRAMMAR,
    MISCONCEPTION,
    SPELLING,
    Wrong,
    _choose,
    _fill,
)
from curriculum.generators.registry import Maker, register
from curriculum.question import Question, Text

OPPOSITE = Text(en="Write the opposite word.", hi="विपरीत अर्थ वाला शब्द (विलोम) लिखो।")
PREFIX = Text(
    en="Make the opposite by adding un-, dis-, in- or im-.",
    hi="un-, dis-, in- या im- जोड़कर विलोम शब्द बनाओ।",
)


# ---------------------------------------------------------------- opposites


def _opposite_maker(tag: str, pairs: Sequence[tuple[str, ...]]) -> Maker:
    def make(rng: Random, difficulty: int) -> Question:
        """d1: choose between the opposite and a look-alike; d2, d3: write it."""
        word, opposites, near = rng.choice(pairs)
        answer, *others = opposites.split("|")
        question = _fill(
            tag,
            difficulty,
            OPPOSITE,
            prompt=f"The opposite of '{word}' is {BLANK}.",
            answer=answer,
            solution=f"An opposite means the reverse: {word} ↔ {' / '.join([answer, *others])}. "
            f"'{near}' is not the opposite of '{word}'.",
            key=f"opposite:{word}",
            data={"word": word},
            wrong=[(near, MISCONCEPTION)],
            accepted=others,
        )
        return _choose(question, rng) if difficulty == 1 else question

    return make


register("english.c1.opposites", family=FAMILY)(
    _opposite_maker("english.c1.opposites", W.C1_OPPOSITES)
)


register("english.c2.opposites", family=FAMILY)(
    _opposite_maker("english.c2.opposites", W.C2_OPPOSITES + W.C1_OPPOSITES[::3])
)


@register("english.c4.opposites_prefix", family=FAMILY)
def make_opposites_prefix(rng: Random, difficulty: int) -> Question:
    """d1: un-; d2: un- and dis-; d3: in- and im- as well."""
    groups = [("un", W.PREFIX_UN), ("dis", W.PREFIX_DIS), ("in", W.PREFIX_IN)]
    groups += [("im", W.PREFIX_IM)]
    prefix, pool = rng.choice(groups[: [1, 2, 4][difficulty - 1]])
    word = rng.choice(pool)
    wrong: Wrong = []
    for other in ("un", "dis", "in"):
        attempt = _in_or_im(word) if other == "in" else other
        if attempt != prefix:
            wrong.append((attempt + word, GRAMMAR))
    if prefix == "im":
        wrong.insert(0, ("in" + word, SPELLING))  # in- is spelt im- before p, b and m
    rule = "in- becomes im- before p, b or m: " if prefix == "im" else ""
    question = _fill(
        "english.c4.opposites_prefix",
        difficulty,
        PREFIX,
        prompt=f"The opposite of '{word}' is {BLANK}.",
        answer=prefix + word,
        solution=f"{rule}Add {prefix}- to '{word}' to make its opposite: {word} → {prefix}{word}.",
        key=f"prefix:{word}",
        data={"word": word},
        wrong=wrong,
    )
    return _choose(question, rng) if difficulty == 1 else question


def _in_or_im(word: str) -> str:
    return "im" if word[0] in "pbm" else "in"
