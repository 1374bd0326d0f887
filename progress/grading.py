"""Grading a returned worksheet: typed answers checked automatically, or a teacher's marks.

Questions are numbered from 1 as printed; an attempt's `question_id` is `q<number>`. A teacher's
mark (right / wrong / partly) may be given for any question and overrides the automatic check;
open-response questions can only be marked. Grading is idempotent: a question whose latest
grading already says the same thing gets no new attempt, so a retried click adds nothing, and a
changed mark adds one attempt that supersedes the old one (see mastery.effective).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Literal, NamedTuple

from curriculum.question import Question
from curriculum.wording import count
from progress.answers import NeedsTeacher, check_answer
from progress.attempts import AttemptResult
from progress.mastery import Attempt, effective

MARK_WORDS: dict[str, AttemptResult] = {
    **dict.fromkeys(("1", "y", "yes", "r", "right", "c", "correct", "✓", "✔"), "correct"),
    **dict.fromkeys(("0", "n", "no", "w", "wrong", "x", "incorrect", "✗", "✘"), "incorrect"),
    **dict.fromkeys(("p", "partly", "partial", "half", "0.5", "½"), "partial"),
}


class GradingError(ValueError):
    """The answers or marks do not fit the worksheet (wrong count, unknown mark, ...)."""


class GradedAnswer(NamedTuple):
    """One question's grading, before it becomes an attempt."""

    question_id: str
    skill_tag: str
    given_answer: str | None
    result: AttemptResult
    error_type: str | None
    graded_by: Literal["auto", "teacher"]


def question_id(number: int) -> str:
    return f"q{number}"


def parse_list(text: str) -> list[str]:
    """`"12; 7 ;;½"` -> ["12", "7", "", "½"]: answers or marks, one per question, `;` between."""
    return [part.strip() for part in text.split(";")]


def parse_mark(text: str, where: str) -> AttemptResult:
    """A teacher's mark: 1/0/p, right/wrong/partly, ✓/✗ ..."""
    mark = MARK_WORDS.get(text.strip().casefold())
    if mark is None:
        raise GradingError(f"{where}: {text!r} is not a mark (use 1, 0 or p)")
    return mark


def grade(
    questions: Sequence[Question],
    answers: Sequence[str] | None = None,
    marks: Mapping[int, AttemptResult] | None = None,
) -> list[GradedAnswer]:
    """Grade the questions that have an answer or a mark (numbered from 1)."""
    marks = marks or {}
    if answers is not None and len(answers) != len(questions):
        raise GradingError(
            f"the sheet has {count(len(questions), 'question', 'questions')}, "
            f"{count(len(answers), 'answer', 'answers')} given"
        )
    unknown = sorted(n for n in marks if not 1 <= n <= len(questions))
    if unknown:
        raise GradingError(f"the sheet has no question {unknown[0]} (it has {len(questions)})")
    graded = []
    for number, q in enumerate(questions, start=1):
        given = answers[number - 1] if answers is not None else None
        if number in marks:
            graded.append(_marked(number, q, given, marks[number]))
        elif given is not None:
            graded.append(_checked(number, q, given))
    return graded


def _marked(number: int, q: Question, given: str | None, mark: AttemptResult) -> GradedAnswer:
    error = None
    if mark == "incorrect" and given and q.grading == "auto":
        error = check_answer(q, given).error_type
    return GradedAnswer(question_id(number), q.skill_tag, given or None, mark, error, "teacher")


def _checked(number: int, q: Question, given: str) -> GradedAnswer:
    try:
        verdict = check_answer(q, given)
    except NeedsTeacher:
        raise GradingError(
            f"question {number} is an open response: give it a teacher's mark"
        ) from None
    return GradedAnswer(
        question_id(number), q.skill_tag, given or None, verdict.result, verdict.error_type, "auto"
    )


def changed(
    graded: Sequence[GradedAnswer], worksheet_id: str, log: Sequence[Attempt]
) -> list[GradedAnswer]:
    """Only the gradings that differ from the latest grading of the same question."""
    latest = {a.question_id: a for a in effective(log) if a.worksheet_id == worksheet_id}
    return [g for g in graded if not _same(g, latest.get(g.question_id))]


def _same(graded: GradedAnswer, held: Attempt | None) -> bool:
    if held is None:
        return False
    return (graded.result, graded.error_type) == (held.result, held.error_type) and (
        graded.given_answer is None or graded.given_answer == getattr(held, "given_answer", None)
    )


def answer_times(now: datetime, count: int) -> list[str]:
    """One timestamp per graded answer, a millisecond apart, so replay keeps the sheet's order."""
    start = now.astimezone(UTC)
    return [
        (start + timedelta(milliseconds=i))
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")
        for i in range(count)
    ]
