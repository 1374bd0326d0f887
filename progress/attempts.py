"""Graded answers as facts: one `AttemptEvent` per question a child answered."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

MasteryLevel = Literal["unknown", "learning", "improving", "mastered"]
MASTERY_LEVELS: tuple[MasteryLevel, ...] = ("unknown", "learning", "improving", "mastered")
AttemptResult = Literal["correct", "incorrect", "partial"]

# Days (for streaks and reviews) are Indian Standard Time days, the same on every device, so
# derived state does not depend on where the log is replayed. IST has no daylight saving.
SCHOOL_TIME = timezone(timedelta(hours=5, minutes=30), "IST")


def school_today() -> date:
    """Today's date in India, whatever the computer's own time zone."""
    return datetime.now(SCHOOL_TIME).date()


@cache
def day_after(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def school_date(answered_at: str) -> str:
    """The IST calendar day (ISO) of a UTC stamp such as 2026-11-21T20:00:00.000Z.

    IST is UTC+05:30 all year, so 18:30 UTC and later is already the next day in India. Replay
    asks this for every attempt, so it works on the text rather than parsing a datetime.
    """
    day = answered_at[:10]
    return day_after(day) if answered_at[11:16] >= "18:30" else day


@cache
def _parse_day(day: str) -> date:
    return date.fromisoformat(day)


def school_day(answered_at: str) -> date:
    """The IST calendar day of a UTC timestamp, as a date."""
    return _parse_day(school_date(answered_at))


class AttemptEvent(BaseModel):
    """One graded answer. Append-only: once recorded it is never changed.

    `id` is given by the store when the attempt is recorded.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str | None = None
    student_id: str = Field(min_length=1)
    worksheet_id: str | None = None
    question_id: str = Field(min_length=1)
    skill_tag: str = Field(min_length=1, max_length=120)
    given_answer: str | None = Field(default=None, max_length=2000)
    result: AttemptResult
    error_type: str | None = Field(default=None, max_length=60)
    answered_at: str = Field(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
    mastery_before: MasteryLevel
    mastery_after: MasteryLevel
    response_time_ms: int | None = Field(default=None, ge=0)
    graded_by: Literal["auto", "teacher"] = "auto"


class RecordedAttempt(NamedTuple):
    """An attempt as the log holds it: read-only, with its id. Cheap to read in thousands."""

    id: str
    student_id: str
    worksheet_id: str | None
    question_id: str
    skill_tag: str
    given_answer: str | None
    result: AttemptResult
    error_type: str | None
    answered_at: str
    mastery_before: MasteryLevel
    mastery_after: MasteryLevel
    response_time_ms: int | None
    graded_by: str
