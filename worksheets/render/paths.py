"""Many shapes of one look drawn as one reportlab graphics `Path`.

A pictograph has dozens of faces, a tally dozens of strokes. Drawn as one shape each, a class
set of picture sheets would spend seconds building reportlab objects (each attribute it sets is
checked); drawn as one path per look (every stroke of a tally, every face's outline), a picture
is a handful of objects and prints the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import cos, pi, sin
from typing import Literal

from reportlab.graphics.shapes import Path, Shape
from reportlab.lib.colors import Color, black

FILL_NON_ZERO: Literal[1] = 1  # reportlab.graphics.shapes.FILL_NON_ZERO, which its type stubs lack

KAPPA = 0.5523  # control-point distance for a quarter circle drawn as a Bézier curve


class Strokes:
    """Lines, outlines and filled shapes that share one look (colour, width, dashes)."""

    def __init__(
        self,
        stroke: Color | None = black,
        width: float = 1.0,
        fill: Color | None = None,
        dash: Sequence[float] | None = None,
        round_caps: bool = False,
    ) -> None:
        # non-zero: where two shapes of the set overlap (two matchstick heads), both are filled
        self.path = Path(
            strokeColor=stroke, strokeWidth=width, fillColor=fill, fillMode=FILL_NON_ZERO
        )
        if dash:
            self.path.strokeDashArray = list(dash)
        if round_caps:
            self.path.strokeLineCap = 1
            self.path.strokeLineJoin = 1

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.path.moveTo(x1, y1)
        self.path.lineTo(x2, y2)

    def polygon(self, points: Sequence[float]) -> None:
        self.path.moveTo(points[0], points[1])
        for i in range(2, len(points), 2):
            self.path.lineTo(points[i], points[i + 1])
        self.path.closePath()

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.polygon([x, y, x + w, y, x + w, y + h, x, y + h])

    def circle(self, cx: float, cy: float, r: float) -> None:
        k = r * KAPPA
        path = self.path
        path.moveTo(cx + r, cy)
        path.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
        path.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
        path.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
        path.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
        path.closePath()

    def arc(self, cx: float, cy: float, r: float, start: float, end: float) -> None:
        """An open arc, `start` to `end` in degrees anticlockwise from 3 o'clock."""
        steps = max(4, int(abs(end - start) / 10))
        for i in range(steps + 1):
            angle = (start + (end - start) * i / steps) * pi / 180
            point = (cx + r * cos(angle), cy + r * sin(angle))
            if i:
                self.path.lineTo(*point)
            else:
                self.path.moveTo(*point)

    def curve(self, points: Sequence[tuple[float, float]], close: bool = True) -> None:
        """A start point, then Bézier segments of three points each."""
        self.path.moveTo(*points[0])
        for i in range(1, len(points) - 2, 3):
            self.path.curveTo(*points[i], *points[i + 1], *points[i + 2])
        if close:
            self.path.closePath()

    @property
    def empty(self) -> bool:
        return not self.path.points


def drawn(*sets: Strokes) -> list[Shape]:
    """The paths that have something in them, in the order given (later ones on top)."""
    return [s.path for s in sets if not s.empty]
