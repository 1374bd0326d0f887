"""Many shapes of one look drawn as one reportlab graphics `Path`.

A pictograph has dozens of faces, a tally dozens of strokes. Drawn as one shape each, a class
set of picture sheets would spend seconds building reportlab objects (each attribute it sets is
checked); drawn as one path per look (every stroke of a tally, every face's outline), a picture
is a handful of objects and prints the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from reportlab.graphics.shapes import Path
from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

FILL_NON_ZERO: Literal[1] = 1  # reportlab.graphics.shapes.FILL_NON_ZERO, which its type stubs lack

MOVE, LINE, CURVE, CLOSE = 0, 1, 2, 3  # reportlab's path operators
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


def drawn(*sets: Strokes) -> list[Path]:
    """The paths that have something in them, in the order given (later ones on top)."""
    return [s.path for s in sets if not s.empty]


def move(paths: list[Path], dx: float, dy: float) -> None:
    """Shift every point of the paths (they are built where it is simplest, then placed)."""
    for path in paths:
        points = path.points
        points[0::2] = [x + dx for x in points[0::2]]
        points[1::2] = [y + dy for y in points[1::2]]


def enlarge(paths: list[Path], factor: float) -> None:
    """Scale the paths about (0, 0), line widths and dashes with them."""
    for path in paths:
        path.points = [value * factor for value in path.points]
        path.strokeWidth *= factor
        dashes = path.strokeDashArray
        if isinstance(dashes, list):
            path.strokeDashArray = [float(value) * factor for value in dashes]


def ink_bounds(paths: list[Path]) -> tuple[float, float, float, float] | None:
    """A box that holds all the paths' ink: their points (a curve's control points too, so a
    little more than the curve) and half their line width around them."""
    box: tuple[float, float, float, float] | None = None
    for path in paths:
        xs, ys = path.points[0::2], path.points[1::2]
        if not xs:
            continue
        half = path.strokeWidth / 2 if path.strokeColor is not None else 0.0
        edges = (min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half)
        box = edges if box is None else (
            min(box[0], edges[0]), min(box[1], edges[1]),
            max(box[2], edges[2]), max(box[3], edges[3]),
        )  # fmt: skip
    return box


def paint(canvas: Canvas, paths: Sequence[object], x: float, y: float) -> None:
    """Draw the paths with their bottom left at (x, y): what renderPDF would draw for them,
    without its per-shape state machinery (a class set holds thousands of them)."""
    canvas.saveState()
    canvas.translate(x, y)
    for path in paths:
        assert isinstance(path, Path), path  # figures are made of paths only
        stroke, fill = path.strokeColor, path.fillColor
        if stroke is not None:
            canvas.setStrokeColor(stroke)
            canvas.setLineWidth(path.strokeWidth)
            canvas.setLineCap(path.strokeLineCap)
            canvas.setLineJoin(path.strokeLineJoin)
            dashes = path.strokeDashArray
            canvas.setDash(list(dashes) if isinstance(dashes, list) else [])
        if fill is not None:
            canvas.setFillColor(fill)
        canvas.drawPath(
            _outline(canvas, path), stroke=int(stroke is not None), fill=int(fill is not None),
            fillMode=path.fillMode,
        )  # fmt: skip
    canvas.restoreState()


def _outline(canvas: Canvas, path: Path) -> PDFPathObject:
    drawn = canvas.beginPath()
    points, index = path.points, 0
    for op in path.operators:
        if op == CLOSE:
            drawn.close()
        elif op == CURVE:
            drawn.curveTo(*points[index : index + 6])
            index += 6
        else:
            (drawn.moveTo if op == MOVE else drawn.lineTo)(points[index], points[index + 1])
            index += 2
    return drawn
