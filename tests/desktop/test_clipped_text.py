"""No text is clipped ("Types: A mix of types"), and nothing offered that does nothing (section 8)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QStyle, QToolButton

from desktop.pages.builder import BuilderPage
from desktop.pages.settings import SettingsPage
from desktop.window import MainWindow
from tests.desktop.conftest import wait_idle


def _room_for_text(button: QToolButton) -> int:
    """The width the button's text needs beside its menu arrow and margins."""
    style = button.style()
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    margins = 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    return button.fontMetrics().horizontalAdvance(button.text()) + arrow + margins


def _types_button(qtbot: Any, window: MainWindow) -> QToolButton:
    page = window.show_page(BuilderPage)
    assert isinstance(page, BuilderPage)
    wait_idle(qtbot, window.ctx)
    QApplication.processEvents()
    return page.form.options.types_button


def test_the_types_button_shows_a_mix_of_types_whole(qtbot: Any, window: MainWindow) -> None:
    button = _types_button(qtbot, window)
    assert button.text() == "A mix of types"
    assert button.width() >= _room_for_text(button)


def test_the_types_button_grows_with_the_types_chosen(qtbot: Any, window: MainWindow) -> None:
    button = _types_button(qtbot, window)
    options = window.pages[BuilderPage].form.options  # type: ignore[attr-defined]
    first = next(iter(options.type_actions.values()))
    first.setChecked(True)
    QApplication.processEvents()
    assert button.text() == first.text()
    assert button.width() >= _room_for_text(button)


def test_settings_does_not_offer_a_logo_that_sheets_never_print(
    qtbot: Any, window: MainWindow
) -> None:
    page = window.show_page(SettingsPage)
    assert isinstance(page, SettingsPage)
    wait_idle(qtbot, window.ctx)
    shown = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    assert not any("logo" in text.lower() for text in shown)
    assert not page.logo.choose_button.isVisibleTo(page)
