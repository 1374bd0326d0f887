"""A device that chooses "System fonts": its installed fonts where it has them, ours elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import pdf_reading
from tests.font_folders import installed_fonts
from tests.worksheets.test_render import _sheet
from worksheets.render import system_fonts
from worksheets.render.fonts import FontNotFound, font_set
from worksheets.render.pdf import render_pdf
from worksheets.views import render_options, sheet_view


def test_installed_fonts_are_found_by_file_name_in_any_subfolder(tmp_path: Path) -> None:
    deep = tmp_path / "fonts" / "truetype" / "noto"
    deep.mkdir(parents=True)
    (deep / "NotoSansDevanagari-Regular.ttf").write_bytes(b"")
    (deep / "NotoSansDevanagari-Bold.ttf").write_bytes(b"")
    installed = system_fonts.installed_files([tmp_path / "fonts"])
    found = system_fonts.find_family(system_fonts.DEVANAGARI_FAMILIES, installed)
    assert found is not None
    family, regular, bold = found
    assert family.name == "Noto Sans Devanagari"
    assert (regular.name, bold.name) == (
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
    )


def test_a_family_without_a_bold_file_uses_its_regular_one_for_bold(tmp_path: Path) -> None:
    (tmp_path / "Lohit-Devanagari.ttf").write_bytes(b"")
    installed = system_fonts.installed_files([tmp_path])
    found = system_fonts.find_family(system_fonts.DEVANAGARI_FAMILIES, installed)
    assert found is not None and found[1] == found[2] == tmp_path / "Lohit-Devanagari.ttf"


def test_the_families_earlier_in_the_list_win(tmp_path: Path) -> None:
    for name in ("mangal.ttf", "Lohit-Devanagari.ttf"):
        (tmp_path / name).write_bytes(b"")
    installed = system_fonts.installed_files([tmp_path])
    found = system_fonts.find_family(system_fonts.DEVANAGARI_FAMILIES, installed)
    assert found is not None and found[0].name == "Lohit Devanagari"


def test_the_users_own_font_folder_is_searched_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(system_fonts.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_DATA_DIRS", f"{tmp_path / 'a'}:{tmp_path / 'b'}")
    assert system_fonts.font_folders()[0] == tmp_path / "mine" / "fonts"
    assert system_fonts.font_folders()[-2:] == [tmp_path / "a" / "fonts", tmp_path / "b" / "fonts"]


def test_system_fonts_print_in_the_fonts_installed_on_the_computer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A real font file installed under the name of a font the lookup knows, so the PDF shows
    # which one was used.
    fonts = {"DejaVuSans.ttf": "NotoSansMath-Regular.ttf"}
    with installed_fonts(monkeypatch, tmp_path, fonts) as folder:
        chosen = font_set("system")
        assert chosen.latin.file == folder / "DejaVuSans.ttf"
        out = tmp_path / "system.pdf"
        sheet = _sheet("en")
        render_pdf([sheet_view(sheet)], out, render_options(sheet), fonts="system")
    assert "NotoSansMath-Regular" in pdf_reading.fonts(out)
    assert "NotoSans-Regular" not in pdf_reading.fonts(out)


def test_with_no_devanagari_font_installed_system_fonts_print_hindi_in_the_bundled_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with installed_fonts(monkeypatch, tmp_path, {}):
        out = tmp_path / "hindi.pdf"
        sheet = _sheet("hi")
        render_pdf([sheet_view(sheet)], out, render_options(sheet), fonts="system")
    assert "उत्तर खाली जगह में लिखो।" in pdf_reading.text(out)
    assert "NotoSansDevanagari-Regular" in pdf_reading.fonts(out)


def test_a_damaged_installed_font_says_to_choose_the_bundled_fonts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with installed_fonts(monkeypatch, tmp_path, {}) as folder:
        (folder / "DejaVuSans.ttf").write_bytes(b"not a font")
        with pytest.raises(
            FontNotFound,
            match=r'DejaVuSans.ttf is missing or damaged; choose "Bundled \(recommended\)" fonts in Settings',
        ):
            font_set("system")
