"""Page layout on a plain reportlab canvas: measure, wrap, place — then draw.

Layout produces a list of pages of drawing operations before anything is drawn. That keeps the
renderer fast (no flowable machinery), lets the footer say "page 2 of 3", and lets the benchmark
replay exactly the same strings on a bare canvas to measure the floor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from worksheets.render.fonts import Face, FontSet
from worksheets.render.painter import Painter

Paper = Literal["A4", "Letter"]
PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}
MARGIN = 14 * mm


@dataclass(frozen=True)
class Text:
    font: str
    size: float
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.6
    grey: float = 0.0


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: float  # grey level of the fill, 1 = white


@dataclass(frozen=True)
class Qr:
    x: float
    y: float
    size: float
    value: str


@dataclass(frozen=True)
class Figure:
    """A picture: its lines and shapes (a reportlab Drawing, origin at x, y) and its words."""

    x: float
    y: float
    w: float
    h: float
    drawing: Drawing
    texts: tuple[Text, ...] = ()


Op = Text | Line | Box | Qr | Figure


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)


class Measure:
    """Text widths, cached per font, size and word: the same words recur on every sheet.

    A width is that of the text as drawn: each run in the font that has it, shaped where its
    face is shaped.
    """

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._cache: dict[tuple[str, float, str], float] = {}

    def width(self, text: str, font: str, size: float) -> float:
        key = (font, size, text)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self.fonts.width(text, font, size)
        return found

    def wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        """Lines of at most `width`; explicit newlines kept; an over-long word is split."""
        lines: list[str] = []
        space = self.width(" ", font, size)
        for paragraph in text.split("\n"):
            words: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                w = self.width(word, font, size)
                pieces = self._split_long(word, font, size, width) if w > width else [word]
                for piece in pieces:
                    pw = w if len(pieces) == 1 else self.width(piece, font, size)
                    if words and used + space + pw > width:
                        lines.append(" ".join(words))
                        words, used = [], 0.0
                    used += pw + (space if words else 0.0)
                    words.append(piece)
            lines.append(" ".join(words))
        return lines

    def _split_long(self, word: str, font: str, size: float, width: float) -> list[str]:
        pieces, current = [], ""
        for char in word:
            if current and self.width(current + char, font, size) > width:
                pieces.append(current)
                current = ""
            current += char
        return [*pieces, current] if current else pieces


@dataclass
class Cursor:
    """Where the next line goes: within the printable frame of the current page."""

    page: Page
    x: float
    y: float
    width: float


def draw(pages: list[Page], canvas: Canvas, fonts: FontSet) -> None:
    """Execute the operations, one canvas page per layout page."""
    painter = Painter(canvas, fonts)
    for page in pages:
        painter.new_page()
        for op in page.ops:
            if isinstance(op, Text):
                painter.text(op.x, op.y, op.text, op.font, op.size)
            elif isinstance(op, Line):
                canvas.setStrokeGray(op.grey)
                canvas.setLineWidth(op.width)
                canvas.line(op.x1, op.y1, op.x2, op.y2)
            elif isinstance(op, Box):
                canvas.setFillGray(op.fill)
                canvas.setStrokeGray(0.6)
                canvas.roundRect(op.x, op.y, op.w, op.h, 4, stroke=1, fill=1)
                canvas.setFillGray(0)
            elif isinstance(op, Figure):
                _draw_figure(canvas, painter, op)
            else:
                _draw_qr(canvas, op)
        canvas.showPage()


def _draw_figure(canvas: Canvas, painter: Painter, op: Figure) -> None:
    from worksheets.render.paths import paint

    paint(canvas, op.drawing.contents, op.x, op.y)  # within saveState/restoreState
    for text in op.texts:
        painter.text(text.x, text.y, text.text, text.font, text.size)


def _draw_qr(canvas: Canvas, op: Qr) -> None:
    """A QR code as one filled path of horizontal runs (far fewer operations than squares)."""
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(op.value)
    # A fixed mask pattern is valid QR; scoring all eight (what make() does) is the slow part.
    code.version = code.calculate_version()  # type: ignore[no-untyped-call]
    code.makeImpl(False, 2)
    modules: int = code.getModuleCount()  # type: ignore[no-untyped-call]
    cell = op.size / (modules + 2)
    path = canvas.beginPath()
    dark: list[list[bool | None]] = code.modules
    for row in range(modules):
        y = op.y + op.size - (row + 2) * cell
        line = dark[row]
        col = 0
        while col < modules:
            if not line[col]:
                col += 1
                continue
            start = col
            while col < modules and line[col]:
                col += 1
            path.rect(op.x + (start + 1) * cell, y, (col - start) * cell, cell)
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)


def face_text(face: Face, text: str, size: float, x: float, y: float, bold: bool = False) -> Text:
    """Text starting in `face`; characters it lacks are drawn in the next font that has them."""
    return Text(face.name(bold), size, x, y, text)
