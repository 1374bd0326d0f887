"""Days are Indian days: a streak or a review date never depends on the computer's time zone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from progress.attempts import school_date, school_today


@pytest.mark.parametrize(
    ("answered_at", "day"),
    [
        ("2026-11-21T18:29:59.999Z", "2026-11-21"),  # 23:59 in India: still the 21st
        ("2026-11-21T18:30:00.000Z", "2026-11-22"),  # midnight in India: the 22nd
        ("2026-11-21T03:00:00.000Z", "2026-11-21"),
        ("2026-11-30T20:00:00.000Z", "2026-12-01"),  # across a month
        ("2026-12-31T19:00:00.000Z", "2027-01-01"),  # across a year
        ("2028-02-28T18:30:00.000Z", "2028-02-29"),  # a leap day
    ],
)
def test_an_attempt_counts_on_the_day_it_was_in_india(answered_at: str, day: str) -> None:
    assert school_date(answered_at) == day


@pytest.fixture
def far_west(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process's local time zone set half a day behind India's, then put back."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("far_west")
def test_today_at_school_is_the_indian_day_of_now_whatever_the_local_zone() -> None:
    before = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    today = school_today().isoformat()
    after = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert today in {school_date(before), school_date(after)}
