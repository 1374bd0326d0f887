"""Pictures of measures: a clock face, squares on a grid, a rectangle with its sides, coins and
notes."""

from __future__ import annotations

from math import cos, radians, sin

from reportlab.graphics.shapes import Path
from reportlab.lib.colors import black, white

from curriculum.pictures import COINS, Clock, Grid, Money, Rectangle
from worksheets.render.layout import Text
from worksheets.render.paths import Strokes, drawn
from worksheets.render.sketches import GRID, Board, Pen, Sketch, grey

# --- a clock face --------------------------------------------------------------------------------


def clock(picture: Clock, pen: Pen, width: float) -> Sketch:
    """A round face with 60 minute marks, the numbers 1-12 and the two hands.

    The hands stop short of the numbers, so each hand points at a number without hiding it;
    the hour hand moves on between two numbers as the minutes go by (half past 4: halfway to 5).
    """
    r = min(40 * pen.scale, width / 2 - 1)
    k = r / 40  # everything in proportion to the face
    c = r + 1
    face = Strokes(width=1.6 * k, fill=white)
    face.circle(c, c, r)
    minutes, hours = Strokes(width=0.5 * k), Strokes(width=1.1 * k)
    for mark in range(60):
        marks = hours if mark % 5 == 0 else minutes
        marks.line(
            *_at(c, mark * 6, r - (5 if mark % 5 == 0 else 2.5) * k), *_at(c, mark * 6, r - 0.8 * k)
        )
    size = pen.size * 0.82 * k / pen.scale
    texts = [pen.middle(str(n), *_at(c, n * 30, r - 12 * k), size, bold=True) for n in range(1, 13)]
    hour_hand, minute_hand = (
        Strokes(width=3.2 * k, round_caps=True),
        Strokes(width=1.6 * k, round_caps=True),
    )
    hour_hand.line(c, c, *_at(c, (picture.hour % 12 + picture.minute / 60) * 30, r * 0.36))
    minute_hand.line(c, c, *_at(c, picture.minute * 6, r * 0.55))
    middle = Strokes(stroke=None, fill=black)
    middle.circle(c, c, 2.4 * k)
    board = Board()
    shapes = drawn(face, minutes, hours, hour_hand, minute_hand, middle)
    board.row(2 * c, 2 * c, shapes, texts)
    return board.finish()


def _at(c: float, degrees: float, radius: float) -> tuple[float, float]:
    """The point `radius` from the centre in the direction of `degrees` clockwise from 12."""
    angle = radians(degrees)
    return c + radius * sin(angle), c + radius * cos(angle)


# --- area: squares on a grid, and a rectangle with its sides written -----------------------------


def grid(picture: Grid, pen: Pen, width: float) -> Sketch:
    """A grid of unit squares; the shape's squares shaded, its outline drawn bold."""
    cell = min(15 * pen.scale, width / picture.columns)
    top = picture.rows * cell
    shaded = set(picture.shaded)
    fill, lines = Strokes(stroke=None, fill=grey(0.72)), Strokes(stroke=GRID, width=0.5)
    for col, row in sorted(shaded):
        fill.rect(col * cell, top - (row + 1) * cell, cell, cell)
    for col in range(picture.columns + 1):
        lines.line(col * cell, 0, col * cell, top)
    for row in range(picture.rows + 1):
        lines.line(0, top - row * cell, picture.columns * cell, top - row * cell)
    outline = Strokes(width=1.4)
    for x1, y1, x2, y2 in _outline(shaded, cell, top):
        outline.line(x1, y1, x2, y2)
    board = Board()
    board.row(top, picture.columns * cell, drawn(fill, lines, outline), [])
    return board.finish()


