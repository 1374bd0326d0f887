"""Which children need practice now: a pure function of their mastery and attempt log.

The Today page asks this of every child. A child needs attention when a mastered skill's
review date has come (spaced review), when a skill is stuck — still `learning` a long time
after it was first tried, or answered wrong several times in a row — or when the child has
not practised for a while (or never has).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from progress.attempts import school_day
from progress.mastery import Attempt, SkillMastery, effective

WRONG_IN_A_ROW = 3  # this many wrong answers running on a skill: the child is stuck on it
LEARNING_FOR_DAYS = 21  # still learning three weeks after the first try: stuck
IDLE_AFTER_DAYS = 7  # no practice for a week: a nudge


@dataclass(frozen=True)
class Attention:
    """What one child needs; `needed` is False when there is nothing to say."""

    due: tuple[str, ...]  # mastered skills whose review date has come, earliest due first
    stuck: tuple[str, ...]  # skill tags, most recently tried first
    last_practised: date | None  # None: never graded

    def idle_days(self, today: date) -> int | None:
        return None if self.last_practised is None else (today - self.last_practised).days

    def needed(self, today: date) -> bool:
        idle = self.idle_days(today)
        return bool(self.due or self.stuck) or idle is None or idle >= IDLE_AFTER_DAYS

    @property
    def skills(self) -> tuple[str, ...]:
        """The skills to practise next: the stuck ones, then those due for review."""
        return tuple(dict.fromkeys((*self.stuck, *self.due)))


def due_for_review(mastery: Mapping[str, SkillMastery], today: date) -> tuple[str, ...]:
    due = [
        m
        for m in mastery.values()
        if m.level == "mastered" and m.review_due and m.review_due <= today.isoformat()
    ]
    due.sort(key=lambda m: (m.review_due or "", m.skill_tag))
    return tuple(m.skill_tag for m in due)


def stuck_skills(
    mastery: Mapping[str, SkillMastery], attempts: Iterable[Attempt], today: date
) -> tuple[str, ...]:
    """Skills not yet mastered that were answered wrong WRONG_IN_A_ROW times running, or are
    still `learning` LEARNING_FOR_DAYS after their first answer."""
    by_skill: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in effective(attempts):
        by_skill[attempt.skill_tag].append(attempt)
    stuck: list[tuple[str, str]] = []
    for tag, answers in by_skill.items():
        level = mastery[tag].level if tag in mastery else "learning"
        if level == "mastered":
            continue
        last = answers[-WRONG_IN_A_ROW:]
        wrong_run = len(last) == WRONG_IN_A_ROW and all(a.result == "incorrect" for a in last)
        first_day = school_day(answers[0].answered_at)
        slow = level == "learning" and (today - first_day).days >= LEARNING_FOR_DAYS
        if wrong_run or slow:
            stuck.append((answers[-1].answered_at, tag))
    stuck.sort(reverse=True)
    return tuple(tag for _, tag in stuck)


def attention(
    mastery: Mapping[str, SkillMastery], attempts: Iterable[Attempt], today: date
) -> Attention:
    log = list(attempts)
    last = max((a.answered_at for a in log), default=None)
    return Attention(
        due=due_for_review(mastery, today),
        stuck=stuck_skills(mastery, log, today),
        last_practised=school_day(last) if last else None,
    )
