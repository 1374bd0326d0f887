"""Drawing a question's picture: from its description (`curriculum.pictures`) to a sketch — a
reportlab graphics `Drawing` for the lines and shapes, and the words and numbers that go with
it as ordinary text, so they are printed in the sheet's fonts (shaped Hindi included).

Every sketch fits the width it is given and says its own size, so the page layout can place it
like a line of text, and nothing else is printed where it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from math import floor

from reportlab.graphics.shapes import Drawing, Path
from reportlab.lib.colors import Color

from curriculum.bilingual import Text as Bilingual
from curriculum.pictures import Pictograph, Picture, Tally, TallyRow
from worksheets.render.fonts import FontSet
from worksheets.render.layout import Measure, Text, face_text
from worksheets.render.paths import Strokes, drawn, enlarge, ink_bounds, move

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


def sketch(picture: Picture, pen: Pen, width: float) -> Sketch:
    """The picture drawn to fit `width` points: at its size if it can, else made smaller
    (a wide pictograph in a narrow column), never wider."""
    done = _framed(_sketch(picture, pen, width), pen)
    return done if done.width <= width else scaled(done, width / done.width)


def _sketch(picture: Picture, pen: Pen, width: float) -> Sketch:
    from worksheets.render import figure_measures, figure_shapes

    if isinstance(picture, Tally):
        return tally(picture, pen, width)
    if isinstance(picture, Pictograph):
        return pictograph(picture, pen, width)
    if picture.kind in ("pattern", "growing"):
        return figure_shapes.sketch(picture, pen, width)
    return figure_measures.sketch(picture, pen, width)


def _framed(done: Sketch, pen: Pen) -> Sketch:
    """The sketch in a box that holds all its ink, with a little room around it: lines reach
    half their width beyond the points they join, a crossing tally stroke past its bundle."""
    pad = 1.0
    left, bottom, right, top = 0.0, 0.0, done.width, done.height
    bounds = ink_bounds(done.paths)
    if bounds is not None:
        left, bottom = min(left, bounds[0]), min(bottom, bounds[1])
        right, top = max(right, bounds[2]), max(top, bounds[3])
    for text in done.texts:
        size = text.size
        left, right = min(left, text.x), max(right, text.x + pen.width(text.text, size, True))
        bottom, top = min(bottom, text.y - size * 0.42), max(top, text.y + size)
    dx, dy = pad - left, pad - bottom
    move(done.paths, dx, dy)
    texts = [Text(t.font, t.size, t.x + dx, t.y + dy, t.text) for t in done.texts]
    return Sketch(right - left + 2 * pad, top - bottom + 2 * pad, done.paths, texts)


def scaled(done: Sketch, factor: float) -> Sketch:
    """The same sketch, `factor` times the size (its words too)."""
    enlarge(done.paths, factor)
    texts = [Text(t.font, t.size * factor, t.x * factor, t.y * factor, t.text) for t in done.texts]
    return Sketch(done.width * factor, done.height * factor, done.paths, texts)


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


# --- tally marks ---------------------------------------------------------------------------------

MARK, STROKE_GAP, BUNDLE_GAP = 14.0, 4.5, 9.0


def tally(picture: Tally, pen: Pen, width: float) -> Sketch:
    """Rows of tally marks: bundles of four upright strokes crossed by the fifth."""
    board = Board()
    if picture.title:
        board.caption(pen, pen.label(picture.title))
    labels = [pen.label(row.label) if row.label else "" for row in picture.rows]
    label_width = max(pen.width(label) for label in labels) if any(labels) else 0.0
    left = label_width + 10 * pen.scale if label_width else 0.0
    for index, (row, label) in enumerate(zip(picture.rows, labels, strict=True)):
        if index:
            board.gap(4 * pen.scale)
        _tally_row(board, pen, row, label, left, width)
    return board.finish()


def _tally_row(
    board: Board, pen: Pen, row: TallyRow, label: str, left: float, width: float
) -> None:
    """One counted thing: its label, then its bundles, on as many lines as the width needs."""
    s = pen.scale
    bundle = (3 * STROKE_GAP + BUNDLE_GAP) * s
    per_line = max(1, floor((width - left + BUNDLE_GAP * s) / bundle))
    groups = [5] * (row.count // 5) + ([row.count % 5] if row.count % 5 else [])
    lines = [groups[i : i + per_line] for i in range(0, len(groups), per_line)] or [[]]
    height = max((MARK + 6) * s, pen.size * 1.38)
    for index, line in enumerate(lines):
        texts = [pen.text(label, 0, height / 2 - pen.size * 0.36)] if label and not index else []
        strokes = Strokes(width=1.4 * s, round_caps=True)
        for n, count in enumerate(line):
            bundle_strokes(strokes, left + n * bundle + 2 * s, (height - MARK * s) / 2, count, s)
        used = left + max(len(line) * bundle - BUNDLE_GAP * s, 0) + 4 * s
        board.row(height, used, drawn(strokes), texts)


def bundle_strokes(strokes: Strokes, x: float, y: float, count: int, s: float) -> None:
    """Up to four upright strokes; a fifth crosses them from bottom left to top right."""
    for i in range(min(count, 4)):
        strokes.line(x + i * STROKE_GAP * s, y, x + i * STROKE_GAP * s, y + MARK * s)
    if count == 5:
        reach = 3 * STROKE_GAP * s
        strokes.line(x - 2 * s, y + 2.5 * s, x + reach + 2 * s, y + (MARK - 2.5) * s)


# --- pictographs ---------------------------------------------------------------------------------


def pictograph(picture: Pictograph, pen: Pen, width: float) -> Sketch:
    """A title, a table with a row of icons for each thing, and the key: one icon = so many."""
    from worksheets.render.figure_shapes import Icons

    s = pen.scale
    board = Board()
    if picture.title:
        board.caption(pen, pen.label(picture.title))
    labels = [pen.label(row.label) for row in picture.rows]
    label_column = max(pen.width(label) for label in labels) + 12 * s
    most = max(max(row.count for row in picture.rows), 1)
    gap = 3 * s
    size = max(min(15 * s, (width - label_column - 8 * s) / most - gap), 8 * s)
    height = max(size + 6 * s, pen.size * 1.5)
    table = label_column + most * (size + gap) + 5 * s
    cells, icons, texts = Strokes(stroke=GRID, width=0.6), Icons(picture.icon, size), []
    for n, (row, label) in enumerate(zip(picture.rows, labels, strict=True)):
        bottom = (len(labels) - 1 - n) * height  # the first row on top
        cells.rect(0, bottom, label_column, height)
        cells.rect(label_column, bottom, table - label_column, height)
        for i in range(row.count):
            icons.add(label_column + 4 * s + i * (size + gap), bottom + (height - size) / 2)
        texts.append(pen.text(label, 6 * s, bottom + height / 2 - pen.size * 0.36))
    board.row(height * len(labels), table, [*drawn(cells), *icons.shapes()], texts)
    board.gap(5 * s)
    key = pen.label(picture.stands_for)
    key_height = max(size, pen.size * 1.38)
    key_text = pen.text(key, size + 5 * s, key_height / 2 - pen.size * 0.36)
    icons = Icons(picture.icon, size)
    icons.add(0, (key_height - size) / 2)
    board.row(key_height, size + 5 * s + pen.width(key), icons.shapes(), [key_text])
    return board.finish()
