"""English word-kind generators: naming and action words, common/proper and collective nouns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from random import Random

from curriculum.generators import english_words as W
from curriculum.generators.common import BLANK
from curriculum.generators.english_common import FAMILY, GRAMMAR, MISCONCEPTION, _choose, _fill
from curriculum.generators.registry import Maker, register
from curriculum.question import Question, Text

NAMING = Text(en="Find the naming word (noun).", hi="नाम बताने वाला शब्द (संज्ञा) ढूँढो।")
ACTION = Text(en="Find the action word (verb).", hi="काम बताने वाला शब्द (क्रिया) ढूँढो।")
COMMON_PROPER = Text(
    en="Is the word a common noun or a proper noun?",
    hi="यह शब्द जातिवाचक संज्ञा (common noun) है या व्यक्तिवाचक संज्ञा (proper noun)?",
)
COLLECTIVE = Text(en="Fill in the collective noun.", hi="सही समूहवाचक संज्ञा भरो।")


# ---------------------------------------------------------------- naming and action words


def _marked(sentence: str) -> tuple[str, list[str]]:
    """A sentence with [bracketed] words: the plain sentence and the bracketed words."""
    return sentence.replace("[", "").replace("]", ""), re.findall(r"\[([^\]]+)\]", sentence)


def _content_words(plain: str) -> list[str]:
    tokens = [t.strip(".,?!") for t in plain.split()]
    return [t for t in tokens if t.lower() not in W.FUNCTION_WORDS]


def _word_kind_maker(tag: str, pool: Sequence[str], instruction: Text, kind: str) -> Maker:
    def make(rng: Random, difficulty: int) -> Question:
        """d1: choose from the sentence's words; d2, d3: write the word."""
        plain, (answer,) = _marked(rng.choice(pool))
        others = [w for w in _content_words(plain) if w != answer]
        what = "names a person, animal, place or thing" if kind == "naming" else "tells an action"
        question = _fill(
            tag,
            difficulty,
            instruction,
            prompt=f"{plain} The {kind} word is {BLANK}.",
            answer=answer,
            solution=f"'{answer}' {what}. The other words do not.",
            key=f"{kind}:{plain}",
            data={"sentence": plain, "options": [answer, *others]},
            wrong=[(w, GRAMMAR) for w in others],
        )
        return _choose(question, rng) if difficulty == 1 else question

    return make


register("english.c2.nouns_identify", family=FAMILY)(
    _word_kind_maker("english.c2.nouns_identify", W.C2_NOUN_SENTENCES, NAMING, "naming")
)


register("english.c2.verbs_identify", family=FAMILY)(
    _word_kind_maker("english.c2.verbs_identify", W.C2_VERB_SENTENCES, ACTION, "action")
)


@register("english.c3.nouns_common_proper", family=FAMILY)
def make_common_proper(rng: Random, difficulty: int) -> Question:
    """d1: choose common or proper; d2, d3: write it (d3 asks about the less obvious nouns:
    festivals, days, months, rivers and places rather than people)."""
    plain, nouns = _marked(rng.choice(W.C3_NOUN_SENTENCES))
    if difficulty == 3:
        nouns = nouns[1:] or nouns
    noun = rng.choice(nouns)
    answer = "proper" if noun[0].isupper() else "common"
    other = "common" if answer == "proper" else "proper"
    rule = (
        "a proper noun names one particular person, place or thing and begins with a capital"
        if answer == "proper"
        else "a common noun names any one of a kind and begins with a small letter"
    )
    question = _fill(
        "english.c3.nouns_common_proper",
        difficulty,
        COMMON_PROPER,
        prompt=f"{plain} The word '{noun}' is a {BLANK} noun.",
        answer=answer,
        solution=f"'{noun}' is a {answer} noun: {rule}.",
        key=f"common_proper:{noun}:{plain}",
        data={"noun": noun, "sentence": plain},
        wrong=[(other, GRAMMAR)],
    )
    return _choose(question, options=("common", "proper")) if difficulty == 1 else question


# ---------------------------------------------------------------- collective nouns


@register("english.c5.nouns_collective", family=FAMILY)
def make_collective(rng: Random, difficulty: int) -> Question:
    """d1: choose the word; d2, d3: write it."""
    answer, also, distractors, sentence = rng.choice(W.COLLECTIVES)
    noun = sentence.split(f"{BLANK} of ")[1].split()[0].strip(".")
    accepted = [a for a in also.split("|") if a]
    named = [a for a in accepted if a != "group"]  # "a group of" is how the solution begins
    question = _fill(
        "english.c5.nouns_collective",
        difficulty,
        COLLECTIVE,
        prompt=sentence,
        answer=answer,
        solution=f"A group of {noun} is called a {answer}"
        + (f" (or a {' / '.join(named)})." if named else "."),
        key=f"collective:{noun}",
        data={"noun": noun},
        wrong=[(d, MISCONCEPTION) for d in distractors.split("|")],
        accepted=accepted,
    )
    return _choose(question, rng) if difficulty == 1 else question
