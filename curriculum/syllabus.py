"""The syllabus: board → grade → subject → chapter → skills, loaded from resources/syllabus/.

Each skill has a stable `skill_tag` (e.g. `maths.c3.add_3digit_regroup`) that generators, item
banks, attempts and mastery all key on. Chapters carry how well their details were confirmed
against the NCERT books, because part of the bundled data comes from a research draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from curriculum.sourcefile import DataFileError, load_json, validation_error

SubjectName = Literal["maths", "english", "evs", "custom"]
Confirmation = Literal["title_and_skills", "title", "none", "own"]
_TAG = re.compile(r"^(?P<subject>[a-z]+)\.c(?P<grade>\d{1,2})\.[a-z0-9_]+$")
# Limits of what a syllabus shows, shared with the teacher's own skills (curriculum.custom) so
# that anything imported and stored can always be read back into the syllabus.
TITLE_MAX = 120
CONCEPT_MAX = 600  # the "Remember" note printed on the worksheet


class Skill(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    tag: str = Field(pattern=_TAG.pattern)
    title: str = Field(min_length=1, max_length=TITLE_MAX)
    title_hi: str | None = None
    concept: str = Field(min_length=1, max_length=CONCEPT_MAX)  # the "Remember" note
    concept_hi: str | None = None


class Chapter(BaseModel):
    """A chapter of the book. `confirmation`: what was seen in sources (title_and_skills,
    title, none), or `own` for units PracticeCraft defines itself (e.g. grammar topics)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int = Field(ge=1)
    title: str = Field(min_length=1, max_length=TITLE_MAX)
    title_hi: str | None = None
    confirmation: Confirmation
    note: str | None = None
    skills: tuple[Skill, ...] = Field(min_length=1)

    @property
    def confirmation_label(self) -> str:
        return CONFIRMATION_LABELS[self.confirmation]

    @property
    def key(self) -> str:
        """Stable chapter key, e.g. `maths.c3.ch12`."""
        subject, grade = self.skills[0].tag.split(".")[:2]
        return f"{subject}.{grade}.ch{self.number}"


# How sure we are of a chapter, as a teacher reads it (the window and `syllabus list`).
CONFIRMATION_LABELS: dict[str, str] = {
    "title_and_skills": "confirmed",
    "title": "title confirmed; practice topics not yet",
    "none": "not confirmed",
    "own": "grammar practice, not a chapter of the book",
}


class GradeSyllabus(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    grade: int = Field(ge=1, le=12)
    book: str
    book_code: str | None = None
    reading_chapters: tuple[str, ...] = ()  # literature lessons of the book (English)
    chapters: tuple[Chapter, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered_in_order(self) -> GradeSyllabus:
        numbers = [c.number for c in self.chapters]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"chapters must be numbered 1, 2, 3... in order, not {numbers}")
        return self


class SubjectSyllabus(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    board: Literal["CBSE"] = "CBSE"
    subject: SubjectName
    source: str
    grades: tuple[GradeSyllabus, ...]

    @model_validator(mode="after")
    def _tags_match_subject_and_grade(self) -> SubjectSyllabus:
        seen: set[str] = set()
        for grade in self.grades:
            for chapter in grade.chapters:
                for skill in chapter.skills:
                    match = _TAG.match(skill.tag)
                    if (
                        not match
                        or match["subject"] != self.subject
                        or int(match["grade"]) != grade.grade
                    ):
                        raise ValueError(
                            f"skill {skill.tag} is not a {self.subject} Class {grade.grade} tag"
                        )
                    if skill.tag in seen:
                        raise ValueError(f"skill {skill.tag} appears twice")
                    seen.add(skill.tag)
        return self


class Syllabus:
    """All subjects, with lookups by grade, subject, chapter and skill tag."""

    def __init__(self, subjects: list[SubjectSyllabus]) -> None:
        self.subjects = subjects
        self._skills = {s.tag: (g, c, s) for g, c, s in self._walk()}

    def _walk(self) -> Iterator[tuple[GradeSyllabus, Chapter, Skill]]:
        for subject in self.subjects:
            for grade in subject.grades:
                for chapter in grade.chapters:
                    for skill in chapter.skills:
                        yield grade, chapter, skill

    def grade(self, subject: str, grade: int) -> GradeSyllabus | None:
        for entry in self.subjects:
            if entry.subject == subject:
                return next((g for g in entry.grades if g.grade == grade), None)
        return None

    def skills(self) -> list[Skill]:
        return [skill for _, _, skill in self._walk()]

    def skill(self, tag: str) -> Skill:
        try:
            return self._skills[tag][2]
        except KeyError:
            raise LookupError(f"no skill {tag!r} in the syllabus") from None

    def chapter_of(self, tag: str) -> Chapter:
        return self._skills[tag][1]

    def entries(
        self, grade: int | None = None, subject: str | None = None
    ) -> list[tuple[str, GradeSyllabus]]:
        """(subject, grade syllabus) pairs, filtered."""
        return [
            (s.subject, g)
            for s in self.subjects
            if subject is None or s.subject == subject
            for g in s.grades
            if grade is None or g.grade == grade
        ]


def load_subject(path: Path) -> SubjectSyllabus:
    """Read one syllabus file; a malformed one raises DataFileError with file, line and field."""
    document = load_json(path)
    try:
        return SubjectSyllabus.model_validate(document)
    except ValidationError as error:
        raise validation_error(path, document, error) from None


@cache
def builtin_syllabus() -> Syllabus:
    """The bundled CBSE syllabus (Maths 1–5, English 1–5, EVS 3–5)."""
    folder = resources.files("resources") / "syllabus"
    files = sorted((e for e in folder.iterdir() if e.name.endswith(".json")), key=lambda e: e.name)
    return Syllabus([load_subject(Path(str(entry))) for entry in files])


__all__ = ["Chapter", "DataFileError", "GradeSyllabus", "Skill", "SubjectSyllabus", "Syllabus"]
