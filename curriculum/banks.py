"""Item banks: hand-written questions for skills that are not procedural (EVS facts, some English).

File format (documented for teachers in resources/banks/README.md):

- `.jsonl`: one JSON object per line; blank lines and lines starting with `#` are skipped.
- `.csv`: a header row with the same field names; list fields (`options`, `accepted`) are
  separated by `|`.

Fields: `id` (unique), `skill` (skill tag), `type` (fill_blank, multiple_choice, true_false,
open_response, choose_word, rewrite, match), `prompt` (with `____` for a blank), `prompt_hi`,
`answer`, `accepted`, `options` (multiple choice / choose the word: must include the answer),
`pairs` (match: list of [left, right]), `hint`, `hint_hi`, `difficulty` (1-3), `error_type`
(the mistake a wrong option shows; default `misconception`), and what a Hindi sheet prints for
them: `answer_hi`, `options_hi` (in the order of `options`), `pairs_hi` ([left, right] each).
The bundled banks keep their Hindi beside them in `resources/banks/hindi/` (see bank_hindi).

All text follows `curriculum.text_policy`: questions and hints may span lines, everything else
is one line; control characters are refused with the line and field named.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from random import Random
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from curriculum.bank_hindi import bundled_glossaries, with_hindi
from curriculum.generators.common import BLANK
from curriculum.generators.variants import match_key
from curriculum.hindi import true_false_hi
from curriculum.question import MatchPair, Question, Text, WrongAnswer
from curriculum.sourcefile import DataFileError, read_text
from curriculum.syllabus import TITLE_MAX
from curriculum.text_policy import MultiLine, SingleLine
from curriculum.wording import problem

BankType = Literal[
    "fill_blank",
    "multiple_choice",
    "true_false",
    "open_response",
    "choose_word",
    "rewrite",
    "match",
]
MAX_BYTES = 10_000_000  # a bank file; thousands of questions fit in a fraction of this
TRUE_FALSE = {"true": ("True", ("T", "true", "सही")), "false": ("False", ("F", "false", "गलत"))}
INSTRUCTIONS = {
    "fill_blank": Text(en="Fill in the blank.", hi="रिक्त स्थान भरो।"),
    "multiple_choice": Text(en="Choose the correct answer.", hi="सही उत्तर चुनो।"),
    "true_false": Text(en="Write True or False.", hi="सही या गलत लिखो।"),
    "open_response": Text(en="Answer in your own words.", hi="अपने शब्दों में उत्तर दो।"),
    "choose_word": Text(en="Choose the right word.", hi="सही शब्द चुनो।"),
    "rewrite": Text(en="Rewrite the sentence correctly.", hi="वाक्य को सही करके फिर से लिखो।"),
    "match": Text(en="Match the following.", hi="मिलान करो।"),
}


class BankItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: SingleLine = Field(min_length=1, max_length=80)
    skill: str = Field(pattern=r"^[a-z]+(\.[a-z0-9_]+)+$", max_length=80)
    type: BankType
    prompt: MultiLine = Field(min_length=1, max_length=1000)
    prompt_hi: MultiLine | None = Field(default=None, max_length=1000)
    answer: MultiLine = Field(min_length=1, max_length=500)
    accepted: tuple[SingleLine, ...] = Field(default=(), max_length=20)
    options: tuple[SingleLine, ...] = Field(default=(), max_length=20)
    pairs: tuple[tuple[SingleLine, SingleLine], ...] = ()
    hint: MultiLine | None = Field(default=None, max_length=1000)
    hint_hi: MultiLine | None = Field(default=None, max_length=1000)
    answer_hi: MultiLine | None = Field(default=None, max_length=500)
    options_hi: tuple[SingleLine, ...] = Field(default=(), max_length=20)
    pairs_hi: tuple[tuple[SingleLine, SingleLine], ...] = ()
    difficulty: int = Field(default=1, ge=1, le=3)
    error_type: SingleLine = Field(default="misconception", max_length=60)
    # A teacher's own skill (tag custom.cN.name) is described on its first item:
    chapter: SingleLine | None = Field(default=None, max_length=TITLE_MAX)
    skill_title: SingleLine | None = Field(default=None, max_length=TITLE_MAX)

    @field_validator("accepted", "options", "options_hi", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split("|") if part.strip())
        return value

    @model_validator(mode="after")
    def _consistent(self) -> BankItem:
        if self.type in ("multiple_choice", "choose_word"):
            if len(self.options) < 2 or self.answer not in self.options:
                raise ValueError("options must list at least two choices, one of them the answer")
            if len(set(self.options)) != len(self.options):
                raise ValueError("options must all be different")
        if self.type == "fill_blank" and self.prompt.count(BLANK) != 1:
            raise ValueError(f"a fill_blank prompt needs exactly one blank {BLANK}")
        if self.type == "true_false" and self.answer.lower() not in TRUE_FALSE:
            raise ValueError("a true_false answer is True or False")
        if self.type == "match" and (len(self.pairs) < 2 or len(self.pairs) > 4):
            raise ValueError("a match item has 2 to 4 pairs")
        if self.options_hi and len(self.options_hi) != len(self.options):
            raise ValueError("options_hi must give the Hindi of each option, in the same order")
        if self.pairs_hi and len(self.pairs_hi) != len(self.pairs):
            raise ValueError("pairs_hi must give the Hindi of each pair, in the same order")
        return self

    def _hindi_of(self, value: str) -> str | None:
        if self.options_hi and value in self.options:
            return self.options_hi[self.options.index(value)]
        return self.answer_hi if value == self.answer else None

    def to_question(self, rng: Random) -> Question:
        order = list(range(len(self.options)))
        rng.shuffle(order)
        answer, accepted = self.answer, self.accepted
        answer_hi = self._hindi_of(self.answer)
        if self.type == "true_false":
            answer, accepted = TRUE_FALSE[self.answer.lower()]
            answer_hi = true_false_hi(answer)
        wrong = [o for o in self.options if o != self.answer]
        question = Question(
            skill_tag=self.skill,
            qtype=self.type,
            instruction=INSTRUCTIONS[self.type],
            prompt=Text(en=self.prompt, hi=self.prompt_hi),
            answer=answer,
            accepted=accepted,
            answer_hi=answer_hi,
            solution=Text(en=self.hint or f"Answer: {self.answer}", hi=self.hint_hi),
            difficulty=self.difficulty,
            wrong_answers=tuple(
                WrongAnswer(answer=w, error_type=self.error_type, hi=self._hindi_of(w))
                for w in wrong
            ),
            options=tuple(self.options[i] for i in order),
            options_hi=tuple(self.options_hi[i] for i in order) if self.options_hi else (),
            grading="teacher" if self.type == "open_response" else "auto",
            key=f"bank:{self.id}",
            data={"bank_item": self.id},
        )
        return self._as_match(question, rng) if self.type == "match" else question

    def _as_match(self, question: Question, rng: Random) -> Question:
        """The right-hand sides shuffled; the key gives each left item's letter."""
        hindi: tuple[tuple[str | None, str | None], ...] = self.pairs_hi or tuple(
            (None, None) for _ in self.pairs
        )
        order = list(range(len(self.pairs)))
        rng.shuffle(order)
        pairs = tuple(
            MatchPair(
                left=Text(en=left, hi=left_hi),
                right=self.pairs[shown][1],
                right_hi=hindi[shown][1],
            )
            for (left, _), (left_hi, _), shown in zip(self.pairs, hindi, order, strict=True)
        )
        places = [order.index(i) for i in range(len(self.pairs))]
        return question.model_copy(update={"pairs": pairs, **match_key(places)})


