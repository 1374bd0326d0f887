"""English spelling rules: a/an by sound, plurals, -ed, -ing, the -s of he/she/it, short forms."""

from __future__ import annotations

from curriculum.generators import english_words as W

VOWELS = "aeiou"

# a/an goes by the first *sound*: a silent h sounds like a vowel, "u" said "you" and "one" said
# "won" sound like consonants.
SILENT_H = frozenset({"hour", "honest", "honour", "heir", "hourly"})
YOU_SOUND = frozenset({"university", "uniform", "unicorn", "useful", "unique", "unit", "union"})
O_TAKES_ES = frozenset({"potato", "tomato", "hero", "mango"})


# ---------------------------------------------------------------- spelling rules


def article(word: str) -> str:
    """a or an before `word`, by its first sound."""
    w = word.lower()
    if w in SILENT_H:
        return "an"
    if w in YOU_SOUND or w.startswith("one"):
        return "a"
    return "an" if w[0] in VOWELS else "a"


def plural(noun: str) -> str:
    """The plural of a regular noun or one from the -f and -o tables."""
    if noun in W.PLURAL_F_VES or noun in W.PLURAL_F_BOTH:
        return _ves(noun)
    if noun.endswith("y") and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")) or noun in O_TAKES_ES:
        return noun + "es"
    return noun + "s"


def _ves(noun: str) -> str:
    """leaf → leaves, knife → knives (also the wrong roof → rooves, giraffe → giraves)."""
    for ending in ("ffe", "ff", "fe", "f"):
        if noun.endswith(ending):
            return noun[: -len(ending)] + "ves"
    return noun + "s"


# Other standard spellings of a regular past tense: Indian (British) English also writes learnt,
# burnt, spelt..., and a child who writes them is right.
PAST_ALSO_RIGHT = {
    "learn": "learnt",
    "burn": "burnt",
    "spell": "spelt",
    "dream": "dreamt",
    "smell": "smelt",
    "spill": "spilt",
    "spoil": "spoilt",
}


def past_also_right(verb: str) -> tuple[str, ...]:
    """The right past tenses besides `past_regular(verb)`: learnt, and the single l of
    American spelling (traveled), which is no mistake even where travelled is taught."""
    forms = [PAST_ALSO_RIGHT[verb]] if verb in PAST_ALSO_RIGHT else []
    if verb.endswith("l") and past_regular(verb) == verb + "led":
        forms.append(verb + "ed")
    return tuple(forms)


def past_regular(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in VOWELS:
        return verb[:-1] + "ied"
    if verb in W.DOUBLE_FINAL:
        return verb + verb[-1] + "ed"
    return verb + "ed"


def ing_form(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if verb in W.DOUBLE_FINAL:
        return verb + verb[-1] + "ing"
    return verb + "ing"


def third_person(verb: str) -> str:
    """The present tense with he, she, it or one name: play → plays, watch → watches."""
    if verb in ("be", "have"):
        return {"be": "is", "have": "has"}[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def contract(full: str) -> str:
    """The short form: do not → don't, will not → won't, I am → I'm, let us → let's."""
    if full.lower() == "cannot":
        return full[:3] + "'t"
    first, second = full.split()
    if second == "not":
        return "won't" if first == "will" else first + "n't"
    endings = {"am": "'m", "are": "'re", "is": "'s", "has": "'s", "have": "'ve", "will": "'ll"}
    return first + endings.get(second, "'s")  # the only other one is "let us"
