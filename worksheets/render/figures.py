"""Drawing a question's picture: from its description (`curriculum.pictures`) to a sketch — a
reportlab graphics `Drawing` of paths for the lines and shapes, and the words and numbers that
go with it as ordinary text, so they are printed in the sheet's fonts (shaped Hindi included).

Every sketch fits the width it is given and says its own size, so the page layout can place it
like a line of text, and nothing else is printed where it is.
"""

from __future__ import annotations

from curriculum.pictures import (
    Clock,
    Grid,
    Growing,
    Objects,
    Pattern,
    Pictograph,
    Picture,
    Rectangle,
    Strip,
    Tally,
)
from worksheets.render import figure_data, figure_measures, figure_shapes, figure_things
from worksheets.render.layout import Text
from worksheets.render.paths import enlarge, ink_bounds, move
from worksheets.render.sketches import Pen, Sketch

__all__ = ["Pen", "Sketch", "scaled", "sketch"]


def sketch(picture: Picture, pen: Pen, width: float) -> Sketch:
    """The picture drawn to fit `width` points: at its size if it can, else made smaller
    (a wide pictograph in a narrow column), never wider."""
    done = _framed(_sketch(picture, pen, width), pen)
    return done if done.width <= width else scaled(done, width / done.width)


def _sketch(picture: Picture, pen: Pen, width: float) -> Sketch:
    if isinstance(picture, Tally):
        return figure_data.tally(picture, pen, width)
    if isinstance(picture, Pictograph):
        return figure_data.pictograph(picture, pen, width)
    if isinstance(picture, Pattern):
        return figure_shapes.pattern(picture, pen, width)
    if isinstance(picture, Growing):
        return figure_shapes.growing(picture, pen, width)
    if isinstance(picture, Clock):
        return figure_measures.clock(picture, pen, width)
    if isinstance(picture, Grid):
        return figure_measures.grid(picture, pen, width)
    if isinstance(picture, Rectangle):
        return figure_measures.rectangle(picture, pen, width)
    if isinstance(picture, Objects):
        return figure_things.objects(picture, pen, width)
    if isinstance(picture, Strip):
        return figure_things.strip(picture, pen, width)
    return figure_measures.money(picture, pen, width)


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
