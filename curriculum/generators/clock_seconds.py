"""Clock family, Class 5: minutes and seconds, converted and compared in races."""

from __future__ import annotations

from random import Random
from typing import Any, NamedTuple

from curriculum.generators.clock_common import q, same
from curriculum.generators.common import BLANK, PEOPLE, PEOPLE_HI, sample, two_people
from curriculum.generators.registry import register
from curriculum.question import Question, Text

# --- Class 5: Racing Seconds ------------------------------------------------------------------


def _duration(seconds: int, mixed: bool) -> Text:
    """75 -> "1 minute 15 seconds" when `mixed`, else "75 seconds"."""
    minutes, rest = divmod(seconds, 60)
    if not mixed or not minutes:
        return Text(en=f"{seconds} seconds", hi=f"{seconds} सेकंड")
    seconds_en = f" {rest} second{'s' if rest > 1 else ''}" if rest else ""
    en = f"{minutes} minute{'s' if minutes > 1 else ''}{seconds_en}"
    return Text(en=en, hi=f"{minutes} मिनट" + (f" {rest} सेकंड" if rest else ""))


class Seconds(NamedTuple):
    """A minutes-and-seconds conversion before it becomes a Question."""

    prompt: Text
    answer: int
    units: tuple[str, str]
    wrong: list[tuple[int, str]]
    data: dict[str, Any]


def _to_seconds(minutes: int, rest: int) -> Seconds:
    shown, total = _duration(minutes * 60 + rest, True), minutes * 60 + rest
    prompt = Text(en=f"{shown.en} = {BLANK} seconds", hi=f"{shown.hi} = {BLANK} सेकंड")
    wrong = [(minutes * 100 + rest, "unit_conversion"), (minutes * 60, "partial_product")]
    wrong.append((minutes * 10 + rest, "unit_conversion"))
    data = {"form": "to_seconds", "minutes": minutes, "seconds": rest}
    return Seconds(prompt, total, ("seconds", "सेकंड"), wrong, data)


