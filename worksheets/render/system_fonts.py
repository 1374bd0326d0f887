"""This computer's own fonts, for a device whose Settings choose them over the bundled ones.

Fonts are found by file name in the platform's font folders — no fontconfig and no subprocess,
so the lookup behaves the same in a test as on a classroom PC. The first family of each list
that is installed wins; only TrueType files (.ttf) are used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple


class Family(NamedTuple):
    name: str
    regular: str  # file names, compared without regard to case
    bold: str | None  # None: the family has no bold file; its regular one is used


LATIN_FAMILIES = (
    Family("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    Family("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    Family("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    Family("Arial", "arial.ttf", "arialbd.ttf"),
    Family("Arial", "Arial.ttf", "Arial Bold.ttf"),  # macOS names it so
    Family("Nirmala UI", "Nirmala.ttf", "NirmalaB.ttf"),
)
DEVANAGARI_FAMILIES = (
    Family("Lohit Devanagari", "Lohit-Devanagari.ttf", None),
    Family("Noto Sans Devanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    Family("Nirmala UI", "Nirmala.ttf", "NirmalaB.ttf"),
    Family("Mangal", "mangal.ttf", "mangalb.ttf"),
)


def font_folders() -> list[Path]:
    """Where this platform keeps installed fonts, the user's own folders first."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [local / "Microsoft" / "Windows" / "Fonts", windows / "Fonts"]
    if sys.platform == "darwin":
        system = Path("/System/Library/Fonts")
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), system, system / "Supplemental"]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    data_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    shared = [Path(entry) / "fonts" for entry in data_dirs.split(os.pathsep) if entry]
    return [data_home / "fonts", home / ".fonts", *shared]


def installed_files(folders: Iterable[Path]) -> dict[str, Path]:
    """Every .ttf file under the folders by lower-case name; the first one found keeps a name."""
    found: dict[str, Path] = {}
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs.sort()  # the same answer every time on the same machine
            for name in sorted(files):
                if name.lower().endswith(".ttf"):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def find_family(
    families: Iterable[Family], installed: dict[str, Path]
) -> tuple[Family, Path, Path] | None:
    """The first family whose regular file is installed: (family, regular, bold)."""
    for family in families:
        regular = installed.get(family.regular.lower())
        if regular is None:
            continue
        bold = installed.get(family.bold.lower()) if family.bold else None
        return family, regular, bold or regular
    return None
