"""Reading our PDFs back in tests, with wheels only (pypdfium2, zxing-cpp): no system tools.

Every test that looks inside a PDF uses these helpers, so `uv run pytest` needs nothing but uv
and Python. Coordinates follow the PDF's own points; word boxes are given with y measured from
the top of the page, as most PDF tools print them.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp
from PIL import Image


@dataclass(frozen=True)
class Word:
    """A run of non-space characters and the box around it (font height, not just the ink)."""

    page_width: float
    page_height: float
    x_min: float
    y_min: float  # from the top of the page
    x_max: float
    y_max: float
    text: str


@contextmanager
def opened(pdf: Path) -> Iterator[pdfium.PdfDocument]:
    document = pdfium.PdfDocument(pdf)
    try:
        yield document
    finally:
        document.close()


def page_count(pdf: Path) -> int:
    with opened(pdf) as document:
        return len(document)


def page_size(pdf: Path, index: int = 0) -> tuple[float, float]:
    """Width and height of one page, in points (A4 is 595 x 842)."""
    with opened(pdf) as document:
        width, height = document[index].get_size()
        return round(width, 2), round(height, 2)


def text(pdf: Path) -> str:
    """All the text, page after page (pages separated by a form feed), one line per line."""
    with opened(pdf) as document:
        pages = [_page_text(document[index]) for index in range(len(document))]
    return "\f".join(pages)


def _page_text(page: pdfium.PdfPage) -> str:
    # PDFium ends lines with CRLF and marks the gaps between separate strings with a space.
    return str(page.get_textpage().get_text_range()).replace("\r\n", "\n")


def words(pdf: Path) -> list[Word]:
    """Every word on every page with its box."""
    found: list[Word] = []
    with opened(pdf) as document:
        for index in range(len(document)):
            found += _page_words(document[index])
    return found


def _page_words(page: pdfium.PdfPage) -> list[Word]:
    width, height = page.get_size()
    chars = page.get_textpage()
    found: list[Word] = []
    current: list[tuple[str, tuple[float, float, float, float]]] = []
    for index in range(chars.count_chars()):
        char = chars.get_text_range(index, 1)
        if char.strip():
            current.append((char, chars.get_charbox(index, loose=True)))
            continue
        if current:
            found.append(_word(width, height, current))
            current = []
    if current:
        found.append(_word(width, height, current))
    return found


def _word(
    width: float, height: float, chars: list[tuple[str, tuple[float, float, float, float]]]
) -> Word:
    left = min(box[0] for _, box in chars)
    bottom = min(box[1] for _, box in chars)
    right = max(box[2] for _, box in chars)
    top = max(box[3] for _, box in chars)
    word = "".join(char for char, _ in chars)
    return Word(width, height, left, height - top, right, height - bottom, word)


def fonts(pdf: Path) -> set[str]:
    """The base names of the fonts the text is drawn in (a subset tag like ABCDEF+ removed)."""
    names: set[str] = set()
    with opened(pdf) as document:
        for index in range(len(document)):
            for item in document[index].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
                names.add(_font_name(item).split("+")[-1])
    return names


def _font_name(item: pdfium.PdfObject) -> str:
    font = pdfium_c.FPDFTextObj_GetFont(item.raw)
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
    return buffer.value.decode("utf-8")


def page_image(pdf: Path, index: int = 0, dpi: float = 72) -> Image.Image:
    """One page as a picture (white background)."""
    with opened(pdf) as document:
        bitmap = document[index].render(scale=dpi / 72)
        return bitmap.to_pil().convert("RGB")


def page_images(pdf: Path, dpi: float = 72) -> list[Image.Image]:
    return [page_image(pdf, index, dpi) for index in range(page_count(pdf))]


def dark_fraction(image: Image.Image) -> float:
    """The share of pixels darker than mid-grey: how much ink a page carries."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:128]) / (image.width * image.height)


def read_qr_codes(image: Image.Image) -> list[str]:
    """The text of every QR code found in the picture."""
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in found]


def longest_dark_run(image: Image.Image, box: tuple[float, float, float, float], dpi: float) -> int:
    """The longest unbroken horizontal line of dark pixels inside `box` (points, y from the top).

    Devanagari joins the letters of a word under one headline (shirorekha), so a Hindi line has
    runs as long as its words; Latin letters, or empty boxes for missing glyphs, have short ones.
    """
    grey = image.convert("L")
    scale = dpi / 72
    left, top, right, bottom = (round(value * scale) for value in box)
    longest = 0
    for y in range(max(top, 0), min(bottom, grey.height - 1) + 1):
        run = 0
        for x in range(max(left, 0), min(right, grey.width - 1) + 1):
            run = run + 1 if grey.getpixel((x, y)) < 128 else 0  # type: ignore[operator]
            longest = max(longest, run)
    return longest


def font_sizes(pdf: Path) -> dict[str, set[float]]:
    """The point sizes each font's text is drawn at (base font names, subset tag removed)."""
    sizes: dict[str, set[float]] = {}
    with opened(pdf) as document:
        for index in range(len(document)):
            for item in document[index].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
                size = ctypes.c_float()
                pdfium_c.FPDFTextObj_GetFontSize(item.raw, ctypes.byref(size))
                name = _font_name(item).split("+")[-1]
                sizes.setdefault(name, set()).add(round(size.value, 2))
    return sizes
