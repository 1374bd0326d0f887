"""Clock family, Class 5 (Racing Seconds): a.m. and p.m., 24-hour times, and time across noon.

Times are written as NCERT's Maths Mela 5 writes them: "08:45 p.m." and "20:45 hours". In
Hindi, a.m. is पूर्वाह्न and p.m. अपराह्न.
"""

from __future__ import annotations

from random import Random

from curriculum.generators.clock_common import q
from curriculum.generators.common import BLANK, person, sample
from curriculum.generators.registry import register
from curriculum.question import Question, Text

TAG = "maths.c5.time_am_pm"


def twelve_hour(hour24: int, minute: int) -> tuple[str, str]:
    """(English, Hindi): 20:45 -> "08:45 p.m.", "08:45 अपराह्न"; 00:30 -> "12:30 a.m."."""
    half, hi_half = ("a.m.", "पूर्वाह्न") if hour24 < 12 else ("p.m.", "अपराह्न")
    hour = hour24 % 12 or 12
    return f"{hour:02d}:{minute:02d} {half}", f"{hour:02d}:{minute:02d} {hi_half}"


def day_hours(hour24: int, minute: int) -> str:
    """20:45 -> "20:45"."""
    return f"{hour24:02d}:{minute:02d}"


def _to_24(rng: Random) -> Question:
    """'08:45 p.m. = ____ hours'."""
    hour24, minute = rng.randrange(24), 5 * rng.randrange(12)
    said, said_hi = twelve_hour(hour24, minute)
    answer = day_hours(hour24, minute)
    prompt = Text(en=f"{said} = {BLANK} hours", hi=f"{said_hi} = {BLANK} बजे")
    plain = f"{hour24 % 12 or 12:02d}:{minute:02d}"
    wrong = [(plain, "misread_clock")] if plain != answer else []
    wrong.append((day_hours((hour24 + 12) % 24, minute), "misread_clock"))
    wrong.append((day_hours(hour24 % 12 + 10, minute), "unit_conversion"))  # added 10, not 12
    work = _work(hour24, minute)
    accepted = [answer.replace(":", "."), f"{hour24}:{minute:02d}", f"{answer} hours"]
    data = {"form": "to_24", "hour": hour24, "minute": minute}
    return q(TAG, 1, prompt, answer, work, data, wrong=wrong, accepted=accepted)


def _to_12(rng: Random) -> Question:
    """'20:45 hours = ____' (a.m. or p.m.)."""
    hour24, minute = rng.randrange(24), 5 * rng.randrange(12)
    answer, answer_hi = twelve_hour(hour24, minute)
    shown = day_hours(hour24, minute)
    prompt = Text(en=f"{shown} hours = {BLANK}", hi=f"{shown} बजे = {BLANK}")
    other, _ = twelve_hour((hour24 + 12) % 24, minute)
    wrong = [(other, "misread_clock")]
    if hour24 > 12:
        wrong.append((f"{hour24:02d}:{minute:02d} p.m.", "unit_conversion"))
    short = answer.lstrip("0")
    accepted = [answer_hi, short, short.replace(".", ""), answer.replace(".", "")]
    accepted += [short.replace(":", "."), answer.replace(":", ".")]
    data = {"form": "to_12", "hour": hour24, "minute": minute}
    kw = {"wrong": wrong, "accepted": accepted, "hindi": in_hindi}
    return q(TAG, 2, prompt, answer, _work(hour24, minute), data, **kw)


def in_hindi(time: str) -> str:
    """ "08:45 p.m." -> "08:45 अपराह्न": a Hindi sheet's options and key."""
    return time.replace("a.m.", "पूर्वाह्न").replace("p.m.", "अपराह्न")


def _work(hour24: int, minute: int) -> Text:
    if hour24 < 12:
        en = "Before noon the hours stay the same: a.m."
        hi = "दोपहर 12 बजे से पहले घंटे वही रहते हैं: पूर्वाह्न।"
        if hour24 == 0:
            en, hi = (
                "Midnight to 1 a.m. is 00 hours: 12 a.m.",
                "आधी रात से 1 बजे तक 00 बजे: 12 पूर्वाह्न।",
            )
    elif hour24 == 12:
        en, hi = "12 noon to 1 p.m. is 12 hours: p.m.", "दोपहर 12 से 1 बजे तक 12 बजे: अपराह्न।"
    else:
        en = f"After noon, add 12 to the hour: {hour24 - 12} + 12 = {hour24}; p.m."
        hi = f"दोपहर के बाद घंटे में 12 जोड़ो: {hour24 - 12} + 12 = {hour24}; अपराह्न।"
    return Text(en=f"{en} ({day_hours(hour24, minute)})", hi=f"{hi} ({day_hours(hour24, minute)})")


def _across_noon(rng: Random) -> Question:
    """'A bus leaves at 10:45 a.m. and arrives at 01:15 p.m. The journey takes ____ minutes.'"""
    start, length = sample(
        rng,
        lambda r: (5 * r.randrange(8 * 12, 12 * 12), 5 * r.randint(8, 48)),  # 40 min to 4 h
        lambda v: v[0] < 12 * 60 < v[0] + v[1],  # leaves in the morning, arrives after noon
    )
    end = start + length
    (leaves, leaves_hi), (arrives, arrives_hi) = (
        twelve_hour(*divmod(start, 60)),
        twelve_hour(*divmod(end, 60)),
    )
    who = person(rng)
    prompt = Text(
        en=f"{who.en}'s bus leaves at {leaves} and arrives at {arrives} The journey takes "
        f"{BLANK} minutes.",  # "p.m." ends the sentence with its own full stop
        hi=f"{who.hi} की बस {leaves_hi} चलती है और {arrives_hi} पहुँचती है। यात्रा में {BLANK} "
        "मिनट लगते हैं।",
    )
    hours, minutes = divmod(length, 60)
    work = Text(
        en=f"From {leaves} to {arrives} is {hours} h {minutes} min = {length} minutes.",
        hi=f"{leaves_hi} से {arrives_hi} तक {hours} घंटे {minutes} मिनट = {length} मिनट।",
    )
    wrong = [(str(length + 60), "misread_clock"), (str(length - 60), "misread_clock")]
    wrong.append((str(hours * 100 + minutes), "unit_conversion"))  # 2 h 30 min read as 230
    accepted = [f"{length} minutes", f"{length} मिनट"]
    data = {"form": "across_noon", "start": start, "end": end}
    return q(
        TAG, 3, prompt, str(length), work, data, wrong=wrong, accepted=accepted, unit="minutes"
    )


@register(TAG, family="clock")
def time_am_pm(rng: Random, difficulty: int) -> Question:
    """a.m./p.m. to 24-hour (1), 24-hour to a.m./p.m. (2), minutes from morning to afternoon
    (3)."""
    return (_to_24, _to_12, _across_noon)[difficulty - 1](rng)
