"""The progress report's drawing pieces: a pen that fits text, table rows, and the level marks."""

from __future__ import annotations

from collections import Counter
from typing import Literal, NamedTuple

from reportlab.pdfgen.canvas import Canvas

from worksheets.render.fonts import FontSet
from worksheets.render.layout import Measure
from worksheets.render.painter import Painter

Align = Literal["left", "right", "centre"]


class Column(NamedTuple):
    label: str
    at: float  # fraction of the table width: left edge, or right edge if aligned right
    align: Align = "left"


LEVEL_ORDER = ("mastered", "improving", "learning", "unknown")
LEVEL_WORDS = {
    "mastered": "Mastered",
    "improving": "Improving",
    "learning": "Learning",
    "unknown": "Not started",
}
LEVEL_STEPS = {"mastered": 3, "improving": 2, "learning": 1, "unknown": 0}
LEVEL_FILLS = {"mastered": 0.15, "improving": 0.5, "learning": 0.8, "unknown": 1.0}

BODY, SMALL = 8.5, 7.5
HEADER_ROW = 15.0


class Pen:
    """Draws text in the right face (Latin or Devanagari), cut to a width so nothing runs off."""

    def __init__(self, canvas: Canvas, fonts: FontSet) -> None:
        self.canvas, self.fonts, self.measure = canvas, fonts, Measure(fonts)
        self.painter = Painter(canvas, fonts)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = BODY,
        *,
        bold: bool = False,
        align: Align = "left",
        width: float | None = None,
        grey: float = 0.0,
    ) -> float:
        """Draw one line; returns the width it took."""
        font = self.fonts.for_text(text).name(bold)
        if width is not None:
            text = self._fit(text, font, size, width)
        used = self.measure.width(text, font, size)
        if align == "right":
            x -= used
        elif align == "centre":
            x -= used / 2
        self.canvas.setFillGray(grey)
        self.painter.text(x, y, text, font, size)
        self.canvas.setFillGray(0)
        return used

    def size_to_fit(self, text: str, size: float, width: float, floor: float = 9) -> float:
        """The largest size up to `size` at which bold `text` fits `width` (a long name shrinks)."""
        font = self.fonts.for_text(text).bold
        while size > floor and self.measure.width(text, font, size) > width:
            size -= 0.5
        return size

    def box(
        self, x: float, y: float, w: float, h: float, fill: float, stroke: float | None = 0.6
    ) -> None:
        self.canvas.setFillGray(fill)
        self.canvas.setStrokeGray(stroke or 0)
        self.canvas.setLineWidth(0.5)
        self.canvas.rect(x, y, w, h, stroke=0 if stroke is None else 1, fill=1)
        self.canvas.setFillGray(0)

    def rule(self, x1: float, y: float, x2: float, width: float = 0.5, grey: float = 0.5) -> None:
        self.canvas.setStrokeGray(grey)
        self.canvas.setLineWidth(width)
        self.canvas.line(x1, y, x2, y)

    def _fit(self, text: str, font: str, size: float, width: float) -> str:
        if self.measure.width(text, font, size) <= width:
            return text
        while text and self.measure.width(text + "…", font, size) > width:
            text = text[:-1]
        return text.rstrip() + "…"


# --- tables ---------------------------------------------------------------------------------


def table_labels(
    pen: Pen, table: tuple[Column, ...], left: float, width: float, top: float
) -> float:
    for column in table:
        at = left + width * column.at
        pen.text(at, top - 9, column.label, 8, bold=True, align=column.align, grey=0.25)
    pen.rule(left, top - HEADER_ROW + 3, left + width, grey=0.3)
    return top - HEADER_ROW


def table_cells(
    pen: Pen, table: tuple[Column, ...], values: list[str], left: float, width: float, y: float
) -> None:
    """One table row: each value in its column, cut short before the next column begins."""
    for index, (column, value) in enumerate(zip(table, values, strict=True)):
        x = left + width * column.at
        if column.align == "right":
            pen.text(x, y, value, align="right")
            continue
        following = table[index + 1].at if index + 1 < len(table) else 1.0
        pen.text(x, y, value, width=left + width * following - x - 6)


# --- level marks ----------------------------------------------------------------------------


def level_legend(pen: Pen, right: float, y: float, steps: bool) -> None:
    """What the squares (or the greys of the chapter bars) mean, right-aligned on the title line."""
    words = [LEVEL_WORDS[level] for level in LEVEL_ORDER]
    icon = 22.0 if steps else 8.0
    font = pen.fonts.latin.regular
    x = right - sum(icon + 12 + pen.measure.width(word, font, SMALL) for word in words) + 9
    for level, word in zip(LEVEL_ORDER, words, strict=True):
        if steps:
            level_steps(pen, x, y, LEVEL_STEPS[level])
        else:
            pen.box(x, y - 0.5, icon, 6, fill=LEVEL_FILLS[level], stroke=0.3)
        x += icon + 3
        x += pen.text(x, y, word, SMALL, grey=0.25) + 9


def level_steps(pen: Pen, x: float, baseline: float, filled: int) -> None:
    """Three small squares, `filled` of them dark: reads the same in colour or grey."""
    for index in range(3):
        fill = 0.15 if index < filled else 1.0
        pen.box(x + index * 8, baseline - 0.5, 6, 6, fill=fill, stroke=0.3)


def level_bar(pen: Pen, x: float, y: float, width: float, counts: Counter[str]) -> None:
    """One bar per chapter, split into greys from mastered (dark) to not started (white)."""
    total = sum(counts[level] for level in LEVEL_ORDER) or 1
    for level in LEVEL_ORDER:
        part = width * counts[level] / total
        if part > 0:
            pen.box(x, y, part, 6, fill=LEVEL_FILLS[level], stroke=0.3)
        x += part
