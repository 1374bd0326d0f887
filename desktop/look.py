"""The app's look in one place: the stylesheet (resources/style/app.qss) and the icons.

Icons come from qtawesome's bundled Material Design Icons font (Apache 2.0), drawn as vectors
in the palette's text colour: sharp at 125% and 150%, readable in a dark theme, and nothing
fetched from the network.
"""

from __future__ import annotations

import os
from importlib import resources as package_files

# qtawesome draws through qtpy, which would take PyQt if one were installed beside PySide6.
os.environ.setdefault("QT_API", "pyside6")
import qtawesome  # type: ignore[import-untyped]
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

STYLESHEET = ("style", "app.qss")
PAGE_ICONS = {  # by page title; a page without one gets a plain sheet
    "Today": "mdi6.home-outline",
    "Make worksheets": "mdi6.file-document-edit-outline",
    "Worksheets": "mdi6.bookshelf",
    "Grade": "mdi6.check-decagram-outline",
    "Progress": "mdi6.chart-line",
    "Children": "mdi6.account-child-outline",
    "Classes": "mdi6.google-classroom",
    "Settings": "mdi6.cog-outline",
    "Account & sync": "mdi6.account-sync-outline",
    "Upgrade": "mdi6.star-circle-outline",
}
ACTION_ICONS = {
    "make": "mdi6.file-document-multiple-outline",
    "print": "mdi6.printer-outline",
    "save": "mdi6.content-save-outline",
    "pdf": "mdi6.file-pdf-box",
    "help": "mdi6.help-circle-outline",
    "about": "mdi6.information-outline",
    "add": "mdi6.plus",
    "import": "mdi6.file-import-outline",
    "quit": "mdi6.exit-to-app",
    "backup": "mdi6.backup-restore",
}
PLAIN_PAGE = "mdi6.file-outline"
BUNDLED_FONTS = ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf")


# The main action of each page, by the attribute the page keeps it in, and its icon.
MAIN_BUTTONS = {
    "make_button": "make",
    "print_button": "print",
    "save_button": "save",
    "add_button": "add",
    "add_class_button": "add",
    "import_button": "import",
    "report_button": "pdf",
    "backup_button": "backup",
}


def decorate(page: QWidget) -> None:
    """Give the page's main buttons their icons (a page without one of them is left as is)."""
    for attribute, action in MAIN_BUTTONS.items():
        button = getattr(page, attribute, None)
        if isinstance(button, QAbstractButton) and button.icon().isNull():
            button.setIcon(action_icon(action))


def stylesheet() -> str:
    """The one stylesheet of the app (colours come from the palette, so dark mode holds)."""
    folder, name = STYLESHEET
    return package_files.files("resources").joinpath(folder, name).read_text(encoding="utf-8")


def apply_look(app: QCoreApplication) -> None:
    if not isinstance(app, QApplication):
        return
    add_bundled_fonts()
    app.setStyleSheet(stylesheet())
    app.setWindowIcon(icon("mdi6.school-outline"))


def add_bundled_fonts() -> None:
    """The Noto fonts the PDFs use also draw the window's Hindi names (आरव, not □□□□) on a
    computer without a Devanagari font; Qt falls back to them for that script."""
    folder = package_files.files("resources").joinpath("fonts")
    for name in BUNDLED_FONTS:
        QFontDatabase.addApplicationFont(str(folder.joinpath(name)))


def icon(name: str) -> QIcon:
    """A vector icon in the current text colour."""
    palette = QGuiApplication.palette()
    colour = palette.color(QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    drawn: QIcon = qtawesome.icon(name, color=colour, color_disabled=disabled)
    return drawn


def page_icon(title: str) -> QIcon:
    return icon(PAGE_ICONS.get(title, PLAIN_PAGE))


def action_icon(action: str) -> QIcon:
    return icon(ACTION_ICONS[action])
