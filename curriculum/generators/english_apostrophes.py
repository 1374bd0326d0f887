"""English apostrophe generators: short forms (don't, I'm) and owners ('s, s')."""

from __future__ import annotations

from random import Random

from curriculum.generators import english_words as W
from curriculum.generators.common import BLANK
from curriculum.generators.english_common import (
    FAMILY,
    GRAMMAR,
    MISCONCEPTION,
    SPELLING,
    Wrong,
    _cap,
    _curly,
    _fill,
)
from curriculum.generators.english_rules import contract
from curriculum.generators.registry import register
from curriculum.question import Question, Text

SHORT_FORM = Text(
    en="Write the short form of the words in brackets.",
    hi="कोष्ठक में दिए शब्दों का संक्षिप्त रूप (apostrophe ’ के साथ) लिखो।",
)
POSSESSIVE = Text(
    en="Write it the short way, using ’s or ’.", hi="’s या ’ का प्रयोग करके छोटे रूप में लिखो।"
)


# ---------------------------------------------------------------- apostrophes


@register("english.c5.apostrophe", family=FAMILY)
def make_apostrophe(rng: Random, difficulty: int) -> Question:
    """d1: n't short forms and one owner ('s); d2: I'm, we're, it's … and owners ending in s (');
    d3: any, with plurals not ending in s (children's)."""
    if rng.random() < 0.5:
        return _contraction_question(rng, difficulty)
    return _possessive_question(rng, difficulty)


def _contraction_question(rng: Random, difficulty: int) -> Question:
    negative = [c for c in W.CONTRACTIONS if c[0].endswith("not")]
    pool = {1: negative, 2: [c for c in W.CONTRACTIONS if c not in negative]}.get(
        difficulty, W.CONTRACTIONS
    )
    full, sentence = rng.choice(pool)
    answer = contract(full)
    return _fill(
        "english.c5.apostrophe",
        difficulty,
        SHORT_FORM,
        prompt=f"{sentence} ({full})",
        answer=answer,
        solution=f"In a short form the apostrophe (') stands where letters are left out: "
        f"{full} → {answer}.",
        key=f"contraction:{full.lower()}",
        data={"full": full},
        wrong=_contraction_slips(answer),
        accepted=[_curly(answer)],
    )


def _contraction_slips(answer: str) -> Wrong:
    bare = answer.replace("'", "")
    sound_alike = W.SOUND_ALIKE.get(answer.lower())
    slips: Wrong = []
    if sound_alike:
        slips.append((sound_alike, MISCONCEPTION))  # its / it's, your / you're …
    if answer.endswith("n't"):
        slips.append((answer[:-3] + "'nt", SPELLING))  # do'nt: the apostrophe replaces the o
    if answer == "won't":
        slips.insert(0, ("willn't", GRAMMAR))
    slips.append((bare, MISCONCEPTION if bare == sound_alike else SPELLING))
    return slips


def _possessive_question(rng: Random, difficulty: int) -> Question:
    def group(owner: str) -> int:
        if owner.split()[-1] in W.IRREGULAR_PLURAL_SET:
            return 3
        return 2 if owner.endswith("s") else 1

    levels = {1: (1,), 2: (2,), 3: (1, 2, 3)}[difficulty]
    owner, thing = rng.choice([p for p in W.POSSESSIVES if group(p[0]) in levels])
    answer = f"{owner}' {thing}" if owner.endswith("s") else f"{owner}'s {thing}"
    return _fill(
        "english.c5.apostrophe",
        difficulty,
        POSSESSIVE,
        prompt=f"the {thing} of {owner} → {BLANK}",
        answer=answer,
        solution=_possessive_rule(owner, answer),
        key=f"possessive:{owner}:{thing}",
        data={"owner": owner, "thing": thing},
        wrong=_possessive_slips(owner, thing),
        accepted=[_curly(answer), _cap(answer), _cap(_curly(answer))],
    )


def _possessive_slips(owner: str, thing: str) -> Wrong:
    if owner.endswith("s"):
        return [
            (f"{owner[:-1]}'s {thing}", GRAMMAR),  # the girl's: as if one girl
            (f"{owner}'s {thing}", GRAMMAR),  # the girls's
            (f"{owner} {thing}", SPELLING),
        ]
    return [(f"{owner}s' {thing}", GRAMMAR), (f"{owner}s {thing}", SPELLING)]


def _possessive_rule(owner: str, answer: str) -> str:
    if owner.endswith("s"):
        return f"'{owner}' is plural and ends in s: add only an apostrophe: {answer}."
    if owner.split()[-1] in W.IRREGULAR_PLURAL_SET:
        return f"'{owner}' is plural but does not end in s: add 's: {answer}."
    return f"One owner: add 's: {answer}."
