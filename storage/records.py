"""Pydantic models of the records a parent or teacher keeps: the repository boundary.

Invalid input fails here, before anything is written, with a message a person can act on.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
)

from curriculum.text_policy import STORED, SingleLine, clean_text, from_store
from curriculum.wording import first_problem
from storage.errors import InvalidInput

BOARDS = ("CBSE", "ICSE", "STATE", "IB", "CAMBRIDGE")
SubjectName = Literal["maths", "english", "evs", "hindi", "science", "custom"]
SUBJECTS: tuple[str, ...] = get_args(SubjectName)
ROMAN_GRADES = {
    r: n
    for n, r in enumerate(
        ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), start=1
    )
}


GRADE_RULE = "must be a whole number from 1 to 12"
# How a teacher or parent calls each field, in messages (the schema's names are for code).
LABELS = {
    "date_of_birth": "date of birth",
    "age_band": "age band",
    "roll_number": "roll number",
    "archived_at": "archived date",
    "guardian_name": "guardian's name",
    "guardian_contact": "guardian's contact",
    "relation": "relation to the child",
    "academic_year": "academic year",
    "syllabus_source": "syllabus",
    "display_name": "your name",
    "school_name": "school or family name",
    "worksheet_language": "worksheet language",
    "paper_size": "paper size",
    "selected_topics": "topics",
}
FORMS = {"age_band": "like 7-8", "academic_year": "like 2026-27"}


def _name(value: str, info: ValidationInfo) -> str:
    if from_store(info):  # checked when it was kept; an older row must stay readable
        return value
    value = clean_text(value)
    if not value:
        raise ValueError("must not be empty")
    if len(value) > 120:
        raise ValueError("must be at most 120 characters")
    return value


def _grade(value: Any) -> Any:
    """Accept 3, "3", "Class 3", "Grade III"; anything else fails with a clear message."""
    if isinstance(value, bool):
        raise ValueError(GRADE_RULE)
    if isinstance(value, str):
        text = value.strip().upper()
        for prefix in ("CLASS", "GRADE", "STD.", "STD"):
            text = text.removeprefix(prefix).strip()
        value = ROMAN_GRADES.get(text, text)
        if isinstance(value, str) and not (value.isascii() and value.isdigit()):
            raise ValueError(f"{GRADE_RULE}, not {text!r}" if len(text) <= 20 else GRADE_RULE)
        if isinstance(value, str) and len(value.lstrip("0")) > 2:
            raise ValueError(GRADE_RULE)  # not worth echoing, and int() of 5,000 digits fails
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(GRADE_RULE)
    number = int(value)
    if not 1 <= number <= 12:
        raise ValueError(f"{GRADE_RULE}, not {number}" if abs(number) < 10**6 else GRADE_RULE)
    return number


def _board(value: Any) -> Any:
    text = str(value).strip().upper().replace(" BOARD", "")
    if text not in BOARDS:
        raise ValueError(f"must be one of {', '.join(BOARDS)}, not {value!r}")
    return text


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


Name = Annotated[str, AfterValidator(_name)]
Grade = Annotated[int, BeforeValidator(_grade)]
Board = Annotated[str, BeforeValidator(_board)]
Subject = Annotated[SubjectName, BeforeValidator(_lower)]
Role = Literal["parent", "teacher"]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str | None = None


class Child(Record):
    name: Name
    grade: Grade
    board: Board = "CBSE"
    date_of_birth: date | None = None
    age_band: str | None = Field(default=None, pattern=r"^\d{1,2}-\d{1,2}$")
    roll_number: SingleLine | None = Field(default=None, max_length=20)
    archived_at: str | None = None


class TeacherClass(Record):
    name: Name
    grade: Grade
    subject: Subject | None = None
    syllabus_source: Literal["cbse", "custom"] = "cbse"
    academic_year: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2,4})?$")
    archived_at: str | None = None


class ClassMember(Record):
    class_id: str
    child_id: str
    roll_number: SingleLine | None = Field(default=None, max_length=20)
    left_at: str | None = None


class UserProfile(Record):
    role: Role
    active_role: Role
    display_name: SingleLine | None = Field(default=None, max_length=120)
    school_name: SingleLine | None = Field(default=None, max_length=200)
    subjects: list[Subject] = Field(default_factory=list)
    grades: list[Grade] = Field(default_factory=list)
    worksheet_language: Literal["en", "hi", "both"] = "en"
    paper_size: Literal["A4", "Letter"] = "A4"


class TopicPreference(Record):
    child_id: str
    subject: Subject
    selected_topics: list[str] = Field(default_factory=list)


class GuardianConsent(Record):
    """What the guardian agreed to, and exactly which notice they were shown."""

    child_id: str
    guardian_name: Name
    guardian_contact: SingleLine | None = Field(default=None, max_length=200)
    relation: Name
    purpose: SingleLine = Field(default="practice worksheets and progress tracking", max_length=300)
    consent_given: bool = True
    notice_version: str = Field(min_length=1, max_length=40)
    notice_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    consented_at: str
    app_version: str


class Certificate(Record):
    child_id: str
    chapter_key: str = Field(min_length=1)
    chapter_title: str = Field(min_length=1, max_length=200)
    certificate_number: str = Field(min_length=4, max_length=40)
    verification_code: str = Field(min_length=6, max_length=40)
    issued_at: str


class TelemetryEvent(Record):
    event: str = Field(min_length=1, max_length=60)
    route: str | None = Field(default=None, max_length=120)
    version: str
    latency_ms: int | None = Field(default=None, ge=0)
    ok: bool = True
    occurred_at: str


def notice_sha256(text: str) -> str:
    """SHA-256 of the consent notice exactly as shown, so the record proves which text it was."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: M | dict[str, Any]) -> M:
    """`data` as a `model`, or InvalidInput with a message naming the field."""
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise invalid_input(error) from None


def from_row(model: type[M], data: dict[str, Any]) -> M:
    """A record read back from the database: kept once, so the input policy is not re-applied."""
    return model.model_validate(data, context=STORED)


def invalid_input(error: ValidationError) -> InvalidInput:
    """The first problem, in the words a teacher or parent uses (see `curriculum.wording`)."""
    field, text = first_problem(error, LABELS, FORMS)
    return InvalidInput(text, field=field)
