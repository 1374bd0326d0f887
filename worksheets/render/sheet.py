"""Laying out one worksheet and its answer key as pages of drawing operations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.units import mm

from curriculum.question import Question
from curriculum.question import Text as Bilingual
from worksheets.render.fonts import Face, FontSet
from worksheets.render.layout import (
    MARGIN,
    PAPER_SIZES,
    Box,
    Line,
    Measure,
    Page,
    Paper,
    Qr,
    face_text,
)

Language = Literal["en", "hi", "both"]
WIDE_BLANK = "__________"
# Room to write, in lines, after each kind of question (working for sums, sentences to write).
WORKING_LINES = {
    "fill_blank": 1.2,
    "multiple_choice": 0.3,
    "true_false": 0.3,
    "match": 0.5,
    "word_problem": 3.5,
    "error_identification": 2.0,
    "open_response": 4.0,
    "choose_word": 0.4,
    "rewrite": 2.0,
}
INSTRUCTIONS = Bilingual(
    en="Write your answers in the blanks. Show your working in the space given.",
    hi="उत्तर खाली जगह में लिखो। हल दी गई जगह में करो।",
)


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


@dataclass(frozen=True)
class Options:
    paper: Paper = "A4"
    language: Language = "en"
    large_print: bool = False
    columns: int = 2

    @property
    def size(self) -> float:
        return 16.5 if self.large_print else 11.0

    @property
    def leading(self) -> float:
        return self.size * 1.38


class SheetLayout:
    """Lays out sheets for one set of options; reuse it across a class set (width cache)."""

    def __init__(self, options: Options, fonts: FontSet, measure: Measure | None = None) -> None:
        self.o = options
        self.fonts = fonts
        self.m = measure or Measure(fonts)
        self.width, self.height = PAPER_SIZES[options.paper]
        self.columns = 1 if options.large_print else max(1, min(3, options.columns))

    # -- the worksheet -------------------------------------------------------------------------

    def worksheet(self, view: SheetView) -> list[Page]:
        pages = [Page()]
        y = self._header(pages[0], view)
        y = self._remember(pages[0], view, y)
        flow = _Columns(self, pages, y, lambda page: self._continuation_header(page, view))
        previous_instruction = ""
        for number, question in enumerate(view.questions, start=1):
            block = self._question_block(number, question, previous_instruction, flow.column_width)
            previous_instruction = question.instruction.en
            flow.place(block)
        self._footers(pages, view.code)
        return pages

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
        for face, text in self._bilingual(INSTRUCTIONS):
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
                for line in self.m.wrap(prefix + text, face.regular, o.size * 0.95, inner)
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
        flow = _Columns(
            self,
            pages,
            y - self.o.leading * 0.6,
            lambda page: self._continuation_header(page, view),
        )
        for number, question in enumerate(view.questions, start=1):
            flow.place(self._key_block(number, question, flow.column_width))
        self._footers(pages, view.code)
        return pages

    def _key_block(self, number: int, q: Question, width: float) -> _Block:
        size = self.o.size
        indent = self.m.width("000.", self.fonts.latin.bold, size) + 2
        block = _Block()
        answer = q.answer + (
            f" {q.unit}" if q.unit and q.unit not in q.answer and q.qtype != "word_problem" else ""
        )
        face = self.fonts.for_text(answer)
        block.lines += [
            (face, line, size, True, indent, None)
            for line in self.m.wrap(answer, face.bold, size, width - indent)
        ]
        for face, text in self._bilingual(q.solution):
            block.lines += [
                (face, line, size * 0.82, False, indent, None)
                for line in self.m.wrap(text, face.regular, size * 0.82, width - indent)
            ]
        block.label = (0, f"{number}.")
        block.space = size * 0.2
        return block

    # -- one question ---------------------------------------------------------------------------

    def _question_block(self, number: int, q: Question, previous: str, width: float) -> _Block:
        o = self.o
        block = _Block()
        if q.instruction.en != previous:
            for face, text in self._bilingual(q.instruction):
                block.lines += [
                    (face, line, o.size * 0.85, True, 0.0, None)
                    for line in self.m.wrap(text, face.bold, o.size * 0.85, width)
                ]
        label = f"{number}."
        indent = self.m.width("000.", self.fonts.latin.bold, o.size) + 2
        first = len(block.lines)
        if q.qtype == "match":
            block.lines += self._match_lines(q, width, indent)
        else:
            for face, text in self._bilingual(q.prompt):
                text = text.replace("____", WIDE_BLANK)
                block.lines += [
                    (face, line, o.size, False, indent, None)
                    for line in self.m.wrap(text, face.regular, o.size, width - indent)
                ]
            block.lines += self._option_lines(q, width, indent)
        block.label = (first, label)
        block.space = WORKING_LINES.get(q.qtype, 1.0) * o.leading
        return block

    def _option_lines(self, q: Question, width: float, indent: float) -> list[_Row]:
        if not q.options:
            return []
        latin = self.fonts.latin
        face = self.fonts.for_text("".join(q.options))
        # a no-break space keeps each letter with its option when the line wraps
        text = "     ".join(f"({'abcd'[i]})\u00a0{option}" for i, option in enumerate(q.options))
        return [
            (face or latin, line, self.o.size, False, indent, None)
            for line in self.m.wrap(text, face.regular, self.o.size, width - indent)
        ]

    def _match_lines(self, q: Question, width: float, indent: float) -> list[_Row]:
        """Left items numbered, right items lettered, side by side; a gap to draw lines in."""
        rows: list[_Row] = []
        left_width = (width - indent) * 0.62
        for i, pair in enumerate(q.pairs):
            left = self._pick(pair.left)
            face = self.fonts.for_text(left)
            lines = self.m.wrap(f"{i + 1}) {left}", face.regular, self.o.size, left_width - 8)
            right = f"({'abcd'[i]}) {pair.right}"
            rows.append(
                (
                    face,
                    lines[0],
                    self.o.size,
                    False,
                    indent,
                    (self.fonts.for_text(right), right, indent + left_width),
                )
            )
            rows += [(face, line, self.o.size, False, indent + 8, None) for line in lines[1:]]
        return rows

    def _pick(self, text: Bilingual) -> str:
        return text.hi if self.o.language == "hi" and text.hi else text.en

    def _bilingual(self, text: Bilingual) -> Iterator[tuple[Face, str]]:
        """The text in the sheet's language(s); a Hindi line equal to the English (a sum like
        23 + 19 = ____) is printed once, in the Latin face."""
        hindi = text.hi if text.hi and text.hi != text.en else None
        if self.o.language in ("en", "both") or not hindi:
            yield self.fonts.latin, text.en
        if self.o.language in ("hi", "both") and hindi:
            yield self.fonts.devanagari, hindi


# face, text, size, bold, indent, and maybe a second text on the same line (face, text, indent)
_Row = tuple[Face, str, float, bool, float, tuple[Face, str, float] | None]


@dataclass
class _Block:
    lines: list[_Row]
    label: tuple[int, str]
    space: float

    def __init__(self) -> None:
        self.lines, self.label, self.space = [], (0, ""), 0.0


class _Columns:
    """Flows question blocks down columns and onto new pages, never splitting a block."""

    def __init__(
        self,
        layout: SheetLayout,
        pages: list[Page],
        top: float,
        new_page_top: Callable[[Page], float],
    ) -> None:
        self.layout, self.pages, self.new_page_top = layout, pages, new_page_top
        gutter = 14.0
        usable = layout.width - 2 * MARGIN
        self.column_width = (usable - gutter * (layout.columns - 1)) / layout.columns
        self.gutter, self.top, self.column, self.y = gutter, top, 0, top
        self.bottom = MARGIN + 16

    def place(self, block: _Block) -> None:
        leading = self.layout.o.leading
        height = sum(row[2] * 1.38 for row in block.lines) + block.space
        if self.y - height < self.bottom and self.y < self.top:
            self._next_column()
        x = MARGIN + self.column * (self.column_width + self.gutter)
        page = self.pages[-1]
        for index, (face, text, size, bold, indent, beside) in enumerate(block.lines):
            if self.y - size < self.bottom:
                self._next_column()
                page, x = self.pages[-1], MARGIN + self.column * (self.column_width + self.gutter)
            self.y -= size * 1.38 if index else size * 1.1
            if index == block.label[0]:
                page.ops.append(
                    face_text(self.layout.fonts.latin, block.label[1], size, x, self.y, bold=True)
                )
            page.ops.append(face_text(face, text, size, x + indent, self.y, bold=bold))
            if beside is not None:
                page.ops.append(face_text(beside[0], beside[1], size, x + beside[2], self.y))
        self.y -= block.space + leading * 0.3

    def _next_column(self) -> None:
        self.column += 1
        if self.column >= self.layout.columns:
            self.pages.append(Page())
            self.top = self.new_page_top(self.pages[-1])
            self.column = 0
        self.y = self.top
