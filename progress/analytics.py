"""What teachers and parents look at: progression over time, monthly activity, what a class
struggles with, and what a child should practise next. Pure functions over the log and caches."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from progress.attempts import MasteryLevel, school_day
from progress.mastery import POLICY, Attempt, MasteryPolicy, SkillMastery, apply_attempt, effective

STRUGGLING_ACCURACY = 0.6  # below this, a child who is still learning a skill is struggling


@dataclass(frozen=True)
class LevelChange:
    day: str  # ISO date (IST)
    level: MasteryLevel
    p_known: float


@dataclass(frozen=True)
class MonthActivity:
    month: str  # YYYY-MM
    worksheets: int
    answers: int
    correct: int


@dataclass(frozen=True)
class MasteryRow:
    """One child's cached mastery of one skill, as the class dashboard reads it."""

    child_id: str
    skill_tag: str
    level: MasteryLevel
    attempts: int
    correct: int


@dataclass(frozen=True)
class StrugglingSkill:
    skill_tag: str
    struggling: int  # children still learning it with low accuracy
    attempted: int  # children who have tried it
    accuracy: float  # over the whole class's answers


def mastery_timeline(
    attempts: Sequence[Attempt], policy: MasteryPolicy = POLICY
) -> dict[str, list[LevelChange]]:
    """Per skill, each day its level changed (the first attempt included)."""
    states: dict[str, SkillMastery] = {}
    timeline: dict[str, list[LevelChange]] = defaultdict(list)
    for attempt in effective(attempts):
        tag = attempt.skill_tag
        before = states.get(tag) or SkillMastery(tag)
        after = states[tag] = apply_attempt(before, attempt, policy)
        if after.level != before.level:
            day = school_day(attempt.answered_at).isoformat()
            timeline[tag].append(LevelChange(day, after.level, round(after.p_known or 0, 3)))
    return dict(timeline)


def monthly_activity(attempts: Sequence[Attempt]) -> list[MonthActivity]:
    """Worksheets, answers and correct answers per (IST) month, oldest first."""
    sheets: dict[str, set[str]] = defaultdict(set)
    answers: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for attempt in effective(attempts):
        month = school_day(attempt.answered_at).isoformat()[:7]
        answers[month] += 1
        correct[month] += attempt.result == "correct"
        if attempt.worksheet_id:
            sheets[month].add(attempt.worksheet_id)
    return [MonthActivity(m, len(sheets[m]), answers[m], correct[m]) for m in sorted(answers)]


def struggling_skills(rows: Iterable[MasteryRow], limit: int = 5) -> list[StrugglingSkill]:
    """Skills most of the class finds hard: most children struggling first, then lowest accuracy."""
    tried: Counter[str] = Counter()
    struggling: Counter[str] = Counter()
    answers: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for row in rows:
        if row.attempts == 0:
            continue
        tried[row.skill_tag] += 1
        answers[row.skill_tag] += row.attempts
        right[row.skill_tag] += row.correct
        if row.level == "learning" and row.correct / row.attempts < STRUGGLING_ACCURACY:
            struggling[row.skill_tag] += 1
    found = [
        StrugglingSkill(tag, struggling[tag], tried[tag], right[tag] / answers[tag])
        for tag in tried
        if struggling[tag]
    ]
    found.sort(key=lambda s: (-s.struggling / s.attempted, s.accuracy, s.skill_tag))
    return found[:limit]


def practise_next(mastery: Mapping[str, SkillMastery], today: str, limit: int = 5) -> list[str]:
    """Skills to practise next: still learning (least known first), then improving, then
    mastered skills due for review."""
    learning = [m for m in mastery.values() if m.level in ("learning", "improving")]
    learning.sort(key=lambda m: (m.level != "learning", m.p_known or 0, m.skill_tag))
    due = sorted(
        (m for m in mastery.values() if m.level == "mastered" and (m.review_due or "~") <= today),
        key=lambda m: (m.review_due or "", m.skill_tag),
    )
    return [m.skill_tag for m in [*learning, *due]][:limit]
