"""Making questions for a skill: from its generator, or from its item bank.

`generate` is deterministic: the same skill, count, seed and options give the same questions.
No two questions it returns share a key, and keys listed in `avoid` are never used (so a
worksheet never repeats an item and a child's next sheet can avoid their last one).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from random import Random

from curriculum.banks import BankItem, builtin_bank
from curriculum.generators import get_generator
from curriculum.generators.common import GenerationError
from curriculum.generators.registry import Generator, UnknownSkill
from curriculum.generators.variants import (
    can_vary,
    make_match,
    to_error_identification,
    to_multiple_choice,
    to_true_false,
)
from curriculum.question import Question, QuestionType

TRIES_PER_QUESTION = 60
VARIANTS = {
    "multiple_choice": to_multiple_choice,
    "true_false": to_true_false,
    "error_identification": to_error_identification,
}


class NotEnoughQuestions(ValueError):
    """The skill has fewer different questions than were asked for."""


def has_source(skill_tag: str, extra_items: Sequence[BankItem] = ()) -> bool:
    return _generator(skill_tag) is not None or bool(_bank(skill_tag, extra_items))


def generate(
    skill_tag: str,
    count: int,
    seed: int,
    *,
    difficulty: int | None = None,
    qtypes: Collection[QuestionType] = (),
    avoid: Collection[str] = (),
    extra_items: Sequence[BankItem] = (),
) -> list[Question]:
    """`count` different questions for `skill_tag`; raises NotEnoughQuestions if it has fewer."""
    rng = Random(f"{skill_tag}#{seed}")
    generator = _generator(skill_tag)
    if generator is not None:
        return _from_generator(generator, count, rng, difficulty, qtypes, set(avoid))
    items = _bank(skill_tag, extra_items)
    if not items:
        raise UnknownSkill(f"no generator or item bank for skill {skill_tag!r}")
    return _from_bank(skill_tag, items, count, rng, difficulty, set(avoid))


def _generator(skill_tag: str) -> Generator | None:
    try:
        return get_generator(skill_tag)
    except UnknownSkill:
        return None


def _bank(skill_tag: str, extra_items: Sequence[BankItem]) -> list[BankItem]:
    return [*builtin_bank().get(skill_tag, ()), *(i for i in extra_items if i.skill == skill_tag)]


def _from_generator(
    generator: Generator,
    count: int,
    rng: Random,
    difficulty: int | None,
    qtypes: Collection[QuestionType],
    used: set[str],
) -> list[Question]:
    questions: list[Question] = []
    for _ in range(count * TRIES_PER_QUESTION):
        if len(questions) == count:
            return questions
        qtype = rng.choice(sorted(qtypes)) if qtypes else None
        level = difficulty or rng.choice(generator.difficulties)
        try:
            question = _one(generator, rng, level, qtype, used)
        except GenerationError:
            continue
        if question is not None and question.key not in used:
            used.add(question.key)
            questions.append(question)
    if len(questions) < count:
        raise NotEnoughQuestions(
            f"only {len(questions)} different questions could be made for {generator.skill_tag}"
        )
    return questions


def _one(
    generator: Generator, rng: Random, level: int, qtype: QuestionType | None, used: set[str]
) -> Question | None:
    """One question of the wanted type, or the generator's own type if it cannot take that form."""
    if qtype == "word_problem" and generator.word_problem is not None:
        return generator.word_problem(rng, level)
    base = generator.make(rng, level)
    if qtype in VARIANTS and generator.variants and can_vary(base):
        return VARIANTS[qtype](base, rng)
    if qtype == "match" and generator.variants and base.picture is None:
        # a question with a picture cannot be one row of a match: it keeps its own form
        return _match(generator, rng, level, base, used)
    return base


def _match(
    generator: Generator, rng: Random, level: int, first: Question, used: set[str]
) -> Question | None:
    items, answers = [first], {first.answer}
    for _ in range(40):
        if len(items) == 4:
            break
        candidate = generator.make(rng, level)
        fresh = candidate.key not in used and candidate.answer not in answers
        if fresh and candidate.picture is None:
            items.append(candidate)
            answers.add(candidate.answer)
    if len(items) < 3:
        return first
    used.update(q.key for q in items)
    return make_match(items, rng)


def _from_bank(
    skill_tag: str,
    items: list[BankItem],
    count: int,
    rng: Random,
    difficulty: int | None,
    used: set[str],
) -> list[Question]:
    fresh = [i for i in items if f"bank:{i.id}" not in used]
    if difficulty is not None:
        # Prefer the asked level, then fill from the nearest levels.
        fresh.sort(key=lambda i: abs(i.difficulty - difficulty))
        fresh = fresh[: max(count, len([i for i in fresh if i.difficulty == difficulty]))]
    if len(fresh) < count:
        raise NotEnoughQuestions(
            f"the item bank for {skill_tag} has only {len(fresh)} unused items"
        )
    chosen = rng.sample(fresh, count)
    return [item.to_question(rng) for item in chosen]
