"""Sense and level: what a question says could happen, in words that agree, at the level of
the class (issue 15, section 6). Properties over many seeds and every generator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from random import Random

import pytest

from curriculum.engine import generate
from curriculum.generators import all_generators, get_generator
from curriculum.question import QUESTION_TYPES, Question

SEEDS = 300
ALL_TAGS = sorted(g.skill_tag for g in all_generators())


def base_questions(skill_tag: str, seeds: int = SEEDS) -> Iterator[Question]:
    generator = get_generator(skill_tag)
    makers = [generator.make] + ([generator.word_problem] if generator.word_problem else [])
    for seed in range(seeds):
        level = generator.difficulties[seed % len(generator.difficulties)]
        for make in makers:
            yield make(Random(seed), level)


def every_form(skill_tag: str, seeds: int = 120) -> Iterator[Question]:
    """The questions of every type the engine makes for the skill."""
    for qtype in QUESTION_TYPES:
        for seed in range(seeds):
            yield from generate(skill_tag, 1, seed, qtypes=[qtype])  # type: ignore[list-item]


def printed_english(question: Question) -> list[str]:
    return [
        question.prompt.en,
        question.solution.en,
        question.answer,
        *question.options,
        *(pair.left.en for pair in question.pairs),
    ]


def printed_hindi(question: Question) -> list[str]:
    return [t for t in (question.prompt.hi, question.solution.hi) if t]


# ---------------------------------------------------------------- times fit the activities

MORNING = ("Every morning", "this morning")
EVENING = ("evening",)
SUNDAY = ("Sunday",)


def _clash(prompt: str) -> str | None:
    """What is wrong with the time of this sentence, by the activity's own words."""
    when = prompt.split(",", 1)[0]
    if "breakfast" in prompt and any(w in when for w in EVENING):
        return "breakfast in the evening"
    if "dinner" in prompt and any(w in when for w in MORNING):
        return "dinner in the morning"
    if "lunch" in prompt and (any(w in when for w in MORNING + EVENING) or "seven" in when):
        return "lunch in the morning or evening"
    if "school" in prompt and any(w in when for w in SUNDAY):
        return "school on a Sunday"
    return None


@pytest.mark.parametrize("skill_tag", ["english.c4.tenses", "english.c5.tenses_continuous"])
def test_the_time_of_a_tense_sentence_fits_its_activity(skill_tag: str) -> None:
    """Not "Every morning, my sister cooks dinner" nor "Yesterday evening, I ate idli for
    breakfast"."""
    for question in base_questions(skill_tag, seeds=3000):
        clash = _clash(question.prompt.en)
        assert clash is None, f"{question.prompt.en!r}: {clash}"


# ---------------------------------------------------------------- describing words that fit

SMALL_ANIMALS = {"ant", "insect"}
BIG_ANIMALS = {"elephant", "camel", "ox", "cow", "tiger"}
WORKING_ANIMALS = {"ox", "cow", "camel", "dog", "elephant", "horse", "donkey"}
NO_FUR = {"ant", "insect", "owl", "parrot", "eagle"}


def _odd(adjective: str, animal: str) -> bool:
    if adjective in ("huge", "enormous") and animal in SMALL_ANIMALS:
        return True
    if adjective in ("tiny", "little") and animal in BIG_ANIMALS:
        return True
    if adjective == "useful" and animal not in WORKING_ANIMALS:
        return True
    if adjective == "hairy" and animal in NO_FUR:
        return True
    return adjective == "ugly" and animal != "duckling"  # no animal is ugly, but a story's


def test_a_describing_word_suits_the_animal() -> None:
    """Not "a useful elephant" or "an ugly ant"."""
    pattern = re.compile(r" saw ____ (\S+) (\w+)\.")
    seen = 0
    for question in base_questions("english.c3.articles", seeds=3000):
        found = pattern.search(question.prompt.en)
        if found:
            seen += 1
            assert not _odd(found[1], found[2]), question.prompt.en
    assert seen > 500


# ---------------------------------------------------------------- number agreement

NOT_PLURAL = {
    "is",
    "was",
    "has",
    "does",
    "comes",
    "shows",
    "plus",
    "minus",
    "less",
    "this",
    "glass",
    "class",
    "bus",
}
ONE_ENGLISH = re.compile(r"(?<![\d.,/:])\b1 ([A-Za-z]+s)\b")
ONE_RIGHT_ANGLES = re.compile(r"(?<![\d.,/:])\b1 right angles\b")
HINDI_PLURALS = [
    "चूड़ियाँ",
    "किताबें",
    "पेंसिलें",
    "सीपियाँ",
    "कंचे",
    "गुब्बारे",
    "टुकड़े",
    "मिलेंगे",
    "आएँगे",
    "केले",
    "बच्चे",
    "पतंगें",
]
ONE_HINDI = re.compile(r"(?<![\d.,/:])1 (" + "|".join(HINDI_PLURALS) + r")(?![\u0900-\u097F])")


@pytest.mark.parametrize("skill_tag", ALL_TAGS)
def test_one_thing_is_never_counted_as_many(skill_tag: str) -> None:
    """Not "1 bangles", "1 ones", "1 groups of 7", "1 minute 1 seconds", "1 चूड़ियाँ"."""
    for question in every_form(skill_tag):
        for text in printed_english(question):
            for found in ONE_ENGLISH.finditer(text):
                assert found[1].lower() in NOT_PLURAL, f"{skill_tag}: {text!r}"
            assert not ONE_RIGHT_ANGLES.search(text), f"{skill_tag}: {text!r}"
        for text in printed_hindi(question):
            assert not ONE_HINDI.search(text), f"{skill_tag}: {text!r}"


