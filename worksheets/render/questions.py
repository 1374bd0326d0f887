"""One question, or its answer, as a block: the section's instruction (once per section), the
picture, the prompt, options in a grid, match columns, ruled lines or room to work.

Every number printed goes through `group_digits`, so a sheet and its key group digits one way.
"""

from __future__ import annotations

from collections.abc import Iterator

from curriculum.question import Question
from curriculum.question import Text as Bilingual
from worksheets.render.blocks import Block, Cell, Item, Picture, Row, Rules
from worksheets.render.figures import Pen, sketch
from worksheets.render.fonts import Face, FontSet
from worksheets.render.layout import Measure
from worksheets.render.numbers import group_digits
from worksheets.render.options import Options

WIDE_BLANK = "__________"
LETTERS = "abcdefgh"
# Room to work after each kind of question, in lines (sums to work out, a story to solve).
WORKING_LINES = {
    "fill_blank": 1.2,
    "multiple_choice": 0.4,
    "true_false": 0.4,
    "match": 0.5,
    "word_problem": 3.5,
    "error_identification": 2.0,
    "open_response": 0.5,
    "choose_word": 0.5,
    "rewrite": 0.4,
}
# Ruled lines to write on, for answers that are sentences.
WRITING_LINES = {"rewrite": 2, "open_response": 4}
KEY_PICTURE_SCALE = 0.6  # pictures in the key are smaller: there to recognise the question


