"""The menu bar: File, Edit, View (one entry per page, Ctrl+1…) and Help (guide, About).

Page actions keep their own keys on their pages (Ctrl+S, Ctrl+P, Ctrl+Enter); the menu bar
adds none of those, so a key never means two things at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from desktop.help_dialogs import about_dialog, guide_dialog
from desktop.look import action_icon, page_icon

EDIT_ACTIONS = (  # (label, standard key, the focused widget's method)
    ("Cu&t", QKeySequence.StandardKey.Cut, "cut"),
    ("&Copy", QKeySequence.StandardKey.Copy, "copy"),
    ("&Paste", QKeySequence.StandardKey.Paste, "paste"),
    ("Select &all", QKeySequence.StandardKey.SelectAll, "selectAll"),
)


class MenuBar:
    """Builds the window's menus; `add_page` adds a page to View with its Ctrl+number."""

    def __init__(self, window: QMainWindow, open_settings: Callable[[], None]) -> None:
        self.window = window
        bar = window.menuBar()
        self.file = bar.addMenu("&File")
        self.edit = bar.addMenu("&Edit")
        self.view = bar.addMenu("&View")
        self.help = bar.addMenu("&Help")
        self.pages = QActionGroup(window)
        self._file(open_settings)
        self._edit()
        self._help()

    def _file(self, open_settings: Callable[[], None]) -> None:
        settings = self.file.addAction("&Settings…")
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(open_settings)
        self.file.addSeparator()
        quit_action = self.file.addAction(action_icon("quit"), "&Quit")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.window.close)

    def _edit(self) -> None:
        for label, key, method in EDIT_ACTIONS:
            action = self.edit.addAction(label)
            action.setShortcut(key)
            action.triggered.connect(lambda _=False, m=method: _to_focus(m))

    def _help(self) -> None:
        guide = self.help.addAction(action_icon("help"), "PracticeCraft &guide")
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.show_guide)
        about = self.help.addAction(action_icon("about"), "&About PracticeCraft")
        about.triggered.connect(self.show_about)

    def add_page(self, title: str, number: int, show: Callable[[], None]) -> QAction:
        action = self.view.addAction(page_icon(title), title.replace("&", "&&"))
        action.setCheckable(True)
        action.setActionGroup(self.pages)
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(show)
        return action

    def show_guide(self) -> None:
        guide_dialog(self.window).open()

    def show_about(self) -> None:
        about_dialog(self.window).open()

    @property
    def menus(self) -> list[QMenu]:
        return [self.file, self.edit, self.view, self.help]


def _to_focus(method: str) -> None:
    """Cut, copy, paste or select all in whatever has the keyboard focus, if it can."""
    widget = QApplication.focusWidget()
    action = getattr(widget, method, None) if widget is not None else None
    if callable(action):
        action()
