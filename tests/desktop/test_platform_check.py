"""Before Qt starts: a machine where the window cannot open gets one readable line, not a core dump."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from desktop.elf import needed_libraries
from desktop.platform_check import (
    DEBIAN_PACKAGES,
    WindowCannotOpen,
    bundled_qt_dir,
    check_window_can_open,
    install_hint,
    library_missing_from,
    missing_libraries,
)

NOT_ON_ANY_MACHINE = "libpracticecraft-no-such-library.so.7"


def write_elf(path: Path, needed: list[str], big_endian: bool = False) -> Path:
    """A minimal 64-bit shared object: a string table, a dynamic section naming `needed`,
    and the section headers that point at them (what the linker leaves in a plugin)."""
    order = ">" if big_endian else "<"
    strings = b"\0" + b"".join(name.encode() + b"\0" for name in needed)
    offsets = [1 + sum(len(n) + 1 for n in needed[:i]) for i in range(len(needed))]
    dynamic = b"".join(struct.pack(order + "qQ", 1, offset) for offset in offsets)
    dynamic += struct.pack(order + "qQ", 0, 0)  # DT_NULL ends the table
    strings_at, dynamic_at = 64, 64 + len(strings)
    headers_at = dynamic_at + len(dynamic)
    ident = b"\x7fELF" + bytes([2, 2 if big_endian else 1, 1]) + bytes(9)
    header = ident + struct.pack(
        order + "HHIQQQIHHHHHH", 3, 62, 1, 0, 0, headers_at, 0, 64, 0, 0, 64, 3, 1
    )
    section = order + "IIQQQQIIQQ"
    null = struct.pack(section, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    dynstr = struct.pack(section, 0, 3, 0, 0, strings_at, len(strings), 0, 0, 1, 0)
    dyn = struct.pack(section, 0, 6, 0, 0, dynamic_at, len(dynamic), 1, 0, 8, 16)
    path.write_bytes(header + strings + dynamic + null + dynstr + dyn)
    return path


def fake_qt(folder: Path, needed: list[str]) -> Path:
    """A Qt folder laid out as in the PySide6 wheel, whose xcb plugin needs `needed`."""
    (folder / "plugins" / "platforms").mkdir(parents=True)
    (folder / "lib").mkdir()
    write_elf(folder / "plugins" / "platforms" / "libqxcb.so", ["libQt6XcbQpa.so.6", *needed])
    write_elf(folder / "lib" / "libQt6XcbQpa.so.6", ["libQt6Gui.so.6", "libc.so.6"])
    return folder


def test_needed_libraries_are_read_from_a_plugins_dynamic_section(tmp_path: Path) -> None:
    plugin = write_elf(tmp_path / "libqxcb.so", ["libQt6Gui.so.6", "libxcb-cursor.so.0"])
    assert needed_libraries(plugin) == ["libQt6Gui.so.6", "libxcb-cursor.so.0"]


def test_needed_libraries_are_read_from_a_big_endian_file(tmp_path: Path) -> None:
    plugin = write_elf(tmp_path / "libqxcb.so", ["libxcb.so.1"], big_endian=True)
    assert needed_libraries(plugin) == ["libxcb.so.1"]


def test_the_real_xcb_plugin_needs_xcb_cursor() -> None:
    qt = bundled_qt_dir()
    assert qt is not None
    assert "libxcb-cursor.so.0" in needed_libraries(qt / "plugins" / "platforms" / "libqxcb.so")


def test_a_library_that_cannot_load_is_named_and_qt_and_system_ones_are_not(
    tmp_path: Path,
) -> None:
    qt = fake_qt(tmp_path / "Qt", ["libc.so.6", NOT_ON_ANY_MACHINE])
    plugins = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    assert missing_libraries(plugins, qt / "lib") == [NOT_ON_ANY_MACHINE]


def test_the_install_hint_names_the_debian_packages() -> None:
    hint = install_hint(["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"])
    assert "sudo apt install libxcb-cursor0 libxkbcommon-x11-0" in hint


def test_the_install_hint_names_a_library_without_a_known_package() -> None:
    hint = install_hint(["libxcb-cursor.so.0", NOT_ON_ANY_MACHINE])
    assert "sudo apt install libxcb-cursor0" in hint
    assert f"the package that provides {NOT_ON_ANY_MACHINE}" in hint


def test_no_display_is_refused_before_qt_starts(tmp_path: Path) -> None:
    with pytest.raises(WindowCannotOpen, match="no display") as refused:
        check_window_can_open(environ={}, system="linux", qt_dir=fake_qt(tmp_path / "Qt", []))
    assert "DISPLAY" in str(refused.value)


def test_missing_xcb_libraries_are_named_with_their_packages(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path / "Qt", ["libxcb-cursor.so.0", NOT_ON_ANY_MACHINE])
    with pytest.raises(WindowCannotOpen, match=NOT_ON_ANY_MACHINE.replace(".", r"\.")):
        check_window_can_open(environ={"DISPLAY": ":0"}, system="linux", qt_dir=qt)


def test_a_display_that_does_not_answer_is_named(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path / "Qt", ["libc.so.6"])
    with pytest.raises(WindowCannotOpen, match="no display answers at :4242"):
        check_window_can_open(environ={"DISPLAY": ":4242"}, system="linux", qt_dir=qt)


@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland"},
        {"WAYLAND_DISPLAY": "wayland-0"},
        {"PRACTICECRAFT_SKIP_DISPLAY_CHECK": "1"},
    ],
    ids=["offscreen", "wayland chosen", "wayland session", "check turned off"],
)
def test_no_check_when_qt_will_not_use_x11(environ: dict[str, str], tmp_path: Path) -> None:
    qt = fake_qt(tmp_path / "Qt", [NOT_ON_ANY_MACHINE])
    check_window_can_open(environ=environ, system="linux", qt_dir=qt)


def test_no_check_outside_linux(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path / "Qt", [NOT_ON_ANY_MACHINE])
    check_window_can_open(environ={}, system="win32", qt_dir=qt)


def test_xcb_chosen_explicitly_is_checked_even_in_a_wayland_session(tmp_path: Path) -> None:
    environ = {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}
    with pytest.raises(WindowCannotOpen, match="no display"):
        check_window_can_open(environ=environ, system="linux", qt_dir=fake_qt(tmp_path / "Qt", []))


def test_a_qt_module_that_cannot_load_a_system_library_names_it_and_its_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    refused = library_missing_from(error)
    assert refused is not None
    assert "libEGL.so.1" in str(refused) and "sudo apt install libegl1" in str(refused)


def test_any_other_import_error_is_not_taken_for_a_missing_library() -> None:
    assert library_missing_from(ImportError("cannot import name 'QPdfView'")) is None


# Always present on any Linux that runs Python.
BASE_SYSTEM = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1"}
ROOT = Path(__file__).resolve().parents[2]


def xcb_plugin_packages() -> set[str]:
    """The Debian packages of every system library the installed xcb plugin needs."""
    qt = bundled_qt_dir()
    assert qt is not None
    needed = {
        name
        for file in ("plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6")
        for name in needed_libraries(qt / file)
        if not name.startswith("libQt6") and name not in BASE_SYSTEM
    }
    assert needed - set(DEBIAN_PACKAGES) == set(), "a library the check cannot name a package for"
    return {DEBIAN_PACKAGES[name] for name in needed}


def test_readme_apt_line_installs_every_library_the_xcb_plugin_needs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    apt_line = readme[readme.index("sudo apt install libegl1") :].split("```")[0]
    assert xcb_plugin_packages() <= set(apt_line.replace("\\", " ").split())


def test_ci_installs_every_library_the_xcb_plugin_needs() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert {
        p for p in xcb_plugin_packages() if f":{p} " not in script and f":{p};" not in script
    } == set()
