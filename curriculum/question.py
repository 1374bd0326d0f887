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
# How a teacher calls each type (the window's choices, notes about a sheet).
QUESTION_TYPE_NAMES: dict[QuestionType, str] = {
    "fill_blank": "Fill in the blanks",
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "match": "Match the columns",
    "word_problem": "Word problems",
    "error_identification": "Find the mistake",
    "open_response": "Answer in your own words",
    "choose_word": "Choose the right word",
    "rewrite": "Rewrite the sentence",
}


class WrongAnswer(BaseModel):
    """An answer a child is likely to give, and the mistake that produces it.

    `hi`: the same wrong answer as a Hindi sheet prints it ("मंगलवार" for "Tuesday"); None when
    the English text serves both (a number)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    answer: str
    error_type: str
    hi: str | None = None


class MatchPair(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    left: Text
    right: str
    right_hi: str | None = None  # None: `right` serves both languages


class Question(BaseModel):
    """One question, complete with its key. Frozen: a worksheet stores it as it is.

    `data` holds the values the question was made from, so the key can be checked against an
    independent computation. `key` is canonical: two questions with the same key are the same
    item (3 + 5 and 5 + 3 share one).

    Values a Hindi sheet prints differently carry their Hindi beside them: `answer_hi` (the key),
    `options_hi` (in the order of `options`), `WrongAnswer.hi`, `MatchPair.right_hi`. Where one
    is missing the English value serves both languages (numbers, sums).
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
    answer_hi: str | None = None
    options_hi: tuple[str, ...] = ()
    unit: str | None = None
    grading: Literal["auto", "teacher"] = "auto"
    key: str
    data: dict[str, Any] = Field(default_factory=dict)
    picture: Picture | None = None  # drawn beside the prompt; never needed for the key

    @property
    def accepted_answers(self) -> tuple[str, ...]:
        """Every form the key accepts, the main answer first; the Hindi key is one of them."""
        forms = (self.answer, *self.accepted, *((self.answer_hi,) if self.answer_hi else ()))
        return tuple(dict.fromkeys(forms))

    def answer_in(self, language: str) -> str:
        """The key as a sheet in `language` ("en" or "hi") prints it."""
        return self.answer_hi if language == "hi" and self.answer_hi else self.answer

    def option_in(self, index: int, language: str) -> str:
        if language == "hi" and len(self.options_hi) == len(self.options):
            return self.options_hi[index]
        return self.options[index]


def worksheet_hash(questions: Sequence[Question]) -> str:
    """The `verification_hash` of a worksheet: the same questions in the same order, same hash."""
    digest = hashlib.sha256()
    for question in questions:
        digest.update(f"{question.skill_tag}\x1f{question.qtype}\x1f{question.key}\x1e".encode())
    return digest.hexdigest()
