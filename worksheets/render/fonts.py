"""The fonts PDFs are printed in, and which of them draws each character.

By default PracticeCraft prints with the Noto fonts it ships in `resources/fonts/` (Noto Sans for
Latin text, Noto Sans Devanagari for Hindi, Noto Sans Math and Noto Sans Symbols2 for the few
signs those two lack), so a worksheet is the same PDF, byte for byte, on every computer. A
device may choose its own installed fonts instead ("system"); whatever they lack is still
printed with the bundled ones, so no character ever comes out as an empty box.

Text is split into runs, each drawn in the first font of the chain that has its characters.
Devanagari runs are shaped with HarfBuzz (reportlab[shaping]) so conjuncts and matras come out
right; `worksheets.render.painter` draws the runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFError, TTFont, shapeStr

from worksheets.render import system_fonts

FontChoice = Literal["bundled", "system"]
FONT_CHOICES: tuple[FontChoice, ...] = ("bundled", "system")
DEFAULT_FONTS: FontChoice = "bundled"

# name: (regular file, bold file or None when the family has only one weight)
BUNDLED_FILES: dict[str, tuple[str, str | None]] = {
    "Latin": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "Deva": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    "Math": ("NotoSansMath-Regular.ttf", None),
    "Symbols": ("NotoSansSymbols2-Regular.ttf", None),
}


class FontNotFound(RuntimeError):
    """A font file PracticeCraft needs is missing or unreadable; says what to do."""


REINSTALL = "reinstall PracticeCraft to put its fonts back"
CHOOSE_BUNDLED = 'choose "Bundled (recommended)" fonts in Settings, or repair that font'


@dataclass(frozen=True)
class Face:
    """A registered typeface: reportlab's names for its regular and bold fonts."""

    regular: str
    bold: str
    shaped: bool  # drawn through HarfBuzz (needed for Devanagari)
    chars: frozenset[int] = field(repr=False, compare=False)
    file: Path = field(compare=False)

    def name(self, bold: bool) -> str:
        return self.bold if bold else self.regular


SIZED_RUNS_KEPT = 20_000


class Run(NamedTuple):
    """Part of a line drawn in one font."""

    font: str
    text: str
    shaped: bool


class FontSet:
    """The faces for Latin and Devanagari text, and the chain that fills their gaps."""

    def __init__(self, latin: Face, devanagari: Face, fallbacks: tuple[Face, ...] = ()) -> None:
        self.latin, self.devanagari = latin, devanagari
        self.chain = tuple(dict.fromkeys((latin, devanagari, *fallbacks)))
        self._named = {f.name(bold): (f, bold) for f in self.chain for bold in (False, True)}
        self._ascii = {face.regular for face in self.chain if all(c in face.chars for c in ASCII)}
        self._sized: dict[tuple[str, str, float], tuple[tuple[Run, float], ...]] = {}

    def for_text(self, text: str) -> Face:
        """The face a line starts in: Devanagari if it has any, else Latin."""
        return self.devanagari if any("\u0900" <= ch <= "\u097f" for ch in text) else self.latin

    def runs(self, text: str, font: str) -> list[Run]:
        """`text` split where the font drawing it has to change.

        Each character is drawn in `font`'s own face if it has it, else in the first face of
        the chain that does (a character no face has stays in `font`, as an empty box).
        """
        primary, bold = self._named[font]
        if text.isascii() and primary.regular in self._ascii:
            return [Run(font, text, False)]
        runs: list[Run] = []
        face, start = primary, 0
        for index, char in enumerate(text):
            wanted = self._face_for(ord(char), primary)
            if wanted is not face:
                if index > start:
                    runs.append(Run(face.name(bold), text[start:index], face.shaped))
                face, start = wanted, index
        runs.append(Run(face.name(bold), text[start:], face.shaped))
        return runs

    def _face_for(self, code: int, primary: Face) -> Face:
        if code in primary.chars:
            return primary
        return next((face for face in self.chain if code in face.chars), primary)

    def sized_runs(self, text: str, font: str, size: float) -> tuple[tuple[Run, float], ...]:
        """The runs of `text` with the size each is drawn at. A Hindi word in an English line
        ("(a) cube / घन", "Name / नाम") is set at the Devanagari size, as large as the Hindi
        lines around it; everything else at `size`.

        Remembered: a line is measured while it is laid out and again when it is drawn, and
        the same words recur on every sheet of a class set (forgotten past 20,000 lines, so a
        long session does not grow without end)."""
        key = (text, font, size)
        found = self._sized.get(key)
        if found is None:
            if len(self._sized) >= SIZED_RUNS_KEPT:
                self._sized.clear()
            found = self._sized[key] = self._sized_runs(text, font, size)
        return found

    def _sized_runs(self, text: str, font: str, size: float) -> tuple[tuple[Run, float], ...]:
        latin_line = self._named[font][0] is not self.devanagari
        hindi = (self.devanagari.regular, self.devanagari.bold)
        return tuple(
            (
                run,
                self.size_for(self.devanagari, size) if latin_line and run.font in hindi else size,
            )
            for run in self.runs(text, font)
        )

    def width(self, text: str, font: str, size: float) -> float:
        return sum(
            run_width(glyphs(run, at), run.font, at)
            for run, at in self.sized_runs(text, font, size)
        )

    def size_for(self, face: Face, size: float) -> float:
        """The point size to set a line of `face` at, beside Latin text of `size`.

        At one point size Devanagari looks a size smaller than Latin (Noto Sans Devanagari's
        headline is 622 units high, Noto Sans capitals 714), so a Hindi heading beside an
        English one looked lighter. Devanagari lines are set larger, towards cap height; at
        most 12% larger, which read as the same size side by side on printed sheets.
        """
        if face is not self.devanagari:
            return size
        return round(size * self._devanagari_scale, 2)

    @cached_property
    def _devanagari_scale(self) -> float:
        latin = pdfmetrics.getFont(self.latin.regular).face  # type: ignore[attr-defined]
        deva = pdfmetrics.getFont(self.devanagari.regular).face  # type: ignore[attr-defined]
        ratio = getattr(latin, "capHeight", 0) / max(1, getattr(deva, "capHeight", 0))
        return min(1.12, max(1.0, ratio)) if ratio else 1.12