def _outline(
    shaded: set[tuple[int, int]], cell: float, top: float
) -> list[tuple[float, float, float, float]]:
    """The edges of shaded squares that have no shaded neighbour across them."""
    edges = []
    for col, row in sorted(shaded):
        x, y = col * cell, top - (row + 1) * cell
        sides = (
            ((col, row - 1), (x, y + cell, x + cell, y + cell)),
            ((col, row + 1), (x, y, x + cell, y)),
            ((col - 1, row), (x, y, x, y + cell)),
            ((col + 1, row), (x + cell, y, x + cell, y + cell)),
        )
        edges += [edge for neighbour, edge in sides if neighbour not in shaded]
    return edges


def rectangle(picture: Rectangle, pen: Pen, width: float) -> Sketch:
    """The rectangle (not to scale, but longer one way when it is), its length written under it
    and its breadth beside it."""
    s = pen.scale
    long_side = f"{picture.length} {picture.unit}"
    short_side = f"{picture.breadth} {picture.unit}"
    beside = pen.width(short_side) + 6 * s
    ratio = min(max(picture.length / picture.breadth, 1.0), 2.5)
    w = min(110 * s, width - beside)
    h = max(w / ratio, 26 * s)
    below = pen.size * 1.38
    sides = Strokes(width=1.3 * s, fill=grey(0.9))
    sides.rect(0, below, w, h)
    texts = [
        pen.text(long_side, (w - pen.width(long_side)) / 2, pen.size * 0.4),
        pen.text(short_side, w + 6 * s, below + h / 2 - pen.size * 0.36),
    ]
    board = Board()
    board.row(below + h, w + beside, drawn(sides), texts)
    return board.finish()


# --- money: coins and notes ----------------------------------------------------------------------


def money(picture: Money, pen: Pen, width: float) -> Sketch:
    """Each coin and note drawn on its own, largest first, in as many lines as the width needs."""
    gap = 6 * pen.scale
    values = [value for value, count in picture.pieces for _ in range(count)]
    board = Board()
    line: list[int] = []
    for value in values:
        if line and _span([*line, value], pen.scale, gap) > width:
            _money_line(board, pen, line, gap)
            line = []
        line.append(value)
    _money_line(board, pen, line, gap)
    return board.finish()


def _size(value: int, s: float) -> tuple[float, float]:
    """A coin's diameter (both ways), or a note's width and height."""
    if value in COINS:
        diameter = {1: 24, 2: 27, 5: 30}[value] * s
        return diameter, diameter
    return 64 * s, 32 * s


def _span(values: list[int], s: float, gap: float) -> float:
    return sum(_size(v, s)[0] for v in values) + gap * (len(values) - 1)


def _money_line(board: Board, pen: Pen, values: list[int], gap: float) -> None:
    s = pen.scale
    if board.rows:
        board.gap(gap)
    height = max(_size(v, s)[1] for v in values)
    rims, faces = (
        Strokes(width=1.0, fill=grey(0.8)),
        Strokes(width=0.6, stroke=grey(0.45), fill=grey(0.9)),
    )
    paper, marks = Strokes(width=1.0, fill=grey(0.93)), Strokes(width=0.5, stroke=grey(0.55))
    texts: list[Text] = []
    x = 0.0
    for value in values:
        w, h = _size(value, s)
        y = (height - h) / 2
        if value in COINS:
            rims.circle(x + w / 2, y + h / 2, w / 2 - 0.5)
            faces.circle(x + w / 2, y + h / 2, w * 0.4)
        else:
            paper.rect(x + 0.5, y + 0.5, w - 1, h - 1)
            marks.rect(x + 4 * s, y + 4 * s, w - 8 * s, h - 8 * s)
            marks.circle(x + w - 11 * s, y + h / 2, 5 * s)  # the watermark's window
        size = pen.size * (0.72 if value in COINS else 0.9)
        texts.append(pen.middle(f"₹{value}", x + w / 2, y + h / 2, size, bold=True))
        x += w + gap
    shapes: list[Path] = drawn(rims, faces, paper, marks)
    board.row(height, x - gap, shapes, texts)
