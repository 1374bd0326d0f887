"""Writing worksheets, class sets and answer keys to PDF files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from worksheets.render.fonts import DEFAULT_FONTS, FontChoice, FontSet, font_set
from worksheets.render.layout import PAPER_SIZES, Page, draw
from worksheets.render.sheet import Options, SheetLayout, SheetView


@dataclass(frozen=True)
class Rendered:
    sheet_pages: int
    key_pages: int


def layout_pages(
    views: Sequence[SheetView], options: Options, fonts: FontChoice = DEFAULT_FONTS
) -> tuple[list[Page], list[Page]]:
    """Sheets (each starting on a new page) and their answer keys, as drawing operations."""
    layout = SheetLayout(options, font_set(fonts))
    sheets = [page for view in views for page in layout.worksheet(view)]
    keys = [page for view in views for page in layout.answer_key(view)]
    return sheets, keys


def render_pdf(
    views: Sequence[SheetView],
    path: Path,
    options: Options,
    key_path: Path | None = None,
    keys_at_end: bool = False,
    fonts: FontChoice = DEFAULT_FONTS,
) -> Rendered:
    """Write the sheets to `path`; their keys to `key_path`, or after the sheets if asked.

    Output is deterministic: the same views and options give byte-identical files — on any
    computer with the bundled fonts (the default), only on this one with "system" fonts.
    """
    sheets, keys = layout_pages(views, options, fonts)
    title = views[0].title if len(views) == 1 else f"Class set: {views[0].title}"
    chosen = font_set(fonts)
    _write(path, sheets + (keys if keys_at_end else []), options, title, chosen)
    if key_path is not None:
        _write(key_path, keys, options, f"Answer key: {title}", chosen)
    return Rendered(len(sheets), len(keys) if (key_path or keys_at_end) else 0)


def _write(path: Path, pages: list[Page], options: Options, title: str, fonts: FontSet) -> None:
    canvas = Canvas(str(path), pagesize=PAPER_SIZES[options.paper], invariant=1)
    canvas.setTitle(title)
    canvas.setAuthor("PracticeCraft")
    canvas.setCreator("PracticeCraft")
    draw(pages, canvas, fonts)
    canvas.save()
