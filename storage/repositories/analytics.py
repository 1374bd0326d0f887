"""The counting queries behind the dashboards: worksheets per month / child, topics, a class's
mastery. Months are IST months, as in progress.attempts."""

from __future__ import annotations

from datetime import date
from typing import Any

from progress.analytics import MasteryRow
from progress.dashboard import (
    ChildAtAGlance,
    ChildDashboard,
    ChildInput,
    ClassDashboard,
    child_dashboard,
    class_dashboard,
)

IST_MONTH = "strftime('%Y-%m', w.created_at, '+330 minutes')"


class AnalyticsRepository:
    def __init__(self, store: Any) -> None:
        self.store = store

    def child(self, child_id: str, today: date) -> ChildDashboard:
        """One child's progress: mastery per skill, stars and streaks, history, what next."""
        store = self.store
        child = store.children.get(child_id)
        data = ChildInput(
            child_id=child_id,
            name=child.name,
            grade=child.grade,
            log=store.attempts.for_child(child_id),
            mastery=store.progress.mastery(child_id),
            engagement=store.progress.engagement(child_id),
            achievements=store.progress.achievements(child_id),
            certificates={
                c.chapter_key: c.id or "" for c in store.certificates.for_child(child_id)
            },
            worksheets_made=self.worksheets_by_month(child_id=child_id),
            topics=self.topics(child_id=child_id),
        )
        return child_dashboard(data, store.custom_content.syllabus(), today)

    def school_class(self, name: str, today: date) -> ClassDashboard:
        """A class at a glance: the child x skill grid, what most of them struggle with."""
        store = self.store
        found = store.classes.by_name(name)
        class_id = found.id or ""
        children = [
            ChildAtAGlance(
                c.id or "", c.name, e.total_stars, e.current_streak(today), e.worksheets_completed
            )
            for c in store.classes.members(class_id)
            for e in (store.progress.engagement(c.id or ""),)
        ]
        made = (self.worksheets_by_month(class_id=class_id), self.topics(class_id=class_id))
        return class_dashboard(
            (class_id, found.name, found.grade),
            children,
            self.class_mastery(class_id),
            store.custom_content.syllabus(),
            made,
        )

    def worksheets_by_month(
        self, child_id: str | None = None, class_id: str | None = None
    ) -> list[tuple[str, int]]:
        """(YYYY-MM, worksheets made) oldest first: everyone's, one child's or one class's."""
        where, params = _scope(child_id, class_id)
        rows = self.store.query(
            f"SELECT {IST_MONTH} AS month, count(*) AS n FROM worksheets w WHERE {where} "
            "GROUP BY month ORDER BY month",
            params,
        )
        return [(r["month"], r["n"]) for r in rows]

    def worksheets_by_child(self, class_id: str | None = None) -> list[tuple[str, str, int]]:
        """(child id, name, worksheets made), most first."""
        where, params = _scope(None, class_id)
        rows = self.store.query(
            "SELECT c.id, c.name, count(w.id) AS n FROM worksheets w "
            f"JOIN children c ON c.id = w.child_id AND c.deleted_at IS NULL WHERE {where} "
            "GROUP BY c.id ORDER BY n DESC, c.name COLLATE NOCASE",
            params,
        )
        return [(r["id"], r["name"], r["n"]) for r in rows]

    def topics(
        self, child_id: str | None = None, class_id: str | None = None
    ) -> list[tuple[str, int]]:
        """(skill tag, questions set) over the worksheets made, most first."""
        where, params = _scope(child_id, class_id)
        rows = self.store.query(
            "SELECT s.key AS skill, sum(s.value) AS n FROM worksheets w, "
            f"json_each(w.settings, '$.skills') s WHERE {where} GROUP BY s.key "
            "ORDER BY n DESC, skill",
            params,
        )
        return [(r["skill"], r["n"]) for r in rows]

    def class_mastery(self, class_id: str) -> list[MasteryRow]:
        """The cached mastery of every current member of the class."""
        rows = self.store.conn.execute(
            "SELECT m.student_id, m.skill_tag, m.mastery_level, m.attempts_count, m.correct_count "
            "FROM class_members cm JOIN mastery_state m ON m.student_id = cm.child_id "
            "WHERE cm.class_id = ? AND cm.left_at IS NULL AND cm.deleted_at IS NULL",
            (class_id,),
        )
        return [MasteryRow(*r) for r in rows]


def _scope(child_id: str | None, class_id: str | None) -> tuple[str, tuple[str, ...]]:
    where = "w.deleted_at IS NULL"
    params: tuple[str, ...] = ()
    if child_id is not None:
        where, params = where + " AND w.child_id = ?", (child_id,)
    if class_id is not None:  # the class's sets, and sheets made for its children one by one
        where += (
            " AND (w.class_id = ? OR w.child_id IN (SELECT child_id FROM class_members "
            "WHERE class_id = ? AND left_at IS NULL AND deleted_at IS NULL))"
        )
        params = (*params, class_id, class_id)
    return where, params
