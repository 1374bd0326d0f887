"""Word lists and sentences for the English generators, kept apart from the rules that use them.

Everything is hand-written for Indian primary classrooms: Indian names, food, festivals and
places, and British/Indian spelling (colour, neighbour, travelled). The lists live in plain
UTF-8 text files in resources/english/ (one file per list, read once at import): one item a
line, fields separated by ";" and alternatives by "|", a line starting with "|" continuing the
one before, and "#" starting a comment line. A teacher can read and extend them without
knowing Python; resources/english/README.md describes the format.
"""

from __future__ import annotations

from importlib import resources


def _load(name: str) -> str:
    """The text of resources/english/<name>.txt without its "#" comment lines."""
    text = (resources.files("resources") / "english" / f"{name}.txt").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def lines(text: str) -> tuple[str, ...]:
    """The non-empty lines of a block, stripped; a line starting with "|" continues the one
    before (it adds another right answer)."""
    out: list[str] = []
    for line in text.strip().splitlines():
        line = line.strip()
        if line.startswith("|") and out:
            out[-1] += line
        elif line:
            out.append(line)
    return tuple(out)


def rows(text: str) -> tuple[tuple[str, ...], ...]:
    """Each line split into its ";"-separated fields."""
    return tuple(tuple(field.strip() for field in line.split(";")) for line in lines(text))


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Each list's file says at its top what a line holds.

# Words that keep their capital letter wherever they stand (names, and "I").
PROPER_FIRST_WORDS = frozenset(words(_load("proper_first_words")))

# ---------------------------------------------------------------- opposites
C1_OPPOSITES = rows(_load("opposites_c1"))
C2_OPPOSITES = rows(_load("opposites_c2"))
PREFIX_UN = words(_load("prefix_un"))
PREFIX_DIS = words(_load("prefix_dis"))
PREFIX_IN = words(_load("prefix_in"))
PREFIX_IM = words(_load("prefix_im"))

# ---------------------------------------------------------------- plurals
PLURAL_S = words(_load("plural_s"))
PLURAL_ES = words(_load("plural_es"))
PLURAL_S_TRICKY = words(_load("plural_s_tricky"))
PLURAL_Y_CONSONANT = words(_load("plural_y_consonant"))
PLURAL_Y_VOWEL = words(_load("plural_y_vowel"))
PLURAL_F_VES = words(_load("plural_f_ves"))
# Both plurals are in the dictionaries; the -ves form is the one taught first.
PLURAL_F_BOTH = {"scarf": "scarfs", "hoof": "hoofs"}
PLURAL_F_S = words(_load("plural_f_s"))
# Dictionaries give both "mangoes" and "mangos"; Indian schoolbooks use "mangoes".
PLURAL_ALSO = {"mango": ("mangos",)}
IRREGULAR_PLURALS = rows(_load("irregular_plurals"))

# ---------------------------------------------------------------- articles
C1_ARTICLE_NOUNS = words(_load("article_nouns_c1"))
C1_ARTICLE_ADJECTIVES = words(_load("article_adjectives_c1"))
C1_ARTICLE_THINGS = words(_load("article_things_c1"))
# describing word -> the animals it suits
C3_ARTICLE_ADJECTIVES = {a: words(animals) for a, animals in rows(_load("article_adjectives_c3"))}
C3_ARTICLE_SOUND = lines(_load("article_sound_c3"))
C3_ARTICLE_SOUND_ADJECTIVES = {
    a: words(animals) for a, animals in rows(_load("article_sound_adjectives_c3"))
}
C3_ARTICLE_THE = lines(_load("article_the_c3"))

# ---------------------------------------------------------------- capital letters, end marks
C1_CAPITALS = lines(_load("capitals_c1"))
C3_PUNCTUATION = lines(_load("punctuation_c3"))
C2_END_MARKS = rows(_load("end_marks_c2"))

# ---------------------------------------------------------------- naming and action words
C2_NOUN_SENTENCES = lines(_load("noun_sentences_c2"))
C2_VERB_SENTENCES = lines(_load("verb_sentences_c2"))
FUNCTION_WORDS = frozenset(words(_load("function_words")))
C3_NOUN_SENTENCES = lines(_load("noun_sentences_c3"))

# ---------------------------------------------------------------- verbs
REGULAR_VERBS = rows(_load("regular_verbs"))
DOUBLE_FINAL = frozenset(words(_load("double_final")))
IRREGULAR_VERBS = rows(_load("irregular_verbs"))
TENSE_VERBS = rows(_load("tense_verbs"))
TENSE_TIMES = {
    "present": ("Every day", "Every morning", "On Sundays", "Every evening"),
    "past": ("Yesterday", "Last Sunday", "Last week", "Yesterday evening"),
    "future": ("Tomorrow", "Next Sunday", "Next week", "Tomorrow evening"),
}
# The part of the day or week a time word names, so that it is put only with activities that
# happen then (tense_verbs.txt says when each does).
TIME_PARTS = {
    "Every morning": "morning",
    "Every evening": "evening",
    "Yesterday evening": "evening",
    "Tomorrow evening": "evening",
    "On Sundays": "sunday",
    "Last Sunday": "sunday",
    "Next Sunday": "sunday",
}
CONTINUOUS_VERBS = rows(_load("continuous_verbs"))
CONTINUOUS_TIMES = {
    "present": ("Look!", "Right now,", "At the moment,"),
    "past": (
        "At seven o'clock yesterday,",
        "When the guests arrived,",
        "When the phone rang,",
        "At this time last Sunday,",
    ),
}

# ---------------------------------------------------------------- subject–verb agreement
AGREEMENT_SUBJECTS = rows(_load("agreement_subjects"))
AGREEMENT_PREDICATES = rows(_load("agreement_predicates"))
IRREGULAR_PLURAL_SET = frozenset(words(_load("irregular_plural_set")))

# ---------------------------------------------------------------- collective nouns
COLLECTIVES = rows(_load("collectives"))

# ---------------------------------------------------------------- apostrophes
CONTRACTIONS = rows(_load("contractions"))
# Words written wrongly for a short form because they sound the same.
SOUND_ALIKE = {"it's": "its", "you're": "your", "they're": "their", "we're": "were"}
POSSESSIVES = rows(_load("possessives"))

# ---------------------------------------------------------------- direct speech
SPOKEN = rows(_load("spoken"))
SAYING_VERBS = ("said", "whispered", "replied")

# ---------------------------------------------------------------- commas in lists
COMMA_FRAMES = rows(_load("comma_frames"))

# ---------------------------------------------------------------- jumbled sentences
ORDER_C1 = lines(_load("order_c1"))
ORDER_C2 = lines(_load("order_c2"))
ORDER_C3 = lines(_load("order_c3"))
ORDER_C4 = lines(_load("order_c4"))
ORDER_C5 = lines(_load("order_c5"))
