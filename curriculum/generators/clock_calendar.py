"""Clock family, Classes 2-4: days of the week, months, days in a month and dates."""

from __future__ import annotations

from random import Random

from curriculum.generators.clock_common import pronoun, q, same
from curriculum.generators.common import BLANK, person, sample
from curriculum.generators.registry import register
from curriculum.question import Question, QuestionType, Text

Wrong = list[tuple[str, str]]
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAYS_HI = ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार")
MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
MONTHS += ("August", "September", "October", "November", "December")
MONTHS_HI: tuple[str, ...] = ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर")
MONTHS_HI += ("अक्तूबर", "नवंबर", "दिसंबर")
NAMES_HI = dict(zip(DAYS + MONTHS, DAYS_HI + MONTHS_HI, strict=True))
NOT_LEAP = ("In a year that is not a leap year, ", "जो वर्ष लीप वर्ष नहीं है, उसमें ")
LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: 29 in a leap year


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(month: int, leap: bool) -> int:
    """Days in `month` (1-12)."""
    return 29 if month == 2 and leap else LENGTHS[month - 1]


def _leap_words(year: int) -> Text:
    if is_leap(year):
        return Text(en=f"{year} (a leap year)", hi=f"{year} (लीप वर्ष)")
    return Text(en=f"{year} (not a leap year)", hi=f"{year} (लीप वर्ष नहीं)")


# --- Class 2: Which Season is it? (days of the week, months in order) --------------------------


def _names_shift(rng: Random, d: int) -> tuple[str, int, int]:
    """Days (1, 3) or months (2) and how far to move: one step at 1-2, two to six at 3."""
    kind = "month" if d == 2 else "day"
    size = 12 if kind == "month" else 7
    step = rng.randint(2, 6) if d == 3 else 1
    return kind, rng.randrange(size), step * rng.choice((1, -1))


def _order_question(
    tag: str, d: int, kind: str, start: int, shift: int, qtype: QuestionType, prompt: Text
) -> Question:
    names, names_hi = (MONTHS, MONTHS_HI) if kind == "month" else (DAYS, DAYS_HI)
    size = len(names)
    end = (start + shift) % size
    wrong = [(names[(start - shift) % size], "operation_swap")]
    step = 1 if shift > 0 else -1
    wrong.append((names[(end + step) % size], "calendar_count"))
    if abs(shift) > 1:  # one day too few (counted today); for one step that is today itself
        wrong.append((names[(end - step) % size], "calendar_count"))
    answer = names[end]
    accepted = (names_hi[end], answer.lower(), answer[:3])
    data = {"form": kind, "start": names[start], "shift": shift}
    moves = " → ".join(names[(start + i * step) % size] for i in range(abs(shift) + 1))
    moves_hi = " → ".join(names_hi[(start + i * step) % size] for i in range(abs(shift) + 1))
    work = Text(en=moves, hi=moves_hi)
    kw = {"wrong": wrong, "accepted": accepted, "qtype": qtype, "hindi": NAMES_HI}
    return q(tag, d, prompt, answer, work, data, **kw)


def calendar_days_word(rng: Random, difficulty: int) -> Question:
    """A birthday and a school picnic some days before or after it."""
    p = person(rng)
    kind, start, shift = _names_shift(rng, 3 if difficulty == 3 else 1)
    n, day, day_hi = abs(shift), DAYS[start], DAYS_HI[start]
    after, after_hi = ("after", "बाद") if shift > 0 else ("before", "पहले")
    days_en, days_hi = ("day", "दिन") if n == 1 else ("days", "दिन")
    prompt = Text(
        en=f"{p.en}'s birthday is on {day}. The school picnic is {n} {days_en} {after} the "
        f"birthday. The picnic is on {BLANK}.",
        hi=f"{p.hi} का जन्मदिन {day_hi} को है। स्कूल की पिकनिक जन्मदिन से {n} {days_hi} {after_hi} "
        f"है। पिकनिक {BLANK} को है।",
    )
    return _order_question(
        "maths.c2.calendar_days", difficulty, kind, start, shift, "word_problem", prompt
    )