ASCII = frozenset(range(0x20, 0x7F))


@lru_cache(maxsize=8192)
def glyphs(run: Run, size: float) -> str:
    """What canvas.drawString is given for a run: shaped by HarfBuzz where its face needs it."""
    if run.shaped and not run.text.isascii():
        return shapeStr(run.text, run.font, size)  # type: ignore[no-any-return]
    return run.text


def run_width(text: str, font: str, size: float) -> float:
    """Width in points; a shaped string is as wide as its glyphs' advances."""
    if isinstance(text, ShapedStr):
        advances: list[float] = [g.x_advance for g in text.__shapeData__]  # type: ignore[attr-defined]
        return sum(advances) * size / 1000
    return pdfmetrics.stringWidth(text, font, size)


@cache
def font_set(choice: FontChoice = DEFAULT_FONTS) -> FontSet:
    """The fonts for this choice, registered with reportlab (once per process)."""
    bundled = bundled_faces(bundled_folder())
    if choice == "bundled":
        return FontSet(bundled["Latin"], bundled["Deva"], (bundled["Math"], bundled["Symbols"]))
    installed = system_fonts.installed_files(system_fonts.font_folders())
    latin = _system_face("System-Latin", system_fonts.LATIN_FAMILIES, installed)
    deva = _system_face("System-Deva", system_fonts.DEVANAGARI_FAMILIES, installed, shaped=True)
    return FontSet(latin or bundled["Latin"], deva or bundled["Deva"], tuple(bundled.values()))


def bundled_folder() -> Path:
    return Path(str(resources.files("resources").joinpath("fonts")))


def bundled_faces(folder: Path) -> dict[str, Face]:
    """The fonts shipped with PracticeCraft, registered as PC-Latin, PC-Deva-Bold, ..."""
    faces = {}
    for name, (regular, bold) in BUNDLED_FILES.items():
        bold_file = folder / bold if bold else None
        faces[name] = register(f"PC-{name}", folder / regular, bold_file, name == "Deva", REINSTALL)
    return faces


def _system_face(
    name: str,
    families: tuple[system_fonts.Family, ...],
    installed: dict[str, Path],
    shaped: bool = False,
) -> Face | None:
    found = system_fonts.find_family(families, installed)
    if found is None:
        return None
    _family, regular, bold = found
    return register(
        f"PC-{name}", regular, bold if bold != regular else None, shaped, CHOOSE_BUNDLED
    )


def register(name: str, regular: Path, bold: Path | None, shaped: bool, remedy: str) -> Face:
    """Register a regular (and bold) font file under `name` (and `name`-Bold).

    Raises FontNotFound, ending in `remedy`, if a file cannot be read.
    """
    font = _load(name, regular, remedy)
    chars = frozenset(font.face.charToGlyph)
    fonts = [font] if bold is None else [font, _load(f"{name}-Bold", bold, remedy)]
    for each in fonts:
        if shaped:
            code_every_glyph(each)
        pdfmetrics.registerFont(each)
    return Face(name, fonts[-1].fontName, shaped, chars, regular)


def code_every_glyph(font: TTFont) -> None:
    """Give each glyph no character maps to (conjuncts, half forms) a private-use code, in
    glyph order.

    A shaped string names glyphs by character code. reportlab would hand out private codes to
    such glyphs in the order shaping first meets them in this process, so the same worksheet
    would come out as different bytes after other Hindi text had been drawn. Fixed codes, taken
    from the font file alone, make every rendering of a sheet the same.
    """
    face: Any = font.face  # reportlab's TTFontFace; its stubs omit these tables
    code = 0xE000
    for glyph in range(face.numGlyphs):
        if glyph in face.glyphToChar:
            continue
        while code in face.charToGlyph:
            code += 1
        if code > 0xF8FF:  # the Private Use Area is full; reportlab numbers the rest itself
            return
        face.charToGlyph[code] = glyph
        face.glyphToChar[glyph] = [code]
        face.charWidths[code] = face._pdfScale(face.hmetrics[glyph][0])
        code += 1


def _load(name: str, path: Path, remedy: str) -> TTFont:
    try:
        return TTFont(name, str(path))
    except TTFError as error:  # reportlab's word for a file it cannot open or read
        raise FontNotFound(f"the font file {path} is missing or damaged; {remedy}") from error