# ---------------------------------------------------------------- quantities that could be

# What a thing can hold (glasses of water) or weigh (kg), written apart from the generators.
HOLDS = {
    "mug": (1, 3),
    "bottle": (2, 8),
    "kettle": (3, 10),
    "jug": (3, 10),
    "water can": (15, 60),
    "bucket": (30, 90),
}
WEIGHS = {
    "cabbage": (1, 3),
    "brick": (2, 5),
    "school bag": (1, 8),
    "watermelon": (2, 10),
    "pumpkin": (2, 15),
    "sack of rice": (5, 60),
}
_HOLDS = re.compile(r"\b(mug|bottle|kettle|jug|water can|bucket) (?:holds|fills) (\d+) glass")
_WEIGHS = re.compile(r"\b(cabbage|brick|school bag|watermelon|pumpkin|sack of rice) weighs (\d+)")


def test_things_hold_and_weigh_what_they_really_do() -> None:
    """Not a bucket of 3 glasses beside a jug of 17, nor a 1 kg sack of rice."""
    for question in every_form("maths.c3.capacity_weight_compare", seeds=400):
        text = question.prompt.en
        for thing, amount in _HOLDS.findall(text):
            low, high = HOLDS[thing]
            assert low <= int(amount) <= high, f"{text!r}: a {thing} holding {amount} glasses"
        for thing, amount in _WEIGHS.findall(text):
            low, high = WEIGHS[thing]
            assert low <= int(amount) <= high, f"{text!r}: a {thing} of {amount} kg"


def _seconds(text: str) -> list[int]:
    """Every time in the text, in seconds: '1 minute 33 seconds', '110 seconds'."""
    times = []
    for minutes, seconds in re.findall(r"(?:(\d+) minutes? )?(\d+) seconds?", text):
        times.append(int(minutes or 0) * 60 + int(seconds))
    for minutes in re.findall(r"(\d+) minutes?(?! \d+ second)(?!\d)", text):
        times.append(int(minutes) * 60)
    return times


def test_a_child_takes_more_than_a_minute_to_run_400_metres() -> None:
    """A 400 m race in 57 seconds is an athlete's time, not a Class 5 child's."""
    seen = 0
    for question in every_form("maths.c5.time_seconds", seeds=400):
        if "400 m" in question.prompt.en:
            seen += 1
            for time in _seconds(question.prompt.en.split("differ by")[0]):
                assert 75 <= time <= 180, question.prompt.en
    assert seen > 100


# ---------------------------------------------------------------- the level of the class

CLASS_1 = [tag for tag in ALL_TAGS if tag.startswith("maths.c1.")]


@pytest.mark.parametrize("skill_tag", CLASS_1)
def test_class_1_meets_neither_centimetres_nor_tally_marks(skill_tag: str) -> None:
    """NCERT's Joyful Mathematics 1 compares lengths by eye and counts things one by one."""
    for question in every_form(skill_tag, seeds=60):
        for text in [*printed_english(question), *printed_hindi(question)]:
            assert not re.search(r"\d ?cm\b|सेंटीमीटर|सेमी\b", text), f"{skill_tag}: {text!r}"
            assert "|" not in text and "tally" not in text.lower(), f"{skill_tag}: {text!r}"


@pytest.mark.parametrize("skill_tag", CLASS_1)
def test_class_1_working_never_carries_or_borrows(skill_tag: str) -> None:
    """A Class 1 child counts on and back and makes 10; columns come later."""
    for question in base_questions(skill_tag, seeds=400):
        solution = f"{question.solution.en} {question.solution.hi}".lower()
        for word in ("borrow", "carry", "regroup", "उधार", "हासिल"):
            assert word not in solution, f"{skill_tag}: {question.solution.en!r}"


def test_class_1_adds_small_equal_groups() -> None:
    """ "5 groups of 9" is a Class 3 table; Class 1 adds groups of 2 to 5, and tens."""
    for question in every_form("maths.c1.repeated_addition", seeds=300):
        text = question.prompt.en
        for groups, size in re.findall(r"(\d+) groups? of (\d+)", text):
            assert int(groups) <= 5 and (int(size) <= 5 or int(size) == 10), text
        sums = re.findall(r"^(\d+)(?: \+ \1)+ =", text)
        assert all(int(s) <= 5 or int(s) == 10 for s in sums), text


def test_no_worked_answer_talks_about_fonts() -> None:
    """ "The font Arial" means nothing to a Class 3 child."""
    for tag in ("maths.c3.symmetry_letters", "maths.c4.symmetry_lines"):
        for question in base_questions(tag):
            for text in (question.solution.en, question.solution.hi or ""):
                assert "font" not in text.lower() and "Arial" not in text and "फ़ॉन्ट" not in text


def test_no_question_says_a_dice_cannot_roll() -> None:
    """Every Indian child rolls a dice in ludo: it is no example of a thing that only slides."""
    for tag in ("maths.c1.long_round", "maths.c2.shapes_3d", "maths.c3.solids_faces"):
        for question in every_form(tag, seeds=200):
            for asked in [question.prompt.en, *(p.left.en for p in question.pairs)]:
                if "roll" in asked or "slide" in asked:
                    assert "dice" not in asked, asked