@register("maths.c2.calendar_days", family="clock", word_problem=calendar_days_word)
def calendar_days(rng: Random, difficulty: int) -> Question:
    """The day before or after (1), the month before or after (2), n days later or earlier (3)."""
    kind, start, shift = _names_shift(rng, difficulty)
    names, names_hi = (MONTHS, MONTHS_HI) if kind == "month" else (DAYS, DAYS_HI)
    if difficulty < 3:
        word, word_hi = ("after", "बाद") if shift > 0 else ("before", "पहले")
        what, what_hi = ("month", "महीना") if kind == "month" else ("day", "दिन")
        prompt = Text(
            en=f"The {what} just {word} {names[start]} is {BLANK}.",
            hi=f"{names_hi[start]} से ठीक {word_hi} वाला {what_hi} {BLANK} है।",
        )
    elif shift > 0:
        prompt = Text(
            en=f"Today is {names[start]}. {shift} days from today, it will be {BLANK}.",
            hi=f"आज {names_hi[start]} है। आज से {shift} दिन बाद {BLANK} होगा।",
        )
    else:
        prompt = Text(
            en=f"Today is {names[start]}. {-shift} days ago, it was {BLANK}.",
            hi=f"आज {names_hi[start]} है। आज से {-shift} दिन पहले {BLANK} था।",
        )
    return _order_question(
        "maths.c2.calendar_days", difficulty, kind, start, shift, "fill_blank", prompt
    )


# --- Class 3: days in a month and dates within it ----------------------------------------------


def _month_days(rng: Random, tag: str) -> Question:
    """How many days a month has; February says whether the year is a leap year."""
    month, leap = rng.randint(1, 12), rng.random() < 0.5
    days = month_length(month, leap)
    if month == 2:
        prompt = Text(
            en=f"In {'a leap year' if leap else 'a year that is not a leap year'}, February has "
            f"{BLANK} days.",
            hi=f"{'लीप वर्ष' if leap else 'जो वर्ष लीप वर्ष नहीं है, उस वर्ष'} में फ़रवरी में "
            f"{BLANK} दिन होते हैं।",
        )
        wrong = [(str(57 - days), "calendar_count"), ("30", "calendar_count")]
    else:
        name, name_hi = MONTHS[month - 1], MONTHS_HI[month - 1]
        prompt = Text(en=f"{name} has {BLANK} days.", hi=f"{name_hi} में {BLANK} दिन होते हैं।")
        wrong = [(str(61 - days), "calendar_count"), ("28", "calendar_count")]
    work = Text(
        en="30 days: April, June, September, November. February: 28, or 29 in a leap year. "
        "The rest: 31.",
        hi="30 दिन: अप्रैल, जून, सितंबर, नवंबर। फ़रवरी: 28, लीप वर्ष में 29। बाकी: 31।",
    )
    data = {"form": "length", "month": month, "leap": leap and month == 2}
    accepted = (f"{days} days", f"{days} दिन")
    return q(tag, 1, prompt, str(days), work, data, wrong=wrong, accepted=accepted, unit="days")


def _days(n: int) -> tuple[str, str]:
    return f"{n} days", f"{n} दिन"


def _later_in_month(rng: Random, tag: str) -> Question:
    """The date some days later, still in the same month (at most the 28th: any year)."""
    month = rng.randint(1, 12)
    name, name_hi = MONTHS[month - 1], MONTHS_HI[month - 1]
    day, shift = sample(rng, lambda r: (r.randint(1, 26), r.randint(2, 12)), lambda v: sum(v) <= 28)
    answer = day + shift
    prompt = Text(
        en=f"Today is {day} {name}. {shift} days later, the date will be {BLANK} {name}.",
        hi=f"आज {day} {name_hi} है। {shift} दिन बाद तारीख़ {BLANK} {name_hi} होगी।",
    )
    wrong = [(str(answer - 1), "calendar_count"), (str(answer + 1), "calendar_count")]
    data = {"form": "after", "month": month, "day": day, "shift": shift}
    accepted = (f"{answer} {name}", f"{answer} {name_hi}")
    work = same(f"{day} + {shift} = {answer}")
    return q(tag, 2, prompt, str(answer), work, data, wrong=wrong, accepted=accepted)


