"""Where the main window opens: sized from the screen the first time, then where it was left.

A classroom PC at 125% on a 1366×768 screen has about 1093×582 logical pixels to offer; a
fixed first size would open larger than that with its buttons off the screen. The place is
kept per computer (in the data folder, beside the database), not per account.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

PREFERRED = QSize(1280, 820)  # roomy enough for the builder's form beside its preview
FRAME = QSize(16, 40)  # what the window manager's border and title bar usually take
PLACE_FILE = "window.ini"


def first_geometry(available: QRect) -> QRect:
    """The first window: the preferred size, or as much of the screen as is free, centred."""
    width = min(PREFERRED.width(), available.width() - FRAME.width())
    height = min(PREFERRED.height(), available.height() - FRAME.height())
    placed = QRect(0, 0, max(width, 1), max(height, 1))
    placed.moveCenter(available.center())
    return placed


def _settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / PLACE_FILE), QSettings.Format.IniFormat)


def place(window: QMainWindow, data_dir: Path) -> None:
    """Put the window where it was left on this computer, or size it for this screen."""
    saved = _settings(data_dir).value("geometry")
    if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
        return
    window.setGeometry(first_geometry(window.screen().availableGeometry()))


def remember(window: QMainWindow, data_dir: Path) -> None:
    """Keep the window's size and position for next time (a missing folder keeps nothing)."""
    if not data_dir.is_dir():
        return
    settings = _settings(data_dir)
    settings.setValue("geometry", window.saveGeometry())
    settings.sync()
