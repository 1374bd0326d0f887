"""The bundled fonts: every character the app prints is in them, Hindi is shaped, runs mix fonts."""

from __future__ import annotations

import ast
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from curriculum.engine import NotEnoughQuestions, generate
from curriculum.generators import UnknownSkill
from curriculum.question import QUESTION_TYPES, Question
from curriculum.syllabus import builtin_syllabus
from tests import pdf_reading
from worksheets.render.fonts import SIZED_RUNS_KEPT, Run, bundled_folder, font_set, glyphs
from worksheets.render.painter import Painter

REPO = Path(__file__).resolve().parents[2]
PRINTING_PACKAGES = ("curriculum", "worksheets", "progress", "storage", "practicecraft")


def _printed_text(question: Question) -> Iterator[str]:
    for text in (question.instruction, question.prompt, question.solution):
        yield text.en
        yield text.hi or ""
    yield question.answer
    yield question.unit or ""
    yield from question.options
    for pair in question.pairs:
        yield from (pair.left.en, pair.left.hi or "", pair.right)


def _questions_of_every_skill() -> Iterator[str]:
    """Questions of every type of every skill, over two seeds, in English and Hindi."""
    for skill in builtin_syllabus().skills():
        for seed in (1, 2):
            for qtype in QUESTION_TYPES:
                try:
                    questions = generate(skill.tag, 6, seed, qtypes=(qtype,))
                except (NotEnoughQuestions, UnknownSkill):
                    continue  # this skill has no (or not six) questions of this type
                for question in questions:
                    yield from _printed_text(question)


def _syllabus_text() -> Iterator[str]:
    for _subject, grade in builtin_syllabus().entries():
        for chapter in grade.chapters:
            yield from (chapter.title, chapter.title_hi or "")
            for skill in chapter.skills:
                yield from (
                    skill.title,
                    skill.title_hi or "",
                    skill.concept,
                    skill.concept_hi or "",
                )


def _string_literals() -> Iterator[str]:
    """Headers, labels, instructions: every string written in the code that prints."""
    for package in PRINTING_PACKAGES:
        for source in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    yield node.value


def test_every_character_the_app_prints_is_in_the_bundled_fonts() -> None:
    fonts = font_set("bundled")
    printed = {
        char
        for source in (_questions_of_every_skill(), _syllabus_text(), _string_literals())
        for text in source
        for char in text
        if unicodedata.category(char) != "Cc"  # newlines and tabs are never drawn
    }
    assert any("\u0900" <= char <= "\u097f" for char in printed)  # Hindi was scanned
    # the symbols were scanned (dots and boxes are no longer among them: those are drawn now)
    assert {"₹", "×", "÷", "−", "½", "⅜", "°", "≈", "→"} <= printed
    missing = sorted(
        f"U+{ord(c):04X} {unicodedata.name(c, '?')}"
        for c in printed
        if not any(ord(c) in face.chars for face in fonts.chain)
    )
    assert missing == []


def test_the_bundled_fonts_have_a_bold_latin_and_a_bold_devanagari() -> None:
    fonts = font_set("bundled")
    assert fonts.latin.bold != fonts.latin.regular
    assert fonts.devanagari.bold != fonts.devanagari.regular


def test_every_bundled_font_file_has_its_licence_beside_it() -> None:
    folder = bundled_folder()
    assert (folder / "OFL.txt").read_text(encoding="utf-8").startswith("Copyright")
    assert "SIL OPEN FONT LICENSE" in (folder / "OFL.txt").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for font in sorted(folder.glob("*.ttf")):
        assert font.name in readme, font.name


def test_a_conjunct_is_drawn_as_one_glyph() -> None:
    fonts = font_set("bundled")
    for conjunct in ("क्ष", "श्र", "त्त"):
        [run] = fonts.runs(conjunct, fonts.devanagari.regular)
        drawn = glyphs(run, 12)
        assert len(drawn) == 1 and drawn != conjunct, (conjunct, drawn)  # not 3 codepoints


def test_a_short_i_matra_is_drawn_before_its_consonant() -> None:
    fonts = font_set("bundled")
    [run] = fonts.runs("कि", fonts.devanagari.regular)
    drawn = str(glyphs(run, 12))
    assert len(drawn) == 2 and drawn[1] == "क"  # written after क, its glyph comes first


def test_shaped_hindi_looks_different_from_its_bare_codepoints(tmp_path: Path) -> None:
    fonts, words = font_set("bundled"), "क्षमा श्रम"
    shaped, bare = tmp_path / "shaped.pdf", tmp_path / "bare.pdf"
    canvas = Canvas(str(shaped), invariant=1)
    Painter(canvas, fonts).text(40, 780, words, fonts.devanagari.regular, 24)
    canvas.save()
    canvas = Canvas(str(bare), invariant=1)
    canvas.setFont(fonts.devanagari.regular, 24)
    canvas.drawString(40, 780, words)  # the codepoints one by one, as if no shaping were done
    canvas.save()
    assert pdf_reading.text(shaped).strip() == words  # reads back as written
    shaped_image = pdf_reading.page_image(shaped, dpi=100).tobytes()
    bare_image = pdf_reading.page_image(bare, dpi=100).tobytes()
    assert shaped_image != bare_image


def test_a_line_mixing_scripts_is_drawn_in_runs_of_the_font_that_has_them() -> None:
    fonts = font_set("bundled")
    runs = fonts.runs("पतंगें गिनो। हर ● एक पतंग है। Arjun ≈ 5", fonts.devanagari.regular)
    assert [run.font for run in runs] == [
        *("PC-Deva", "PC-Symbols", "PC-Deva", "PC-Latin", "PC-Deva", "PC-Math", "PC-Deva")
    ]
    assert "".join(run.text for run in runs) == "पतंगें गिनो। हर ● एक पतंग है। Arjun ≈ 5"


def test_a_run_goes_back_to_its_own_face_after_a_borrowed_sign() -> None:
    fonts = font_set("bundled")
    runs = fonts.runs("49 + 86 ≈ ____", fonts.latin.regular)
    assert runs == [
        Run("PC-Latin", "49 + 86 ", False),
        Run("PC-Math", "≈", False),
        Run("PC-Latin", " ____", False),  # the blank is drawn like every other blank
    ]


def test_bold_text_stays_bold_where_the_borrowed_face_has_a_bold() -> None:
    fonts = font_set("bundled")
    runs = fonts.runs("Arjun की", fonts.devanagari.bold)
    assert [run.font for run in runs] == ["PC-Latin-Bold", "PC-Deva-Bold"]


def test_a_width_counts_each_run_in_its_own_font() -> None:
    fonts = font_set("bundled")
    whole = fonts.width("a ≈ b", fonts.latin.regular, 10)
    parts = sum(fonts.width(t, fonts.latin.regular, 10) for t in ("a ", " b"))
    assert whole == pytest.approx(parts + fonts.width("≈", "PC-Math", 10))


def test_remembered_runs_are_the_runs_and_a_long_session_does_not_grow_without_end() -> None:
    fonts = font_set()
    line = "(a) 5 × 3 = 15 / पाँच"
    first = fonts.sized_runs(line, fonts.latin.regular, 11)
    assert first == fonts._sized_runs(line, fonts.latin.regular, 11)
    assert fonts.sized_runs(line, fonts.latin.regular, 11) is first  # remembered
    for n in range(SIZED_RUNS_KEPT + 10):
        fonts.sized_runs(f"line {n}", fonts.latin.regular, 11)
    assert len(fonts._sized) <= SIZED_RUNS_KEPT
