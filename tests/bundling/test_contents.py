"""What build.spec takes and leaves out: everything the window loads stays, the heavy unused
parts and the server side go."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bundling.contents import EXCLUDED_MODULES, NOT_THE_DESKTOP, is_left_out
from tests.practicecraft.test_lean_install import SERVER_ONLY

REPO = Path(__file__).resolve().parents[2]


def _qt_modules_the_desktop_imports() -> set[str]:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "desktop").rglob("*.py"))
    return set(re.findall(r"PySide6\.(Qt[A-Za-z]+)", source))


def test_the_desktop_imports_qt_pdf_and_charts() -> None:
    assert {"QtPdf", "QtPdfWidgets", "QtCharts"} <= _qt_modules_the_desktop_imports()


@pytest.mark.parametrize("module", sorted(_qt_modules_the_desktop_imports()))
def test_every_qt_module_the_desktop_imports_is_kept(module: str) -> None:
    library = module.replace("Qt", "Qt6", 1)
    assert f"PySide6.{module}" not in EXCLUDED_MODULES
    assert not is_left_out(f"PySide6/{module}.abi3.so")
    assert not is_left_out(f"PySide6/Qt/lib/lib{library}.so.6")
    assert not is_left_out(f"PySide6/{library}.dll")


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt6WebEngineCore.dll",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt63DCore.so.6",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/QtQml.abi3.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/plugins/platforms/qvnc.dll",
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/translations/qtbase_de.qm",
    ],
)
def test_qt_parts_the_window_never_loads_are_left_out(path: str) -> None:
    assert is_left_out(path)


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",
        "uharfbuzz/_harfbuzz.abi3.so",
        "libxcb-cursor.so.0",
    ],
)
def test_what_the_window_or_printing_needs_is_kept(path: str) -> None:
    assert not is_left_out(path)


def test_every_server_only_package_is_left_out() -> None:
    assert set(SERVER_ONLY.values()) - {"jwt"} <= set(NOT_THE_DESKTOP)


def test_the_cloud_side_benchmarks_and_tests_are_left_out() -> None:
    assert {"cloud", "bench", "tests"} <= set(NOT_THE_DESKTOP)