def _to_minutes(minutes: int) -> Seconds:
    total = minutes * 60
    prompt = Text(en=f"{total} seconds = {BLANK} minutes", hi=f"{total} सेकंड = {BLANK} मिनट")
    wrong = [(total, "wrong_unit"), (total // 100, "unit_conversion")]
    wrong.append((minutes + 1, "table_fact"))
    return Seconds(
        prompt, minutes, ("minutes", "मिनट"), wrong, {"form": "to_minutes", "total": total}
    )


def _to_mixed(minutes: int, rest: int) -> Seconds:
    total = minutes * 60 + rest
    prompt = Text(
        en=f"{total} seconds = {minutes} minute{'s' if minutes > 1 else ''} {BLANK} seconds",
        hi=f"{total} सेकंड = {minutes} मिनट {BLANK} सेकंड",
    )
    wrong = [(total, "wrong_unit"), (total - minutes * 100, "unit_conversion")]
    wrong.append((rest + 60, "remainder_ignored"))
    data = {"form": "to_mixed", "total": total, "minutes": minutes}
    return Seconds(prompt, rest, ("seconds", "सेकंड"), wrong, data)


def _convert_seconds(rng: Random, tag: str, d: int) -> Question:
    """Whole minutes to seconds and back (1); minutes and seconds to seconds and back (2)."""
    minutes = rng.randint(2, 15) if d == 1 else rng.randint(1, 9)
    rest = 0 if d == 1 else 5 * rng.randint(1, 11)
    if rng.random() < 0.5:
        item = _to_seconds(minutes, rest)
    else:
        item = _to_minutes(minutes) if d == 1 else _to_mixed(minutes, rest)
    total = minutes * 60 + rest
    sum_ = f"{minutes} × 60 + {rest} = {total}" if rest else f"{minutes} × 60 = {total}"
    work = Text(en=f"1 minute = 60 seconds; {sum_}", hi=f"1 मिनट = 60 सेकंड; {sum_}")
    (unit, unit_hi), answer = item.units, item.answer
    wrong = [(str(w), e) for w, e in item.wrong]
    accepted = [f"{answer} {unit}", f"{answer} {unit_hi}"]
    return q(
        tag, d, item.prompt, str(answer), work, item.data, wrong=wrong, accepted=accepted, unit=unit
    )


# Seconds a Class 5 child takes to run 400 m: about a minute and a half to two and a half
# (a 400 m in 57 seconds is an athlete's time, not a child's).
RUN_400M = (80, 150)


def _race(rng: Random, tag: str) -> Question:
    """The difference between two race times, one of them given in minutes and seconds."""
    a, b = two_people(rng)
    times = sample(
        rng,
        lambda r: (r.randint(RUN_400M[0], RUN_400M[1]), r.randint(RUN_400M[0], RUN_400M[1])),
        lambda v: 3 <= abs(v[0] - v[1]) <= 40,
    )
    mixed = (True, rng.random() < 0.3)
    first, second = (_duration(t, m) for t, m in zip(times, mixed, strict=True))
    prompt = Text(
        en=f"In a 400 m race, {a.en} took {first.en} and {b.en} took {second.en}. Their times "
        f"differ by {BLANK} seconds.",
        hi=f"400 मीटर की दौड़ में {a.hi} ने {first.hi} और {b.hi} ने {second.hi} लिए। दोनों के समय "
        f"में {BLANK} सेकंड का अंतर है।",
    )
    slow, fast = max(times), min(times)
    # a child who takes 1 minute as 100 seconds reads "1 minute 8 seconds" as 108
    hundred = [t // 60 * 100 + t % 60 if m else t for t, m in zip(times, mixed, strict=True)]
    wrong = [(str(abs(hundred[0] - hundred[1])), "unit_conversion")]
    wrong.append((str(slow + fast), "operation_swap"))
    data = {"form": "race", "names": [a.en, b.en], "seconds": list(times)}
    work = same(f"{slow} - {fast} = {slow - fast}")
    accepted = [f"{slow - fast} seconds", f"{slow - fast} सेकंड"]
    return q(
        tag, 3, prompt, str(slow - fast), work, data, wrong=wrong, accepted=accepted, unit="seconds"
    )


def time_seconds_word(rng: Random, difficulty: int) -> Question:
    """Sports day: three runners' times, some in minutes and seconds; who won?"""
    runners = rng.sample(PEOPLE, 3)
    gap = (12, 6, 2)[difficulty - 1]  # closer times are harder to tell apart
    times = _distinct_times(rng, gap)
    shown = [_duration(t, rng.random() < 0.6) for t in times]
    took = _join_three([f"{p.en} took {t.en}" for p, t in zip(runners, shown, strict=True)], "and")
    took_hi = _join_three([f"{p.hi} ने {t.hi}" for p, t in zip(runners, shown, strict=True)], "और")
    prompt = Text(
        en=f"On sports day, three children ran the 400 m race. {took}. {BLANK} won the race.",
        hi=f"खेल दिवस पर तीन बच्चे 400 मीटर दौड़े। {took_hi} लिए। दौड़ {BLANK} ने जीती।",
    )
    order = sorted(range(3), key=lambda i: times[i])
    winner = runners[order[0]]
    wrong = [(runners[i].en, "compared_wrong") for i in order[:0:-1]]
    data = {"form": "winner", "names": [p.en for p in runners], "seconds": times}
    secs = ", ".join(f"{p.en} {t} s" for p, t in zip(runners, times, strict=True))
    secs_hi = ", ".join(f"{p.hi} {t} सेकंड" for p, t in zip(runners, times, strict=True))
    work = Text(en=f"{secs}: the least time wins.", hi=f"{secs_hi}: सबसे कम समय वाला जीतता है।")
    return q(
        "maths.c5.time_seconds", difficulty, prompt, winner.en, work, data,
        wrong=wrong, accepted=[winner.hi], qtype="word_problem", hindi=PEOPLE_HI,
    )  # fmt: skip


def _join_three(parts: list[str], and_: str) -> str:
    return f"{parts[0]}, {parts[1]} {and_} {parts[2]}"


def _distinct_times(rng: Random, gap: int) -> list[int]:
    times: list[int] = sample(
        rng,
        lambda r: [r.randint(RUN_400M[0], RUN_400M[1]) for _ in range(3)],
        lambda v: min(abs(v[0] - v[1]), abs(v[0] - v[2]), abs(v[1] - v[2])) >= gap,
    )
    return times


@register("maths.c5.time_seconds", family="clock", word_problem=time_seconds_word)
def time_seconds(rng: Random, difficulty: int) -> Question:
    """Minutes and seconds: whole (1), mixed (2), the difference of two race times (3)."""
    if difficulty == 3:
        return _race(rng, "maths.c5.time_seconds")
    return _convert_seconds(rng, "maths.c5.time_seconds", difficulty)
