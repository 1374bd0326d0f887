"""What a picture is drawn with and into: the pen (fonts, language, size), the sketch (reportlab
graphics paths and the words beside them, in a box of known size) and the board that stacks a
sketch's rows from the top down."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.graphics.shapes import Drawing, Path
from reportlab.lib.colors import Color

from curriculum.bilingual import Text as Bilingual
from worksheets.render.fonts import FontSet
from worksheets.render.layout import Measure, Text, face_text
from worksheets.render.paths import move

GRID = Color(0.55, 0.55, 0.55)


@dataclass(frozen=True)
class Pen:
    """How to draw: fonts and their widths, the language of labels, the text size (11 pt on a
    normal sheet); `scale` is the size of lines and shapes relative to a normal sheet."""

    fonts: FontSet
    measure: Measure
    language: str
    size: float
    scale: float = 1.0
    answers: bool = False  # for the key: a pattern's missing shapes are drawn in

    def label(self, text: Bilingual) -> str:
        hindi = text.hi if text.hi and text.hi != text.en else None
        if self.language == "hi" and hindi:
            return hindi
        if self.language == "both" and hindi:
            return f"{text.en} / {hindi}"
        return text.en

    def lines(self, text: Bilingual) -> list[str]:
        """A short label in the sheet's language, or English above Hindi for a bilingual
        sheet (where one line would be too wide for a step of a pattern)."""
        hindi = text.hi if text.hi and text.hi != text.en else None
        if self.language == "both" and hindi:
            return [text.en, hindi]
        return [self.label(text)]

    def width(self, text: str, size: float | None = None, bold: bool = False) -> float:
        face = self.fonts.for_text(text)
        return self.measure.width(text, face.name(bold), size or self.size)

    def text(
        self, text: str, x: float, y: float, size: float | None = None, bold: bool = False
    ) -> Text:
        """`text` with its baseline at y."""
        return face_text(self.fonts.for_text(text), text, size or self.size, x, y, bold)

    def middle(self, text: str, x: float, y: float, size: float, bold: bool = False) -> Text:
        """`text` centred on (x, y), as a number on a clock face or a coin."""
        width = self.width(text, size, bold)
        return self.text(text, x - width / 2, y - size * 0.36, size, bold)


@dataclass
class Sketch:
    """A picture laid out in its own box, (0, 0) at the bottom left: its lines and shapes as
    reportlab graphics paths, and its words."""

    width: float
    height: float
    paths: list[Path]
    texts: list[Text] = field(default_factory=list)

    @property
    def drawing(self) -> Drawing:
        return Drawing(self.width, self.height, *self.paths)


class Board:
    """Builds a sketch from the top down: each row is drawn with y measured up from its own
    bottom, then the rows are stacked."""

    def __init__(self) -> None:
        self.rows: list[tuple[float, list[Path], list[Text]]] = []  # (bottom, paths, texts)
        self.depth = 0.0  # how far down the rows reach
        self.width = 0.0

    def row(
        self, height: float, width: float, paths: Sequence[Path], texts: Sequence[Text]
    ) -> None:
        self.depth += height
        self.rows.append((self.depth, list(paths), list(texts)))
        self.width = max(self.width, width)

    def caption(self, pen: Pen, text: str) -> None:
        """A line of text across the top of what comes next (a title)."""
        size = pen.size
        self.row(size * 1.38, pen.width(text), [], [pen.text(text, 0, size * 0.4)])

    def title(self, pen: Pen, text: Bilingual, width: float) -> None:
        """A title in the sheet's language(s), English above Hindi, wrapped to `width`: a
        title one line wide would make the whole picture smaller to fit it."""
        for line in pen.lines(text):
            # measured as the sketch's frame measures words (bold, a point of room each side)
            font = pen.fonts.for_text(line).bold
            for part in pen.measure.wrap(line, font, pen.size, width - 2):
                self.caption(pen, part)

    def gap(self, height: float) -> None:
        self.depth += height

    def finish(self) -> Sketch:
        paths: list[Path] = []
        texts = []
        for bottom, row_paths, row_texts in self.rows:
            rise = self.depth - bottom
            move(row_paths, 0, rise)
            paths += row_paths
            texts += [Text(t.font, t.size, t.x, t.y + rise, t.text) for t in row_texts]
        return Sketch(self.width, self.depth, paths, texts)


def grey(level: float) -> Color:
    return Color(level, level, level)
