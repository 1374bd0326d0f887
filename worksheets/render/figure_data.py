"""Pictures of data: tally marks and pictographs."""

from __future__ import annotations

from math import floor

from curriculum.pictures import Pictograph, Tally, TallyRow
from worksheets.render.figure_shapes import Icons
from worksheets.render.paths import Strokes, drawn
from worksheets.render.sketches import GRID, Board, Pen, Sketch

# --- tally marks ---------------------------------------------------------------------------------

MARK, STROKE_GAP, BUNDLE_GAP = 14.0, 4.5, 9.0


def tally(picture: Tally, pen: Pen, width: float) -> Sketch:
    """Rows of tally marks: bundles of four upright strokes crossed by the fifth."""
    board = Board()
    if picture.title:
        board.title(pen, picture.title, width)
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
    """A title, a table with a row of icons for each thing, and the key: one icon = so many.
    On a bilingual sheet each label is two lines, English above Hindi."""
    s = pen.scale
    board = Board()
    if picture.title:
        board.title(pen, picture.title, width)
    labels = [pen.lines(row.label) for row in picture.rows]
    label_column = max(pen.width(line) for lines in labels for line in lines) + 12 * s
    most = max(max(row.count for row in picture.rows), 1)
    gap = 3 * s
    size = max(min(15 * s, (width - label_column - 8 * s) / most - gap), 8 * s)
    height = max(size + 6 * s, pen.size * (1.38 * max(len(lines) for lines in labels) + 0.2))
    table = label_column + most * (size + gap) + 5 * s
    cells, icons, texts = Strokes(stroke=GRID, width=0.6), Icons(picture.icon, size), []
    for n, (row, lines) in enumerate(zip(picture.rows, labels, strict=True)):
        bottom = (len(labels) - 1 - n) * height  # the first row on top
        cells.rect(0, bottom, label_column, height)
        cells.rect(label_column, bottom, table - label_column, height)
        for i in range(row.count):
            icons.add(label_column + 4 * s + i * (size + gap), bottom + (height - size) / 2)
        first = bottom + height / 2 + pen.size * 1.38 * (len(lines) - 1) / 2 - pen.size * 0.36
        texts += [
            pen.text(line, 6 * s, first - k * pen.size * 1.38) for k, line in enumerate(lines)
        ]
    board.row(height * len(labels), table, [*drawn(cells), *icons.shapes()], texts)
    board.gap(5 * s)
    key = pen.label(picture.stands_for)
    key_height = max(size, pen.size * 1.38)
    key_text = pen.text(key, size + 5 * s, key_height / 2 - pen.size * 0.36)
    icons = Icons(picture.icon, size)
    icons.add(0, (key_height - size) / 2)
    board.row(key_height, size + 5 * s + pen.width(key), icons.shapes(), [key_text])
    return board.finish()
