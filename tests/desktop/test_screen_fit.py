"""The window fits the screens schools have: 1366×768 at 100% and 125% (section 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

from desktop.context import AppContext
from desktop.window import PAGES, MainWindow
from desktop.window_place import first_geometry
from tests.desktop.conftest import wait_idle

# 1366×768 less a 40-pixel taskbar, in Qt's logical pixels at 125% (QT_SCALE_FACTOR=1.25).
SMALL_AT_125 = (round(1366 / 1.25), round(728 / 1.25))


def test_the_first_window_is_sized_from_the_available_screen() -> None:
    available = QRect(0, 0, *SMALL_AT_125)
    placed = first_geometry(available)
    assert available.contains(placed)
    assert placed.width() >= 0.9 * available.width()


def test_the_first_window_on_a_large_screen_is_not_stretched_to_fill_it() -> None:
    available = QRect(0, 0, 1920, 1040)
    placed = first_geometry(available)
    assert available.contains(placed) and placed.width() < 1600
    assert placed.center().x() == available.center().x()


def test_the_window_can_shrink_to_1366_by_768_at_150_percent(window: MainWindow) -> None:
    smallest = window.minimumSizeHint()
    assert smallest.width() <= 1366 / 1.5 and smallest.height() <= 728 / 1.5


def test_the_window_reopens_where_it_was_left(qtbot: Any, ctx: AppContext) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(0, 60, first.minimumSizeHint().width(), 520)
    left = first.geometry()
    first.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    assert again.geometry() == left


def _unreachable_buttons(window: MainWindow) -> list[str]:
    """Buttons of the current page outside the window, unless a scroll area can bring them in."""
    inside = QRect(QPoint(0, 0), window.size())
    lost = []
    for button in window.stack.currentWidget().findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _scrolls_into_view(button, window, inside):
            continue
        where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if not inside.contains(where):
            lost.append(f"{button.text() or button.objectName()} at {where.getRect()}")
    return lost


def _scrolls_into_view(button: QWidget, window: MainWindow, inside: QRect) -> bool:
    parent = button.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(button):
            view = parent.viewport()
            return inside.contains(QRect(view.mapTo(window, QPoint(0, 0)), view.size()))
        parent = parent.parentWidget()
    return False


def test_every_page_fits_1366_by_768_at_125_percent(qtbot: Any, window: MainWindow) -> None:
    window.resize(*SMALL_AT_125)
    for page_type in PAGES:
        window.show_page(page_type)
        wait_idle(qtbot, window.ctx)
        QApplication.processEvents()
        assert (window.width(), window.height()) == SMALL_AT_125, page_type.title
        assert _unreachable_buttons(window) == [], page_type.title


def test_the_window_place_is_kept_in_the_data_folder(qtbot: Any, window: MainWindow) -> None:
    window.close()
    assert (Path(window.ctx.data_dir) / "window.ini").is_file()


def test_the_page_list_shows_every_title_without_scrolling_sideways(window: MainWindow) -> None:
    metrics = window.nav.fontMetrics()
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        padding = 3 * metrics.height()  # the icon's gap and the rows' padding and margins
        needed = metrics.horizontalAdvance(item.text()) + window.nav.iconSize().width()
        assert needed + padding <= window.nav.viewport().width(), item.text()
    assert (
        window.nav.horizontalScrollBar().isHidden()
        or not window.nav.horizontalScrollBar().isVisible()
    )
