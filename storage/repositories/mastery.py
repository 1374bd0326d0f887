"""Reading the mastery cache (mastery_state), which grading recomputes from the attempt log."""

from __future__ import annotations

from typing import Any


class MasteryRepository:
    def __init__(self, store: Any) -> None:
        self.store = store

    def for_child(self, child_id: str) -> dict[str, dict[str, Any]]:
        """skill_tag -> its cached mastery row (level, streak, review_due_at, ...)."""
        rows = self.store.query("SELECT * FROM mastery_state WHERE student_id = ?", (child_id,))
        return {r["skill_tag"]: dict(r) for r in rows}
