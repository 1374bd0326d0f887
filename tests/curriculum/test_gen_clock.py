"""Clock and calendar generators: answers recomputed with `datetime` and `calendar`."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

import pytest

from curriculum.generators.common import BLANK
from curriculum.pictures import Clock
from curriculum.question import Question
from tests.curriculum.harness import family_tags, run_generator_checks

A_MONDAY = date(2024, 1, 1)
DAY_NAMES = [(A_MONDAY + timedelta(days=i)).strftime("%A") for i in range(7)]
MONTH_NAMES = [date(2024, m, 1).strftime("%B") for m in range(1, 13)]


def shows(q: Question, *values: object) -> None:
    for value in values:
        for text in (q.prompt.en, q.prompt.hi or ""):
            assert str(value) in text, f"{value} not shown in {text!r}"


def clock(hour: int, minute: int) -> datetime:
    return datetime(2024, 1, 1, hour % 12, minute)


def twelve_hour(moment: datetime) -> str:
    return f"{int(moment.strftime('%I'))}:{moment.strftime('%M')}"


def says_leap(q: Question, leap: bool) -> None:
    """An item that depends on February says whether the year is a leap year."""
    assert "leap year" in q.prompt.en
    assert ("not a leap year" in q.prompt.en) != leap


def oracle_calendar_days(q: Question) -> None:
    d = q.data
    names = DAY_NAMES if d["form"] == "day" else MONTH_NAMES
    if d["form"] == "day":
        start = A_MONDAY + timedelta(days=DAY_NAMES.index(d["start"]))
        expected = (start + timedelta(days=d["shift"])).strftime("%A")
    else:
        assert d["form"] == "month"
        expected = MONTH_NAMES[(names.index(d["start"]) + d["shift"]) % 12]
    assert q.answer == expected
    assert 1 <= abs(d["shift"]) <= 6
    assert d["start"] in q.prompt.en
    if abs(d["shift"]) > 1:
        shows(q, abs(d["shift"]))


def oracle_clock_hour_half(q: Question) -> None:
    d = q.data
    assert d["minute"] in (0, 30) and 1 <= d["hour"] <= 12
    moment = clock(d["hour"], d["minute"]) + timedelta(hours=d["add"])
    hour = int(moment.strftime("%I"))
    assert q.answer == (f"half past {hour}" if d["minute"] else f"{hour} o'clock")
    if q.qtype == "word_problem":
        assert str(d["hour"]) in q.prompt.en and q.picture is None
    else:  # the clock face shows the time asked about
        assert q.picture == Clock(hour=d["hour"], minute=d["minute"])


def oracle_calendar_month(q: Question) -> None:
    d = q.data
    leap = d.get("leap", False)  # dates up to the 28th need no leap year
    year = 2024 if leap else 2023
    length = calendar.monthrange(year, d["month"])[1]
    assert MONTH_NAMES[d["month"] - 1] in q.prompt.en
    if d["month"] == 2 and d["form"] != "after":
        says_leap(q, leap)
    if d["form"] == "length":
        assert q.answer == str(length)
    elif d["form"] == "after":
        assert d["day"] + d["shift"] <= min(length, 28)
        assert q.answer == str((date(year, d["month"], d["day"]) + timedelta(d["shift"])).day)
        shows(q, d["day"], d["shift"])
    else:
        assert d["form"] == "left" and 1 <= d["day"] < length
        assert q.answer == str(length - d["day"])
        shows(q, d["day"])


def oracle_clock_5min(q: Question) -> None:
    d = q.data
    if d["form"] == "read":
        assert d["minute"] % 5 == 0 and 0 < d["minute"] < 60
        assert q.answer == f"{d['hour']}:{d['minute']:02d}"
        assert q.picture == Clock(hour=d["hour"], minute=d["minute"])
        return
    start = clock(*d["start"])
    if d["form"] == "elapsed":
        end = clock(*d["end"])
        assert end > start
        assert q.answer == str((end - start).seconds // 60)
        shows(q, twelve_hour(start), twelve_hour(end))
    else:
        assert d["form"] == "end"
        end = start + timedelta(minutes=d["minutes"])
        assert end.date() == start.date() and end.hour < 12, "stays before 12"
        assert q.answer == twelve_hour(end)
        shows(q, twelve_hour(start))


def oracle_calendar_dates(q: Question) -> None:
    d = q.data
    start = date(d["year"], d["month"], d["day"])
    end = start + timedelta(days=d["shift"])
    assert end.year == start.year and end.month != start.month, "crosses a month, not a year"
    assert q.answer == f"{end.day} {MONTH_NAMES[end.month - 1]}"
    shows(q, d["year"], d["shift"])
    assert f"{d['day']} {MONTH_NAMES[d['month'] - 1]}" in q.prompt.en
    says_leap(q, calendar.isleap(d["year"]))
    if q.difficulty == 3:  # the hard items cross the end of February
        assert start.month <= 2 < end.month


def spoken(seconds: int) -> set[str]:
    """The ways a time may be written in a prompt: "75 seconds" or "1 minute 15 seconds"."""
    minutes, rest = divmod(seconds, 60)
    forms = {f"{seconds} seconds"}
    if minutes:
        unit = "minute" if minutes == 1 else "minutes"
        seconds_unit = "second" if rest == 1 else "seconds"
        forms.add(f"{minutes} {unit} {rest} {seconds_unit}" if rest else f"{minutes} {unit}")
    return forms


def oracle_time_seconds(q: Question) -> None:
    d = q.data
    form = d["form"]
    if form == "to_seconds":
        assert q.answer == str(d["minutes"] * 60 + d["seconds"])
        shows(q, d["minutes"])
    elif form == "to_minutes":
        assert d["total"] % 60 == 0 and q.answer == str(d["total"] // 60)
        shows(q, d["total"])
    elif form == "to_mixed":
        rest = d["total"] - d["minutes"] * 60
        assert 0 < rest < 60 and q.answer == str(rest)
        shows(q, d["total"], d["minutes"])
    else:
        times = d["seconds"]
        assert len(set(times)) == len(times)
        for name, t in zip(d["names"], times, strict=True):
            assert name in q.prompt.en and any(f in q.prompt.en for f in spoken(t))
        if form == "race":
            assert q.answer == str(abs(times[0] - times[1]))
        else:
            assert form == "winner" and q.answer == d["names"][times.index(min(times))]


def oracle_time_am_pm(q: Question) -> None:
    """Recomputed with datetime: "08:45 p.m." is 20:45; minutes from a morning time to an
    afternoon one."""
    d = q.data
    if d["form"] == "across_noon":
        start = datetime(2025, 1, 1) + timedelta(minutes=d["start"])
        end = datetime(2025, 1, 1) + timedelta(minutes=d["end"])
        assert start.hour < 12 <= end.hour, "from the morning to the afternoon"
        assert q.answer == str((end - start).seconds // 60)
        for moment in (start, end):
            shown = moment.strftime("%I:%M ") + ("a.m." if moment.hour < 12 else "p.m.")
            assert shown in q.prompt.en, shown
        return
    moment = datetime(2025, 1, 1, d["hour"], d["minute"])
    twelve = moment.strftime("%I:%M ") + ("a.m." if moment.hour < 12 else "p.m.")
    twenty_four = moment.strftime("%H:%M")
    if d["form"] == "to_24":
        assert q.answer == twenty_four and q.prompt.en.startswith(twelve)
    else:
        assert d["form"] == "to_12" and q.answer == twelve
        assert q.prompt.en.startswith(f"{twenty_four} hours")


ORACLES = {
    "maths.c2.calendar_days": oracle_calendar_days,
    "maths.c3.clock_hour_half": oracle_clock_hour_half,
    "maths.c3.calendar_month": oracle_calendar_month,
    "maths.c4.clock_5min": oracle_clock_5min,
    "maths.c4.calendar_dates": oracle_calendar_dates,
    "maths.c5.time_seconds": oracle_time_seconds,
    "maths.c5.time_am_pm": oracle_time_am_pm,
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("clock")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    oracle = ORACLES[skill_tag]

    def checked(q: Question) -> None:
        assert q.prompt.en.count(BLANK) == (q.prompt.hi or "").count(BLANK) == 1
        oracle(q)

    run_generator_checks(skill_tag, checked)
