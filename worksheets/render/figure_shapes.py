"""Pictures made of shapes: Class 1 repeating patterns, Class 5 growing matchstick and dot
patterns, and the small icons of pictographs."""

from __future__ import annotations

from math import cos, pi, sin, sqrt

from reportlab.graphics.shapes import Path
from reportlab.lib.colors import black

from curriculum.bilingual import Text as Bilingual
from curriculum.pictures import Growing, Icon, Pattern, ShapeName
from worksheets.render.layout import Text
from worksheets.render.paths import Strokes, drawn, move
from worksheets.render.sketches import Board, Pen, Sketch, grey

FILL = grey(0.78)


# --- Class 1: a repeating pattern of shapes ------------------------------------------------------


def pattern(picture: Pattern, pen: Pen, width: float) -> Sketch:
    """The shapes in a row, then dashed boxes for the next ones (drawn in, on the key)."""
    s = pen.scale
    cells = len(picture.shapes) + len(picture.next_shapes)
    gap = 5 * s
    cell = max(14 * s, min(22 * s, (width + gap) / cells - gap))
    # a hair of slack: the cell was worked out from the width, so they fit exactly
    per_line = max(1, int((width + gap + 0.01) // (cell + gap)))
    items = [(name, False) for name in picture.shapes]
    items += [(name, True) for name in picture.next_shapes]
    board = Board()
    for start in range(0, len(items), per_line):
        if start:
            board.gap(gap)
        shapes, boxes = Strokes(fill=FILL, width=1.1), Strokes(width=0.8, dash=(2, 2))
        line = items[start : start + per_line]
        for n, (name, missing) in enumerate(line):
            x = n * (cell + gap)
            if missing:
                boxes.rect(x, 0, cell, cell)
            if not missing or pen.answers:
                shape(shapes, name, x + 3 * s, 3 * s, cell - 6 * s)
        board.row(cell, len(line) * (cell + gap) - gap, drawn(boxes, shapes), [])
    return board.finish()


def shape(into: Strokes, name: ShapeName, x: float, y: float, size: float) -> None:
    """One pattern shape in the square (x, y, size)."""
    cx, cy, r = x + size / 2, y + size / 2, size / 2
    if name == "circle":
        into.circle(cx, cy, r)
    elif name == "square":
        into.rect(x + size * 0.08, y + size * 0.08, size * 0.84, size * 0.84)
    elif name == "triangle":
        into.polygon([x, y + size * 0.07, x + size, y + size * 0.07, cx, y + size * 0.93])
    elif name == "star":
        into.polygon(_star(cx, cy - r * 0.06, r * 1.02))
    elif name == "heart":
        into.curve(_heart(x, y, size))
    else:
        into.polygon(_moon(cx, cy, r))


def _star(cx: float, cy: float, r: float) -> list[float]:
    points: list[float] = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.42
        angle = pi / 2 + i * pi / 5
        points += [cx + radius * cos(angle), cy + radius * sin(angle)]
    return points


def _heart(x: float, y: float, size: float) -> list[tuple[float, float]]:
    """A heart filling its square: the point at the bottom, two round lobes at the top."""
    shape = [
        (0.5, 0.02),
        *((0.15, 0.3), (-0.04, 0.55), (0.1, 0.8)),
        *((0.22, 1.0), (0.45, 0.98), (0.5, 0.76)),
        *((0.55, 0.98), (0.78, 1.0), (0.9, 0.8)),
        *((1.04, 0.55), (0.85, 0.3), (0.5, 0.02)),
    ]
    return [(x + u * size, y + v * size) for u, v in shape]


def _moon(cx: float, cy: float, r: float) -> list[float]:
    """A crescent: the disc's rim round its left side, then back along the edge of a bite."""
    bx, by, br = cx + r * 0.45, cy + r * 0.1, r * 0.8
    steps = [2 * pi * i / 48 for i in range(49)]
    points: list[float] = []
    for angle in steps:  # from the right, round the left, outside the bite
        x, y = cx + r * cos(angle), cy + r * sin(angle)
        if (x - bx) ** 2 + (y - by) ** 2 > br * br:
            points += [x, y]
    for angle in reversed(steps):  # the bite's edge from the bottom, round its left
        x, y = bx + br * cos(angle), by + br * sin(angle)
        if (x - cx) ** 2 + (y - cy) ** 2 < r * r:
            points += [x, y]
    return points


# --- Class 5: growing patterns -------------------------------------------------------------------

Step = tuple[list[Path], float, float, list[str]]  # paths, width, height, label lines


def growing(picture: Growing, pen: Pen, width: float) -> Sketch:
    """Each step drawn side by side (or on more lines) with "Step 1", "Step 2"... under it."""
    s = pen.scale
    gap = 22 * s
    unit = (16 if picture.style == "sticks" else 13) * s
    while unit > 7 * s and _total_width(picture, unit, gap) > width:
        unit -= 1
    board = Board()
    line: list[Step] = []
    for step in picture.steps:
        shapes, w, h = _step(picture, step, unit)
        labels = pen.lines(Bilingual(en=f"Step {step}", hi=f"चरण {step}"))
        w = max(w, *(pen.width(label) for label in labels))
        if line and sum(item[1] for item in line) + gap * len(line) + w > width:
            _step_line(board, pen, line, gap)
            line = []
        line.append((shapes, w, h, labels))
    _step_line(board, pen, line, gap)
    return board.finish()


def _step(picture: Growing, step: int, unit: float) -> tuple[list[Path], float, float]:
    if picture.style == "sticks":
        return _stick_row(picture.shape, step, unit)
    return _dots(picture.shape, step, unit)


def _total_width(picture: Growing, unit: float, gap: float) -> float:
    widths = [_step(picture, step, unit)[1] for step in picture.steps]
    return sum(widths) + gap * (len(widths) - 1)


def _step_line(board: Board, pen: Pen, line: list[Step], gap: float) -> None:
    """Steps side by side, bottoms aligned, each with its label centred under it (English
    above Hindi on a bilingual sheet)."""
    if board.rows:
        board.gap(gap / 2)
    tallest = max(item[2] for item in line)
    label_height = pen.size * 1.38 * max(len(item[3]) for item in line)
    shapes: list[Path] = []
    texts: list[Text] = []
    x = 0.0
    for parts, w, _height, labels in line:
        move(parts, x, label_height)
        shapes += parts
        for n, label in enumerate(labels):
            y = label_height - pen.size * 1.38 * (n + 1) + pen.size * 0.4
            texts.append(pen.text(label, x + (w - pen.width(label)) / 2, y))
        x += w + gap
    board.row(tallest + label_height + 4 * pen.scale, x - gap, shapes, texts)


def _stick_row(shape_name: str, count: int, unit: float) -> tuple[list[Path], float, float]:
    """`count` shapes in a row made of matchsticks, each sharing a side with the one before."""
    segments = _segments(shape_name, count, unit)
    sticks = Strokes(stroke=grey(0.35), width=unit * 0.12)
    heads = Strokes(stroke=None, fill=black)
    for x1, y1, x2, y2 in segments:
        sticks.line(x1, y1, x2, y2)
        heads.circle(x2, y2, unit * 0.11)
    right = max(max(x1, x2) for x1, _, x2, _ in segments)
    top = max(max(y1, y2) for _, y1, _, y2 in segments)
    return drawn(sticks, heads), right + unit * 0.11, top + unit * 0.11


Segment = tuple[float, float, float, float]


def _segments(name: str, count: int, unit: float) -> list[Segment]:
    """Each matchstick once, as (x1, y1, x2, y2); its head is at (x2, y2)."""
    u, pad = unit, unit * 0.11
    sticks: list[Segment] = []
    if name == "triangle":  # up and down triangles alternating: 2n + 1 sticks
        h = u * sqrt(3) / 2
        for i in range(count):
            left = i * u / 2
            if i % 2:  # pointing down: its top and right side; the left is the last one's
                sticks += [(left, h, left + u, h), (left + u / 2, 0, left + u, h)]
            else:  # pointing up: its base and right side, and its left side if it is first
                sticks += [(left, 0, left + u, 0), (left + u, 0, left + u / 2, h)]
                sticks += [(left, 0, left + u / 2, h)] if i == 0 else []
    else:
        for i in range(count):
            x = i * u * (sqrt(3) if name == "hexagon" else 1)
            sticks += _one_shape(name, x, u, first=i == 0)
    return [(x1 + pad, y1 + pad, x2 + pad, y2 + pad) for x1, y1, x2, y2 in sticks]


def _one_shape(name: str, x: float, u: float, first: bool) -> list[Segment]:
    """The sticks one more shape adds: all its sides but the left one it shares (unless first)."""
    if name == "square":
        sides = [(x, 0, x + u, 0), (x + u, 0, x + u, u), (x, u, x + u, u)]
        return ([(x, 0, x, u)] if first else []) + sides
    if name == "pentagon":  # a house: walls, floor and two roof sticks
        sides = [(x, 0, x + u, 0), (x + u, 0, x + u, u), (x, u, x + u / 2, u * 1.8)]
        sides.append((x + u, u, x + u / 2, u * 1.8))
        return ([(x, 0, x, u)] if first else []) + sides
    w = u * sqrt(3)  # a hexagon standing on a point, sharing its upright left side
    sides = [(x, u * 0.5, x + w / 2, 0), (x + w / 2, 0, x + w, u * 0.5)]
    sides += [(x + w, u * 0.5, x + w, u * 1.5), (x + w, u * 1.5, x + w / 2, u * 2)]
    sides.append((x + w / 2, u * 2, x, u * 1.5))
    return ([(x, u * 0.5, x, u * 1.5)] if first else []) + sides


def _dots(name: str, step: int, unit: float) -> tuple[list[Path], float, float]:
    """A square of step x step dots, or a triangle of rows of 1, 2, ... step dots."""
    spacing, r = unit * 0.6, unit * 0.14
    dots = Strokes(stroke=None, fill=black)
    for row in range(step):
        in_row = step if name == "square" else row + 1
        offset = 0.0 if name == "square" else (step - in_row) * spacing / 2
        for n in range(in_row):
            dots.circle(r + offset + n * spacing, r + (step - 1 - row) * spacing, r)
    size = (step - 1) * spacing + 2 * r
    return drawn(dots), size, size


# --- icons -------------------------------------------------------------------------------------


class Icons:
    """Many copies of one small picture, each in a square `size` wide: a child's face (one
    child) or an ice cream."""

    def __init__(self, name: Icon, size: float) -> None:
        self.name, self.size = name, size
        line = size * 0.06
        self.back = Strokes(fill=grey(0.88), width=line)  # faces; ice-cream scoops
        self.front = Strokes(fill=grey(0.7), width=line)  # cones
        self.ink = Strokes(stroke=None, fill=black)  # eyes
        self.lines = Strokes(width=line, round_caps=True)  # smiles

    def add(self, x: float, y: float) -> None:
        size, r = self.size, self.size / 2
        if self.name == "face":
            cx, cy = x + r, y + r
            self.back.circle(cx, cy, r * 0.94)
            for dx in (-0.35, 0.35):
                self.ink.circle(cx + dx * r, cy + r * 0.25, r * 0.11)
            left, right = (cx - r * 0.45, cy - r * 0.12), (cx + r * 0.45, cy - r * 0.12)
            low = ((cx - r * 0.2, cy - r * 0.5), (cx + r * 0.2, cy - r * 0.5))
            self.lines.curve((left, *low, right), close=False)  # the smile
            return
        self.front.polygon(
            [x + size * 0.22, y + size * 0.55, x + size * 0.78, y + size * 0.55, x + r, y]
        )
        self.back.circle(x + r, y + size * 0.7, size * 0.28)

    def shapes(self) -> list[Path]:
        return drawn(self.front, self.back, self.ink, self.lines)
