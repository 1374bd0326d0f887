"""Shared pieces of the clock and calendar generators: asking a question and its key."""

from __future__ import annotations

from typing import Any

from curriculum.generators.common import FILL, SOLVE, Person, fill_blank
from curriculum.question import Question, QuestionType, Text


def _key(tag: str, data: dict[str, Any]) -> str:
    return tag + ":" + "|".join(f"{k}={data[k]}" for k in sorted(data))


def q(
    tag: str, d: int, prompt: Text, answer: str, work: Text, data: dict[str, Any], **kw: Any
) -> Question:
    """A question whose answer is `answer`; `kw` adds wrong, accepted, unit, qtype."""
    qtype: QuestionType = kw.pop("qtype", "fill_blank")
    return fill_blank(
        tag,
        instruction=SOLVE if qtype == "word_problem" else FILL,
        prompt=prompt,
        answer=answer,
        solution=work,
        difficulty=d,
        key=_key(tag, data),
        data=data,
        qtype=qtype,
        **kw,
    )


def same(text: str) -> Text:
    return Text(en=text, hi=text)


def pronoun(p: Person) -> tuple[str, str]:
    """English pronoun and the Hindi verb ending (-ता/-ती) that agree with the person."""
    return ("She", "ती") if p.female else ("He", "ता")
