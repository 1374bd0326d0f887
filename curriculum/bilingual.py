"""Text in English with its Hindi version: what questions and their pictures print."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Text(BaseModel):
    """Text in English, with its Hindi version where there is one."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str
    hi: str | None = None
