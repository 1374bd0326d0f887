"""The dashboards teachers and parents see, put together from the log, the caches and the
syllabus: one child's progress, a class at a glance, and the whole app's use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from curriculum.syllabus import Syllabus
from progress.analytics import (
    LevelChange,
    MasteryRow,
    MonthActivity,
    StrugglingSkill,
    mastery_timeline,
    monthly_activity,
    practise_next,
    struggling_skills,
)
from progress.attempts import MasteryLevel
from progress.engagement import CHAPTER_PREFIX, Achievement, Engagement
from progress.mastery import Attempt, SkillMastery


@dataclass(frozen=True)
class SkillRow:
    skill_tag: str
    title: str
    chapter_key: str
    chapter_title: str
    level: MasteryLevel
    streak: int
    attempts: int
    correct: int
    p_known: float | None
    review_due: str | None
    last_error_type: str | None
    sheets: int = 0  # worksheets the skill was answered on (one sheet says little of confidence)


@dataclass(frozen=True)
class ChapterMastered:
    chapter_key: str
    title: str
    mastered_at: str
    certificate_id: str | None  # None: the certificate is ready to issue


@dataclass(frozen=True)
class ChildDashboard:
    child_id: str
    name: str
    grade: int
    engagement: Engagement
    current_streak: int
    skills: list[SkillRow]
    achievements: list[Achievement]
    chapters_mastered: list[ChapterMastered]
    practise_next: list[str]
    timeline: dict[str, list[LevelChange]]
    months: list[MonthActivity]
    worksheets_made: list[tuple[str, int]]  # (YYYY-MM, worksheets made)
    topics: list[tuple[str, int]]  # (skill tag, questions set)


@dataclass(frozen=True)
class ChildAtAGlance:
    child_id: str
    name: str
    total_stars: int
    current_streak: int
    worksheets_completed: int


@dataclass(frozen=True)
class ClassDashboard:
    class_id: str
    name: str
    grade: int
    children: list[ChildAtAGlance]
    skills: list[str]  # the columns of the grid, in syllabus order
    grid: dict[str, dict[str, MasteryLevel]]  # child id -> skill -> level
    struggling: list[StrugglingSkill]
    worksheets_made: list[tuple[str, int]]
    topics: list[tuple[str, int]]


@dataclass(frozen=True)
class ChildInput:
    """What the store gathers about one child for their dashboard."""

    child_id: str
    name: str
    grade: int
    log: Sequence[Attempt]
    mastery: Mapping[str, SkillMastery]
    engagement: Engagement
    achievements: Sequence[Achievement]
    certificates: Mapping[str, str]  # chapter key -> certificate id
    worksheets_made: list[tuple[str, int]]
    topics: list[tuple[str, int]]


def child_dashboard(data: ChildInput, syllabus: Syllabus, today: date) -> ChildDashboard:
    order = skill_order(syllabus)
    tags = sorted(data.mastery, key=lambda t: (order.get(t, len(order)), t))
    sheets = sheets_per_skill(data.log)
    return ChildDashboard(
        child_id=data.child_id,
        name=data.name,
        grade=data.grade,
        engagement=data.engagement,
        current_streak=data.engagement.current_streak(today),
        skills=[_skill_row(data.mastery[t], syllabus, sheets.get(t, 0)) for t in tags],
        achievements=[a for a in data.achievements if not a.key.startswith(CHAPTER_PREFIX)],
        chapters_mastered=[
            ChapterMastered(key, a.title, a.unlocked_at, data.certificates.get(key))
            for a in data.achievements
            if (key := a.key.removeprefix(CHAPTER_PREFIX)) != a.key
        ],
        practise_next=practise_next(data.mastery, today.isoformat()),
        timeline=mastery_timeline(data.log),
        months=monthly_activity(data.log),
        worksheets_made=data.worksheets_made,
        topics=data.topics,
    )


def class_dashboard(
    identity: tuple[str, str, int],
    children: Sequence[ChildAtAGlance],
    rows: Sequence[MasteryRow],
    syllabus: Syllabus,
    made: tuple[list[tuple[str, int]], list[tuple[str, int]]],
) -> ClassDashboard:
    """`identity` is (class id, name, grade); `made` is (worksheets by month, topics)."""
    order = skill_order(syllabus)
    grid: dict[str, dict[str, MasteryLevel]] = {c.child_id: {} for c in children}
    for row in rows:
        grid.setdefault(row.child_id, {})[row.skill_tag] = row.level
    skills = sorted({r.skill_tag for r in rows}, key=lambda t: (order.get(t, len(order)), t))
    class_id, name, grade = identity
    return ClassDashboard(
        class_id=class_id,
        name=name,
        grade=grade,
        children=list(children),
        skills=skills,
        grid=grid,
        struggling=struggling_skills(rows),
        worksheets_made=made[0],
        topics=made[1],
    )


def sheets_per_skill(log: Sequence[Attempt]) -> dict[str, int]:
    """How many different worksheets (or days, for answers without one) each skill was on."""
    seen: dict[str, set[str]] = {}
    for attempt in log:
        sheet = attempt.worksheet_id or attempt.answered_at[:10]
        seen.setdefault(attempt.skill_tag, set()).add(sheet)
    return {tag: len(sheets) for tag, sheets in seen.items()}


def skill_order(syllabus: Syllabus) -> dict[str, int]:
    return {skill.tag: index for index, skill in enumerate(syllabus.skills())}


def skill_title(syllabus: Syllabus, tag: str) -> str:
    try:
        return syllabus.skill(tag).title
    except LookupError:  # a skill since removed from the syllabus keeps its tag
        return tag


def _skill_row(m: SkillMastery, syllabus: Syllabus, sheets: int) -> SkillRow:
    try:
        chapter = syllabus.chapter_of(m.skill_tag)
        chapter_key, chapter_title = chapter.key, chapter.title
    except KeyError:
        chapter_key, chapter_title = "", ""
    return SkillRow(
        skill_tag=m.skill_tag,
        title=skill_title(syllabus, m.skill_tag),
        chapter_key=chapter_key,
        chapter_title=chapter_title,
        level=m.level,
        streak=m.streak,
        attempts=m.attempts,
        correct=m.correct,
        p_known=m.p_known,
        review_due=m.review_due,
        last_error_type=m.last_error_type,
        sheets=sheets,
    )
