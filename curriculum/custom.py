"""A teacher's own syllabus (`syllabus_source = custom`): skills tagged `custom.cN.name`.

Teachers describe a skill on the first item that uses it (`chapter`, `skill_title`); its grade
comes from the tag. Their chapters become a "custom" subject next to the CBSE ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from curriculum.banks import BankItem
from curriculum.sourcefile import DataFileError
from curriculum.syllabus import Chapter, GradeSyllabus, Skill, SubjectSyllabus, Syllabus

CUSTOM_TAG = re.compile(r"^custom\.c(?P<grade>\d{1,2})\.[a-z0-9_]+$")


def new_custom_skills(
    items: Sequence[BankItem], syllabus: Syllabus, known: set[str], source: str
) -> list[dict[str, Any]]:
    """The custom skills the items introduce; an unknown non-custom tag is an error."""
    found: dict[str, dict[str, Any]] = {}
    for item in items:
        if item.skill in known or item.skill in found:
            continue
        match = CUSTOM_TAG.match(item.skill)
        if not match:
            try:
                syllabus.skill(item.skill)
            except LookupError:
                raise DataFileError(
                    source,
                    None,
                    "skill",
                    f"item {item.id}: no skill {item.skill!r} in the syllabus "
                    "(your own skills are tagged custom.c<class>.<name>)",
                ) from None
            continue
        found[item.skill] = {
            "skill_tag": item.skill,
            "subject": "custom",
            "grade": int(match["grade"]),
            "chapter_title": item.chapter or "My questions",
            "skill_title": item.skill_title
            or item.skill.split(".")[-1].replace("_", " ").capitalize(),
            "concept": item.hint or "",
        }
    return list(found.values())


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
