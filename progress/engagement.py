"""Stars, daily streaks and achievements: like mastery, a pure function of the attempt log.

Stars: 1 per correct answer, 3 per worksheet handed in and graded, 2 more when every answer on a
sheet of at least 5 questions is right. A day counts towards the streak when the child answered
anything that (IST) day. Achievements are unlocked at the answer that earned them, so their
dates are the same on every device. `child_progress` walks the log once and returns it all,
with the mastery of every skill.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from curriculum.syllabus import Syllabus
from progress.attempts import MasteryLevel, day_after, school_date
from progress.mastery import POLICY, Attempt, MasteryPolicy, SkillMastery, apply_attempt, effective

STARS_PER_CORRECT = 1
STARS_PER_WORKSHEET = 3
STARS_FOR_A_PERFECT_SHEET = 2
PERFECT_SHEET_MIN_QUESTIONS = 5

ACHIEVEMENTS: dict[str, str] = {
    "first_worksheet": "First worksheet done",
    "worksheets_10": "10 worksheets done",
    "worksheets_50": "50 worksheets done",
    "perfect_sheet": "A perfect sheet",
    "streak_3": "3 days in a row",
    "streak_7": "7 days in a row",
    "streak_30": "30 days in a row",
    "stars_100": "100 stars",
    "stars_500": "500 stars",
    "stars_1000": "1,000 stars",
    "first_mastered_skill": "First skill mastered",
    "first_mastered_chapter": "First chapter mastered",
}
CHAPTER_PREFIX = "chapter:"  # one achievement per chapter mastered: it earns the certificate
_COUNTS = {"worksheets": (1, 10, 50), "streak": (3, 7, 30), "stars": (100, 500, 1000)}


@dataclass(frozen=True)
class ChapterIndex:
    """Which chapter each skill belongs to, and each chapter's skills."""

    chapter_of: Mapping[str, str]
    skills_of: Mapping[str, frozenset[str]]
    titles: Mapping[str, str]

    @classmethod
    def from_syllabus(cls, syllabus: Syllabus) -> ChapterIndex:
        chapter_of: dict[str, str] = {}
        skills_of: dict[str, frozenset[str]] = {}
        titles: dict[str, str] = {}
        for _name, entry in syllabus.entries():
            for chapter in entry.chapters:
                skills_of[chapter.key] = frozenset(s.tag for s in chapter.skills)
                titles[chapter.key] = chapter.title
                chapter_of.update((s.tag, chapter.key) for s in chapter.skills)
        return cls(chapter_of, skills_of, titles)


@dataclass(frozen=True)
class Achievement:
    key: str
    unlocked_at: str
    title: str


@dataclass(frozen=True)
class Engagement:
    total_stars: int = 0
    streak: int = 0  # consecutive days ending on last_active_date
    longest_streak: int = 0
    last_active_date: str | None = None
    worksheets_completed: int = 0

    def current_streak(self, today: date) -> int:
        """The streak still alive today: the child answered today or yesterday."""
        if self.last_active_date is None:
            return 0
        last = date.fromisoformat(self.last_active_date)
        return self.streak if today - last <= timedelta(days=1) else 0


@dataclass(frozen=True)
class ChildProgress:
    mastery: dict[str, SkillMastery]
    engagement: Engagement
    achievements: dict[str, Achievement]
    levels: dict[str, tuple[MasteryLevel, MasteryLevel]]  # attempt id -> (before, after)

    def chapters_mastered(self) -> list[str]:
        return [k.removeprefix(CHAPTER_PREFIX) for k in self.achievements if _is_chapter(k)]


def _is_chapter(key: str) -> bool:
    return key.startswith(CHAPTER_PREFIX)


