"""From a stored worksheet snapshot to what the renderer prints."""

from __future__ import annotations

from typing import Any

from curriculum.question import Question, Text
from worksheets.model import Worksheet
from worksheets.render.sheet import Options, SheetView


def sheet_view(worksheet: Worksheet, school_name: str = "") -> SheetView:
    """Everything printed comes from the snapshot, so a re-render is identical."""
    s = worksheet.settings
    concept = s.get("concept") or {}
    return SheetView(
        code=worksheet.code,
        title=worksheet.title,
        subject=worksheet.subject,
        grade=worksheet.grade,
        questions=tuple(Question.model_validate(q) for q in worksheet.questions),
        school_name=str(s.get("school_name") or school_name),
        child_name=_text(s.get("child_name")),
        class_name=_text(s.get("class_name")),
        roll_number=_text(s.get("roll_number")),
        date=str(s.get("date") or ""),
        version_label=worksheet.version_label,
        concept=Text(en=concept["en"], hi=concept.get("hi")) if concept.get("en") else None,
        title_hi=_text(s.get("title_hi")),
    )


def render_options(worksheet: Worksheet) -> Options:
    s = worksheet.settings
    return Options(
        paper=s.get("paper", "A4"),
        language=s.get("language", "en"),
        large_print=bool(s.get("large_print", False)),
        columns=int(s.get("columns", 2)),
    )


def _text(value: Any) -> str | None:
    return str(value) if value else None
