"""A practice question with its answer key: what generators and item banks produce."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from curriculum.bilingual import Text as Text
from curriculum.pictures import Picture

QuestionType = Literal[
    "fill_blank",
    "multiple_choice",
    "true_false",
    "match",
    "word_problem",
    "error_identification",
    "open_response",
    "choose_word",
    "rewrite",
]
QUESTION_TYPES: tuple[str, ...] = QuestionType.__args__  # type: ignore[attr-defined]


class WrongAnswer(BaseModel):
    """An answer a child is likely to give, and the mistake that produces it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    answer: str
    error_type: str


class MatchPair(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    left: Text
    right: str


class Question(BaseModel):
    """One question, complete with its key. Frozen: a worksheet stores it as it is.

    `data` holds the values the question was made from, so the key can be checked against an
    independent computation. `key` is canonical: two questions with the same key are the same
    item (3 + 5 and 5 + 3 share one).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    skill_tag: str
    qtype: QuestionType
    instruction: Text
    prompt: Text
    answer: str
    accepted: tuple[str, ...] = ()
    solution: Text
    difficulty: int = Field(ge=1, le=3)
    wrong_answers: tuple[WrongAnswer, ...] = ()
    options: tuple[str, ...] = ()
    pairs: tuple[MatchPair, ...] = ()
    unit: str | None = None
    grading: Literal["auto", "teacher"] = "auto"
    key: str
    data: dict[str, Any] = Field(default_factory=dict)
    picture: Picture | None = None  # drawn beside the prompt; never needed for the key

    @property
    def accepted_answers(self) -> tuple[str, ...]:
        """Every form the key accepts, the main answer first."""
        return (self.answer, *(a for a in self.accepted if a != self.answer))


def worksheet_hash(questions: Sequence[Question]) -> str:
    """The `verification_hash` of a worksheet: the same questions in the same order, same hash."""
    digest = hashlib.sha256()
    for question in questions:
        digest.update(f"{question.skill_tag}\x1f{question.qtype}\x1f{question.key}\x1e".encode())
    return digest.hexdigest()
