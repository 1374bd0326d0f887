"""A worksheet printed again on another computer is the same PDF, byte for byte.

The other computer is played by a fresh Python process with no fontconfig (no fc-match on its
PATH, no FONTCONFIG_* variables, no font folders), another home, working folder and hash seed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from tests import pdf_reading
from tests.worksheets.test_render import _sheet
from worksheets.render.fonts import font_set
from worksheets.render.painter import Painter
from worksheets.render.pdf import render_pdf
from worksheets.views import render_options, sheet_view

REPO = Path(__file__).resolve().parents[2]
SCHOOL = "राजकीय प्राथमिक विद्यालय, जयपुर"
RENDER = """
import sys
from pathlib import Path
from worksheets.model import Worksheet
from worksheets.render.fonts import font_set
from worksheets.render.painter import Painter
from worksheets.render.pdf import render_pdf
from worksheets.views import render_options, sheet_view

sheet = Worksheet.model_validate_json(Path(sys.argv[1]).read_text(encoding="utf-8"))
out, key = Path(sys.argv[2]), Path(sys.argv[3])
render_pdf([sheet_view(sheet, sys.argv[4])], out, render_options(sheet), key)
"""


def _bare_environment(root: Path) -> dict[str, str]:
    for folder in ("bin", "home", "share", "nowhere", "work"):
        (root / folder).mkdir(parents=True)
    env = {
        "PATH": str(root / "bin"),  # empty: no fc-match, no fc-list, nothing else
        "HOME": str(root / "home"),
        "XDG_DATA_HOME": str(root / "share"),
        "XDG_DATA_DIRS": str(root / "nowhere"),
        "XDG_CONFIG_HOME": str(root / "home"),
        "PYTHONPATH": str(REPO),
        "PYTHONHASHSEED": "12345",
        "LC_ALL": "C",
    }
    if "SYSTEMROOT" in os.environ:  # Windows cannot start Python without it
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    return env


def _draw_other_hindi_first(path: Path) -> None:
    fonts = font_set()
    canvas = Canvas(str(path), invariant=1)
    for face in (fonts.devanagari.regular, fonts.devanagari.bold):
        Painter(canvas, fonts).text(40, 700, "क्षत्रिय ज्ञान श्री द्वार ह्रदय", face, 12)
    canvas.save()


@pytest.mark.parametrize("language", ["hi", "both"])
def test_a_worksheet_renders_the_same_bytes_on_a_computer_without_fontconfig(
    tmp_path: Path, language: str
) -> None:
    sheet = _sheet(language, name="आशा वर्मा")
    _draw_other_hindi_first(tmp_path / "other.pdf")  # as a window that printed other sheets
    here, here_key = tmp_path / "here.pdf", tmp_path / "here-key.pdf"
    render_pdf([sheet_view(sheet, SCHOOL)], here, render_options(sheet), here_key)
    saved = tmp_path / "sheet.json"
    saved.write_text(sheet.model_dump_json(), encoding="utf-8")  # as it syncs
    env = _bare_environment(tmp_path / "elsewhere")
    assert shutil.which("fc-match", path=env["PATH"]) is None
    there, there_key = tmp_path / "there.pdf", tmp_path / "there-key.pdf"
    done = subprocess.run(
        [sys.executable, "-c", RENDER, str(saved), str(there), str(there_key), SCHOOL],
        env=env,
        cwd=tmp_path / "elsewhere" / "work",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "NotoSansDevanagari-Regular" in pdf_reading.fonts(there)
    assert there.read_bytes() == here.read_bytes()
    assert there_key.read_bytes() == here_key.read_bytes()