def child_progress(
    attempts: Sequence[Attempt], chapters: ChapterIndex, policy: MasteryPolicy = POLICY
) -> ChildProgress:
    """Everything derived for one child from their attempt log, in any order."""
    walk = _Walk(chapters, policy)
    log = effective(attempts)
    walk.perfect = _perfect_sheets(log)
    for attempt in log:
        walk.step(attempt)
    return walk.result()


def _perfect_sheets(log: Sequence[Attempt]) -> set[str]:
    marks: dict[str, list[bool]] = defaultdict(list)
    for attempt in log:
        if attempt.worksheet_id is not None:
            marks[attempt.worksheet_id].append(attempt.result == "correct")
    return {ws for ws, m in marks.items() if len(m) >= PERFECT_SHEET_MIN_QUESTIONS and all(m)}


@dataclass
class _Walk:
    """The running totals of one replay. Internal to child_progress."""

    chapters: ChapterIndex
    policy: MasteryPolicy
    perfect: set[str] = field(default_factory=set)
    mastery: dict[str, SkillMastery] = field(default_factory=dict)
    achievements: dict[str, Achievement] = field(default_factory=dict)
    levels: dict[str, tuple[MasteryLevel, MasteryLevel]] = field(default_factory=dict)
    sheets: set[str] = field(default_factory=set)
    stars: int = 0
    day: str | None = None
    run: int = 0
    longest: int = 0

    def step(self, attempt: Attempt) -> None:
        tag = attempt.skill_tag
        before = self.mastery.get(tag) or SkillMastery(tag)
        after = apply_attempt(before, attempt, self.policy)
        self.mastery[tag] = after
        if attempt.id is not None:
            self.levels[attempt.id] = (before.level, after.level)
        self._count_day(school_date(attempt.answered_at))
        self._count_stars(attempt)
        self._unlock_counts(attempt.answered_at)
        if after.level == "mastered" and before.level != "mastered":
            self._mastered(tag, attempt.answered_at)

    def _count_day(self, day: str) -> None:
        if day == self.day:
            return
        self.run = self.run + 1 if self.day and day_after(self.day) == day else 1
        self.day, self.longest = day, max(self.longest, self.run)

    def _count_stars(self, attempt: Attempt) -> None:
        self.stars += STARS_PER_CORRECT if attempt.result == "correct" else 0
        sheet = attempt.worksheet_id
        if sheet is not None and sheet not in self.sheets:
            self.sheets.add(sheet)
            self.stars += STARS_PER_WORKSHEET
            if sheet in self.perfect:
                self.stars += STARS_FOR_A_PERFECT_SHEET
                self._unlock("perfect_sheet", attempt.answered_at)

    def _unlock_counts(self, at: str) -> None:
        reached = {"worksheets": len(self.sheets), "streak": self.run, "stars": self.stars}
        for name, value in reached.items():
            for step in _COUNTS[name]:
                if value >= step:
                    key = (
                        "first_worksheet" if (name, step) == ("worksheets", 1) else f"{name}_{step}"
                    )
                    self._unlock(key, at)

    def _mastered(self, tag: str, at: str) -> None:
        self._unlock("first_mastered_skill", at)
        chapter = self.chapters.chapter_of.get(tag)
        if chapter is None:
            return
        skills = self.chapters.skills_of[chapter]
        if all(self.mastery.get(s, SkillMastery(s)).level == "mastered" for s in skills):
            self._unlock("first_mastered_chapter", at)
            self._unlock(CHAPTER_PREFIX + chapter, at, self.chapters.titles[chapter])

    def _unlock(self, key: str, at: str, title: str | None = None) -> None:
        if key not in self.achievements:
            self.achievements[key] = Achievement(key, at, title or ACHIEVEMENTS[key])

    def result(self) -> ChildProgress:
        engagement = Engagement(
            total_stars=self.stars,
            streak=self.run,
            longest_streak=self.longest,
            last_active_date=self.day,
            worksheets_completed=len(self.sheets),
        )
        return ChildProgress(self.mastery, engagement, self.achievements, self.levels)
