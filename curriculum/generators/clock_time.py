"""Clock family, Classes 3-4: reading a clock, and the time from one time to another."""

from __future__ import annotations

from random import Random

from curriculum.generators.clock_common import pronoun, q
from curriculum.generators.common import BLANK, person, sample
from curriculum.generators.registry import register
from curriculum.pictures import Clock
from curriculum.question import Question, QuestionType, Text

READ_CLOCK = Text(en=f"The time on the clock is {BLANK}.", hi=f"घड़ी में समय {BLANK} है।")

# --- Class 3: Time Goes On (o'clock and half past) ---------------------------------------------


def _next(hour: int, step: int = 1) -> int:
    """The hour `step` hours on, on a 12-hour clock."""
    return (hour - 1 + step) % 12 + 1


def _say(hour: int, half: bool) -> str:
    return f"half past {hour}" if half else f"{hour} o'clock"


def _say_hi(hour: int, half: bool) -> str:
    """Hindi as children say it: 1:30 is डेढ़ बजे and 2:30 ढाई बजे."""
    if half:
        return {1: "डेढ़ बजे", 2: "ढाई बजे"}.get(hour, f"साढ़े {hour} बजे")
    return f"{hour} बजे"


# "half past 12" -> "साढ़े 12 बजे": the Hindi of every time these questions show (13 o'clock is
# the slip of a child who forgets that the clock starts again at 1).
HALF_HOURS_HI = {_say(h, half): _say_hi(h, half) for h in range(1, 14) for half in (False, True)}


def _hands(hour: int, half: bool) -> Text:
    if half:
        return Text(
            en=f"the hour hand is between {hour} and {_next(hour)} and the minute hand is at 6",
            hi=f"घंटे की सुई {hour} और {_next(hour)} के बीच है और मिनट की सुई 6 पर है",
        )
    return Text(
        en=f"the hour hand is at {hour} and the minute hand is at 12",
        hi=f"घंटे की सुई {hour} पर है और मिनट की सुई 12 पर है",
    )


def _half_hour_answer(hour: int, half: bool) -> tuple[str, list[str]]:
    minutes = "30" if half else "00"
    accepted = [f"{hour}:{minutes}", f"{hour}.{minutes}", _say_hi(hour, half)]
    accepted += [f"साढ़े {hour} बजे"] if half else [str(hour), f"{hour} o' clock"]
    return _say(hour, half), accepted


def _later_prompt(rng: Random, qtype: QuestionType, hour: int, half: bool) -> Text:
    if qtype == "word_problem":
        p = person(rng)
        she, ta = pronoun(p)
        return Text(
            en=f"{p.en} starts playing kho-kho at {_say(hour, half)}. {she} plays for one hour. "
            f"{she} stops at {BLANK}.",
            hi=f"{p.hi} {_say_hi(hour, half)} खो-खो खेलना शुरू कर{ta} है। वह एक घंटा खेल{ta} है। "
            f"वह {BLANK} खेलना बंद कर{ta} है।",
        )
    return Text(
        en=f"One hour after the time on the clock, the time will be {BLANK}.",
        hi=f"घड़ी में दिखाए समय के एक घंटे बाद समय {BLANK} होगा।",
    )


def _later(rng: Random, tag: str, d: int, qtype: QuestionType) -> Question:
    """One hour after a time in o'clock or half past; the word problem is a game that ends."""
    hour, half = rng.randint(1, 12), rng.random() < 0.5
    end = _next(hour)
    answer, accepted = _half_hour_answer(end, half)
    wrong = [(_say(_next(hour, -1), half), "operation_swap")]
    wrong.append((_say(_next(hour, 2), half), "off_by_one"))
    if hour == 12:  # past 12 the clock starts again at 1
        wrong.insert(0, (_say(13, half), "misread_clock"))
    prompt = _later_prompt(rng, qtype, hour, half)
    data = {"form": "later", "hour": hour, "minute": 30 if half else 0, "add": 1}
    work = Text(
        en=f"{_say(hour, half)} + 1 hour = {answer}",
        hi=f"{_say_hi(hour, half)} + 1 घंटा = {_say_hi(end, half)}",
    )
    kw = {"wrong": wrong, "accepted": accepted, "qtype": qtype, "hindi": HALF_HOURS_HI}
    question = q(tag, d, prompt, answer, work, data, **kw)
    if qtype == "word_problem":  # a story: the time is in its words
        return question
    return _with_clock(question, hour, 30 if half else 0)


def _with_clock(question: Question, hour: int, minute: int) -> Question:
    """The question with the clock face it asks about: the child reads the hands."""
    return question.model_copy(update={"picture": Clock(hour=hour, minute=minute)})


def clock_hour_half_word(rng: Random, difficulty: int) -> Question:
    return _later(rng, "maths.c3.clock_hour_half", difficulty, "word_problem")


