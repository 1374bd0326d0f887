"""Reading a sketch back: the lines and closed shapes its reportlab Drawing holds, placed where
they are drawn (each group's transform applied), so a test can count strokes and faces."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Group, Path

from worksheets.render.sketches import Sketch

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
MOVE, LINE, CURVE, CLOSE = 0, 1, 2, 3


@dataclass(frozen=True)
class Piece:
    """One subpath: its points (page units, y up), whether it is closed, and its path's look."""

    points: tuple[tuple[float, float], ...]
    closed: bool
    filled: bool
    stroked: bool
    width: float

    @property
    def centre(self) -> tuple[float, float]:
        xs, ys = [p[0] for p in self.points], [p[1] for p in self.points]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (
        a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
        a * e2 + c * f2 + e, b * e2 + d * f2 + f,
    )  # fmt: skip


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def pieces(sketch: Sketch) -> list[Piece]:
    return list(_walk(sketch.drawing, IDENTITY))


def _walk(node: Drawing | Group | Path, matrix: Matrix) -> Iterator[Piece]:
    if isinstance(node, Path):
        yield from _subpaths(node, matrix)
        return
    if isinstance(node, Group) and not isinstance(node, Drawing):
        matrix = _compose(matrix, tuple(node.transform))  # type: ignore[arg-type]
    for child in node.contents:
        yield from _walk(child, matrix)


def _subpaths(path: Path, matrix: Matrix) -> Iterator[Piece]:
    look = {
        "filled": path.fillColor is not None,
        "stroked": path.strokeColor is not None,
        "width": path.strokeWidth * abs(matrix[0]),
    }
    points, index, current, closed = path.points, 0, [], False
    for op in path.operators:
        if op == MOVE and current:
            yield Piece(tuple(current), closed, **look)  # type: ignore[arg-type]
            current, closed = [], False
        if op == CLOSE:
            closed = True
            continue
        count = 3 if op == CURVE else 1
        for _ in range(count):
            current.append(_apply(matrix, points[index], points[index + 1]))
            index += 2
    if current:
        yield Piece(tuple(current), closed, **look)  # type: ignore[arg-type]
