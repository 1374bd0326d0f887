"""The test helpers that read PDFs back: boxes measured as the tests expect them."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.pdfgen.canvas import Canvas

from tests import pdf_reading
from worksheets.render.fonts import font_set


def _two_pages(path: Path) -> None:
    canvas = Canvas(str(path), pagesize=(600, 800), invariant=1)
    canvas.setFont(font_set().latin.regular, 12)
    canvas.drawString(100, 700, "Hello world")
    canvas.showPage()
    canvas.setFont(font_set().latin.regular, 12)  # a new page starts in reportlab's Helvetica
    canvas.drawString(100, 700, "Second page")
    canvas.showPage()
    canvas.save()


def test_words_are_boxed_with_y_measured_from_the_top_of_the_page(tmp_path: Path) -> None:
    pdf = tmp_path / "two.pdf"
    _two_pages(pdf)
    hello, world, *_ = pdf_reading.words(pdf)
    assert (hello.text, world.text) == ("Hello", "world")
    assert (hello.page_width, hello.page_height) == (600, 800)
    assert 99 <= hello.x_min < hello.x_max < world.x_min
    assert hello.y_min < 800 - 700 < hello.y_max  # the baseline, 100 pt from the top, inside


def test_text_keeps_lines_and_separates_pages_with_a_form_feed(tmp_path: Path) -> None:
    pdf = tmp_path / "two.pdf"
    _two_pages(pdf)
    assert pdf_reading.text(pdf).split("\f") == ["Hello world", "Second page"]
    assert pdf_reading.page_count(pdf) == 2 and pdf_reading.page_size(pdf) == (600, 800)


def test_fonts_names_the_embedded_font_without_its_subset_tag(tmp_path: Path) -> None:
    pdf = tmp_path / "two.pdf"
    _two_pages(pdf)
    assert pdf_reading.fonts(pdf) == {"NotoSans-Regular"}


def test_the_longest_dark_run_is_counted_inside_the_box_only() -> None:
    image = Image.new("RGB", (200, 100), "white")
    draw = ImageDraw.Draw(image)
    draw.line([(10, 20), (49, 20)], fill="black")  # 40 pixels
    draw.line([(10, 80), (189, 80)], fill="black")  # longer, but below the box
    box_points = (0.0, 0.0, 199.0, 50.0)  # at 72 dpi a point is a pixel
    assert pdf_reading.longest_dark_run(image, box_points, dpi=72) == 40
