"""Rendering: identical re-renders, text inside the printable margin, keys that match, Hindi."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum.question import Question, Text
from curriculum.syllabus import builtin_syllabus
from tests import pdf_reading
from worksheets.assembly import Recipient, SheetRequest, assemble
from worksheets.render import fonts as fonts_module
from worksheets.render.fonts import FontNotFound
from worksheets.render.layout import MARGIN
from worksheets.render.numbers import group_digits
from worksheets.render.pdf import render_pdf
from worksheets.render.sheet import Options, SheetLayout
from worksheets.views import render_options, sheet_view

ALL_TYPES = (
    "fill_blank",
    "multiple_choice",
    "true_false",
    "error_identification",
    "word_problem",
    "match",
)
LONG_NAME = "Venkatanarasimharajuvaripeta Lakshminarayana Subramaniam Iyer"


def _sheet(
    language: str = "en",
    large_print: bool = False,
    paper: str = "A4",
    count: int = 20,
    name: str = "Asha Verma",
):  # type: ignore[no-untyped-def]
    request = SheetRequest(
        "maths",
        3,
        skills=(
            "maths.c3.add_3digit_regroup",
            "maths.c3.sub_3digit_regroup",
            "maths.c3.mult_tables",
        ),
        count=count,
        qtypes=ALL_TYPES,
        seed=11,
        settings={"language": language, "large_print": large_print, "paper": paper, "columns": 2},
    )
    return assemble(
        request,
        Recipient(child_id="c1", child_name=name, class_name="3A"),
        builtin_syllabus(),
        "2026-11-21",
    )


def _render(tmp_path: Path, sheet, name: str = "sheet"):  # type: ignore[no-untyped-def]
    out, key = tmp_path / f"{name}.pdf", tmp_path / f"{name}-key.pdf"
    render_pdf(
        [sheet_view(sheet, "Kendriya Vidyalaya No. 2, Pune")], out, render_options(sheet), key
    )
    return out, key


def _words(pdf: Path) -> list[tuple[float, float, float, float, float, float, str]]:
    """(page width, page height, xMin, yMin, xMax, yMax, word) for every word on every page."""
    return [
        (w.page_width, w.page_height, w.x_min, w.y_min, w.x_max, w.y_max, w.text)
        for w in pdf_reading.words(pdf)
    ]


def test_the_same_worksheet_renders_identically_twice(tmp_path: Path) -> None:
    sheet = _sheet()
    first, first_key = _render(tmp_path, sheet, "one")
    second, second_key = _render(tmp_path, sheet, "two")
    assert first.read_bytes() == second.read_bytes()
    assert first_key.read_bytes() == second_key.read_bytes()


@pytest.mark.parametrize(
    ("language", "large_print", "paper", "name"),
    [
        ("en", False, "A4", "Asha"),
        ("both", False, "Letter", LONG_NAME),
        ("hi", True, "A4", LONG_NAME),
    ],
)
def test_no_text_outside_the_printable_margin(
    tmp_path: Path, language: str, large_print: bool, paper: str, name: str
) -> None:
    out, key = _render(tmp_path, _sheet(language, large_print, paper, name=name))
    for pdf in (out, key):
        words = _words(pdf)
        assert words, "the PDF has text"
        tolerance = 1.0
        for width, height, x0, y0, x1, y1, word in words:
            assert x0 >= MARGIN - tolerance and x1 <= width - MARGIN + tolerance, (
                pdf.name,
                word,
                x0,
                x1,
            )
            assert y0 >= MARGIN - tolerance - 6 and y1 <= height - MARGIN + tolerance, (
                pdf.name,
                word,
                y0,
                y1,
            )


def test_every_page_turns_into_a_png(tmp_path: Path) -> None:
    out, _ = _render(tmp_path, _sheet(count=30))
    pages = pdf_reading.page_images(out, dpi=40)
    assert len(pages) == pdf_reading.page_count(out) >= 2
    assert all(pdf_reading.dark_fraction(page) > 0.005 for page in pages)  # not blank


def test_the_answer_key_matches_the_stored_answers(tmp_path: Path) -> None:
    sheet = _sheet()
    _, key = _render(tmp_path, sheet)
    text = pdf_reading.text(key)
    for number, stored in enumerate(sheet.questions, start=1):
        answer = group_digits(Question.model_validate(stored).answer)  # as every number prints
        assert re.search(rf"(^|\n){number}\. {re.escape(answer)}\b", text), (number, answer)


def test_a_devanagari_worksheet_renders_glyphs(tmp_path: Path) -> None:
    hindi, _ = _render(tmp_path, _sheet("hi"), "hindi")
    english, _ = _render(tmp_path, _sheet("en"), "english")
    # the shaped words read back as written (conjunct त्त, matras, danda)
    assert "उत्तर खाली जगह में लिखो। हल दी गई जगह में करो।" in pdf_reading.text(hindi)
    assert "NotoSansDevanagari-Regular" in pdf_reading.fonts(hindi)  # the Devanagari face
    assert not any("Devanagari" in font for font in pdf_reading.fonts(english))
    # The instruction line, drawn: Devanagari words hang from one headline each, which no
    # Latin letter (nor an empty box for a missing glyph) draws.
    dpi = 100
    hindi_run = _longest_run_on_the_line_of(hindi, "उत्तर", dpi)
    english_run = _longest_run_on_the_line_of(english, "Write", dpi)
    assert hindi_run >= 3 * english_run, (hindi_run, english_run)


def _longest_run_on_the_line_of(pdf: Path, first_word: str, dpi: float) -> int:
    word = next(w for w in pdf_reading.words(pdf) if w.text == first_word)
    line = (word.x_min, word.y_min, word.page_width - MARGIN, word.y_max)
    return pdf_reading.longest_dark_run(pdf_reading.page_image(pdf, 0, dpi), line, dpi)


def test_a_missing_font_file_gives_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(FontNotFound, match="is missing or damaged; reinstall PracticeCraft"):
        fonts_module.bundled_faces(tmp_path)  # a folder without the bundled fonts


def test_long_names_and_long_questions_wrap(tmp_path: Path) -> None:
    sheet = _sheet(name=LONG_NAME)
    view = sheet_view(sheet, "A school with a very long name indeed, " * 4)
    long_question = Question.model_validate(sheet.questions[0]).model_copy(
        update={"prompt": Text(en="Ravi " * 120 + "= ____")}
    )
    view = view.__class__(**{**view.__dict__, "questions": (long_question, *view.questions[1:])})
    out = tmp_path / "long.pdf"
    render_pdf([view], out, Options())
    for width, _, x0, _, x1, _, word in _words(out):
        assert x0 >= MARGIN - 1 and x1 <= width - MARGIN + 1, word


def test_the_qr_code_reads_back_as_the_worksheet_code(tmp_path: Path) -> None:
    sheet = _sheet()
    out, _ = _render(tmp_path, sheet)
    image = pdf_reading.page_image(out, 0, dpi=150)
    assert pdf_reading.read_qr_codes(image) == [f"PC:{sheet.code}"]


def test_devanagari_names_in_the_header_use_the_devanagari_face() -> None:
    sheet = _sheet("hi", name="आशा वर्मा")
    view = sheet_view(sheet, "राजकीय प्राथमिक विद्यालय, जयपुर")
    layout = SheetLayout(Options(language="hi"), fonts_module.font_set())
    deva = fonts_module.font_set().devanagari
    pages = layout.worksheet(view) + layout.answer_key(view)
    header_fonts = {op.font for op in pages[0].ops[:8] if hasattr(op, "font")}
    assert deva.regular in header_fonts or deva.bold in header_fonts
    for page in pages:
        for op in page.ops:
            text = getattr(op, "text", "")
            if any("\u0900" <= ch <= "\u097f" for ch in text):
                assert op.font in (deva.regular, deva.bold), text  # type: ignore[union-attr]
