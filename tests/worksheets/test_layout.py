"""Layout: nothing printed overlaps anything, over thousands of sheets and their keys; the boxes
checked are where the PDF really puts ink; columns balanced and pages filled; options,
sections, writing lines and the header's instruction as a teacher expects them."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pypdfium2.raw as pdfium_c
import pytest

from curriculum.question import Question
from tests import pdf_reading
from tests.worksheets.printed import Ink, inks, overlaps, text_ink
from tests.worksheets.sheets import SCHOOL, Chapter, layout_for, many_sheets, printed_pages, sheet
from worksheets.render.blocks import Block, Picture, Row, Rules
from worksheets.render.flow import column_height
from worksheets.render.fonts import FontSet, font_set
from worksheets.render.layout import MARGIN, PAPER_SIZES, Line, Page, Text, face_text
from worksheets.render.pdf import render_pdf
from worksheets.render.sheet import Options
from worksheets.views import sheet_view

SHEETS = 2_000


def _outside(box: Ink, options: Options) -> bool:
    width, height = PAPER_SIZES[options.paper]
    return (
        box.x0 < MARGIN - 1
        or box.x1 > width - MARGIN + 1
        or box.y0 < MARGIN - 1
        or box.y1 > height - MARGIN + 1
    )


def test_nothing_printed_overlaps_anything_on_2000_sheets_and_their_keys() -> None:
    fonts, checked = font_set(), 0
    for worksheet, options in many_sheets(SHEETS):
        for kind, pages in printed_pages(worksheet, options).items():
            for number, page in enumerate(pages, start=1):
                boxes = inks(page, fonts)
                where = f"{worksheet.title} ({options}), {kind} page {number}"
                clashes = overlaps(boxes)
                assert not clashes, f"{where}: {clashes[0][0]} overlaps {clashes[0][1]}"
                outside = [box for box in boxes if _outside(box, options)]
                assert not outside, f"{where}: outside the margins: {outside[0]}"
        checked += 1
    assert checked == SHEETS


PICTURE_SHEETS = [
    (Chapter("maths", 1, ("maths.c1.patterns", "maths.c1.money_coins")), "hi", False),
    (Chapter("maths", 3, ("maths.c3.tally_count", "maths.c3.clock_hour_half")), "both", False),
    (Chapter("maths", 5, ("maths.c5.pictograph_scale", "maths.c5.shape_patterns")), "en", True),
    (Chapter("maths", 5, ("maths.c5.area_perimeter", "maths.c2.data_pictograph")), "hi", True),
    (Chapter("evs", 3, ("evs.c3.family_and_friends", "evs.c3.water_a_precious_gift")), "hi", False),
]


@pytest.mark.parametrize(("chapter", "language", "large"), PICTURE_SHEETS)
def test_the_boxes_checked_hold_all_the_ink_the_pdf_prints(
    tmp_path: Path, chapter: Chapter, language: str, large: bool
) -> None:
    worksheet = sheet(chapter, 12, (), 5)
    options = Options(language=language, large_print=large)  # type: ignore[arg-type]
    out, key = tmp_path / "sheet.pdf", tmp_path / "key.pdf"
    render_pdf([sheet_view(worksheet, SCHOOL)], out, options, key)
    for pdf, pages in zip((out, key), printed_pages(worksheet, options).values(), strict=True):
        assert pdf_reading.page_count(pdf) == len(pages)
        for index, page in enumerate(pages):
            boxes = inks(page, font_set())
            for char, box in _pdf_chars(pdf, index):
                assert any(box.inside(b, 1.0) for b in boxes), f"{char!r} at {box} unchecked"
            for box in _pdf_paths(pdf, index):
                drawn = [b for b in boxes if not b.what.startswith("text")]
                assert any(box.inside(b, 1.5) for b in drawn), f"a drawing at {box} unchecked"


def _pdf_chars(pdf: Path, index: int) -> list[tuple[str, Ink]]:
    with pdf_reading.opened(pdf) as document:
        text = document[index].get_textpage()
        found = []
        for n in range(text.count_chars()):
            char = text.get_text_range(n, 1)
            if char.strip():
                left, bottom, right, top = text.get_charbox(n, loose=False)
                found.append((char, Ink(left, bottom, right, top, char)))
        return found


def _pdf_paths(pdf: Path, index: int) -> list[Ink]:
    with pdf_reading.opened(pdf) as document:
        paths = document[index].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])
        return [Ink(*path.get_bounds(), "path") for path in paths]


def _questions(worksheet) -> list[Question]:  # type: ignore[no-untyped-def]
    return [Question.model_validate(q) for q in worksheet.questions]


# --- columns and pages ---------------------------------------------------------------------------


def test_the_last_page_spreads_its_questions_over_its_columns() -> None:
    for worksheet, options in many_sheets(300, layouts_each=2):
        last = layout_for(options).sheet_plan(sheet_view(worksheet)).pages[-1]
        blocks = sum(len(column) for column in last)
        used = sum(1 for column in last if column)
        assert used == min(layout_for(options).columns, blocks), (worksheet.title, options)


def test_a_column_ends_early_only_when_the_next_question_would_not_fit() -> None:
    for worksheet, options in many_sheets(300, layouts_each=2):
        layout = layout_for(options)
        planned = layout.sheet_plan(sheet_view(worksheet))
        frame = layout.frame(stretch=True)
        first = layout._remember(
            Page(), sheet_view(worksheet), layout._header(Page(), sheet_view(worksheet))
        )
        later = layout._continuation_header(Page(), sheet_view(worksheet))
        columns = [(n, c) for n, page in enumerate(planned.pages) for c in page]
        for (number, column), (_, following) in pairwise(columns):
            if number == len(planned.pages) - 1:
                break  # the last page is balanced instead
            room = (first if number == 0 else later) - frame.bottom
            taller = column_height([*column, following[0]], frame, planned.squeeze)
            assert taller > room, f"{worksheet.title} ({options}): page {number + 1} ends early"


def test_the_issues_hindi_evs_sheet_keeps_each_match_answer_in_its_own_column() -> None:
    skills = ("evs.c3.family_and_friends", "evs.c3.getting_to_know_plants")
    worksheet = sheet(Chapter("evs", 3, (*skills, "evs.c3.water_a_precious_gift")), 12, (), 5)
    options = Options(language="hi")
    layout, fonts = layout_for(options), font_set()
    for page in printed_pages(worksheet, options)["sheet"]:
        assert not overlaps(inks(page, fonts))
    blocks = [
        layout.blocks.question(n, q, True, layout.column_width)
        for n, q in enumerate(_questions(worksheet), start=1)
    ]
    assert any(q.qtype == "match" for q in _questions(worksheet))
    _rows_fit(blocks, layout.column_width, fonts)


def _rows_fit(blocks: list[Block], width: float, fonts: FontSet) -> None:
    """Every piece of text and every picture of the blocks ends inside the column."""
    for block in blocks:
        for item in block.items:
            if isinstance(item, Row):
                for cell in item.cells:
                    ink = text_ink(
                        face_text(
                            cell.face, cell.text, cell.size or item.size, cell.x, 0, cell.bold
                        ),
                        fonts,
                    )
                    assert ink is None or ink[2] <= width + 0.5, (cell.text, ink, width)
            elif isinstance(item, Picture):
                assert item.x + item.sketch.width <= width + 0.01


def test_every_line_of_every_question_and_answer_ends_inside_its_column() -> None:
    fonts = font_set()
    for worksheet, options in many_sheets(240, layouts_each=4):
        layout = layout_for(options)
        questions = _questions(worksheet)
        width = layout.column_width
        _rows_fit(
            [layout.blocks.question(n, q, True, width) for n, q in enumerate(questions)],
            width,
            fonts,
        )
        _rows_fit(
            [layout.blocks.answer(n, q, width) for n, q in enumerate(questions)], width, fonts
        )


# --- options, writing lines, sections, the header -------------------------------------------------


def _a_choice(options: tuple[str, ...]) -> Question:
    worksheet = sheet(
        Chapter("maths", 3, ("maths.c3.add_3digit_regroup",)), 6, ("multiple_choice",), 1
    )
    question = _questions(worksheet)[0]
    return question.model_copy(update={"options": options})


def test_a_long_option_wraps_under_its_own_first_word_not_under_its_letter() -> None:
    long = "Tell a teacher so that the tap can be repaired before more water is lost"
    question = _a_choice(("Ignore it", long, "Open it fully", "Put a stone under it"))
    layout = layout_for(Options())
    block = layout.blocks.question(1, question, False, layout.column_width)
    option_rows = [
        r
        for r in block.items
        if (isinstance(r, Row) and r.cells[0].text.startswith("("))
        or (isinstance(r, Row) and r.cells[0].text in long)
    ]
    starts = {cell.text: cell.x for row in option_rows for cell in row.cells}
    assert "(b)" in starts
    wrapped = [row.cells[0] for row in option_rows if not row.cells[0].text.startswith("(")]
    assert wrapped, "the long option wraps"
    text_x = next(
        c.x
        for row in option_rows
        for c in row.cells
        if long.startswith(c.text) and not c.text.startswith("(")
    )
    assert all(cell.x == text_x for cell in wrapped), (
        "continued lines start under the option's text"
    )
    assert all(not cell.text.startswith(" ") for row in option_rows for cell in row.cells)


def test_short_options_sit_side_by_side_on_one_line() -> None:
    question = _a_choice(("663", "673", "553", "87"))
    layout = layout_for(Options())
    block = layout.blocks.question(1, question, False, layout.column_width)
    rows = [r for r in block.items if isinstance(r, Row) and any(c.text == "(a)" for c in r.cells)]
    assert len(rows) == 1 and [c.text for c in rows[0].cells] == [
        "(a)",
        "663",
        "(b)",
        "673",
        "(c)",
        "553",
        "(d)",
        "87",
    ]


def test_questions_to_rewrite_and_answers_in_words_get_lines_to_write_on() -> None:
    # asked for, beside another type, so the sheet has both kinds whatever the bank holds
    english = sheet(
        Chapter("english", 3, ("english.c3.punctuation",)), 6, ("rewrite", "fill_blank"), 2
    )
    evs = sheet(
        Chapter("evs", 3, ("evs.c3.family_and_friends",)), 12, ("open_response", "fill_blank"), 4
    )
    for worksheet, kind in ((english, "rewrite"), (evs, "open_response")):
        questions = _questions(worksheet)
        assert any(q.qtype == kind for q in questions)
        layout = layout_for(Options())
        for number, question in enumerate(questions, start=1):
            block = layout.blocks.question(number, question, True, layout.column_width)
            rules = [item for item in block.items if isinstance(item, Rules)]
            assert bool(rules) == (question.qtype in ("rewrite", "open_response")), question.qtype
        lines = [
            op
            for page in printed_pages(worksheet, Options())["sheet"]
            for op in page.ops
            if isinstance(op, Line)
        ]
        assert len(lines) >= 2 * sum(q.qtype == kind for q in questions)


def test_only_maths_sheets_ask_children_to_show_their_working() -> None:
    for subject, grade, skills in (
        ("maths", 3, ("maths.c3.mult_tables",)),
        ("english", 3, ("english.c3.punctuation",)),
        ("evs", 4, ("evs.c4.living_together",)),
    ):
        worksheet = sheet(Chapter(subject, grade, skills), 6, (), 1)
        for language in ("en", "hi"):
            texts = " ".join(
                op.text
                for op in printed_pages(worksheet, Options(language=language))["sheet"][0].ops
                if isinstance(op, Text)
            )
            asks = "Show your working" in texts or "हल दी गई जगह में करो" in texts
            assert asks == (subject == "maths"), (subject, language)


def test_each_instruction_is_printed_once_above_its_section() -> None:
    for worksheet, options in many_sheets(200, layouts_each=1):
        questions = _questions(worksheet)
        order = [q.instruction for q in questions]
        sections = [i for n, i in enumerate(order) if n == 0 or order[n - 1] != i]
        assert len(sections) == len(set(sections)), f"{worksheet.title}: a section is split"
        layout = layout_for(options)
        blocks = [
            layout.blocks.question(
                n, q, n == 0 or order[n - 1] != q.instruction, layout.column_width
            )
            for n, q in enumerate(questions)
        ]
        headings = [b for b in blocks if b.label_at > 0]
        assert len(headings) == len(sections)
