"""Attempts for tests: a compact way to write a child's log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from progress.attempts import AttemptEvent

START = datetime(2026, 11, 2, 4, 30, tzinfo=UTC)  # 10:00 IST, a Monday


def attempt(
    result: str = "correct",
    *,
    skill: str = "maths.c3.add",
    day: int = 0,
    minute: int = 0,
    worksheet: str | None = "ws-1",
    question: str | None = None,
    error_type: str | None = None,
    child: str = "child-1",
    number: int = 0,
) -> AttemptEvent:
    """One attempt `day` days and `minute` minutes after START; ids sort in creation order."""
    at = START + timedelta(days=day, minutes=minute, milliseconds=number)
    stamp = at.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return AttemptEvent(
        id=f"a-{day:04d}-{minute:04d}-{number:04d}-{result[0]}",
        student_id=child,
        worksheet_id=worksheet,
        question_id=question or f"q{day}-{minute}-{number}",
        skill_tag=skill,
        result=result,  # type: ignore[arg-type]
        error_type=error_type,
        answered_at=stamp,
        mastery_before="unknown",
        mastery_after="unknown",
    )


def answers(
    results: str, *, skill: str = "maths.c3.add", day: int = 0, start: int = 0
) -> list[AttemptEvent]:
    """ "ccxp" -> correct, correct, incorrect, partial, a minute apart on one day."""
    names = {"c": "correct", "x": "incorrect", "p": "partial"}
    return [
        attempt(names[ch], skill=skill, day=day, minute=start + i, worksheet=f"ws-{day}")
        for i, ch in enumerate(results)
    ]
