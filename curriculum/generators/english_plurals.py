"""English plurals generators: -s, -es, -ies, -ves and irregular plurals."""

from __future__ import annotations

from random import Random

from curriculum.generators import english_words as W
from curriculum.generators.common import BLANK, person
from curriculum.generators.english_common import FAMILY, GRAMMAR, SPELLING, Wrong, _fill
from curriculum.generators.english_rules import _ves, plural
from curriculum.generators.registry import register
from curriculum.question import Question, Text

PLURAL = Text(en="Write the plural (more than one).", hi="बहुवचन रूप (एक से अधिक) लिखो।")


# ---------------------------------------------------------------- plurals


def _plural_slips(noun: str, answer: str) -> Wrong:
    """The plurals children write by using the wrong rule."""
    slips: Wrong = [(noun, GRAMMAR)]  # left as one
    if answer.endswith(("ves", "ies")):
        slips += [(noun + "s", GRAMMAR)]  # leafs, babys
        if not noun.endswith("e"):
            slips += [(noun + "es", SPELLING)]  # leafes, babyes
    elif answer == noun + "es":
        if not noun.endswith("s"):
            slips += [(noun + "s", GRAMMAR)]  # boxs, potatos
    elif noun.endswith(("f", "fe")):
        slips += [(_ves(noun), GRAMMAR)]  # rooves, giraves
    elif noun.endswith("y"):
        slips += [(noun[:-1] + "ies", GRAMMAR)]  # toies
    elif not noun.endswith("e"):
        slips += [(noun + "es", GRAMMAR)]  # cupes, radioes
    return slips


def _plural_rule(noun: str, answer: str) -> str:
    if answer.endswith("ves"):
        return f"Many words ending in -f or -fe change it to -ves: {noun} → {answer}."
    if answer.endswith("ies"):
        return (
            f"Words ending in -y after a consonant: change y to i and add -es: {noun} → {answer}."
        )
    if answer == noun + "es" and noun.endswith("o"):
        return f"Some words ending in -o add -es: {noun} → {answer}."
    if answer == noun + "es":
        return f"Words ending in -s, -x, -ch or -sh add -es: {noun} → {answer}."
    if noun.endswith(("f", "fe")):
        return f"Some words ending in -f just add -s (roof, chief, cliff): {noun} → {answer}."
    if noun.endswith("y"):
        return f"Words ending in -y after a vowel just add -s: {noun} → {answer}."
    return f"Add -s to make more than one: {noun} → {answer}."


def _plural_question(tag: str, rng: Random, difficulty: int, noun: str) -> Question:
    answer = plural(noun)
    also = list(W.PLURAL_ALSO.get(noun, ()))
    if noun in W.PLURAL_F_BOTH:
        also.append(W.PLURAL_F_BOTH[noun])
    number = rng.choice(("three", "four", "five", "six", "seven", "eight"))
    frames = (
        f"one {noun}, two {BLANK}",
        f"one {noun}, many {BLANK}",
        f"{person(rng).en} counted {number} {BLANK}. ({noun})",
    )
    return _fill(
        tag,
        difficulty,
        PLURAL,
        prompt=frames[difficulty - 1],
        answer=answer,
        solution=_plural_rule(noun, answer),
        key=f"plural:{noun}",
        data={"noun": noun},
        wrong=_plural_slips(noun, answer),
        accepted=also,
    )


@register("english.c1.plurals_s", family=FAMILY)
def make_plurals_s(rng: Random, difficulty: int) -> Question:
    return _plural_question("english.c1.plurals_s", rng, difficulty, rng.choice(W.PLURAL_S))


@register("english.c2.plurals_s_es", family=FAMILY)
def make_plurals_s_es(rng: Random, difficulty: int) -> Question:
    """d1: -s or -es; d2: more -es words (-o too); d3: -se, -ge and -o words that take -s."""
    pools = {
        1: (W.PLURAL_ES[:12], W.PLURAL_S),
        2: (W.PLURAL_ES, W.PLURAL_S),
        3: (W.PLURAL_ES, W.PLURAL_S_TRICKY),
    }[difficulty]
    noun = rng.choice(rng.choice(pools))
    return _plural_question("english.c2.plurals_s_es", rng, difficulty, noun)


@register("english.c4.plurals_y_f", family=FAMILY)
def make_plurals_y_f(rng: Random, difficulty: int) -> Question:
    """d1: -y words; d2: -f and -fe words (with the exceptions: roofs, chiefs) and consonant + y;
    d3: all of them."""
    y_words = W.PLURAL_Y_CONSONANT + W.PLURAL_Y_VOWEL
    f_words = W.PLURAL_F_VES + tuple(W.PLURAL_F_BOTH) + W.PLURAL_F_S
    pools = {1: (y_words,), 2: (f_words, W.PLURAL_Y_CONSONANT), 3: (y_words, f_words)}[difficulty]
    noun = rng.choice(rng.choice(pools))
    return _plural_question("english.c4.plurals_y_f", rng, difficulty, noun)


@register("english.c3.plurals_irregular", family=FAMILY)
def make_plurals_irregular(rng: Random, difficulty: int) -> Question:
    """d1: one … two …; d2, d3: in a sentence."""
    noun, answer, slips, sentence = rng.choice(W.IRREGULAR_PLURALS)
    prompt = f"one {noun}, two {BLANK}" if difficulty == 1 else f"{sentence} ({noun})"
    same = "stays the same" if noun == answer else f"changes: {noun} → {answer}"
    return _fill(
        "english.c3.plurals_irregular",
        difficulty,
        PLURAL,
        prompt=prompt,
        answer=answer,
        solution=f"'{noun}' does not follow the -s rule; its plural {same}.",
        key=f"plural:{noun}",
        data={"noun": noun},
        wrong=[(s, GRAMMAR) for s in slips.split("|")] + [(noun + "s", GRAMMAR)],
    )
