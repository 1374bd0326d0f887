"""Per-skill mastery: a pure function of the attempt log.

The rules (the seed's, made exact — see `MasteryPolicy` for the numbers):

- levels are `unknown → learning → improving → mastered`, never another value;
- the first attempt makes a skill `learning`;
- a correct answer adds one to the streak; a streak of 3 makes it `improving`; a streak of 5,
  with at least 80% right over the last 10 answers and answered on at least two different days,
  makes it `mastered` (one good sitting shows the skill is learnt, not that it has stuck);
- an incorrect answer resets the streak to 0 (never just decrements it), keeps its error type in
  `last_error_type`, and drops an `improving` or `mastered` skill one level;
- a partly right answer keeps the streak as it is and counts half in the accuracy window;
- a mastered skill is due for review after 3 days, then 7, 14, 30 and 60 as each review is
  answered correctly on or after its due day (spaced review for adaptive worksheets);
- beside the level, a Bayesian Knowledge Tracing estimate `p_known` says how sure we are.

The log is replayed in (answered_at, id) order after taking out superseded answers: when the
same question of the same worksheet was graded more than once (a teacher's correction, or two
devices grading the same sheet), only its latest grading counts. So any two devices holding the
same attempts compute the same mastery, whatever order the attempts arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple, Protocol

from progress.attempts import AttemptResult, MasteryLevel, school_date


class Attempt(Protocol):
    """What replay needs of an attempt (RecordedAttempt and AttemptEvent both have it)."""

    @property
    def id(self) -> str | None: ...
    @property
    def student_id(self) -> str: ...
    @property
    def worksheet_id(self) -> str | None: ...
    @property
    def question_id(self) -> str: ...
    @property
    def skill_tag(self) -> str: ...
    @property
    def result(self) -> AttemptResult: ...
    @property
    def error_type(self) -> str | None: ...
    @property
    def answered_at(self) -> str: ...


@dataclass(frozen=True)
class MasteryPolicy:
    improving_streak: int = 3
    mastered_streak: int = 5
    window: int = 10  # recent answers the accuracy is taken over
    mastered_accuracy: float = 0.8
    mastered_days: int = 2  # the streak must span this many different days
    review_days: tuple[int, ...] = (3, 7, 14, 30, 60)
    # Bayesian Knowledge Tracing: prior, learning per attempt, slip and guess.
    p_init: float = 0.2
    p_transit: float = 0.05  # slow on purpose: one lucky sheet should not read as learnt
    p_slip: float = 0.1
    p_guess: float = 0.2


POLICY = MasteryPolicy()
# Change this whenever mastery, stars or achievements are derived differently: each device then
# rebuilds its caches from the log once, so devices on the same version agree.
DERIVATION_RULES = "2026.11-1"
SCORE: dict[str, float] = {"correct": 1.0, "partial": 0.5, "incorrect": 0.0}
_DROP: dict[MasteryLevel, MasteryLevel] = {
    "unknown": "learning",
    "learning": "learning",
    "improving": "learning",
    "mastered": "improving",
}


@dataclass(frozen=True, slots=True)
class SkillMastery:
    """One child's mastery of one skill, after the attempts replayed so far."""

    skill_tag: str
    level: MasteryLevel = "unknown"
    streak: int = 0
    last_error_type: str | None = None
    attempts: int = 0
    correct: int = 0
    p_known: float | None = None
    last_attempt_at: str | None = None
    review_due: str | None = None  # ISO date; only for mastered skills
    reviews: int = 0  # correct spaced reviews since the skill was last mastered
    recent: tuple[float, ...] = ()  # scores of the last `window` answers
    streak_days: int = 0  # different days the current streak's answers were given on

    @property
    def accuracy(self) -> float | None:
        return sum(self.recent) / len(self.recent) if self.recent else None


def apply_attempt(
    state: SkillMastery, attempt: Attempt, policy: MasteryPolicy = POLICY
) -> SkillMastery:
    """The skill's mastery after one more answer."""
    result = attempt.result
    recent = (*state.recent, SCORE[result])[-policy.window :]
    day = school_date(attempt.answered_at)
    new_day = state.last_attempt_at is None or school_date(state.last_attempt_at) != day
    streak_days = state.streak_days
    if result == "correct":
        streak, level = state.streak + 1, state.level
        streak_days = 1 if state.streak == 0 else streak_days + new_day
    elif result == "incorrect":
        streak, level, streak_days = 0, _DROP[state.level], 0
    else:
        streak, level = state.streak, state.level
    level = _promote(level, streak, streak_days, recent, policy)
    review_due, reviews = _review(state, level, result, day, policy)
    return SkillMastery(
        skill_tag=state.skill_tag,
        level=level,
        streak=streak,
        last_error_type=attempt.error_type if result == "incorrect" else state.last_error_type,
        attempts=state.attempts + 1,
        correct=state.correct + (result == "correct"),
        p_known=knowledge(state.p_known, result, policy),
        last_attempt_at=attempt.answered_at,
        review_due=review_due,
        reviews=reviews,
        recent=recent,
        streak_days=streak_days,
    )


