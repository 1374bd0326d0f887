"""Pulled values become the same canonical text on every device, whatever form they came in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from storage.sync_codec import canonical_time

moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)


@given(moments, st.integers(-12 * 60, 14 * 60))
def test_any_offset_and_any_fraction_give_one_text(moment: datetime, minutes: int) -> None:
    shifted = moment.astimezone(timezone(timedelta(minutes=minutes)))
    texts = {
        canonical_time(moment.isoformat()),  # as Postgres sends UTC: "+00:00"
        canonical_time(shifted.isoformat()),
        canonical_time(moment.isoformat().replace("+00:00", "Z")),
    }
    assert len(texts) == 1


@given(moments, st.integers(0, 5_000))
def test_text_order_follows_time_order(first: datetime, later_by_us: int) -> None:
    second = first + timedelta(microseconds=later_by_us)  # often within the same millisecond
    a, b = canonical_time(first.isoformat()), canonical_time(second.isoformat())
    assert a is not None and b is not None
    assert a <= b and len(a) == len(b) == 24


def test_what_the_app_writes_is_already_canonical() -> None:
    assert canonical_time("2026-12-03T10:00:00.120000+00:00") == "2026-12-03T10:00:00.120Z"
    assert canonical_time("2026-12-03T10:00:00.123456+00:00") == "2026-12-03T10:00:00.123Z"
    assert canonical_time("2026-12-03T10:00:00+00:00") == "2026-12-03T10:00:00.000Z"
    assert canonical_time("2026-12-03T15:30:00.5+05:30") == "2026-12-03T10:00:00.500Z"
