"""What the teacher has marked so far on one sheet, with undo. No Qt: the Grade page shows it.

Typed answers are checked at once with `progress.answers.check_answer`; a teacher's mark (right,
wrong, partly) overrides the check, and open-response questions take only marks. `graded()`
hands the decided questions to `progress.grading.grade`, so the store receives exactly what the
command line would record for the same answers and marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from curriculum.question import Question
from progress.answers import check_answer
from progress.attempts import AttemptResult, RecordedAttempt
from progress.grading import GradedAnswer, grade, question_id

GradedBy = Literal["auto", "teacher"]


class NeedsAMark(ValueError):
    """An open-response question was given a typed answer; it needs a teacher's mark."""


@dataclass(frozen=True)
class Entry:
    """One question's state: what was typed, and the verdict (None: not marked yet)."""

    typed: str = ""
    result: AttemptResult | None = None
    by: GradedBy | None = None


class GradingSession:
    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = list(questions)
        self.entries = [Entry() for _ in self.questions]
        self._history: list[tuple[int, Entry]] = []

    def __len__(self) -> int:
        return len(self.questions)

    def question(self, number: int) -> Question:
        return self.questions[number - 1]

    def entry(self, number: int) -> Entry:
        return self.entries[number - 1]

    def open_response(self, number: int) -> bool:
        return self.question(number).grading == "teacher"

    def check(self, number: int, typed: str) -> Entry:
        """Check a typed answer against the key (right or wrong, at once)."""
        if self.open_response(number):
            raise NeedsAMark(f"question {number} is an open answer: mark it 1, 0 or p")
        verdict = check_answer(self.question(number), typed)
        return self._set(number, Entry(typed, verdict.result, "auto"))

    def mark(self, number: int, result: AttemptResult) -> Entry:
        """The teacher's own mark, keeping what was typed."""
        return self._set(number, Entry(self.entry(number).typed, result, "teacher"))

    def undo(self) -> int | None:
        """Take back the last check or mark; returns its question number (None: nothing to undo)."""
        if not self._history:
            return None
        number, before = self._history.pop()
        self.entries[number - 1] = before
        return number

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def load(self, held: Sequence[RecordedAttempt]) -> None:
        """Show what was recorded for this sheet before (its latest grading per question)."""
        latest = {a.question_id: a for a in sorted(held, key=lambda a: (a.answered_at, a.id))}
        for attempt in latest.values():
            number = _number(attempt.question_id)
            if number is None or not 1 <= number <= len(self):
                continue
            by: GradedBy = "auto" if attempt.graded_by == "auto" else "teacher"
            self.entries[number - 1] = Entry(attempt.given_answer or "", attempt.result, by)
        self._history.clear()

    def as_draft(self) -> list[dict[str, str | None]]:
        """Each question's state, as a grading draft keeps it."""
        return [{"typed": e.typed, "result": e.result, "by": e.by} for e in self.entries]

    def restore(self, draft: Sequence[dict[str, Any]]) -> None:
        """Put back the state a draft kept (questions it does not know stay as they are)."""
        for number, kept in enumerate(draft[: len(self)], start=1):
            result, by = kept.get("result"), kept.get("by")
            self.entries[number - 1] = Entry(
                str(kept.get("typed") or ""),
                result if result in ("correct", "incorrect", "partial") else None,
                by if by in ("auto", "teacher") else None,
            )
        self._history.clear()

    def counts(self) -> dict[str, int]:
        results = [e.result for e in self.entries]
        return {
            "right": results.count("correct"),
            "wrong": results.count("incorrect"),
            "partly": results.count("partial"),
            "unmarked": results.count(None),
        }

    def graded(self) -> list[GradedAnswer]:
        """The decided questions as the store records them, numbered as printed."""
        numbers = [n for n in range(1, len(self) + 1) if self.entry(n).result is not None]
        answers = [self.entry(n).typed for n in numbers]
        marks: dict[int, AttemptResult] = {}
        for position, number in enumerate(numbers, start=1):
            entry = self.entry(number)
            if entry.by == "teacher" and entry.result is not None:
                marks[position] = entry.result
        found = grade([self.question(n) for n in numbers], answers, marks)
        return [g._replace(question_id=question_id(n)) for g, n in zip(found, numbers, strict=True)]

    def _set(self, number: int, entry: Entry) -> Entry:
        self._history.append((number, self.entry(number)))
        self.entries[number - 1] = entry
        return entry


def _number(qid: str) -> int | None:
    digits = qid.removeprefix("q")
    return int(digits) if digits.isdigit() else None
