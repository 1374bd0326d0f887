"""How a sheet is printed: paper, language(s), large print, columns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from worksheets.render.layout import Paper

Language = Literal["en", "hi", "both"]


@dataclass(frozen=True)
class Options:
    paper: Paper = "A4"
    language: Language = "en"
    large_print: bool = False
    columns: int = 2

    @property
    def size(self) -> float:
        return 16.5 if self.large_print else 11.0

    @property
    def leading(self) -> float:
        return self.size * 1.38
