"""`practicecraft --self-test`: the check a school's install (and CI's frozen bundle) runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from practicecraft.self_test import shaped_glyph_codes
from worksheets.render.fonts import font_set
from worksheets.render.painter import Painter

TIMEOUT_S = 180
# Run the command as a new process, as an installed app is run; `prelude` runs first.
LAUNCH = "import sys\n{prelude}\nfrom practicecraft.cli import main\nmain(['--self-test'])\n"


def self_test(home: Path, prelude: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("PRACTICECRAFT_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-c", LAUNCH.format(prelude=prelude)],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


@pytest.fixture(scope="module")
def passed(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    home = tmp_path_factory.mktemp("home")
    return home, self_test(home)


def test_the_self_test_of_a_working_install_exits_0(
    passed: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _home, done = passed
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("self-test passed in ")


def test_the_self_test_reports_each_check_on_its_own_line(
    passed: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _home, done = passed
    checks = [line.split(":")[0].strip() for line in done.stdout.splitlines()[1:-1]]
    assert checks == [
        "ok   database and worksheets",
        "ok   Hindi shaping (probe)",
        "ok   Hindi shaping (printed sheet)",
        "ok   keyring backends",
        "ok   commands",
        "ok   sync client",
        "ok   Qt",
    ]


def test_the_self_test_leaves_no_data_folder_behind(
    passed: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    home, _done = passed
    assert sorted(p.name for p in home.rglob("*") if "PracticeCraft" in p.name) == []


def test_the_self_test_fails_with_exit_1_when_harfbuzz_is_missing(tmp_path: Path) -> None:
    # What a bundle without uharfbuzz looks like to reportlab: the import fails.
    done = self_test(tmp_path, prelude="sys.modules['uharfbuzz'] = None")
    assert done.returncode == 1
    assert "FAIL Hindi shaping (probe)" in done.stdout
    assert "self-test FAILED" in done.stdout.splitlines()[-1]
    assert "Traceback" not in done.stdout + done.stderr


def _hindi_pdf(path: Path, shaped: bool) -> bytes:
    fonts, words = font_set("bundled"), "क्षमा श्रम"
    canvas = Canvas(str(path), invariant=1)
    if shaped:
        Painter(canvas, fonts).text(40, 780, words, fonts.devanagari.regular, 24)
    else:
        canvas.setFont(fonts.devanagari.regular, 24)
        canvas.drawString(40, 780, words)  # the codepoints one by one, as if unshaped
    canvas.save()
    return path.read_bytes()


def test_a_pdf_of_shaped_hindi_has_shaped_glyph_codes(tmp_path: Path) -> None:
    assert shaped_glyph_codes(_hindi_pdf(tmp_path / "shaped.pdf", shaped=True))


def test_a_pdf_of_unshaped_hindi_has_no_shaped_glyph_codes(tmp_path: Path) -> None:
    assert shaped_glyph_codes(_hindi_pdf(tmp_path / "bare.pdf", shaped=False)) == set()
