"""A computer's font folders, made up for a test: empty, or holding the fonts a test installs.

`installed_fonts` points HOME and the XDG folders at a temporary directory (so the machine's own
fonts are never seen), and forgets the fonts registered for "system" before and after, because
`font_set` keeps them for the life of the process.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from worksheets.render.fonts import bundled_folder, font_set


@contextmanager
def installed_fonts(
    monkeypatch: pytest.MonkeyPatch, root: Path, fonts: dict[str, str]
) -> Iterator[Path]:
    """Install bundled font files under the names given ({installed name: bundled file})."""
    user_fonts = root / "share" / "fonts"
    user_fonts.mkdir(parents=True)
    (root / "home").mkdir()
    for installed, bundled in fonts.items():
        shutil.copyfile(bundled_folder() / bundled, user_fonts / installed)
    monkeypatch.setenv("HOME", str(root / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "share"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(root / "nowhere"))
    font_set.cache_clear()
    try:
        yield user_fonts
    finally:
        font_set.cache_clear()
