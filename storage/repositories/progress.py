"""Grading into the log, and keeping the derived tables (mastery, engagement, achievements) true.

mastery_state, child_engagement and achievements are caches of `progress.engagement.
child_progress` over a child's attempts. They are rewritten for a child in the same transaction
as that child's new attempts, after a sync pull (`recompute`), and can be rebuilt whole
(`recompute_all`). They are never pushed: every device derives them from the same log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from operator import attrgetter
from typing import Any, NamedTuple

from curriculum.custom import with_custom
from curriculum.syllabus import builtin_syllabus
from progress.attempts import AttemptEvent, MasteryLevel, RecordedAttempt
from progress.engagement import (
    CHAPTER_PREFIX,
    Achievement,
    ChapterIndex,
    ChildProgress,
    Engagement,
    child_progress,
)
from progress.grading import GradedAnswer, answer_times, changed
from progress.mastery import DERIVATION_RULES, SkillMastery, effective
from storage.errors import InvalidInput
from storage.ids import uuid7
from storage.repositories.attempts import SELECT_ATTEMPTS
from storage.writer import utc_now
from worksheets.model import Worksheet


@dataclass(frozen=True)
class GradeOutcome:
    """What one grading did, for the teacher to see."""

    worksheet_id: str
    child_id: str
    recorded: int  # new attempts (0 when the same grading was given before)
    correct: int  # on the whole sheet, counting its latest marks
    partial: int
    graded: int
    questions: int
    stars_before: int
    stars_after: int
    changes: tuple[tuple[str, MasteryLevel, MasteryLevel], ...]  # skill, before, after
    unlocked: tuple[Achievement, ...]
    chapters_mastered: tuple[str, ...]  # chapter keys newly mastered: certificates to offer


RULES_KEY = "derived_state_rules"


class ProgressRepository:
    def __init__(self, store: Any) -> None:
        self.store = store
        self._chapters: tuple[str, ChapterIndex] | None = None

    def chapters(self) -> ChapterIndex:
        """The chapter of each skill, built again only when the teacher's own skills change."""
        custom = self.store.custom_content.skills()
        key = repr(custom)
        if self._chapters is None or self._chapters[0] != key:
            syllabus = with_custom(builtin_syllabus(), custom)
            self._chapters = (key, ChapterIndex.from_syllabus(syllabus))
        return self._chapters[1]

    def grade(
        self,
        worksheet: Worksheet,
        child_id: str,
        graded: Sequence[GradedAnswer],
        now: datetime | None = None,
    ) -> GradeOutcome:
        """Record a worksheet's gradings and update the child's derived state, atomically.

        The state before is read from the caches (kept true by every grade and pull); the state
        after is replayed from the whole log, so the caches stay a pure function of it.
        """
        self.store.consents.require_active(child_id)  # withdrawn consent: no more grading
        self._check_recipient(worksheet, child_id)
        sheet_id = worksheet.id or ""
        chapters = self.chapters()
        with self.store.write() as writer:
            log = self.store.attempts.for_child(child_id)
            sheet_log = [a for a in log if a.worksheet_id == sheet_id]
            fresh = changed(graded, sheet_id, sheet_log)
            before = self._snapshot(child_id)
            if not fresh:
                return _outcome(worksheet, child_id, 0, before, before, sheet_log)
            events = _events(child_id, sheet_id, fresh, now or datetime.now(UTC))
            after = child_progress([*log, *events], chapters)
            events = [_with_levels(e, after) for e in events]
            self.store.attempts.append(writer, events)
            self._save(child_id, after)
        return _outcome(
            worksheet, child_id, len(events), before, _Snapshot.of(after), [*sheet_log, *events]
        )

    def _snapshot(self, child_id: str) -> _Snapshot:
        return _Snapshot(
            {tag: m.level for tag, m in self.mastery(child_id).items()},
            self.engagement(child_id).total_stars,
            {a.key: a for a in self.achievements(child_id)},
        )

    def _check_recipient(self, worksheet: Worksheet, child_id: str) -> None:
        child = self.store.children.get(child_id)
        if worksheet.child_id is not None and worksheet.child_id != child_id:
            raise InvalidInput(f"worksheet {worksheet.code} was made for another child")
        if worksheet.child_id is None and worksheet.class_id:
            members = {c.id for c in self.store.classes.members(worksheet.class_id)}
            if child_id not in members:
                raise InvalidInput(
                    f"{child.name} is not in the class worksheet {worksheet.code} is for"
                )

    def bring_up_to_date(self) -> None:
        """Rebuild the caches once when the rules that derive them have changed (an app update)."""
        if self.store.state(RULES_KEY) != DERIVATION_RULES:
            with self.store.write():
                self.recompute_all()
                self.store.set_state(RULES_KEY, DERIVATION_RULES)

    def recompute(self, child_ids: Iterable[str]) -> None:
        """Rebuild the derived state of these children from their logs (e.g. after a pull)."""
        chapters = self.chapters()
        with self.store.write():
            for child_id in dict.fromkeys(child_ids):
                log = self.store.attempts.for_child(child_id)
                self._save(child_id, child_progress(log, chapters))

    def recompute_all(self) -> int:
        """Rebuild every child's derived state from the whole log; returns the children done."""
        chapters = self.chapters()
        rows = self.store.conn.execute(
            f"{SELECT_ATTEMPTS} WHERE deleted_at IS NULL ORDER BY student_id, answered_at, id"
        )
        logs = groupby(map(RecordedAttempt._make, rows), key=attrgetter("student_id"))
        done = 0
        with self.store.write():
            self.forget(None)
            for child_id, log in logs:
                self._save(child_id, child_progress(list(log), chapters), cleared=True)
                done += 1
        return done

    def forget(self, child_id: str | None) -> None:
        """Drop the derived state of one child (erasure), or of all (before a rebuild)."""
        where, params = ("", ()) if child_id is None else (" WHERE student_id = ?", (child_id,))
        self.store.conn.execute(f"DELETE FROM mastery_state{where}", params)
        where = where.replace("student_id", "child_id")
        self.store.conn.execute(f"DELETE FROM child_engagement{where}", params)
        self.store.conn.execute(f"DELETE FROM achievements{where}", params)

    def _save(self, child_id: str, progress: ChildProgress, cleared: bool = False) -> None:
        if not cleared:
            self.forget(child_id)
        now = utc_now()
        conn = self.store.conn
        conn.executemany(
            "INSERT INTO mastery_state (student_id, skill_tag, mastery_level, streak, "
            "last_error_type, attempts_count, correct_count, p_known, last_attempt_at, "
            "review_due_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_mastery_row(child_id, m, now) for m in progress.mastery.values()],
        )
        e = progress.engagement
        conn.execute(
            "INSERT INTO child_engagement (child_id, total_stars, current_streak, longest_streak, "
            "last_active_date, worksheets_completed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                child_id,
                e.total_stars,
                e.streak,
                e.longest_streak,
                e.last_active_date,
                e.worksheets_completed,
                now,
            ),
        )
        conn.executemany(
            "INSERT INTO achievements (child_id, achievement_key, unlocked_at, detail) "
            "VALUES (?, ?, ?, json_object('title', ?))",
            [(child_id, a.key, a.unlocked_at, a.title) for a in progress.achievements.values()],
        )

    def engagement(self, child_id: str) -> Engagement:
        rows = self.store.query("SELECT * FROM child_engagement WHERE child_id = ?", (child_id,))
        if not rows:
            return Engagement()
        r = rows[0]
        return Engagement(
            r["total_stars"],
            r["current_streak"],
            r["longest_streak"],
            r["last_active_date"],
            r["worksheets_completed"],
        )

    def mastery(self, child_id: str) -> dict[str, SkillMastery]:
        """The cached mastery of each skill the child has tried."""
        rows = self.store.query("SELECT * FROM mastery_state WHERE student_id = ?", (child_id,))
        return {
            r["skill_tag"]: SkillMastery(
                skill_tag=r["skill_tag"],
                level=r["mastery_level"],
                streak=r["streak"],
                last_error_type=r["last_error_type"],
                attempts=r["attempts_count"],
                correct=r["correct_count"],
                p_known=r["p_known"],
                last_attempt_at=r["last_attempt_at"],
                review_due=r["review_due_at"],
            )
            for r in rows
        }

    def achievements(self, child_id: str) -> list[Achievement]:
        rows = self.store.query(
            "SELECT achievement_key, unlocked_at, detail ->> '$.title' AS title "
            "FROM achievements WHERE child_id = ? ORDER BY unlocked_at, achievement_key",
            (child_id,),
        )
        return [Achievement(r["achievement_key"], r["unlocked_at"], r["title"]) for r in rows]


