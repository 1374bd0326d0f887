"""Finding and registering fonts: a Latin face with ₹ and maths signs, and a Devanagari face.

No font files are shipped: they are found on the system (fontconfig on Linux, the Windows and
macOS font folders) and registered with reportlab once per process. Devanagari text is shaped
with HarfBuzz (reportlab[shaping]) before it is drawn, so conjuncts and matras come out right.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeStr


class FontNotFound(RuntimeError):
    """No usable font for a script is installed; says what to install."""


LATIN_CANDIDATES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Nirmala UI")
DEVANAGARI_CANDIDATES = ("Lohit Devanagari", "Noto Sans Devanagari", "Nirmala UI", "Mangal")
_KNOWN_FILES = {
    "win32": {
        "Nirmala UI": ("C:/Windows/Fonts/Nirmala.ttf", "C:/Windows/Fonts/NirmalaB.ttf"),
        "Mangal": ("C:/Windows/Fonts/mangal.ttf", "C:/Windows/Fonts/mangalb.ttf"),
        "Arial": ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
    },
}
HOW_TO_INSTALL = (
    "install a Devanagari font: on Debian/Ubuntu `sudo apt install fonts-lohit-deva` "
    "(or fonts-noto-core); Windows has Nirmala UI built in"
)


@dataclass(frozen=True)
class Face:
    """A registered font: regular and bold names for reportlab."""

    regular: str
    bold: str
    shaped: bool  # draw through HarfBuzz (needed for Devanagari)

    def prepare(self, text: str, size: float) -> str:
        """Text ready for canvas.drawString: shaped if this face needs it."""
        if self.shaped and text and not text.isascii():
            return shapeStr(text, self.regular, size)  # type: ignore[no-any-return]
        return text


@dataclass(frozen=True)
class FontSet:
    latin: Face
    devanagari: Face | None

    def for_text(self, text: str) -> Face:
        if self.devanagari and any("\u0900" <= ch <= "\u097f" for ch in text):
            return self.devanagari
        return self.latin

    def require_devanagari(self) -> Face:
        if self.devanagari is None:
            raise FontNotFound(f"no Devanagari font was found for Hindi text; {HOW_TO_INSTALL}")
        return self.devanagari


@cache
def font_set() -> FontSet:
    """The fonts found on this machine, registered with reportlab (once per process)."""
    latin = _register("PC-Latin", _find(LATIN_CANDIDATES), shaped=False)
    deva_files = _find(DEVANAGARI_CANDIDATES)
    devanagari = _register("PC-Deva", deva_files, shaped=True) if deva_files else None
    if latin is None:
        latin = devanagari or Face("Helvetica", "Helvetica-Bold", shaped=False)
    return FontSet(latin, devanagari)


def _register(name: str, files: tuple[Path, Path] | None, shaped: bool) -> Face | None:
    if files is None:
        return None
    regular, bold = files
    pdfmetrics.registerFont(TTFont(name, str(regular)))
    pdfmetrics.registerFont(TTFont(f"{name}-Bold", str(bold)))
    return Face(name, f"{name}-Bold", shaped)


def _find(families: tuple[str, ...]) -> tuple[Path, Path] | None:
    """Regular and bold files of the first family installed (bold falls back to regular)."""
    for family in families:
        found = _fontconfig(family) if shutil.which("fc-match") else _known(family)
        if found:
            return found
    return None


def _known(family: str) -> tuple[Path, Path] | None:
    paths = _KNOWN_FILES.get(sys.platform, {}).get(family)
    if not paths or not Path(paths[0]).exists():
        return None
    bold = Path(paths[1]) if Path(paths[1]).exists() else Path(paths[0])
    return Path(paths[0]), bold


def _fontconfig(family: str) -> tuple[Path, Path] | None:
    regular = _match(family, "Regular")
    if regular is None:
        return None
    return regular, _match(family, "Bold") or regular


def _match(family: str, style: str) -> Path | None:
    """The file fontconfig has for exactly this family (not a substitute), if it is a TTF."""
    result = subprocess.run(
        ["fc-match", "-f", "%{family}\t%{file}", f"{family}:style={style}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=10,
    )
    found_family, _, file = result.stdout.partition("\t")
    if family.lower() not in found_family.lower() or not file.lower().endswith(".ttf"):
        return None
    return Path(file)
