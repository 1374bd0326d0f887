"""Hindi sheets are Hindi, and bilingual sheets print each question once.

The main property lays out 2,000 Maths, EVS and English sheets with their keys — every grade,
chapter, question type, language (Hindi, both), paper, column count and large print — and reads
every text the page would print: on a Hindi sheet no Latin letters but the user's own names and
the sheet's code (and, on an English sheet, the English it teaches); on a bilingual sheet none
in any Hindi line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from random import Random

import pytest
from reportlab.pdfgen.canvas import Canvas

from curriculum.engine import NotEnoughQuestions
from curriculum.hindi import latin_words
from curriculum.question import QUESTION_TYPES, Question
from curriculum.syllabus import builtin_syllabus
from tests import pdf_reading
from tests.curriculum.test_hindi_questions import LETTER_FIGURES
from worksheets.assembly import Recipient, SheetRequest, assemble
from worksheets.model import Worksheet
from worksheets.render.fonts import font_set
from worksheets.render.layout import Page, Text
from worksheets.render.painter import Painter
from worksheets.render.pdf import render_pdf
from worksheets.render.sheet import WIDE_BLANK, Options, SheetLayout, SheetView
from worksheets.views import render_options, sheet_view

SHEETS = 2_000
SCHOOL = "Kendriya Vidyalaya No. 2, Pune"
# no name a generator uses (Asha, Ravi...), so a generated English name is never taken for one
NAMES = ("Nandini Rao", "नंदिनी राव", "Venkatanarasimharajuvaripeta Lakshminarayana")
SUBJECT_GRADES = (
    [("maths", g) for g in range(1, 6)]
    + [("evs", g) for g in range(3, 6)]
    + [("english", g) for g in range(1, 6)]
)
_LAYOUTS: dict[Options, SheetLayout] = {}


def _layout(options: Options) -> SheetLayout:
    if options not in _LAYOUTS:
        _LAYOUTS[options] = SheetLayout(options, font_set())
    return _LAYOUTS[options]


def _random_sheet(seed: int) -> tuple[Worksheet, Options]:
    rng = Random(seed)
    subject, grade = rng.choice(SUBJECT_GRADES)
    entry = builtin_syllabus().grade(subject, grade)
    assert entry is not None
    chapters = rng.sample(entry.chapters, rng.choice((1, 1, 2, 3)))
    options = Options(
        paper=rng.choice(("A4", "Letter")),
        language=rng.choice(("hi", "hi", "both")),
        large_print=rng.random() < 0.2,
        columns=rng.choice((1, 2, 2, 3)),
    )
    qtypes = tuple(rng.sample(QUESTION_TYPES, rng.randint(1, 4))) if rng.random() < 0.7 else ()
    request = SheetRequest(
        subject,
        grade,
        skills=tuple(s.tag for c in chapters for s in c.skills),
        count=rng.choice((8, 12) if subject == "evs" else (8, 12, 20)),  # EVS: 17+ a chapter
        qtypes=qtypes,  # type: ignore[arg-type]
        seed=seed,
        settings={"language": options.language},
    )
    who = Recipient(child_id="c1", child_name=rng.choice(NAMES), class_name=f"{grade}A")
    version = rng.choice((None, None, "B"))
    try:
        return assemble(request, who, builtin_syllabus(), "2026-11-21", version), options
    except NotEnoughQuestions:  # a small English chapter: the sheet a teacher would make instead
        fewer = replace(request, count=8, qtypes=())
        return assemble(fewer, who, builtin_syllabus(), "2026-11-21", version), options


def _texts(pages: list[Page]) -> Iterator[Text]:
    return (op for page in pages for op in page.ops if isinstance(op, Text))


def _foreign(view: SheetView, sheet: Worksheet, options: Options, pages: list[Page]) -> list[str]:
    """Latin words a Hindi reader would meet: anywhere on a Hindi sheet; on a bilingual sheet,
    in any Hindi part of a line ("cube / घन", "Balls (गेंदें): |||" and "Name / नाम" give each
    language its own part). The user's names and the sheet's code are theirs to print."""
    own = " ".join((SCHOOL, view.child_name or "", view.class_name or "", sheet.code)).split()
    # an English sheet teaches English: its questions' words may print, its chrome is Hindi
    english = sheet.subject == "english"
    taught = set(latin_words(" ".join(_english_taught(sheet)))) if english else set()
    letters = any(q["skill_tag"] in LETTER_FIGURES for q in sheet.questions)
    found = []
    for op in _texts(pages):
        text = op.text  # a name may wrap, so its words are taken out one by one
        for word in own:
            text = re.sub(rf"(?<!\S){re.escape(word)}(?!\S)", " ", text)
        parts = [text] if options.language == "hi" else _PARTS.split(text)
        for part in parts:
            if options.language == "both" and not _DEVANAGARI.search(part):
                continue
            for word in latin_words(part):
                # (a part of a word: a narrow column breaks a long one, "disconne" / "ct")
                if not any(word in whole for whole in taught) and not (
                    letters and len(word) == 1 and word.isupper()
                ):
                    found.append(f"{word!r} in {op.text!r}")
    return found


def _english_taught(sheet: Worksheet) -> Iterator[str]:
    """Every English text an English-subject sheet's questions print (and the English words
    their Hindi instructions, titles and notes name: "a या an में से सही शब्द भरो।")."""
    syllabus = builtin_syllabus()
    for raw in sheet.questions:
        q = Question.model_validate(raw)
        skill, chapter = syllabus.skill(q.skill_tag), syllabus.chapter_of(q.skill_tag)
        yield from (skill.title_hi or "", skill.concept_hi or "", chapter.title_hi or "")
        yield from (q.prompt.en, q.solution.en, q.answer, q.instruction.hi or "", *q.options)
        yield from (q.prompt.hi or "", q.solution.hi or "", q.answer_hi or "", *q.options_hi)
        yield from (side for p in q.pairs for side in (p.left.en, p.right))


# where a bilingual line changes language: "a / b", "a (b)", "a · b", a gap of two spaces
_PARTS = re.compile(r" / |[()]| · |\s{2,}")
_DEVANAGARI = re.compile("[\u0900-\u097f]")


def test_no_english_on_2000_hindi_and_bilingual_sheets_and_keys() -> None:
    problems: list[str] = []
    for seed in range(SHEETS):
        sheet, options = _random_sheet(seed)
        view = sheet_view(sheet, SCHOOL)
        layout = _layout(options)
        pages = layout.worksheet(view) + layout.answer_key(view)
        problems += [f"sheet {seed}: {p}" for p in _foreign(view, sheet, options, pages)]
    assert problems == [], "\n".join(problems[:40])


def _sheet(language: str, skills: tuple[str, ...], seed: int = 3, **kw: object) -> Worksheet:
    tag = skills[0].split(".")
    request = SheetRequest(
        tag[0],
        int(tag[1][1:]),
        skills=skills,
        count=int(kw.get("count", 12)),  # type: ignore[call-overload]
        qtypes=kw.get("qtypes", ()),  # type: ignore[arg-type]
        seed=seed,
        settings={"language": language},
    )
    who = Recipient(child_id="c1", child_name="Asha Verma", class_name="3A")
    return assemble(request, who, builtin_syllabus(), "2026-11-21")


def _pages(sheet: Worksheet, language: str) -> tuple[list[Page], list[Page]]:
    layout = _layout(Options(language=language))  # type: ignore[arg-type]
    view = sheet_view(sheet, SCHOOL)
    return layout.worksheet(view), layout.answer_key(view)


def _all_text(pages: list[Page]) -> str:
    return "\n".join(op.text for op in _texts(pages)).replace("\u00a0", " ")


def test_a_hindi_sheet_prints_its_header_title_and_footer_in_hindi() -> None:
    sheet = _sheet("hi", ("maths.c3.add_3digit_regroup",))
    pages, key = _pages(sheet, "hi")
    text = _all_text(pages)
    for words in ("नाम: Asha Verma", "कक्षा: 3A", "दिनांक: 21 नवंबर 2026", "गणित — लेन-देन"):
        assert words in text
    assert f"कोड {sheet.code}" in text and f"पृष्ठ 1 / {len(pages)}" in text
    assert "याद रखो:" in text
    key_text = _all_text(key)
    assert "उत्तर कुंजी: गणित — लेन-देन" in key_text and "अभ्यास पत्र का कोड" in key_text


def test_an_english_sheet_in_hindi_has_a_hindi_header_and_key_headings() -> None:
    sheet = _sheet("hi", ("english.c3.articles",), count=8)
    pages, key = _pages(sheet, "hi")
    header = [op.text for op in pages[0].ops[:12] if isinstance(op, Text)]
    assert any(t.startswith("नाम:") for t in header)
    assert any(t.startswith("अंग्रेज़ी — ") for t in header)
    assert _all_text(key).startswith("उत्तर कुंजी:")


def test_a_hindi_key_says_sahi_or_galat_and_gives_units_in_hindi() -> None:
    sheet = _sheet("hi", ("maths.c3.calendar_month",), qtypes=("fill_blank", "true_false"))
    key = _all_text(_pages(sheet, "hi")[1])
    assert "True" not in key and "False" not in key and "days" not in key
    assert "सही" in key or "गलत" in key
    assert " दिन" in key


def test_a_hindi_section_heading_is_bold_and_set_as_large_as_the_english_one() -> None:
    sheet = _sheet("both", ("maths.c2.calendar_days",))
    pages, _ = _pages(sheet, "both")
    fonts = font_set()
    ops = list(_texts(pages))
    english = next(op for op in ops if op.text == "Fill in the blank." and op.font.endswith("Bold"))
    hindi = next(op for op in ops if op.text == "रिक्त स्थान भरो।")
    assert hindi.font == fonts.devanagari.bold
    assert hindi.size >= english.size * 1.1  # the headline as tall as Latin capitals


def _count(pages: list[Page], mark: str) -> int:
    """How often `mark` is printed in the questions, leaving out legends: the instructions
    (bold: "||||/ is a group of 5 marks") and brackets ("each * = 1 child")."""
    return sum(
        re.sub(r"\([^)]*(\)|$)", "", op.text).count(mark)  # a legend may wrap inside its brackets
        for op in _texts(pages)
        if not op.font.endswith("Bold")
    )


@pytest.mark.parametrize("seed", range(12))
def test_a_bilingual_sheet_has_one_blank_per_blank_of_the_english_sheet(seed: int) -> None:
    skills = ("maths.c2.calendar_days", "maths.c3.add_3digit_regroup", "maths.c1.data_count")
    sheet = _sheet("both", skills, seed=seed, qtypes=("fill_blank", "word_problem", "match"))
    assert _count(_pages(sheet, "both")[0], WIDE_BLANK) == _count(
        _pages(sheet, "en")[0], WIDE_BLANK
    )


@pytest.mark.parametrize(
    "skill", ["maths.c1.data_count", "maths.c3.tally_count", "maths.c2.data_pictograph"]
)
def test_a_bilingual_sheet_prints_tally_marks_and_pictographs_once(skill: str) -> None:
    for seed in range(6):
        sheet = _sheet("both", (skill,), seed=seed, count=6)
        both, english = _pages(sheet, "both")[0], _pages(sheet, "en")[0]
        for mark in ("|", "*"):
            assert _count(both, mark) == _count(english, mark), (skill, seed, mark)


def test_a_bilingual_match_item_gives_each_side_in_both_languages() -> None:
    sheet = _sheet("both", ("maths.c2.calendar_days",), qtypes=("match",), count=3)
    match = next(Question.model_validate(q) for q in sheet.questions if q["qtype"] == "match")
    text = "".join(_all_text(_pages(sheet, "both")[0]).split())  # lines wrap anywhere
    for pair in match.pairs:
        assert pair.left.hi and "".join(pair.left.hi.replace("____", "…").split()) in text
        assert pair.right in text and pair.right_hi and pair.right_hi in text


def test_a_hindi_pdf_reads_back_without_english(tmp_path: Path) -> None:
    sheet = _sheet("hi", ("maths.c2.calendar_days", "maths.c3.clock_hour_half"), count=16)
    out, key = tmp_path / "hi.pdf", tmp_path / "hi-key.pdf"
    render_pdf([sheet_view(sheet, "राजकीय विद्यालय")], out, render_options(sheet), key)
    allowed = set(latin_words(f"Asha Verma 3A {sheet.code}"))
    for pdf in (out, key):
        words = set(latin_words(pdf_reading.text(pdf))) - allowed
        assert words == set(), (pdf.name, words)


def test_hindi_beside_english_on_one_line_is_drawn_as_large_as_a_hindi_line(
    tmp_path: Path,
) -> None:
    """ "(a) cube / घन": the घन as large as the Hindi lines around it, not a size smaller."""
    fonts, pdf = font_set(), tmp_path / "option.pdf"
    canvas = Canvas(str(pdf), invariant=1)
    Painter(canvas, fonts).text(40, 700, "(a) cube / घन", fonts.latin.regular, 11)
    canvas.save()
    sizes = pdf_reading.font_sizes(pdf)
    assert sizes["NotoSansDevanagari-Regular"] == {fonts.size_for(fonts.devanagari, 11)}
    assert sizes["NotoSans-Regular"] == {11}


def test_a_line_mixing_hindi_and_english_is_measured_as_it_is_drawn(tmp_path: Path) -> None:
    fonts, pdf = font_set(), tmp_path / "option.pdf"
    line = "(b) the red book / लाल किताब"
    canvas = Canvas(str(pdf), invariant=1)
    drawn = Painter(canvas, fonts).text(40, 700, line, fonts.latin.regular, 11)
    assert fonts.width(line, fonts.latin.regular, 11) == pytest.approx(drawn)  # wraps true


def test_a_bilingual_key_heading_names_the_child_once() -> None:
    sheet = _sheet("both", ("maths.c3.add_3digit_regroup",))
    key = _all_text(_pages(sheet, "both")[1])
    assert key.count("Asha Verma") == 1
    assert "Answer key: Maths" in key and "उत्तर कुंजी: गणित" in key