def _read_half_hour(rng: Random, tag: str, d: int) -> Question:
    """Read o'clock (1) or half past (2) from where the hands are."""
    hour, half = rng.randint(1, 12), d == 2
    answer, accepted = _half_hour_answer(hour, half)
    if half:  # read the number the hour hand is moving to, or the minute hand as the hour
        wrong = [(_say(_next(hour), True), "misread_clock"), (_say(6, True), "misread_clock")]
        wrong.append((_say(hour, False), "misread_clock"))
    else:
        wrong = [("12 o'clock", "misread_clock"), (_say(_next(hour), False), "off_by_one")]
        wrong.append((_say(_next(hour, -1), False), "off_by_one"))
    minute = 30 if half else 0
    data = {"form": "read", "hour": hour, "minute": minute, "add": 0}
    hands = _hands(hour, half)
    work = Text(
        en=f"On the clock {hands.en}. The minute hand at 12 means o'clock; at 6 it means half "
        "past the hour.",
        hi=f"घड़ी में {hands.hi}। मिनट की सुई 12 पर हो तो पूरे घंटे होते हैं; 6 पर हो तो साढ़े।",
    )
    kw = {"wrong": wrong, "accepted": accepted, "hindi": HALF_HOURS_HI}
    question = q(tag, d, READ_CLOCK, answer, work, data, **kw)
    return _with_clock(question, hour, minute)


@register("maths.c3.clock_hour_half", family="clock", word_problem=clock_hour_half_word)
def clock_hour_half(rng: Random, difficulty: int) -> Question:
    """Read o'clock (1) and half past (2) from the hands; the time one hour later (3)."""
    if difficulty == 3:
        return _later(rng, "maths.c3.clock_hour_half", 3, "fill_blank")
    return _read_half_hour(rng, "maths.c3.clock_hour_half", difficulty)


# --- Class 4: Ticking Clocks and Turning Calendar ---------------------------------------------


def _hm(hour: int, minute: int) -> str:
    return f"{hour}:{minute:02d}"


def _span(minutes: int) -> Text:
    """95 -> "1 hour 35 minutes" / "1 घंटा 35 मिनट"."""
    hours, rest = divmod(minutes, 60)
    en = [f"{hours} hour{'s' if hours > 1 else ''}"] if hours else []
    hi = [f"{hours} {'घंटे' if hours > 1 else 'घंटा'}"] if hours else []
    if rest:
        en.append(f"{rest} minutes")
        hi.append(f"{rest} मिनट")
    return Text(en=" ".join(en), hi=" ".join(hi))


def _time_forms(hour: int, minute: int) -> list[str]:
    """7:20 as children write it: 7.20, 20 minutes past 7, 7 बजकर 20 मिनट, quarter to 8..."""
    after = _next(hour)
    forms = [f"{hour}.{minute:02d}", f"{hour} बजकर {minute} मिनट"]
    if minute <= 30:
        forms.append(f"{minute} minutes past {hour}")
    else:
        forms += [f"{60 - minute} minutes to {after}", f"{after} बजने में {60 - minute} मिनट"]
    named = {
        15: (f"quarter past {hour}", f"सवा {hour} बजे"),
        30: (f"half past {hour}", _say_hi(hour, True)),
    }
    named[45] = (f"quarter to {after}", f"पौने {after} बजे")
    return forms + list(named.get(minute, ()))


def _read_5min(rng: Random, tag: str) -> Question:
    hour, mark = rng.randint(1, 12), rng.randint(1, 11)
    minute = 5 * mark
    wrong = [(_hm(hour, mark), "misread_clock"), (_hm(mark, (hour % 12) * 5), "misread_clock")]
    wrong.append((_hm(_next(hour), minute), "misread_clock"))
    work = Text(
        en=f"The hour hand is between {hour} and {_next(hour)}; the minute hand at {mark} shows "
        f"{mark} × 5 = {minute} minutes.",
        hi=f"घंटे की सुई {hour} और {_next(hour)} के बीच है; मिनट की सुई {mark} पर है: "
        f"{mark} × 5 = {minute} मिनट।",
    )
    data = {"form": "read", "hour": hour, "minute": minute}
    answer = _hm(hour, minute)
    forms = _time_forms(hour, minute)
    question = q(tag, 1, READ_CLOCK, answer, work, data, wrong=wrong, accepted=forms)
    return _with_clock(question, hour, minute)


