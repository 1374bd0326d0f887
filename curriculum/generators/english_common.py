"""Shared pieces of the English generators: the family, mistake kinds and question builders."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random
from typing import Any

from curriculum.generators.common import fill_blank
from curriculum.question import Question, Text

FAMILY = "english"
GRAMMAR, SPELLING, MISCONCEPTION = "grammar_rule", "spelling", "misconception"
Wrong = list[tuple[str, str]]


# ---------------------------------------------------------------- building questions


def _fill(
    tag: str,
    difficulty: int,
    instruction: Text,
    *,
    prompt: str,
    answer: str,
    solution: str,
    key: str,
    data: dict[str, Any],
    wrong: Sequence[tuple[str, str]] = (),
    accepted: Sequence[str] = (),
) -> Question:
    """A fill-in question with an English prompt (English prompts need no Hindi)."""
    shown = set(accepted)  # an accepted form is never listed as a mistake
    return fill_blank(
        tag,
        instruction=instruction,
        prompt=Text(en=prompt),
        answer=answer,
        solution=Text(en=solution),
        difficulty=difficulty,
        key=key,
        data=data,
        wrong=[(w, e) for w, e in wrong if w not in shown],
        accepted=accepted,
    )


def _choose(question: Question, rng: Random | None = None, options: Sequence[str] = ()) -> Question:
    """Choose the word: the options are the answer and its wrong answers (shuffled when an rng
    is given), or the fixed `options` (a / an / the read best in that order)."""
    wrong = [w.answer for w in question.wrong_answers][:3]  # four choices at most
    choices = list(options) or [question.answer, *wrong]
    if rng is not None:
        rng.shuffle(choices)
    return question.model_copy(update={"qtype": "choose_word", "options": tuple(choices)})


def _rewrite(
    tag: str,
    difficulty: int,
    instruction: Text,
    *,
    prompt: str,
    answer: str,
    solution: str,
    key: str,
    data: dict[str, Any],
    alternates: Sequence[str] = (),
    stop_optional: bool = True,
) -> Question:
    """A sentence to write out again. Also accepted: other right orders, curly quotes and
    apostrophes, and (unless the full stop is what is being taught) no final full stop."""
    accepted: list[str] = []
    for form in (answer, *alternates):
        form = " ".join(form.split())
        accepted += [form, _curly(form)]
        if stop_optional and form.endswith("."):
            accepted += [form[:-1], _curly(form[:-1])]
    return fill_blank(
        tag,
        instruction=instruction,
        prompt=Text(en=prompt),
        answer=answer,
        solution=Text(en=solution),
        difficulty=difficulty,
        key=key,
        data=data,
        accepted=[a for a in dict.fromkeys(accepted) if a != answer],
        qtype="rewrite",
    )


def _curly(text: str) -> str:
    """Typographic quotes and apostrophes, as a phone keyboard or a word processor types them:
    a quote mark at the start or after a space opens (“ ‘), any other closes (” ’)."""
    out = ""
    for i, char in enumerate(text):
        opening = i == 0 or text[i - 1] == " "
        if char == '"':
            char = "“" if opening else "”"
        elif char == "'":
            char = "‘" if opening else "’"
        out += char
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
