"""The command line prints in the fonts this device chose: the bundled ones unless it said so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from practicecraft.cli import main
from storage.database import Store
from storage.paths import local_database_path
from tests import pdf_reading
from tests.font_folders import installed_fonts


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def invoke(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            main(["--data-dir", str(tmp_path / "data"), *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    # The first command starts the data folder; the child is kept with a guardian's consent.
    consent = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")
    code, _, err = invoke(
        "--create", "child", "add", "--name", "आशा वर्मा", "--grade", "3", *consent
    )
    assert code == 0, err
    return invoke


def _hindi_sheet(run, out: Path) -> None:  # type: ignore[no-untyped-def]
    child = json.loads(run("child", "list", "--json")[1])[0]["id"]
    code, _, err = run(
        "worksheet", "create", "--child", child, "--subject", "maths", "--chapters", "12",
        "--count", "6", "--lang", "hi", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err


def test_a_hindi_worksheet_prints_in_the_bundled_fonts_by_default(
    run,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    out = tmp_path / "hindi.pdf"
    with installed_fonts(monkeypatch, tmp_path / "computer", {}):  # no font installed at all
        _hindi_sheet(run, out)
    assert {"NotoSans-Regular", "NotoSansDevanagari-Regular"} <= pdf_reading.fonts(out)
    assert "आशा वर्मा" in pdf_reading.text(out)


def test_a_device_that_chose_system_fonts_prints_in_the_installed_ones(
    run,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    with Store.open(local_database_path(tmp_path / "data")) as store:
        store.settings.set(store.settings.FONTS, "system")
    out = tmp_path / "system.pdf"
    # a real font file, installed under a name the lookup knows, so the PDF shows it was used
    fonts = {"DejaVuSans.ttf": "NotoSansMath-Regular.ttf"}
    with installed_fonts(monkeypatch, tmp_path / "computer", fonts):
        _hindi_sheet(run, out)
    used = pdf_reading.fonts(out)
    assert "NotoSansMath-Regular" in used and "NotoSans-Regular" not in used
