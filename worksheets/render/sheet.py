"""Laying out one worksheet and its answer key as pages of drawing operations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib.units import mm

from curriculum.question import Question
from curriculum.question import Text as Bilingual
from worksheets.render import chrome
from worksheets.render.blocks import Block
from worksheets.render.flow import Frame, Plan, lay_out, plan
from worksheets.render.fonts import Face, FontSet
from worksheets.render.layout import MARGIN, PAPER_SIZES, Box, Line, Measure, Page, Qr, face_text
from worksheets.render.numbers import group_digits
from worksheets.render.options import Language, Options
from worksheets.render.questions import WIDE_BLANK, QuestionBlocks

__all__ = ["WIDE_BLANK", "Language", "Options", "SheetLayout", "SheetView"]
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
    title_hi: str | None = None  # None on sheets made before titles had Hindi

    def title_in(self, language: str) -> str:
        return self.title_hi if language == "hi" and self.title_hi else self.title


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
        o, lang = self.o, self.o.language
        top = self.height - MARGIN
        qr = 22 * mm
        page.ops.append(Qr(self.width - MARGIN - qr, top - qr, qr, f"PC:{view.code}"))
        code_text = f"{chrome.label('code', lang)} {view.code}"
        code_face = self.fonts.for_text(code_text)
        code_w = self.m.width(code_text, code_face.bold, 9)
        # under the QR code, but never past the right margin
        code_x = min(self.width - MARGIN - (qr + code_w) / 2, self.width - MARGIN - code_w)
        page.ops.append(face_text(code_face, code_text, 9, code_x, top - qr - 10, bold=True))
        text_width = self.width - 2 * MARGIN - qr - 8
        y = top - o.size * 1.3
        school = view.school_name or "PracticeCraft"
        school_face = self.fonts.for_text(school)
        for line in self.m.wrap(school, school_face.bold, o.size * 1.3, text_width)[:2]:
            page.ops.append(face_text(school_face, line, o.size * 1.3, MARGIN, y, bold=True))
            y -= o.size * 1.6
        y = self._lines(page, self._who(view), y, o.size, text_width)
        y = self._lines(page, self._titles(view), y, o.size * 1.1, text_width, bold=True)
        y = min(y, top - qr - 16)
        instructions = INSTRUCTIONS["maths" if view.subject == "maths" else "other"]
        for face, text in self._bilingual(instructions):
            size = self.fonts.size_for(face, o.size * 0.9)
            for line in self.m.wrap(text, face.regular, size, self.width - 2 * MARGIN):
                page.ops.append(face_text(face, line, size, MARGIN, y))
                y -= size * 1.38
        return y - o.size * 0.4

    def _who(self, view: SheetView) -> list[str]:
        lang = self.o.language
        who = f"{chrome.label('name', lang)}: {view.child_name or '______________________'}"
        if view.roll_number:
            who += f"     {chrome.label('roll', lang)}: {view.roll_number}"
        return [
            f"{who}     {chrome.label('class', lang)}: {view.class_name or view.grade}     "
            f"{chrome.dated(view.date, lang)}"
        ]

    def _titles(self, view: SheetView) -> list[str]:
        """The sheet's title; a bilingual sheet gives the Hindi title on a line of its own."""
        lang = self.o.language
        version = f"  {chrome.version_in(view.version_label, lang)}" if view.version_label else ""
        titles = [view.title_in("hi" if lang == "hi" else "en") + version]
        if lang == "both" and view.title_hi and view.title_hi != view.title:
            titles.append(view.title_hi)
        return titles

    def _lines(
        self, page: Page, texts: list[str], y: float, size: float, width: float, bold: bool = False
    ) -> float:
        """Wrapped lines from `y` down, each in the face its text starts in; the next y."""
        for text in texts:
            face = self.fonts.for_text(text)
            fitted = self.fonts.size_for(face, size)
            for line in self.m.wrap(text, face.name(bold), fitted, width):
                page.ops.append(face_text(face, line, fitted, MARGIN, y, bold=bold))
                y -= fitted * 1.38
        return y

    def _remember(self, page: Page, view: SheetView, y: float) -> float:
        if view.concept is None:
            return y
        o, pad = self.o, 6.0
        inner = self.width - 2 * MARGIN - 2 * pad
        lines: list[tuple[Face, str, float]] = []
        for face, text in self._bilingual(view.concept):
            language = "en" if face is self.fonts.latin else "hi"
            prefix = f"{chrome.label('remember', language)}: "
            size = self.fonts.size_for(face, o.size * 0.95)
            lines += [
                (face, line, size)
                for line in self.m.wrap(prefix + group_digits(text), face.regular, size, inner)
            ]
        height = sum(size * 1.38 for _, _, size in lines) + 2 * pad
        page.ops.append(Box(MARGIN, y - height, self.width - 2 * MARGIN, height, 0.94))
        line_y = y - pad - lines[0][2]
        for face, line, size in lines:
            page.ops.append(face_text(face, line, size, MARGIN + pad, line_y))
            line_y -= size * 1.38
        return y - height - o.leading * 0.6

    def _continuation_header(self, page: Page, view: SheetView) -> float:
        top = self.height - MARGIN - 9
        lang = self.o.language
        name = view.child_name or f"{chrome.label('name', lang)}: ______________"
        if view.roll_number:
            name += f" ({view.roll_number})"
        dot = chrome.separator(lang)
        text = f"{name}  {dot}  {view.title_in(lang)}  {dot}  {view.code}"
        page.ops.append(face_text(self.fonts.for_text(text), text, 9, MARGIN, top))
        page.ops.append(Line(MARGIN, top - 4, self.width - MARGIN, top - 4, 0.4, 0.6))
        return top - 4 - self.o.leading

    def _footers(self, pages: list[Page], code: str) -> None:
        for number, page in enumerate(pages, start=1):
            text = chrome.page_footer(number, len(pages), code, self.o.language)
            face = self.fonts.for_text(text)
            x = (self.width - self.m.width(text, face.regular, 8)) / 2
            page.ops.append(face_text(face, text, 8, x, MARGIN + 3))  # descenders stay inside

    # -- the answer key ------------------------------------------------------------------------

    def answer_key(self, view: SheetView) -> list[Page]:
        """The key on pages of its own: each answer with its worked solution."""
        pages = [Page()]
        lang, size = self.o.language, self.o.size
        y = self.height - MARGIN - size * 1.3
        who = f" — {view.child_name}" if view.child_name else ""
        # a bilingual key gives its heading in each language, on a line of its own; the
        # child's name once, after the first
        headings = [
            f"{chrome.label('answer_key', code)}: {view.title_in(code)}{'' if i else who}"
            for i, code in enumerate(("en", "hi") if lang == "both" else (lang,))
        ]
        y = self._lines(pages[0], headings, y, size * 1.3, self.width - 2 * MARGIN, bold=True)
        code = f"{chrome.label('sheet_code', lang)} {view.code}"
        code_face = self.fonts.for_text(code)
        pages[0].ops.append(face_text(code_face, code, size * 0.9, MARGIN, y))
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