def _days_left(rng: Random, tag: str) -> Question:
    """How many days of the month are left after a date."""
    month, leap = rng.randint(1, 12), rng.random() < 0.5
    length = month_length(month, leap)
    name, name_hi = MONTHS[month - 1], MONTHS_HI[month - 1]
    day = rng.randint(1, length - 1)
    lead, lead_hi = "", ""
    if month == 2:  # February's length depends on the year, so the item says which kind
        lead, lead_hi = ("In a leap year, ", "लीप वर्ष में ") if leap else NOT_LEAP
    prompt = Text(
        en=f"{lead}{'a' if lead else 'A'}fter {day} {name}, {BLANK} more days are left in {name}.",
        hi=f"{lead_hi}{day} {name_hi} के बाद {name_hi} में {BLANK} दिन और बचे हैं।",
    )
    answer, other = length - day, (57 if month == 2 else 61) - length  # the other month length
    wrong = [(str(answer + 1), "calendar_count"), (str(other - day), "calendar_count")]
    data = {"form": "left", "month": month, "day": day, "leap": leap and month == 2}
    work = same(f"{length} - {day} = {answer}")
    return q(
        tag, 3, prompt, str(answer), work, data, wrong=wrong, accepted=_days(answer), unit="days"
    )


@register("maths.c3.calendar_month", family="clock")
def calendar_month(rng: Random, difficulty: int) -> Question:
    """Days in a month (1), the date n days later (2), days left in the month (3)."""
    make = (_month_days, _later_in_month, _days_left)[difficulty - 1]
    return make(rng, "maths.c3.calendar_month")


# --- Class 4: Ticking Clocks and Turning Calendar (dates) -------------------------------------


def _shift_date(month: int, day: int, shift: int, lengths: list[int]) -> tuple[int, int]:
    """(month, day) `shift` days on, with `lengths` the days of each month (month 13: next year)."""
    day += shift
    while month <= 12 and day > lengths[month - 1]:
        day -= lengths[month - 1]
        month += 1
    return month, day


def _say_date(month: int, day: int) -> str:
    return f"{day} {MONTHS[month - 1]}"


def date_hi(date: str) -> str | None:
    """ "3 March" -> "3 मार्च"."""
    day, _, month = date.partition(" ")
    return f"{day} {NAMES_HI[month]}" if month in NAMES_HI else None


def _start_date(rng: Random, d: int, year: int) -> tuple[int, int, int]:
    """Level 1: a few days across a month end; 2: 10-45 days; 3: across the end of February."""
    lengths = [month_length(m, is_leap(year)) for m in range(1, 13)]

    def draw(r: Random) -> tuple[int, int, int]:
        if d == 3:
            return r.randint(1, 2), r.randint(1, 31), r.randint(5, 40)
        month = r.randint(1, 11)
        if d == 1:
            return month, lengths[month - 1] - r.randint(0, 6), r.randint(3, 10)
        return month, r.randint(1, lengths[month - 1]), r.randint(10, 45)

    def fits(v: tuple[int, int, int]) -> bool:
        month, day, shift = v
        if day > lengths[month - 1]:
            return False
        end_month, _ = _shift_date(month, day, shift, lengths)
        return end_month != month and end_month <= 12 and (d != 3 or end_month >= 3)

    start: tuple[int, int, int] = sample(rng, draw, fits)
    return start


