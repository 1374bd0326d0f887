"""A teacher's own syllabus (`syllabus_source = custom`): skills tagged `custom.cN.name`.

Teachers describe a skill on the first item that uses it (`chapter`, `skill_title`); its grade
comes from the tag. Their chapters become a "custom" subject next to the CBSE ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from curriculum.banks import BankItem
from curriculum.sourcefile import DataFileError
from curriculum.syllabus import (
    CONCEPT_MAX,
    TITLE_MAX,
    Chapter,
    GradeSyllabus,
    Skill,
    SubjectSyllabus,
    Syllabus,
)
from curriculum.wording import problem

CUSTOM_TAG = re.compile(r"^custom\.c(?P<grade>\d{1,2})\.[a-z0-9_]+$")
# Where each column of a custom skill comes from in the bank file, for messages.
SOURCE_FIELD = {"chapter_title": "chapter", "skill_title": "skill_title", "concept": "hint"}
LABELS = {"concept": "the skill's Remember note (the hint of its first question)"}


class CustomSkill(BaseModel):
    """A row of `custom_skills`, exactly as the store keeps it and the syllabus reads it back.

    Its limits are the syllabus's own (`Skill`, `Chapter`): the importer checks new skills
    with it and the store reads rows through it, so a stored skill always reads back.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    skill_tag: str = Field(pattern=CUSTOM_TAG.pattern, max_length=80)
    subject: Literal["custom"] = "custom"
    grade: int = Field(ge=1, le=12)
    chapter_title: str = Field(min_length=1, max_length=TITLE_MAX)
    skill_title: str = Field(min_length=1, max_length=TITLE_MAX)
    concept: str = Field(default="", max_length=CONCEPT_MAX)

    @model_validator(mode="after")
    def _grade_from_tag(self) -> CustomSkill:
        match = CUSTOM_TAG.match(self.skill_tag)
        if match is None or int(match["grade"]) != self.grade:
            raise ValueError(f"the class of {self.skill_tag} is not {self.grade}")
        return self


def new_custom_skills(
    items: Sequence[BankItem],
    syllabus: Syllabus,
    known: set[str],
    source: str,
    lines: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The custom skills the items introduce (each checked as the store will keep it); an
    unknown non-custom tag is an error. `lines` (item id → line) lets errors name the line."""
    found: dict[str, dict[str, Any]] = {}
    for item in items:
        if item.skill in known or item.skill in found:
            continue
        line = (lines or {}).get(item.id)
        if not item.skill.startswith("custom."):
            _require_known(item, syllabus, source, line)
            continue
        found[item.skill] = _custom_skill(item, source, line).model_dump()
    return list(found.values())


def _require_known(item: BankItem, syllabus: Syllabus, source: str, line: int | None) -> None:
    try:
        syllabus.skill(item.skill)
    except LookupError:
        raise DataFileError(
            source,
            line,
            "skill",
            f"item {item.id}: no skill {item.skill!r} in the syllabus "
            "(your own skills are tagged custom.c<class>.<name>)",
        ) from None


def _custom_skill(item: BankItem, source: str, line: int | None) -> CustomSkill:
    """The skill the item's tag introduces, described by the item, or DataFileError."""
    match = CUSTOM_TAG.match(item.skill)
    grade = int(match["grade"]) if match else 0
    if not 1 <= grade <= 12:
        raise DataFileError(
            source,
            line,
            "skill",
            f"{item.skill}: your own skills are tagged custom.c<class>.<name>, "
            "with the class from 1 to 12",
        )
    try:
        return CustomSkill(
            skill_tag=item.skill,
            grade=grade,
            chapter_title=item.chapter or "My questions",
            skill_title=item.skill_title
            or item.skill.split(".")[-1].replace("_", " ").capitalize(),
            concept=item.hint or "",
        )
    except ValidationError as error:
        first = error.errors()[0]
        column = str(first["loc"][0]) if first["loc"] else ""
        said = f"{LABELS[column]} {problem(first)}" if column in LABELS else problem(first)
        raise DataFileError(
            source, line, SOURCE_FIELD.get(column), f"{item.skill}: {said}"
        ) from None


def with_custom(syllabus: Syllabus, skills: Sequence[dict[str, Any]]) -> Syllabus:
    """The syllabus plus the teacher's own chapters as the subject "custom"."""
    if not skills:
        return syllabus
    by_grade: dict[int, dict[str, list[Skill]]] = defaultdict(lambda: defaultdict(list))
    for row in skills:
        skill = Skill(
            tag=row["skill_tag"],
            title=row["skill_title"],
            concept=row["concept"] or row["skill_title"],
        )
        by_grade[row["grade"]][row["chapter_title"]].append(skill)
    grades = tuple(
        GradeSyllabus(
            grade=grade,
            book="Your own syllabus",
            chapters=tuple(
                Chapter(number=i + 1, title=title, confirmation="own", skills=tuple(chapter_skills))
                for i, (title, chapter_skills) in enumerate(sorted(chapters.items()))
            ),
        )
        for grade, chapters in sorted(by_grade.items())
    )
    custom = SubjectSyllabus(subject="custom", source="Written by the teacher", grades=grades)
    return Syllabus([*syllabus.subjects, custom])