class QuestionBlocks:
    """Builds blocks for one set of options; shares the width cache of the sheet's layout."""

    def __init__(self, options: Options, fonts: FontSet, measure: Measure) -> None:
        self.o, self.fonts, self.m = options, fonts, measure
        self.indent = measure.width("000.", fonts.latin.bold, options.size) + 2

    # -- the sheet -----------------------------------------------------------------------------

    def question(self, number: int, q: Question, heading: bool, width: float) -> Block:
        o = self.o
        block = Block(label_size=o.size)
        if heading:
            block.items += self._rows(q.instruction, o.size * 0.85, width, 0.0, bold=True)
        block.label_at = len(block.items)
        block.label = Cell(self.fonts.latin, f"{number}.", 0.0, bold=True)
        if q.picture is not None:
            block.items.append(self._picture(q, width, answers=False))
        if q.qtype == "match":
            block.items += self._match_rows(q, width)
        else:
            prompt = q.prompt.model_copy(
                update={
                    "en": q.prompt.en.replace("____", WIDE_BLANK),
                    "hi": q.prompt.hi.replace("____", WIDE_BLANK) if q.prompt.hi else None,
                }
            )
            block.items += self._rows(prompt, o.size, width, self.indent)
            block.items += self._option_rows(q, width)
        lines = WRITING_LINES.get(q.qtype, 0)
        if lines:
            pitch = o.leading * 1.35
            block.items.append(Rules(lines, pitch, self.indent, width - self.indent))
        block.space = WORKING_LINES.get(q.qtype, 1.0) * o.leading
        return block

    def _rows(
        self, text: Bilingual, size: float, width: float, indent: float, bold: bool = False
    ) -> list[Item]:
        rows: list[Item] = []
        for face, line_text in self.bilingual(text):
            wrapped = self.m.wrap(group_digits(line_text), face.name(bold), size, width - indent)
            rows += [Row((Cell(face, line, indent, bold),), size) for line in wrapped]
        return rows

    def _picture(self, q: Question, width: float, answers: bool) -> Picture:
        assert q.picture is not None
        size = self.o.size * (KEY_PICTURE_SCALE if answers else 1.0)
        pen = Pen(self.fonts, self.m, self.o.language, size, size / 11.0, answers)
        drawn = sketch(q.picture, pen, width - self.indent)
        return Picture(drawn, self.indent, self.o.size * 0.3, self.o.size * 0.35)

    def _option_rows(self, q: Question, width: float) -> list[Item]:
        """Options side by side when they fit (4, or 2 by 2), else one a line; a long option
        wraps under its own first word, never under its letter."""
        if not q.options:
            return []
        size, gap = self.o.size, self.o.size * 1.2
        texts = [group_digits(option) for option in q.options]
        letters = [f"({LETTERS[i]})" for i in range(len(texts))]
        prefix = max(self.m.width(f"{x}\u00a0", self.fonts.latin.regular, size) for x in letters)
        available = width - self.indent
        for across in dict.fromkeys((len(texts) if len(texts) <= 4 else 4, 2, 1)):
            cell = (available - gap * (across - 1)) / across
            if across == 1 or all(self._width(t, size) <= cell - prefix for t in texts):
                break
        rows: list[Item] = []
        for start in range(0, len(texts), across):
            chunk = texts[start : start + across]
            # side by side, each option was measured to fit its cell: nothing to wrap
            wrapped = (
                [[t] for t in chunk] if across > 1 else [self._wrap(chunk[0], size, cell - prefix)]
            )
            for line in range(max(len(w) for w in wrapped)):
                cells: list[Cell] = []
                for n, lines in enumerate(wrapped):
                    x = self.indent + n * (cell + gap)
                    if line == 0:
                        cells.append(Cell(self.fonts.latin, letters[start + n], x))
                    if line < len(lines):
                        cells.append(
                            Cell(self.fonts.for_text(lines[line]), lines[line], x + prefix)
                        )
                rows.append(Row(tuple(cells), size))
        return rows

    def _match_rows(self, q: Question, width: float) -> list[Item]:
        """Left items numbered, right items lettered, each column as wide as its words need
        and wrapping within it; where the two cannot stand side by side (a narrow column),
        the right items follow the left ones."""
        size, gap = self.o.size, self.o.size * 1.2
        lefts = [(f"{i + 1})", group_digits(self.pick(p.left))) for i, p in enumerate(q.pairs)]
        rights = [(f"({LETTERS[i]})", group_digits(p.right)) for i, p in enumerate(q.pairs)]
        available = width - self.indent
        left_least, left_most = self._needs(lefts, size)
        right_least, _ = self._needs(rights, size)
        if left_least + gap + right_least > available:
            rows = [self._cells(m, t, self.indent, available) for m, t in lefts + rights]
            return [Row(cells, size) for lines in rows for cells in lines]
        left_width = min(max(left_most, available * 0.45), available - gap - right_least)
        left_width = max(left_width, left_least)
        right_x = self.indent + left_width + gap
        rows_: list[Item] = []
        for (mark, text), (letter, answer) in zip(lefts, rights, strict=True):
            left = self._cells(mark, text, self.indent, left_width)
            right = self._cells(letter, answer, right_x, width - right_x)
            for line in range(max(len(left), len(right))):
                cells = (left[line] if line < len(left) else ()) + (
                    right[line] if line < len(right) else ()
                )
                rows_.append(Row(cells, size))
        return rows_

    def _needs(self, items: list[tuple[str, str]], size: float) -> tuple[float, float]:
        """The width a column of marked items needs at least (its longest word) and at most
        (its longest item on one line)."""
        least = most = 0.0
        for mark, text in items:
            prefix = self.m.width(mark + "\u00a0", self.fonts.latin.regular, size)
            font = self.fonts.for_text(text).regular  # the face the whole item is wrapped in
            words = text.split() or [""]
            least = max(least, prefix + max(self.m.width(w, font, size) for w in words))
            most = max(most, prefix + self.m.width(text, font, size))
        return least + 1.0, most + 1.0  # a word exactly as wide as its room must still fit

    def _cells(self, mark: str, text: str, x: float, width: float) -> list[tuple[Cell, ...]]:
        """`mark` then `text` wrapped beside it: one tuple of cells per line."""
        size = self.o.size
        prefix = self.m.width(mark + "\u00a0", self.fonts.latin.regular, size)
        lines = self._wrap(text, size, width - prefix)
        first = (
            Cell(self.fonts.latin, mark, x),
            Cell(self.fonts.for_text(lines[0]), lines[0], x + prefix),
        )
        return [first] + [
            (Cell(self.fonts.for_text(line), line, x + prefix),) for line in lines[1:]
        ]

    def _width(self, text: str, size: float) -> float:
        return self.m.width(text, self.fonts.for_text(text).regular, size)

    def _wrap(self, text: str, size: float, width: float) -> list[str]:
        return self.m.wrap(text, self.fonts.for_text(text).regular, size, width)

    # -- the answer key ------------------------------------------------------------------------

    def answer(self, number: int, q: Question, width: float) -> Block:
        """The answer in bold, the worked solution under it, and the picture, smaller."""
        size = self.o.size
        answer = group_digits(q.answer)
        if q.unit and q.unit not in q.answer and q.qtype != "word_problem":
            answer = f"₹ {answer}" if q.unit == "₹" else f"{answer} {q.unit}"  # as in the books
        face = self.fonts.for_text(answer)
        block = Block(label=Cell(self.fonts.latin, f"{number}.", 0.0, bold=True), label_size=size)
        block.items += [
            Row((Cell(face, line, self.indent, True),), size)
            for line in self.m.wrap(answer, face.bold, size, width - self.indent)
        ]
        block.items += self._rows(q.solution, size * 0.82, width, self.indent)
        if q.picture is not None:
            block.items.append(self._picture(q, width, answers=True))
        return block

    # -- languages -----------------------------------------------------------------------------

    def pick(self, text: Bilingual) -> str:
        return text.hi if self.o.language == "hi" and text.hi else text.en

    def bilingual(self, text: Bilingual) -> Iterator[tuple[Face, str]]:
        """The text in the sheet's language(s); a Hindi line equal to the English (a sum like
        23 + 19 = ____) is printed once, in the Latin face."""
        hindi = text.hi if text.hi and text.hi != text.en else None
        if self.o.language in ("en", "both") or not hindi:
            yield self.fonts.latin, text.en
        if self.o.language in ("hi", "both") and hindi:
            yield self.fonts.devanagari, hindi
