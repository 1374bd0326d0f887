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
)

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


def _name(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("must not be empty")
    if len(value) > 120:
        raise ValueError("must be at most 120 characters")
    return value


def _grade(value: Any) -> Any:
    """Accept 3, "3", "Class 3", "Grade III"; anything else fails with a clear message."""
    if isinstance(value, bool):
        raise ValueError("must be a whole number from 1 to 12")
    if isinstance(value, str):
        text = value.strip().upper()
        for prefix in ("CLASS", "GRADE", "STD.", "STD"):
            text = text.removeprefix(prefix).strip()
        value = ROMAN_GRADES.get(text, text)
        if isinstance(value, str) and not value.isdigit():
            raise ValueError(f"must be a whole number from 1 to 12, not {text!r}")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("must be a whole number from 1 to 12")
    number = int(value)
    if not 1 <= number <= 12:
        raise ValueError(f"must be a whole number from 1 to 12, not {number}")
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
    roll_number: str | None = Field(default=None, max_length=20)
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
    roll_number: str | None = Field(default=None, max_length=20)
    left_at: str | None = None


class UserProfile(Record):
    role: Role
    active_role: Role
    display_name: str | None = Field(default=None, max_length=120)
    school_name: str | None = Field(default=None, max_length=200)
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
    guardian_contact: str | None = Field(default=None, max_length=200)
    relation: Name
    purpose: str = "practice worksheets and progress tracking"
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


def invalid_input(error: ValidationError) -> InvalidInput:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or None
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "value_error" and field:
        text = f"{field} {message}"
    elif field:
        text = f"{field}: {message}"
    else:
        text = message
    return InvalidInput(text, field=field)
