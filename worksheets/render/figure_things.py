"""Pictures of things: Class 1 objects to count (mangoes, laddoos, marbles, bangles, kites),
drawn in the groups the question gives, and a Class 4 fraction strip cut into equal parts."""

from __future__ import annotations

from reportlab.graphics.shapes import Path
from reportlab.lib.colors import white

from curriculum.pictures import Objects, Strip, Thing
from worksheets.render.paths import Strokes, drawn
from worksheets.render.sketches import Board, Pen, Sketch, grey

BODY_WIDTH = 1.2  # the outline of each thing counted: one closed shape per thing


class _Things:
    """Every thing of one kind: its body (one closed outline each) and the details on it."""

    def __init__(self, thing: Thing, size: float) -> None:
        self.thing, self.size = thing, size
        shade = {"mango": 0.72, "laddoo": 0.76, "marble": 0.9, "bangle": 0.6, "kite": 0.85}
        k = size / 18  # lines in proportion (large print)
        self.body = Strokes(width=BODY_WIDTH * k, fill=grey(shade[thing]))
        self.detail = Strokes(width=0.7 * k, fill=white)  # a bangle's hole, a marble's shine
        self.lines = Strokes(width=0.7 * k, round_caps=True)  # stalks, spines, tails
        self.spots = Strokes(stroke=None, fill=grey(0.45))  # a laddoo's grains

    def add(self, x: float, y: float) -> None:
        s, r = self.size, self.size / 2
        cx, cy = x + r, y + r
        if self.thing == "kite":
            self.body.polygon(
                [cx, y + s, x + s * 0.9, cy + s * 0.1, cx, y + s * 0.2, x + s * 0.1, cy + s * 0.1]
            )
            self.lines.line(cx, y + s, cx, y + s * 0.2)
            self.lines.curve(
                (
                    (cx, y + s * 0.2),
                    (cx - s * 0.2, y + s * 0.1),
                    (cx + s * 0.2, y + s * 0.05),
                    (cx, y),
                ),
                close=False,
            )  # the tail
        elif self.thing == "mango":
            self.body.curve(_mango(x, y, s))
            self.lines.line(cx + s * 0.05, y + s * 0.86, cx + s * 0.12, y + s)  # the stalk
        else:
            self.body.circle(cx, cy, r * (0.96 if self.thing == "bangle" else 0.8))
            if self.thing == "bangle":
                self.detail.circle(cx, cy, r * 0.66)
            elif self.thing == "marble":
                self.detail.circle(cx - r * 0.3, cy + r * 0.3, r * 0.17)
            else:
                for dx, dy in (
                    (-0.3, 0.2),
                    (0.25, 0.3),
                    (0.05, -0.25),
                    (-0.2, -0.35),
                    (0.35, -0.1),
                ):
                    self.spots.circle(cx + dx * r, cy + dy * r, r * 0.09)

    def shapes(self) -> list[Path]:
        return drawn(self.body, self.detail, self.spots, self.lines)


def _mango(x: float, y: float, s: float) -> list[tuple[float, float]]:
    """A mango: round at the bottom, narrowing to the stalk, leaning a little."""
    top, bottom = (x + s * 0.58, y + s * 0.86), (x + s * 0.5, y + s * 0.04)
    return [
        top,
        (x + s * 0.95, y + s * 0.82), (x + s * 0.98, y + s * 0.1), bottom,
        (x + s * 0.08, y - s * 0.02), (x + s * 0.02, y + s * 0.62), top,
    ]  # fmt: skip


def objects(picture: Objects, pen: Pen, width: float) -> Sketch:
    """The things in a row, a wider gap between groups; a group that does not fit on the line
    starts the next one (a group is split only if it is wider than the whole width)."""
    s = pen.scale
    size, gap, apart = 18 * s, 4 * s, 14 * s  # nine in three groups fit a column of 227
    lines: list[list[float]] = [[]]  # x of each thing, line by line
    x = 0.0
    for group in picture.groups:
        span = group * (size + gap) - gap
        if lines[-1] and x + apart + span > width:
            lines.append([])
            x = 0.0
        elif lines[-1]:
            x += apart
        for _ in range(group):
            if lines[-1] and x + size > width:
                lines.append([])
                x = 0.0
            lines[-1].append(x)
            x += size + gap
        x -= gap
    return _stack(picture.thing, size, gap, lines)


def _stack(thing: Thing, size: float, gap: float, lines: list[list[float]]) -> Sketch:
    board = Board()
    for n, line in enumerate(lines):
        if n:
            board.gap(gap)
        things = _Things(thing, size)
        for x in line:
            things.add(x, 0)
        board.row(size, line[-1] + size, things.shapes(), [])
    return board.finish()


def strip(picture: Strip, pen: Pen, width: float) -> Sketch:
    """A strip of equal parts side by side, the coloured ones shaded."""
    parts = len(picture.coloured)
    part = min(30 * pen.scale, (width - 2) / parts)
    height = 22 * pen.scale
    line = 1.2 * pen.scale
    shaded, plain = Strokes(width=line, fill=grey(0.62)), Strokes(width=line)
    for n, coloured in enumerate(picture.coloured):
        (shaded if coloured else plain).rect(n * part, 0, part, height)
    board = Board()
    board.row(height, parts * part, drawn(plain, shaded), [])
    return board.finish()
