"""`bench render`: a class set of 40 personalised Maths worksheets (20 questions each) with
their answer keys, as one PDF — against the floor of drawing the same strings with bare
reportlab canvas calls, measured in the same run.

Assembly (choosing and generating the questions) is timed separately from rendering (layout,
drawing and writing the PDF); the targets are for rendering: class set < 2.0 s, ratio to the
floor <= 3, one worksheet + key < 150 ms.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from curriculum.question import QuestionType
from curriculum.syllabus import builtin_syllabus
from worksheets.assembly import Recipient, SheetRequest, assemble
from worksheets.model import Worksheet
from worksheets.render.fonts import font_set, glyphs, run_width
from worksheets.render.layout import PAPER_SIZES, Text
from worksheets.render.pdf import layout_pages, render_pdf
from worksheets.render.sheet import Options
from worksheets.views import sheet_view

CHILDREN = 40
QUESTIONS = 20
SKILLS = (
    "maths.c3.add_3digit_regroup",
    "maths.c3.sub_3digit_regroup",
    "maths.c3.mult_tables",
    "maths.c3.place_value_3digit",
)
TYPES: tuple[QuestionType, ...] = (
    "fill_blank",
    "multiple_choice",
    "true_false",
    "error_identification",
    "word_problem",
)
REPEATS = 3
TARGET_CLASS_SET_S, TARGET_RATIO, TARGET_SINGLE_MS = 2.0, 3.0, 150.0


def run() -> Iterator[dict[str, Any]]:
    font_set()  # register fonts once, as the app does at start-up
    with tempfile.TemporaryDirectory(prefix="bench-render-") as folder:
        yield measure(Path(folder))


def measure(folder: Path) -> dict[str, Any]:
    started = time.perf_counter()
    sheets = [_sheet(i) for i in range(CHILDREN)]
    assembly_s = time.perf_counter() - started
    views = [sheet_view(s, "Government Model School, Sector 12, Chandigarh") for s in sheets]
    options = Options()
    class_set = min(
        _timed(lambda: render_pdf(views, folder / "set.pdf", options, keys_at_end=True))
        for _ in range(REPEATS)
    )
    floor = min(_floor(views, options, folder / "floor.pdf") for _ in range(REPEATS))
    single = [
        _timed(lambda: render_pdf(views[:1], folder / "one.pdf", options, folder / "one-key.pdf"))
        for _ in range(10)
    ]
    pages = render_pdf(views, folder / "set.pdf", options, keys_at_end=True)
    return {
        "benchmark": "render",
        "children": CHILDREN,
        "questions_each": QUESTIONS,
        "pages": pages.sheet_pages + pages.key_pages,
        "sheet_pages": pages.sheet_pages,
        "key_pages": pages.key_pages,
        "pdf_bytes": (folder / "set.pdf").stat().st_size,
        "assembly_s": round(assembly_s, 3),
        "class_set_render_s": round(class_set, 3),
        "floor_s": round(floor, 3),
        "ratio_to_floor": round(class_set / floor, 2),
        "single_sheet_and_key_ms": round(statistics.median(single) * 1000, 1),
        "targets": {
            "class_set_s": TARGET_CLASS_SET_S,
            "ratio": TARGET_RATIO,
            "single_ms": TARGET_SINGLE_MS,
        },
        "meets_targets": class_set < TARGET_CLASS_SET_S
        and class_set / floor <= TARGET_RATIO
        and statistics.median(single) * 1000 < TARGET_SINGLE_MS,
    }


def _sheet(index: int) -> Worksheet:
    request = SheetRequest(
        "maths", 3, skills=SKILLS, count=QUESTIONS, qtypes=TYPES, seed=1000 + index
    )
    recipient = Recipient(
        child_id=f"child-{index}", child_name=f"Child number {index + 1}", class_name="3A"
    )
    return assemble(request, recipient, builtin_syllabus(), "2026-11-21")


def _floor(views: list[Any], options: Options, path: Path) -> float:
    """Bare canvas: the same strings, fonts and positions, nothing else (no layout, no QR).

    Each line's runs (a sign borrowed from another font, shaped Hindi) and where they start are
    worked out before the clock starts, so the floor is only reportlab drawing them.
    """
    sheets, keys = layout_pages(views, options)
    pages = [
        _placed_runs([op for op in page.ops if isinstance(op, Text)]) for page in sheets + keys
    ]
    started = time.perf_counter()
    canvas = Canvas(str(path), pagesize=PAPER_SIZES[options.paper], invariant=1)
    for page in pages:
        for font, size, x, y, text in page:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - started


def _placed_runs(texts: list[Text]) -> list[tuple[str, float, float, float, str]]:
    fonts, placed = font_set(), []
    for op in texts:
        x = op.x
        for run in fonts.runs(op.text, op.font):
            drawn = glyphs(run, op.size)
            placed.append((run.font, op.size, x, op.y, drawn))
            x += run_width(drawn, run.font, op.size)
    return placed


def _timed(work: Any) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started