def load_bank(path: Path) -> list[BankItem]:
    """Read a bank file (.jsonl or .csv); a malformed item raises DataFileError with its line."""
    return [item for _line, item in read_bank(path)]


def read_bank(path: Path) -> list[tuple[int, BankItem]]:
    """Every item of a bank file with the line it starts on; DataFileError names a bad one."""
    if path.suffix.lower() == ".csv":
        rows = _csv_rows(path)
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        rows = _jsonl_rows(path)
    else:
        raise DataFileError(path, None, None, "an item bank is a .jsonl or .csv file")
    items: list[tuple[int, BankItem]] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        try:
            item = BankItem.model_validate(row)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or None
            raise DataFileError(path, line, field, problem(first)) from None
        if item.id in seen:
            raise DataFileError(
                path, line, "id", f"{item.id!r} is already used on line {seen[item.id]}"
            )
        seen[item.id] = line
        items.append((line, item))
    return items


def _jsonl_rows(path: Path) -> Iterable[tuple[int, Any]]:
    for number, text in enumerate(_bank_text(path).splitlines(), start=1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        yield number, _json_object(path, number, text)


def _json_object(path: Path, number: int, text: str) -> Any:
    try:
        row = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataFileError(path, number, None, f"not valid JSON: {error.msg}") from None
    except RecursionError:
        raise DataFileError(path, number, None, "not valid JSON: nested too deeply") from None
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        raise DataFileError(path, number, None, "a number has too many digits") from None
    if not isinstance(row, dict):
        raise DataFileError(path, number, None, "each line must be one JSON object")
    return row


def _bank_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DataFileError(path, None, None, f"cannot be read: {error.strerror}") from None
    if size > MAX_BYTES:
        raise DataFileError(path, None, None, f"is larger than {MAX_BYTES // 1_000_000} MB")
    return read_text(path)


def _csv_rows(path: Path) -> Iterable[tuple[int, Any]]:
    reader = csv.DictReader(io.StringIO(_bank_text(path), newline=""))
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise DataFileError(path, line, None, f"not valid CSV: {error}") from None
        cleaned = {k.strip(): v for k, v in row.items() if k and v is not None and v.strip() != ""}
        if cleaned:
            yield line + (1 if line == 1 else 0), cleaned


@cache
def builtin_bank() -> dict[str, tuple[BankItem, ...]]:
    """Every bundled bank item, by skill tag."""
    by_skill: dict[str, list[BankItem]] = defaultdict(list)
    folder = resources.files("resources") / "banks"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".jsonl"):
            glossaries = bundled_glossaries(entry.name.removesuffix(".jsonl"))
            for item in load_bank(Path(str(entry))):
                by_skill[item.skill].append(with_hindi(item, glossaries.get(item.id, {})))
    return {skill: tuple(items) for skill, items in by_skill.items()}