def _events(
    child_id: str, worksheet_id: str, graded: Sequence[GradedAnswer], now: datetime
) -> list[AttemptEvent]:
    times = answer_times(now, len(graded))
    return [
        AttemptEvent(
            id=uuid7(),
            student_id=child_id,
            worksheet_id=worksheet_id,
            answered_at=at,
            mastery_before="unknown",
            mastery_after="unknown",
            **g._asdict(),
        )
        for g, at in zip(graded, times, strict=True)
    ]


def _with_levels(event: AttemptEvent, progress: ChildProgress) -> AttemptEvent:
    before, after = progress.levels[event.id or ""]
    return event.model_copy(update={"mastery_before": before, "mastery_after": after})


def _mastery_row(child_id: str, m: SkillMastery, now: str) -> tuple[Any, ...]:
    return (
        child_id,
        m.skill_tag,
        m.level,
        m.streak,
        m.last_error_type,
        m.attempts,
        m.correct,
        m.p_known,
        m.last_attempt_at,
        m.review_due,
        now,
    )


class _Snapshot(NamedTuple):
    """What a grading compares before and after."""

    levels: dict[str, MasteryLevel]
    stars: int
    achievements: dict[str, Achievement]

    @classmethod
    def of(cls, progress: ChildProgress) -> _Snapshot:
        levels = {tag: m.level for tag, m in progress.mastery.items()}
        return cls(levels, progress.engagement.total_stars, progress.achievements)


def _outcome(
    worksheet: Worksheet,
    child_id: str,
    recorded: int,
    before: _Snapshot,
    after: _Snapshot,
    sheet_log: Sequence[Any],
) -> GradeOutcome:
    sheet = effective(sheet_log)
    changes = tuple(
        (tag, before.levels.get(tag, "unknown"), level)
        for tag, level in after.levels.items()
        if before.levels.get(tag, "unknown") != level
    )
    unlocked = [a for k, a in after.achievements.items() if k not in before.achievements]
    chapters = [
        a.key.removeprefix(CHAPTER_PREFIX) for a in unlocked if a.key.startswith(CHAPTER_PREFIX)
    ]
    return GradeOutcome(
        worksheet_id=worksheet.id or "",
        child_id=child_id,
        recorded=recorded,
        correct=sum(a.result == "correct" for a in sheet),
        partial=sum(a.result == "partial" for a in sheet),
        graded=len(sheet),
        questions=len(worksheet.questions),
        stars_before=before.stars,
        stars_after=after.stars,
        changes=changes,
        unlocked=tuple(a for a in unlocked if not a.key.startswith(CHAPTER_PREFIX)),
        chapters_mastered=tuple(chapters),
    )
