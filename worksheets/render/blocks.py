"""A question (or an answer) as a block: rows of text, a picture, ruled lines and room to work,
each with a known height, so the flow can place whole blocks and nothing overlaps.

A text row is `LEADING` x its size tall with its baseline `ASCENT` x size below the row's top:
room for the tallest Latin accent and Devanagari matra above, and the deepest descender and
Devanagari vowel sign below, so rows stacked on each other never touch. A row whose glyphs are
drawn larger than its size (a Hindi word in an English line is set at the Devanagari size; a
Hindi translation beside English match items) is measured by its largest, `span`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from worksheets.render.fonts import Face
from worksheets.render.layout import Figure, Line, Page, Text, face_text
from worksheets.render.sketches import Sketch

LEADING = 1.38
ASCENT = 0.98


@dataclass(frozen=True)
class Cell:
    """A piece of text in a row, `x` from the block's left edge."""

    face: Face
    text: str
    x: float
    bold: bool = False
    size: float | None = None  # drawn at the row's size unless it has its own


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    size: float
    tallest: float = 0.0  # the largest size any glyph of it is drawn at, when above `size`

    @property
    def span(self) -> float:
        return max(self.size, self.tallest)

    @property
    def height(self) -> float:
        return self.span * LEADING


@dataclass(frozen=True)
class Picture:
    sketch: Sketch
    x: float  # from the block's left edge
    above: float  # room above and below, so the picture clears the text around it
    below: float

    @property
    def height(self) -> float:
        return self.above + self.sketch.height + self.below


@dataclass(frozen=True)
class Rules:
    """Ruled lines to write on (a sentence to rewrite, an answer in words)."""

    count: int
    pitch: float
    x: float
    width: float

    @property
    def height(self) -> float:
        return self.count * self.pitch


Item = Row | Picture | Rules


@dataclass
class Block:
    """One question or answer. `space` is the room left to work in after it, which the flow may
    stretch; `label` is drawn at the left of item `label_at` (the question's number)."""

    items: list[Item] = field(default_factory=list)
    label: Cell | None = None
    label_at: int = 0
    space: float = 0.0
    label_size: float = 11.0

    @cached_property
    def body(self) -> float:
        """The height of its items (asked often by the flow; a block is not changed once
        it is laid out)."""
        return sum(item.height for item in self.items)

    def split(self, room: float) -> tuple[Block, Block] | None:
        """The items that fit in `room`, and the rest; None if not even the first one fits."""
        used, cut = 0.0, 0
        while cut < len(self.items) and used + self.items[cut].height <= room:
            used += self.items[cut].height
            cut += 1
        if cut == 0:
            return None
        size = self.label_size
        head = Block(self.items[:cut], self.label if self.label_at < cut else None, self.label_at)
        rest_label = self.label if self.label_at >= cut else None
        tail = Block(self.items[cut:], rest_label, max(self.label_at - cut, 0), self.space, size)
        head.label_size = size
        return head, tail


def emit(block: Block, page: Page, x: float, top: float) -> None:
    """Add the block's drawing operations with its top-left corner at (x, top)."""
    y = top
    for index, item in enumerate(block.items):
        if isinstance(item, Row):
            baseline = y - item.span * ASCENT
            if block.label is not None and index == block.label_at:
                page.ops.append(_text(block.label, x, baseline, item.size))
            page.ops += [_text(cell, x, baseline, cell.size or item.size) for cell in item.cells]
        elif isinstance(item, Picture):
            _figure(page, item, x, y)
            if block.label is not None and index == block.label_at:  # a question that starts
                size = block.label_size  # with its picture: the number level with its top
                page.ops.append(_text(block.label, x, y - size * ASCENT, size))
        else:
            for n in range(item.count):
                line_y = y - (n + 1) * item.pitch + item.pitch * 0.18
                page.ops.append(
                    Line(x + item.x, line_y, x + item.x + item.width, line_y, 0.5, 0.55)
                )
        y -= item.height


def _text(cell: Cell, x: float, baseline: float, size: float) -> Text:
    return face_text(cell.face, cell.text, size, x + cell.x, baseline, cell.bold)


def _figure(page: Page, item: Picture, x: float, top: float) -> None:
    sketch = item.sketch
    left, bottom = x + item.x, top - item.above - sketch.height
    texts = tuple(Text(t.font, t.size, t.x + left, t.y + bottom, t.text) for t in sketch.texts)
    page.ops.append(Figure(left, bottom, sketch.width, sketch.height, sketch.drawing, texts))
