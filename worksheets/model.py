"""A worksheet as stored: the full question snapshot, so it re-renders identically forever."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

WorksheetMode = Literal["chosen", "adaptive", "versions", "custom"]


class Worksheet(BaseModel):
    """One printed sheet for one child, or for a whole class. `id` is given by the store."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str | None = None
    child_id: str | None = None
    class_id: str | None = None
    code: str = Field(min_length=4, max_length=16, pattern=r"^[A-Z0-9-]+$")
    title: str = Field(min_length=1, max_length=200)
    subject: str = Field(min_length=1, max_length=40)
    grade: int = Field(ge=1, le=12)
    mode: WorksheetMode
    version_label: str | None = Field(default=None, max_length=4)
    seed: int
    generator_version: str = Field(min_length=1)
    questions: list[dict[str, Any]]
    settings: dict[str, Any] = Field(default_factory=dict)
    verification_hash: str = Field(min_length=16, max_length=128)

    @model_validator(mode="after")
    def _for_someone(self) -> Worksheet:
        if self.child_id is None and self.class_id is None:
            raise ValueError("a worksheet is made for a child or for a class")
        return self


def sheet_notes(sheets: list[Worksheet]) -> list[str]:
    """The notes of a set of sheets for the teacher, each once, in order."""
    notes = (str(note) for sheet in sheets for note in sheet.settings.get("notes", ()))
    return list(dict.fromkeys(notes))
