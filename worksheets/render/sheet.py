"""Laying out one worksheet and its answer key as pages of drawing operations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib.units import mm

from curriculum.question import Question
from curriculum.question import Text as Bilingual
from worksheets.render.blocks import Block
from worksheets.render.flow import Frame, Plan, lay_out, plan
from worksheets.render.fonts import Face, FontSet
from worksheets.render.layout import MARGIN, PAPER_SIZES, Box, Line, Measure, Page, Qr, face_text
from worksheets.render.numbers import group_digits
from worksheets.render.options import Language, Options
from worksheets.render.questions import QuestionBlocks

__all__ = ["Language", "Options", "SheetLayout", "SheetView"]
# What the header asks for: working is shown in Maths; elsewhere answers go in blanks and lines.
INSTRUCTIONS = {
    "maths": Bilingual(
        en="Write your answers in the blanks. Show your working in the space given.",
        hi="उत्तर खाली जगह में लिखो। हल दी गई जगह में करो।",
    ),
    "other": Bilingual(
        en="Write your answers in the blanks and on the lines.",
        hi="उत्तर खाली जगह में और रेखाओं पर लिखो।",
    ),
}
GUTTER = 14.0


@dataclass(frozen=True)
class SheetView:
    """Everything printed on one child's (or one class's) sheet."""

    code: str
    title: str
    subject: str
    grade: int
    questions: tuple[Question, ...]
    school_name: str = ""
    child_name: str | None = None
    class_name: str | None = None
    roll_number: str | None = None  # a class set's sheets: two children of one name differ
    date: str = ""
    version_label: str | None = None
    concept: Bilingual | None = None


class SheetLayout:
    """Lays out sheets for one set of options; reuse it across a class set (width cache)."""

    def __init__(self, options: Options, fonts: FontSet, measure: Measure | None = None) -> None:
        self.o = options
        self.fonts = fonts
        self.m = measure or Measure(fonts)
        self.width, self.height = PAPER_SIZES[options.paper]
        self.columns = 1 if options.large_print else max(1, min(3, options.columns))
        self.blocks = QuestionBlocks(options, fonts, self.m)
        usable = self.width - 2 * MARGIN
        self.column_width = (usable - GUTTER * (self.columns - 1)) / self.columns

    def frame(self, stretch: bool) -> Frame:
        leading = self.o.leading
        return Frame(
            MARGIN, self.column_width, GUTTER, self.columns, MARGIN + 16, leading * 0.3,
            stretch_cap=leading * 4 if stretch else 0.0,
        )  # fmt: skip

    # -- the worksheet -------------------------------------------------------------------------

    def worksheet(self, view: SheetView) -> list[Page]:
        """The sheet: each section's instruction once, above its first question."""
        pages = [Page()]
        y = self._remember(pages[0], view, self._header(pages[0], view))
        new_page = lambda page: self._continuation_header(page, view)  # noqa: E731
        lay_out(self.question_blocks(view), pages, y, new_page, self.frame(stretch=True))
        self._footers(pages, view.code)
        return pages

    def question_blocks(self, view: SheetView) -> list[Block]:
        blocks, previous = [], None
        for number, question in enumerate(view.questions, start=1):
            heading = question.instruction != previous
            blocks.append(self.blocks.question(number, question, heading, self.column_width))
            previous = question.instruction
        return blocks

    def sheet_plan(self, view: SheetView) -> Plan:
        """Where `worksheet` puts each question: pages of columns of blocks."""
        return plan(self.question_blocks(view), self.capacity(view), self.frame(stretch=True))

    def capacity(self, view: SheetView) -> tuple[float, float]:
        """How tall a column is on the sheet's first page, and on the pages after it."""
        first = self._remember(Page(), view, self._header(Page(), view))
        later = self._continuation_header(Page(), view)
        bottom = self.frame(stretch=True).bottom
        return first - bottom, later - bottom

    def _header(self, page: Page, view: SheetView) -> float:
        o, latin = self.o, self.fonts.latin
        top = self.height - MARGIN
        qr = 22 * mm
        page.ops.append(Qr(self.width - MARGIN - qr, top - qr, qr, f"PC:{view.code}"))
        code_text = f"Code {view.code}"
        code_w = self.m.width(code_text, latin.bold, 9)
        # under the QR code, but never past the right margin
        code_x = min(self.width - MARGIN - (qr + code_w) / 2, self.width - MARGIN - code_w)
        page.ops.append(face_text(latin, code_text, 9, code_x, top - qr - 10, bold=True))
        text_width = self.width - 2 * MARGIN - qr - 8
        y = top - o.size * 1.3
        school = view.school_name or "PracticeCraft"
        school_face = self.fonts.for_text(school)
        for line in self.m.wrap(school, school_face.bold, o.size * 1.3, text_width)[:2]:
            page.ops.append(face_text(school_face, line, o.size * 1.3, MARGIN, y, bold=True))
            y -= o.size * 1.6
        who = f"Name: {view.child_name}" if view.child_name else "Name: ______________________"
        if view.roll_number:
            who += f"     Roll no.: {view.roll_number}"
        cls = f"Class: {view.class_name or view.grade}"
        who_face = self.fonts.for_text(who + cls)
        for line in self.m.wrap(
            f"{who}     {cls}     Date: {view.date or '____________'}",
            who_face.regular,
            o.size,
            text_width,
        ):
            page.ops.append(face_text(who_face, line, o.size, MARGIN, y))
            y -= o.leading
        title = view.title + (f"  (Version {view.version_label})" if view.version_label else "")
        for line in self.m.wrap(title, latin.bold, o.size * 1.1, text_width):
            page.ops.append(face_text(latin, line, o.size * 1.1, MARGIN, y, bold=True))
            y -= o.leading * 1.1
        y = min(y, top - qr - 16)
        instructions = INSTRUCTIONS["maths" if view.subject == "maths" else "other"]
        for face, text in self._bilingual(instructions):
            for line in self.m.wrap(text, face.regular, o.size * 0.9, self.width - 2 * MARGIN):
                page.ops.append(face_text(face, line, o.size * 0.9, MARGIN, y))
                y -= o.leading * 0.9
        return y - o.size * 0.4

    def _remember(self, page: Page, view: SheetView, y: float) -> float:
        if view.concept is None:
            return y
        o, pad = self.o, 6.0
        inner = self.width - 2 * MARGIN - 2 * pad
        lines: list[tuple[Face, str]] = []
        for face, text in self._bilingual(view.concept):
            prefix = "Remember: " if face is self.fonts.latin else "याद रखो: "
            lines += [
                (face, line)
                for line in self.m.wrap(
                    prefix + group_digits(text), face.regular, o.size * 0.95, inner
                )
            ]
        height = len(lines) * o.leading * 0.95 + 2 * pad
        page.ops.append(Box(MARGIN, y - height, self.width - 2 * MARGIN, height, 0.94))
        line_y = y - pad - o.size * 0.95
        for face, line in lines:
            page.ops.append(face_text(face, line, o.size * 0.95, MARGIN + pad, line_y))
            line_y -= o.leading * 0.95
        return y - height - o.leading * 0.6

    def _continuation_header(self, page: Page, view: SheetView) -> float:
        top = self.height - MARGIN - 9
        name = view.child_name or "Name: ______________"
        if view.roll_number:
            name += f" ({view.roll_number})"
        latin = self.fonts.for_text(name + view.title)
        page.ops.append(
            face_text(latin, f"{name}  ·  {view.title}  ·  {view.code}", 9, MARGIN, top)
        )
        page.ops.append(Line(MARGIN, top - 4, self.width - MARGIN, top - 4, 0.4, 0.6))
        return top - 4 - self.o.leading

    def _footers(self, pages: list[Page], code: str) -> None:
        latin = self.fonts.latin
        for number, page in enumerate(pages, start=1):
            text = f"Page {number} of {len(pages)}  ·  {code}"
            x = (self.width - self.m.width(text, latin.regular, 8)) / 2
            page.ops.append(face_text(latin, text, 8, x, MARGIN + 3))  # descenders stay inside

    # -- the answer key ------------------------------------------------------------------------

    def answer_key(self, view: SheetView) -> list[Page]:
        """The key on pages of its own: each answer with its worked solution."""
        pages = [Page()]
        latin, size = self.fonts.latin, self.o.size
        y = self.height - MARGIN - size * 1.3
        who = f" — {view.child_name}" if view.child_name else ""
        heading = self.fonts.for_text(view.title + who)
        for line in self.m.wrap(
            f"Answer key: {view.title}{who}", heading.bold, size * 1.3, self.width - 2 * MARGIN
        ):
            pages[0].ops.append(face_text(heading, line, size * 1.3, MARGIN, y, bold=True))
            y -= size * 1.7
        pages[0].ops.append(face_text(latin, f"Worksheet code {view.code}", size * 0.9, MARGIN, y))
        blocks = [
            self.blocks.answer(number, question, self.column_width)
            for number, question in enumerate(view.questions, start=1)
        ]
        new_page = lambda page: self._continuation_header(page, view)  # noqa: E731
        lay_out(blocks, pages, y - self.o.leading * 0.6, new_page, self.frame(stretch=False))
        self._footers(pages, view.code)
        return pages

    def _bilingual(self, text: Bilingual) -> Iterator[tuple[Face, str]]:
        return self.blocks.bilingual(text)
