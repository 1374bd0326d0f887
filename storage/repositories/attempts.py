"""Graded answers: appended in bulk, read back in the order mastery replays them."""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from typing import Any

from progress.attempts import AttemptEvent, RecordedAttempt
from storage.records import validated
from storage.tables import ATTEMPT_EVENTS
from storage.writer import Writer

_COLUMNS = ATTEMPT_EVENTS.columns
_values = operator.attrgetter(*_COLUMNS)
SELECT_ATTEMPTS = f"SELECT id, {', '.join(_COLUMNS)} FROM attempt_events"
_SELECT = SELECT_ATTEMPTS


class AttemptRepository:
    table = ATTEMPT_EVENTS

    def __init__(self, store: Any) -> None:
        self.store = store

    def record_many(self, attempts: Sequence[AttemptEvent | Mapping[str, Any]]) -> list[str]:
        """Append attempts (e.g. one graded worksheet) in one transaction; returns their ids."""
        models = [
            validated(AttemptEvent, a if isinstance(a, AttemptEvent) else dict(a)) for a in attempts
        ]
        with self.store.write() as writer:
            return self.append(writer, models)

    def append(self, writer: Writer, attempts: Sequence[AttemptEvent]) -> list[str]:
        """Append validated attempts in the caller's transaction (e.g. with a mastery update)."""
        rows = [_values(a) for a in attempts]
        return writer.insert(ATTEMPT_EVENTS, rows, [a.id for a in attempts])

    def for_child(self, child_id: str, limit: int | None = None) -> list[RecordedAttempt]:
        """A child's attempts in replay order (answered_at, id)."""
        sql = f"{_SELECT} WHERE student_id = ? AND deleted_at IS NULL ORDER BY answered_at, id"
        params: tuple[Any, ...] = (child_id,)
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        return self._read(sql, params)

    def for_skill(self, child_id: str, skill_tag: str) -> list[RecordedAttempt]:
        return self._read(
            f"{_SELECT} WHERE student_id = ? AND skill_tag = ? AND deleted_at IS NULL "
            "ORDER BY answered_at, id",
            (child_id, skill_tag),
        )

    def for_worksheet(self, worksheet_id: str) -> list[RecordedAttempt]:
        return self._read(
            f"{_SELECT} WHERE worksheet_id = ? AND deleted_at IS NULL ORDER BY answered_at, id",
            (worksheet_id,),
        )

    def questions_marked(self, worksheet_ids: Sequence[str]) -> dict[str, int]:
        """How many different questions of each worksheet have a mark."""
        marks = ", ".join("?" * len(worksheet_ids))
        rows = self.store.conn.execute(
            "SELECT worksheet_id, count(DISTINCT question_id) FROM attempt_events "
            f"WHERE worksheet_id IN ({marks}) AND deleted_at IS NULL GROUP BY worksheet_id",
            tuple(worksheet_ids),
        )
        return dict(rows.fetchall())

    def _read(self, sql: str, params: tuple[Any, ...]) -> list[RecordedAttempt]:
        # Rows were validated on the way in and never change: read them as plain tuples.
        return list(map(RecordedAttempt._make, self.store.conn.execute(sql, params)))