def _date_slips(month: int, day: int, shift: int, leap: bool) -> Wrong:
    """Dates a child reaches by counting with the wrong month lengths, or counting today."""
    wrong: Wrong = []
    for lengths in (
        [31] * 12,  # every month taken to have 31 days
        [30] * 12,
        [month_length(m, not leap) for m in range(1, 13)],  # leap year mixed up
    ):
        m, dd = _shift_date(month, day, shift, lengths)
        if m <= 12:
            wrong.append((_say_date(m, dd), "calendar_count"))
    m, dd = _shift_date(month, day, shift - 1, [month_length(m, leap) for m in range(1, 13)])
    return [*wrong, (_say_date(m, dd), "calendar_count")]


def _date_forms(year: int, month: int, day: int) -> list[str]:
    """3 May as children write it: 3 May 2024, May 3, 3 मई, 3/5, 3/5/2024, 03/05/2024."""
    name, name_hi = MONTHS[month - 1], MONTHS_HI[month - 1]
    forms = [f"{day} {name} {year}", f"{name} {day}", f"{day} {name_hi}", f"{day} {name_hi} {year}"]
    return [*forms, f"{day}/{month}", f"{day}/{month}/{year}", f"{day:02d}/{month:02d}/{year}"]


def _date_prompt(rng: Random, qtype: QuestionType, year: int, start: Text, shift: int) -> Text:
    said = _leap_words(year)
    if qtype != "word_problem":
        return Text(
            en=f"The year is {said.en}. The date {shift} days after {start.en} is {BLANK}.",
            hi=f"वर्ष {said.hi} है। {start.hi} से {shift} दिन बाद की तारीख़ {BLANK} है।",
        )
    p = person(rng)
    return Text(
        en=f"{p.en} borrows a book from the school library on {start.en} {said.en}. It must be "
        f"returned {shift} days later, on {BLANK}.",
        hi=f"{p.hi} {start.hi} {said.hi} को स्कूल के पुस्तकालय से एक किताब ले{pronoun(p)[1]} है। "
        f"किताब {shift} दिन बाद, {BLANK} को लौटानी है।",
    )


def _date_after(rng: Random, tag: str, d: int, qtype: QuestionType = "fill_blank") -> Question:
    """The date some days after a given date, across the end of one month or more."""
    year = rng.choice((2024, 2028)) if d == 3 and rng.random() < 0.5 else rng.randint(2023, 2030)
    month, day, shift = _start_date(rng, d, year)
    leap = is_leap(year)
    end_month, end_day = _shift_date(
        month, day, shift, [month_length(m, leap) for m in range(1, 13)]
    )
    start = Text(en=_say_date(month, day), hi=f"{day} {MONTHS_HI[month - 1]}")
    prompt = _date_prompt(rng, qtype, year, start, shift)
    answer, left = _say_date(end_month, end_day), month_length(month, leap) - day
    work = Text(
        en=f"From {start.en}: {_say_days(left)} to the end of {MONTHS[month - 1]}, then "
        f"{_say_days(shift - left)} more: {answer}.",
        hi=f"{start.hi} से {MONTHS_HI[month - 1]} के अंत तक {left} दिन, फिर {shift - left} दिन और: "
        f"{end_day} {MONTHS_HI[end_month - 1]}।",
    )
    data = {"form": "after", "year": year, "month": month, "day": day, "shift": shift}
    wrong, accepted = _date_slips(month, day, shift, leap), _date_forms(year, end_month, end_day)
    kw = {"wrong": wrong, "accepted": accepted, "qtype": qtype, "hindi": date_hi}
    return q(tag, d, prompt, answer, work, data, **kw)


def calendar_dates_word(rng: Random, difficulty: int) -> Question:
    return _date_after(rng, "maths.c4.calendar_dates", difficulty, "word_problem")


@register("maths.c4.calendar_dates", family="clock", word_problem=calendar_dates_word)
def calendar_dates(rng: Random, difficulty: int) -> Question:
    """The date n days later: just past a month end (1), 10-45 days (2), past February (3)."""
    return _date_after(rng, "maths.c4.calendar_dates", difficulty)


def _say_days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