def _promote(
    level: MasteryLevel,
    streak: int,
    streak_days: int,
    recent: tuple[float, ...],
    policy: MasteryPolicy,
) -> MasteryLevel:
    if level == "unknown":
        level = "learning"
    if (
        streak >= policy.mastered_streak
        and streak_days >= policy.mastered_days
        and sum(recent) / len(recent) >= policy.mastered_accuracy
    ):
        return "mastered"
    if streak >= policy.improving_streak and level == "learning":
        return "improving"
    return level


def _review(
    state: SkillMastery, level: MasteryLevel, result: str, day: str, policy: MasteryPolicy
) -> tuple[str | None, int]:
    """When a mastered skill next comes back for review, and how many reviews it has passed."""
    if level != "mastered":
        return None, 0
    if state.level != "mastered":  # just mastered
        return _due(day, 0, policy), 0
    due = state.review_due
    if result == "correct" and due is not None and day >= due:
        return _due(day, state.reviews + 1, policy), state.reviews + 1
    return due, state.reviews


def _due(day: str, reviews: int, policy: MasteryPolicy) -> str:
    gap = policy.review_days[min(reviews, len(policy.review_days) - 1)]
    return (date.fromisoformat(day) + timedelta(days=gap)).isoformat()


def knowledge(p_known: float | None, result: str, policy: MasteryPolicy = POLICY) -> float:
    """Bayesian Knowledge Tracing: P(known) after observing one answer, then learning."""
    prior = policy.p_init if p_known is None else p_known
    slip, guess = policy.p_slip, policy.p_guess
    right = prior * (1 - slip) / (prior * (1 - slip) + (1 - prior) * guess)
    wrong = prior * slip / (prior * slip + (1 - prior) * (1 - guess))
    posterior = right if result == "correct" else wrong
    if result == "partial":
        posterior = (right + wrong) / 2
    return posterior + (1 - posterior) * policy.p_transit


class Counted(NamedTuple):
    """A question's latest grading, at the place its first grading holds in the log."""

    id: str | None
    student_id: str
    worksheet_id: str | None
    question_id: str
    skill_tag: str
    result: AttemptResult
    error_type: str | None
    answered_at: str


def effective(attempts: Iterable[Attempt]) -> list[Attempt]:
    """The attempts that count, in replay order (answered_at, id).

    Of several gradings of the same question on the same worksheet for the same child, only the
    latest counts, in the place of the first: a teacher's correction replaces the first mark
    where the child gave the answer, and two devices that graded one sheet do not count it twice.
    """
    first: dict[tuple[str, ...], Attempt] = {}
    latest: dict[tuple[str, ...], Attempt] = {}
    for attempt in attempts:
        key = _question_key(attempt)
        if key not in first or _order(attempt) < _order(first[key]):
            first[key] = attempt
        if key not in latest or _order(attempt) > _order(latest[key]):
            latest[key] = attempt
    counted = [_in_place(latest[key], first[key]) for key in latest]
    return sorted(counted, key=lambda a: _order(first[_question_key(a)]))


def _in_place(latest: Attempt, first: Attempt) -> Attempt:
    if latest is first:
        return latest
    return Counted(
        latest.id,
        latest.student_id,
        latest.worksheet_id,
        latest.question_id,
        latest.skill_tag,
        latest.result,
        latest.error_type,
        first.answered_at,
    )


def _question_key(attempt: Attempt) -> tuple[str, ...]:
    if attempt.worksheet_id is None:
        return ("", attempt.id or "")
    return (attempt.student_id, attempt.worksheet_id, attempt.question_id)


def _order(attempt: Attempt) -> tuple[str, str]:
    return (attempt.answered_at, attempt.id or "")


def replay(attempts: Sequence[Attempt], policy: MasteryPolicy = POLICY) -> dict[str, SkillMastery]:
    """Mastery per skill from one child's log (any order; superseded answers are dropped)."""
    states: dict[str, SkillMastery] = {}
    for attempt in effective(attempts):
        tag = attempt.skill_tag
        states[tag] = apply_attempt(states.get(tag) or SkillMastery(tag), attempt, policy)
    return states
