"""Generators: clocks and calendars (NCERT Maths, Classes 2-5).

Clocks are described in words ("the hour hand is between 7 and 8 and the minute hand is at 4"),
never drawn. Times are on a 12-hour clock and stay before 12 unless the item is about going past
12. Calendar items always say whether the year is a leap year when February matters.

This module only gathers the family; importing it registers every generator. The code lives in:

- `clock_common`: asking a question and its key, and words that agree with a person;
- `clock_calendar`: days of the week, months, days in a month and dates (Classes 2-4);
- `clock_time`: reading a clock and the time from one time to another (Classes 3-4);
- `clock_seconds`: minutes and seconds, and race times (Class 5);
- `clock_24hour`: a.m. and p.m., 24-hour times, and time across noon (Class 5).
"""

from __future__ import annotations

from curriculum.generators.clock_24hour import time_am_pm
from curriculum.generators.clock_calendar import (
    DAYS,
    DAYS_HI,
    LENGTHS,
    MONTHS,
    MONTHS_HI,
    NOT_LEAP,
    Wrong,
    calendar_dates,
    calendar_dates_word,
    calendar_days,
    calendar_days_word,
    calendar_month,
    is_leap,
    month_length,
)
from curriculum.generators.clock_seconds import Seconds, time_seconds, time_seconds_word
from curriculum.generators.clock_time import (
    TRAINS,
    clock_5min,
    clock_5min_word,
    clock_hour_half,
    clock_hour_half_word,
)

__all__ = [
    "DAYS",
    "DAYS_HI",
    "LENGTHS",
    "MONTHS",
    "MONTHS_HI",
    "NOT_LEAP",
    "TRAINS",
    "Seconds",
    "Wrong",
    "calendar_dates",
    "calendar_dates_word",
    "calendar_days",
    "calendar_days_word",
    "calendar_month",
    "clock_5min",
    "clock_5min_word",
    "clock_hour_half",
    "clock_hour_half_word",
    "is_leap",
    "month_length",
    "time_am_pm",
    "time_seconds",
    "time_seconds_word",
]
