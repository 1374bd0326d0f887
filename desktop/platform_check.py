"""Can the window open on this machine? Asked before Qt starts, because Qt cannot be asked.

When Qt's platform plugin cannot load (a system library is missing) or finds no display, Qt
prints a paragraph and aborts the process: a core dump, exit 134, nothing the app can catch. So on
Linux, when Qt is going to use X11 (the `xcb` plugin), we look first: is there a display, can
every system library the plugin needs be loaded, does the display answer? Each answer that is no
becomes one `WindowCannotOpen` line saying what to do. Qt itself is not imported here.

The check costs a few milliseconds, nearly all of it loading libraries Qt loads next anyway
(plus two small ELF reads and one connection to the display); none of it runs for other
platforms.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

SKIP_ENV = "PRACTICECRAFT_SKIP_DISPLAY_CHECK"
# Where the xcb plugin and its helper library sit inside the PySide6 wheel's Qt folder.
XCB_PLUGIN_FILES = ("plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6")
# The Debian/Ubuntu package of each system library Qt's xcb plugin and QtGui load.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
CANNOT_OPEN = r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file"


class WindowCannotOpen(Exception):
    """The window cannot open on this machine; the message says why and what to do."""


def check_window_can_open(
    environ: Mapping[str, str] | None = None,
    system: str = sys.platform,
    qt_dir: Path | None = None,
) -> None:
    """Raise `WindowCannotOpen` where Qt would abort; return quietly everywhere else."""
    env = os.environ if environ is None else environ
    if not system.startswith("linux") or env.get(SKIP_ENV) or not _uses_x11(env):
        return
    display = env.get("DISPLAY", "")
    if not display:
        raise WindowCannotOpen(
            "there is no display to open the window on (DISPLAY is not set): start PracticeCraft"
            " from your desktop, or use its commands (see `practicecraft --help`)"
        )
    folder = qt_dir if qt_dir is not None else bundled_qt_dir()
    if folder is not None:
        plugin_files = [folder / name for name in XCB_PLUGIN_FILES]
        missing = missing_libraries([f for f in plugin_files if f.is_file()], folder / "lib")
        if missing:
            raise WindowCannotOpen(install_hint(missing))
    if _display_answers(display) is False:
        raise WindowCannotOpen(
            f"no display answers at {display} (DISPLAY): start PracticeCraft from your desktop"
            " session, or set DISPLAY to a display that is running"
        )


def _uses_x11(env: Mapping[str, str]) -> bool:
    """Whether Qt will pick its xcb plugin: asked for by name (first in QT_QPA_PLATFORM's
    list), or by default on Linux outside a Wayland session."""
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return requested.split(";")[0].split(":")[0].strip() == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def bundled_qt_dir() -> Path | None:
    """The Qt folder inside the installed PySide6, found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) / "Qt" if locations else None


def missing_libraries(files: Iterable[Path], bundled: Path) -> list[str]:
    """The system libraries that `files` need and that cannot be loaded here, in order.

    Qt's own libraries (and anything shipped beside them in `bundled`) are left out: the
    plugin finds those through its own run path, which a plain `dlopen` here would not use."""
    from desktop.elf import NotAnElfFile, needed_libraries  # only when X11 will be used

    needed: dict[str, None] = {}
    for path in files:
        try:
            needed.update(dict.fromkeys(needed_libraries(path)))
        except (OSError, NotAnElfFile):
            continue  # a file we cannot read tells us nothing; Qt will judge it
    return [
        name
        for name in needed
        if not name.startswith("libQt6") and not (bundled / name).exists() and not _loads(name)
    ]


def _loads(soname: str) -> bool:
    import ctypes  # here, not at the top: every command imports this module for its error

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def install_hint(missing: list[str]) -> str:
    """What to tell the user about `missing` libraries: their names and the apt line."""
    packages = list(dict.fromkeys(DEBIAN_PACKAGES[n] for n in missing if n in DEBIAN_PACKAGES))
    unknown = [n for n in missing if n not in DEBIAN_PACKAGES]
    steps = [f"run `sudo apt install {' '.join(packages)}`"] if packages else []
    if unknown:
        steps.append(f"install the package that provides {', '.join(unknown)}")
    return (
        f"the window needs system libraries this computer lacks ({', '.join(missing)});"
        f" on Debian or Ubuntu {' and '.join(steps)}, then start PracticeCraft again"
    )


def library_missing_from(error: ImportError) -> WindowCannotOpen | None:
    """The readable error for a Qt module that could not load a system library, else None."""
    found = re.search(CANNOT_OPEN, str(error))
    return WindowCannotOpen(install_hint([found.group(1)])) if found else None


def load_window() -> Callable[[Path, bool], int]:
    """`desktop.app.run`, imported (that is when Qt's libraries load); a system library Qt's
    modules cannot find becomes `WindowCannotOpen` instead of a traceback."""
    try:
        from desktop.app import run
    except ImportError as error:
        refused = library_missing_from(error)
        if refused is None:
            raise
        raise refused from error
    return run


def _display_answers(display: str) -> bool | None:
    """Whether an X server accepts a connection at `display`; None if libxcb cannot tell us
    (then Qt will find out, and the libraries check above has named what was missing)."""
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)
