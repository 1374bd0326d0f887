"""One question, or its answer, as a block: the section's instruction (once per section), the
picture, the prompt, options in a grid, match columns, ruled lines or room to work.

Every number printed goes through `group_digits`, so a sheet and its key group digits one way.
What each line says in the sheet's language(s) comes from `worksheets.render.bilingual`; how large
it is set, from `_fit`: on a Hindi sheet every line at the Devanagari size (numbers and Hindi
words beside them match), elsewhere Devanagari lines only, and a Hindi word inside an English
line of a bilingual sheet is drawn at that size too ("(a) cube / घन"), so its row is measured
by it and nothing overlaps.
"""

from __future__ import annotations

from collections.abc import Iterator

from curriculum.question import Question
from curriculum.question import Text as Bilingual
from worksheets.render import bilingual
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
        self.language = options.language
        self.size = self._fit(fonts.latin, options.size)  # a row of the sheet's text
        self.indent = measure.width("000.", fonts.latin.bold, self.size) + 2

    # -- the sheet -----------------------------------------------------------------------------

    def question(self, number: int, q: Question, heading: bool, width: float) -> Block:
        o = self.o
        block = Block(label_size=self.size)
        if heading:
            block.items += self._rows(q.instruction, o.size * 0.85, width, 0.0, bold=True)
        block.label_at = len(block.items)
        block.label = Cell(self.fonts.latin, f"{number}.", 0.0, bold=True)
        if q.picture is not None:
            block.items.append(self._picture(q, width, answers=False))
        if q.qtype == "match":
            block.items += self._match_rows(q, width)
        else:
            block.items += self._prompt_rows(q.prompt, width)
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
        """An instruction or a worked solution: the English and the Hindi each in full."""
        rows: list[Item] = []
        for face, line_text in self.bilingual(text):
            fitted = self._fit(face, size)
            wrapped = self.m.wrap(group_digits(line_text), face.name(bold), fitted, width - indent)
            rows += [self._row((Cell(face, line, indent, bold),), fitted) for line in wrapped]
        return rows

    def _prompt_rows(self, text: Bilingual, width: float) -> list[Item]:
        """A question's text: on a bilingual sheet the English with its blank and the Hindi as
        a translation line under it, what both share printed once."""
        rows: list[Item] = []
        for face, line_text, size in self._lines(text):
            wide = group_digits(line_text.replace(bilingual.BLANK, WIDE_BLANK))
            wrapped = self.m.wrap(wide, face.regular, size, width - self.indent)
            rows += [self._row((Cell(face, line, self.indent),), size) for line in wrapped]
        return rows

    def _lines(self, text: Bilingual) -> list[tuple[Face, str, float]]:
        """`bilingual.lines` with the face each line starts in and the size it is set at."""
        found = []
        for hindi, line_text in bilingual.lines(text, self.language):
            face = self._face(line_text, hindi)
            found.append((face, line_text, self._fit(face, self.o.size)))
        return found

    def _line(self, text: str) -> tuple[Face, str, float]:
        face = self._face(text)
        return face, text, self._fit(face, self.o.size)

    def _picture(self, q: Question, width: float, answers: bool) -> Picture:
        assert q.picture is not None
        size = self.o.size * (KEY_PICTURE_SCALE if answers else 1.0)
        pen = Pen(self.fonts, self.m, self.language, size, size / 11.0, answers)
        drawn = sketch(q.picture, pen, width - self.indent)
        return Picture(drawn, self.indent, self.o.size * 0.3, self.o.size * 0.35)

    def _option_rows(self, q: Question, width: float) -> list[Item]:
        """Options side by side when they fit (4, or 2 by 2), else one a line; a long option
        wraps under its own first word, never under its letter."""
        if not q.options:
            return []
        texts = [group_digits(bilingual.option(q, i, self.language)) for i in range(len(q.options))]
        marks = [bilingual.mark(i, self.language) for i in range(len(texts))]
        size, gap = self._fit(self._face("".join(texts)), self.o.size), self.o.size * 1.2
        prefix = max(self._width(f"{mark}\u00a0", size) for mark in marks)
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
                        cells.append(Cell(self._face(marks[start + n]), marks[start + n], x))
                    if line < len(lines):
                        cells.append(Cell(self._face(lines[line]), lines[line], x + prefix))
                rows.append(self._row(tuple(cells), size))
        return rows

    def _match_rows(self, q: Question, width: float) -> list[Item]:
        """Left items numbered, right items lettered, each column as wide as its words need
        and wrapping within it; where the two cannot stand side by side (a narrow column),
        the right items follow the left ones. On a bilingual sheet a left item is its English
        and its Hindi translation line; a right item, "cube / घन"."""
        gap, language = self.o.size * 1.2, self.language
        lefts = [(f"{i + 1})", self._lines(p.left)) for i, p in enumerate(q.pairs)]
        rights = [
            (bilingual.mark(i, language), [self._line(bilingual.match_answer(q, i, language))])
            for i in range(len(q.pairs))
        ]
        available = width - self.indent
        left_least, left_most = self._needs(lefts)
        right_least, _ = self._needs(rights)
        if left_least + gap + right_least > available:
            rows = [self._cells(m, t, self.indent, available) for m, t in lefts + rights]
            return [self._row(cells, self.size) for lines in rows for cells in lines]
        left_width = min(max(left_most, available * 0.45), available - gap - right_least)
        left_width = max(left_width, left_least)
        right_x = self.indent + left_width + gap
        found: list[Item] = []
        for (mark, text), (letter, answer) in zip(lefts, rights, strict=True):
            left = self._cells(mark, text, self.indent, left_width)
            right = self._cells(letter, answer, right_x, width - right_x)
            for line in range(max(len(left), len(right))):
                cells = (left[line] if line < len(left) else ()) + (
                    right[line] if line < len(right) else ()
                )
                found.append(self._row(cells, self.size))
        return found

    def _needs(self, items: list[tuple[str, list[tuple[Face, str, float]]]]) -> tuple[float, float]:
        """The width a column of marked items needs at least (its longest word) and at most
        (its longest line of an item unwrapped)."""
        least = most = 0.0
        for mark, lines in items:
            prefix = self._width(mark + "\u00a0", lines[0][2])
            for face, text, size in lines:
                shown = group_digits(text)
                words = shown.split() or [""]
                least = max(least, prefix + max(self.m.width(w, face.regular, size) for w in words))
                most = max(most, prefix + self.m.width(shown, face.regular, size))
        return least + 1.0, most + 1.0  # a word exactly as wide as its room must still fit

    def _cells(
        self, mark: str, lines: list[tuple[Face, str, float]], x: float, width: float
    ) -> list[tuple[Cell, ...]]:
        """`mark` then each line of the item wrapped beside it: one tuple of cells per line,
        each line at its own size."""
        found: list[tuple[Cell, ...]] = []
        prefix = self._width(mark + "\u00a0", lines[0][2])
        for face, text, size in lines:
            for line in self.m.wrap(group_digits(text), face.regular, size, width - prefix):
                cell = Cell(face, line, x + prefix, size=size)
                first = () if found else (Cell(self._face(mark), mark, x, size=lines[0][2]),)
                found.append((*first, cell))
        return found

    def _face(self, text: str, hindi: bool = False) -> Face:
        """The face a line starts in. On a bilingual sheet an English line starts in the Latin
        face whatever Hindi it holds ("cube / घन", "Balls (गेंदें): |||"): the English leads."""
        if hindi:
            return self.fonts.devanagari
        return self.fonts.latin if self.language == "both" else self.fonts.for_text(text)

    def _fit(self, face: Face, size: float) -> float:
        """The size of a line: a Hindi sheet sets every line at the Devanagari size, so numbers
        and Hindi words beside them match; elsewhere only Devanagari lines are set larger."""
        hindi_sheet = self.o.language == "hi"
        return self.fonts.size_for(self.fonts.devanagari if hindi_sheet else face, size)

    def _row(self, cells: tuple[Cell, ...], size: float) -> Row:
        """A row measured by the largest glyphs drawn in it."""
        tallest = max((self._drawn(cell, size) for cell in cells), default=size)
        return Row(cells, size, tallest if tallest > size else 0.0)

    def _drawn(self, cell: Cell, size: float) -> float:
        """The largest size `cell` is drawn at: a Hindi word in a line that starts in another
        face is drawn at the Devanagari size (`FontSet.sized_runs`)."""
        at = cell.size or size
        font = cell.face.name(cell.bold)
        return max(run_size for _, run_size in self.fonts.sized_runs(cell.text, font, at))

    def _width(self, text: str, size: float) -> float:
        return self.m.width(text, self._face(text).regular, size)

    def _wrap(self, text: str, size: float, width: float) -> list[str]:
        return self.m.wrap(text, self._face(text).regular, size, width)

    # -- the answer key ------------------------------------------------------------------------

    def answer(self, number: int, q: Question, width: float) -> Block:
        """The answer in bold, the worked solution under it, and the picture, smaller. On a
        bilingual sheet "False / गलत": the English first, in the Latin face."""
        answer = group_digits(bilingual.key(q, self.language))
        face = self._face(answer)
        size = self._fit(face, self.o.size)
        block = Block(label=Cell(self.fonts.latin, f"{number}.", 0.0, bold=True))
        block.label_size = self.size
        block.items += [
            self._row((Cell(face, line, self.indent, True),), size)
            for line in self.m.wrap(answer, face.bold, size, width - self.indent)
        ]
        block.items += self._rows(q.solution, self.o.size * 0.82, width, self.indent)
        if q.picture is not None:
            block.items.append(self._picture(q, width, answers=True))
        return block

    # -- languages -----------------------------------------------------------------------------

    def bilingual(self, text: Bilingual) -> Iterator[tuple[Face, str]]:
        """The text in the sheet's language(s); a Hindi line equal to the English (a sum like
        23 + 19 = ____) is printed once, in the Latin face."""
        hindi = text.hi if text.hi and text.hi != text.en else None
        if self.language in ("en", "both") or not hindi:
            yield self.fonts.latin, text.en
        if self.language in ("hi", "both") and hindi:
            yield self.fonts.devanagari, hindi
