"""Shared pieces of the measurement generators: asking a question, its key, answers, nouns."""

from __future__ import annotations

from random import Random
from typing import Any

from curriculum.generators.common import FILL, SOLVE, fill_blank, number_forms, sample
from curriculum.question import Question, Text

COMPARE = Text(en="Write <, > or =.", hi="<, > या = लिखो।")
Names = list[tuple[str, str]]
Wrong = list[tuple[int, str]]


def nouns(text: str) -> tuple[tuple[str, str], ...]:
    """ "pencil=पेंसिल; rope=रस्सी" -> (("pencil", "पेंसिल"), ("rope", "रस्सी"))."""
    return tuple((en, hi) for en, _, hi in (item.partition("=") for item in text.split("; ")))


def item_key(tag: str, data: dict[str, Any]) -> str:
    return tag + ":" + "|".join(f"{k}={data[k]}" for k in sorted(data))


def ask(
    tag: str, d: int, prompt: Text, answer: object, solution: Text, data: dict[str, Any], **kw: Any
) -> Question:
    """Every item is made here: its key comes from `data`, and word problems say "Solve."."""
    if kw.get("qtype") == "word_problem":
        kw["instruction"] = SOLVE
    kw.setdefault("instruction", FILL)
    if "key" not in kw:
        kw["key"] = item_key(tag, data)
    return fill_blank(
        tag, prompt=prompt, answer=answer, solution=solution, difficulty=d, data=data, **kw
    )


def number(
    tag: str,
    d: int,
    prompt: Text,
    answer: int,
    work: str,
    data: dict[str, Any],
    wrong: Wrong,
    **kw: Any,
) -> Question:
    """The answer is a whole number, in `units` (symbol, Hindi word) when given."""
    unit, unit_hi = kw.pop("units", None) or (None, None)
    accepted = list(number_forms(answer))
    if unit:
        accepted += [f"{f} {unit}" for f in accepted] + [f"{answer}{unit}", f"{answer} {unit_hi}"]
    return ask(
        tag, d, prompt, answer, same(work), data, wrong=wrong, accepted=accepted, unit=unit, **kw
    )


def choose(
    tag: str, d: int, prompt: Text, solution: Text, names: Names, right: int, data: dict[str, Any]
) -> Question:
    """The answer is one of `names`; choosing another is the compared-wrong mistake."""
    en, hi = names[right]
    wrong = [(n, "compared_wrong") for i, (n, _) in enumerate(names) if i != right]
    accepted = [hi, en.capitalize()] + ([f"the {en}", f"The {en}"] if en.islower() else [])
    kw = {"wrong": wrong, "accepted": accepted, "hindi": dict(names)}
    return ask(tag, d, prompt, en, solution, data, **kw)


def distinct(rng: Random, count: int, lo: int, hi: int, gap: int = 1) -> list[int]:
    """`count` different numbers in lo..hi, any two at least `gap` apart."""
    return list(
        sample(
            rng,
            lambda r: r.sample(range(lo, hi + 1), count),
            lambda v: min(abs(a - b) for i, a in enumerate(v) for b in v[i + 1 :]) >= gap,
        )
    )


def near(answer: int, step: int, mistake: str) -> Wrong:
    """The answers one step either side, as a slip of `mistake`."""
    return [(answer + step, mistake), (answer - step, mistake)]


def same(text: str) -> Text:
    return Text(en=text, hi=text)
