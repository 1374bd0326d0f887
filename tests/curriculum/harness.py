"""The checks every generator must pass for 5,000 seeds, whatever its family.

A family's test module gives an *oracle* per skill: a function that recomputes the answer from
`question.data` independently (never by calling generator code) and asserts it equals
`question.answer`, and that the prompt shows the values in `data`. The harness adds the checks
common to all: determinism, difficulty, no unfilled placeholders, Hindi for Maths, real and
distinct wrong answers with known error types, one blank where variants are allowed, and the
multiple-choice / true-false / find-the-mistake forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from random import Random

from curriculum.generators import all_generators, get_generator
from curriculum.generators.common import BLANK, ERROR_TYPES
from curriculum.generators.variants import (
    to_error_identification,
    to_multiple_choice,
    to_true_false,
)
from curriculum.question import Question

Oracle = Callable[[Question], None]
SEEDS = 5_000
_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|\bNone\b|\$\w+|%[sd]|\[\[|\]\]")


def family_tags(family: str) -> set[str]:
    return {g.skill_tag for g in all_generators() if g.family == family}


def run_generator_checks(skill_tag: str, oracle: Oracle, seeds: int = SEEDS) -> None:
    generator = get_generator(skill_tag)
    makers = [generator.make] + ([generator.word_problem] if generator.word_problem else [])
    for seed in range(seeds):
        difficulty = generator.difficulties[seed % len(generator.difficulties)]
        for make in makers:
            question = make(Random(seed), difficulty)
            assert question == make(Random(seed), difficulty), (
                f"{skill_tag} seed {seed}: not deterministic"
            )
            check_question(question, skill_tag, difficulty)
            try:
                oracle(question)
            except AssertionError as error:
                raise AssertionError(
                    f"{skill_tag} seed {seed}: {error}\n{question.prompt.en}"
                ) from None
            if generator.variants and make is generator.make:
                check_variants(question, Random(seed))


def check_question(question: Question, skill_tag: str, difficulty: int) -> None:
    where = f"{skill_tag}: {question.prompt.en!r}"
    assert question.skill_tag == skill_tag, where
    assert question.difficulty == difficulty, where
    assert question.answer.strip(), f"{where}: empty answer"
    texts = [question.instruction.en, question.prompt.en, question.solution.en, question.answer]
    texts += [t for t in (question.instruction.hi, question.prompt.hi, question.solution.hi) if t]
    for text in texts:
        assert not _PLACEHOLDER.search(text), f"{where}: unfilled placeholder in {text!r}"
    if skill_tag.startswith("maths."):
        assert question.prompt.hi and question.instruction.hi, f"{where}: Maths needs Hindi"
        assert question.solution.hi, f"{where}: Maths needs a Hindi solution or hint"
    wrong = [w.answer for w in question.wrong_answers]
    assert len(set(wrong)) == len(wrong), f"{where}: repeated wrong answers"
    assert question.answer not in wrong and not set(question.accepted) & set(wrong), where
    for mistake in question.wrong_answers:
        assert mistake.error_type in ERROR_TYPES, (
            f"{where}: unknown error type {mistake.error_type}"
        )
    assert question.key, where


def check_variants(question: Question, rng: Random) -> None:
    assert question.prompt.en.count(BLANK) == 1, f"{question.prompt.en!r}: variants need one blank"
    assert question.wrong_answers, f"{question.prompt.en!r}: variants need wrong answers"
    choice = to_multiple_choice(question, rng)
    assert len(set(choice.options)) == len(choice.options) >= 2
    assert sum(option in choice.accepted_answers for option in choice.options) == 1
    statement = to_true_false(question, rng)
    assert BLANK not in statement.prompt.en
    assert statement.answer == ("True" if statement.data["shown"] == question.answer else "False")
    mistake = to_error_identification(question, rng)
    assert mistake.data["shown"] != mistake.answer


def check_variety(skill_tag: str, minimum: int, seeds: int = 300) -> None:
    """Each difficulty makes at least `minimum` different items over `seeds` seeds."""
    make = get_generator(skill_tag).make
    for difficulty in get_generator(skill_tag).difficulties:
        keys = {make(Random(seed), difficulty).key for seed in range(seeds)}
        assert len(keys) >= minimum, f"difficulty {difficulty} repeats itself: {sorted(keys)}"
