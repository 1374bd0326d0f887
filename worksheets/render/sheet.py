"""Laying out one worksheet and its answer key as pages of drawing operations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.units import mm

from curriculum.question import Question
from curriculum.question import Text as Bilingual
from worksheets.render import bilingual, chrome
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
    date: str = ""
    version_label: str | None = None
    concept: Bilingual | None = None
    title_hi: str | None = None  # None on sheets made before titles had Hindi

    def title_in(self, language: str) -> str:
        return self.title_hi if language == "hi" and self.title_hi else self.title


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
        for face, text in self._bilingual(INSTRUCTIONS):
            size = self.fonts.size_for(face, o.size * 0.9)
            for line in self.m.wrap(text, face.regular, size, self.width - 2 * MARGIN):
                page.ops.append(face_text(face, line, size, MARGIN, y))
                y -= size * 1.38
        return y - o.size * 0.4

    def _who(self, view: SheetView) -> list[str]:
        lang = self.o.language
        name = view.child_name or "______________________"
        return [
            f"{chrome.label('name', lang)}: {name}     "
            f"{chrome.label('class', lang)}: {view.class_name or view.grade}     "
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
                (face, line, size) for line in self.m.wrap(prefix + text, face.regular, size, inner)
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
        name = view.child_name or f"{chrome.label('name', self.o.language)}: ______________"
        dot = chrome.separator(self.o.language)
        text = f"{name}  {dot}  {view.title_in(self.o.language)}  {dot}  {view.code}"
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
        answer = bilingual.key(q, self.o.language)
        # "False / गलत" starts in the Latin face, as the English leads on a bilingual sheet
        face = self.fonts.latin if self.o.language == "both" else self.fonts.for_text(answer)
        fitted = self._fit(face, size)
        block.lines += [
            (face, line, fitted, True, indent, None)
            for line in self.m.wrap(answer, face.bold, fitted, width - indent)
        ]
        for face, text in self._bilingual(q.solution):
            small = self._fit(face, size * 0.82)
            block.lines += [
                (face, line, small, False, indent, None)
                for line in self.m.wrap(text, face.regular, small, width - indent)
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
                size = self.fonts.size_for(face, o.size * 0.85)
                block.lines += [
                    (face, line, size, True, 0.0, None)
                    for line in self.m.wrap(text, face.bold, size, width)
                ]
        label = f"{number}."
        indent = self.m.width("000.", self.fonts.latin.bold, o.size) + 2
        first = len(block.lines)
        if q.qtype == "match":
            block.lines += self._match_lines(q, width, indent)
        else:
            block.lines += self._text_rows(q.prompt, width - indent, indent)
            block.lines += self._option_lines(q, width, indent)
        block.label = (first, label)
        block.space = WORKING_LINES.get(q.qtype, 1.0) * o.leading
        return block

    def _fit(self, face: Face, size: float) -> float:
        """The size of a line: a Hindi sheet sets every line at the Devanagari size, so numbers
        and Hindi words beside them match; elsewhere only Devanagari lines are set larger."""
        return self.fonts.size_for(self.fonts.devanagari if self.o.language == "hi" else face, size)

    def _text_rows(self, text: Bilingual, width: float, indent: float) -> list[_Row]:
        """A question's text in the sheet's language(s), each line in its own face and size."""
        rows: list[_Row] = []
        for hindi, line_text in bilingual.lines(text, self.o.language):
            # a bilingual line ("Asha wrote (आशा ने लिखा): 7 + 5") starts in the Latin face
            face = self.fonts.devanagari if hindi else self.fonts.for_text(line_text)
            if self.o.language == "both" and not hindi:
                face = self.fonts.latin
            size = self._fit(face, self.o.size)
            wide = line_text.replace(bilingual.BLANK, WIDE_BLANK)
            rows += [
                (face, line, size, False, indent, None)
                for line in self.m.wrap(wide, face.regular, size, width)
            ]
        return rows

    def _option_lines(self, q: Question, width: float, indent: float) -> list[_Row]:
        if not q.options:
            return []
        shown = bilingual.options(q, self.o.language)
        face = self.fonts.for_text("".join(shown))
        if self.o.language == "both":
            face = self.fonts.latin
        size = self._fit(face, self.o.size)
        # a no-break space keeps each letter with its option when the line wraps
        text = "     ".join(shown)
        return [
            (face, line, size, False, indent, None)
            for line in self.m.wrap(text, face.regular, size, width - indent)
        ]

    def _match_lines(self, q: Question, width: float, indent: float) -> list[_Row]:
        """Left items numbered, right items lettered, side by side; a gap to draw lines in.
        Each side wraps within its own column, so a long answer never runs off the page."""
        rows: list[_Row] = []
        left_width = (width - indent) * 0.62
        number = self.m.width(
            "9) ", self.fonts.latin.regular, self._fit(self.fonts.latin, self.o.size)
        )
        for i, pair in enumerate(q.pairs):
            # the left item wraps short of the right column, its number in front of it
            left = self._text_rows(pair.left, left_width - number - 8, indent + number)
            face, text, size, *_ = left[0]
            left[0] = (face, f"{i + 1}) {text}", size, False, indent, None)
            right = bilingual.match_right(q, i, self.o.language)
            right_face = (
                self.fonts.latin if self.o.language == "both" else self.fonts.for_text(right)
            )
            right_size = self._fit(right_face, self.o.size)
            right_width = width - indent - left_width
            right_lines = self.m.wrap(right, right_face.regular, right_size, right_width)
            for j in range(max(len(left), len(right_lines))):
                row = left[j] if j < len(left) else (face, "", size, False, indent + number, None)
                beside = (
                    (right_face, right_lines[j], indent + left_width, right_size)
                    if j < len(right_lines)
                    else None
                )
                rows.append((*row[:5], beside))
        return rows

    def _bilingual(self, text: Bilingual) -> Iterator[tuple[Face, str]]:
        """The text in the sheet's language(s); a Hindi line equal to the English (a sum like
        23 + 19 = ____) is printed once, in the Latin face."""
        hindi = text.hi if text.hi and text.hi != text.en else None
        if self.o.language in ("en", "both") or not hindi:
            yield self.fonts.latin, text.en
        if self.o.language in ("hi", "both") and hindi:
            yield self.fonts.devanagari, hindi


# face, text, size, bold, indent, and maybe a second text on the same line (face, text, indent,
# size: the right column of a match item keeps one size down its wrapped lines)
_Row = tuple[Face, str, float, bool, float, tuple[Face, str, float, float] | None]


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
                right_face, right, right_x, right_size = beside
                page.ops.append(face_text(right_face, right, right_size, x + right_x, self.y))
        self.y -= block.space + leading * 0.3

    def _next_column(self) -> None:
        self.column += 1
        if self.column >= self.layout.columns:
            self.pages.append(Page())
            self.top = self.new_page_top(self.pages[-1])
            self.column = 0
        self.y = self.top
