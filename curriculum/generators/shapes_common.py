"""Shared helpers of the shape generators: bilingual words, tables, fill-in and pick-one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from random import Random
from typing import NamedTuple

from curriculum.generators.common import BLANK, FILL, Hindi, fill_blank
from curriculum.question import Question, Text

Wrong = list[tuple[object, str]]  # (wrong answer, error type)


class Word(NamedTuple):
    en: str
    hi: str


def table(text: str) -> list[list[str]]:
    """The rows of a `|`-separated table written in the source."""
    return [[cell.strip() for cell in line.split("|")] for line in text.strip().splitlines()]


def words(text: str) -> list[Word]:
    """ "ball=गेंद, marble=कंचा" -> [Word("ball", "गेंद"), Word("marble", "कंचा")]."""
    return [Word(*(part.strip() for part in pair.split("="))) for pair in text.split(",")]


def first_wrongs(answer: object, candidates: Iterable[tuple[object, str]], limit: int = 3) -> Wrong:
    """The first `limit` candidates that are really wrong: distinct, not the answer, not < 0."""
    seen, kept = {str(answer)}, []
    for value, error in candidates:
        text = str(value)
        if text not in seen and not text.startswith("-"):
            seen.add(text)
            kept.append((value, error))
    return kept[:limit]


def fill(
    tag: str,
    difficulty: int,
    prompt: Text,
    answer: object,
    hint: Text,
    data: dict[str, object],
    wrong: Iterable[tuple[object, str]],
    accepted: Iterable[object] = (),
    key: str | None = None,
    instruction: Text = FILL,
    hindi: Hindi | None = None,
) -> Question:
    """Fill in the blank, keeping the first three real wrong answers. Unless given, the key is
    the data: the same values make the same item. `hindi`: see `common.fill_blank`."""
    key = key or ";".join(f"{k}={v}" for k, v in sorted(data.items()))
    return fill_blank(
        tag, instruction=instruction, prompt=prompt, answer=answer, solution=hint,
        difficulty=difficulty, key=key, data=data, wrong=first_wrongs(answer, wrong),
        accepted=accepted, hindi=hindi,
    )  # fmt: skip


def pick(
    tag: str,
    rng: Random,
    difficulty: int,
    ask: Word,
    right: Word,
    others: Sequence[Word],
    kind: str,
    why: Text,
) -> Question:
    """'Which of these ...: a, b, c?' Exactly one choice fits; the others are wrong answers.
    The solution names the answer, then says `why`."""
    choices = [right, *others]
    rng.shuffle(choices)
    en, hi = ", ".join(c.en for c in choices), ", ".join(c.hi for c in choices)
    prompt = Text(en=f"{ask.en} {en}? Answer: {BLANK}", hi=f"{ask.hi} {hi}? उत्तर: {BLANK}")
    data: dict[str, object] = {"kind": kind, "choices": [c.en for c in choices]}
    # The item is the question and its answer; which wrong choices stand beside it is only
    # presentation, so "which solid has 6 faces...?" is one item however its options vary.
    key = f"{kind}:{right.en}"
    wrong: Wrong = [(o.en, "shape_property") for o in others]
    hint = Text(en=f"Answer: {right.en}. {why.en}", hi=f"उत्तर: {right.hi}। {why.hi}")
    accepted = (right.hi, right.en.capitalize())
    hindi = {c.en: c.hi for c in choices}
    return fill(tag, difficulty, prompt, right.en, hint, data, wrong, accepted, key, hindi=hindi)


def many(n: int, noun: str) -> str:
    return f"no {noun}s" if n == 0 else f"1 {noun}" if n == 1 else f"{n} {noun}s"
