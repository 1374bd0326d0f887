"""Drawing lines of text on a reportlab canvas, run by run, each in the font that has it.

A shaped Devanagari run is drawn as glyphs (a conjunct is one glyph, a matra moves before its
consonant), which a PDF reader cannot turn back into text by itself. Each such run is wrapped
in a marked-content span whose /ActualText holds the words as written, so copying, searching
and reading aloud give the real Hindi text.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from worksheets.render.fonts import FontSet, Run, glyphs, run_width


class Painter:
    """Draws text on one canvas, setting the font only when it changes."""

    def __init__(self, canvas: Canvas, fonts: FontSet) -> None:
        self.canvas, self.fonts = canvas, fonts
        self._font: tuple[str, float] | None = None

    def new_page(self) -> None:
        """Call after canvas.showPage(): a new page starts with reportlab's default font."""
        self._font = None

    def text(self, x: float, y: float, text: str, font: str, size: float) -> float:
        """Draw `text` starting in `font` at (x, y); returns the width it took."""
        start = x
        for run, at in self.fonts.sized_runs(text, font, size):
            x += self._run(x, y, run, at)
        return x - start

    def _run(self, x: float, y: float, run: Run, size: float) -> float:
        if self._font != (run.font, size):
            self.canvas.setFont(run.font, size)
            self._font = (run.font, size)
        drawn = glyphs(run, size)
        if drawn == run.text:
            self.canvas.drawString(x, y, drawn)
        else:
            self.canvas.addLiteral(f"/Span <</ActualText {actual_text(run.text)}>> BDC")
            self.canvas.drawString(x, y, drawn)
            self.canvas.addLiteral("EMC")
        return run_width(drawn, run.font, size)


def actual_text(text: str) -> str:
    """A PDF text string in hex (UTF-16BE with its byte order mark): safe for any character."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"