def _morning(rng: Random, lo: int, hi: int) -> tuple[int, int, int]:
    """A start time from 1:00 and a duration (in fives) that ends before 12:00."""
    start: tuple[int, int, int] = sample(
        rng,
        lambda r: (r.randint(1, 10), 5 * r.randint(0, 11), 5 * r.randint(lo // 5, hi // 5)),
        lambda v: v[0] * 60 + v[1] + v[2] < 12 * 60,
    )
    return start


TRAINS: tuple[tuple[str, str, str, str], ...] = (
    ("Bhopal", "भोपाल", "Itarsi", "इटारसी"),
    ("Delhi", "दिल्ली", "Mathura", "मथुरा"),
)
TRAINS += (("Chennai", "चेन्नई", "Katpadi", "काटपाडी"), ("Pune", "पुणे", "Lonavala", "लोणावला"))
TRAINS += (("Howrah", "हावड़ा", "Bardhaman", "बर्धमान"),)


def _elapsed_prompt(rng: Random, qtype: QuestionType, start: str, end: str) -> Text:
    if qtype == "word_problem":
        a, a_hi, b, b_hi = rng.choice(TRAINS)
        return Text(
            en=f"A train leaves {a} at {start} and reaches {b} at {end}. The journey takes "
            f"{BLANK} minutes.",
            hi=f"एक रेलगाड़ी {start} पर {a_hi} से चलती है और {end} पर {b_hi} पहुँचती है। यात्रा में "
            f"{BLANK} मिनट लगते हैं।",
        )
    return Text(
        en=f"A music class starts at {start} and ends at {end}. It lasts {BLANK} minutes.",
        hi=f"संगीत की कक्षा {start} पर शुरू होती है और {end} पर ख़त्म होती है। कक्षा {BLANK} मिनट चलती है।",
    )


def _elapsed(rng: Random, tag: str, d: int, qtype: QuestionType = "fill_blank") -> Question:
    """Minutes from one time to another: a class, or a train journey (the word problem)."""
    lo, hi = ((10, 55), (10, 115), (60, 170))[d - 1] if qtype == "word_problem" else (10, 115)
    hour, minute, length = _morning(rng, lo, hi)
    end_h, end_m = divmod(hour * 60 + minute + length, 60)
    start, end = _hm(hour, minute), _hm(end_h, end_m)
    prompt = _elapsed_prompt(rng, qtype, start, end)
    hundred = (end_h * 100 + end_m) - (hour * 100 + minute)  # as if an hour had 100 minutes
    wrong = [(str(hundred), "unit_conversion"), (str(length + 5), "counted_wrong")]
    wrong.append((str(length - 5), "counted_wrong"))
    span = _span(length)
    accepted = [f"{length} minutes", f"{length} मिनट", span.en, span.hi]
    data = {"form": "elapsed", "start": [hour, minute], "end": [end_h, end_m]}
    also = Text(en=f" = {span.en}", hi=f" = {span.hi}") if length >= 60 else Text(en="", hi="")
    work = Text(
        en=f"From {start} to {end}: {length} minutes{also.en}",
        hi=f"{start} से {end} तक: {length} मिनट{also.hi}",
    )
    kw = {"wrong": wrong, "accepted": accepted, "unit": "minutes", "qtype": qtype}
    return q(tag, d, prompt, str(length), work, data, **kw)


def _ends(rng: Random, tag: str) -> Question:
    """When a film that starts at 2:45 and lasts 1 hour 35 minutes ends."""
    hour, minute, length = _morning(rng, 25, 150)
    end_h, end_m = divmod(hour * 60 + minute + length, 60)
    span = _span(length)
    prompt = Text(
        en=f"A film starts at {_hm(hour, minute)} and lasts {span.en}. It ends at {BLANK}.",
        hi=f"एक फ़िल्म {_hm(hour, minute)} पर शुरू होती है और {span.hi} चलती है। फ़िल्म {BLANK} पर "
        "ख़त्म होती है।",
    )
    wrong = [(_hm(_next(end_h), end_m), "off_by_one")]
    if minute + length % 60 >= 60:  # 2:45 + 1 hour 35 minutes written as 3:80
        wrong.insert(0, (f"{hour + length // 60}:{minute + length % 60}", "forgot_to_carry"))
    back = hour * 60 + minute - length
    if back >= 60:
        wrong.append((_hm(*divmod(back, 60)), "operation_swap"))
    data = {"form": "end", "start": [hour, minute], "minutes": length}
    work = Text(
        en=f"{_hm(hour, minute)} + {length} minutes = {_hm(end_h, end_m)}",
        hi=f"{_hm(hour, minute)} + {length} मिनट = {_hm(end_h, end_m)}",
    )
    answer = _hm(end_h, end_m)
    return q(tag, 3, prompt, answer, work, data, wrong=wrong, accepted=[f"{end_h}.{end_m:02d}"])


def clock_5min_word(rng: Random, difficulty: int) -> Question:
    return _elapsed(rng, "maths.c4.clock_5min", difficulty, "word_problem")


@register("maths.c4.clock_5min", family="clock", word_problem=clock_5min_word)
def clock_5min(rng: Random, difficulty: int) -> Question:
    """Read a clock to 5 minutes (1), minutes between two times (2), when something ends (3)."""
    tag = "maths.c4.clock_5min"
    return (
        _read_5min(rng, tag)
        if difficulty == 1
        else _elapsed(rng, tag, 2)
        if difficulty == 2
        else _ends(rng, tag)
    )
