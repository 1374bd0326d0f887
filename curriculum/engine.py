"""Making questions for a skill: from its generator, or from its item bank.

`generate` is deterministic: the same skill, count, seed and options give the same questions.
No two questions it returns share a key, and keys listed in `avoid` are never used (so a
worksheet never repeats an item and a child's next sheet can avoid their last one).

The teacher's choices are honoured as far as the skill allows: a question type the skill
cannot take (a missing number has no single "mistake" to find) or a level its item bank has
too few questions of is made up from what the skill has, and `make_questions` says so in a
`Shortfall`, which the worksheet turns into a note for the teacher.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from random import Random
from typing import Literal

from curriculum.bank_choice import choose_items
from curriculum.banks import BankItem, builtin_bank
from curriculum.generators import get_generator
from curriculum.generators.common import GenerationError
from curriculum.generators.registry import Generator, UnknownSkill
from curriculum.generators.variant_rules import (
    can_correct,
    can_state,
    enough_choices,
    fits,
    has_one_blank,
)
from curriculum.generators.variants import (
    can_vary,
    make_match,
    to_error_identification,
    to_multiple_choice,
    to_true_false,
)
from curriculum.question import Question, QuestionType
from curriculum.syllabus import builtin_syllabus

TRIES_PER_QUESTION = 60
VARIANTS = {
    "multiple_choice": (has_one_blank, to_multiple_choice),
    "true_false": (can_state, to_true_false),
    "error_identification": (can_correct, to_error_identification),
}


class NotEnoughQuestions(ValueError):
    """The skill has fewer different questions than were asked for."""


@dataclass(frozen=True)
class Shortfall:
    """Part of what was asked for could not be made as asked: `missing` of the skill's
    questions are of another type (`what` = "types") or another level ("difficulty")."""

    skill_tag: str
    what: Literal["types", "difficulty"]
    missing: int
    asked: int


@dataclass(frozen=True)
class Batch:
    questions: list[Question]
    shortfalls: list[Shortfall]


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
    return make_questions(
        skill_tag,
        count,
        seed,
        difficulty=difficulty,
        qtypes=qtypes,
        avoid=avoid,
        extra_items=extra_items,
    ).questions


def make_questions(
    skill_tag: str,
    count: int,
    seed: int,
    *,
    difficulty: int | None = None,
    qtypes: Collection[QuestionType] = (),
    avoid: Collection[str] = (),
    extra_items: Sequence[BankItem] = (),
) -> Batch:
    """`generate`, with what could not be made as asked."""
    rng = Random(f"{skill_tag}#{seed}")
    generator = _generator(skill_tag)
    if generator is not None:
        made = _from_generator(generator, count, rng, difficulty, tuple(qtypes), set(avoid))
    else:
        items = _bank(skill_tag, extra_items)
        if not items:
            raise UnknownSkill(f"there are no questions for {skill_name(skill_tag)}")
        made = _from_bank(skill_tag, items, count, rng, difficulty, qtypes, set(avoid))
    return Batch(made, _shortfalls(skill_tag, made, difficulty, qtypes))


def skill_name(skill_tag: str, extra_items: Sequence[BankItem] = ()) -> str:
    """How a teacher knows the skill: its title, and its class and subject."""
    try:
        title = builtin_syllabus().skill(skill_tag).title
    except LookupError:
        named = (i.skill_title for i in extra_items if i.skill == skill_tag and i.skill_title)
        title = next(named, skill_tag)
    subject, _, rest = skill_tag.partition(".c")
    grade = rest.split(".", 1)[0]
    where = f" (Class {grade} {_SUBJECTS.get(subject, subject)})" if grade.isdigit() else ""
    return f"“{title}”{where}"


_SUBJECTS = {"maths": "Maths", "english": "English", "evs": "EVS", "custom": "own skill"}


def _shortfalls(
    skill_tag: str,
    made: list[Question],
    difficulty: int | None,
    qtypes: Collection[QuestionType],
) -> list[Shortfall]:
    found = []
    if qtypes:
        other = sum(1 for q in made if q.qtype not in qtypes)
        if other:
            found.append(Shortfall(skill_tag, "types", other, len(made)))
    if difficulty is not None:
        other = sum(1 for q in made if q.difficulty != difficulty)
        if other:
            found.append(Shortfall(skill_tag, "difficulty", other, len(made)))
    return found


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
    qtypes: tuple[QuestionType, ...],
    used: set[str],
) -> list[Question]:
    questions: list[Question] = []
    for _ in range(count * TRIES_PER_QUESTION):
        if len(questions) == count:
            return questions
        level = difficulty or rng.choice(generator.difficulties)
        try:
            question = _one(generator, rng, level, qtypes, used)
        except GenerationError:
            continue
        if question.key not in used:
            used.add(question.key)
            questions.append(question)
    if len(questions) < count:
        raise NotEnoughQuestions(
            f"only {len(questions)} different questions could be made for "
            f"{skill_name(generator.skill_tag)}"
        )
    return questions


def _one(
    generator: Generator,
    rng: Random,
    level: int,
    qtypes: tuple[QuestionType, ...],
    used: set[str],
) -> Question:
    """One question of a wanted type (tried in random order), or the generator's own type if
    the question cannot take any of them."""
    wanted = sorted(qtypes)
    rng.shuffle(wanted)
    base: Question | None = None
    for qtype in wanted:
        if qtype == "word_problem":
            if generator.word_problem is not None:
                return generator.word_problem(rng, level)
            continue
        base = base or generator.make(rng, level)
        made = _as_type(generator, rng, level, base, qtype, used)
        if made is not None:
            return made
    return base or generator.make(rng, level)


def _as_type(
    generator: Generator,
    rng: Random,
    level: int,
    base: Question,
    qtype: QuestionType,
    used: set[str],
) -> Question | None:
    if qtype == base.qtype:
        return base
    if not generator.variants:
        return None
    if qtype in VARIANTS:
        allowed, convert = VARIANTS[qtype]
        if not allowed(base) or not can_vary(base):  # can_vary: printable in every language
            return None
        made = convert(base, rng)
        return made if made.qtype != "multiple_choice" or enough_choices(made) else None
    if qtype == "match" and base.picture is None:
        # a question with a picture cannot be one row of a match: it keeps its own form
        return _match(generator, rng, level, base, used)
    return None


def _match(
    generator: Generator, rng: Random, level: int, first: Question, used: set[str]
) -> Question | None:
    """Three or four items, no answer of which is right for another's row too (1/2 and 2/4)."""
    items = [first]
    for _ in range(40):
        if len(items) == 4:
            break
        candidate = generator.make(rng, level)
        clash = any(fits(i, candidate.answer) or fits(candidate, i.answer) for i in items)
        same_hindi = any(candidate.answer_hi and candidate.answer_hi == i.answer_hi for i in items)
        if candidate.key not in used and not (clash or same_hindi) and candidate.picture is None:
            items.append(candidate)
    if len(items) < 3:
        return None
    used.update(q.key for q in items)
    return make_match(items, rng)


def _from_bank(
    skill_tag: str,
    items: list[BankItem],
    count: int,
    rng: Random,
    difficulty: int | None,
    qtypes: Collection[QuestionType],
    used: set[str],
) -> list[Question]:
    fresh = [i for i in items if f"bank:{i.id}" not in used]
    if len(fresh) < count:
        unused = "" if len(fresh) == len(items) else " unused"
        raise NotEnoughQuestions(
            f"there are only {len(fresh)}{unused} questions for {skill_name(skill_tag, items)}"
        )
    chosen = choose_items(fresh, count, rng, difficulty, qtypes)
    return [item.to_question(rng) for item in chosen]
