"""Where a laid-out page puts ink: a box around every text's glyphs, every picture, rule, panel
and QR code — worked out independently of the renderer, from the font files themselves with
HarfBuzz — and the pairs of them that overlap.

The layout's own operations are read (not the PDF), so thousands of sheets can be checked in
seconds; `tests/worksheets/test_layout.py` also holds these boxes against what pypdfium2 finds
in the printed PDF, so they are known to be where the ink really is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

from worksheets.render.fonts import FontSet
from worksheets.render.layout import Box, Figure, Line, Page, Qr, Text


@dataclass(frozen=True)
class Ink:
    """A box of ink on a page, in points, y up. `owner`: the picture or panel a text is part
    of (its numbers, labels, lines of a "Remember" note), which it may sit on."""

    x0: float
    y0: float
    x1: float
    y1: float
    what: str
    owner: int | None = None
    index: int = 0  # which picture or panel this is, for the texts it owns

    def overlaps(self, other: Ink, tolerance: float = 0.05) -> bool:
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > tolerance
            and min(self.y1, other.y1) - max(self.y0, other.y0) > tolerance
        )

    def inside(self, other: Ink, tolerance: float = 0.5) -> bool:
        return (
            self.x0 >= other.x0 - tolerance
            and self.y0 >= other.y0 - tolerance
            and self.x1 <= other.x1 + tolerance
            and self.y1 <= other.y1 + tolerance
        )


@cache
def _hb_font(font_name: str) -> tuple[hb.Font, int]:
    path = pdfmetrics.getFont(font_name).face.filename
    face = hb.Face(hb.Blob(Path(path).read_bytes()))
    return hb.Font(face), face.upem


@cache
def _run_ink(font_name: str, text: str, shaped: bool) -> tuple[float, float, float, float, float]:
    """Ink of `text` in `font_name` at 1000 units per em: (left, bottom, right, top, advance).

    Shaped faces are shaped (as the renderer does); others are set glyph by glyph with their
    plain advances and no kerning, as reportlab draws them.
    """
    font, upem = _hb_font(font_name)
    scale = 1000 / upem
    placed: list[tuple[int, float, float]] = []  # glyph, x, y offset
    x = 0.0
    if shaped:
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        hb.shape(font, buffer, {})
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
            placed.append((info.codepoint, x + pos.x_offset, pos.y_offset))
            x += pos.x_advance
    else:
        for char in text:
            glyph, advance = _glyph(font_name, char)
            placed.append((glyph, x, 0.0))
            x += advance
    left = bottom = float("inf")
    right = top = float("-inf")
    for glyph, gx, gy in placed:
        extents = _extents(font_name, glyph)
        if extents is None:
            continue  # a space: no ink
        x_bearing, y_bearing, width, height = extents
        left = min(left, gx + x_bearing)
        right = max(right, gx + x_bearing + width)
        top = max(top, gy + y_bearing)
        bottom = min(bottom, gy + y_bearing + height)
    return left * scale, bottom * scale, right * scale, top * scale, x * scale


@cache
def _glyph(font_name: str, char: str) -> tuple[int, int]:
    font, _ = _hb_font(font_name)
    glyph = font.get_nominal_glyph(ord(char)) or 0
    return glyph, font.get_glyph_h_advance(glyph)


@cache
def _extents(font_name: str, glyph: int) -> tuple[int, int, int, int] | None:
    extents = _hb_font(font_name)[0].get_glyph_extents(glyph)
    if extents is None or extents.width == 0 or extents.height == 0:
        return None
    return extents.x_bearing, extents.y_bearing, extents.width, extents.height


def text_ink(op: Text, fonts: FontSet) -> tuple[float, float, float, float] | None:
    """The box around the glyphs `op` draws, or None if it draws none (spaces only)."""
    x = op.x
    box: list[float] = [float("inf"), float("inf"), float("-inf"), float("-inf")]
    # each run at the size the painter draws it (a Hindi word in an English line is larger)
    for run, size in fonts.sized_runs(op.text, op.font, op.size):
        left, bottom, right, top, advance = _run_ink(run.font, run.text, run.shaped)
        k = size / 1000
        if left != float("inf"):
            box = [
                min(box[0], x + left * k),
                min(box[1], op.y + bottom * k),
                max(box[2], x + right * k),
                max(box[3], op.y + top * k),
            ]
        x += advance * k
    return None if box[0] == float("inf") else (box[0], box[1], box[2], box[3])


def inks(page: Page, fonts: FontSet) -> list[Ink]:
    """Every box of ink the page's operations print."""
    found: list[Ink] = []
    panels: list[Ink] = []
    for index, op in enumerate(page.ops):
        if isinstance(op, Text):
            box = text_ink(op, fonts)
            if box is not None:
                owner = next((p.index for p in panels if Ink(*box, "t").inside(p, 0.0)), None)
                found.append(Ink(*box, f"text {op.text!r}", owner))
        elif isinstance(op, Figure):
            found.append(Ink(op.x, op.y, op.x + op.w, op.y + op.h, "picture", index=index))
            for text in op.texts:
                box = text_ink(text, fonts)
                if box is not None:
                    found.append(Ink(*box, f"picture text {text.text!r}", owner=index))
        elif isinstance(op, Line):
            half = op.width / 2
            x0, x1 = sorted((op.x1, op.x2))
            y0, y1 = sorted((op.y1, op.y2))
            found.append(Ink(x0 - half, y0 - half, x1 + half, y1 + half, "line"))
        elif isinstance(op, Box):
            panel = Ink(op.x, op.y, op.x + op.w, op.y + op.h, "panel", index=index)
            panels.append(panel)
            found.append(panel)
        elif isinstance(op, Qr):
            found.append(Ink(op.x, op.y, op.x + op.size, op.y + op.size, "qr code"))
    return found


def overlaps(boxes: list[Ink]) -> list[tuple[Ink, Ink]]:
    """Pairs of boxes that overlap, except a picture or panel and what it holds."""
    clashes = []
    ordered = sorted(boxes, key=lambda b: -b.y1)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.y1 <= a.y0:
                break  # every later box lies wholly below a
            if _holds(a, b) or _holds(b, a):
                continue
            if a.overlaps(b):
                clashes.append((a, b))
    return clashes


def _holds(container: Ink, content: Ink) -> bool:
    return (
        content.owner is not None
        and content.owner == container.index
        and container.what
        in (
            "picture",
            "panel",
        )
    )
